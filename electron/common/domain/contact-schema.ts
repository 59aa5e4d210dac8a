import { z } from 'zod';
import { patchOf } from './patch-schema';
import { contactFieldsSchema } from './workspace-schema';
import { idSchema } from './primitives';

/**
 * The longest text each contact field takes, in characters. An import reports a value over
 * its limit on its row and trims it or leaves it out, as the delegate chooses; it never
 * aborts the import.
 */
export const contactLimits = {
  name: 300,
  /** Short texts: honorific, parts of a name, a position, an organisation, a city, … */
  short: 500,
  email: 320,
  phone: 100,
  url: 2_000,
  notes: 20_000,
  /** A data: URL; a card photo is a few hundred KB at most. */
  photo: 2_000_000,
  /** How many e-mails, phones, addresses, … a contact keeps. */
  items: 50,
} as const;

export const contactInputSchema = contactFieldsSchema.extend({
  name: z.string().min(1).max(contactLimits.name),
  notes: z.string().max(contactLimits.notes).default(''),
  photo: z.string().max(contactLimits.photo).nullable().default(null),
});

export const contactPatchSchema = patchOf(contactInputSchema);

export const contactExportSchema = z
  .object({
    format: z.enum(['vcf', 'csv']),
    version: z.enum(['3.0', '4.0']).default('4.0'),
    /** Which contacts: these ids, those met at a forum, or (neither) all of them. */
    ids: z.array(idSchema).max(20_000).nullable().default(null),
    forumId: idSchema.nullable().default(null),
    /** Sensitive contacts go out only when chosen here, one by one. */
    includeSensitive: z.array(idSchema).max(20_000).default([]),
    /** The language countries are named in; the UI language's when not given. */
    language: z.enum(['id', 'en']).optional(),
  })
  .strict();

export type ContactInput = z.input<typeof contactInputSchema>;
export type ContactPatch = z.infer<typeof contactPatchSchema>;
export type ContactExportRequest = z.input<typeof contactExportSchema>;
