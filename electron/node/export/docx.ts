import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { IParagraphOptions, IRunOptions, ParagraphChild } from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import type { Brief, BriefLanguage, Signer } from './brief';
import { keepsWithNext, PAGE, planBody, TEXT_WIDTH } from './document-plan';
import type { Part, Piece, PlannedTable, Unit } from './document-plan';
import { BodyXml, noteTableWidths } from './docx-body';
import type { ListKey } from './docx-body';
import { DOCUMENT_FONT } from './fonts';
import { languagesOf, side } from './options';
import type { RenderOptions } from './options';
import type { Flow, Run } from './rich-text';

type Child = Paragraph | Table;

const DXA = 20; // twentieths of a point
const pt = (points: number) => Math.round(points * DXA);
const BODY = PAGE.body * 2; // half-points
const SMALL = PAGE.small * 2;
const LANG = { id: 'id-ID', en: 'en-GB' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '444444' } as const;
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '999999' } as const;
const noBorders = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

/** Everything a renderer of one document needs, with the numbering it collects on the way. */
class Writer {
  /** Ordered lists, each its own numbering (so each restarts), keyed by its first number. */
  readonly starts = new Set<number>();
  #instance = 0;
  /**
   * Set while the cells of a parallel row are written: a row is never split, so "keep with
   * next" on its paragraphs would only chain the row to the next one, and Word and LibreOffice
   * then move whole runs of rows to the next page (members, clauses), leaving pages half empty.
   */
  #inRow = false;
  /** Set while the cells of a parallel row are written: a note's table there is half as wide. */
  #inPair = false;
  constructor(readonly o: RenderOptions) {}

