import type { Migration } from './migration';

/** The first workspace document: settings only. */
export const workspace0001: Migration = {
  kind: 'workspace',
  version: 1,
  up: (doc) => ({ ...doc, settings: { language: null, ...(doc.settings as object) } }),
};
