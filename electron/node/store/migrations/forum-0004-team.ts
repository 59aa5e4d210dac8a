import type { Migration } from './migration';

type Raw = Record<string, unknown>;
const list = (value: unknown) => (Array.isArray(value) ? (value as Raw[]) : []);

/**
 * The delegation as a team: who covers each session, who last wrote each note side, and who
 * last changed a session or a commitment. Nothing is known of the past, so all start empty.
 */
export const forum0004: Migration = {
  kind: 'forum',
  version: 4,
  up: (doc) => ({
    ...doc,
    sessions: list(doc.sessions).map((s) => ({ coveredBy: [], changedBy: null, ...s })),
    notes: list(doc.notes).map((n) => ({ bodyAuthors: { id: null, en: null }, ...n })),
    commitments: list(doc.commitments).map((c) => ({ changedBy: null, ...c })),
  }),
};
