import { createHash } from 'node:crypto';
import * as A from '@automerge/automerge';
import { cleanupSemantic, DIFF_DELETE, DIFF_EQUAL, makeDiff } from '@sanity/diff-match-patch';
import type { ForumDocument, Note } from '../../common/domain/forum-schema';
import type { ForumDoc } from './forum-automerge';

/** A note as it was on this laptop just before a merge. */
export interface NoteBefore {
  deletedAt: string | null;
  body: { id: string; en: string };
  /** The record itself (not a copy: only read if the merge took it away). */
  note: Note;
  /** The Automerge object that held the note in this laptop's document. */
  object?: string;
}

/** The Automerge object holding a note in `doc`, if it holds one. */
function objectOf(doc: ForumDoc | undefined, id: string): string | undefined {
  const record = (doc as unknown as { notes?: Record<string, unknown> } | undefined)?.notes?.[id];
  return record ? (A.getObjectId(record) ?? undefined) : undefined;
}

/** `doc`: this laptop's document before the merge, to tell later which edits it hid. */
export const notesBefore = (view: ForumDocument, doc?: ForumDoc): Map<string, NoteBefore> =>
  new Map(
    view.notes.map((n) => [
      n.id,
      {
        deletedAt: n.deletedAt,
        body: { id: n.body.id, en: n.body.en },
        note: n,
        object: objectOf(doc, n.id),
      },
    ]),
  );

/**
 * One text holding the words of both: what they share once, and where they differ, the
 * words of each (the kept text's first). Nothing either wrote is dropped; the delegate then
 * removes what is repeated.
 */
export function unionText(kept: string, other: string): string {
  if (kept.includes(other)) return kept;
  if (other.includes(kept)) return other;
  let out = '';
  let previous = DIFF_EQUAL;
  for (const [op, text] of wordDiff(kept, other)) {
    // A passage rewritten on both sides: the two versions one after the other, apart.
    if (previous === DIFF_DELETE && op !== DIFF_EQUAL && !/\s$/.test(out) && !/^\s/.test(text))
      out += ' ';
    out += text;
    previous = op;
  }
  return out;
}

/**
 * A diff by whole words (diff-match-patch on one character per distinct word or space run,
 * as its line mode does for lines): a passage rewritten on both sides never splits a word.
 */
function wordDiff(a: string, b: string): [number, string][] {
  const tokens: string[] = [];
  const codes = new Map<string, string>();
  const encode = (text: string) =>
    (text.match(/\s+|[^\s]+/g) ?? [])
      .map((token) => {
        let code = codes.get(token);
        if (code === undefined) {
          code = String.fromCharCode(tokens.length + 0x100);
          codes.set(token, code);
          tokens.push(token);
        }
        return code;
      })
      .join('');
  const [left, right] = [encode(a), encode(b)];
  // Past this many distinct words the codes would reach the surrogates: by character then.
  if (tokens.length > 50_000) return cleanupSemantic(makeDiff(a, b));
  return cleanupSemantic(makeDiff(left, right, { checkLines: false })).map(([op, text]) => [
    op,
    [...text].map((c) => tokens[c.charCodeAt(0) - 0x100] ?? '').join(''),
  ]);
}

/** Puts the words of `other` into `note` where its text lacks them; true if any were. */
function takeWords(note: Note, other: Pick<Note, 'body' | 'bodyAuthors'>): boolean {
  let changed = false;
  for (const side of ['id', 'en'] as const) {
    const text = unionText(note.body[side], other.body[side]);
    if (text === note.body[side]) continue;
    note.body[side] = text;
    // Their text taken whole (it held all of this one): they wrote the side last.
    const by = other.bodyAuthors?.[side];
    if (text === other.body[side] && by)
      note.bodyAuthors = { id: null, en: null, ...note.bodyAuthors, [side]: by };
    changed = true;
  }
  return changed;
}

/**
 * The colleague's notes, each read when asked for. A received file's document is a view of
 * this laptop's at the file's heads, which Automerge would make whole to be read (a quarter
 * of a second for 2,000 notes, at every merge); read note by note at those heads, only the
 * notes a check needs are made.
 */
export interface TheirNotes {
  /** The Automerge object holding the note in their document. */
  object(id: string): string | undefined;
  /** The note as plain JSON. */
  note(id: string): Note | undefined;
}

