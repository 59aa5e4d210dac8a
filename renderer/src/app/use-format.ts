import { useMemo } from 'react';
import { intlLocale } from '../i18n/i18n';
import { useAppStore } from '../store/app-store';

/** Dates and numbers in the UI language, through Intl. */
export function useFormat() {
  const language = useAppStore((s) => s.language);
  return useMemo(() => {
    const locale = intlLocale(language);
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    const wall = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
    const kilobytes = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'kilobyte',
      maximumFractionDigits: 1,
    });
    const day = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    const regions = new Intl.DisplayNames(locale, { type: 'region' });
    const minutes = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'minute',
      unitDisplay: 'long',
    });
    const utcDate = (isoDate: string) => {
      const [y, m, d] = isoDate.split('-').map(Number);
      return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
    };
    return {
      /** "10 minutes" / "10 menit". */
      minutes: (count: number) => minutes.format(count),
      /** A calendar date (YYYY-MM-DD), as printed: "14 September 2017". */
      date: (isoDate: string) => day.format(utcDate(isoDate)),
      /**
       * A span of days as the UI language writes it: "14–17 September 2017", and a one-day
       * event as its day alone ("27 Agustus 2025"), never "27 Agustus 2025 – 27 Agustus 2025".
       */
      dateRange: (start: string, end: string | null) =>
        !end || end <= start
          ? day.format(utcDate(start))
          : day.formatRange(utcDate(start), utcDate(end)),
      /** "Kamis, 14 September 2017" / "Thursday, 14 September 2017". */
      dayHeading: (isoDate: string) =>
        `${weekday.format(utcDate(isoDate))}, ${day.format(utcDate(isoDate))}`,
      /** A wall-clock time already in the forum's zone ("2017-09-14T10:00" → "10.00"). */
      wallTime: (local: string) => wall.format(new Date(`${local.slice(0, 16)}:00Z`)),
      country: (code: string) => {
        try {
          return regions.of(code.toUpperCase()) ?? code;
        } catch {
          return code;
        }
      },
      zoneName: (zone: string, isoDate: string | null) => {
        const parts = new Intl.DateTimeFormat(locale, {
          timeZone: zone,
          timeZoneName: 'short',
        }).formatToParts(isoDate ? utcDate(isoDate) : new Date());
        return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
      },
      size: (bytes: number) => kilobytes.format(bytes / 1024),
      time: (iso: string) => time.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
    };
  }, [language]);
}
