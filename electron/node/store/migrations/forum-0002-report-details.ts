import type { Migration } from './migration';

const blank = () => ({ id: '', en: '' });

/** The travel report's own details: who travelled, the assignment letter, number, signatories. */
export const forum0002: Migration = {
  kind: 'forum',
  version: 2,
  up: (doc) => ({
    ...doc,
    report: doc.report ?? {
      memberIds: [],
      assignment: { number: '', date: null, issuedBy: blank() },
      number: '',
      date: null,
      place: '',
      addressee: blank(),
      signatories: [],
      purpose: blank(),
      results: blank(),
      conclusions: blank(),
      recommendations: blank(),
      useLetterhead: true,
    },
  }),
};