/** The notes of a whole document (a colleague's, loaded from the network or a file). */
export function notesOf(doc: ForumDoc): TheirNotes {
  const notes = () => (doc as unknown as { notes?: Record<string, unknown> }).notes;
  return {
    object: (id) => objectOf(doc, id),
    note: (id) => {
      const note = notes()?.[id];
      return note ? (JSON.parse(JSON.stringify(note)) as Note) : undefined;
    },
  };
}

/** The notes of `doc` as they were at `heads` (which `doc` has), read one by one. */
export function notesAt(doc: ForumDoc, heads: string[]): TheirNotes {
  const backend = A.getBackend(doc);
  const notesObject = A.getObjectId((doc as unknown as { notes: unknown }).notes);
  const objectAt = (id: string) => {
    if (!notesObject) return undefined;
    const value = backend.getWithType(notesObject, id, heads);
    return value && value[0] === 'map' ? String(value[1]) : undefined;
  };
  return {
    object: objectAt,
    note: (id) => {
      const object = objectAt(id);
      return object
        ? (JSON.parse(JSON.stringify(backend.materialize(object, heads))) as Note)
        : undefined;
    },
  };
}

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
  incoming: ForumDoc | TheirNotes,
  view: ForumDocument,
  at: string,
  merged?: ForumDoc,
): string[] {
  const theirs =
    'note' in incoming && typeof incoming.note === 'function'
      ? incoming
      : notesOf(incoming as ForumDoc);
  const kept: string[] = keepEditedPurged(before, theirs, view, at);
  if (merged) keepHiddenEdits(before, theirs, view, at, merged);
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
      const body = theirs.note(note.id)?.body as { id?: unknown; en?: unknown } | undefined;
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
  theirs: TheirNotes,
  view: ForumDocument,
  at: string,
): string[] {
  const purged = view.forum.purgedNotes;
  if (!purged || !Object.keys(purged).length) return [];
  const present = new Set(view.notes.map((n) => n.id));
  const kept: string[] = [];
  for (const [id, stone] of Object.entries(purged)) {
    if (present.has(id)) continue;
    const mine = before.get(id)?.note;
    const their = theirs.note(id);
    const edited = [mine, their].filter(
      (note): note is Note => !!note && textDigest(id, note.body) !== stone.digest,
    );
    const [first, second] = edited;
    if (!first) continue;
    const back: Note = {
      ...structuredClone(first),
      deletedAt: null,
      trashedBy: null,
      keptFromTrash: {
        at,
        trashedAt: stone.at,
        ...(stone.by ? { by: stone.by } : {}),
        purged: true,
      },
    };
    // Edited on both laptops: both edits come back.
    if (second && takeWords(back, second) && back.keptFromTrash) back.keptFromTrash.both = true;
    view.notes.push(back);
    Reflect.deleteProperty(purged, id);
    kept.push(id);
  }
  return kept;
}

/**
 * A note brought back after a purge is a new object in the shared document: edits another
 * laptop makes to the note it still has (the deleted object) are hidden behind it at a
 * merge, as is a note brought back on two laptops at once (one object wins). Those edits are
 * taken into the note as it is now (see `unionText`), and the note says so.
 */
function keepHiddenEdits(
  before: Map<string, NoteBefore>,
  theirs: TheirNotes,
  view: ForumDocument,
  at: string,
  merged: ForumDoc,
): void {
  for (const note of view.notes) {
    const object = objectOf(merged, note.id);
    if (!object) continue;
    const hidden: Pick<Note, 'body' | 'bodyAuthors'>[] = [];
    const mine = before.get(note.id);
    if (mine?.object && mine.object !== object)
      hidden.push({ body: mine.body, bodyAuthors: mine.note.bodyAuthors });
    const theirObject = theirs.object(note.id);
    const their = theirObject && theirObject !== object ? theirs.note(note.id) : undefined;
    if (their) hidden.push(their);
    let changed = false;
    for (const body of hidden) changed = takeWords(note, body) || changed;
    if (!changed) continue;
    note.keptFromTrash = {
      ...(note.keptFromTrash ?? { at, trashedAt: at, purged: true }),
      at,
      both: true,
    };
    note.deletedAt = null;
    note.trashedBy = null;
  }
}
