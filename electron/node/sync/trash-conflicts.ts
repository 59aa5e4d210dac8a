import { createHash } from 'node:crypto';
import type { ForumDocument, Note } from '../../common/domain/forum-schema';
import type { ForumDoc } from './forum-automerge';

/** A note as it was on this laptop just before a merge. */
export interface NoteBefore {
  deletedAt: string | null;
  body: { id: string; en: string };
  /** The record itself (not a copy: only read if the merge took it away). */
  note: Note;
}

export const notesBefore = (view: ForumDocument): Map<string, NoteBefore> =>
  new Map(
    view.notes.map((n) => [
      n.id,
      { deletedAt: n.deletedAt, body: { id: n.body.id, en: n.body.en }, note: n },
    ]),
  );

/** What a purge records of a note's text: enough to tell an edit, nothing to read. */
export function textDigest(id: string, body: { id: string; en: string }): string {
  return createHash('sha256').update(`${id}\u0000${body.id}\u0000${body.en}`).digest('base64url');
}

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
  const kept: string[] = keepEditedPurged(before, incoming, view, at);
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

/**
 * Emptying the Trash of a shared forum deletes the notes from the shared document, and a
 * deletion outweighs a colleague's concurrent edits to the note. So a purge leaves a digest
 * of the text it deleted (`forum.purgedNotes`); after a merge, a purged note whose text on
 * either side differs from that digest (edited by someone who had not seen the purge) is
 * brought back with that text, out of the Trash and marked, and its digest dropped, so the
 * note travels again. A note purged unchanged stays purged everywhere.
 */
function keepEditedPurged(
  before: Map<string, NoteBefore>,
  incoming: ForumDoc,
  view: ForumDocument,
  at: string,
): string[] {
  const purged = view.forum.purgedNotes;
  if (!purged || !Object.keys(purged).length) return [];
  const present = new Set(view.notes.map((n) => n.id));
  const theirs = (incoming as unknown as { notes?: Record<string, unknown> }).notes;
  const kept: string[] = [];
  for (const [id, stone] of Object.entries(purged)) {
    if (present.has(id)) continue;
    const mine = before.get(id)?.note;
    const their = theirs?.[id] ? (JSON.parse(JSON.stringify(theirs[id])) as Note) : undefined;
    const edited = [mine, their].find(
      (note): note is Note => !!note && textDigest(id, note.body) !== stone.digest,
    );
    if (!edited) continue;
    view.notes.push({
      ...structuredClone(edited),
      deletedAt: null,
      trashedBy: null,
      keptFromTrash: {
        at,
        trashedAt: stone.at,
        ...(stone.by ? { by: stone.by } : {}),
        purged: true,
      },
    });
    Reflect.deleteProperty(purged, id);
    kept.push(id);
  }
  return kept;
}