  run(text: string, l: BriefLanguage, extra: Omit<IRunOptions, 'text'> = {}): TextRun[] {
    // Line breaks inside a text become Word line breaks, not lost characters.
    return text.split('\n').map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i ? 1 : 0,
          // Each run says its language, so Word proofreads Indonesian as Indonesian; Korean
          // characters take the East Asian font and language.
          language: { value: LANG[l], eastAsia: 'ko-KR' },
          ...extra,
        }),
    );
  }

  runs(runs: Run[], l: BriefLanguage, size?: number): TextRun[] {
    return runs.flatMap((r) =>
      this.run(r.text, l, {
        bold: r.bold,
        italics: r.italic,
        size,
        font: r.code ? 'Courier New' : undefined,
      }),
    );
  }

  para(children: ParagraphChild[], options: Omit<IParagraphOptions, 'children'> = {}) {
    return new Paragraph({ children, ...options, ...(this.#inRow ? { keepNext: false } : {}) });
  }

  flow(flow: Flow, l: BriefLanguage, depth = 0, size?: number): Child[] {
    switch (flow.kind) {
      case 'p':
        return [this.para(this.runs(flow.runs, l, size))];
      case 'h':
        return [
          this.para(
            this.runs(
              flow.runs.map((r) => ({ ...r, bold: true })),
              l,
              size,
            ),
            { keepNext: true, spacing: { before: 120, after: 60 } },
          ),
        ];
      case 'list': {
        const instance = ++this.#instance;
        if (flow.ordered) this.starts.add(flow.start);
        const numbering = {
          reference: flow.ordered ? `ordered-${flow.start}` : 'bullet',
          level: Math.min(depth, 4),
          // Bullets show no number: one list serves them all; each ordered list restarts.
          instance: flow.ordered ? instance : 0,
        };
        return flow.items.flatMap((item) =>
          item.flatMap((child, i): Child[] => {
            if (child.kind === 'list') return this.flow(child, l, depth + 1, size);
            if (i > 0) return this.flow(child, l, depth, size);
            // The first paragraph of an item carries its bullet or number.
            const text = child.kind === 'p' || child.kind === 'h';
            const first = new Paragraph({
              children: text ? this.runs(child.runs, l, size) : [],
              numbering,
              spacing: { after: 40 },
            });
            return text ? [first] : [first, ...this.flow(child, l, depth, size)];
          }),
        );
      }
      case 'table':
        return [this.noteTable(flow, l)];
      case 'quote':
        return flow.flows
          .flatMap((f) => this.flow(f, l, depth, size))
          .map((p) => (p instanceof Paragraph ? p : p));
      case 'code':
        return [
          this.para(this.run(flow.text, l, { font: 'Courier New', size: SMALL }), {
            indent: { left: 360 },
          }),
        ];
      case 'rule':
        return [this.para([], { border: { bottom: THIN } })];
    }
  }

  noteTable(flow: Extract<Flow, { kind: 'table' }>, l: BriefLanguage): Table {
    const columns = Math.max(flow.head.length, ...flow.rows.map((r) => r.length), 1);
    // Equal columns, given in twips so the grid does not depend on where the table is.
    const widths = noteTableWidths(columns, this.#inPair);
    const row = (cells: Run[][], header: boolean) =>
      new TableRow({
        cantSplit: true,
        tableHeader: header,
        children: Array.from({ length: columns }, (_, i) =>
          this.cell(
            [
              this.para(
                this.runs(
                  (cells[i] ?? []).map((r) => ({ ...r, bold: r.bold || header })),
                  l,
                  SMALL,
                ),
              ),
            ],
            undefined,
            header,
          ),
        ),
      });
    return new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      rows: [row(flow.head, true), ...flow.rows.map((r) => row(r, false))],
      borders: gridBorders,
    });
  }

  cell(children: Child[], width?: number, shade = false) {
    return new TableCell({
      children: children.length ? children : [new Paragraph('')],
      width: width ? { size: pt(width), type: WidthType.DXA } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      shading: shade ? { fill: 'ECECEC', color: 'auto', type: 'clear' } : undefined,
    });
  }

  piece(piece: Piece, l: BriefLanguage): Child[] {
    switch (piece.kind) {
      case 'heading':
        return [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: this.run(piece.text, l),
          }),
        ];
      case 'subheading':
        return [
          new Paragraph({
            heading: piece.level === 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
            children: this.run(piece.text, l),
          }),
        ];
      case 'paragraph':
        return [this.para(this.run(piece.text, l), { keepNext: piece.keep })];
      case 'flow':
        return this.flow(piece.flow, l);
      case 'fact':
        return [
          this.para([
            ...this.run(`${piece.label}: `, l, { bold: true }),
            ...this.run(piece.value, l),
          ]),
        ];
      case 'clause': {
        const indent = 360 * piece.level;
        return [
          this.para(
            [
              ...this.run(piece.number, l, { bold: true }),
              new TextRun({ text: '\t' }),
              ...this.run(piece.text, l),
            ],
            {
              indent: { left: indent + 567, hanging: 567 },
              tabStops: [{ type: 'left', position: indent + 567 }],
              keepLines: true,
              keepNext: Boolean(piece.position),
              spacing: { after: piece.position ? 20 : 80 },
            },
          ),
          ...(piece.position
            ? [
                this.para(this.run(piece.position, l, { italics: true }), {
                  indent: { left: indent + 567 },
                }),
              ]
            : []),
        ];
      }
      case 'item':
        return [
          this.para(
            [
              ...this.run(piece.number, l, { bold: true }),
              new TextRun({ text: '\t' }),
              ...this.run(piece.title, l, { bold: true }),
            ],
            {
              indent: { left: 425, hanging: 425 },
              tabStops: [{ type: 'left', position: 425 }],
              keepNext: true,
              spacing: { after: 20 },
            },
          ),
          ...piece.facts.map((f) =>
            this.para(
              [...this.run(`${f.label}: `, l, { italics: true }), ...this.run(f.value, l)],
              {
                indent: { left: 425 },
                keepNext: true,
                spacing: { after: 0 },
              },
            ),
          ),
          ...(piece.list
            ? [
                this.para(this.run(`${piece.list.label}:`, l, { italics: true }), {
                  indent: { left: 425 },
                  keepNext: true,
                  spacing: { after: 0 },
                }),
                ...piece.list.items.map((item) =>
                  this.para(this.run(item, l), {
                    numbering: { reference: 'item-bullet', level: 0 },
                    spacing: { after: 0 },
                  }),
                ),
              ]
            : []),
          this.para([], { spacing: { after: 60 } }),
        ];
    }
  }

  table(table: PlannedTable, l: BriefLanguage): Table {
    const cellOf = (value: string | string[], header: boolean) =>
      Array.isArray(value)
        ? value.map((v) =>
            this.para(this.run(v, l, { size: SMALL }), {
              numbering: { reference: 'cell-bullet', level: 0 },
              spacing: { after: 0 },
            }),
          )
        : [this.para(this.run(value, l, { size: SMALL, bold: header }), { spacing: { after: 0 } })];
    return new Table({
      layout: TableLayoutType.FIXED,
      width: { size: pt(TEXT_WIDTH), type: WidthType.DXA },
      columnWidths: table.widths.map(pt),
      borders: gridBorders,
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: table.headers.map((h, i) => this.cell(cellOf(h, true), table.widths[i], true)),
        }),
        ...table.rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: row.map((c, i) => this.cell(cellOf(c, false), table.widths[i])),
            }),
        ),
      ],
    });
  }

  unit(unit: Exclude<Unit, { kind: 'pair' }>, l: BriefLanguage): Child[] {
    switch (unit.kind) {
      case 'piece':
        return this.piece(unit.piece, l);
      case 'facts': {
        const widths = [TEXT_WIDTH * 0.3, 12, TEXT_WIDTH * 0.7 - 12];
        return [
          new Table({
            layout: TableLayoutType.FIXED,
            width: { size: pt(TEXT_WIDTH), type: WidthType.DXA },
            columnWidths: widths.map(pt),
            borders: noBorders,
            rows: unit.rows.map(
              (r) =>
                new TableRow({
                  cantSplit: true,
                  children: [r.label, ':', r.value].map(
                    (text, i) =>
                      new TableCell({
                        width: { size: pt(widths[i] ?? 0), type: WidthType.DXA },
                        margins: { top: 0, bottom: 40, left: 0, right: 60 },
                        children: [this.para(this.run(text, l), { spacing: { after: 0 } })],
                      }),
                  ),
                }),
            ),
          }),
          this.para([], { spacing: { after: 60 } }),
        ];
      }
      case 'table':
        return [this.table(unit.table, l), this.para([], { spacing: { after: 60 } })];
    }
  }

  /** The parallel layout: one table, each row a piece in Indonesian beside its English. */
  pairs(part: Part, brief: Brief): Table {
    const half = TEXT_WIDTH / 2;
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: (['id', 'en'] as const).map(
        (l) =>
          new TableCell({
            width: { size: pt(half), type: WidthType.DXA },
            margins: { top: 0, bottom: 40, left: 100, right: 100 },
            borders: { bottom: LINE },
            children: [
              this.para(
                this.run(brief.languageNames[l], l, { bold: true, size: 18, color: '444444' }),
                {
                  spacing: { after: 0 },
                },
              ),
            ],
          }),
      ),
    });
    const rows = part.units.map((unit, index) => {
      const pair = unit as Extract<Unit, { kind: 'pair' }>;
      // A heading row stays on the page of the row it heads, and the last row on the page of
      // the signatures that follow the table (which never stand alone on a page).
      const heading =
        keepsWithNext(pair.id) || keepsWithNext(pair.en) || index === part.units.length - 1;
      return new TableRow({
        cantSplit: true,
        keepNext: heading,
        children: (['id', 'en'] as const).map((l) => {
          const piece = pair[l];
          // Only a kept row keeps with what follows (its row's own keepNext).
          this.#inRow = !heading;
          this.#inPair = true;
          const children = piece ? this.piece(piece, l) : [new Paragraph('')];
          this.#inRow = false;
          this.#inPair = false;
          return new TableCell({ width: { size: pt(half), type: WidthType.DXA }, children });
        }),
      });
    });
    return new Table({
      layout: TableLayoutType.FIXED,
      width: { size: pt(TEXT_WIDTH), type: WidthType.DXA },
      columnWidths: [pt(half), pt(half)],
      borders: { ...noBorders, insideVertical: THIN },
      // The cells' margins, once for the table: written for each of thousands of cells, they
      // were half the bytes of a long document.
      margins: { top: 20, bottom: 20, left: 100, right: 100 },
      rows: [header, ...rows],
    });
  }
}

