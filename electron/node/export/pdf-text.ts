import { deflateSync } from 'node:zlib';
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

interface Page {
  height: number;
  fonts: Record<string, unknown>;
  write(chunk: Uint8Array): void;
}

interface Document {
  _font: EmbeddedFont;
  page: Page;
  addContent(data: string): unknown;
}

/** A font's words as TJ operands; null when a glyph is moved off the line (a mark). */
interface FontWords {
  /** Per piece of text ending after a space, or at the end of a run. */
  words: Map<string, string | null>;
  /** Per word, for the word and the space after it. */
  spaced: Map<string, string | null>;
}

/** The text object open on a page, and the font it has set. */
interface OpenText {
  page: Page;
  text: string;
  font: EmbeddedFont | null;
  size: number;
}

interface DocumentText {
  fonts: Map<string, EmbeddedFont>;
  words: Map<EmbeddedFont, FontWords>;
  open: OpenText | null;
}

const states = new WeakMap<object, DocumentText>();
/** The fill colour last set on each page (shapes are drawn between save and restore). */
const inked = new WeakMap<object, string>();

const INK = '#111111';

/** pdfkit's number format: at most six decimals. */
const num = (n: number) => Math.round(n * 1e6) / 1e6;

function stateOf(pdf: PDFKit.PDFDocument): DocumentText {
  let state = states.get(pdf);
  if (!state) {
    const text: DocumentText = { fonts: new Map(), words: new Map(), open: null };
    // Lines follow each other in one text object until anything else is drawn on the page
    // (a rule, a shaded cell, a colour): everything pdfkit draws goes through `addContent`.
    const doc = pdf as unknown as Document;
    const addContent = doc.addContent;
    doc.addContent = function (this: Document, data: string) {
      closeText(text);
      return addContent.call(this, data);
    };
    states.set(pdf, (state = text));
  }
  return state;
}

function closeText(state: DocumentText) {
  const open = state.open;
  if (!open) return;
  open.page.write(Buffer.from(`${open.text}ET Q\n`, 'latin1'));
  state.open = null;
}

interface PageContent {
  buffer: Uint8Array[];
  compress: boolean;
  data: { Filter?: string };
}

/**
 * Ends the text written last and compresses each page's content: call before the document
 * ends. pdfkit compresses at zlib's default level (6), a quarter of a PDF's cost; level 3 is
 * about three times faster for a file 6 % larger (1.85 MB instead of 1.74 for 586 pages).
 */
export function finishPages(pdf: PDFKit.PDFDocument) {
  const state = states.get(pdf);
  if (state) closeText(state);
  const pages = (pdf as unknown as { _pageBuffer?: { content?: PageContent }[] })._pageBuffer;
  for (const page of pages ?? []) {
    const content = page.content;
    if (!content?.compress || !content.buffer.length) continue;
    content.buffer = [deflateSync(Buffer.concat(content.buffer), { level: 3 })];
    content.compress = false;
    content.data.Filter = 'FlateDecode';
  }
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
    state.words.set(font, { words: new Map(), spaced: new Map() });
  }
  return font;
}

/**
 * A glyph id of the document's font subset as the two bytes of a PDF string (the font's encoding
 * is Identity-H), half the bytes of pdfkit's hex form; the string's delimiters, its escape and
 * line ends (a reader would turn a carriage return into a line feed) are escaped.
 */
function glyphBytes(gid: number): string {
  return byteOf(gid >> 8) + byteOf(gid & 0xff);
}
const byteOf = (b: number) =>
  b === 0x28 || b === 0x29 || b === 0x5c
    ? `\\${String.fromCharCode(b)}`
    : b === 0x0a
      ? '\\n'
      : b === 0x0d
        ? '\\r'
        : String.fromCharCode(b);

/**
 * A word's glyphs in the document's font subset, with the kerning between them, as the inside
 * of a TJ operator's strings ("ab) -12 (cd"): words follow each other inside one string.
 */
