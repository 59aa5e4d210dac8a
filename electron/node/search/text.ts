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

/** Every stem a query word may stand for, whichever language the delegate typed it in. */
export function queryStems(word: string): string[] {
  const folded = fold(word);
  return [...new Set([stem(folded, 'id'), stem(folded, 'en'), folded])];
}
