import { describe, expect, it } from 'vitest';
import {
  countryOptions,
  countryCodes,
  isCountryCode,
  resolveCountry,
  searchCountries,
} from '../../../renderer/src/app/countries';
import { doubtfulEmail, doubtfulPhone } from '../../../renderer/src/app/contact-checks';
import { hostErrorField, hostErrorKey } from '../../../renderer/src/app/form-problems';
import {
  parseOffsetQuery,
  resolveZone,
  searchZones,
  zoneOptions,
} from '../../../renderer/src/app/time-zones';

// A fixed winter day, so offsets with summer time are known.
const january = new Date(Date.UTC(2026, 0, 15, 12));
const id = zoneOptions('id', 'id-ID', january);
const en = zoneOptions('en', 'en-GB', january);

describe('time-zone search', () => {
  it.each([
    ['WIB', 'Asia/Jakarta'],
    ['wita', 'Asia/Makassar'],
    ['WIT', 'Asia/Jayapura'],
    ['Seoul', 'Asia/Seoul'],
    ['Gwangju', 'Asia/Seoul'],
    ['gwangju', 'Asia/Seoul'],
    ['Bandar Lampung', 'Asia/Jakarta'],
    ['Denpasar', 'Asia/Makassar'],
    ['Jenewa', 'Europe/Zurich'],
    ['ho chi minh', 'Asia/Saigon'],
  ])('"%s" finds %s first, in both languages', (query, zone) => {
    expect(searchZones(id, query)[0]?.id).toBe(zone);
    expect(searchZones(en, query)[0]?.id).toBe(zone);
  });

  it('finds a zone by the start of its city while typing', () => {
    expect(searchZones(en, 'Seo').map((z) => z.id)).toContain('Asia/Seoul');
    expect(searchZones(en, 'Jakar')[0]?.id).toBe('Asia/Jakarta');
  });

  it('lists WIB zones with Jakarta before Pontianak', () => {
    const ids = searchZones(id, 'WIB').map((z) => z.id);
    expect(ids.indexOf('Asia/Jakarta')).toBeLessThan(ids.indexOf('Asia/Pontianak'));
  });

  it('finds zones by UTC offset', () => {
    expect(parseOffsetQuery('UTC+7')).toBe(420);
    expect(parseOffsetQuery('+05:30')).toBe(330);
    expect(parseOffsetQuery('gmt-5')).toBe(-300);
    expect(parseOffsetQuery('Seoul')).toBeNull();
    const plus9 = searchZones(en, 'UTC+9').map((z) => z.id);
    expect(plus9).toContain('Asia/Seoul');
    expect(plus9).toContain('Asia/Jayapura');
    expect(plus9).not.toContain('Asia/Jakarta');
  });

  it('names cities in the UI language and shows the offset', () => {
    const singapore = id.find((z) => z.id === 'Asia/Singapore');
    expect(singapore?.city).toBe('Singapura');
    expect(en.find((z) => z.id === 'Asia/Singapore')?.city).toBe('Singapore');
    expect(id.find((z) => z.id === 'Asia/Jakarta')?.label).toBe('Jakarta (WIB, UTC+07:00)');
    expect(searchZones(en, 'Singapura')[0]?.id).toBe('Asia/Singapore');
  });

  it('recognises typed text only when it can mean one zone', () => {
    expect(resolveZone(en, 'Seoul')?.id).toBe('Asia/Seoul');
    expect(resolveZone(en, 'WIB')?.id).toBe('Asia/Jakarta');
    expect(resolveZone(en, 'asia/seoul')?.id).toBe('Asia/Seoul');
    expect(resolveZone(en, 'Jakarta (WIB, UTC+07:00)')?.id).toBe('Asia/Jakarta');
    expect(resolveZone(en, 'Seo')).toBeNull();
    expect(resolveZone(en, 'Atlantis')).toBeNull();
    expect(resolveZone(en, 'UTC+7')).toBeNull();
  });
});

describe('country picker', () => {
  const idCountries = countryOptions('id-ID', 'en-GB');
  const enCountries = countryOptions('en-GB', 'id-ID');

  it('holds the assigned ISO 3166-1 alpha-2 codes only', () => {
    expect(countryCodes).toHaveLength(249);
    expect(isCountryCode('KR')).toBe(true);
    expect(isCountryCode('KO')).toBe(false);
    expect(isCountryCode('EU')).toBe(false);
  });

  it('"Korea" is KR, never "KO"', () => {
    expect(resolveCountry(enCountries, 'Korea')?.code).toBe('KR');
    expect(resolveCountry(idCountries, 'Korea Selatan')?.code).toBe('KR');
    expect(resolveCountry(idCountries, 'South Korea')?.code).toBe('KR');
    expect(searchCountries(enCountries, 'Korea')[0]?.code).toBe('KR');
  });

  it('names countries in both languages and searches both', () => {
    const korea = idCountries.find((c) => c.code === 'KR');
    expect(korea?.name).toBe('Korea Selatan');
    expect(korea?.otherName).toBe('South Korea');
    expect(searchCountries(idCountries, 'Netherlands')[0]?.code).toBe('NL');
    expect(searchCountries(enCountries, 'Belanda')[0]?.code).toBe('NL');
    expect(resolveCountry(enCountries, 'id')?.code).toBe('ID');
  });

  it('leaves free text it cannot place alone', () => {
    expect(resolveCountry(enCountries, 'KO')).toBeNull();
    expect(resolveCountry(enCountries, 'Atlantis')).toBeNull();
  });
});

describe('host validation errors on a form', () => {
  const fields = ['name.id', 'timeZone', 'acronym', 'emails'];

  it('finds the form field inside the request path', () => {
    const at = (field: string) =>
      hostErrorField({ code: 'invalid-input', params: { field } }, fields);
    expect(at('timeZone')).toBe('timeZone');
    expect(at('patch.timeZone')).toBe('timeZone');
    expect(at('patch.name.id')).toBe('name.id');
    expect(at('contact.emails.0.value')).toBe('emails');
    expect(at('forumId')).toBeNull();
    expect(hostErrorField({ code: 'disk-full', params: { path: 'x' } }, fields)).toBeNull();
  });

  it('says what is wrong, not the field path', () => {
    expect(
      hostErrorKey({
        code: 'invalid-input',
        params: { field: 'acronym', reason: 'too_big', limit: 60 },
      }),
    ).toEqual({ key: 'tooLong', values: { max: 60 } });
    expect(
      hostErrorKey({ code: 'invalid-input', params: { field: 'patch.timeZone', reason: 'custom' } })
        .key,
    ).toBe('zone');
  });
});

describe('soft checks of a contact card', () => {
  it.each(['andi@example.org', ' kim.minji@gwangju.go.kr ', 'a+b@sub.example.co.id'])(
    'takes %s as an e-mail address',
    (value) => expect(doubtfulEmail(value)).toBe(false),
  );
  it.each(['andi(at)example', 'andi@example', 'andi @example.org', '@example.org'])(
    'doubts %s',
    (value) => expect(doubtfulEmail(value)).toBe(true),
  );
  it.each(['+62 812-3456-7890', '(0721) 123456', '+82 62 123 4567 ext. 12', '0812.3456.7890'])(
    'takes %s as a phone number',
    (value) => expect(doubtfulPhone(value)).toBe(false),
  );
  it.each(['12345', 'call me', '+62 812 3456 7890 1234 5678', 'andi@example.org'])(
    'doubts %s',
    (value) => expect(doubtfulPhone(value)).toBe(true),
  );
});