const gridBorders = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

/** Width and height of a PNG or JPEG, to keep a logo's proportions. */
function imageSize(data: Buffer): { width: number; height: number } | null {
  if (data.subarray(1, 4).toString('latin1') === 'PNG') {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  let i = 2;
  while (i + 9 < data.length && data[i] === 0xff) {
    const marker = data[i + 1] ?? 0;
    const length = data.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

export function decodeLogo(
  logo: string | null,
): { type: 'png' | 'jpg'; data: Buffer; width: number; height: number } | null {
  const match = logo ? /^data:image\/(png|jpeg|jpg);base64,(.+)$/.exec(logo) : null;
  if (!match?.[2]) return null;
  const data = Buffer.from(match[2], 'base64');
  const size = imageSize(data);
  if (!size || !size.width || !size.height) return null;
  return { type: match[1] === 'png' ? 'png' : 'jpg', data, ...size };
}

function head(w: Writer, brief: Brief, languages: BriefLanguage[]): Child[] {
  const first = languages[0] ?? 'id';
  const o = w.o;
  const out: Child[] = [];
  const kop = brief.letterhead;
  if (kop) {
    const logo = decodeLogo(kop.logo);
    const size = 70; // pixels at 96 dpi: about 1.9 cm
    const text = [
      ...kop.lines.map((line, i) =>
        w.para(
          w.run(side(line, first, o).toUpperCase(), first, { bold: true, size: i === 0 ? 26 : 24 }),
          {
            alignment: AlignmentType.CENTER,
            spacing: { after: 0 },
          },
        ),
      ),
      ...(side(kop.address, first, o).trim()
        ? [
            w.para(w.run(side(kop.address, first, o), first, { size: 18 }), {
              alignment: AlignmentType.CENTER,
              spacing: { after: 0 },
            }),
          ]
        : []),
    ];
    const side1 = pt(62);
    out.push(
      new Table({
        layout: TableLayoutType.FIXED,
        width: { size: pt(TEXT_WIDTH), type: WidthType.DXA },
        columnWidths: [side1, pt(TEXT_WIDTH) - 2 * side1, side1],
        borders: noBorders,
        rows: [
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({
                width: { size: side1, type: WidthType.DXA },
                verticalAlign: 'center',
                children: [
                  new Paragraph({
                    // Single line spacing "at least", so the picture sets the line's height.
                    spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 0 },
                    children: logo
                      ? [
                          new ImageRun({
                            type: logo.type,
                            data: logo.data,
                            transformation: {
                              width: Math.round(
                                (size * logo.width) / Math.max(logo.width, logo.height),
                              ),
                              height: Math.round(
                                (size * logo.height) / Math.max(logo.width, logo.height),
                              ),
                            },
                          }),
                        ]
                      : [],
                  }),
                ],
              }),
              new TableCell({
                width: { size: pt(TEXT_WIDTH) - 2 * side1, type: WidthType.DXA },
                verticalAlign: 'center',
                children: text,
              }),
              new TableCell({
                width: { size: side1, type: WidthType.DXA },
                children: [new Paragraph('')],
              }),
            ],
          }),
        ],
      }),
      // The rule under a kop: a thick line over a thin one.
      w.para([], {
        border: {
          bottom: { style: BorderStyle.THICK_THIN_MEDIUM_GAP, size: 18, color: '000000', space: 1 },
        },
        spacing: { after: 240 },
      }),
    );
  }
  languages.forEach((l, i) => {
    out.push(
      w.para(
        w.run(side(brief.title, l, o), l, i ? { italics: true } : { bold: true, underline: {} }),
        { alignment: AlignmentType.CENTER, keepNext: true, spacing: { after: 0 } },
      ),
    );
  });
  if (brief.number) {
    out.push(
      w.para(w.run(side(brief.number, first, o), first), {
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { after: 0 },
      }),
    );
  }
  languages.forEach((l, i) =>
    out.push(
      w.para(w.run(side(brief.subtitle, l, o), l, { italics: i > 0 }), {
        alignment: AlignmentType.CENTER,
        spacing: { after: i === languages.length - 1 ? 240 : 0 },
      }),
    ),
  );
  if (brief.addressee) {
    languages.forEach((l, i) =>
      out.push(
        w.para(
          w.run(`${brief.addresseeLabel[l]} ${side(brief.addressee ?? brief.title, l, o)}`, l, {
            italics: i > 0,
          }),
          { spacing: { after: i === languages.length - 1 ? 200 : 0 } },
        ),
      ),
    );
  }
  return out;
}

