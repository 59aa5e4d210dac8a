import type { Brief, BriefLanguage } from './brief';
import { keepsWithNext, TEXT_WIDTH } from './document-plan';
import type { Part, Piece, PlannedTable, Unit } from './document-plan';
import type { Flow, Run } from './rich-text';

/**
 * The body of a Word document (the sections between title and signatures: thousands of
 * paragraphs, rows and runs) written as WordprocessingML text, the very XML the `docx` library
 * writes for the same objects (`docx.ts` keeps that path as the reference, and a unit test
 * compares the two byte for byte). Why: for a summary of 500 full notes, building and
 * serialising the library's object tree took ~1.3 s of CPU, 90 % of the export (its generic
 * property objects and recursive formatter), where writing the same XML as strings takes tens
 * of milliseconds. The letterhead, title, signatures, styles and numbering stay the library's.
 */

const pt = (points: number) => Math.round(points * 20);
const LANG = { id: 'id-ID', en: 'en-GB' } as const;
const SMALL = 19; // 9.5 pt in half-points
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};
// As the library escapes: markup characters, and control characters XML 1.0 cannot carry dropped.
// eslint-disable-next-line no-control-regex
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const esc = (text: string) => text.replace(ESCAPED, (c) => ESCAPES[c] ?? '');

const onOff = (name: string, value: boolean | undefined) =>
  value === undefined ? '' : value ? `<${name}/>` : `<${name} w:val="false"/>`;
const border = (side: string, style: string, color: string, size: number) =>
  `<w:${side} w:val="${style}" w:color="${color}" w:sz="${size}"/>`;
const NONE = (side: string) => border(side, 'none', 'FFFFFF', 0);
const LINE = (side: string) => border(side, 'single', '444444', 4);
const GRID_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(LINE).join('')}</w:tblBorders>`;
const NO_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(NONE).join('')}</w:tblBorders>`;
const PAIR_BORDERS = `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH'].map(NONE).join('')}${border('insideV', 'single', '999999', 4)}</w:tblBorders>`;
const margins = (top: number, left: number, bottom: number, right: number) =>
  `<w:tcMar><w:top w:type="dxa" w:w="${top}"/><w:left w:type="dxa" w:w="${left}"/><w:bottom w:type="dxa" w:w="${bottom}"/><w:right w:type="dxa" w:w="${right}"/></w:tcMar>`;
const CELL_MARGINS = margins(40, 80, 40, 80);
const SHADE = '<w:shd w:fill="ECECEC" w:color="auto" w:val="clear"/>';

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  font?: string;
  color?: string;
  underline?: boolean;
}

interface ParaStyle {
  style?: string;
  list?: boolean;
  keepNext?: boolean;
  keepLines?: boolean;
  numbering?: { reference: string; instance?: number; level: number };
  border?: boolean;
  tab?: number;
  spacing?: { after?: number; before?: number };
  indent?: { left?: number; hanging?: number };
}

/** A list's key as the library names its concrete numbering: reference and instance. */
export interface ListKey {
  reference: string;
  instance: number;
}

/** What a flow wrote: its XML, and between the parts the lists whose number id goes there. */
type Recorded = { parts: (string | ListKey)[]; instances: number };

/**
 * Each note's flows as written, kept by flow and by what around it changes the XML (language,
 * and the keep-with-next of the parallel row it is in): the plan hands out the same flow objects
 * for the same text (document-plan's `richPieces`), so a note is written once however often it
 * is exported, and it is a few strings in `out` instead of hundreds.
 */
const recorded = new WeakMap<Flow, Map<string, Recorded>>();

/**
 * Writes the body into `out`, a list of strings joined at the end. A list paragraph's number id
 * is only known once the library has numbered the lists (in the order they occur, as it does
 * while writing), so its place in `out` is kept in `lists` and filled in then.
 */
