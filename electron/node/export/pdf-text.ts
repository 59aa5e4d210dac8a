import { layoutCaches } from './fonts';
import type { FontFace } from './fonts';

// Writes the text of a laid-out line into the page's content stream: one text object per line,
// each span placed where the line breaker measured it. pdfkit's own text path (`_fragment`)
// opened a text object per span, wrapped in a graphics state and a coordinate flip, encoded
// the span's glyphs again every time and turned each operator into bytes one character at a
// time: two thirds of a PDF's cost. Here each word (with the space after it, as pdfkit lays
// text out) is encoded once per document by pdfkit's own font, which subsets the font, keeps
// each glyph's width and Unicode text for the embedded font and its ToUnicode map (so the text
// is selectable and `pdftotext` reads it), and applies the font's kerning: the page draws
// exactly what pdfkit drew.

/** A run of text in one face at one size, at its measured width. */
export interface TextSpan {
  text: string;
  face: FontFace;
  size: number;
  width: number;
  underline?: boolean;
  color?: string;
}

/** The parts of pdfkit's embedded font this writer uses. */
interface EmbeddedFont {
  id: string;
  ascender: number;
  layoutCache?: Record<string, unknown>;
  encode(
    text: string,
  ): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
  ref(): unknown;
}

interface Document {
  _font: EmbeddedFont;
  page: { height: number; fonts: Record<string, unknown>; write(chunk: Uint8Array): void };
}

interface DocumentText {
  fonts: Map<string, EmbeddedFont>;
  /** A word's glyphs as TJ operands, per font; null when a glyph is moved off the line. */
  words: Map<EmbeddedFont, Map<string, string | null>>;
}

const states = new WeakMap<object, DocumentText>();
/** The fill colour last set on each page (shapes are drawn between save and restore). */
const inked = new WeakMap<object, string>();

const INK = '#111111';

/** pdfkit's number format: at most six decimals. */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

function stateOf(doc: object): DocumentText {
  let state = states.get(doc);
  if (!state) {
    state = { fonts: new Map(), words: new Map() };
    states.set(doc, state);
  }
  return state;
}

function fontOf(pdf: PDFKit.PDFDocument, state: DocumentText, face: FontFace): EmbeddedFont {
  let font = state.fonts.get(face.key);
  if (!font) {
    pdf.font(face.key);
    font = (pdf as unknown as Document)._font;
    // The words fontkit has laid out, kept from one PDF to the next: a delegate exports the
    // same notes again and again (each language, layout and format). The cache belongs to the
    // face, not to the PDF.
    if (font.layoutCache) {
      let shared = layoutCaches.get(face.path);
      if (!shared) layoutCaches.set(face.path, (shared = font.layoutCache));
      font.layoutCache = shared;
    }
    state.fonts.set(face.key, font);
    state.words.set(font, new Map());
  }
  return font;
}

/** A word's glyph ids in the document's font subset, with the kerning between them. */
function wordOf(font: EmbeddedFont, words: Map<string, string | null>, word: string) {
  const known = words.get(word);
  if (known !== undefined) return known;
  const [hex, positions] = font.encode(word);
  let out = '';
  let from = 0;
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i] as (typeof positions)[number];
    if (p.xOffset || p.yOffset) {
      words.set(word, null);
      return null;
    }
    const kern = p.xAdvance - p.advanceWidth;
    if (kern !== 0) {
      out += `<${hex.slice(from, i + 1).join('')}> ${num(-kern)} `;
      from = i + 1;
    }
  }
  if (from < hex.length) out += `<${hex.slice(from).join('')}> `;
  words.set(word, out);
  return out;
}

/** The TJ operands of a span, word by word; null when pdfkit must place its glyphs itself. */
function operandsOf(font: EmbeddedFont, words: Map<string, string | null>, text: string) {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // pdfkit lays text out in pieces that end after each space or tab.
    if (c === 32 || c === 9) {
      const word = wordOf(font, words, text.slice(from, i + 1));
      if (word === null) return null;
      out += word;
      from = i + 1;
    }
  }
  if (from < text.length) {
    const word = wordOf(font, words, text.slice(from));
    if (word === null) return null;
    out += word;
  }
  return out;
}

type Fragment = (text: string, x: number, y: number, options: object) => void;

/** A span pdfkit draws itself: underlined, or with glyphs placed off the line (marks). */
function drawByPdfkit(pdf: PDFKit.PDFDocument, s: TextSpan, x: number, y: number) {
  pdf.font(s.face.key).fontSize(s.size);
  // The width measured while breaking lines is handed over (pdfkit would measure it again).
  const options = { lineBreak: false, underline: s.underline, textWidth: s.width, wordCount: 1 };
  const fragment = (pdf as unknown as { _fragment?: Fragment })._fragment;
  if (typeof fragment === 'function') fragment.call(pdf, s.text, x, y, options);
  else pdf.text(s.text, x, y, options);
}

/**
 * Draws the spans of one line from `x`, each `span.width` after the one before it, vertically
 * centred in a line of `height` points whose top is at `top`.
 */
export function drawLine(
  pdf: PDFKit.PDFDocument,
  spans: TextSpan[],
  x: number,
  top: number,
  height: number,
) {
  const doc = pdf as unknown as Document;
  const state = stateOf(pdf);
  let out = '';
  let current: EmbeddedFont | null = null;
  let currentSize = 0;
  const flush = () => {
    if (!out) return;
    const page = doc.page;
    page.write(Buffer.from(`q 1 0 0 -1 0 ${num(page.height)} cm BT\n${out}ET Q\n`, 'latin1'));
    out = '';
    current = null;
  };
  let at = x;
  for (const s of spans) {
    const y = top + (height - s.size * 1.15) / 2;
    // The ink is set only where it changes on the page (an operator less for most spans).
    const color = s.color ?? INK;
    const page = doc.page;
    if (inked.get(page) !== color) {
      flush();
      pdf.fillColor(color);
      inked.set(page, color);
    }
    const font = fontOf(pdf, state, s.face);
    const operands = s.underline
      ? null
      : operandsOf(font, state.words.get(font) as Map<string, string | null>, s.text);
    if (operands === null) {
      flush();
      drawByPdfkit(pdf, s, at, y);
    } else if (operands) {
      if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
      if (font !== current || s.size !== currentSize) {
        out += `/${font.id} ${num(s.size)} Tf\n`;
        current = font;
        currentSize = s.size;
      }
      // pdfkit places text by the top of the font's ascender; PDF by the baseline, from below.
      const baseline = doc.page.height - y - (font.ascender / 1000) * s.size;
      out += `1 0 0 1 ${num(at)} ${num(baseline)} Tm\n[${operands}] TJ\n`;
    }
    at += s.width;
  }
  flush();
}