/**
 * Place and date, then the signers, row by row so captions, names and NIPs line up. `joined`:
 * the rows become the last rows of the parallel table before them (`joinClosing`), their cells
 * without the line between the two languages, the gap above them a row of its own.
 */
function closing(w: Writer, brief: Brief, languages: BriefLanguage[], joined = false): Child[] {
  const half = TEXT_WIDTH / 2;
  const first = languages[0] ?? 'id';
  const signers = brief.closing.signers;
  const texts = (text: (l: BriefLanguage) => string) =>
    languages.map((l, i) =>
      w.para(w.run(text(l), l, { italics: i > 0 }), { keepNext: true, spacing: { after: 0 } }),
    );
  const row = (left: Paragraph[], right: Paragraph[], keepNext = true) =>
    new TableRow({
      cantSplit: true,
      keepNext,
      children: [left, right].map(
        (children) =>
          new TableCell({
            width: { size: pt(half), type: WidthType.DXA },
            ...(joined ? { borders: { left: NONE, right: NONE } } : {}),
            children: children.length
              ? children
              : [w.para([], { keepNext, spacing: { after: 0 } })],
          }),
      ),
    });
  // The first signer reports and signs on the right under the place and date; the others
  // (who acknowledge) sign to the left, two to a row.
  const gap = () => [w.para([], { keepNext: true, spacing: { after: 200 } })];
  const rows = [
    ...(joined ? [row(gap(), gap())] : []),
    row(
      [],
      texts((l) => side(brief.closing.placeDate, l, w.o)),
    ),
  ];
  for (let k = 0; k < signers.length; k += 2) {
    const pair = [signers[k + 1], signers[k]];
    const cells = (make: (s: Signer) => Paragraph[]) => pair.map((s) => (s ? make(s) : []));
    const last = k + 2 >= signers.length;
    const [l1, r1] = cells((s) => [
      ...texts((l) => side(s.caption, l, w.o)),
      ...texts((l) => side(s.position, l, w.o)),
    ]);
    const space = () => [w.para([], { keepNext: true, spacing: { before: 900, after: 0 } })];
    const [l2, r2] = cells((s) => [
      w.para(w.run(s.name, first, { bold: true, underline: {} }), {
        keepNext: true,
        spacing: { after: 0 },
      }),
    ]);
    const [l3, r3] = cells((s) =>
      s.nip
        ? [
            w.para(w.run(`${brief.nipLabel[first]} ${s.nip}`, first), {
              keepNext: !last,
              spacing: { after: 0 },
            }),
          ]
        : [],
    );
    rows.push(
      row(l1 ?? [], r1 ?? []),
      row(space(), space()),
      row(l2 ?? [], r2 ?? []),
      row(l3 ?? [], r3 ?? [], !last),
    );
  }
  return [
    ...(joined ? [] : [w.para([], { keepNext: true, spacing: { after: 200 } })]),
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: pt(TEXT_WIDTH), type: WidthType.DXA },
      columnWidths: [pt(half), pt(half)],
      borders: noBorders,
      rows,
    }),
  ];
}

