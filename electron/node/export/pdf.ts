import PDFDocument from 'pdfkit';
import type { Block, Brief, BriefLanguage, Text } from './brief';
import { fontFaces, runs } from './fonts';
import type { FontFace } from './fonts';
import { languagesOf, side } from './options';
import type { RenderOptions } from './options';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56.7; // 2 cm
const GAP = 18;

interface Style {
  size: number;
  bold?: boolean;
  italic?: boolean;
  indent?: number;
  gapAfter?: number;
}

/** Writes a PDF (A4, embedded Noto Sans, selectable text, page numbers) of a brief. */
export async function renderPdf(brief: Brief, options: RenderOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: brief.title.en, Creator: 'Risalah' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks))),
  );
  const faces = { regular: fontFaces(400), bold: fontFaces(700) };
  for (const face of [...faces.regular, ...faces.bold]) doc.registerFont(face.key, face.path);
  const fullWidth = A4.width - 2 * MARGIN;

  /** One paragraph at x, y and width, in as many font runs as its characters need. */
  const write = (text: string, x: number, width: number, style: Style) => {
    const set: FontFace[] = style.bold ? faces.bold : faces.regular;
    const pieces = runs(text || ' ', set);
    doc.fontSize(style.size);
    pieces.forEach((piece, i) => {
      doc.font(piece.face.key);
      const last = i === pieces.length - 1;
      if (i === 0)
        doc.text(piece.text, x + (style.indent ?? 0), doc.y, {
          width: width - (style.indent ?? 0),
          continued: !last,
          oblique: style.italic,
        });
      else doc.text(piece.text, { continued: !last, oblique: style.italic });
    });
    doc.moveDown(style.gapAfter ?? 0.4);
  };

  /** A block in each language: side by side when parallel, keeping the pair on one page. */
  const columns = (
    render: (l: BriefLanguage, x: number, width: number) => void,
    languages: BriefLanguage[],
  ) => {
    if (languages.length === 1) return render(languages[0] ?? 'id', MARGIN, fullWidth);
    const width = (fullWidth - GAP) / 2;
    if (doc.y > A4.height - MARGIN - 80) doc.addPage();
    const top = doc.y;
    let bottom = top;
    languages.forEach((l, i) => {
      doc.y = top;
      const pageBefore = doc.bufferedPageRange().count;
      render(l, MARGIN + i * (width + GAP), width);
      if (doc.bufferedPageRange().count === pageBefore) bottom = Math.max(bottom, doc.y);
      else bottom = doc.y;
    });
    doc.y = bottom;
  };

  const s = (text: Text, l: BriefLanguage) => side(text, l, options);
  const block = (b: Block, l: BriefLanguage, x: number, width: number) => {
    switch (b.kind) {
      case 'paragraph':
        return write(s(b.text, l), x, width, { size: 10 });
      case 'list':
        return b.items.forEach((item) =>
          write(`•  ${s(item, l)}`, x, width, { size: 10, indent: 8, gapAfter: 0.2 }),
        );
      case 'facts':
        return b.rows.forEach((row) => {
          write(s(row.label, l), x, width, { size: 8.5, bold: true, gapAfter: 0 });
          write(s(row.value, l), x, width, { size: 10, gapAfter: 0.3 });
        });
      case 'clauses':
        return b.items.forEach((c) => {
          write(`${c.number || '—'}   ${s(c.text, l)}`, x, width, {
            size: 10,
            indent: c.level * 14,
            gapAfter: c.position ? 0.1 : 0.4,
          });
          if (c.position)
            write(s(c.position, l), x, width, { size: 9, italic: true, indent: c.level * 14 + 14 });
        });
      case 'table':
        return b.rows.forEach((row) => {
          row.forEach((cell, i) => {
            const value = s(cell, l);
            if (!value.trim()) return;
            write(i === 0 ? value : `${s(b.headers[i] ?? cell, l)}: ${value}`, x, width, {
              size: i === 0 ? 10 : 9,
              bold: i === 0,
              indent: i === 0 ? 0 : 10,
              gapAfter: 0.1,
            });
          });
          doc.moveDown(0.5);
        });
      case 'signature':
        write(s(b.placeDate, l), x, width, { size: 10, gapAfter: 3 });
        write(b.name, x, width, { size: 10, bold: true, gapAfter: 0.1 });
        return write(s(b.position, l), x, width, { size: 10 });
    }
  };

  const document = (languages: BriefLanguage[]) => {
    columns(
      (l, x, w) => write(s(brief.title, l), x, w, { size: 18, bold: true, gapAfter: 0.2 }),
      languages,
    );
    columns((l, x, w) => write(s(brief.subtitle, l), x, w, { size: 11, gapAfter: 0.8 }), languages);
    for (const section of brief.sections) {
      if (section.heading.id || section.heading.en) {
        doc.moveDown(0.4);
        columns(
          (l, x, w) => write(s(section.heading, l), x, w, { size: 13, bold: true, gapAfter: 0.3 }),
          languages,
        );
      }
      for (const b of section.blocks) columns((l, x, w) => block(b, l, x, w), languages);
    }
  };

  const languages = languagesOf(options);
  if (options.language === 'both' && options.layout === 'sequential') {
    languages.forEach((l, i) => {
      if (i > 0) doc.addPage();
      document([l]);
    });
  } else document(languages);

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font(faces.regular[0]?.key ?? 'Helvetica').fontSize(8);
    doc.text(`${i + 1} / ${pages.count}`, MARGIN, A4.height - MARGIN / 2, {
      width: fullWidth,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