export class BodyXml {
  readonly out: string[] = [];
  readonly lists: { slot: number; key: ListKey }[] = [];
  /** Where each section's body begins in `out`. */
  readonly bounds: number[] = [];
  /** Ordered lists, each its own numbering (so each restarts), keyed by its first number. */
  readonly starts = new Set<number>();
  #instance = 0;
  /** As the library writer's: a paragraph of a parallel row (not a kept one) never keeps with the next. */
  #inRow = false;
  /** The keepNext a parallel row gives its cells' own paragraphs that do not set theirs. */
  #rowKeep: boolean | undefined = undefined;

  run(text: string, l: BriefLanguage, style: RunStyle = {}): string {
    const props =
      (style.font
        ? `<w:rFonts w:ascii="${style.font}" w:cs="${style.font}" w:eastAsia="${style.font}" w:hAnsi="${style.font}"/>`
        : '') +
      onOff('w:b', style.bold) +
      onOff('w:bCs', style.bold) +
      onOff('w:i', style.italics) +
      onOff('w:iCs', style.italics) +
      (style.color ? `<w:color w:val="${style.color}"/>` : '') +
      (style.size !== undefined ? `<w:sz w:val="${style.size}"/>` : '') +
      (style.size ? `<w:szCs w:val="${style.size}"/>` : '') +
      (style.underline ? '<w:u w:val="single"/>' : '') +
      `<w:lang w:val="${LANG[l]}" w:eastAsia="ko-KR"/>`;
    // Line breaks inside a text become Word line breaks, not lost characters.
    let xml = '';
    let i = 0;
    for (const line of text.split('\n')) {
      xml += `<w:r><w:rPr>${props}</w:rPr>${i++ ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(line)}</w:t></w:r>`;
    }
    return xml;
  }

  runs(runs: Run[], l: BriefLanguage, size?: number): string {
    let xml = '';
    for (const r of runs) {
      xml += this.run(r.text, l, {
        bold: r.bold,
        italics: r.italic,
        size,
        font: r.code ? 'Courier New' : undefined,
      });
    }
    return xml;
  }

  /** A paragraph; `direct` when it is a cell's own, which its parallel row's keepNext reaches. */
  p(children: string, s: ParaStyle = {}, own = false, direct = true): void {
    const out = this.out;
    // `own` paragraphs are the library writer's `para()`: inside a row they never keep.
    const keepNext = own && this.#inRow ? false : s.keepNext;
    const rowKeep = direct && keepNext === undefined ? this.#rowKeep : undefined;
    let props =
      (s.style ? `<w:pStyle w:val="${s.style}"/>` : '') +
      (s.list ? '<w:pStyle w:val="ListParagraph"/>' : '') +
      onOff('w:keepNext', keepNext ?? rowKeep) +
      onOff('w:keepLines', s.keepLines);
    if (s.numbering) {
      out.push(
        `<w:p><w:pPr>${props}<w:numPr><w:ilvl w:val="${s.numbering.level}"/><w:numId w:val="`,
      );
      this.lists.push({
        slot: out.length,
        key: { reference: s.numbering.reference, instance: s.numbering.instance ?? 0 },
      });
      out.push('');
      props = '"/></w:numPr>';
    } else out.push('<w:p>');
    props +=
      (s.border ? `<w:pBdr>${border('bottom', 'single', '999999', 4)}</w:pBdr>` : '') +
      (s.tab !== undefined ? `<w:tabs><w:tab w:val="left" w:pos="${s.tab}"/></w:tabs>` : '') +
      (s.spacing
        ? `<w:spacing${s.spacing.after !== undefined ? ` w:after="${s.spacing.after}"` : ''}${s.spacing.before !== undefined ? ` w:before="${s.spacing.before}"` : ''}/>`
        : '') +
      (s.indent
        ? `<w:ind${s.indent.left !== undefined ? ` w:left="${s.indent.left}"` : ''}${s.indent.hanging !== undefined ? ` w:hanging="${s.indent.hanging}"` : ''}/>`
        : '');
    if (s.numbering) out.push(`${props}</w:pPr>${children}</w:p>`);
    else if (props) out.push(`<w:pPr>${props}</w:pPr>${children}</w:p>`);
    else if (children) out.push(`${children}</w:p>`);
    else out[out.length - 1] = '<w:p/>';
  }

  /** `new Paragraph('')`: an empty text run. */
  empty(): void {
    this.p('<w:r><w:t xml:space="preserve"></w:t></w:r>');
  }

