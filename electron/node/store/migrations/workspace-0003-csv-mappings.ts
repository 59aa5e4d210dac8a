import type { Migration } from './migration';

/** Remembers how the columns of participant lists map to contact fields. */
export const workspace0003: Migration = {
  kind: 'workspace',
  version: 3,
  up: (doc) => ({
    ...doc,
    settings: { csvMappings: {}, ...(doc.settings as object) },
  }),
};
