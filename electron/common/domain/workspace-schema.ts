import { z } from 'zod';
import { uiLanguages } from '../language';
import {
  bilingualSchema,
  idSchema,
  isoDateSchema,
  isoDateTimeSchema,
  recordSchema,
} from './primitives';

export const WORKSPACE_SCHEMA_VERSION = 6;

export const settingsSchema = z
  .object({
    /** `null` follows the operating system's locale. */
    language: z.enum(uiLanguages).nullable().default(null),
    /** Column mappings chosen for participant lists, by the shape of their header row. */
    csvMappings: z
      .record(z.string(), z.record(z.string(), z.union([z.number(), z.array(z.number())])))
      .default({}),
    /** The desktop window's last route (`#/forum/<id>/notes`), opened again at the next start. */
    lastRoute: z.string().max(500).nullable().optional(),
    /**
     * The delegation member who uses this laptop ("me"): the author of what is written here.
     * A setting of this workspace, so it never travels with a shared forum.
     */
    meMemberId: z.string().nullable().optional(),
  })
  .loose();

/**
 * A person of the delegation, kept once in the profile and picked per forum: the travel
 * report's *Pelaksana/Peserta* table, its signatories, and (with sync) who wrote what.
 */
export const delegationMemberSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    /** Nomor Induk Pegawai of a civil servant; empty for others. */
    nip: z.string().default(''),
    /** Jabatan: the post held at the institution. */
    position: bilingualSchema.default({ id: '', en: '' }),
    /** Pangkat/golongan, e.g. "Pembina (IV/a)". */
    rank: z.string().default(''),
    /** Role in the delegation, e.g. "Ketua Delegasi" / "Head of delegation". */
    role: bilingualSchema.default({ id: '', en: '' }),
  })
  .loose();

/** The kop surat printed above a travel report: institution lines, address, logo. */
export const letterheadSchema = z
  .object({
    /** From the top: "PEMERINTAH KABUPATEN LAMPUNG TIMUR", "SEKRETARIAT DAERAH", … */
    lines: z.array(bilingualSchema).default([]),
    /** Address, telephone, e-mail, postcode: one line under the institution. */
    address: bilingualSchema.default({ id: '', en: '' }),
    /** A data: URL of a PNG or JPEG logo, or null. */
    logo: z.string().nullable().default(null),
  })
  .loose();

export const delegationProfileSchema = z
  .object({
    delegationName: bilingualSchema,
    headName: z.string(),
    headPosition: bilingualSchema,
    institution: bilingualSchema,
    city: z.string(),
    members: z.array(delegationMemberSchema).default([]),
    letterhead: letterheadSchema.default({ lines: [], address: { id: '', en: '' }, logo: null }),
    updatedAt: isoDateTimeSchema.nullable(),
  })
  .loose();

/** What the workspace knows of a forum without opening its own document. */
export const forumIndexEntrySchema = recordSchema.extend({
  name: bilingualSchema,
  acronym: z.string(),
  city: z.string(),
  country: z.string(),
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
});

const labelled = z.object({ value: z.string(), type: z.string().default('') }).loose();

/**
 * The parts of a name as a card's N property holds them (family; given; additional; prefixes;
 * suffixes), so an export never has to split the full name and get "Kim Min-ji" backwards.
 * A part with several values keeps them comma-separated, as N does.
 */
export const namePartsSchema = z
  .object({
    family: z.string().default(''),
    given: z.string().default(''),
    additional: z.string().default(''),
    prefix: z.string().default(''),
    suffix: z.string().default(''),
  })
  .loose();

export const emptyNameParts = { family: '', given: '', additional: '', prefix: '', suffix: '' };

/** A postal address, ADR's seven parts. */
export const addressSchema = z
  .object({
    type: z.string().default(''),
    poBox: z.string().default(''),
    extended: z.string().default(''),
    street: z.string().default(''),
    locality: z.string().default(''),
    region: z.string().default(''),
    postcode: z.string().default(''),
    country: z.string().default(''),
  })
  .loose();