  flow(flow: Flow, l: BriefLanguage, depth = 0, size?: number): void {
    switch (flow.kind) {
      case 'p':
        return this.p(this.runs(flow.runs, l, size), {}, true);
      case 'h':
        return this.p(
          this.runs(
            flow.runs.map((r) => ({ ...r, bold: true })),
            l,
            size,
          ),
          { keepNext: true, spacing: { after: 60, before: 120 } },
          true,
        );
      case 'list': {
        const instance = ++this.#instance;
        if (flow.ordered) this.starts.add(flow.start);
        const numbering = {
          reference: flow.ordered ? `ordered-${flow.start}` : 'bullet',
          level: Math.min(depth, 4),
          // Bullets show no number: one list serves them all; each ordered list restarts.
          instance: flow.ordered ? instance : 0,
        };
        for (const item of flow.items) {
          item.forEach((child, i) => {
            if (child.kind === 'list') return this.flow(child, l, depth + 1, size);
            if (i > 0) return this.flow(child, l, depth, size);
            // The first paragraph of an item carries its bullet or number.
            const text = child.kind === 'p' || child.kind === 'h';
            this.p(text ? this.runs(child.runs, l, size) : '', {
              list: true,
              numbering,
              spacing: { after: 40 },
            });
            if (!text) this.flow(child, l, depth, size);
          });
        }
        return;
      }
      case 'table':
        return this.noteTable(flow, l);
      case 'quote':
        for (const f of flow.flows) this.flow(f, l, depth, size);
        return;
      case 'code':
        return this.p(
          this.run(flow.text, l, { font: 'Courier New', size: SMALL }),
          { indent: { left: 360 } },
          true,
        );
      case 'rule':
        return this.p('', { border: true }, true);
    }
  }

