import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Brief, BriefLanguage } from './brief';
import { languagesOf, side } from './options';
import type { RenderOptions } from './options';

type Child = Paragraph | Table;

const para = (text: string, options: { bold?: boolean; italics?: boolean; indent?: number } = {}) =>
  new Paragraph({
    indent: options.indent ? { left: options.indent * 360 } : undefined,
    children: text.split('\n').map(
      (line, i) =>
        new TextRun({
          text: line,
          bold: options.bold,
          italics: options.italics,
          break: i ? 1 : 0,
        }),
    ),
  });

const table = (rows: string[][], header = false) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: header && r === 0,
          children: row.map(
            (text) => new TableCell({ children: [para(text, { bold: header && r === 0 })] }),
          ),
        }),
    ),
  });

function block(b: Block, l: BriefLanguage, o: RenderOptions): Child[] {
  const s = (text: Parameters<typeof side>[0]) => side(text, l, o);
  switch (b.kind) {
    case 'paragraph':
      return [para(s(b.text))];
    case 'list':
      return b.items.map((item) => new Paragraph({ text: s(item), bullet: { level: 0 } }));
    case 'facts':
      return [table(b.rows.map((r) => [s(r.label), s(r.value)]))];
    case 'clauses':
      return b.items.flatMap((c) => [
        new Paragraph({
          indent: { left: c.level * 360 },
          children: [
            new TextRun({ text: `${c.number || '—'}  `, bold: true }),
            new TextRun(s(c.text)),
          ],
        }),
        ...(c.position ? [para(s(c.position), { italics: true, indent: c.level + 1 })] : []),
      ]);
    case 'table':
      return [table([b.headers.map(s), ...b.rows.map((row) => row.map(s))], true)];
    case 'signature':
      return [
        para(s(b.placeDate)),
        new Paragraph({
          spacing: { before: 1200 },
          children: [new TextRun({ text: b.name, bold: true, underline: {} })],
        }),
        para(s(b.position)),
      ];
  }
}

/** Side by side: a borderless two-column table per block, so each pair stays together. */
function parallel(make: (l: BriefLanguage) => Child[], languages: BriefLanguage[]): Child[] {
  if (languages.length === 1) return make(languages[0] ?? 'id');
  return [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: {
        top: { style: 'none', size: 0, color: 'FFFFFF' },
        bottom: { style: 'none', size: 0, color: 'FFFFFF' },
        left: { style: 'none', size: 0, color: 'FFFFFF' },
        right: { style: 'none', size: 0, color: 'FFFFFF' },
        insideHorizontal: { style: 'none', size: 0, color: 'FFFFFF' },
        insideVertical: { style: 'none', size: 0, color: 'FFFFFF' },
      },
      rows: [
        new TableRow({
          children: languages.map(
            (l) =>
              new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, children: make(l) }),
          ),
        }),
      ],
    }),
  ];
}

function content(brief: Brief, languages: BriefLanguage[], o: RenderOptions): Child[] {
  const children: Child[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun(languages.map((l) => side(brief.title, l, o)).join(' / '))],
    }),
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      children: [new TextRun(languages.map((l) => side(brief.subtitle, l, o)).join(' / '))],
    }),
  ];
  for (const section of brief.sections) {
    const heading = languages
      .map((l) => side(section.heading, l, o))
      .filter(Boolean)
      .join(' / ');
    if (heading)
      children.push(
        new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(heading)] }),
      );
    for (const b of section.blocks) children.push(...parallel((l) => block(b, l, o), languages));
  }
  return children;
}

/** A Word document with real headings, tables and page numbers: opens in Word and LibreOffice. */
export async function renderDocx(brief: Brief, options: RenderOptions): Promise<Buffer> {
  const languages = languagesOf(options);
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
  const sections =
    options.language === 'both' && options.layout === 'sequential'
      ? languages.map((l) => ({
          footers: { default: footer },
          children: content(brief, [l], options),
        }))
      : [{ footers: { default: footer }, children: content(brief, languages, options) }];
  const doc = new Document({
    creator: 'Risalah',
    title: languages.map((l) => side(brief.title, l, options)).join(' / '),
    styles: { default: { document: { run: { font: 'Noto Sans', size: 22 } } } },
    sections: sections.map((s) => ({
      properties: { page: { size: { width: 11906, height: 16838 } } },
      ...s,
    })),
  });
  return Packer.toBuffer(doc);
}
