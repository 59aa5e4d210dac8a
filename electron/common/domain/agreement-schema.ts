import { z } from 'zod';
import { patchOf } from './patch-schema';
import { uiLanguages } from '../language';
import { idSchema, isoDateSchema } from './primitives';
import {
  clauseDocumentKinds,
  clauseDocumentStatuses,
  commitmentStatuses,
  positionStances,
} from './vocabulary';

const text = (max: number) => z.string().max(max);
const bilingualInput = (max: number) => z.object({ id: text(max), en: text(max) }).strict();

export const clauseDocumentInputSchema = z
  .object({
    title: bilingualInput(300),
    kind: z.enum(clauseDocumentKinds),
    authoritativeLanguage: z.enum(uiLanguages),
    status: z.enum(clauseDocumentStatuses),
    source: text(500).default(''),
  })
  .strict();

export const clauseDocumentPatchSchema = patchOf(clauseDocumentInputSchema).strict();

/** A clause as the delegate accepts it from a split paste (number as a path, its text). */
export const splitItemSchema = z.object({ number: text(40), text: text(20_000) }).strict();

/**
 * What a clause's text (`text`) or a position's reason (`reason`) was typed on: the host
 * carries the edit onto what it holds now, so a colleague's words merged in meanwhile stay
 * (see `mergeText`).
 */
export const clauseBaseSchema = z
  .object({ text: bilingualInput(20_000), reason: bilingualInput(2_000) })
  .partial()
  .strict();
export type ClauseBase = z.infer<typeof clauseBaseSchema>;

export const clausePatchSchema = z
  .object({
    number: text(40),
    text: z
      .object({ id: text(20_000), en: text(20_000) })
      .partial()
      .strict(),
    tags: z.array(text(60)).max(30),
    notes: bilingualInput(5_000),
  })
  .partial()
  .strict();

export const positionSchema = z
  .object({
    stance: z.enum(positionStances).nullable(),
    reason: bilingualInput(2_000),
  })
  .strict();

const stepSchema = z
  .object({ id: idSchema, text: bilingualInput(1_000), done: z.boolean() })
  .strict();

export const commitmentInputSchema = z
  .object({
    statement: bilingualInput(5_000),
    clauseIds: z.array(idSchema).max(200),
    responsible: z
      .object({ unit: text(300), contactId: idSchema.nullable().default(null) })
      .strict(),
    dueDate: isoDateSchema.nullable(),
    status: z.enum(commitmentStatuses),
    steps: z.array(stepSchema).max(100).default([]),
    evidence: text(2_000).default(''),
  })
  .strict();

export const commitmentPatchSchema = patchOf(commitmentInputSchema).strict();

/**
 * What a commitment's statement was typed on: the host carries the edit onto the statement as
 * it is now, so a colleague's words merged in while the form was open stay (see `mergeText`).
 */
export const commitmentBaseSchema = z
  .object({ statement: bilingualInput(5_000) })
  .partial()
  .strict();
export type CommitmentBase = z.infer<typeof commitmentBaseSchema>;

export type ClauseDocumentInput = z.input<typeof clauseDocumentInputSchema>;
export type ClauseDocumentPatch = z.infer<typeof clauseDocumentPatchSchema>;
export type SplitItem = z.infer<typeof splitItemSchema>;
export type ClausePatch = z.infer<typeof clausePatchSchema>;
export type PositionInput = z.infer<typeof positionSchema>;
export type CommitmentInput = z.input<typeof commitmentInputSchema>;
export type CommitmentPatch = z.infer<typeof commitmentPatchSchema>;
/** What a caller sends: defaults not yet applied. */
export type CommitmentPatchInput = z.input<typeof commitmentPatchSchema>;
