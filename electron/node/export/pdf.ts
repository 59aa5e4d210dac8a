import PDFDocument from 'pdfkit';
import type { Brief, BriefLanguage, Signer } from './brief';
import { keepsWithNext, PAGE, PAIR_GAP, pageLabel, planBody, TEXT_WIDTH } from './document-plan';
import type { Piece, PlannedTable, Unit } from './document-plan';
import { decodeLogo } from './docx';
import { fontFaces, pdfFont, runs, widthOf } from './fonts';
import type { FontFace } from './fonts';
import { drawLine, finishPages } from './pdf-text';
import type { TextSpan } from './pdf-text';
import { languagesOf, side } from './options';
import type { RenderOptions } from './options';
import type { Flow, Run } from './rich-text';

// A small typesetter over pdfkit: it breaks lines itself (so it knows every height before it
// draws), then places whole rows on pages: headings stay with what follows, table rows are never
// split unless taller than a page, and the closing stays with the signatures.

interface Styled {
  text: string;
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string;
}

type Span = TextSpan;

/** A line of text or a gap: a height, and how to draw it at (x, y). */
interface Row {
  h: number;
  draw?: (doc: PDFKit.PDFDocument, x: number, y: number) => void;
}

interface Slice {
  h: number;
  draw: (doc: PDFKit.PDFDocument, y: number) => void;
  /** Keep on the page of the slice after it. */
  keep?: boolean;
  /** Drawn first on a page this slice opens (a table's header row). */
  header?: Slice;
  /** Cuts a slice taller than a page into slices that fit `limit`. */
  split?: (limit: number) => Slice[];
  newPage?: boolean;
}

const LEADING = 1.28;

const facesCache = new Map<string, FontFace[]>();
function facesOf(style: { bold?: boolean; italic?: boolean }): FontFace[] {
  const key = `${style.bold ? 'b' : ''}${style.italic ? 'i' : ''}`;
  let faces = facesCache.get(key);
  if (!faces) {
    faces = fontFaces(style);
    facesCache.set(key, faces);
  }
  return faces;
}

/** A word or a space in one style, laid out once: its spans (one per face) and its width. */
interface Token {
  spans: Span[];
  width: number;
  space: boolean;
}

const NEWLINE: Token = { spans: [], width: 0, space: false };

/**
 * The tokens of the document being written, per style: most words come back again and again
 * (names, "the delegation", the forum's terms), and each was split into runs by face and
 * measured every time. Kept for one document only, so that memory does not grow with every
 * export.
 */
let tokens = new Map<string, Map<string, Token>>();

function tokenOf(known: Map<string, Token>, token: string, t: Styled, faces: FontFace[]): Token {
  let found = known.get(token);
  if (found) return found;
  const space = /^[^\S\u00a0]+$/.test(token);
  // A no-break space joins a word (a NIP's groups) but is drawn as a plain space.
  const spans = runs(space ? ' ' : token.replace(/\u00a0/g, ' '), faces).map((r) => ({
    text: r.text,
    face: r.face,
    size: t.size,
    width: widthOf(r.text, [r.face], t.size),
    underline: t.underline,
    color: t.color,
  }));
  found = { spans, width: spans.reduce((sum, s) => sum + s.width, 0), space };
  known.set(token, found);
  return found;
}

