import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openSync } from 'fontkit';
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

/**
 * Noto Sans, shipped with the app (no system font is assumed), in the subsets fontsource
 * publishes: Latin with its extensions (Indonesian, French, Spanish…), Vietnamese, Greek,
 * Cyrillic, then Korean. A text is set in runs, each in the first face that has its glyphs.
 */
export function fontFaces(weight: 400 | 700): FontFace[] {
  const latin = filesOf('@fontsource/noto-sans');
  const korean = filesOf('@fontsource/noto-sans-kr');
  const faces = [
    'latin',
    'latin-ext',
    'vietnamese',
    'greek',
    'greek-ext',
    'cyrillic',
    'cyrillic-ext',
  ].map((subset) => ({
    key: `noto-${subset}-${weight}`,
    path: join(latin, `noto-sans-${subset}-${weight}-normal.woff`),
  }));
  const koreanFiles = readdirSync(korean).filter((f) => f.endsWith(`-${weight}-normal.woff`));
  return [
    ...faces,
    ...koreanFiles.map((file) => ({ key: `noto-kr-${file}`, path: join(korean, file) })),
  ];
}

const opened = new Map<string, Font>();

/** Splits a text into runs, each with the face that has its glyphs (the first face otherwise). */
export function runs(text: string, faces: FontFace[]): { face: FontFace; text: string }[] {
  const out: { face: FontFace; text: string }[] = [];
  const first = faces[0] as FontFace;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 32;
    const face =
      code < 0x100 || /\s/.test(char)
        ? first
        : (faces.find((f) => {
            let font = opened.get(f.path);
            if (!font) {
              font = openSync(f.path);
              opened.set(f.path, font);
            }
            return font.hasGlyphForCodePoint(code);
          }) ?? first);
    const last = out[out.length - 1];
    if (last && last.face === face) last.text += char;
    else out.push({ face, text: char });
  }
  return out;
}
