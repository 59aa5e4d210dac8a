import { z } from 'zod';
import { patchOf } from './patch-schema';
import { forumInputSchema, sessionKinds } from './forum-schema';
import { idSchema, isoDateSchema, localDateTimeSchema } from './primitives';

const text = (max: number) => z.string().max(max);
const bilingualInput = (max: number) => z.object({ id: text(max), en: text(max) }).strict();

export const profilePatchSchema = z
  .object({
    delegationName: bilingualInput(300),
    headName: text(200),
    headPosition: bilingualInput(300),
    institution: bilingualInput(300),
    city: text(200),
  })
  .partial()
  .strict();

export const forumCreateSchema = forumInputSchema
  .extend({
    name: bilingualInput(300),
    acronym: text(60),
    edition: text(60).default(''),
    city: text(120),
    country: text(120),
    venue: text(300),
    startDate: isoDateSchema.nullable(),
    endDate: isoDateSchema.nullable(),
    timeZone: text(64).refine(isTimeZone, 'unknown time zone'),
    theme: bilingualInput(500),
    hostOrganisation: bilingualInput(300),
  })
  .strict();

export const forumPatchSchema = patchOf(forumCreateSchema).strict();

export const sessionInputSchema = z
  .object({
    title: bilingualInput(300),
    kind: z.enum(sessionKinds),
    start: localDateTimeSchema.nullable(),
    end: localDateTimeSchema.nullable(),
    room: text(120).default(''),
    speakers: z.array(text(200)).max(50).default([]),
    /**
     * Who covers it: profile member ids, or (for a member a colleague named, not in this
     * profile) the key the session already gives them (see `memberKey`).
     */
    coveredBy: z.array(z.string().min(1).max(200)).max(50).optional(),
  })
  .strict();

export const sessionPatchSchema = patchOf(sessionInputSchema).strict();

/** Up to a few hundred pages of notes in one: a paste larger than this is a mistake. */
const NOTE_MAX = 500_000;

export const noteCreateSchema = z
  .object({
    sessionId: idSchema.nullable().default(null),
    body: z
      .object({ id: text(NOTE_MAX), en: text(NOTE_MAX) })
      .partial()
      .strict()
      .default({}),
    tags: z.array(text(60)).max(30).default([]),
  })
  .strict();

export const notePatchSchema = z
  .object({
    sessionId: idSchema.nullable(),
    body: z
      .object({ id: text(NOTE_MAX), en: text(NOTE_MAX) })
      .partial()
      .strict(),
    /**
     * The text each side in `body` was typed on: what the page last had from the host. The
     * host carries the edit onto what it holds now, so words a colleague's change brought
     * in meanwhile stay (see `mergeText`).
     */
    base: z
      .object({ id: text(NOTE_MAX), en: text(NOTE_MAX) })
      .partial()
      .strict(),
    tags: z.array(text(60)).max(30),
    pinned: z.boolean(),
    /** The delegate confirms both sides say the same again. */
    markTranslated: z.literal(true),
    /** The delegate has read that the note was kept out of the Trash (see `keptFromTrash`). */
    dismissKept: z.literal(true),
  })
  .partial()
  .strict();

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type ProfilePatch = z.infer<typeof profilePatchSchema>;
export type ForumCreate = z.input<typeof forumCreateSchema>;
export type ForumPatch = z.infer<typeof forumPatchSchema>;
export type SessionInput = z.input<typeof sessionInputSchema>;
export type SessionPatch = z.infer<typeof sessionPatchSchema>;
export type NoteCreate = z.input<typeof noteCreateSchema>;
export type NotePatch = z.infer<typeof notePatchSchema>;
