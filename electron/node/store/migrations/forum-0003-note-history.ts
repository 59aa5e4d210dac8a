import type { Migration } from './migration';

/** Earlier versions of notes, kept beside the notes rather than inside each one. */
export const forum0003: Migration = {
  kind: 'forum',
  version: 3,
  up: (doc) => ({ ...doc, noteHistory: doc.noteHistory ?? [] }),
};