/** A contact's own fields, apart from the record's id, timestamps and trash state. */
export const contactFieldsSchema = z.object({
  name: z.string(),
  nameParts: namePartsSchema.default(emptyNameParts),
  /** The name in other scripts or languages (a card's ALTID/LANGUAGE pairs): 김민지 beside Kim Min-ji. */
  otherNames: z.array(z.object({ language: z.string(), value: z.string() }).loose()).default([]),
  honorific: z.string().default(''),
  addressAs: z.string().default(''),
  /** The job title (a card's TITLE). */
  position: bilingualSchema,
  /** The function or part played (a card's ROLE), apart from the title. */
  role: bilingualSchema.default({ id: '', en: '' }),
  organisation: bilingualSchema,
  /** ORG's units below the organisation: division, department, … */
  orgUnits: z
    .object({ id: z.array(z.string()), en: z.array(z.string()) })
    .loose()
    .default({ id: [], en: [] }),
  country: z.string().default(''),
  city: z.string().default(''),
  addresses: z.array(addressSchema).default([]),
  emails: z.array(labelled).default([]),
  phones: z.array(labelled).default([]),
  handles: z.array(z.object({ service: z.string(), value: z.string() }).loose()).default([]),
  website: z.string().default(''),
  /** Web addresses beyond the main one. */
  urls: z.array(labelled).default([]),
  languages: z.array(z.string()).default([]),
  /** A data: URL of a small JPEG or PNG. */
  photo: z.string().nullable().default(null),
  /** A photo at a web address, as a card gave it: kept and exported, never fetched (offline). */
  photoUrl: z.string().default(''),
  /** A card's BDAY as written (`1985-04-12`, `--04-12` without the year, `19850412`). */
  birthday: z.string().default(''),
  /** A card's GEO as "latitude,longitude". */
  geo: z.string().default(''),
  /** A card's UID: the same person in the address book it came from. */
  uid: z.string().default(''),
  met: z.array(z.object({ forumId: idSchema, sessionId: idSchema.nullable() }).loose()).default([]),
  tags: z.array(z.string()).default([]),
  notes: z.string().default(''),
  /** Never exported, shown as QR or reported unless chosen one by one. */
  sensitive: z.boolean().default(false),
});

export const contactSchema = recordSchema.extend({
  ...contactFieldsSchema.shape,
  /**
   * Set on the contact a merge sent to the trash: what the merge changed on the kept card
   * and which commitments it repointed, so restoring it undoes the merge.
   */
  mergedInto: z
    .object({
      keepId: idSchema,
      before: z.record(z.string(), z.unknown()),
      after: z.record(z.string(), z.unknown()),
      commitments: z.array(z.object({ forumId: idSchema, id: idSchema }).loose()),
    })
    .loose()
    .nullable()
    .optional(),
});

export const workspaceDocumentSchema = z
  .object({
    schemaVersion: z.number().int().positive(),
    settings: settingsSchema,
    profile: delegationProfileSchema,
    forums: z.array(forumIndexEntrySchema),
    contacts: z.array(contactSchema),
  })
  .loose();

export type Settings = z.infer<typeof settingsSchema>;
export type DelegationProfile = z.infer<typeof delegationProfileSchema>;
export type DelegationMember = z.infer<typeof delegationMemberSchema>;
export type Letterhead = z.infer<typeof letterheadSchema>;
export type ForumIndexEntry = z.infer<typeof forumIndexEntrySchema>;
export type Contact = z.infer<typeof contactSchema>;
export type ContactFields = z.infer<typeof contactFieldsSchema>;
export type NameParts = z.infer<typeof namePartsSchema>;
export type PostalAddress = z.infer<typeof addressSchema>;
export type WorkspaceDocument = z.infer<typeof workspaceDocumentSchema>;
