import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Lang = 'id' | 'en';
const locales = join(import.meta.dirname, '..', '..', 'locales');

/** A UI string as the app shows it (the locale files), so a test follows their wording. */
export function wording(lang: Lang) {
  const cache = new Map<string, Record<string, unknown>>();
  return (key: string, params: Record<string, string | number> = {}): string => {
    const [ns = '', path = ''] = key.split(':');
    let file = cache.get(ns);
    if (!file) {
      file = JSON.parse(readFileSync(join(locales, lang, `${ns}.json`), 'utf8')) as Record<
        string,
        unknown
      >;
      cache.set(ns, file);
    }
    let value: unknown = file;
    for (const part of path.split('.')) value = (value as Record<string, unknown>)[part];
    if (typeof value !== 'string') throw new Error(`no string ${key} in ${lang}`);
    return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}

/** A whole text, matched exactly. */
export const exact = (text: string) =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
