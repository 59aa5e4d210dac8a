import { z } from 'zod';

/** Any text a delegate may need in both languages: either side may be written first. */
export const bilingualSchema = z.object({ id: z.string(), en: z.string() }).loose();
export type Bilingual = z.infer<typeof bilingualSchema>;

export const emptyBilingual = (): Bilingual => ({ id: '', en: '' });

export const idSchema = z.string().min(1).max(64);
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
/** A calendar date (YYYY-MM-DD), as forums and due dates are given. */
export const isoDateSchema = z.iso.date();
/** A wall-clock time in the forum's own time zone (YYYY-MM-DDTHH:mm). */
export const localDateTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);

/**
 * Fields every stored record has. `deletedAt` set means the record is in the trash and
 * can be restored; nothing is removed from a document by a delete.
 */
export const recordSchema = z
  .object({
    id: idSchema,
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
    deletedAt: isoDateTimeSchema.nullable().default(null),
  })
  .loose();
export type StoredRecord = z.infer<typeof recordSchema>;
