/**
 * Splits the text of a declaration, as it comes out of a PDF or a message, into numbered
 * clauses: "1." / "1)" / "Butir 3" / "Article 3" / "1.2", then "a)" / "(a)" / "a.", then
 * "(i)" / "i)"; bullets and lines without a marker continue the clause above them (PDFs break
 * lines anywhere). Numbers become paths ("1", "1.a", "1.a.i") that the other language's text
 * is aligned on.
 */

export interface SplitClause {
  /** The path: "3", "3.b", "3.b.ii". Empty for a preamble before the first number. */
  number: string;
  level: number;
  text: string;
  /** 1-based line of the paste where the clause starts. */
  line: number;
}

export type SplitWarning = 'empty' | 'no-numbering' | 'truncated';

export interface SplitResult {
  clauses: SplitClause[];
  warnings: SplitWarning[];
}

/** Beyond this, the rest of a paste is left out and the delegate is told. */
export const MAX_CLAUSES = 2000;
export const MAX_CHARS = 1_000_000;

// "Butir 3 …" needs no punctuation after the number; a bare "3" needs "3." "3)" or "3 -".
const TOP =
  /^(?:(?:butir|pasal|poin|point|article|artikel|paragraph|paragraf|angka)\s+(\d{1,3})[.):–-]?\s+|(\d{1,3})(?:[.)]|\s*[-–:])\s*)(?=\S)/i;
const DOTTED = /^(\d{1,3}(?:\.\d{1,3})+)\.?\s+(?=\S)/;
const LETTER = /^\(?([a-z])[.)]\s+(?=\S)/i;
const ROMAN = /^\(?((?:x{0,3})(?:ix|iv|v?i{0,3}))[.)]\s+(?=\S)/i;
const BULLET = /^[-•*–·▪●◦]\s+(?=\S)/;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function splitClauses(input: string): SplitResult {
  const warnings: SplitWarning[] = [];
  let text = input;
  if (text.length > MAX_CHARS) {
    text = text.slice(0, MAX_CHARS);
    warnings.push('truncated');
  }
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b\u00ad\ufeff]/g, '')
    .split('\n');
  if (lines.every((l) => !l.trim())) return { clauses: [], warnings: ['empty'] };

  const clauses: SplitClause[] = [];
  // The path of the clause being read: [top, letter, roman].
  let path: string[] = [];
  let current: SplitClause | null = null;
  let lastLetter = '';
  let blankBefore = false;

  const start = (level: number, key: string, line: number, rest: string) => {
    path = [...path.slice(0, level), key];
    current = { number: path.join('.'), level, text: rest.trim(), line };
    clauses.push(current);
  };

  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) {
      blankBefore = true;
      return;
    }
    let m: RegExpExecArray | null;
    if ((m = DOTTED.exec(line))) {
      const parts = (m[1] ?? '').split('.');
      path = parts.slice(0, -1);
      start(parts.length - 1, parts.at(-1) ?? '', index + 1, line.slice(m[0].length));
      lastLetter = '';
    } else if ((m = TOP.exec(line)) && isTopLevel(Number(m[1] ?? m[2]), path)) {
      start(0, String(Number(m[1] ?? m[2])), index + 1, line.slice(m[0].length));
      lastLetter = '';
    } else if ((m = LETTER.exec(line)) && path.length > 0 && isLetter(m[1] ?? '', lastLetter)) {
      const letter = (m[1] ?? '').toLowerCase();
      start(1, letter, index + 1, line.slice(m[0].length));
      lastLetter = letter;
    } else if ((m = ROMAN.exec(line)) && m[1] && path.length > 0) {
      // Under a lettered point it is the third level; straight under a number, the second.
      start(lastLetter ? 2 : 1, m[1].toLowerCase(), index + 1, line.slice(m[0].length));
    } else if (current && BULLET.test(line)) {
      current.text += `\n• ${line.replace(BULLET, '')}`;
    } else if (current) {
      // A line the PDF broke: joined to the clause, mending words hyphenated at the break.
      const c: SplitClause = current;
      if (blankBefore && c.number === '') c.text += `\n${line}`;
      else c.text = c.text.endsWith('-') ? c.text.slice(0, -1) + line : `${c.text} ${line}`;
    } else {
      current = { number: '', level: 0, text: line, line: index + 1 };
      clauses.push(current);
    }
    blankBefore = false;
  });

  const numbered = clauses.filter((c) => c.number !== '');
  if (numbered.length === 0) return numberParagraphs(lines, warnings);
  if (clauses.length > MAX_CLAUSES) {
    warnings.push('truncated');
    clauses.length = MAX_CLAUSES;
  }
  return { clauses: clauses.map((c) => ({ ...c, text: c.text.trim() })), warnings };
}

/**
 * A top-level number only where it can be one: "2." after clause 1 is, but "2)" inside a
 * lettered list that never went past 1 is still top level, while a year such as
 * "2016 tentang ..." at a line start is not (more than three digits never match).
 */
function isTopLevel(n: number, path: string[]): boolean {
  const previous = path.length ? Number(path[0]) : 0;
  return n >= 1 && (previous === 0 || n <= previous + 5);
}

/** "i" after "h" is a letter; "i" anywhere else is the roman one. So are "v" and "x". */
function isLetter(candidate: string, lastLetter: string): boolean {
  const letter = candidate.toLowerCase();
  if ('ivx'.includes(letter))
    return lastLetter !== '' && LETTERS.indexOf(letter) === LETTERS.indexOf(lastLetter) + 1;
  return true;
}

/** No numbering at all: each paragraph becomes a clause, numbered in order, and said so. */
function numberParagraphs(lines: string[], warnings: SplitWarning[]): SplitResult {
  const paragraphs: { text: string; line: number }[] = [];
  let open: { text: string; line: number } | null = null;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) {
      open = null;
      return;
    }
    if (open) open.text += ` ${line}`;
    else paragraphs.push((open = { text: line, line: index + 1 }));
  });
  const clauses = paragraphs.slice(0, MAX_CLAUSES).map((p, i) => ({
    number: String(i + 1),
    level: 0,
    text: p.text,
    line: p.line,
  }));
  if (paragraphs.length > MAX_CLAUSES) warnings.push('truncated');
  return { clauses, warnings: [...warnings, 'no-numbering'] };
}
