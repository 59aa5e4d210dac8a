import { francAll } from 'franc-min';
import type { UiLanguage } from '../../common/language';

/** franc's ISO 639-3 codes for the two languages a delegate pastes. */
const CODES: Record<string, UiLanguage> = { ind: 'id', eng: 'en' };
/** Below this many letters a trigram count says little; the caller falls back to the empty side. */
const MIN_LETTERS = 20;
/** The runner-up must score this far below the winner (franc scores the winner 1). */
const MARGIN = 0.1;

/**
 * Whether a pasted text is Indonesian or English, by trigram frequencies (franc-min, the
 * small build of franc, run in the host so the page does not carry its tables); null when
 * the text is too short or too mixed to say.
 */
export function detectLanguage(text: string): UiLanguage | null {
  // Clause numbers, "Butir", bullets and URLs carry no language: leave letters and spaces.
  const letters = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[^\p{L}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (letters.replace(/\s/g, '').length < MIN_LETTERS) return null;
  const [first, second] = francAll(letters.slice(0, 20_000), { only: ['ind', 'eng'] });
  if (!first || !CODES[first[0]]) return null;
  if (second && first[1] - second[1] < MARGIN) return null;
  return CODES[first[0]] ?? null;
}