  /** `flow` at the top of a piece, written once per context and then repeated. */
  keptFlow(flow: Flow, l: BriefLanguage): void {
    const context = `${l} ${this.#inRow} ${this.#rowKeep}`;
    let kept = recorded.get(flow);
    const record = kept?.get(context);
    const out = this.out;
    if (record) {
      this.#instance += record.instances;
      for (const part of record.parts) {
        if (typeof part === 'string') out.push(part);
        else {
          this.lists.push({ slot: out.length, key: part });
          out.push('');
        }
      }
      return;
    }
    const from = out.length;
    const listsFrom = this.lists.length;
    const instance = this.#instance;
    this.flow(flow, l);
    const lists = this.lists.slice(listsFrom);
    // An ordered list has a numbering of its own each time: it is written again every time.
    if (lists.some((list) => list.key.reference !== 'bullet')) return;
    const parts: (string | ListKey)[] = [];
    let at = from;
    for (const list of lists) {
      parts.push(out.slice(at, list.slot).join(''), list.key);
      at = list.slot + 1;
    }
    parts.push(out.slice(at).join(''));
    if (!kept) recorded.set(flow, (kept = new Map()));
    kept.set(context, { parts, instances: this.#instance - instance });
    // Written again from the record: the same XML in a few strings.
    out.length = from;
    this.lists.length = listsFrom;
    this.#instance = instance;
    this.keptFlow(flow, l);
  }

  /** Opens a cell: its properties, then its content is written, then `closeCell`. */
  openCell(width: number | undefined, shade: boolean, mar = CELL_MARGINS, borders = ''): void {
    this.out.push(
      `<w:tc><w:tcPr>${width ? `<w:tcW w:type="dxa" w:w="${pt(width)}"/>` : ''}${borders}${shade ? SHADE : ''}${mar}</w:tcPr>`,
    );
  }

  /** As the library: `emptyText` for a cell given no content (an empty text run). */
  closeCell(from: number, emptyText = true): void {
    // A cell must end with a paragraph.
    if (this.out.length === from && emptyText) this.empty();
    else if (
      this.out.length === from ||
      !/<\/w:p>$|<w:p\/>$/.test(this.out[this.out.length - 1] ?? '')
    ) {
      this.p('');
    }
    this.out.push('</w:tc>');
  }

  noteTable(flow: Extract<Flow, { kind: 'table' }>, l: BriefLanguage): void {
    const columns = Math.max(flow.head.length, ...flow.rows.map((r) => r.length), 1);
    const widths = noteTableWidths(columns, this.#rowKeep !== undefined);
    const rowKeep = this.#rowKeep;
    this.#rowKeep = undefined;
    this.out.push(
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${sum(widths)}"/>${GRID_BORDERS}</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    );
    const row = (cells: Run[][], header: boolean) => {
      this.out.push(
        `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>'}</w:trPr>`,
      );
      for (let i = 0; i < columns; i++) {
        this.out.push(
          `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[i]}"/>${header ? SHADE : ''}${CELL_MARGINS}</w:tcPr>`,
        );
        const from = this.out.length;
        this.p(
          this.runs(
            (cells[i] ?? []).map((r) => ({ ...r, bold: r.bold || header })),
            l,
            SMALL,
          ),
          {},
          true,
        );
        this.closeCell(from);
      }
      this.out.push('</w:tr>');
    };
    row(flow.head, true);
    for (const r of flow.rows) row(r, false);
    this.out.push('</w:tbl>');
    this.#rowKeep = rowKeep;
  }

  piece(piece: Piece, l: BriefLanguage): void {
    switch (piece.kind) {
      case 'heading':
        return this.p(this.run(piece.text, l), { style: 'Heading1' });
      case 'subheading':
        return this.p(this.run(piece.text, l), {
          style: piece.level === 1 ? 'Heading2' : 'Heading3',
        });
      case 'paragraph':
        return this.p(this.run(piece.text, l), { keepNext: piece.keep }, true);
      case 'flow':
        return this.keptFlow(piece.flow, l);
      case 'fact':
        return this.p(
          this.run(`${piece.label}: `, l, { bold: true }) + this.run(piece.value, l),
          {},
          true,
        );
      case 'clause': {
        const indent = 360 * piece.level;
        this.p(
          this.run(piece.number, l, { bold: true }) +
            '<w:r><w:t xml:space="preserve">\t</w:t></w:r>' +
            this.run(piece.text, l),
          {
            keepNext: Boolean(piece.position),
            keepLines: true,
            tab: indent + 567,
            spacing: { after: piece.position ? 20 : 80 },
            indent: { left: indent + 567, hanging: 567 },
          },
          true,
        );
        if (piece.position) {
          this.p(
            this.run(piece.position, l, { italics: true }),
            { indent: { left: indent + 567 } },
            true,
          );
        }
        return;
      }
      case 'item':
        this.p(
          this.run(piece.number, l, { bold: true }) +
            '<w:r><w:t xml:space="preserve">\t</w:t></w:r>' +
            this.run(piece.title, l, { bold: true }),
          { keepNext: true, tab: 425, spacing: { after: 20 }, indent: { left: 425, hanging: 425 } },
          true,
        );
        for (const f of piece.facts) {
          this.p(
            this.run(`${f.label}: `, l, { italics: true }) + this.run(f.value, l),
            { keepNext: true, spacing: { after: 0 }, indent: { left: 425 } },
            true,
          );
        }
        if (piece.list) {
          this.p(
            this.run(`${piece.list.label}:`, l, { italics: true }),
            { keepNext: true, spacing: { after: 0 }, indent: { left: 425 } },
            true,
          );
          for (const item of piece.list.items) {
            this.p(
              this.run(item, l),
              {
                list: true,
                numbering: { reference: 'item-bullet', level: 0 },
                spacing: { after: 0 },
              },
              true,
            );
          }
        }
        return this.p('', { spacing: { after: 60 } }, true);
    }
  }

  table(table: PlannedTable, l: BriefLanguage): void {
    const widths = table.widths.map(pt);
    this.out.push(
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${pt(TEXT_WIDTH)}"/>${GRID_BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    );
    const cell = (value: string | string[], header: boolean, i: number) => {
      this.openCell(table.widths[i], header);
      const from = this.out.length;
      if (Array.isArray(value)) {
        for (const v of value) {
          this.p(
            this.run(v, l, { size: SMALL }),
            {
              list: true,
              numbering: { reference: 'cell-bullet', level: 0 },
              spacing: { after: 0 },
            },
            true,
          );
        }
      } else {
        this.p(this.run(value, l, { size: SMALL, bold: header }), { spacing: { after: 0 } }, true);
      }
      this.closeCell(from);
    };
    this.out.push('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
    table.headers.forEach((h, i) => cell(h, true, i));
    this.out.push('</w:tr>');
    for (const row of table.rows) {
      this.out.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
      row.forEach((c, i) => cell(c, false, i));
      this.out.push('</w:tr>');
    }
    this.out.push('</w:tbl>');
  }

  unit(unit: Exclude<Unit, { kind: 'pair' }>, l: BriefLanguage): void {
    switch (unit.kind) {
      case 'piece':
        return this.piece(unit.piece, l);
      case 'facts': {
        const widths = [TEXT_WIDTH * 0.3, 12, TEXT_WIDTH * 0.7 - 12];
        this.out.push(
          `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${pt(TEXT_WIDTH)}"/>${NO_BORDERS}<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${pt(w)}"/>`).join('')}</w:tblGrid>`,
        );
        for (const r of unit.rows) {
          this.out.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
          [r.label, ':', r.value].forEach((text, i) => {
            this.openCell(widths[i] ?? 0, false, margins(0, 0, 40, 60));
            this.p(this.run(text, l), { spacing: { after: 0 } }, true);
            this.out.push('</w:tc>');
          });
          this.out.push('</w:tr>');
        }
        this.out.push('</w:tbl>');
        return this.p('', { spacing: { after: 60 } }, true);
      }
      case 'table':
        this.table(unit.table, l);
        return this.p('', { spacing: { after: 60 } }, true);
    }
  }

  /** The parallel layout: one table, each row a piece in Indonesian beside its English. */
  pairs(part: Part, brief: Brief): void {
    const half = TEXT_WIDTH / 2;
    this.out.push(
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${pt(TEXT_WIDTH)}"/>${PAIR_BORDERS}<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:type="dxa" w:w="20"/><w:left w:type="dxa" w:w="100"/><w:bottom w:type="dxa" w:w="20"/><w:right w:type="dxa" w:w="100"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="${pt(half)}"/><w:gridCol w:w="${pt(half)}"/></w:tblGrid>`,
    );
    this.out.push('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>');
    for (const l of ['id', 'en'] as const) {
      this.openCell(
        half,
        false,
        margins(0, 100, 40, 100),
        `<w:tcBorders>${LINE('bottom')}</w:tcBorders>`,
      );
      this.p(
        this.run(brief.languageNames[l], l, { bold: true, size: 18, color: '444444' }),
        { spacing: { after: 0 } },
        true,
      );
      this.out.push('</w:tc>');
    }
    this.out.push('</w:tr>');
    part.units.forEach((unit, index) => {
      const pair = unit as Extract<Unit, { kind: 'pair' }>;
      // A heading row stays on the page of the row it heads, and the last row on the page of
      // the signatures that follow the table (which never stand alone on a page).
      const heading =
        keepsWithNext(pair.id) || keepsWithNext(pair.en) || index === part.units.length - 1;
      this.out.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
      for (const l of ['id', 'en'] as const) {
        const piece = pair[l];
        this.openCell(half, false, '');
        const from = this.out.length;
        this.#inRow = !heading;
        this.#rowKeep = heading;
        if (piece) this.piece(piece, l);
        else this.empty();
        this.#inRow = false;
        this.closeCell(from, false);
        this.#rowKeep = undefined;
      }
      this.out.push('</w:tr>');
    });
    this.out.push('</w:tbl>');
  }
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Columns of a table in a note: equal shares of the text width, or of a parallel cell's
 * (half the width, less the cell's margins). Shared with the library writer, so both write the
 * same grid.
 */
export function noteTableWidths(columns: number, inPair: boolean): number[] {
  const width = inPair ? pt(TEXT_WIDTH / 2) - 200 : pt(TEXT_WIDTH);
  return Array.from({ length: columns }, () => Math.floor(width / columns));
}
