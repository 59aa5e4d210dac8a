/* eslint-disable @typescript-eslint/no-non-null-assertion --
   Hot loops over arrays whose bounds this class keeps itself (one slot per term and per
   document); `noUncheckedIndexedAccess` cannot see that, and fallbacks would cost time. */
/**
 * A compact inverted index for bilingual notes, with BM25 ranking, AND across query words,
 * OR across the stems a word may stand for, prefix matching for the word being typed, and
 * record-by-record updates.
 *
 * Why not MiniSearch (which this replaced): on 10,000 bilingual notes it took 1.4 s to build
 * and 36 ms at p95 to answer, against targets of 1 s and 5 ms, because each posting is a Map
 * entry and every match is scored through generic query trees. Here a posting is one small
 * integer (document, field, term frequency) in a plain array, and a query walks only the
 * postings of its terms into typed scratch arrays.
 */

const FIELD_BITS = 2;
const TF_BITS = 8;
const TF_MAX = (1 << TF_BITS) - 1;
const DOC_SHIFT = FIELD_BITS + TF_BITS;
const MAX_DOCS = 2 ** (31 - DOC_SHIFT);
const K1 = 1.2;
const B = 0.7;

export interface IndexedDocument {
  key: string;
  /** One list of already processed terms per field, in the index's field order. */
  fields: string[][];
}

export interface Match {
  key: string;
  score: number;
}

export class InvertedIndex {
  readonly #boosts: number[];
  readonly #termIds = new Map<string, number>();
  readonly #terms: string[] = [];
  readonly #postings: number[][] = [];
  readonly #df: number[] = [];
  /** Terms by their first two characters, for prefix lookups without a sorted list. */
  readonly #byPrefix = new Map<string, number[]>();
  readonly #keys: (string | null)[] = [];
  readonly #docTerms: (Int32Array | null)[] = [];
  readonly #fieldLengths: number[][];
  readonly #totalLength: number[];
  readonly #keyToDoc = new Map<string, number>();
  readonly #free: number[] = [];
  #count = 0;

  constructor(fieldBoosts: number[]) {
    if (fieldBoosts.length > 1 << FIELD_BITS) throw new Error('too many fields');
    this.#boosts = fieldBoosts;
    this.#fieldLengths = fieldBoosts.map(() => []);
    this.#totalLength = fieldBoosts.map(() => 0);
  }

  get size(): number {
    return this.#count;
  }

  has(key: string): boolean {
    return this.#keyToDoc.has(key);
  }

  /** Adds a document, replacing one with the same key. */
  upsert(document: IndexedDocument): void {
    this.remove(document.key);
    const doc = this.#free.pop() ?? this.#keys.length;
    if (doc >= MAX_DOCS) throw new Error('search index is full');
    this.#keys[doc] = document.key;
    this.#keyToDoc.set(document.key, doc);
    this.#count++;
    const unique = new Set<number>();
    document.fields.forEach((terms, field) => {
      this.#fieldLengths[field]![doc] = terms.length;
      this.#totalLength[field]! += terms.length;
      const frequencies = new Map<number, number>();
      for (const term of terms) {
        const id = this.#termId(term);
        frequencies.set(id, (frequencies.get(id) ?? 0) + 1);
      }
      for (const [id, tf] of frequencies) {
        this.#postings[id]!.push((doc << DOC_SHIFT) | (field << TF_BITS) | Math.min(tf, TF_MAX));
        if (!unique.has(id)) {
          unique.add(id);
          this.#df[id]!++;
        }
      }
    });
    this.#docTerms[doc] = Int32Array.from(unique);
  }

  remove(key: string): void {
    const doc = this.#keyToDoc.get(key);
    if (doc === undefined) return;
    for (const id of this.#docTerms[doc] ?? []) {
      const list = this.#postings[id]!;
      let write = 0;
      for (let read = 0; read < list.length; read++) {
        const posting = list[read]!;
        if (posting >>> DOC_SHIFT !== doc) list[write++] = posting;
      }
      list.length = write;
      this.#df[id]!--;
    }
    this.#fieldLengths.forEach((lengths, field) => {
      this.#totalLength[field]! -= lengths[doc] ?? 0;
      lengths[doc] = 0;
    });
    this.#keys[doc] = null;
    this.#docTerms[doc] = null;
    this.#keyToDoc.delete(key);
    this.#free.push(doc);
    this.#count--;
  }

  /** Term ids for a word: the exact term, or every indexed term it begins (`prefix`). */
  expand(term: string, prefix: boolean): number[] {
    if (!prefix) {
      const id = this.#termIds.get(term);
      return id === undefined ? [] : [id];
    }
    const bucket = this.#byPrefix.get(term.slice(0, 2)) ?? [];
    return bucket.filter((id) => this.#terms[id]!.startsWith(term));
  }

  termOf(id: number): string {
    return this.#terms[id]!;
  }

  /**
   * Documents matching every group (a group is the term ids one query word may stand
   * for): how many there are, and the best `limit` of each bucket (say, each kind of
   * record), best first. Only those are ever sorted.
   */
  search(
    groups: number[][],
    bucketOf: (key: string) => string,
    limit: number,
  ): { total: number; top: Match[] } {
    if (groups.length === 0 || this.#count === 0) return { total: 0, top: [] };
    const slots = this.#keys.length;
    const scores = new Float64Array(slots);
    const matched = new Uint8Array(slots);
    const averages = this.#totalLength.map((total) => total / Math.max(1, this.#count) || 1);
    groups.forEach((ids, index) => {
      for (const id of ids) {
        const list = this.#postings[id]!;
        const df = this.#df[id]!;
        const idf = Math.log(1 + (this.#count - df + 0.5) / (df + 0.5));
        for (let i = 0; i < list.length; i++) {
          const posting = list[i]!;
          const doc = posting >>> DOC_SHIFT;
          // AND: a document counts for this word only if it matched every word before it.
          if (matched[doc]! < index) continue;
          const field = (posting >>> TF_BITS) & ((1 << FIELD_BITS) - 1);
          const tf = posting & TF_MAX;
          const length = this.#fieldLengths[field]![doc] ?? 0;
          const norm = tf + K1 * (1 - B + (B * length) / averages[field]!);
          scores[doc]! += (this.#boosts[field]! * idf * tf * (K1 + 1)) / norm;
          matched[doc] = index + 1;
        }
      }
    });
    let total = 0;
    const buckets = new Map<string, Match[]>();
    for (let doc = 0; doc < slots; doc++) {
      if (matched[doc] !== groups.length) continue;
      total++;
      const key = this.#keys[doc]!;
      const score = scores[doc]!;
      const bucket = bucketOf(key);
      const best = buckets.get(bucket) ?? [];
      if (best.length < limit || score > best[best.length - 1]!.score) {
        // Insertion into a short sorted list: cheaper than sorting every match.
        let at = best.length;
        while (at > 0 && best[at - 1]!.score < score) at--;
        best.splice(at, 0, { key, score });
        if (best.length > limit) best.pop();
        buckets.set(bucket, best);
      }
    }
    return { total, top: [...buckets.values()].flat().sort((a, b) => b.score - a.score) };
  }

  #termId(term: string): number {
    let id = this.#termIds.get(term);
    if (id === undefined) {
      id = this.#terms.length;
      this.#termIds.set(term, id);
      this.#terms.push(term);
      this.#postings.push([]);
      this.#df.push(0);
      const prefix = term.slice(0, 2);
      const bucket = this.#byPrefix.get(prefix);
      if (bucket) bucket.push(id);
      else this.#byPrefix.set(prefix, [id]);
    }
    return id;
  }
}