/** Breaks styled texts into lines no wider than `width`; words never break unless wider. */
function breakLines(
  texts: Styled[],
  width: number,
  align: 'left' | 'center' | 'right' = 'left',
): Row[] {
  // Each atom is a token; `glued` marks the words that follow a word without a space between
  // them (emphasis in the middle of a word).
  const atoms: Token[] = [];
  const glued: boolean[] = [];
  let lastWasWord = false;
  let size = 0;
  for (const t of texts) {
    size = Math.max(size, t.size);
    const faces = facesOf(t);
    const key = `${t.bold ? 'b' : ''}${t.italic ? 'i' : ''} ${t.size} ${t.underline} ${t.color}`;
    let known = tokens.get(key);
    if (!known) tokens.set(key, (known = new Map()));
    for (const token of t.text.split(/(\n|[^\S\n\u00a0]+)/)) {
      if (!token) continue;
      if (token === '\n') {
        atoms.push(NEWLINE);
        glued.push(false);
        lastWasWord = false;
        continue;
      }
      const atom = tokenOf(known, token, t, faces);
      atoms.push(atom);
      glued.push(!atom.space && lastWasWord);
      lastWasWord = !atom.space;
    }
  }
  if (!size) size = PAGE.body;
  const lines: Span[][] = [[]];
  const widths = [0];
  let pendingSpace: Token | null = null;
  const current = () => lines[lines.length - 1] as Span[];
  const newLine = () => {
    lines.push([]);
    widths.push(0);
    pendingSpace = null;
  };
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i] as Token;
    if (atom === NEWLINE) {
      newLine();
      continue;
    }
    if (atom.space) {
      if (current().length) pendingSpace = atom;
      continue;
    }
    // A word with the atoms glued to it moves as one.
    let end = i + 1;
    let groupWidth = atom.width;
    while (glued[end]) groupWidth += (atoms[end++] as Token).width;
    const spaceWidth = pendingSpace ? pendingSpace.width : 0;
    const used = widths[widths.length - 1] ?? 0;
    if (current().length && used + spaceWidth + groupWidth > width) newLine();
    else if (pendingSpace) {
      current().push(...pendingSpace.spans);
      widths[widths.length - 1] = used + spaceWidth;
      pendingSpace = null;
    }
    if (groupWidth > width) {
      // Only a word wider than the whole column (a long address) is cut, character by character.
      for (let k = i; k < end; k++) {
        for (const s of (atoms[k] as Token).spans) {
          for (const ch of s.text) {
            const w = widthOf(ch, [s.face], s.size);
            if ((widths[widths.length - 1] ?? 0) + w > width && current().length) newLine();
            current().push({ ...s, text: ch, width: w });
            widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + w;
          }
        }
      }
    } else {
      for (let k = i; k < end; k++) current().push(...(atoms[k] as Token).spans);
      widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + groupWidth;
    }
    i = end - 1;
  }
  const height = size * LEADING;
  return lines.map((spans, i) => {
    const lineWidth = widths[i] ?? 0;
    return {
      h: height,
      draw: (doc, x, y) =>
        drawLine(
          doc,
          spans,
          x +
            (align === 'center'
              ? (width - lineWidth) / 2
              : align === 'right'
                ? width - lineWidth
                : 0),
          y,
          height,
        ),
    };
  });
}

const gap = (h: number): Row => ({ h });
const styled = (runsOf: Run[], size: number, extra: Partial<Styled> = {}): Styled[] =>
  runsOf.map((r) => ({
    ...extra,
    text: r.text,
    size,
    bold: r.bold || extra.bold,
    italic: r.italic || extra.italic,
  }));

/** Rows indented by `dx`, with a marker (bullet, number) drawn beside the first line. */
function indented(
  rows: Row[],
  dx: number,
  marker?: { text: string; size: number; bold?: boolean },
): Row[] {
  return rows.map((row, i) => ({
    h: row.h,
    draw: (doc, x, y) => {
      if (i === 0 && marker) {
        const markerRows = breakLines(
          [{ text: marker.text, size: marker.size, bold: marker.bold }],
          dx,
        );
        markerRows[0]?.draw?.(doc, x, y);
      }
      row.draw?.(doc, x + dx, y);
    },
  }));
}

