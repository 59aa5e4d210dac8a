import type { Block, Brief, BriefLanguage, Cell, Text } from './brief';
import { longestWord } from './fonts';
import { languagesOf, side } from './options';
import type { RenderOptions } from './options';
import { parseRich } from './rich-text';
import type { Flow, Run } from './rich-text';

/**
 * The page every format lays out: A4, margins of an Indonesian official letter (left 2.5 cm for
 * binding, 2 cm elsewhere), body at 11 pt, tables at 9.5 pt. Word, PDF and HTML share these.
 */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  top: 56.69,
  bottom: 56.69,
  left: 70.87,
  right: 56.69,
  body: 11,
  small: 9.5,
  cellPadding: 4,
} as const;
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Gap between the two languages of a parallel layout. */
export const PAIR_GAP = 14;

/** One piece of a document in one language: what a cell of a parallel row holds. */
export type Piece =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string; level: 1 | 2 }
  | { kind: 'paragraph'; text: string; keep?: boolean }
  | { kind: 'flow'; flow: Flow }
  | { kind: 'fact'; label: string; value: string }
  | { kind: 'clause'; number: string; text: string; position: string | null; level: number }
  /** A table row set item by item: "1. Statement", then "Header: value" lines and a list. */
  | {
      kind: 'item';
      number: string;
      title: string;
      facts: { label: string; value: string }[];
      list: { label: string; items: string[] } | null;
    };

export interface PlannedTable {
  headers: string[];
  /** Column widths in points, each at least its longest word. */
  widths: number[];
  rows: (string | string[])[][];
}

/** What a renderer draws, in order. */
export type Unit =
  | { kind: 'piece'; piece: Piece }
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  | { kind: 'table'; table: PlannedTable }
  /** A parallel row: the same piece in Indonesian and in English, side by side. */
  | { kind: 'pair'; id: Piece | null; en: Piece | null };

/** Headings of any kind, and a session's time: what stays on the page of what follows it. */
export const keepsWithNext = (piece: Piece | null | undefined): boolean =>
  piece?.kind === 'heading' ||
  piece?.kind === 'subheading' ||
  (piece?.kind === 'paragraph' && piece.keep === true) ||
  (piece?.kind === 'flow' && piece.flow.kind === 'h');

/** A run of units in one language, or in both paired row by row. */
export interface Part {
  /** The language of a single-language part; null for a parallel one. */
  language: BriefLanguage | null;
  units: Unit[];
}

/** A cell holding a list (follow-up steps) rather than a text. */
export const isListCell = (cell: Cell): cell is { items: Text[] } =>
  Array.isArray((cell as { items?: unknown }).items);

const cellText = (cell: Cell | undefined, l: BriefLanguage, o: RenderOptions): string | string[] =>
  !cell ? '' : isListCell(cell) ? cell.items.map((i) => side(i, l, o)) : side(cell as Text, l, o);

/**
 * Column widths that give every column at least its longest word (header included) and share
 * the rest by weight; null when the columns cannot all fit, and the table is set item by item.
 */
export function fitColumns(
  headers: string[],
  rows: (string | string[])[][],
  weights: number[],
  width: number,
): number[] | null {
  const pad = 2 * PAGE.cellPadding + 1;
  const min = headers.map((header, i) => {
    let widest = longestWord(header, { bold: true }, PAGE.small);
    for (const row of rows) {
      const cell = row[i];
      const texts = Array.isArray(cell) ? cell.map((c) => `• ${c}`) : [cell ?? ''];
      for (const text of texts) widest = Math.max(widest, longestWord(text, {}, PAGE.small));
    }
    return widest + pad + (rows.some((row) => Array.isArray(row[i])) ? 10 : 0);
  });
  if (min.reduce((a, b) => a + b, 0) > width) return null;
  const widths = [...min];
  let free = headers.map((_, i) => i);
  // Give each column its share by weight; those whose share is below their minimum keep the
  // minimum, and the others share what is left, until every column is settled.
  for (;;) {
    const fixed = widths.reduce((sum, w, i) => (free.includes(i) ? sum : sum + w), 0);
    const weightSum = free.reduce((sum, i) => sum + (weights[i] ?? 1), 0);
    const share = (i: number) => ((width - fixed) * (weights[i] ?? 1)) / weightSum;
    const short = free.filter((i) => share(i) < (min[i] ?? 0));
    if (!short.length) {
      for (const i of free) widths[i] = share(i);
      return widths;
    }
    free = free.filter((i) => !short.includes(i));
    if (!free.length) return widths;
  }
}

/** A list flow split item by item, so a parallel layout pairs each item with its translation. */
function splitFlows(flows: Flow[]): Flow[] {
  return flows.flatMap((flow): Flow[] =>
    flow.kind === 'list'
      ? flow.items.map((item, i) => ({ ...flow, start: flow.start + i, items: [item] }))
      : [flow],
  );
}

/** Past this many texts a cache starts again: a workspace's notes, not every text ever seen. */
const RICH_CACHE_SIZE = 5000;
const richCache = { split: new Map<string, Piece[]>(), whole: new Map<string, Piece[]>() };

/**
 * A delegate's Markdown as pieces, one per flow (a list item by item when `split`, so a
 * parallel layout pairs each item with its translation). The same text gives the same objects
 * on every export and preview, so a format can keep what it made of each note (see html.ts).
 */
