import Papa from 'papaparse';

import { csvFields } from '../../common/domain/vocabulary';

export { csvFields };
export type CsvField = (typeof csvFields)[number];
export type CsvMapping = Partial<Record<CsvField, number>>;

export interface CsvTable {
  headers: string[];
  rows: string[][];
  delimiter: string;
}

export interface CsvRowProblem {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  reason: 'no-name' | 'bad-email';
}

// Header words organisers use, in Indonesian and English, for each field.
const HINTS: Record<CsvField, RegExp> = {
  name: /^(nama( lengkap)?|full ?name|name|peserta|participant)$/i,
  organisation: /(organi[sz]ation|organisasi|instansi|lembaga|institution|affiliation|komunitas)/i,
  position: /(jabatan|position|title|role|peran)/i,
  email: /(e-?mail|surel|surat elektronik)/i,
  phone: /(phone|telepon|telp|hp|handphone|ponsel|whatsapp|wa\b|mobile)/i,
  country: /(country|negara)/i,
  city: /(city|kota|kabupaten)/i,
};

/** Reads a participant list: delimiter detected (comma, semicolon, tab), quotes honoured. */
export function parseCsv(text: string): CsvTable {
  const result = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const [headers = [], ...rows] = result.data;
  return { headers: headers.map((h) => h.trim()), rows, delimiter: result.meta.delimiter };
}

/** A first guess at which column holds what, from the header names. */
export function guessMapping(headers: string[]): CsvMapping {
  const mapping: CsvMapping = {};
  for (const field of csvFields) {
    const index = headers.findIndex(
      (h, i) => HINTS[field].test(h) && !Object.values(mapping).includes(i),
    );
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

/** What a column set looks like, to remember the mapping chosen for lists of that shape. */
export const headerSignature = (headers: string[]) => headers.map((h) => h.toLowerCase()).join('|');

export function rowProblems(table: CsvTable, mapping: CsvMapping): CsvRowProblem[] {
  const problems: CsvRowProblem[] = [];
  table.rows.forEach((row, index) => {
    const cell = (field: CsvField) =>
      mapping[field] === undefined ? '' : (row[mapping[field] as number] ?? '').trim();
    if (!cell('name')) problems.push({ line: index + 2, reason: 'no-name' });
    else if (cell('email') && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cell('email'))) {
      problems.push({ line: index + 2, reason: 'bad-email' });
    }
  });
  return problems;
}
