/**
 * Countries as Risalah stores them: ISO 3166-1 alpha-2 codes, named in the reader's language
 * when shown or exported. Shared by the pickers and by the importers, which turn a country
 * written out in an address book ("Korea", "Republic of Korea", "Korea Selatan") into its code.
 */

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
export const countryAliases: Record<string, string[]> = {
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

export function isCountryCode(value: string): boolean {
  return known.has(value);
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^the /, '')
    .trim();

let byName: Map<string, string> | undefined;

/** Every name of every country in English and Indonesian (and the aliases), folded. */
function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  const displays = ['en', 'id'].map((l) => new Intl.DisplayNames(l, { type: 'region' }));
  for (const code of countryCodes) {
    for (const display of displays) {
      const name = display.of(code);
      if (name && name !== code) byName.set(fold(name), code);
    }
    for (const alias of countryAliases[code] ?? []) byName.set(fold(alias), code);
  }
  return byName;
}

/**
 * The code of a country written as a code or a whole name in English or Indonesian; null
 * when it is none of them (the text is then kept as written, never guessed).
 */
export function countryCodeOf(text: string): string | null {
  const trimmed = text.trim();
  if (/^[a-z]{2}$/i.test(trimmed) && known.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return names().get(fold(trimmed)) ?? null;
}

/** A stored country as a reader of `language` reads it: the code named, free text as is. */
export function countryName(value: string, language: string): string {
  if (!known.has(value)) return value;
  return new Intl.DisplayNames(language, { type: 'region' }).of(value) ?? value;
}