function richPieces(text: string, split: boolean): Piece[] {
  const cache = split ? richCache.split : richCache.whole;
  const hit = cache.get(text);
  if (hit) return hit;
  const flows = parseRich(text);
  const pieces = (split ? splitFlows(flows) : flows).map((flow): Piece => ({ kind: 'flow', flow }));
  if (cache.size > RICH_CACHE_SIZE) cache.clear();
  cache.set(text, pieces);
  return pieces;
}

function stacked(block: Extract<Block, { kind: 'table' }>, l: BriefLanguage, o: RenderOptions) {
  return block.rows.map((row): Piece => {
    const facts: { label: string; value: string }[] = [];
    let list: { label: string; items: string[] } | null = null;
    block.columns.forEach((column, i) => {
      if (i < 2) return;
      const value = cellText(row[i], l, o);
      const header = side(column.header, l, o);
      if (Array.isArray(value)) {
        if (value.length) list = { label: header, items: value };
      } else if (value.trim()) facts.push({ label: header, value });
    });
    const number = cellText(row[0], l, o);
    const title = cellText(row[1], l, o);
    return {
      kind: 'item',
      number: typeof number === 'string' ? number : '',
      title: typeof title === 'string' ? title : title.join(', '),
      facts,
      list,
    };
  });
}

function piecesOf(block: Block, l: BriefLanguage, o: RenderOptions): Piece[] {
  switch (block.kind) {
    case 'paragraph':
      return [{ kind: 'paragraph', text: side(block.text, l, o), keep: block.keep }];
    case 'rich':
      return richPieces(side(block.text, l, o), true);
    case 'subheading':
      return [{ kind: 'subheading', text: side(block.text, l, o), level: block.level }];
    case 'facts':
      return block.rows.map((r) => ({
        kind: 'fact',
        label: side(r.label, l, o),
        value: side(r.value, l, o),
      }));
    case 'clauses':
      return block.items.map((c) => ({
        kind: 'clause',
        number: c.number || '—',
        text: side(c.text, l, o),
        position: c.position ? side(c.position, l, o) : null,
        level: c.level,
      }));
    case 'table':
      return stacked(block, l, o);
  }
}

/** A block in one language: tables as tables where their columns fit, else item by item. */
function unitsOf(block: Block, l: BriefLanguage, o: RenderOptions): Unit[] {
  if (block.kind === 'facts') {
    return [
      {
        kind: 'facts',
        rows: block.rows.map((r) => ({ label: side(r.label, l, o), value: side(r.value, l, o) })),
      },
    ];
  }
  if (block.kind === 'rich') {
    return richPieces(side(block.text, l, o), false).map((piece) => ({ kind: 'piece', piece }));
  }
  if (block.kind === 'table') {
    const headers = block.columns.map((c) => side(c.header, l, o));
    const rows = block.rows.map((row) => block.columns.map((_, i) => cellText(row[i], l, o)));
    const widths = fitColumns(
      headers,
      rows,
      block.columns.map((c) => c.weight),
      TEXT_WIDTH,
    );
    if (widths) return [{ kind: 'table', table: { headers, widths, rows } }];
  }
  return piecesOf(block, l, o).map((piece) => ({ kind: 'piece', piece }));
}

const headingOf = (numeral: string, heading: Text, l: BriefLanguage, o: RenderOptions) =>
  `${numeral}. ${side(heading, l, o)}`;

/**
 * The body of a brief (its sections; letterhead, title and signatures are drawn by each format
 * around it), in the order and layout the options ask: one language; both paired row by row
 * (one table whose rows pair each paragraph, clause and item with its translation); or both one
 * after the other.
 */
export function planBody(brief: Brief, o: RenderOptions): Part[] {
  const languages = languagesOf(o);
  if (languages.length === 2 && o.layout === 'parallel') {
    const units: Unit[] = [];
    for (const section of brief.sections) {
      units.push({
        kind: 'pair',
        id: { kind: 'heading', text: headingOf(section.numeral, section.heading, 'id', o) },
        en: { kind: 'heading', text: headingOf(section.numeral, section.heading, 'en', o) },
      });
      for (const block of section.blocks) {
        const id = piecesOf(block, 'id', o);
        const en = piecesOf(block, 'en', o);
        for (let i = 0; i < Math.max(id.length, en.length); i++) {
          units.push({ kind: 'pair', id: id[i] ?? null, en: en[i] ?? null });
        }
      }
    }
    return [{ language: null, units }];
  }
  return languages.map((l) => ({
    language: l,
    units: brief.sections.flatMap((section) => [
      {
        kind: 'piece' as const,
        piece: {
          kind: 'heading' as const,
          text: headingOf(section.numeral, section.heading, l, o),
        },
      },
      ...section.blocks.flatMap((block) => unitsOf(block, l, o)),
    ]),
  }));
}

/** "Halaman 2 dari 5" in the document's language(s). */
export function pageLabel(brief: Brief, languages: BriefLanguage[], page: string, pages: string) {
  return languages
    .map((l) => brief.pageLabel[l].replace('{{page}}', page).replace('{{pages}}', pages))
    .join(' · ');
}

export type { Flow, Run };
