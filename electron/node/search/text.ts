import { Stemmer } from 'sastrawijs';
import { stemmer as englishStem } from 'stemmer';

export type TextLanguage = 'id' | 'en' | 'none';

/** Lower case without accents: "Pérez" and "perez" are the same word to a search. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    found.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

const indonesian = new Stemmer();
const cache: Record<Exclude<TextLanguage, 'none'>, Map<string, string>> = {
  id: new Map(),
  en: new Map(),
};
const CACHE_LIMIT = 200_000;

/**
 * The stem of an already folded word: Sastrawi's dictionary-based Indonesian stemmer
 * ("berkomitmen" → "komitmen", "penghormatan" → "hormat") or Porter's English one. Both
 * are slow next to a map lookup, and delegates' vocabulary repeats, so stems are cached.
 */
export function stem(word: string, language: TextLanguage): string {
  if (language === 'none' || word.length < 3 || /\d/.test(word)) return word;
  const known = cache[language].get(word);
  if (known !== undefined) return known;
  const result = language === 'id' ? indonesian.stem(word) || word : englishStem(word);
  if (cache[language].size > CACHE_LIMIT) cache[language].clear();
  cache[language].set(word, result);
  return result;
}

/**
 * Function words left out of the index: they occur in nearly every note, so they cost a
 * third of the index and its build time while never narrowing a search. Only closed-class
 * words (articles, prepositions, conjunctions, pronouns): general stop-word lists also drop
 * words a delegate searches for ("world", "right", "masalah").
 */
const FUNCTION_WORDS = new Set(
  (
    'yang dan di ke dari untuk dengan pada dalam ini itu adalah atau juga akan oleh sebagai ' +
    'bahwa tidak telah sudah dapat bagi para serta agar karena tersebut secara kami kita ' +
    'mereka ia dia saya anda nya pun lah kah ' +
    'the a an and or of to in on at by for with from as is are was were be been being this ' +
    'that these those it its we our they their he she his her i you your not but into than ' +
    'then so such'
  ).split(' '),
);

export function isFunctionWord(folded: string): boolean {
  return FUNCTION_WORDS.has(folded);
}

const indexCache: Record<TextLanguage, Map<string, string | null>> = {
  id: new Map(),
  en: new Map(),
  none: new Map(),
};

/**
 * What a word of a text is indexed as, or null for a function word: one cached lookup per
 * word, as a field's text is indexed word by word.
 */
export function indexTerm(word: string, language: TextLanguage): string | null {
  const cache = indexCache[language];
  const known = cache.get(word);
  if (known !== undefined) return known;
  const folded = fold(word);
  const result = isFunctionWord(folded) ? null : stem(folded, language);
  if (cache.size > CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}

/** Every stem a query word may stand for, whichever language the delegate typed it in. */
export function queryStems(word: string): string[] {
  const folded = fold(word);
  return [...new Set([stem(folded, 'id'), stem(folded, 'en'), folded])];
}
