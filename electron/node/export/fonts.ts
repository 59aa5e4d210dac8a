import { readdirSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, openSync } from 'fontkit';
import type { Font } from 'fontkit';

// Not named `require`: the bundler's ESM shim declares its own `require` in the same chunk, and
// a second declaration is a SyntaxError that only the built app meets (issue 13).
const resolveFrom = createRequire(import.meta.url);

function filesOf(pkg: string): string {
  return join(dirname(resolveFrom.resolve(`${pkg}/package.json`)), 'files');
}

export interface FontFace {
  key: string;
  path: string;
}

export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
}

/**
 * The typeface of every document: Arial in Word (on every office PC, Windows and Mac alike;
 * LibreOffice substitutes the metric-compatible Liberation Sans), and in the PDF its
 * metric-compatible twin Arimo, embedded, so a PDF and a Word file break their lines alike.
 * Arimo covers Latin with its extensions (Indonesian, Vietnamese names such as Nguyễn), Greek,
 * Cyrillic and Hebrew; Korean names (김민지) fall back to Noto Sans KR, also embedded.
 */
export const DOCUMENT_FONT = {
  word: 'Arial',
  eastAsia: 'Malgun Gothic',
  css: 'Arial, Arimo, "Liberation Sans", "Noto Sans", "Noto Sans KR", "Malgun Gothic", sans-serif',
} as const;

const SUBSETS = [
  'latin',
  'latin-ext',
  'vietnamese',
  'greek',
  'greek-ext',
  'cyrillic',
  'cyrillic-ext',
  'hebrew',
];

const facesByStyle = new Map<string, FontFace[]>();

/** The faces of one style, in the order a character looks for its glyph. */
export function fontFaces(style: FontStyle = {}): FontFace[] {
  const weight = style.bold ? 700 : 400;
  const shape = style.italic ? 'italic' : 'normal';
  const id = `${weight}-${shape}`;
  const known = facesByStyle.get(id);
  if (known) return known;
  const arimo = filesOf('@fontsource/arimo');
  const korean = filesOf('@fontsource/noto-sans-kr');
  // Noto Sans KR has no italic: Korean in an italic run is set upright, as Korean typesetting does.
  const koreanFiles = readdirSync(korean).filter((f) => f.endsWith(`-${weight}-normal.woff`));
  const faces = [
    ...SUBSETS.map((subset) => ({
      key: `arimo-${subset}-${id}`,
      path: join(arimo, `arimo-${subset}-${weight}-${shape}.woff`),
    })),
    ...koreanFiles.map((file) => ({ key: `noto-kr-${file}`, path: join(korean, file) })),
  ];
  facesByStyle.set(id, faces);
  return faces;
}

const opened = new Map<string, Font>();
function font(face: FontFace): Font {
  let f = opened.get(face.path);
  if (!f) {
    f = openSync(face.path);
    opened.set(face.path, f);
  }
  return f;
}

const faceFor = new Map<FontFace[], Map<number, FontFace>>();
function faceOf(code: number, faces: FontFace[]): FontFace {
  let cache = faceFor.get(faces);
  if (!cache) {
    cache = new Map();
    faceFor.set(faces, cache);
  }
  const hit = cache.get(code);
  if (hit) return hit;
  const found = faces.find((f) => font(f).hasGlyphForCodePoint(code)) ?? (faces[0] as FontFace);
  cache.set(code, found);
  return found;
}

/** Splits a text into runs, each with the face that has its glyphs (the first face otherwise). */
export function runs(text: string, faces: FontFace[]): { face: FontFace; text: string }[] {
  // Most text is Latin-1 throughout: one run in the first face, without looking at each letter.
  if (LATIN1.test(text)) return [{ face: faces[0] as FontFace, text }];
  const out: { face: FontFace; text: string }[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 32;
    // Basic Latin is in the first face; everything else is looked up once and remembered.
    const face = code < 0x100 ? (faces[0] as FontFace) : faceOf(code, faces);
    const last = out[out.length - 1];
    if (last && last.face === face) last.text += char;
    else out.push({ face, text: char });
  }
  return out;
}

// eslint-disable-next-line no-control-regex
const LATIN1 = /^[\u0000-\u00ff]*$/;

