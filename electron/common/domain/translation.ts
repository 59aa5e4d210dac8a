import type { Bilingual } from './primitives';

/**
 * Where a bilingual text stands: both sides written; one side still empty; or one side
 * changed well after the other was last touched, so the other may no longer match it.
 */
export type TranslationStatus =
  'empty' | 'complete' | 'missing-id' | 'missing-en' | 'outdated-id' | 'outdated-en';

/** Edits to both sides within this window count as written together. */
export const OUTDATED_AFTER_MS = 60_000;

export function translationStatus(
  text: Bilingual,
  updatedAt: { id: string | null; en: string | null },
): TranslationStatus {
  const hasId = text.id.trim().length > 0;
  const hasEn = text.en.trim().length > 0;
  if (!hasId && !hasEn) return 'empty';
  if (!hasEn) return 'missing-en';
  if (!hasId) return 'missing-id';
  const id = updatedAt.id ? Date.parse(updatedAt.id) : 0;
  const en = updatedAt.en ? Date.parse(updatedAt.en) : 0;
  if (id - en > OUTDATED_AFTER_MS) return 'outdated-en';
  if (en - id > OUTDATED_AFTER_MS) return 'outdated-id';
  return 'complete';
}
