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
