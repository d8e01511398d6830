import type { Customer } from '@clientela/core';
import { sha256, type ServerContext } from '../context.js';
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
 * 410 `token_revoked`). Call inside a store transaction; returns the token and its expiry.
 */
export function issueInvitation(ctx: ServerContext, customer: Customer): { token: string; expiresAt: string } {
  const token = toBase64Url(randomBytes(24));
  const tokenHash = sha256(token);
  const expires = ctx.now().getTime() + INVITATION_TTL_MS;
  const expiresAt = new Date(expires).toISOString();
  const keepUntil = new Date(expires + KEEP_AFTER_EXPIRY_MS).toISOString();
  ctx.store.setMeta(`token:${tokenHash}`, { customerId: customer.id, expiresAt, used: false } satisfies TokenRecord, keepUntil);
  ctx.store.setMeta(invitationKey(customer.id), { tokenHash }, keepUntil);
  return { token, expiresAt };
}