const advance = new Map<string, Map<number, number>>();

/** Width of a text in points at `size`, summing glyph advances (kerning only narrows it). */
export function widthOf(text: string, faces: FontFace[], size: number): number {
  let width = 0;
  for (const run of runs(text, faces)) {
    const f = font(run.face);
    let cache = advance.get(run.face.path);
    if (!cache) {
      cache = new Map();
      advance.set(run.face.path, cache);
    }
    for (const char of run.text) {
      const code = char.codePointAt(0) ?? 32;
      let w = cache.get(code);
      if (w === undefined) {
        w = f.glyphForCodePoint(code).advanceWidth / f.unitsPerEm;
        cache.set(code, w);
      }
      width += w;
    }
  }
  return width * size;
}

/** The widest word of a text, in points: a table column never gets narrower than this. */
export function longestWord(text: string, style: FontStyle, size: number): number {
  const faces = fontFaces(style);
  let widest = 0;
  for (const word of text.split(/[^\S\u00a0]+/)) {
    if (word) widest = Math.max(widest, widthOf(word.replace(/\u00a0/g, ' '), faces, size));
  }
  return widest;
}

const sfntCache = new Map<string, Buffer>();

/**
 * A face as a plain TrueType/OpenType font, decompressed once per process. The fonts ship as
 * WOFF; handing pdfkit the WOFF would make it inflate every table again for every PDF, which was
 * most of a PDF's cost.
 */
export function sfntOf(face: FontFace): Buffer {
  const known = sfntCache.get(face.path);
  if (known) return known;
  const woff = readFileSync(face.path);
  let font: Buffer = woff;
  if (woff.readUInt32BE(0) === 0x774f4646) {
    // WOFF 1.0: header, table directory (tag, offset, compLength, origLength, checksum), tables.
    const flavor = woff.readUInt32BE(4);
    const count = woff.readUInt16BE(12);
    const tables: { tag: number; checksum: number; data: Buffer }[] = [];
    for (let i = 0; i < count; i++) {
      const at = 44 + i * 20;
      const offset = woff.readUInt32BE(at + 4);
      const compLength = woff.readUInt32BE(at + 8);
      const origLength = woff.readUInt32BE(at + 12);
      const raw = woff.subarray(offset, offset + compLength);
      tables.push({
        tag: woff.readUInt32BE(at),
        checksum: woff.readUInt32BE(at + 16),
        data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw),
      });
    }
    let search = 1;
    let selector = 0;
    while (search * 2 <= count) {
      search *= 2;
      selector++;
    }
    const head = Buffer.alloc(12 + 16 * count);
    head.writeUInt32BE(flavor, 0);
    head.writeUInt16BE(count, 4);
    head.writeUInt16BE(search * 16, 6);
    head.writeUInt16BE(selector, 8);
    head.writeUInt16BE(count * 16 - search * 16, 10);
    const parts: Buffer[] = [head];
    let offset = head.length;
    tables.forEach((table, i) => {
      const at = 12 + i * 16;
      head.writeUInt32BE(table.tag, at);
      head.writeUInt32BE(table.checksum, at + 4);
      head.writeUInt32BE(offset, at + 8);
      head.writeUInt32BE(table.data.length, at + 12);
      const padded = Buffer.alloc((table.data.length + 3) & ~3);
      table.data.copy(padded);
      parts.push(padded);
      offset += padded.length;
    });
    font = Buffer.concat(parts);
  }
  sfntCache.set(face.path, font);
  return font;
}

const parsed = new Map<string, Font>();
/** Glyph runs pdfkit has laid out, per face, kept from one PDF to the next (see `pdfFont`). */
export const layoutCaches = new Map<string, Record<string, unknown>>();

/**
 * A face for pdfkit, parsed once per process: given the font itself rather than its bytes,
 * pdfkit no longer parses every face again for every PDF, and the glyphs fontkit decodes stay
 * decoded from one export to the next.
 */
export function pdfFont(face: FontFace): Font {
  let f = parsed.get(face.path);
  if (!f) {
    f = create(sfntOf(face));
    parsed.set(face.path, f);
  }
  return f;
}
