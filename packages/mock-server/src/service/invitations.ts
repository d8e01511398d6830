import type { Locale } from '@clientela/core/i18n';
import type { Customer } from '@clientela/core/schemas';
import { sha256, type ServerContext } from '../context.js';
import { fail422, fieldIssue, HttpProblem } from '../http/problem.js';
import { randomBytes, toBase64Url } from '../util/bytes.js';

export const INVITATION_TTL_MS = 7 * 86_400_000;
/** A used or expired token is kept this long after its expiry, to answer 410 rather than 422. */
const KEEP_AFTER_EXPIRY_MS = 30 * 86_400_000;

/** An invitation token as stored, under `token:<sha256 of the token>`. */
export interface TokenRecord {
  customerId: string;
  expiresAt: string;
  used: boolean;
}

/** The customer's newest invitation (`{ tokenHash }`): issuing one revokes every older one. */
export function invitationKey(customerId: string): string {
  return `invite:${customerId}`;
}

/**
 * Mints a single-use token for `customer` and makes it the only valid one (older tokens answer
 * 410 `token_revoked`), valid for `ttlMs` (an invitation a week, a recovery link an hour). Call
 * inside a store transaction; returns the token and its expiry.
 */
export async function issueInvitation(ctx: ServerContext, customer: Customer, ttlMs = INVITATION_TTL_MS): Promise<{ token: string; expiresAt: string }> {
  const token = toBase64Url(randomBytes(24));
  const tokenHash = sha256(token);
  const expires = ctx.now().getTime() + ttlMs;
  const expiresAt = new Date(expires).toISOString();
  const keepUntil = new Date(expires + KEEP_AFTER_EXPIRY_MS).toISOString();
  await ctx.store.setMeta(`token:${tokenHash}`, { customerId: customer.id, expiresAt, used: false } satisfies TokenRecord, keepUntil);
  await ctx.store.setMeta(invitationKey(customer.id), { tokenHash }, keepUntil);
  return { token, expiresAt };
}

/**
 * The stored record of an invitation token that can still be used. Unknown → 422
 * `token_invalid`; used, expired or replaced by a newer invitation → 410 `token_used`,
 * `token_expired` or `token_revoked`. Only the newest invitation of a customer is valid (tokens
 * from before that rule have no pointer).
 */
export async function usableInvitation(ctx: ServerContext, token: string, locale: Locale): Promise<TokenRecord> {
  const tokenHash = sha256(token);
  const rec = await ctx.store.getMeta<TokenRecord>(`token:${tokenHash}`);
  if (!rec) fail422([fieldIssue('token', 'token_invalid', locale)]);
  const gone = (code: 'token_used' | 'token_expired' | 'token_revoked') => new HttpProblem('token_gone', 410, { errors: [fieldIssue('token', code, locale)] });
  if (rec.used) throw gone('token_used');
  if (rec.expiresAt <= ctx.now().toISOString()) throw gone('token_expired');
  const latest = await ctx.store.getMeta<{ tokenHash: string }>(invitationKey(rec.customerId));
  if ((latest?.tokenHash ?? tokenHash) !== tokenHash) throw gone('token_revoked');
  return rec;
}
