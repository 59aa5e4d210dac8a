import type { Workspace } from '../store/workspace';
import type { MergeSummary } from './shared-forum';
import { openShareFile, writeShareFile } from './share-file';
import type { ShareHeader } from './share-file';

/**
 * *Send to a colleague* and *Receive*: a whole shared forum in one file, for when there is
 * no network at all (a USB stick, a file sent by chat). Receiving merges with Automerge, so
 * the same file received twice, or files received in any order, give the same forum.
 */

/** Who is sending: this laptop's member, else the profile's head of delegation. */
function senderName(workspace: Workspace): string {
  const profile = workspace.data.profile;
  const meId = (workspace.data.settings as { meMemberId?: string | null }).meMemberId;
  const me = profile.members.find((m) => m.id === meId);
  return me?.name || profile.headName || '';
}

export async function sendForum(
  workspace: Workspace,
  forumId: string,
  passphrase?: string,
): Promise<{ bytes: Buffer; header: Omit<ShareHeader, 'format'> }> {
  const view = workspace.forum(forumId);
  await workspace.shareForum(forumId);
  const save = workspace.sharedSave(forumId);
  const header = {
    forumId,
    forumName: { id: view.forum.name.id, en: view.forum.name.en },
    sentBy: senderName(workspace),
    sentAt: new Date().toISOString(),
  };
  return { bytes: await writeShareFile(header, save, passphrase), header };
}

export interface ReceiveResult {
  header: ShareHeader;
  /** True when the forum was not in this workspace before. */
  added: boolean;
  summary: MergeSummary;
}

/**
 * Checks the whole file before anything changes (a truncated, tampered or foreign file is
 * refused with `share-file-invalid`), then merges it and saves the result.
 */
export async function receiveForum(
  workspace: Workspace,
  bytes: Uint8Array,
  passphrase?: string,
): Promise<ReceiveResult> {
  const { header, save } = await openShareFile(bytes, passphrase);
  const added = !workspace.forumIds().includes(header.forumId);
  const summary = await workspace.mergeSharedSave(save, header.forumId);
  return { header, added, summary };
}