function flowRows(flow: Flow, width: number, size: number): Row[] {
  switch (flow.kind) {
    case 'p':
      return [...breakLines(styled(flow.runs, size), width), gap(size * 0.45)];
    case 'h':
      return [
        gap(size * 0.2),
        ...breakLines(styled(flow.runs, size, { bold: true }), width),
        gap(size * 0.25),
      ];
    case 'list': {
      const out: Row[] = [];
      flow.items.forEach((item, i) => {
        const marker = flow.ordered ? `${flow.start + i}.` : '•';
        const dx = flow.ordered
          ? Math.max(18, widthOf(`${flow.start + flow.items.length}.  `, facesOf({}), size))
          : 14;
        const inner = item.flatMap((child, j) => {
          const rows = flowRows(child, width - dx, size);
          // Paragraphs in a list are tight: the gap after each goes, except after the last.
          return child.kind === 'p' && (j < item.length - 1 || i < flow.items.length - 1)
            ? rows.slice(0, -1).concat(gap(size * 0.15))
            : rows;
        });
        out.push(...indented(inner, dx, { text: marker, size }));
      });
      return out;
    }
    case 'table': {
      const columns = Math.max(flow.head.length, ...flow.rows.map((r) => r.length), 1);
      const widths = Array.from({ length: columns }, () => width / columns);
      const table: PlannedTable = {
        headers: Array.from({ length: columns }, (_, i) =>
          (flow.head[i] ?? []).map((r) => r.text).join(''),
        ),
        widths,
        rows: flow.rows.map((row) =>
          Array.from({ length: columns }, (_, i) => (row[i] ?? []).map((r) => r.text).join('')),
        ),
      };
      // A table inside a note is drawn whole (rows of a few words), inside its note's column.
      const slices = tableSlices(table, Math.min(size, PAGE.small));
      return [
        ...slices.map((s) => ({
          h: s.h,
          draw: (doc: PDFKit.PDFDocument, x: number, y: number) => drawAt(doc, s, x, y),
        })),
        gap(size * 0.45),
      ];
    }
    case 'quote':
      return indented(
        flow.flows.flatMap((f) => flowRows(f, width - 14, size)),
        14,
      ).map((row) => ({
        h: row.h,
        draw: (doc, x, y) => {
          doc
            .save()
            .moveTo(x + 3, y)
            .lineTo(x + 3, y + row.h)
            .lineWidth(1.5)
            .strokeColor('#999999')
            .stroke()
            .restore();
          row.draw?.(doc, x, y);
        },
      }));
    case 'code':
      return [...breakLines([{ text: flow.text, size: size * 0.9 }], width), gap(size * 0.45)];
    case 'rule':
      return [
        {
          h: size,
          draw: (doc, x, y) => {
            doc
              .save()
              .moveTo(x, y + size / 2)
              .lineTo(x + width, y + size / 2)
              .lineWidth(0.5)
              .strokeColor('#999999')
              .stroke()
              .restore();
          },
        },
      ];
  }
}

// Table slices carry their own x: they are drawn at the left margin unless nested in a note.
let originX: number = PAGE.left;
function drawAt(doc: PDFKit.PDFDocument, slice: Slice, x: number, y: number) {
  const saved = originX;
  originX = x;
  slice.draw(doc, y);
  originX = saved;
}

function pieceRows(piece: Piece, width: number): Row[] {
  const size = PAGE.body;
  switch (piece.kind) {
    case 'heading':
      return [
        gap(size * 0.7),
        ...breakLines([{ text: piece.text, size, bold: true }], width),
        gap(size * 0.35),
      ];
    case 'subheading':
      return [
        gap(size * 0.45),
        ...breakLines([{ text: piece.text, size, bold: true, italic: piece.level === 2 }], width),
        gap(size * 0.25),
      ];
    case 'paragraph':
      return [...breakLines([{ text: piece.text, size }], width), gap(size * 0.45)];
    case 'flow':
      return flowRows(piece.flow, width, size);
    case 'fact':
      return [
        ...breakLines(
          [
            { text: `${piece.label}: `, size, bold: true },
            { text: piece.value, size },
          ],
          width,
        ),
        gap(size * 0.3),
      ];
    case 'clause': {
      const dx = 14 * piece.level;
      const numberWidth = 28;
      const number = breakLines([{ text: piece.number, size, bold: true }], numberWidth + 40)[0];
      const body = [
        ...breakLines([{ text: piece.text, size }], width - dx - numberWidth),
        ...(piece.position
          ? breakLines([{ text: piece.position, size, italic: true }], width - dx - numberWidth)
          : []),
      ];
      return [
        ...body.map((row, i) => ({
          h: row.h,
          draw: (doc: PDFKit.PDFDocument, x: number, y: number) => {
            if (i === 0) number?.draw?.(doc, x + dx, y);
            row.draw?.(doc, x + dx + numberWidth, y);
          },
        })),
        gap(size * 0.4),
      ];
    }
    case 'item': {
      const dx = 20;
      const rows: Row[] = indented(
        breakLines([{ text: piece.title, size, bold: true }], width - dx),
        dx,
        { text: piece.number, size, bold: true },
      );
      for (const fact of piece.facts) {
        rows.push(
          ...indented(
            breakLines(
              [
                { text: `${fact.label}: `, size: size - 1, italic: true },
                { text: fact.value, size: size - 1 },
              ],
              width - dx,
            ),
            dx,
          ),
        );
      }
      if (piece.list) {
        rows.push(
          ...indented(
            breakLines(
              [{ text: `${piece.list.label}:`, size: size - 1, italic: true }],
              width - dx,
            ),
            dx,
          ),
        );
        for (const item of piece.list.items) {
          rows.push(
            ...indented(
              indented(breakLines([{ text: item, size: size - 1 }], width - dx - 12), 12, {
                text: '–',
                size: size - 1,
              }),
              dx,
            ),
          );
        }
      }
      return [...rows, gap(size * 0.6)];
    }
  }
}

