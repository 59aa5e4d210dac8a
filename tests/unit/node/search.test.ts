import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../electron/node/search/search-index';
import type { Searchable } from '../../../electron/node/search/search-index';
import { fold, queryStems, stem } from '../../../electron/node/search/text';
import { contactSearchable } from '../../../electron/node/notebook/searchables';

function indexOf(docs: Searchable[]): SearchIndex {
  const byKey = new Map(docs.map((d) => [d.key, d]));
  const index = new SearchIndex((key) => byKey.get(key) ?? null);
  index.addAll(docs);
  return index;
}

const note = (key: string, id: string, en: string, extra = ''): Searchable => ({
  key,
  kind: 'note',
  forumId: 'f1',
  recordId: key,
  title: { id: id.slice(0, 40), en: en.slice(0, 40) },
  id,
  en,
  extra,
});

describe('stemming', () => {
  it('reduces Indonesian affixed words to their root', () => {
    expect(stem('berkomitmen', 'id')).toBe('komitmen');
    expect(stem('penghormatan', 'id')).toBe('hormat');
    expect(stem('menghormati', 'id')).toBe('hormat');
    expect(stem('perlindungan', 'id')).toBe('lindung');
    expect(stem('kesepakatan', 'id')).toBe('sepakat');
  });

  it('reduces English words with Porter', () => {
    expect(stem('commitments', 'en')).toBe(stem('committed', 'en'));
    expect(stem('strengthening', 'en')).toBe('strengthen');
  });

  it('folds case and accents', () => {
    expect(fold('Pérez ÇAĞLAR Nguyễn')).toBe('perez caglar nguyen');
    expect(queryStems('Komitmen')).toContain('komitmen');
  });
});

describe('SearchIndex', () => {
  const docs = [
    note(
      'n1',
      'Pemerintah kabupaten berkomitmen memperkuat demokrasi lokal.',
      'The regency committed to strengthening local democracy.',
    ),
    note('n2', 'Penghormatan terhadap pembela HAM di tingkat desa.', ''),
    note('n3', '', 'Respect for human rights defenders in villages.', 'pembela-ham'),
    {
      key: 'c1',
      kind: 'contact' as const,
      forumId: null,
      recordId: 'c1',
      title: { id: 'Kim Min-ji', en: 'Kim Min-ji' },
      id: 'Staf Ahli',
      en: 'Adviser',
      extra: 'Kim Min-ji 김민지 Gwangju International Center kim@gic.or.kr',
    },
  ];
  const index = indexOf(docs);

  it('finds "berkomitmen" when searching "komitmen"', () => {
    const hits = index.query('komitmen').groups.flatMap((g) => g.hits);
    expect(hits.map((h) => h.id)).toEqual(['n1']);
    expect(hits[0]?.snippet.filter((s) => s.hit).map((s) => s.text)).toContain('berkomitmen');
  });

  it('finds "penghormatan" when searching "hormat", and English by its stem', () => {
    expect(
      index
        .query('hormat')
        .groups.flatMap((g) => g.hits)
        .map((h) => h.id),
    ).toEqual(['n2']);
    expect(
      index
        .query('defender')
        .groups.flatMap((g) => g.hits)
        .map((h) => h.id),
    ).toEqual(['n3']);
    expect(
      index
        .query('commitment')
        .groups.flatMap((g) => g.hits)
        .map((h) => h.id),
    ).toEqual(['n1']);
  });

  it('is case- and accent-insensitive, and needs every word', () => {
    expect(index.query('DÉMOKRASI lokal').total).toBe(1);
    expect(index.query('demokrasi desa').total).toBe(0);
  });

  it('matches names in other scripts and groups results by kind', () => {
    const result = index.query('김민지');
    expect(result.groups.map((g) => g.kind)).toEqual(['contact']);
    expect(index.query('gwangju').groups[0]?.hits[0]?.title.en).toBe('Kim Min-ji');
  });

  it('follows edits record by record', () => {
    const byKey = new Map(docs.map((d) => [d.key, d]));
    const live = new SearchIndex((key) => byKey.get(key) ?? null);
    live.addAll(docs);
    const edited = note('n2', 'Anggaran responsif gender', 'Gender-responsive budgeting');
    byKey.set('n2', edited);
    live.upsert(edited);
    expect(live.query('hormat').total).toBe(0);
    expect(live.query('anggaran').total).toBe(1);
    live.remove('n2');
    expect(live.query('anggaran').total).toBe(0);
    expect(live.size).toBe(3);
  });

  it('finds words as they are being typed', () => {
    expect(index.query('demok').total).toBe(1);
  });
});

