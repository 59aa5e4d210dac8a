import { createInstance } from 'i18next';
import type { UiLanguage } from '../common/language';
import enCli from '../../locales/en/cli.json' with { type: 'json' };
import enErrors from '../../locales/en/errors.json' with { type: 'json' };
import enExport from '../../locales/en/export.json' with { type: 'json' };
import enMenu from '../../locales/en/menu.json' with { type: 'json' };
import enServer from '../../locales/en/server.json' with { type: 'json' };
import idCli from '../../locales/id/cli.json' with { type: 'json' };
import idErrors from '../../locales/id/errors.json' with { type: 'json' };
import idExport from '../../locales/id/export.json' with { type: 'json' };
import idMenu from '../../locales/id/menu.json' with { type: 'json' };
import idServer from '../../locales/id/server.json' with { type: 'json' };

const resources = {
  en: { cli: enCli, errors: enErrors, menu: enMenu, server: enServer, export: enExport },
  id: { cli: idCli, errors: idErrors, menu: idMenu, server: idServer, export: idExport },
};

type English = (typeof resources)['en'];

type Paths<T> = {
  [K in Extract<keyof T, string>]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[Extract<keyof T, string>];

/** `cli:usage`, `export:statuses.done`, …: keys typed from the English locale. */
export type NodeKey = {
  [Ns in keyof English]: `${Ns}:${Paths<English[Ns]>}`;
}[keyof English];

export type Translate = (key: NodeKey, params?: Record<string, string | number>) => string;

/** Translations for the Node side (CLI, native menu, browser-mode pages): plain text. */
export function createNodeTranslator(language: UiLanguage): Translate {
  const instance = createInstance();
  void instance.init({
    resources,
    lng: language,
    fallbackLng: 'en',
    ns: Object.keys(resources.en),
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  // A text without parameters is looked up once: an export asks for the same labels (statuses,
  // step states, stances) hundreds of times.
  const plain = new Map<string, string>();
  return (key, params) => {
    if (params) return instance.t(key, params);
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = instance.t(key, {})));
    return text;
  };
}