function footer(brief: Brief, languages: BriefLanguage[], total: string) {
  const children: (string | (typeof PageNumber)[keyof typeof PageNumber])[] = [];
  languages.forEach((l, i) => {
    const [before, rest = ''] = brief.pageLabel[l].split('{{page}}');
    const [middle, after = ''] = rest.split('{{pages}}');
    if (i) children.push(' · ');
    children.push(
      before ?? '',
      PageNumber.CURRENT,
      middle ?? '',
      total === 'section' ? PageNumber.TOTAL_PAGES_IN_SECTION : PageNumber.TOTAL_PAGES,
      after,
    );
  });
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [new TextRun({ children: children as never, size: 16, color: '444444' })],
      }),
    ],
  });
}

/**
 * How the body is written: `xml`, as WordprocessingML text (what ships, `docx-body.ts`), or
 * `library`, as the `docx` library's objects: the reference the unit tests compare it with.
 */
export type DocxEngine = 'xml' | 'library';

/** A Word document with real headings, lists, tables and page numbers, in a restrained style. */
export async function renderDocx(
  brief: Brief,
  options: RenderOptions,
  engine: DocxEngine = 'xml',
): Promise<Buffer> {
  const languages = languagesOf(options);
  const w = new Writer(options);
  const parts = planBody(brief, options);
  const sequential = languages.length === 2 && options.layout === 'sequential';
  const parallel = languages.length === 2 && !sequential;
  // The XML body stands in the library's document as one marked paragraph per section, replaced
  // once the library has written the rest. The mark cannot come from a text of the brief.
  const x = new BodyXml();
  const mark = `\uE000risalah-body-${randomUUID()}-`;
  const body = (units: Part[]): Child[] => {
    if (engine === 'library') {
      return units.flatMap((part) =>
        part.language
          ? part.units.flatMap((u) =>
              w.unit(u as Exclude<Unit, { kind: 'pair' }>, part.language ?? 'id'),
            )
          : [w.pairs(part, brief)],
      );
    }
    x.bounds.push(x.out.length);
    for (const part of units) {
      if (part.language) {
        for (const u of part.units) x.unit(u as Exclude<Unit, { kind: 'pair' }>, part.language);
      } else x.pairs(part, brief);
    }
    return [new Paragraph({ children: [new TextRun(`${mark}${x.bounds.length - 1}`)] })];
  };
  const sections = sequential
    ? parts.map((part) => {
        const l = part.language ?? 'id';
        return {
          properties: { page: { pageNumbers: { start: 1 } } },
          footers: { default: footer(brief, [l], 'section') },
          children: [...head(w, brief, [l]), ...body([part]), ...closing(w, brief, [l])],
        };
      })
    : [
        {
          properties: {},
          footers: { default: footer(brief, languages, 'document') },
          children: [
            ...head(w, brief, languages),
            ...body(parts),
            ...closing(w, brief, languages, parallel),
          ],
        },
      ];
  const starts = engine === 'library' ? w.starts : x.starts;
  const bulletLevels = (symbols: string[], base: number) =>
    symbols.map((text, level) => ({
      level,
      format: LevelFormat.BULLET,
      text,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: base + 360 * level, hanging: 300 } } },
    }));
  const first = languages[0] ?? 'id';
  const doc = new Document({
    creator: 'Risalah',
    title: languages.map((l) => side(brief.title, l, options)).join(' / '),
    styles: {
      default: {
        document: {
          run: {
            font: {
              ascii: DOCUMENT_FONT.word,
              hAnsi: DOCUMENT_FONT.word,
              cs: DOCUMENT_FONT.word,
              eastAsia: DOCUMENT_FONT.eastAsia,
            },
            size: BODY,
            language: { value: LANG[first], eastAsia: 'ko-KR' },
          },
          paragraph: { spacing: { after: 100, line: 264 } },
        },
        // Word's own headings are large and blue; an official paper's are body-sized and black.
        heading1: {
          run: { font: DOCUMENT_FONT.word, size: BODY, bold: true, color: '000000' },
          paragraph: { keepNext: true, keepLines: true, spacing: { before: 240, after: 100 } },
        },
        heading2: {
          run: { font: DOCUMENT_FONT.word, size: BODY, bold: true, color: '000000' },
          paragraph: { keepNext: true, keepLines: true, spacing: { before: 180, after: 80 } },
        },
        heading3: {
          run: { font: DOCUMENT_FONT.word, size: BODY, bold: true, italics: true, color: '000000' },
          paragraph: { keepNext: true, keepLines: true, spacing: { before: 160, after: 60 } },
        },
      },
    },
    numbering: {
      config: [
        { reference: 'bullet', levels: bulletLevels(['•', '–', '◦', '–', '◦'], 360) },
        { reference: 'item-bullet', levels: bulletLevels(['–'], 785) },
        { reference: 'cell-bullet', levels: bulletLevels(['•'], 300) },
        ...[...starts].map((start) => ({
          reference: `ordered-${start}`,
          levels: ['%1.', '%2)', '%3.', '%4)', '%5.'].map((text, level) => ({
            level,
            format: level % 2 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL,
            text: text.replace(/%\d/, `%${level + 1}`),
            start: level === 0 ? start : 1,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 + 360 * level, hanging: 360 } } },
          })),
        })),
      ],
    },
    sections: sections.map((s) => ({
      ...s,
      properties: {
        ...s.properties,
        page: {
          ...(s.properties as { page?: object }).page,
          size: { width: pt(PAGE.width), height: pt(PAGE.height) },
          margin: {
            top: pt(PAGE.top),
            bottom: pt(PAGE.bottom),
            left: pt(PAGE.left),
            right: pt(PAGE.right),
            footer: pt(28),
          },
        },
      },
    })),
  });
  // The lists, numbered in the order they occur, as the library numbers them while writing.
  for (const { key } of x.lists) {
    doc.Numbering.createConcreteNumberingInstance(key.reference, key.instance);
  }
  const numIds = new Map(
    doc.Numbering.ConcreteNumbering.map((c) => [listKey(c), String(c.numId)] as const),
  );
  for (const { slot, key } of x.lists) x.out[slot] = numIds.get(listKey(key)) ?? '';
  const files = unzipSync(await Packer.toBuffer(doc));
  // The library's document.xml, cut at each section's mark, with the body's XML between: the
  // parts are encoded on their own and the file is their bytes one after the other (the body,
  // megabytes of text, is never spliced into one string and copied again).
  const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  const bodies: string[] = [];
  const between: string[] = [];
  let after = 0;
  x.bounds.forEach((from, i) => {
    const placeholder = `<w:p><w:r><w:t xml:space="preserve">${mark}${i}</w:t></w:r></w:p>`;
    const at = xml.indexOf(placeholder, after);
    if (at < 0 || xml.indexOf(placeholder, at + 1) >= 0)
      throw new Error('DOCX body mark not found');
    between.push(xml.slice(after, at));
    bodies.push(x.out.slice(from, x.bounds[i + 1] ?? x.out.length).join(''));
    after = at + placeholder.length;
  });
  between.push(xml.slice(after));
  if (parallel) joinClosing(bodies, between);
  if (sequential) sectionTotals(between, files);
  const chunks: Buffer[] = [];
  between.forEach((text, i) => {
    chunks.push(Buffer.from(text, 'utf8'));
    const body = bodies[i];
    if (body !== undefined) chunks.push(Buffer.from(body, 'utf8'));
  });
  files['word/document.xml'] = Buffer.concat(chunks);
  return zip(Object.entries(files));
}

