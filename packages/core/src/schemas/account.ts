import * as z from 'zod/mini';
import { CustomerPatchSchema } from './customer-write.js';
import { PasswordSchema } from './password.js';
import { ProblemFieldErrorSchema } from './problem.js';

// The shopper's side of an account: checking a new password, reading an invitation, and the
// signed-in routes under /public/me (the shopper's own record, nobody else's).

/** `POST /public/password-checks`: is this password acceptable as a new one? */
export const PasswordCheckSchema = z.strictObject({ password: z.string().check(z.maxLength(1000)) });

/** Answer of a password check: `errors` carries the localized reasons (empty when acceptable). */
export const PasswordCheckResultSchema = z.strictObject({
  acceptable: z.boolean(),
  errors: z.array(ProblemFieldErrorSchema),
});

/** `GET /public/invitations/:token`: what the set-password view may show before it is used. */
export const InvitationInfoSchema = z.strictObject({
  /** The e-mail the invitation was made for (the customer's), when the record has one. */
  email: z.optional(z.string()),
  expiresAt: z.iso.datetime({ offset: true }),
});

/**
 * `PATCH /public/me`: what a signed-in shopper may change on their own record; the same field
 * rules as registration. Document, kind, status, categories, discount and notes stay with the store.
 */
export const ProfilePatchSchema = z.extend(z.pick(CustomerPatchSchema, {
  email: true,
  phone: true,
  whatsapp: true,
  address: true,
  marketingConsent: true,
  firstName: true,
  lastName: true,
  birthDate: true,
  legalName: true,
  tradeName: true,
  stateRegistration: true,
  municipalRegistration: true,
}), {
  /** The version of the marketing consent text the account area showed (LGPD #18; default: the current one). */
  consentTextVersion: z.optional(z.int().check(z.positive())),
});

/** `PUT /public/me/password`: the current password and the new one. */
export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().check(z.minLength(1)),
  password: PasswordSchema,
});

/**
 * Who may register on the storefront: anyone (`open`, the open catalog), anyone but only after the
 * store approves (`approval`, a private catalog with a request queue), or nobody (`off`, a private
 * catalog whose customers the store registers itself).
 */
export const SELF_REGISTRATION = ['open', 'approval', 'off'] as const;

/** `GET/PUT /settings/catalog` and `GET /public/settings/catalog`. */
export const CatalogSettingsSchema = z.strictObject({ selfRegistration: z.enum(SELF_REGISTRATION) });

/** A self-registration waiting for (or given) the store's decision, in a private catalog. */
export const RegistrationRequestSchema = z.strictObject({
  customerId: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
  kind: z.enum(['person', 'company']),
  requestedAt: z.iso.datetime({ offset: true }),
  status: z.enum(['pending', 'approved', 'refused']),
  decidedAt: z.optional(z.iso.datetime({ offset: true })),
});

export const RegistrationRequestListSchema = z.strictObject({ items: z.array(RegistrationRequestSchema) });

/** `POST /registration-requests/:customerId/decision`. */
export const RegistrationDecisionSchema = z.strictObject({ decision: z.enum(['approve', 'refuse']) });

export type CatalogSettings = z.infer<typeof CatalogSettingsSchema>;
export type SelfRegistration = (typeof SELF_REGISTRATION)[number];
export type RegistrationRequest = z.infer<typeof RegistrationRequestSchema>;
export type PasswordCheckResult = z.infer<typeof PasswordCheckResultSchema>;
export type InvitationInfo = z.infer<typeof InvitationInfoSchema>;
export type ProfilePatch = z.input<typeof ProfilePatchSchema>;
export type PasswordChange = z.input<typeof PasswordChangeSchema>;
