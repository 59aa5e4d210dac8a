import * as A from '@automerge/automerge';
import type {
  ConflictField,
  ConflictKind,
  ConflictValue,
  FieldConflict,
} from '../../common/domain/notebook-views';
import type { ForumDoc } from './forum-automerge';

/**
 * Conflicts, stated: where two members set the same field of a shared forum differently
 * (a session's title, a commitment's status or due date, the stance on a clause), Automerge
 * keeps every value and shows the same one on every laptop. This reads those values from the
 * document, with who set each: the record's `changedBy` is written whole by every change
 * (see `WHOLE_FIELDS`), so the value set by the same actor names the member.
 */

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

/** Where a field lives in a record, and where that record says who changed it. */
const PLACES: Record<ConflictField, { path: string[]; author: string[] }> = {
  'title.id': { path: ['title', 'id'], author: ['changedBy'] },
  'title.en': { path: ['title', 'en'], author: ['changedBy'] },
  status: { path: ['status'], author: ['changedBy'] },
  dueDate: { path: ['dueDate'], author: ['changedBy'] },
  stance: { path: ['position', 'stance'], author: ['position', 'changedBy'] },
};

const COLLECTIONS: Record<ConflictKind, 'sessions' | 'commitments' | 'clauses'> = {
  session: 'sessions',
  commitment: 'commitments',
  clause: 'clauses',
};

const FIELDS: Record<ConflictKind, ConflictField[]> = {
  session: ['title.id', 'title.en'],
  commitment: ['status', 'dueDate'],
  clause: ['stance'],
};

const actorOf = (opId: string) => opId.slice(opId.indexOf('@') + 1);
const counterOf = (opId: string) => Number(opId.slice(0, opId.indexOf('@')));

/** Automerge's order: the op with the larger counter wins, then the larger actor id. */
const newestFirst = (a: string, b: string) =>
  counterOf(b) - counterOf(a) || (actorOf(a) < actorOf(b) ? 1 : actorOf(a) > actorOf(b) ? -1 : 0);

const nameOf = (changedBy: unknown) =>
  isNode(changedBy) && typeof changedBy.name === 'string' ? changedBy.name : '';

const asValue = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);

function walk(node: unknown, path: string[]): unknown {
  let at = node;
  for (const key of path) {
    if (!isNode(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** Values of `key` on `parent` by op id, or null when there is only one. */
function conflictsOf(parent: unknown, key: string): Record<string, unknown> | null {
  if (!isNode(parent)) return null;
  const conflicts = A.getConflicts(parent as A.Doc<unknown>, key) as
    Record<string, unknown> | undefined;
  return conflicts && Object.keys(conflicts).length > 1 ? conflicts : null;
}

/** The member who set each op's value: the `changedBy` written by the same actor. */
function authorsByActor(record: unknown, authorPath: string[]): Map<string, string> {
  const authors = new Map<string, string>();
  const parent = walk(record, authorPath.slice(0, -1));
  const key = authorPath[authorPath.length - 1] as string;
  const conflicts = conflictsOf(parent, key);
  if (conflicts) {
    for (const [opId, value] of Object.entries(conflicts))
      authors.set(actorOf(opId), nameOf(value));
  }
  return authors;
}

function stated(
  kind: ConflictKind,
  id: string,
  field: ConflictField,
  values: { opId: string; value: string | null; by: string }[],
): FieldConflict | null {
  const ordered = [...values].sort((a, b) => newestFirst(a.opId, b.opId));
  const [winner, ...rest] = ordered;
  if (!winner) return null;
  const others: ConflictValue[] = [];
  for (const other of rest) {
    if (other.value === winner.value || others.some((o) => o.value === other.value)) continue;
    others.push({ value: other.value, by: other.by });
  }
  if (others.length === 0) return null;
  return { kind, id, field, current: { value: winner.value, by: winner.by }, others };
}

function recordConflicts(kind: ConflictKind, id: string, record: unknown): FieldConflict[] {
  const found: FieldConflict[] = [];
  for (const field of FIELDS[kind]) {
    const place = PLACES[field];
    // A position both members set from none: two whole position objects, each with its own
    // stance and author.
    if (field === 'stance') {
      const positions = conflictsOf(record, 'position');
      if (positions) {
        const values = Object.entries(positions).map(([opId, position]) => ({
          opId,
          value: asValue(walk(position, ['stance'])),
          by: nameOf(walk(position, ['changedBy'])),
        }));
        const conflict = stated(kind, id, field, values);
        if (conflict) found.push(conflict);
        continue;
      }
    }
    const parent = walk(record, place.path.slice(0, -1));
    const conflicts = conflictsOf(parent, place.path[place.path.length - 1] as string);
    if (!conflicts) continue;
    const authors = authorsByActor(record, place.author);
    const values = Object.entries(conflicts).map(([opId, value]) => ({
      opId,
      value: asValue(value),
      by: authors.get(actorOf(opId)) ?? '',
    }));
    const conflict = stated(kind, id, field, values);
    if (conflict) found.push(conflict);
  }
  return found;
}

/** Every stated conflict of a shared forum's live sessions, commitments and clauses. */
export function fieldConflicts(doc: ForumDoc): FieldConflict[] {
  const found: FieldConflict[] = [];
  for (const kind of Object.keys(COLLECTIONS) as ConflictKind[]) {
    const records = (doc as unknown as Node)[COLLECTIONS[kind]];
    if (!isNode(records)) continue;
    for (const [id, record] of Object.entries(records)) {
      if (isNode(record) && record.deletedAt) continue;
      found.push(...recordConflicts(kind, id, record));
    }
  }
  return found;
}

/**
 * The document path a choice is written at, so that writing it ends the conflict: a whole
 * position when two were set from none, else the field itself.
 */
export function settlePath(doc: ForumDoc, kind: ConflictKind, id: string, field: ConflictField) {
  const record = walk(doc, [COLLECTIONS[kind], id]);
  if (field === 'stance' && conflictsOf(record, 'position'))
    return [COLLECTIONS[kind], id, 'position'];
  return [COLLECTIONS[kind], id, ...PLACES[field].path];
}
