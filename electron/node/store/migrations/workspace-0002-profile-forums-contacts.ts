import type { Migration } from './migration';

const blank = () => ({ id: '', en: '' });

/** Adds the delegation profile, the forum index and the contacts. */
export const workspace0002: Migration = {
  kind: 'workspace',
  version: 2,
  up: (doc) => ({
    ...doc,
    profile: doc.profile ?? {
      delegationName: blank(),
      headName: '',
      headPosition: blank(),
      institution: blank(),
      city: '',
      updatedAt: null,
    },
    forums: doc.forums ?? [],
    contacts: doc.contacts ?? [],
  }),
};
