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
export const ProfilePatchSchema = z.pick(CustomerPatchSchema, {
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
});

/** `PUT /public/me/password`: the current password and the new one. */
export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().check(z.minLength(1)),
  password: PasswordSchema,
});

export type PasswordCheckResult = z.infer<typeof PasswordCheckResultSchema>;
export type InvitationInfo = z.infer<typeof InvitationInfoSchema>;
export type ProfilePatch = z.input<typeof ProfilePatchSchema>;
export type PasswordChange = z.input<typeof PasswordChangeSchema>;
