import { z } from 'zod';
import { uiLanguages } from '../language';
import {
  bilingualSchema,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  localDateTimeSchema,
  recordSchema,
} from './primitives';
import {
  clauseDocumentKinds,
  clauseDocumentStatuses,
  commitmentStatuses,
  positionStances,
  sessionKinds,
} from './vocabulary';

export const FORUM_SCHEMA_VERSION = 1;

export {
  clauseDocumentKinds,
  clauseDocumentStatuses,
  commitmentStatuses,
  positionStances,
  sessionKinds,
} from './vocabulary';

export const forumSchema = recordSchema.extend({
  name: bilingualSchema,
  acronym: z.string(),
  edition: z.string().default(''),
  city: z.string(),
  country: z.string(),
  venue: z.string(),
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  /** IANA zone the agenda's wall-clock times are in, e.g. `Asia/Seoul`. */
  timeZone: z.string(),
  theme: bilingualSchema,
  hostOrganisation: bilingualSchema,
});

export const sessionSchema = recordSchema.extend({
  title: bilingualSchema,
  kind: z.enum(sessionKinds),
  start: localDateTimeSchema.nullable(),
  end: localDateTimeSchema.nullable(),
  room: z.string().default(''),
  speakers: z.array(z.string()).default([]),
  order: z.number().default(0),
});

export const noteSchema = recordSchema.extend({
  sessionId: idSchema.nullable(),
  body: bilingualSchema,
  /** When each side was last written, to tell a missing or outdated translation. */
  bodyUpdatedAt: z
    .object({ id: isoDateTimeSchema.nullable(), en: isoDateTimeSchema.nullable() })
    .loose(),
  tags: z.array(z.string()).default([]),
  pinned: z.boolean().default(false),
  author: z.string().default(''),
});

export const clauseDocumentSchema = recordSchema.extend({
  title: bilingualSchema,
  kind: z.enum(clauseDocumentKinds),
  authoritativeLanguage: z.enum(uiLanguages),
  status: z.enum(clauseDocumentStatuses),
  source: z.string().default(''),
});

export const clauseSchema = recordSchema.extend({
  documentId: idSchema,
  parentId: idSchema.nullable().default(null),
  /** As printed: "1", "1.a", "Butir 3". */
  number: z.string(),
  order: z.number(),
  text: bilingualSchema,
  tags: z.array(z.string()).default([]),
  notes: bilingualSchema.optional(),
  position: z
    .object({ stance: z.enum(positionStances).nullable(), reason: bilingualSchema })
    .loose()
    .nullable()
    .default(null),
  versions: z
    .array(
      z.object({ label: z.string(), text: bilingualSchema, recordedAt: isoDateTimeSchema }).loose(),
    )
    .default([]),
});

export const commitmentSchema = recordSchema.extend({
  statement: bilingualSchema,
  clauseIds: z.array(idSchema).default([]),
  responsible: z
    .object({ unit: z.string().default(''), contactId: idSchema.nullable().default(null) })
    .loose(),
  dueDate: isoDateSchema.nullable().default(null),
  status: z.enum(commitmentStatuses),
  steps: z
    .array(z.object({ id: idSchema, text: bilingualSchema, done: z.boolean() }).loose())
    .default([]),
  evidence: z.string().default(''),
});

export const forumDocumentSchema = z
  .object({
    schemaVersion: z.number().int().positive(),
    forum: forumSchema,
    sessions: z.array(sessionSchema),
    notes: z.array(noteSchema),
    clauseDocuments: z.array(clauseDocumentSchema),
    clauses: z.array(clauseSchema),
    commitments: z.array(commitmentSchema),
  })
  .loose();

export type Forum = z.infer<typeof forumSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type SessionKind = (typeof sessionKinds)[number];
export type Note = z.infer<typeof noteSchema>;
export type ClauseDocument = z.infer<typeof clauseDocumentSchema>;
export type Clause = z.infer<typeof clauseSchema>;
export type Commitment = z.infer<typeof commitmentSchema>;
export type ForumDocument = z.infer<typeof forumDocumentSchema>;

export const forumInputSchema = forumSchema.omit({
  id: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
});
export type ForumInput = z.input<typeof forumInputSchema>;
