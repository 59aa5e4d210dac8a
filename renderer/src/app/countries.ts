import {
  countryAliases as aliases,
  countryCodes,
  isCountryCode,
} from '../../../electron/common/domain/countries';
import { matchScore, normalise } from './search-text';

export { countryCodes, isCountryCode };

export interface CountryOption {
  code: string;
  /** In the UI language. */
  name: string;
  /** In the other language, shown beside it and searched too. */
  otherName: string;
  label: string;
  keys: string[];
}

/** Every country named in the UI language, with the other language's name searchable. */
export function countryOptions(locale: string, otherLocale: string): CountryOption[] {
  const names = new Intl.DisplayNames(locale, { type: 'region' });
  const others = new Intl.DisplayNames(otherLocale, { type: 'region' });
  return countryCodes
    .map((code) => {
      const name = names.of(code) ?? code;
      const otherName = others.of(code) ?? code;
      return {
        code,
        name,
        otherName,
        label: name,
        keys: [...(aliases[code] ?? []), name, otherName, code].map(normalise),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

export function searchCountries(options: readonly CountryOption[], query: string): CountryOption[] {
  const wanted = normalise(query);
  const scored: { option: CountryOption; score: number }[] = [];
  for (const option of options) {
    // A two-letter query is a code first ("ID" is Indonesia before Idaho-like names).
    const codeHit = wanted.length === 2 && option.code.toLowerCase() === wanted;
    const score = codeHit ? -1 : matchScore(wanted, option.keys);
    if (score !== null) scored.push({ option, score });
  }
  return scored.sort((a, b) => a.score - b.score).map((s) => s.option);
}

/**
 * The country meant by free text (typed, or stored by an older version or an import), when it
 * can only mean one: a code, or a name or alias in either language. "Korea" is KR, never "KO".
 */
export function resolveCountry(
  options: readonly CountryOption[],
  text: string,
): CountryOption | null {
  const wanted = normalise(text);
  if (!wanted) return null;
  const byCode = options.find((o) => o.code.toLowerCase() === wanted);
  if (byCode) return byCode;
  const exact = options.filter((o) => o.keys.includes(wanted));
  if (exact.length === 1) return exact[0] ?? null;
  // Several exact hits: the one for which it is the strongest name ("Korea" is KR's alias).
  const [first] = exact.sort((a, b) => a.keys.indexOf(wanted) - b.keys.indexOf(wanted));
  return first ?? null;
}
