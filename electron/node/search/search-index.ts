import MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import type { Bilingual } from '../../common/domain/primitives';
import type {
  SearchHit,
  SearchKind,
  SearchResults,
  SearchSegment,
} from '../../common/domain/notebook-views';
import { fold, queryStems, stem, words } from './text';
import type { TextLanguage } from './text';

/** One record as the index sees it. `key` is unique across kinds and forums. */
export interface Searchable {
  key: string;
  kind: SearchKind;
  forumId: string | null;
  recordId: string;
  title: Bilingual;
  /** Indonesian text, stemmed as Indonesian. */
  id: string;
  /** English text, stemmed as English. */
  en: string;
  /** Names, numbers, tags, e-mails: matched as written (folded), not stemmed. */
  extra: string;
}

const FIELDS = ['id', 'en', 'extra'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_LANGUAGE: Record<Field, TextLanguage> = { id: 'id', en: 'en', extra: 'none' };
const KIND_ORDER: SearchKind[] = ['note', 'session', 'clause', 'commitment', 'contact'];
const SNIPPET_RADIUS = 60;

interface Stored {
  kind: SearchKind;
  forumId: string | null;
  recordId: string;
}

/**
 * Full-text search over notes, sessions, clauses, commitments and contacts, in both
 * languages, kept up to date record by record (MiniSearch's incremental add and discard).
 * Texts are not copied into the index: hits are resolved against the store for snippets.
 */
export class SearchIndex {
  readonly #mini: MiniSearch<Searchable>;
  readonly #resolve: (key: string) => Searchable | null;

  constructor(resolve: (key: string) => Searchable | null) {
    this.#resolve = resolve;
    this.#mini = new MiniSearch<Searchable>({
      idField: 'key',
      fields: [...FIELDS],
      storeFields: ['kind', 'forumId', 'recordId'],
      tokenize: (text) => words(text).map((w) => w.text),
      processTerm: (term, fieldName) =>
        stem(fold(term), FIELD_LANGUAGE[(fieldName ?? 'extra') as Field] ?? 'none'),
    });
  }

  get size(): number {
    return this.#mini.documentCount;
  }

  upsert(doc: Searchable): void {
    if (this.#mini.has(doc.key)) this.#mini.discard(doc.key);
    this.#mini.add(doc);
  }

  remove(key: string): void {
    if (this.#mini.has(key)) this.#mini.discard(key);
  }

  addAll(docs: Iterable<Searchable>): void {
    for (const doc of docs) this.upsert(doc);
  }

  query(text: string, limitPerKind = 8): SearchResults {
    const start = performance.now();
    const queryWords = words(text).map((w) => w.text);
    if (queryWords.length === 0) return { query: text, groups: [], total: 0, tookMs: 0 };
    // Every word must match (AND), in any of the stems it may stand for (OR).
    const tree: Query = {
      combineWith: 'AND',
      queries: queryWords.map((word) => ({
        combineWith: 'OR',
        queries: queryStems(word),
      })),
    };
    const results = this.#mini.search(tree, {
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length >= 6 ? 0.15 : false),
      boost: { extra: 1.5 },
      tokenize: (t) => [t],
      processTerm: (t) => t,
    });
    const groups = new Map<SearchKind, SearchHit[]>();
    let total = 0;
    for (const result of results) {
      const stored = result as unknown as Stored & { terms: string[] };
      const list = groups.get(stored.kind) ?? [];
      total++;
      if (list.length >= limitPerKind) continue;
      const doc = this.#resolve(String(result.id));
      if (!doc) continue;
      list.push({
        kind: stored.kind,
        id: stored.recordId,
        forumId: stored.forumId,
        title: doc.title,
        snippet: snippet(doc, new Set(stored.terms)),
        score: result.score,
      });
      groups.set(stored.kind, list);
    }
    return {
      query: text,
      groups: KIND_ORDER.filter((k) => groups.has(k)).map((kind) => ({
        kind,
        hits: groups.get(kind) ?? [],
      })),
      total,
      tookMs: performance.now() - start,
    };
  }
}

/** The first place a matched term occurs, with the matching words marked. */
export function snippet(doc: Searchable, terms: Set<string>): SearchSegment[] {
  for (const field of FIELDS) {
    const text = doc[field];
    const found = words(text).filter((w) => terms.has(stem(fold(w.text), FIELD_LANGUAGE[field])));
    const first = found[0];
    if (!first) continue;
    const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, first.start - SNIPPET_RADIUS)) + 1);
    const to = Math.min(text.length, first.end + SNIPPET_RADIUS * 2);
    const segments: SearchSegment[] = [];
    let cursor = from;
    for (const word of found) {
      if (word.start < from || word.end > to) continue;
      if (word.start > cursor) segments.push({ text: text.slice(cursor, word.start), hit: false });
      segments.push({ text: text.slice(word.start, word.end), hit: true });
      cursor = word.end;
    }
    if (cursor < to) segments.push({ text: text.slice(cursor, to), hit: false });
    if (from > 0) segments.unshift({ text: '…', hit: false });
    if (to < text.length) segments.push({ text: '…', hit: false });
    return segments;
  }
  return [{ text: (doc.id || doc.en || doc.extra).slice(0, SNIPPET_RADIUS * 3), hit: false }];
}
