import * as z from 'zod/mini';
import {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  CONSENT_SOURCES,
  PRIVACY_REQUEST_STATUSES,
  PRIVACY_REQUEST_TYPES,
} from '../rules/constants.js';
import { plainMultilineText, plainText } from './rules.js';

// LGPD (#18 §1–§2): consent kept as an append-only history of records, the versioned texts a
// person was shown, and the queue of data-subject requests (art. 18) with their legal deadline.

const datetime = () => z.iso.datetime({ offset: true });

export const ConsentChannelSchema = z.enum(CONSENT_CHANNELS);
export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES);
export const ConsentSourceSchema = z.enum(CONSENT_SOURCES);

/** Who wrote something: an API key (its short id) and the `X-Actor` name, or the shopper themself. */
export const PrivacyActorSchema = z.union([
  z.strictObject({ keyId: z.string(), name: z.optional(z.string()) }),
  z.strictObject({ customer: z.literal(true) }),
]);

/** One version of the consent text of a purpose, as the store wrote it in its settings. Never changed: an edit adds a version. */
export const ConsentTextSchema = z.strictObject({
  purpose: ConsentPurposeSchema,
  version: z.int().check(z.positive()),
  text: z.string(),
  createdAt: datetime(),
  createdBy: PrivacyActorSchema,
});

/** `PUT /settings/consent-texts/{purpose}`: the new text (a new version when it differs). */
export const ConsentTextWriteSchema = z.strictObject({
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(4000), plainMultilineText()),
});

/** The current text of each purpose (absent: none written yet). */
export const ConsentTextsSchema = z.strictObject({
  marketing: z.optional(ConsentTextSchema),
  transactional: z.optional(ConsentTextSchema),
});

/** What a person or document shows as proof of a consent given elsewhere. */
export const ConsentEvidenceSchema = z.strictObject({
  note: z.optional(z.string().check(z.trim(), z.maxLength(1000), plainMultilineText())),
  /** A reference to a file kept elsewhere (a scanned form's name or URL). */
  attachment: z.optional(z.string().check(z.trim(), z.maxLength(500), plainText())),
});

/**
 * One consent record: a channel and purpose given (`granted`) or revoked, when, through which
 * source, the text the person saw then (its version and words), who recorded it. Append-only:
 * the history is every record, the current state the newest per channel and purpose.
 */
export const ConsentRecordSchema = z.strictObject({
  id: z.string(),
  customerId: z.string(),
  channel: ConsentChannelSchema,
  purpose: ConsentPurposeSchema,
  granted: z.boolean(),
  /** When the person gave or revoked it (for one given elsewhere, when they did, as recorded). */
  at: datetime(),
  /** When it was written here. */
  recordedAt: datetime(),
  source: ConsentSourceSchema,
  /** The version of the purpose's text the person saw, and its words (none written yet: absent). */
  textVersion: z.optional(z.int()),
  text: z.optional(z.string()),
  recordedBy: PrivacyActorSchema,
  evidence: z.optional(ConsentEvidenceSchema),
});

/** `POST /customers/{id}/consents`: a consent given or revoked elsewhere, recorded by the store. */
export const ConsentRecordCreateSchema = z.strictObject({
  channel: ConsentChannelSchema,
  purpose: ConsentPurposeSchema,
  granted: z.boolean(),
  source: z.optional(ConsentSourceSchema),
  /** When the person gave it (default: now); never in the future. */
  at: z.optional(datetime()),
  /** The text version the person saw (default: the current one). */
  textVersion: z.optional(z.int().check(z.positive())),
  evidence: z.optional(ConsentEvidenceSchema),
});

/** What a shopper sends from the account area: the channels of a purpose they give or revoke. */
export const ConsentChoiceSchema = z.strictObject({
  purpose: ConsentPurposeSchema,
  channels: z.partialRecord(ConsentChannelSchema, z.boolean()),
  /** The text version the shopper was shown (default: the current one). */
  textVersion: z.optional(z.int().check(z.positive())),
});

/** The state of one channel and purpose: the newest record's. */
export const ConsentStateSchema = z.strictObject({
  granted: z.boolean(),
  at: datetime(),
  source: ConsentSourceSchema,
  textVersion: z.optional(z.int()),
});

/** Current consent per purpose and channel (`null`: never recorded, which counts as not given). */
export const CurrentConsentSchema = z.strictObject({
  marketing: z.record(ConsentChannelSchema, z.nullable(ConsentStateSchema)),
  transactional: z.record(ConsentChannelSchema, z.nullable(ConsentStateSchema)),
});

/** `GET /customers/{id}/consents`: the current state and the history, newest first. */
export const ConsentHistorySchema = z.strictObject({
  current: CurrentConsentSchema,
  items: z.array(ConsentRecordSchema),
});

