import { describe, expect, it } from 'vitest';
import { fitColumns, PAGE, TEXT_WIDTH } from '../../../electron/node/export/document-plan';
import { longestWord } from '../../../electron/node/export/fonts';
import { parseRich } from '../../../electron/node/export/rich-text';

describe('table columns', () => {
  const headers = [
    'No.',
    'Komitmen',
    'Butir',
    'Penanggung jawab',
    'Tenggat',
    'Status',
    'Tindak lanjut',
  ];
  const row = [
    '1.',
    'Menyusun rencana aksi daerah HAM bersama forum warga desa.',
    '2, 2.a',
    'Bagian Hukum Sekretariat Daerah Kabupaten Lampung Timur',
    '30 Juni 2018',
    'Sedang berjalan',
    ['Rapat koordinasi OPD (selesai)', 'Konsultasi publik di tiga desa (belum)'],
  ];
  const weights = [0.6, 5, 1.2, 3.2, 2, 1.8, 4];

  it('are never narrower than their longest word, and fill the width', () => {
    const widths = fitColumns(headers, [row], weights, TEXT_WIDTH);
    expect(widths).not.toBeNull();
    expect((widths ?? []).reduce((a, b) => a + b, 0)).toBeCloseTo(TEXT_WIDTH, 3);
    headers.forEach((header, i) => {
      const cell = row[i];
      const texts = [header, ...(Array.isArray(cell) ? cell : [cell ?? ''])];
      const widest = Math.max(...texts.map((t) => longestWord(t, { bold: true }, PAGE.small)));
      expect(widths?.[i] ?? 0, header).toBeGreaterThan(widest);
    });
  });

  it('give way to an item-by-item layout when the words cannot fit (a half-page column)', () => {
    expect(fitColumns(headers, [row], weights, TEXT_WIDTH / 2 - 7)).toBeNull();
  });
});

describe('notes as document structure', () => {
  it('keeps headings, paragraphs, nested and ordered lists, emphasis and tables; raw HTML stays text', () => {
    const flows = parseRich(
      '# Judul\n\nSatu **tebal** dan *miring*.\n\n3. tiga\n   - anak\n4. empat\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<b>x</b>',
    );
    expect(flows.map((f) => f.kind)).toEqual(['h', 'p', 'list', 'table', 'p']);
    expect(flows[1]).toEqual({
      kind: 'p',
      runs: [
        { text: 'Satu ' },
        { text: 'tebal', bold: true },
        { text: ' dan ' },
        { text: 'miring', italic: true },
        { text: '.' },
      ],
    });
    const list = flows[2];
    expect(list?.kind === 'list' && list.ordered && list.start).toBe(3);
    expect(list?.kind === 'list' && list.items[0]?.[1]?.kind).toBe('list');
    expect(flows[4]).toEqual({ kind: 'p', runs: [{ text: '<b>x</b>' }] });
  });
});
