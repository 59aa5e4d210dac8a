import type { Migration } from './migration';

/**
 * Contacts keep the rest of what a card says about the person: the birthday, the position
 * on a map, the card's own UID and a photo given by its web address. Existing contacts get
 * empty values.
 */
export const workspace0006: Migration = {
  kind: 'workspace',
  version: 6,
  up: (doc) => {
    const contacts = Array.isArray(doc.contacts) ? (doc.contacts as Record<string, unknown>[]) : [];
    return {
      ...doc,
      contacts: contacts.map((contact) => ({
        photoUrl: '',
        birthday: '',
        geo: '',
        uid: '',
        ...contact,
      })),
    };
  },
};
