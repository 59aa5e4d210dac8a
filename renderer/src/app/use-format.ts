import { useMemo } from 'react';
import { intlLocale } from '../i18n/i18n';
import { useAppStore } from '../store/app-store';

/** Dates and numbers in the UI language, through Intl. */
export function useFormat() {
  const language = useAppStore((s) => s.language);
  return useMemo(() => {
    const locale = intlLocale(language);
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    const kilobytes = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'kilobyte',
      maximumFractionDigits: 1,
    });
    return {
      size: (bytes: number) => kilobytes.format(bytes / 1024),
      time: (iso: string) => time.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
    };
  }, [language]);
}
