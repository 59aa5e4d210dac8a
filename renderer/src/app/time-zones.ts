import { matchScore, normalise } from './search-text';

/** One IANA time zone as the picker shows it. */
export interface ZoneOption {
  /** The IANA name stored with the forum, e.g. "Asia/Jakarta". */
  id: string;
  /** The city in the UI language: "Jakarta", "Singapura". */
  city: string;
  /** Indonesia's own abbreviations (WIB, WITA, WIT) or a well-known one (KST). */
  abbreviation: string;
  /** The zone's generic name in the UI language: "Waktu Korea", "Korean Standard Time". */
  description: string;
  /** "UTC+07:00". */
  offset: string;
  offsetMinutes: number;
  /** What the input shows once the zone is chosen: "Jakarta (WIB, UTC+07:00)". */
  label: string;
  /** Normalised names the search matches, strongest first. */
  keys: string[];
}

/**
 * Names people type for a zone besides its city: Indonesia's WIB/WITA/WIT, and the cities
 * delegations travel to whose zone is named after another city (Gwangju keeps Seoul's time).
 * The first entry is the strongest: "WIB" finds Jakarta before Pontianak.
 */
const aliases: Record<string, { abbreviation?: string; names: string[] }> = {
  'Asia/Jakarta': {
    abbreviation: 'WIB',
    names: [
      'WIB',
      'Waktu Indonesia Barat',
      'Western Indonesia Time',
      'Indonesia',
      'Bandar Lampung',
      'Lampung',
      'Bandung',
      'Surabaya',
      'Semarang',
      'Yogyakarta',
      'Jogja',
      'Medan',
      'Palembang',
      'Padang',
      'Pekanbaru',
      'Batam',
      'Jambi',
      'Bengkulu',
      'Banda Aceh',
      'Serang',
      'Malang',
      'Surakarta',
      'Solo',
    ],
  },
  'Asia/Pontianak': {
    abbreviation: 'WIB',
    names: ['Palangka Raya', 'WIB', 'Waktu Indonesia Barat', 'Kalimantan Barat'],
  },
  'Asia/Makassar': {
    abbreviation: 'WITA',
    names: [
      'WITA',
      'Waktu Indonesia Tengah',
      'Central Indonesia Time',
      'Denpasar',
      'Bali',
      'Mataram',
      'Lombok',
      'Kupang',
      'Balikpapan',
      'Samarinda',
      'Banjarmasin',
      'Manado',
      'Palu',
      'Kendari',
      'Gorontalo',
      'Ujung Pandang',
      'Nusantara',
    ],
  },
  'Asia/Jayapura': {
    abbreviation: 'WIT',
    names: [
      'WIT',
      'Waktu Indonesia Timur',
      'Eastern Indonesia Time',
      'Ambon',
      'Sorong',
      'Manokwari',
      'Merauke',
      'Ternate',
      'Timika',
      'Papua',
      'Maluku',
    ],
  },
  'Asia/Seoul': {
    abbreviation: 'KST',
    names: [
      'Gwangju',
      'Busan',
      'Incheon',
      'Daegu',
      'Daejeon',
      'Ulsan',
      'Suwon',
      'KST',
      'Korea',
      'Korea Selatan',
      'South Korea',
    ],
  },
  'Asia/Tokyo': { abbreviation: 'JST', names: ['Osaka', 'Kyoto', 'JST', 'Jepang', 'Japan'] },
  'Asia/Kuala_Lumpur': { names: ['Malaysia', 'Putrajaya'] },
  'Asia/Singapore': { names: ['Singapura'] },
  'Asia/Bangkok': { names: ['Thailand'] },
  'Asia/Manila': { names: ['Filipina', 'Philippines'] },
  'Asia/Shanghai': { names: ['Beijing', 'Tiongkok', 'China'] },
  'Asia/Kolkata': { names: ['New Delhi', 'Delhi', 'Mumbai', 'India'] },
  'Asia/Calcutta': { names: ['Kolkata', 'New Delhi', 'Delhi', 'Mumbai', 'India'] },
  // ICU still names some zones by their old city: both spellings are listed.
  'Asia/Saigon': { names: ['Ho Chi Minh', 'Hanoi', 'Vietnam'] },
  'Asia/Ho_Chi_Minh': { names: ['Saigon', 'Hanoi', 'Vietnam'] },
  'Asia/Rangoon': { names: ['Yangon', 'Myanmar'] },
  'Asia/Katmandu': { names: ['Kathmandu', 'Nepal'] },
  'Asia/Dili': { names: ['Timor Leste', 'Timor-Leste'] },
  'Europe/Zurich': { names: ['Geneva', 'Jenewa', 'Genève', 'Bern', 'Swiss', 'Switzerland'] },
  'Europe/Amsterdam': { names: ['The Hague', 'Den Haag', 'Belanda', 'Netherlands'] },
  'America/New_York': { names: ['Washington', 'New York City'] },
  'Australia/Sydney': { names: ['Canberra'] },
  'Europe/London': { names: ['UK', 'Inggris', 'United Kingdom'] },
};

