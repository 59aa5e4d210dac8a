import { matchScore, normalise } from './search-text';

/**
 * ISO 3166-1 alpha-2, the officially assigned codes. Intl can name a region but cannot list
 * them (its names also cover "EU", "UN", old codes such as "YU"), so the list is kept here.
 */
export const countryCodes = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
  'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
  'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS ' +
  'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
  'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
  'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
  'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
  'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
  'VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const known = new Set(countryCodes);

/** Names people use that neither language's official name starts with; strongest first. */
const aliases: Record<string, string[]> = {
  KR: ['Korea', 'Republic of Korea', 'Republik Korea', 'ROK'],
  KP: ['DPRK', 'Korea Utara'],
  US: ['USA', 'United States of America', 'America', 'Amerika', 'Amerika Serikat'],
  GB: ['UK', 'United Kingdom', 'Britain', 'Great Britain', 'England', 'Inggris', 'Britania Raya'],
  NL: ['Holland', 'Belanda'],
  TL: ['East Timor', 'Timor Timur'],
  CZ: ['Czech Republic', 'Ceko'],
  RU: ['Russian Federation'],
  VN: ['Viet Nam'],
  LA: ['Lao PDR'],
  CN: ['PRC', 'Tiongkok', 'Cina'],
  AE: ['UAE', 'Emirates'],
};

export interface CountryOption {
  code: string;
  /** In the UI language. */
  name: string;
  /** In the other language, shown beside it and searched too. */
  otherName: string;
  label: string;
  keys: string[];
}

export function isCountryCode(value: string): boolean {
  return known.has(value);
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
