import type { Bilingual } from '../../common/domain/primitives';
import type {
  SearchHit,
  SearchKind,
  SearchResults,
  SearchSegment,
} from '../../common/domain/notebook-views';
import { InvertedIndex } from './inverted-index';
import { fold, indexTerm, isFunctionWord, queryStems, stem, words } from './text';
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
const FIELD_BOOST: Record<Field, number> = { id: 1, en: 1, extra: 1.5 };
const KIND_ORDER: SearchKind[] = ['note', 'session', 'clause', 'commitment', 'contact'];
const SNIPPET_RADIUS = 60;
const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

interface Stored {
  kind: SearchKind;
  forumId: string | null;
  recordId: string;
}

/**
 * Full-text search over notes, sessions, clauses, commitments and contacts, in both
 * languages, kept up to date record by record. Texts are not copied into the index: hits
 * are resolved against the store for snippets.
 */
export class SearchIndex {
  readonly #index = new InvertedIndex(FIELDS.map((f) => FIELD_BOOST[f]));
  readonly #stored = new Map<string, Stored>();
  readonly #resolve: (key: string) => Searchable | null;

  constructor(resolve: (key: string) => Searchable | null) {
    this.#resolve = resolve;
  }

  get size(): number {
    return this.#index.size;
  }

  upsert(doc: Searchable): void {
    this.#stored.set(doc.key, { kind: doc.kind, forumId: doc.forumId, recordId: doc.recordId });
    this.#index.upsert({
      key: doc.key,
      fields: FIELDS.map((field) => terms(doc[field], FIELD_LANGUAGE[field])),
    });
  }

  remove(key: string): void {
    this.#index.remove(key);
    this.#stored.delete(key);
  }

  addAll(docs: Iterable<Searchable>): void {
    for (const doc of docs) this.upsert(doc);
  }

  query(text: string, limitPerKind = 8): SearchResults {
    const start = performance.now();
    const queryWords = words(text)
      .map((w) => fold(w.text))
      .filter((w) => !isFunctionWord(w));
    if (queryWords.length === 0) return { query: text, groups: [], total: 0, tookMs: 0 };
    // Every word must match (AND), in any of the stems it may stand for (OR); the last
    // word may still be being typed, so it also matches the words it begins.
    const matchedTerms = new Set<string>();
    const groups = queryWords.map((word, index) => {
      const prefix = index === queryWords.length - 1 && word.length >= 3;
      const ids = new Set<number>();
      for (const variant of queryStems(word)) {
        for (const id of this.#index.expand(variant, prefix)) ids.add(id);
      }
      for (const id of ids) matchedTerms.add(this.#index.termOf(id));
      return [...ids];
    });
    const { total, top } = this.#index.search(
      groups,
      (key) => this.#stored.get(key)?.kind ?? '',
      limitPerKind,
    );
    const byKind = new Map<SearchKind, SearchHit[]>();
    for (const result of top) {
      const stored = this.#stored.get(result.key);
      if (!stored) continue;
      const list = byKind.get(stored.kind) ?? [];
      const doc = this.#resolve(result.key);
      if (!doc) continue;
      list.push({
        kind: stored.kind,
        id: stored.recordId,
        forumId: stored.forumId,
        title: doc.title,
        snippet: snippet(doc, matchedTerms),
        score: result.score,
      });
      byKind.set(stored.kind, list);
    }
    return {
      query: text,
      groups: KIND_ORDER.filter((k) => byKind.has(k)).map((kind) => ({
        kind,
        hits: byKind.get(kind) ?? [],
      })),
      total,
      tookMs: performance.now() - start,
    };
  }
}

/** The index terms of a text: folded, function words dropped, stemmed by language. */
function terms(text: string, language: TextLanguage): string[] {
  const found = text.toLowerCase().match(WORD_PATTERN) ?? [];
  const out: string[] = [];
  for (const word of found) {
    const term = indexTerm(word, language);
    if (term !== null) out.push(term);
  }
  return out;
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
