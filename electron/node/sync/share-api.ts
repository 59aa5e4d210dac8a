import type { ExportFile } from '../../common/domain/notebook-views';
import type { ShareReceived } from '../../common/domain/share-views';
import type { Workspace } from '../store/workspace';

/**
 * The app's side of *Send to a colleague* and *Receive*: the same exchange as
 * `risalah share send|receive`, with the file's bytes carried as base64 to and from the page.
 * Automerge (WebAssembly) is loaded on first use, never at start.
 */
const exchange = () => import('./exchange');

/** A file name a colleague recognises: the forum's acronym or name, and the day. */
export function shareFileName(name: string, date = new Date()): string {
  const stem =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'forum';
  return `${stem}-${date.toISOString().slice(0, 10)}.risalah`;
}

export async function sendForumFile(
  workspace: Workspace,
  forumId: string,
  passphrase?: string,
): Promise<ExportFile> {
  const { bytes } = await (await exchange()).sendForum(workspace, forumId, passphrase);
  const forum = workspace.forum(forumId).forum;
  return {
    fileName: shareFileName(forum.acronym || forum.name.en || forum.name.id),
    mimeType: 'application/octet-stream',
    base64: bytes.toString('base64'),
  };
}

/** Checks the whole file first (nothing changes when it is refused), then merges it. */
export async function receiveForumFile(
  workspace: Workspace,
  bytes: Uint8Array,
  passphrase?: string,
): Promise<ShareReceived> {
  const { header, added, summary } = await (
    await exchange()
  ).receiveForum(workspace, bytes, passphrase);
  return {
    forumId: header.forumId,
    forumName: { id: header.forumName.id, en: header.forumName.en },
    sentBy: header.sentBy,
    sentAt: header.sentAt,
    added,
    summary,
  };
}
