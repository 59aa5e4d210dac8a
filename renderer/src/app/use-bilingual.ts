import { useCallback } from 'react';
import type { Bilingual } from '../../../electron/common/domain/primitives';
import { useAppStore } from '../store/app-store';

/** A bilingual text in the UI language, falling back to the other side when empty. */
export function useBilingual(): (text: Bilingual | null | undefined) => string {
  const language = useAppStore((s) => s.language);
  return useCallback(
    (text) => {
      if (!text) return '';
      const other = language === 'id' ? 'en' : 'id';
      return text[language].trim() || text[other].trim();
    },
    [language],
  );
}