const sum = (rows: Row[]) => rows.reduce((total, r) => total + r.h, 0);

function drawRows(doc: PDFKit.PDFDocument, rows: Row[], x: number, y: number) {
  let at = y;
  for (const row of rows) {
    row.draw?.(doc, x, at);
    at += row.h;
  }
}

/** One row of cells (a table row, a parallel pair): never split unless taller than a page. */
function rowSlice(
  cells: { x: number; width: number; rows: Row[] }[],
  options: { pad: number; border?: 'grid' | 'pair'; shade?: boolean; keep?: boolean },
): Slice {
  const pad = options.pad;
  const h = Math.max(...cells.map((c) => sum(c.rows)), 0) + 2 * pad;
  const slice: Slice = {
    h,
    keep: options.keep,
    draw: (doc, y) => {
      const left = originX;
      if (options.shade) {
        const total = cells.reduce((s, c) => s + c.width, 0);
        doc.save().rect(left, y, total, h).fill('#ececec').restore();
      }
      for (const c of cells) {
        drawRows(
          doc,
          c.rows,
          left + c.x + (options.border === 'pair' ? 0 : PAGE.cellPadding),
          y + pad,
        );
        if (options.border === 'grid') {
          doc
            .save()
            .rect(left + c.x, y, c.width, h)
            .lineWidth(0.75)
            .strokeColor('#444444')
            .stroke()
            .restore();
        }
      }
      if (options.border === 'pair' && cells[1]) {
        const mid = left + cells[1].x - PAIR_GAP / 2;
        doc
          .save()
          .moveTo(mid, y)
          .lineTo(mid, y + h)
          .lineWidth(0.5)
          .strokeColor('#999999')
          .stroke()
          .restore();
      }
    },
    split: (limit) => {
      // Cut every cell at the same height, at a line boundary, and carry on below.
      const room = limit - 2 * pad;
      const heads: Row[][] = [];
      const tails: Row[][] = [];
      for (const c of cells) {
        let used = 0;
        let k = 0;
        while (k < c.rows.length && used + (c.rows[k]?.h ?? 0) <= room) used += c.rows[k++]?.h ?? 0;
        if (k === 0 && c.rows.length) k = 1;
        heads.push(c.rows.slice(0, k));
        tails.push(c.rows.slice(k));
      }
      const first = rowSlice(
        cells.map((c, i) => ({ ...c, rows: heads[i] ?? [] })),
        { ...options, keep: false },
      );
      if (tails.every((t) => !t.length)) return [first];
      const rest = rowSlice(
        cells.map((c, i) => ({ ...c, rows: tails[i] ?? [] })),
        options,
      );
      return [first, ...(rest.h > limit && rest.split ? rest.split(limit) : [rest])];
    },
  };
  return slice;
}

function tableSlices(table: PlannedTable, size: number): Slice[] {
  const xs = table.widths.map((_, i) => table.widths.slice(0, i).reduce((a, b) => a + b, 0));
  const inner = (i: number) => (table.widths[i] ?? 0) - 2 * PAGE.cellPadding;
  const cellRows = (value: string | string[], i: number, bold = false): Row[] =>
    Array.isArray(value)
      ? value.flatMap((v) =>
          indented(breakLines([{ text: v, size }], inner(i) - 9), 9, { text: '•', size }),
        )
      : breakLines([{ text: value, size, bold }], inner(i));
  const header = rowSlice(
    table.headers.map((h, i) => ({
      x: xs[i] ?? 0,
      width: table.widths[i] ?? 0,
      rows: cellRows(h, i, true),
    })),
    { pad: 3, border: 'grid', shade: true, keep: true },
  );
  const rows = table.rows.map((row) => {
    const slice = rowSlice(
      row.map((c, i) => ({ x: xs[i] ?? 0, width: table.widths[i] ?? 0, rows: cellRows(c, i) })),
      { pad: 3, border: 'grid' },
    );
    slice.header = header;
    return slice;
  });
  return [header, ...rows, { h: PAGE.body * 0.6, draw: () => undefined }];
}

