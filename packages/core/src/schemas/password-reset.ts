import * as z from 'zod/mini';

// Account recovery (`POST /v1/public/password-resets`): "Esqueci minha senha" sends a single-use,
// expiring link to the account's e-mail — also "primeiro acesso" for a customer migrated without
// a password. The answer is the same whether or not the e-mail has an account.

/** `POST /public/password-resets`: the e-mail the shopper typed. */
export const PasswordResetRequestSchema = z.strictObject({
  email: z.string().check(z.trim(), z.minLength(3), z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/)),
});

/** The one answer to every accepted request, whether or not an account holds the e-mail. */
export const PasswordResetAcceptedSchema = z.strictObject({
  accepted: z.literal(true),
});

/**
 * `GET/PUT /settings/account-links`: the page that opens access links (the storefront's account
 * page). The server sends links only there — never to an address a request names — adding
 * `token` and `purpose` (`reset`, `first-access`) to its query. `null`: no link can be sent.
 */
export const AccountLinkSettingsSchema = z.strictObject({
  accountUrl: z.nullable(z.string().check(z.trim(), z.maxLength(500), z.regex(/^https?:\/\/[^\s#]+$/))),
});

// The link's lifetime is a zod-free constant in rules/constants.ts (the account element says it
// without the schemas); re-exported here under its name.
export { PASSWORD_RESET_TTL_MINUTES } from '../rules/constants.js';

export type PasswordResetRequest = z.input<typeof PasswordResetRequestSchema>;
export type PasswordResetAccepted = z.infer<typeof PasswordResetAcceptedSchema>;
export type AccountLinkSettings = z.infer<typeof AccountLinkSettingsSchema>;
