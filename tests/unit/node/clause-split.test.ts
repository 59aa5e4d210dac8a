import { describe, expect, it } from 'vitest';
import { alignByNumber } from '../../../electron/node/clauses/align';
import { MAX_CLAUSES, splitClauses } from '../../../electron/node/clauses/split';

// Written as such texts arrive from a PDF: a title, a preamble, lines broken mid-sentence,
// a word hyphenated across lines, lettered and roman sub-points.
const english = `Gwangju Declaration on Human Rights Cities
2017 World Human Rights Cities Forum

We, the participants of the 2017 World Human Rights Cities Forum, gathered in
Gwangju from 14 to 17 September 2017,

1. Reaffirm our commitment to the Gwangju Guiding Principles for a Human
Rights City adopted in 2011;
2. Call on local governments to:
a) strengthen local and participatory democ-
racy;
b) guarantee the participation of all residents, including
   migrants and persons with disabilities, in decision-making;
c) protect human rights defenders at the local level.
3. Encourage cities to
   (i) adopt human rights indicators,
   (ii) report on progress every year.
4. Resolve to meet again in Gwangju in 2018.`;

const indonesian = `Deklarasi Gwangju tentang Kota Hak Asasi Manusia

Kami, peserta Forum Kota HAM Sedunia 2017,

Butir 1 Menegaskan kembali komitmen kami terhadap Prinsip-Prinsip Panduan
Gwangju untuk Kota HAM yang diadopsi pada 2011;
Butir 2 Menyerukan kepada pemerintah daerah untuk:
(a) memperkuat demokrasi lokal dan parti-
sipatif;
(b) menjamin partisipasi seluruh warga, termasuk
pekerja migran dan penyandang disabilitas, dalam pengambilan keputusan;
(c) melindungi pembela HAM di tingkat lokal.
Butir 3 Mendorong kota-kota untuk
i) menetapkan indikator HAM,
ii) melaporkan kemajuan setiap tahun.
Butir 4 Bertekad untuk bertemu kembali di Gwangju pada 2018.`;

describe('splitClauses', () => {
  it('splits an English declaration with broken lines, letters and roman numerals', () => {
    const { clauses, warnings } = splitClauses(english);
    expect(warnings).toEqual([]);
    expect(clauses.map((c) => c.number)).toEqual([
      '',
      '1',
      '2',
      '2.a',
      '2.b',
      '2.c',
      '3',
      '3.i',
      '3.ii',
      '4',
    ]);
    // The preamble keeps its paragraphs; lines within a paragraph are joined.
    expect(clauses[0]?.text).toMatch(
      /^Gwangju Declaration on Human Rights Cities 2017 World Human Rights Cities Forum\nWe, the participants/,
    );
    expect(clauses[1]?.text).toBe(
      'Reaffirm our commitment to the Gwangju Guiding Principles for a Human Rights City adopted in 2011;',
    );
    expect(clauses[3]?.text).toBe('strengthen local and participatory democracy;');
    expect(clauses[4]?.text).toBe(
      'guarantee the participation of all residents, including migrants and persons with disabilities, in decision-making;',
    );
    // Straight under a number, a roman point is the second level.
    expect(clauses.find((c) => c.number === '3.ii')?.level).toBe(1);
  });

  it('splits the Indonesian text numbered "Butir n" with "(a)" and "i)"', () => {
    const { clauses } = splitClauses(indonesian);
    expect(clauses.map((c) => c.number)).toEqual([
      '',
      '1',
      '2',
      '2.a',
      '2.b',
      '2.c',
      '3',
      '3.i',
      '3.ii',
      '4',
    ]);
    expect(clauses.find((c) => c.number === '2.a')?.text).toBe(
      'memperkuat demokrasi lokal dan partisipatif;',
    );
    expect(clauses.find((c) => c.number === '4')?.text).toBe(
      'Bertekad untuk bertemu kembali di Gwangju pada 2018.',
    );
  });

  it('reads mixed numbering: "1.", "2)", dotted "2.1", and bullets kept in their clause', () => {
    const { clauses } = splitClauses(
      [
        '1. Pertama.',
        '2) Kedua:',
        '2.1 Rincian satu',
        '2.2 Rincian dua',
        '- butir lepas',
        '• butir lain',
        '3 - Ketiga.',
      ].join('\n'),
    );
    expect(clauses.map((c) => c.number)).toEqual(['1', '2', '2.1', '2.2', '3']);
    expect(clauses.find((c) => c.number === '2.2')?.text).toBe(
      'Rincian dua\n• butir lepas\n• butir lain',
    );
  });

  it('tells the letter i after h from the roman numeral i', () => {
    const letters = 'abcdefghi'.split('').map((l) => `${l}) point ${l}`);
    const { clauses } = splitClauses(['1. Items:', ...letters].join('\n'));
    expect(clauses.at(-1)?.number).toBe('1.i');
    expect(clauses.at(-1)?.level).toBe(1);
  });

  it('does not take a year or a regulation number at a line start for a clause number', () => {
    const { clauses } = splitClauses(
      '1. Sesuai Peraturan Bupati Lampung Timur Nomor 48 Tahun\n2016 tentang Kabupaten Ramah HAM.',
    );
    expect(clauses).toHaveLength(1);
    expect(clauses[0]?.text).toMatch(/Tahun 2016 tentang/);
  });

  it('numbers the paragraphs of a paste with no numbering, and says so', () => {
    const { clauses, warnings } = splitClauses(
      'Kota menghormati HAM.\n\nKota melindungi warga.\nTermasuk migran.',
    );
    expect(warnings).toContain('no-numbering');
    expect(clauses.map((c) => [c.number, c.text])).toEqual([
      ['1', 'Kota menghormati HAM.'],
      ['2', 'Kota melindungi warga. Termasuk migran.'],
    ]);
  });

  it('reports an empty paste', () => {
    expect(splitClauses('  \n \n')).toEqual({ clauses: [], warnings: ['empty'] });
  });

  it('keeps a usable preview of a paste of thousands of lines, cut at the limit', () => {
    const huge = Array.from({ length: 5000 }, (_, i) => `${(i % 900) + 1}. Butir nomor ${i}`).join(
      '\n',
    );
    const { clauses, warnings } = splitClauses(huge);
    expect(clauses.length).toBeLessThanOrEqual(MAX_CLAUSES);
    expect(clauses.length).toBeGreaterThan(500);
    expect(warnings).toContain('truncated');
  });
});

describe('alignByNumber', () => {
  it('pairs the Indonesian text with the English clauses and shows what did not align', () => {
    const existing = splitClauses(english)
      .clauses.filter((c) => c.number)
      .map((c, i) => ({ id: `c${i}`, number: c.number }));
    const pasted = splitClauses(indonesian.replace('Butir 4 Bertekad', 'Butir 5 Bertekad')).clauses;
    const result = alignByNumber(existing, pasted);
    expect(result.matched).toHaveLength(8);
    expect(result.matched.find((m) => m.number === '2.a')?.text).toBe(
      'memperkuat demokrasi lokal dan partisipatif;',
    );
    expect(result.unmatchedInPaste.map((c) => c.number)).toEqual(['', '5']);
    expect(result.unmatchedClauses.map((c) => c.number)).toEqual(['4']);
  });
});
