import type { Migration } from './migration';

/** A forum's own document: its record and everything recorded at it. */
export const forum0001: Migration = {
  kind: 'forum',
  version: 1,
  up: (doc) => ({
    ...doc,
    sessions: doc.sessions ?? [],
    notes: doc.notes ?? [],
    clauseDocuments: doc.clauseDocuments ?? [],
    clauses: doc.clauses ?? [],
    commitments: doc.commitments ?? [],
  }),
};
