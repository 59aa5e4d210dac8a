import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../electron/common/errors';

const root = join(import.meta.dirname, '..', '..', '..', 'locales');
const languages = ['en', 'id'] as const;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function load(language: string, file: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(join(root, language, file), 'utf8')) as Tree);
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it('has the same namespace files in every language', () => {
    const en = readdirSync(join(root, 'en')).sort();
    expect(en.length).toBeGreaterThan(0);
    for (const language of languages) expect(readdirSync(join(root, language)).sort()).toEqual(en);
  });

  for (const file of readdirSync(join(root, 'en'))) {
    it(`${file}: same keys, no empty values, same placeholders in en and id`, () => {
      const en = load('en', file);
      const id = load('id', file);
      expect([...id.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, value] of [...en, ...id]) {
        expect(value.trim(), `${file} ${key} is empty`).not.toBe('');
      }
      for (const [key, value] of en) {
        expect(placeholders(id.get(key) ?? ''), `${file} ${key}`).toEqual(placeholders(value));
      }
    });
  }

  it('translates every error code the API can return', () => {
    for (const language of languages) {
      const errors = load(language, 'errors.json');
      for (const code of errorCodes) expect(errors.has(code), `${language} ${code}`).toBe(true);
    }
  });
});
