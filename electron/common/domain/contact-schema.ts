import { z } from 'zod';
import { contactFieldsSchema } from './workspace-schema';
import { idSchema } from './primitives';

export const contactInputSchema = contactFieldsSchema.extend({
  name: z.string().min(1).max(300),
  notes: z.string().max(20_000).default(''),
  /** A data: URL; a card photo is a few hundred KB at most. */
  photo: z.string().max(2_000_000).nullable().default(null),
});

export const contactPatchSchema = contactInputSchema.partial();

export const contactExportSchema = z
  .object({
    format: z.enum(['vcf', 'csv']),
    version: z.enum(['3.0', '4.0']).default('4.0'),
    /** Which contacts: these ids, those met at a forum, or (neither) all of them. */
    ids: z.array(idSchema).max(20_000).nullable().default(null),
    forumId: idSchema.nullable().default(null),
    /** Sensitive contacts go out only when chosen here, one by one. */
    includeSensitive: z.array(idSchema).max(20_000).default([]),
  })
  .strict();

export type ContactInput = z.input<typeof contactInputSchema>;
export type ContactPatch = z.infer<typeof contactPatchSchema>;
export type ContactExportRequest = z.input<typeof contactExportSchema>;
