// The closed lists of the domain, as plain constants: the schemas validate against them and
// the renderer offers them in forms, so they live apart from the validator.
export const sessionKinds = [
  'opening',
  'plenary',
  'thematic',
  'workshop',
  'side-event',
  'closing-ceremony',
  'other',
] as const;

export const clauseDocumentKinds = [
  'declaration',
  'principles',
  'recommendations',
  'agreement',
] as const;

export const clauseDocumentStatuses = ['draft', 'read', 'adopted'] as const;

export const positionStances = [
  'commits',
  'supports',
  'takes-note',
  'reservation',
  'not-applicable',
] as const;

export const commitmentStatuses = ['planned', 'in-progress', 'done', 'dropped'] as const;

/** The fields a merge of two contacts takes from one or the other (lists are joined). */
export const mergeFields = [
  'name',
  'honorific',
  'addressAs',
  'position',
  'organisation',
  'country',
  'city',
  'website',
  'notes',
  'photo',
  'sensitive',
] as const;

/** The contact fields a participant list's columns can map to; a field may take several columns. */
export const csvFields = [
  'name',
  'prefix',
  'given',
  'middle',
  'family',
  'suffix',
  'organisation',
  'department',
  'position',
  'email',
  'phone',
  'website',
  'street',
  'city',
  'region',
  'postcode',
  'country',
  'nip',
  'notes',
  'tags',
] as const;

/** The character sets an imported file can be read in (detected, or chosen in the preview). */
export const importEncodings = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'windows-1250',
  'cp949',
  'shift_jis',
  'euc-jp',
  'gb18030',
  'big5',
] as const;
export type ImportEncoding = (typeof importEncodings)[number];

/** The shortest passphrase an encrypted workspace accepts, in characters. */
export const MIN_PASSPHRASE = 8;

/** The texts of the travel report the delegate writes, which drafts may fill. */
export const reportTextFields = ['purpose', 'results', 'conclusions', 'recommendations'] as const;
export type ReportTextField = (typeof reportTextFields)[number];

/**
 * A letterhead logo is kept inside the workspace document, written on every profile change:
 * 150 KB is plenty for a small printed emblem and keeps those writes quick.
 */
export const LOGO_MAX_BYTES = 150 * 1024;

/** What can be in the Trash: every record a delegate can delete, and undone merges. */
export const trashKinds = [
  'forum',
  'session',
  'note',
  'clauseDocument',
  'clause',
  'reason',
  'commitment',
  'contact',
  'merge',
] as const;