function unitSlices(unit: Unit, width: number): Slice[] {
  const plain = (rows: Row[], keep = false): Slice[] =>
    rows.map((row) => ({
      h: row.h,
      keep,
      draw: (doc: PDFKit.PDFDocument, y: number) => row.draw?.(doc, originX, y),
    }));
  switch (unit.kind) {
    case 'piece': {
      const keep = keepsWithNext(unit.piece);
      const rows = pieceRows(unit.piece, width);
      return plain(rows, keep);
    }
    case 'facts': {
      const labelWidth = width * 0.3;
      return unit.rows.map((r) =>
        rowSlice(
          [
            {
              x: 0,
              width: labelWidth,
              rows: breakLines([{ text: r.label, size: PAGE.body }], labelWidth - 6),
            },
            { x: labelWidth, width: 10, rows: breakLines([{ text: ':', size: PAGE.body }], 10) },
            {
              x: labelWidth + 10,
              width: width - labelWidth - 10,
              rows: breakLines([{ text: r.value, size: PAGE.body }], width - labelWidth - 10),
            },
          ],
          { pad: 1.5 },
        ),
      );
    }
    case 'table':
      return tableSlices(unit.table, PAGE.small);
    case 'pair': {
      const half = (TEXT_WIDTH - PAIR_GAP) / 2;
      const heading = keepsWithNext(unit.id) || keepsWithNext(unit.en);
      return [
        rowSlice(
          [
            { x: 0, width: half, rows: unit.id ? pieceRows(unit.id, half) : [] },
            { x: half + PAIR_GAP, width: half, rows: unit.en ? pieceRows(unit.en, half) : [] },
          ],
          { pad: 0, border: 'pair', keep: heading },
        ),
      ];
    }
  }
}

/** The slices of `source`, the last `n` that take room kept on the page of what follows. */
function* keepingLast(source: Iterable<Slice>, n: number): Generator<Slice> {
  const held: Slice[] = [];
  let tall = 0;
  for (const slice of source) {
    held.push(slice);
    if (slice.h > 0) tall++;
    while (tall > n) {
      const first = held.shift() as Slice;
      if (first.h > 0) tall--;
      yield first;
    }
  }
  for (const slice of held) if (slice.h > 0) slice.keep = true;
  yield* held;
}

function* chain(...parts: Iterable<Slice>[]): Generator<Slice> {
  for (const part of parts) yield* part;
}