function wordOf(font: EmbeddedFont, words: Map<string, string | null>, word: string) {
  const known = words.get(word);
  if (known !== undefined) return known;
  const [hex, positions] = font.encode(word);
  let out = '';
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i] as (typeof positions)[number];
    if (p.xOffset || p.yOffset) {
      words.set(word, null);
      return null;
    }
    out += glyphBytes(parseInt(hex[i] as string, 16));
    const kern = p.xAdvance - p.advanceWidth;
    if (kern !== 0) out += `) ${num(-kern)} (`;
  }
  words.set(word, out);
  return out;
}

/**
 * The TJ operands of a run of spans in one font, cut into pieces as pdfkit lays text out
 * (each piece ends after a space): a word and the space after it are one piece, so the kerning
 * between them is the font's. Null when pdfkit must place the glyphs itself.
 */
function operandsOf(
  font: EmbeddedFont,
  cache: FontWords,
  spans: TextSpan[],
  from: number,
  to: number,
) {
  let out = '';
  // The piece being gathered, up to the next space.
  let piece = '';
  for (let i = from; i < to; i++) {
    const text = (spans[i] as TextSpan).text;
    if (text === ' ') {
      let known = cache.spaced.get(piece);
      if (known === undefined) {
        known = wordOf(font, cache.words, `${piece} `);
        cache.spaced.set(piece, known);
      }
      if (known === null) return null;
      out += known;
      piece = '';
    } else if (!/[ \t]/.test(text)) {
      piece = piece ? piece + text : text;
    } else {
      // A word holding spaces (a NIP whose groups are joined by no-break spaces).
      const all = piece + text;
      let start = 0;
      for (let k = 0; k < all.length; k++) {
        const c = all.charCodeAt(k);
        if (c === 32 || c === 9) {
          const word = wordOf(font, cache.words, all.slice(start, k + 1));
          if (word === null) return null;
          out += word;
          start = k + 1;
        }
      }
      piece = all.slice(start);
    }
  }
  if (piece) {
    const word = wordOf(font, cache.words, piece);
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
 * centred in a line of `height` points whose top is at `top`. Neighbouring spans in one face,
 * size and colour are one run of text, as one piece of text was for pdfkit.
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
  let at = x;
  for (let from = 0; from < spans.length;) {
    const s = spans[from] as TextSpan;
    let to = from + 1;
    let width = s.width;
    for (let next = spans[to]; next && sameRun(s, next); next = spans[++to]) width += next.width;
    const y = top + (height - s.size * 1.15) / 2;
    // The ink is set only where it changes on the page (an operator less for most runs).
    const color = s.color ?? INK;
    const page = doc.page;
    if (inked.get(page) !== color) {
      pdf.fillColor(color);
      inked.set(page, color);
    }
    const font = fontOf(pdf, state, s.face);
    const operands = s.underline
      ? null
      : operandsOf(font, state.words.get(font) as FontWords, spans, from, to);
    if (operands === null) {
      const text = spans
        .slice(from, to)
        .map((span) => span.text)
        .join('');
      drawByPdfkit(pdf, { ...s, text, width }, at, y);
    } else if (operands) {
      if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
      let open = state.open;
      if (open?.page !== page) {
        closeText(state);
        // pdfkit's pages are drawn upside down (y from the top); text is set the PDF's way up.
        open = state.open = {
          page,
          text: `q 1 0 0 -1 0 ${num(page.height)} cm BT\n`,
          font: null,
          size: 0,
        };
      }
      if (font !== open.font || s.size !== open.size) {
        open.text += `/${font.id} ${num(s.size)} Tf\n`;
        open.font = font;
        open.size = s.size;
      }
      // pdfkit places text by the top of the font's ascender; PDF by the baseline, from below.
      const baseline = page.height - y - (font.ascender / 1000) * s.size;
      open.text += `1 0 0 1 ${num(at)} ${num(baseline)} Tm\n[(${operands})] TJ\n`;
    }
    at += width;
    from = to;
  }
}

const sameRun = (a: TextSpan, b: TextSpan) =>
  a.face === b.face && a.size === b.size && a.underline === b.underline && a.color === b.color;
