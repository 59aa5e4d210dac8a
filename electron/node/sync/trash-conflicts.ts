import type { ForumDocument } from '../../common/domain/forum-schema';
import type { ForumDoc } from './forum-automerge';

/** A note as it was on this laptop just before a merge. */
export interface NoteBefore {
  deletedAt: string | null;
  body: { id: string; en: string };
}

export const notesBefore = (view: ForumDocument): Map<string, NoteBefore> =>
  new Map(
    view.notes.map((n) => [
      n.id,
      { deletedAt: n.deletedAt, body: { id: n.body.id, en: n.body.en } },
    ]),
  );

const sameBody = (a: { id: string; en: string }, b: { id: string; en: string }) =>
  a.id === b.id && a.en === b.en;

/**
 * An edit to a note another member trashed keeps the note: after a merge, a note in the
 * Trash whose text the other side changed meanwhile (text this laptop had not seen when it
 * trashed it, or text the trashing colleague had not seen) is taken out of the Trash and
 * marked, so the editor says what happened. Nothing typed stays hidden in the Trash.
 * Returns the ids kept.
 */
export function keepEditedTrashed(
  before: Map<string, NoteBefore>,
  incoming: ForumDoc,
  view: ForumDocument,
  at: string,
): string[] {
  const kept: string[] = [];
  // Read only when a note was trashed by the colleague (the incoming document may be a view
  // at the file's heads, costly to read whole).
  const theirs = () =>
    (incoming as unknown as { notes?: Record<string, { body?: unknown }> }).notes;
  for (const note of view.notes) {
    if (!note.deletedAt) continue;
    const mine = before.get(note.id);
    if (!mine) continue;
    let editedApart: boolean;
    if (mine.deletedAt) {
      // Trashed here: the colleague's edits came in with the merge.
      editedApart = !sameBody(mine.body, note.body);
    } else {
      // Trashed by the colleague: their copy lacks what was written here meanwhile.
      const body = theirs()?.[note.id]?.body as { id?: unknown; en?: unknown } | undefined;
      const their = { id: String(body?.id ?? ''), en: String(body?.en ?? '') };
      editedApart = !sameBody(their, note.body);
    }
    if (!editedApart) continue;
    note.keptFromTrash = {
      at,
      trashedAt: note.deletedAt,
      ...(note.trashedBy?.name ? { by: note.trashedBy.name } : {}),
    };
    note.deletedAt = null;
    note.trashedBy = null;
    kept.push(note.id);
  }
  return kept;
}
