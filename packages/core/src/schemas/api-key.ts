import * as z from 'zod/mini';
import { plainText } from './rules.js';

// Managed API keys (`/v1/api-keys`). A key is shown in full once, in the answer that creates it
// (create, or rotate for its successor); the server keeps only a hash, so a listing can show no
// more than the kind prefix and the last four characters.

const datetime = () => z.iso.datetime({ offset: true });

export const API_KEY_KINDS = ['publishable', 'secret'] as const;
export const ApiKeyKindSchema = z.enum(API_KEY_KINDS);

/**
 * `active`: it authenticates; `expiring`: it was rotated and still authenticates until
 * `expiresAt`; `expired` and `revoked`: it no longer does (kept in the list for the history).
 */
export const API_KEY_STATUSES = ['active', 'expiring', 'expired', 'revoked'] as const;
export const ApiKeyStatusSchema = z.enum(API_KEY_STATUSES);

/** How long a rotated key keeps working beside its successor, by default and at most (hours). */
export const API_KEY_OVERLAP_HOURS = { default: 24, max: 168 } as const;

const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(60), plainText());

/** A key as listed: never the key itself. */
export const ApiKeySchema = z.strictObject({
  /** `ak_…`, the key's record (not the key). */
  id: z.string(),
  name: z.string(),
  kind: ApiKeyKindSchema,
  /** A secret key that may only read (every write answers 403 `read_only_key`). Always false for a publishable key. */
  readOnly: z.boolean(),
  /** The key's first characters, the same for every key of a kind (`sk_live_`, `pk_live_`). */
  prefix: z.string(),
  /** The key's last four characters: with `prefix`, how a person tells keys apart (`sk_live_…a1B2`). */
  last4: z.string(),
  status: ApiKeyStatusSchema,
  createdAt: datetime(),
  /** Who created it: the key's label (`sk_live_…a1B2`) and the `X-Actor` name. */
  createdBy: z.strictObject({ keyId: z.string(), name: z.optional(z.string()) }),
  /** When it last authenticated a request, to the minute (null: never). */
  lastUsedAt: z.nullable(datetime()),
  /** When it stops working (null: never); set by a rotation's overlap or at create. */
  expiresAt: z.nullable(datetime()),
  revokedAt: z.nullable(datetime()),
  /** The key this one was rotated from / to. */
  rotatedFrom: z.nullable(z.string()),
  rotatedTo: z.nullable(z.string()),
  version: z.int().check(z.positive()),
});

/** The answer of create (and the successor in a rotation's answer): the record and the key, shown only this once. */
export const ApiKeyWithSecretSchema = z.extend(ApiKeySchema, {
  /** The full key (`sk_live_…`): send it as `Authorization: Bearer …`. Never shown again. */
  key: z.string(),
});

/** `POST /api-keys`. `readOnly` only for a secret key; `expiresAt`, when given, in the future. */
export const ApiKeyCreateSchema = z
  .strictObject({
    name,
    kind: ApiKeyKindSchema,
    readOnly: z.optional(z.boolean()),
    expiresAt: z.optional(datetime()),
  })
  .check(
    z.refine((v) => !(v.kind === 'publishable' && v.readOnly === true), {
      path: ['readOnly'],
      params: { code: 'read_only_publishable' },
      message: 'read_only_publishable',
    }),
  );

/** `POST /api-keys/:id/rotate`: how long the old key keeps working (hours, 0 to 168, default 24). */
export const ApiKeyRotateSchema = z.strictObject({
  overlapHours: z.optional(z.number().check(z.int(), z.gte(0), z.lte(API_KEY_OVERLAP_HOURS.max))),
});

/** A rotation's answer: the successor with its key (shown once), and the old key with the `expiresAt` it now has. */
export const ApiKeyRotationSchema = z.strictObject({
  successor: ApiKeyWithSecretSchema,
  previous: ApiKeySchema,
});

export const ApiKeyListSchema = z.strictObject({ items: z.array(ApiKeySchema) });

export type ApiKey = z.infer<typeof ApiKeySchema>;
export type ApiKeyKind = z.infer<typeof ApiKeyKindSchema>;
export type ApiKeyStatus = z.infer<typeof ApiKeyStatusSchema>;
export type ApiKeyWithSecret = z.infer<typeof ApiKeyWithSecretSchema>;
export type ApiKeyCreate = z.input<typeof ApiKeyCreateSchema>;
export type ApiKeyRotate = z.input<typeof ApiKeyRotateSchema>;
export type ApiKeyRotation = z.infer<typeof ApiKeyRotationSchema>;