// ---- data-subject requests (art. 18) ----

export const PrivacyRequestTypeSchema = z.enum(PRIVACY_REQUEST_TYPES);
export const PrivacyRequestStatusSchema = z.enum(PRIVACY_REQUEST_STATUSES);

export const PrivacyRequestSchema = z.strictObject({
  id: z.string(),
  customerId: z.string(),
  /** The customer's display name when the request was opened (kept after an anonymization as "Cliente anonimizado"). */
  customerName: z.string(),
  type: PrivacyRequestTypeSchema,
  status: PrivacyRequestStatusSchema,
  /** What the person asked for, in their words (a correction says what to correct). */
  details: z.optional(z.string()),
  openedAt: datetime(),
  openedBy: PrivacyActorSchema,
  /** The legal deadline: 15 days after it was opened (LGPD art. 19, II). */
  dueAt: datetime(),
  /** Who handled it last (started, completed or refused it), and when it was closed. */
  handledBy: z.optional(PrivacyActorSchema),
  closedAt: z.optional(datetime()),
  /** Why it was refused, or what was done. */
  resolution: z.optional(z.string()),
  updatedAt: datetime(),
  version: z.int().check(z.positive()),
});

/** `POST /privacy-requests` (secret key: on a customer's behalf). */
export const PrivacyRequestCreateSchema = z.strictObject({
  customerId: z.string().check(z.minLength(1)),
  type: PrivacyRequestTypeSchema,
  details: z.optional(z.string().check(z.trim(), z.maxLength(2000), plainMultilineText())),
});

/** `POST /public/me/privacy-requests`: the signed-in shopper's own request. */
export const PublicPrivacyRequestCreateSchema = z.strictObject({
  type: PrivacyRequestTypeSchema,
  details: z.optional(z.string().check(z.trim(), z.maxLength(2000), plainMultilineText())),
});

/** `PATCH /privacy-requests/{id}` (If-Match): start, complete or refuse; an erasure completes only through `/anonymize`. */
export const PrivacyRequestPatchSchema = z.strictObject({
  status: z.enum(['in_progress', 'completed', 'rejected']),
  resolution: z.optional(z.string().check(z.trim(), z.maxLength(2000), plainMultilineText())),
});

/** `POST /customers/{id}/anonymize`: the typed confirmation, and the request it answers. */
export const AnonymizeRequestSchema = z.strictObject({
  /** Must be the word `ANONIMIZAR` (any case): an irreversible action is typed, not clicked. */
  confirmation: z.string(),
  requestId: z.optional(z.string()),
});

export const PrivacyRequestListQuerySchema = z.strictObject({
  status: z.optional(PrivacyRequestStatusSchema),
  customerId: z.optional(z.string()),
  cursor: z.optional(z.string()),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
});

export const PrivacyRequestPageSchema = z.strictObject({
  items: z.array(PrivacyRequestSchema),
  nextCursor: z.nullable(z.string()),
});

/** Privacy settings: keep a one-way keyed hash of an anonymized customer's document, to refuse a fraudulent re-registration (off by default). */
export const PrivacySettingsSchema = z.strictObject({
  keepDocumentHash: z.boolean(),
});

export type ConsentChannel = z.infer<typeof ConsentChannelSchema>;
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;
export type ConsentSource = z.infer<typeof ConsentSourceSchema>;
export type PrivacyActor = z.infer<typeof PrivacyActorSchema>;
export type ConsentText = z.infer<typeof ConsentTextSchema>;
export type ConsentTexts = z.infer<typeof ConsentTextsSchema>;
export type ConsentEvidence = z.infer<typeof ConsentEvidenceSchema>;
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;
export type ConsentRecordCreate = z.infer<typeof ConsentRecordCreateSchema>;
export type ConsentChoice = z.infer<typeof ConsentChoiceSchema>;
export type ConsentState = z.infer<typeof ConsentStateSchema>;
export type CurrentConsent = z.infer<typeof CurrentConsentSchema>;
export type ConsentHistory = z.infer<typeof ConsentHistorySchema>;
export type PrivacyRequestType = z.infer<typeof PrivacyRequestTypeSchema>;
export type PrivacyRequestStatus = z.infer<typeof PrivacyRequestStatusSchema>;
export type PrivacyRequest = z.infer<typeof PrivacyRequestSchema>;
export type PrivacyRequestCreate = z.infer<typeof PrivacyRequestCreateSchema>;
export type PrivacyRequestPatch = z.infer<typeof PrivacyRequestPatchSchema>;
export type PrivacySettings = z.infer<typeof PrivacySettingsSchema>;