/**
 * The signatures' table joined to the parallel table before it, as its last rows. LibreOffice
 * keeps rows of one table together by their paragraphs' keep-with-next, as Word does, but never
 * keeps a table with the table after it: the signatures fell alone onto the last page.
 * The parallel table ends the (one) body and the signatures' table begins what follows it; with
 * the library's writer (no body of ours), both are in the library's XML.
 */
function joinClosing(bodies: string[], between: string[]): void {
  const end = '</w:tbl>';
  const open = '<w:tbl>';
  const grid = '</w:tblGrid>';
  const fail = () => new Error('DOCX signature table not found after the parallel table');
  if (!bodies.length) {
    const xml = between[0] ?? '';
    const start = xml.lastIndexOf(open);
    const at = xml.indexOf(grid, start);
    if (start < end.length || at < 0 || xml.slice(start - end.length, start) !== end) throw fail();
    between[0] = xml.slice(0, start - end.length) + xml.slice(at + grid.length);
    return;
  }
  const body = bodies[bodies.length - 1] ?? '';
  const tail = between[bodies.length] ?? '';
  const at = tail.indexOf(grid);
  if (bodies.length !== 1 || tail.lastIndexOf(open) !== 0 || at < 0 || !body.endsWith(end)) {
    throw fail();
  }
  bodies[0] = body.slice(0, -end.length);
  between[1] = tail.slice(at + grid.length);
}

