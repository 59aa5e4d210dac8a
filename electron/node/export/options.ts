import { createNodeTranslator } from '../i18n';
import type { BriefLanguage, Text } from './brief';

export type ExportLanguage = BriefLanguage | 'both';
export type ExportLayout = 'parallel' | 'sequential';

export interface RenderOptions {
  language: ExportLanguage;
  layout: ExportLayout;
  /** Where a side is missing, show the other language marked as untranslated. */
  useOtherLanguage: boolean;
}

const marker = {
  id: createNodeTranslator('id')('export:untranslated'),
  en: createNodeTranslator('en')('export:untranslated'),
};

/** One side of a text for a document in `language`, falling back as the options allow. */
export function side(text: Text, language: BriefLanguage, options: RenderOptions): string {
  const own = text[language];
  // Most texts start with a printable ASCII character: they are there without trimming them.
  const first = own.charCodeAt(0);
  if (!options.useOtherLanguage || (first > 32 && first < 127) || own.trim()) return own;
  const other = text[language === 'id' ? 'en' : 'id'].trim();
  return other ? `${other} ${marker[language]}` : '';
}

/** The languages a document is written in, in order. */
export const languagesOf = (options: RenderOptions): BriefLanguage[] =>
  options.language === 'both' ? ['id', 'en'] : [options.language];
