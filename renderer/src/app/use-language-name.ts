import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../electron/common/language';
import { intlLocale } from '../i18n/i18n';

/**
 * Names a text language in the UI language, through Intl.DisplayNames: "bahasa Inggris" in
 * Indonesian, "English" in English. Intl gives Indonesian names alone ("Inggris"), so the
 * locale's `language.named` adds "bahasa". `start` capitalises the name for the start of a
 * label or heading ("Bahasa Inggris"); inside a sentence it stays lower case, as PUEBI wants.
 */
export function useLanguageName(): (code: UiLanguage, position?: 'inline' | 'start') => string {
  const { t, i18n } = useTranslation('common');
  const locale = intlLocale(i18n.language === 'id' ? 'id' : 'en');
  return useMemo(() => {
    const names = new Intl.DisplayNames(locale, { type: 'language' });
    return (code, position = 'inline') => {
      const named = t('language.named', { name: names.of(code) ?? code });
      return position === 'start'
        ? named.charAt(0).toLocaleUpperCase(locale) + named.slice(1)
        : named;
    };
  }, [locale, t]);
}
