import type {
  Clause,
  Commitment,
  ForumDocument,
  Note,
  Session,
} from '../../common/domain/forum-schema';
import type { Contact } from '../../common/domain/workspace-schema';
import type { Searchable } from '../search/search-index';
import type { Workspace } from '../store/workspace';

export const searchKey = {
  note: (forumId: string, id: string) => `note:${forumId}:${id}`,
  session: (forumId: string, id: string) => `session:${forumId}:${id}`,
  clause: (forumId: string, id: string) => `clause:${forumId}:${id}`,
  commitment: (forumId: string, id: string) => `commitment:${forumId}:${id}`,
  contact: (id: string) => `contact::${id}`,
};

/** A note's title: its first line, without Markdown heading marks. */
export const firstLine = (text: string) =>
  text
    .trim()
    .split('\n')[0]
    ?.replace(/^#+\s*/, '')
    .slice(0, 120) ?? '';

export function noteSearchable(forumId: string, note: Note): Searchable {
  return {
    key: searchKey.note(forumId, note.id),
    kind: 'note',
    forumId,
    recordId: note.id,
    title: { id: firstLine(note.body.id), en: firstLine(note.body.en) },
    id: note.body.id,
    en: note.body.en,
    extra: note.tags.join(' '),
  };
}

export function sessionSearchable(forumId: string, session: Session): Searchable {
  return {
    key: searchKey.session(forumId, session.id),
    kind: 'session',
    forumId,
    recordId: session.id,
    title: { ...session.title },
    id: session.title.id,
    en: session.title.en,
    extra: [session.room, ...session.speakers].join(' '),
  };
}

export function clauseSearchable(forumId: string, clause: Clause): Searchable {
  return {
    key: searchKey.clause(forumId, clause.id),
    kind: 'clause',
    forumId,
    recordId: clause.id,
    title: {
      id: `${clause.number}. ${firstLine(clause.text.id)}`,
      en: `${clause.number}. ${firstLine(clause.text.en)}`,
    },
    id: clause.text.id,
    en: clause.text.en,
    extra: [clause.number, ...clause.tags].join(' '),
  };
}

export function commitmentSearchable(forumId: string, commitment: Commitment): Searchable {
  return {
    key: searchKey.commitment(forumId, commitment.id),
    kind: 'commitment',
    forumId,
    recordId: commitment.id,
    title: { id: firstLine(commitment.statement.id), en: firstLine(commitment.statement.en) },
    id: commitment.statement.id,
    en: commitment.statement.en,
    extra: [commitment.responsible.unit, commitment.evidence].join(' '),
  };
}

const regionNames = ['id', 'en'].map((locale) => new Intl.DisplayNames(locale, { type: 'region' }));

/** A country stored as its ISO code is found by its name in either language ("Korea" finds KR). */
function countryWords(country: string): string[] {
  if (!/^[A-Z]{2}$/.test(country)) return [country];
  const names = regionNames.map((names) => {
    try {
      return names.of(country) ?? '';
    } catch {
      return '';
    }
  });
  return [country, ...names];
}

export function contactSearchable(contact: Contact): Searchable {
  return {
    key: searchKey.contact(contact.id),
    kind: 'contact',
    forumId: null,
    recordId: contact.id,
    title: { id: contact.name, en: contact.name },
    id: [contact.position.id, contact.organisation.id].join(' '),
    en: [contact.position.en, contact.organisation.en].join(' '),
    extra: [
      contact.name,
      contact.honorific,
      contact.city,
      ...countryWords(contact.country),
      ...contact.emails.map((e) => e.value),
      ...contact.tags,
    ].join(' '),
  };
}

/** Lazily, so a record deleted while the index is being built is skipped when reached. */
function* live<T extends { deletedAt: string | null }>(list: T[]): Generator<T> {
  for (const record of list) if (!record.deletedAt) yield record;
}

export function* forumSearchables(
  forumId: string,
  doc: Readonly<ForumDocument>,
): Generator<Searchable> {
  if (doc.forum.deletedAt) return;
  for (const note of live(doc.notes)) yield noteSearchable(forumId, note);
  for (const session of live(doc.sessions)) yield sessionSearchable(forumId, session);
  for (const clause of live(doc.clauses)) yield clauseSearchable(forumId, clause);
  for (const commitment of live(doc.commitments)) yield commitmentSearchable(forumId, commitment);
}

export function* workspaceSearchables(workspace: Workspace): Generator<Searchable> {
  for (const forumId of workspace.forumIds())
    yield* forumSearchables(forumId, workspace.forum(forumId));
  for (const contact of live(workspace.data.contacts)) yield contactSearchable(contact);
}

/** Finds the current record behind a search key, for snippets; null if it is gone. */
export function resolveSearchable(workspace: Workspace, key: string): Searchable | null {
  const [kind, forumId = '', id = ''] = key.split(':');
  try {
    if (kind === 'contact') {
      const contact = workspace.data.contacts.find((c) => c.id === id);
      return contact ? contactSearchable(contact) : null;
    }
    const doc = workspace.forum(forumId);
    const find = <T extends { id: string }>(list: T[]) => list.find((r) => r.id === id);
    if (kind === 'note') return mapOrNull(find(doc.notes), (n) => noteSearchable(forumId, n));
    if (kind === 'session')
      return mapOrNull(find(doc.sessions), (s) => sessionSearchable(forumId, s));
    if (kind === 'clause') return mapOrNull(find(doc.clauses), (c) => clauseSearchable(forumId, c));
    if (kind === 'commitment')
      return mapOrNull(find(doc.commitments), (c) => commitmentSearchable(forumId, c));
  } catch {
    return null;
  }
  return null;
}

function mapOrNull<T, R>(value: T | undefined, map: (value: T) => R): R | null {
  return value === undefined ? null : map(value);
}
