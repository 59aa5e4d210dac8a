import { z } from 'zod';
import type { Bilingual } from './primitives';
import { idSchema, isoDateSchema } from './primitives';
import { LOGO_MAX_BYTES } from './vocabulary';
import type { ReportTextField } from './vocabulary';

export { LOGO_MAX_BYTES, reportTextFields } from './vocabulary';
export type { ReportTextField } from './vocabulary';

const text = (max: number) => z.string().max(max);
const bilingualInput = (max: number) => z.object({ id: text(max), en: text(max) }).strict();

/** PNG and JPEG files by their first bytes, whatever the data URL claims. */
function hasImageSignature(dataUrl: string): boolean {
  const comma = dataUrl.indexOf(',');
  let head: string;
  try {
    head = atob(dataUrl.slice(comma + 1, comma + 1 + 12));
  } catch {
    return false;
  }
  const bytes = [...head].map((c) => c.charCodeAt(0));
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b)) return dataUrl.startsWith('data:image/png;');
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return dataUrl.startsWith('data:image/jpeg;');
  return false;
}

export const logoDataUrlSchema = z
  .string()
  .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 40)
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/)
  .refine(hasImageSignature, 'not a PNG or JPEG image');

export const memberInputSchema = z
  .object({
    /** Absent for a new member. */
    id: idSchema.optional(),
    name: text(200).refine((s) => s.trim() !== '', 'name required'),
    nip: text(40).default(''),
    position: bilingualInput(300).default({ id: '', en: '' }),
    rank: text(120).default(''),
    role: bilingualInput(200).default({ id: '', en: '' }),
  })
  .strict();

export const letterheadInputSchema = z
  .object({
    lines: z.array(bilingualInput(200)).max(6),
    address: bilingualInput(400),
    logo: logoDataUrlSchema.nullable(),
  })
  .strict();

export const signatoryInputSchema = z
  .object({
    id: idSchema,
    memberId: idSchema.nullable(),
    name: text(200).default(''),
    nip: text(40).default(''),
    position: bilingualInput(300).default({ id: '', en: '' }),
    caption: bilingualInput(200).default({ id: '', en: '' }),
  })
  .strict();

/** The delegate's texts in the report: a few pages each at most. */
const REPORT_TEXT_MAX = 100_000;

export const reportPatchSchema = z
  .object({
    memberIds: z.array(idSchema).max(100),
    assignment: z
      .object({
        number: text(200),
        date: isoDateSchema.nullable(),
        issuedBy: bilingualInput(300),
      })
      .strict(),
    number: text(200),
    date: isoDateSchema.nullable(),
    place: text(200),
    addressee: bilingualInput(500),
    signatories: z.array(signatoryInputSchema).max(6),
    purpose: bilingualInput(REPORT_TEXT_MAX),
    results: bilingualInput(REPORT_TEXT_MAX),
    conclusions: bilingualInput(REPORT_TEXT_MAX),
    recommendations: bilingualInput(REPORT_TEXT_MAX),
    useLetterhead: z.boolean(),
  })
  .partial()
  .strict();

/**
 * The text each narrative field in a patch was typed on (what the page last had from the
 * host): the host carries the edit onto what it holds now, so a colleague's words merged in
 * meanwhile stay (see `mergeText`).
 */
export const reportBaseSchema = z
  .object({
    purpose: bilingualInput(REPORT_TEXT_MAX),
    results: bilingualInput(REPORT_TEXT_MAX),
    conclusions: bilingualInput(REPORT_TEXT_MAX),
    recommendations: bilingualInput(REPORT_TEXT_MAX),
  } satisfies Record<ReportTextField, unknown>)
  .partial()
  .strict();

export type MemberInput = z.input<typeof memberInputSchema>;
export type LetterheadInput = z.infer<typeof letterheadInputSchema>;
export type SignatoryInput = z.input<typeof signatoryInputSchema>;
export type ReportPatch = z.input<typeof reportPatchSchema>;
export type ReportBase = z.infer<typeof reportBaseSchema>;

/** Drafts of those texts, made from the forum's positions and commitments. */
export type ReportDrafts = Record<ReportTextField, Bilingual>;
