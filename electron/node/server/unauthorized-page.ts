import { createNodeTranslator } from '../i18n';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Shown to a browser that reached browser mode without the token: both languages. */
export function unauthorizedPage(): string {
  const sections = (['id', 'en'] as const).map((language) => {
    const t = createNodeTranslator(language);
    return `<section lang="${language}"><h1>${escapeHtml(t('server:unauthorizedTitle'))}</h1><p>${escapeHtml(t('server:unauthorizedBody'))}</p></section>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><title>Risalah</title></head><body>${sections.join('<hr>')}</body></html>`;
}
