export const uiLanguages = ['id', 'en'] as const;

export type UiLanguage = (typeof uiLanguages)[number];

/** Indonesian for any `id*` locale (and the legacy `in` code), English otherwise. */
export function languageFromLocale(locale: string | undefined | null): UiLanguage {
  const tag = (locale ?? '').trim().toLowerCase().replace('_', '-');
  return tag === 'id' || tag.startsWith('id-') || tag === 'in' || tag.startsWith('in-')
    ? 'id'
    : 'en';
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === 'id' || value === 'en';
}