/** Cities whose Indonesian name differs from the English one in the IANA name. */
const indonesianCities: Record<string, string> = {
  Singapore: 'Singapura',
  Moscow: 'Moskwa',
  Cairo: 'Kairo',
  Vienna: 'Wina',
  Rome: 'Roma',
  Brussels: 'Brussel',
  Lisbon: 'Lisboa',
  Warsaw: 'Warsawa',
  Prague: 'Praha',
  Copenhagen: 'Kopenhagen',
  Athens: 'Athena',
  Jerusalem: 'Yerusalem',
  Mexico_City: 'Kota Meksiko',
  Kuala_Lumpur: 'Kuala Lumpur',
  Zurich: 'Zürich',
  Istanbul: 'Istanbul',
};

/** The zone this computer is set to: a new forum starts there, not at UTC. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function allTimeZones(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? [...zones] : [...zones, 'UTC'];
}

/** "UTC+07:00" and its minutes, at `when` (offsets move with summer time). */
export function zoneOffset(zone: string, when: Date): { text: string; minutes: number } {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(when)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
  if (!match) return { text: 'UTC+00:00', minutes: 0 };
  const sign = match[1] === '-' ? -1 : 1;
  const minutes = sign * (Number(match[2]) * 60 + Number(match[3]));
  return { text: `UTC${match[1]}${match[2]}:${match[3]}`, minutes };
}

function cityOf(zone: string, language: 'id' | 'en'): string {
  if (zone === 'UTC') return 'UTC';
  const last = zone.split('/').pop() ?? zone;
  const local = language === 'id' ? indonesianCities[last] : undefined;
  return local ?? last.replace(/_/g, ' ');
}

function describe(zone: string, locale: string, when: Date): string {
  try {
    return (
      new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' })
        .formatToParts(when)
        .find((p) => p.type === 'timeZoneName')?.value ?? ''
    );
  } catch {
    return '';
  }
}

/** Every zone, described in the UI language; built once per language, as it takes a moment. */
export function zoneOptions(
  language: 'id' | 'en',
  locale: string,
  when = new Date(),
  zones = allTimeZones(),
): ZoneOption[] {
  return zones.map((id) => {
    const city = cityOf(id, language);
    const extra = aliases[id];
    const abbreviation = extra?.abbreviation ?? '';
    const offset = zoneOffset(id, when);
    const description = describe(id, locale, when);
    const otherCity = cityOf(id, language === 'id' ? 'en' : 'id');
    const label = `${city} (${abbreviation ? `${abbreviation}, ` : ''}${offset.text})`;
    const keys = [
      ...(extra?.names ?? []),
      city,
      otherCity,
      id,
      description,
      ...id.split('/').slice(0, -1),
    ].map(normalise);
    return {
      id,
      city,
      abbreviation,
      description,
      offset: offset.text,
      offsetMinutes: offset.minutes,
      label,
      keys,
    };
  });
}

/** "UTC+7", "+07:00", "GMT-5", "utc+5.30" as minutes east of UTC, or null. */
export function parseOffsetQuery(query: string): number | null {
  const match = /^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?:[:.]?(\d{2}))?$/i.exec(query.trim());
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** The zones matching what was typed, best first (the city, WIB/WITA/WIT, a country, "UTC+7"). */
export function searchZones(options: readonly ZoneOption[], query: string): ZoneOption[] {
  const offset = parseOffsetQuery(query);
  if (offset !== null) return options.filter((o) => o.offsetMinutes === offset);
  const wanted = normalise(query);
  const scored: { option: ZoneOption; score: number }[] = [];
  for (const option of options) {
    const score = matchScore(wanted, option.keys);
    if (score !== null) scored.push({ option, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.option.city.localeCompare(b.option.city))
    .map((s) => s.option);
}

/**
 * The zone meant by text typed without picking from the list, when it can only mean one: an
 * IANA name, the label shown for a zone, a city, or WIB/WITA/WIT. Null when in doubt.
 */
export function resolveZone(options: readonly ZoneOption[], text: string): ZoneOption | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const exact = options.find(
    (o) => o.id.toLowerCase() === trimmed.toLowerCase() || o.label === trimmed,
  );
  if (exact) return exact;
  if (parseOffsetQuery(trimmed) !== null) return null;
  const [best] = searchZones(options, trimmed);
  const wanted = normalise(trimmed);
  return best && best.keys.includes(wanted) ? best : null;
}
