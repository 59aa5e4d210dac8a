import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '..', '..', '..', 'scripts', 'check-built.js');

/** A fake `out/` with a CLI entry and the given chunks. */
function outWith(chunks: Record<string, string>): string {
  const out = mkdtempSync(join(tmpdir(), 'risalah-out-'));
  mkdirSync(join(out, 'main', 'chunks'), { recursive: true });
  // As in the project, whose package.json makes .js files ES modules.
  writeFileSync(join(out, 'package.json'), '{"type": "module"}');
  writeFileSync(join(out, 'main', 'cli.js'), 'export const cli = 1;\n');
  for (const [name, text] of Object.entries(chunks)) {
    writeFileSync(join(out, 'main', 'chunks', name), text);
  }
  return out;
}

const check = (out: string) => spawnSync(process.execPath, [script, out], { encoding: 'utf8' });

describe('the build check (scripts/check-built.js, run by every build)', () => {
  it('passes a build whose files parse and whose chunks load', () => {
    const result = check(outWith({ 'pdf-1.js': 'export const pdf = () => 1;\n' }));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails on the chunk that declares `require` twice, as the PDF chunk once did', () => {
    const chunk = [
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      'var require = createRequire(import.meta.url);',
      'export const x = require;',
    ].join('\n');
    const result = check(outWith({ 'pdf-2.js': chunk }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('pdf-2.js does not parse');
    expect(result.stderr).toContain("Identifier 'require' has already been declared");
  });

  it('fails on a chunk that parses but cannot load', () => {
    const result = check(outWith({ 'fonts-3.js': "import 'risalah-no-such-package';\n" }));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('a built chunk does not load');
    expect(result.stderr).toContain('fonts-3.js');
  });
});
