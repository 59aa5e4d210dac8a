import type { Migration } from './migration';

/**
 * Contacts keep what address books hold: the parts of the name, names in other scripts, the
 * role apart from the title, ORG's units, every postal address and every web address.
 * Existing contacts get empty values; nothing is derived from the full name (splitting it
 * is what turned "Kim Min-ji" around).
 */
export const workspace0005: Migration = {
  kind: 'workspace',
  version: 5,
  up: (doc) => {
    const contacts = Array.isArray(doc.contacts) ? (doc.contacts as Record<string, unknown>[]) : [];
    return {
      ...doc,
      contacts: contacts.map((contact) => ({
        nameParts: { family: '', given: '', additional: '', prefix: '', suffix: '' },
        otherNames: [],
        role: { id: '', en: '' },
        orgUnits: { id: [], en: [] },
        addresses: [],
        urls: [],
        ...contact,
      })),
    };
  },
};
