import { decodeBytes, detectEncoding } from './encoding';
import type { ImportEncoding } from './encoding';
import {
  draftsFromCsv,
  guessMapping,
  headerSignature,
  mostly,
  normaliseMapping,
  parseCsv,
  personLike,
} from './csv';
import type { CsvMapping, CsvRowProblem } from './csv';
import { fit, oversized, validDraft } from './limits';
import type { Oversize } from './limits';
import { parseVCards } from './vcard';
import type { CardProblem, ContactDraft } from './vcard';

/** What the importer is given: the file's bytes and what the delegate chose in the preview. */
export interface ParseInput {
  bytes: Uint8Array;
  encoding?: ImportEncoding;
  mapping?: CsvMapping;
  /** Mappings remembered for lists of a given shape (the workspace's settings). */
  remembered: Record<string, Record<string, number | number[]>>;
}

export interface ParsedImport {
  kind: 'vcf' | 'csv';
  encoding: ImportEncoding;
  /** Why the file holds nobody: neither cards nor a list, or a list of one column of nothing. */
  unreadable: 'binary' | 'not-contacts' | null;
  drafts: ContactDraft[];
  /** Each draft's card number or line in the file. */
  lines: number[];
  /** Drafts with a field over its limit: reported on their line, fitted at commit. */
  oversize: { index: number; line: number; fields: Oversize[] }[];
  cardProblems: CardProblem[];
  csv: {
    headers: string[];
    sample: string[][];
    rowCount: number;
    headerless: boolean;
    oneColumn: boolean;
    mapping: CsvMapping;
    signature: string;
    rowProblems: CsvRowProblem[];
  } | null;
}

export type Progress = (done: number, total: number) => void;

/** Yields to nothing: the worker has no other work, progress is posted as it goes. */
export function parseImport(input: ParseInput, progress: Progress = () => {}): ParsedImport {
  const { bytes } = input;
  progress(0, 3);
  const detected = input.encoding ?? detectEncoding(bytes).encoding;
  const empty = (
    unreadable: ParsedImport['unreadable'],
    kind: 'vcf' | 'csv' = 'vcf',
  ): ParsedImport => ({
    kind,
    encoding: detected,
    unreadable,
    drafts: [],
    lines: [],
    oversize: [],
    cardProblems: [],
    csv: null,
  });
  // A photo, a PDF or a spreadsheet in binary form: no text to read contacts from.
  if (!detected.startsWith('utf-16') && bytes.subarray(0, 8192).includes(0)) return empty('binary');
  const head = decodeBytes(bytes.subarray(0, 4096), detected);
  let drafts: ContactDraft[];
  let lines: number[];
  let result: ParsedImport;
  if (/^\s*BEGIN:VCARD/i.test(head) || /\nBEGIN:VCARD/i.test(head)) {
    const parsed = parseVCards(bytes, detected);
    progress(1, 3);
    drafts = parsed.contacts;
    lines = drafts.map((_, i) => i + 1);
    result = { ...empty(null), encoding: parsed.encoding, cardProblems: parsed.problems };
  } else {
    const table = parseCsv(decodeBytes(bytes, detected));
    progress(1, 3);
    const signature = headerSignature(table);
    const mapping =
      input.mapping ??
      (input.remembered[signature]
        ? normaliseMapping(input.remembered[signature])
        : guessMapping(table));
    // One column of sentences, or a header alone: no list of people.
    const oneColumn = table.headers.length <= 1;
    if (
      (oneColumn && !table.headerless && table.rows.length === 0) ||
      (oneColumn && table.headerless && !mostly(table, 0, personLike))
    ) {
      return empty('not-contacts', 'csv');
    }
    const made = draftsFromCsv(table, mapping);
    drafts = made.drafts;
    lines = made.lines;
    result = {
      ...empty(null, 'csv'),
      csv: {
        headers: table.headers,
        sample: table.rows.slice(0, 5),
        rowCount: table.rows.length,
        headerless: table.headerless,
        oneColumn: table.headers.length === 1,
        mapping,
        signature,
        rowProblems: made.problems,
      },
    };
  }
  progress(2, 3);
  // Checked here, off the saving thread: the commit only stamps ids on what passed.
  const kept: ContactDraft[] = [];
  const keptLines: number[] = [];
  for (const [i, draft] of drafts.entries()) {
    const line = lines[i] ?? 0;
    const fields = oversized(draft);
    const checked = validDraft(fields.length ? fit(structuredClone(draft), 'trim') : draft);
    if (!checked) continue;
    if (fields.length) result.oversize.push({ index: kept.length, line, fields });
    kept.push(fields.length ? draft : checked);
    keptLines.push(line);
  }
  progress(3, 3);
  return { ...result, drafts: kept, lines: keptLines };
}