/**
 * Each language of a sequential document counts its own pages ("Halaman 3 dari 4", then "Page 1
 * of 4"), as the PDF does. Word's SECTIONPAGES field gives that total, but LibreOffice leaves it
 * empty; both show a PAGEREF to a bookmark where the section ends (the page number as that
 * section numbers its pages, fields in a footer being laid out with each page). So each
 * section's last paragraph gets a bookmark, and its footer's SECTIONPAGES becomes a PAGEREF to it.
 */
function sectionTotals(between: string[], files: Record<string, Uint8Array>): void {
  const rels = strFromU8(files['word/_rels/document.xml.rels'] ?? new Uint8Array());
  const footerOf = (id: string) =>
    new RegExp(`Id="${id}" Type="[^"]+/footer" Target="([^"]+)"`).exec(rels)?.[1];
  let section = 0;
  between.forEach((xml, i) => {
    let out = '';
    let from = 0;
    for (let at = xml.indexOf('<w:sectPr', from); at >= 0; at = xml.indexOf('<w:sectPr', from)) {
      section++;
      const name = `risalah_pages_${section}`;
      const mark = `<w:bookmarkStart w:id="${9000 + section}" w:name="${name}"/><w:bookmarkEnd w:id="${9000 + section}"/>`;
      const end = xml.indexOf('</w:sectPr>', at) + '</w:sectPr>'.length;
      const sectPr = xml.slice(at, end);
      const opened = xml.lastIndexOf('<w:pPr>', at);
      // A section ends with the paragraph holding its properties; the last one's properties
      // close the body, after its last paragraph.
      if (
        opened >= 0 &&
        xml.indexOf('</w:pPr>', opened) >= end &&
        xml.indexOf('</w:p>', opened) > end
      ) {
        const pPrEnd = xml.indexOf('</w:pPr>', end) + '</w:pPr>'.length;
        out += xml.slice(from, pPrEnd) + mark;
        from = pPrEnd;
      } else {
        const lastParagraph = xml.lastIndexOf('</w:p>', at);
        if (lastParagraph < from) throw new Error('DOCX section without a paragraph');
        out += xml.slice(from, lastParagraph) + mark + xml.slice(lastParagraph, end);
        from = end;
      }
      const id = /<w:footerReference w:type="default" r:id="([^"]+)"\/>/.exec(sectPr)?.[1] ?? '';
      const footer = `word/${footerOf(id) ?? ''}`;
      const text = files[footer] ? strFromU8(files[footer]) : '';
      const field = '<w:instrText xml:space="preserve">SECTIONPAGES</w:instrText>';
      if (!text.includes(field)) throw new Error('DOCX section footer without its page total');
      files[footer] = strToU8(
        text.replace(field, `<w:instrText xml:space="preserve">PAGEREF ${name}</w:instrText>`),
      );
    }
    between[i] = out + xml.slice(from);
  });
}

const listKey = (key: ListKey) => `${key.reference}-${key.instance}`;

/**
 * A zip of the package's parts, deflated by Node's zlib: three times faster than the
 * JavaScript deflate the `docx` library zips with (measured on the 5 MB body of the bench's
 * summary: 26 ms of CPU against 74 ms), for a file of the same size.
 */
function zip(files: [string, Uint8Array][]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const path = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    // DOS time 00:00, date 1980-01-01: the same bytes for the same document.
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      header.writeUInt16LE(0x0800, at + 2); // names in UTF-8
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt16LE(0, at + 6);
      header.writeUInt16LE(0x21, at + 8);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(packed.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(path.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0
    fields(entry, 6);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, path, packed);
    central.push(entry, path);
    offset += local.length + path.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}