describe('SearchIndex ranking and bookkeeping', () => {
  it('matches words found in different fields of one record', () => {
    const index = indexOf([
      note('a', 'Demokrasi lokal di desa.', '', 'gwangju'),
      note('b', 'Demokrasi lokal.', ''),
    ]);
    expect(index.query('gwangju demokrasi').groups[0]?.hits.map((h) => h.id)).toEqual(['a']);
  });

  it('ranks a record where the word is frequent and the text short above a passing mention', () => {
    const index = indexOf([
      note(
        'passing',
        `Anggaran daerah. ${'Catatan rapat panjang tentang banyak hal. '.repeat(20)}`,
        '',
      ),
      note('focused', 'Anggaran responsif gender: anggaran desa, anggaran kabupaten.', ''),
    ]);
    expect(index.query('anggaran').groups[0]?.hits.map((h) => h.id)).toEqual([
      'focused',
      'passing',
    ]);
  });

  it('counts every match but returns only the best few of each kind', () => {
    const many = Array.from({ length: 30 }, (_, i) => note(`n${i}`, `Partisipasi warga ${i}`, ''));
    const result = indexOf(many).query('partisipasi', 5);
    expect(result.total).toBe(30);
    expect(result.groups[0]?.hits).toHaveLength(5);
  });

  it('reuses the place of removed records without mixing them up', () => {
    const byKey = new Map<string, Searchable>();
    const index = new SearchIndex((key) => byKey.get(key) ?? null);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 50; i++) {
        const doc = note(`n${i}`, `Putaran ${round} catatan ${i}`, '');
        byKey.set(doc.key, doc);
        index.upsert(doc);
      }
    }
    expect(index.size).toBe(50);
    expect(index.query('putaran').total).toBe(50);
    const hit = index.query('catatan').groups[0]?.hits[0];
    expect(byKey.get(hit?.id ?? '')?.id).toMatch(/^Putaran 2 /);
  });

  it('ignores function words in queries and in notes', () => {
    const index = indexOf([
      note('a', 'Kota yang ramah hak asasi manusia', 'The city of human rights'),
    ]);
    expect(index.query('yang').total).toBe(0);
    expect(index.query('the').total).toBe(0);
    expect(index.query('kota yang ramah').total).toBe(1);
  });
});

describe('contacts by country', () => {
  it('finds a contact whose country is stored as an ISO code by its name in either language', () => {
    const contact = contactSearchable({
      id: 'c1',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      deletedAt: null,
      name: 'Kim Min-ji',
      nameParts: { family: 'Kim', given: 'Min-ji', additional: '', prefix: '', suffix: '' },
      otherNames: [],
      honorific: '',
      addressAs: '',
      position: { id: '', en: '' },
      role: { id: '', en: '' },
      organisation: { id: '', en: '' },
      orgUnits: { id: [], en: [] },
      addresses: [],
      urls: [],
      country: 'KR',
      city: '',
      emails: [],
      phones: [],
      handles: [],
      website: '',
      languages: [],
      photo: null,
      photoUrl: '',
      birthday: '',
      geo: '',
      uid: '',
      met: [],
      tags: [],
      notes: '',
      sensitive: false,
    });
    const index = indexOf([contact]);
    expect(index.query('korea').total).toBe(1);
    expect(index.query('selatan').total).toBe(1);
    expect(index.query('south korea').total).toBe(1);
  });
});
