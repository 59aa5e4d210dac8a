import { createInstance } from 'i18next';
import type { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../../electron/common/language';
import { defaultNS, resources } from './resources';

export function createI18n(language: UiLanguage): i18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    defaultNS,
    ns: ['common', 'errors', 'notebook', 'agreement', 'contacts', 'exportUi'],
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}

/** Intl wants a region for Indonesian dates ("Kamis, 14 September 2017"). */
export function intlLocale(language: UiLanguage): string {
  return language === 'id' ? 'id-ID' : 'en-GB';
}

/**
 * The UI language for a browser's preferred locales, best first (`navigator.languages`): the
 * first that is Indonesian (`id`, or the legacy `in`) or English decides; none of them, English.
 */
export function languageFromPreferences(locales: readonly string[]): UiLanguage {
  for (const locale of locales) {
    const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
    if (primary === 'id' || primary === 'in') return 'id';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