/** Writes a PDF (A4, embedded Arimo and Noto Sans KR, selectable text, "Halaman x dari y"). */
export async function renderPdf(brief: Brief, options: RenderOptions): Promise<Buffer> {
  const languages = languagesOf(options);
  tokens = new Map();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: 0, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    autoFirstPage: true,
    lang: languages[0] === 'en' ? 'en-GB' : 'id-ID',
    displayTitle: true,
    info: {
      Title: languages.map((l) => side(brief.title, l, options)).join(' / '),
      Creator: 'Risalah',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const registered = new Set<string>();
  for (const style of [{}, { bold: true }, { italic: true }, { bold: true, italic: true }]) {
    for (const face of facesOf(style)) {
      if (!registered.has(face.key)) {
        doc.registerFont(face.key, pdfFont(face) as unknown as Buffer);
        registered.add(face.key);
      }
    }
  }

  const parts = planBody(brief, options);
  const sequential = languages.length === 2 && options.layout === 'sequential';
  const documents = sequential
    ? parts.map((part) => ({
        languages: [part.language ?? 'id'] as BriefLanguage[],
        parts: [part],
      }))
    : [{ languages, parts }];

  /** Page ranges per language document, for "Halaman x dari y" within each. */
  const ranges: { from: number; to: number; languages: BriefLanguage[] }[] = [];
  let page = 0;
  const bottom = PAGE.height - PAGE.bottom;
  let y = PAGE.top;

  // Slices are laid out as they are placed, a few ahead of the page: a whole document's lines
  // held at once were hundreds of megabytes the garbage collector had to copy (a third of a
  // PDF's cost); drawn as they come, they are short-lived.
  const place = (source: Iterator<Slice>) => {
    const queue: Slice[] = [];
    const peek = (k: number): Slice | undefined => {
      while (queue.length <= k) {
        const next = source.next();
        if (next.done) return undefined;
        queue.push(next.value);
      }
      return queue[k];
    };
    const room = bottom - PAGE.top;
    for (let slice = peek(0); slice; slice = peek(0)) {
      if (slice.h > room && slice.split) {
        queue.splice(0, 1, ...slice.split(bottom - y > 60 ? bottom - y : room));
        slice = queue[0] as Slice;
      }
      // A kept slice moves with the ones after it (a heading and its first row, the closing).
      let group = slice.h;
      for (let j = 0; peek(j)?.keep && peek(j + 1) && group < room; j++) {
        group += peek(j + 1)?.h ?? 0;
      }
      if ((y + Math.min(group, room) > bottom && y > PAGE.top + 1) || slice.newPage) {
        doc.addPage();
        page++;
        y = PAGE.top;
        if (slice.header) {
          slice.header.draw(doc, y);
          y += slice.header.h;
        }
      }
      slice.draw(doc, y);
      y += slice.h;
      queue.shift();
    }
  };

  documents.forEach((d, index) => {
    if (index > 0) {
      doc.addPage();
      page++;
      y = PAGE.top;
    }
    const from = page;
    const first = d.languages[0] ?? 'id';
    const slices: Slice[] = [];
    // Letterhead: logo at the left, the institution's lines centred, a double rule under them.
    const kop = brief.letterhead;
    if (kop) {
      const logo = decodeLogo(kop.logo);
      const side1 = 62;
      const textRows = [
        ...kop.lines.flatMap((line, i) =>
          breakLines(
            [
              {
                text: side(line, first, options).toUpperCase(),
                size: i === 0 ? 13 : 12,
                bold: true,
              },
            ],
            TEXT_WIDTH - 2 * side1,
            'center',
          ),
        ),
        ...(side(kop.address, first, options).trim()
          ? breakLines(
              [{ text: side(kop.address, first, options), size: 9 }],
              TEXT_WIDTH - 2 * side1,
              'center',
            )
          : []),
      ];
      const h = Math.max(sum(textRows), logo ? 58 : 0) + 8;
      slices.push({
        h: h + 16,
        draw: (pdf, top) => {
          if (logo) pdf.image(logo.data, PAGE.left, top + (h - 8 - 56) / 2, { fit: [56, 56] });
          drawRows(pdf, textRows, PAGE.left + side1, top + (h - 8 - sum(textRows)) / 2);
          pdf
            .save()
            .moveTo(PAGE.left, top + h)
            .lineTo(PAGE.left + TEXT_WIDTH, top + h)
            .lineWidth(2)
            .strokeColor('#000000')
            .stroke();
          pdf
            .moveTo(PAGE.left, top + h + 3)
            .lineTo(PAGE.left + TEXT_WIDTH, top + h + 3)
            .lineWidth(0.6)
            .stroke()
            .restore();
        },
      });
    }
    const centred = (texts: Styled[]) =>
      breakLines(texts, TEXT_WIDTH, 'center').map((row) => ({
        h: row.h,
        draw: (pdf: PDFKit.PDFDocument, top: number) => row.draw?.(pdf, PAGE.left, top),
      }));
    d.languages.forEach((l, i) =>
      slices.push(
        ...centred([
          {
            text: side(brief.title, l, options),
            size: i ? 11 : 12,
            bold: !i,
            italic: i > 0,
            underline: !i,
          },
        ]).map((s) => ({ ...s, keep: true })),
      ),
    );
    if (brief.number)
      slices.push(...centred([{ text: side(brief.number, first, options), size: PAGE.body }]));
    d.languages.forEach((l, i) =>
      slices.push(
        ...centred([{ text: side(brief.subtitle, l, options), size: PAGE.body, italic: i > 0 }]),
      ),
    );
    slices.push({ h: 14, draw: () => undefined });
    if (brief.addressee) {
      d.languages.forEach((l, i) =>
        slices.push(
          ...breakLines(
            [
              {
                text: `${brief.addresseeLabel[l]} ${side(brief.addressee ?? brief.title, l, options)}`,
                size: PAGE.body,
                italic: i > 0,
              },
            ],
            TEXT_WIDTH,
          ).map((row) => ({
            h: row.h,
            draw: (pdf: PDFKit.PDFDocument, top: number) => row.draw?.(pdf, PAGE.left, top),
          })),
        ),
      );
      slices.push({ h: 8, draw: () => undefined });
    }
    const body = function* (): Generator<Slice> {
      yield* slices;
      for (const part of d.parts) {
        if (part.language) {
          for (const unit of part.units) yield* unitSlices(unit, TEXT_WIDTH);
        } else {
          const half = (TEXT_WIDTH - PAIR_GAP) / 2;
          const header = rowSlice(
            (['id', 'en'] as const).map((l, i) => ({
              x: i * (half + PAIR_GAP),
              width: half,
              rows: breakLines(
                [{ text: brief.languageNames[l], size: 9, bold: true, color: '#444444' }],
                half,
              ),
            })),
            { pad: 1, border: 'pair', keep: true },
          );
          const underlined: Slice = {
            ...header,
            h: header.h + 4,
            draw: (pdf, top) => {
              header.draw(pdf, top);
              pdf
                .save()
                .moveTo(PAGE.left, top + header.h + 1)
                .lineTo(PAGE.left + TEXT_WIDTH, top + header.h + 1)
                .lineWidth(0.75)
                .strokeColor('#444444')
                .stroke()
                .restore();
            },
          };
          yield underlined;
          for (const unit of part.units) {
            for (const s of unitSlices(unit, TEXT_WIDTH)) yield { ...s, header: underlined };
          }
        }
      }
    };
    // The closing's last paragraph stays with the place, date and signatures (its heading comes
    // along only as headings always do, with the paragraph after it).
    place(chain(keepingLast(body(), 1), signatureSlices(brief, d.languages, options)));
    ranges.push({ from, to: page, languages: d.languages });
  });

  const pages = doc.bufferedPageRange();
  for (const range of ranges) {
    for (let p = range.from; p <= range.to; p++) {
      doc.switchToPage(pages.start + p);
      const label = pageLabel(
        brief,
        range.languages,
        String(p - range.from + 1),
        String(range.to - range.from + 1),
      );
      const rows = breakLines([{ text: label, size: 8, color: '#444444' }], TEXT_WIDTH, 'right');
      rows[0]?.draw?.(doc, PAGE.left, PAGE.height - PAGE.bottom / 2 - 4);
    }
  }
  finishPages(doc);
  doc.end();
  tokens = new Map();
  return done;
}

function signatureSlices(brief: Brief, languages: BriefLanguage[], o: RenderOptions): Slice[] {
  const half = TEXT_WIDTH / 2;
  const width = half - 10;
  const texts = (text: (l: BriefLanguage) => string) =>
    languages.flatMap((l, i) =>
      breakLines([{ text: text(l), size: PAGE.body, italic: i > 0 }], width),
    );
  const signers = brief.closing.signers;
  const row = (left: Row[], right: Row[]): Slice => ({
    ...rowSlice(
      [
        { x: 0, width: half, rows: left },
        { x: half, width: half, rows: right },
      ],
      { pad: 0 },
    ),
    keep: true,
    split: undefined,
  });
  // Row by row, so that the captions, the names and the NIPs of signers side by side line up.
  // The first signer reports and signs on the right under the place and date; the others
  // (who acknowledge) sign to the left, two to a row.
  const slices: Slice[] = [
    { h: 16, draw: () => undefined, keep: true },
    row(
      [],
      texts((l) => side(brief.closing.placeDate, l, o)),
    ),
  ];
  for (let k = 0; k < signers.length; k += 2) {
    const pair = [signers[k + 1], signers[k]];
    const cells = (make: (s: Signer) => Row[]) => pair.map((s) => (s ? make(s) : []));
    const [l1, r1] = cells((s) => [
      ...texts((l) => side(s.caption, l, o)),
      ...texts((l) => side(s.position, l, o)),
    ]);
    slices.push(row(l1 ?? [], r1 ?? []), row([gap(58)], [gap(58)]));
    const [l2, r2] = cells((s) =>
      breakLines([{ text: s.name, size: PAGE.body, bold: true, underline: true }], width),
    );
    slices.push(row(l2 ?? [], r2 ?? []));
    const [l3, r3] = cells((s) =>
      s.nip
        ? breakLines(
            [{ text: `${brief.nipLabel[languages[0] ?? 'id']} ${s.nip}`, size: PAGE.body }],
            width,
          )
        : [],
    );
    slices.push(row(l3 ?? [], r3 ?? []));
    // Room before the next signers; none after the last, whose blank would push the closing
    // onto a page of its own when the signatures alone fit.
    if (k + 2 < signers.length) slices.push(row([gap(18)], []));
  }
  const last = slices[slices.length - 1];
  if (last) last.keep = false;
  return slices;
}
