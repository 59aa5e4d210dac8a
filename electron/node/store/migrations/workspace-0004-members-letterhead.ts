import type { Migration } from './migration';

/** The delegation's members (name, NIP, position, rank, role) and the letterhead of its reports. */
export const workspace0004: Migration = {
  kind: 'workspace',
  version: 4,
  up: (doc) => {
    const profile = (doc.profile ?? {}) as Record<string, unknown>;
    return {
      ...doc,
      profile: {
        members: [],
        letterhead: { lines: [], address: { id: '', en: '' }, logo: null },
        ...profile,
      },
    };
  },
};
