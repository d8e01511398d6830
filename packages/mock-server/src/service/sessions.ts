import type { Customer, Session } from '@clientela/core/schemas';
import { sha256, type ServerContext } from '../context.js';
import { HttpProblem } from '../http/problem.js';
import { customerDisplayName } from '@clientela/core/format';
import { randomBytes, toBase64Url } from '../util/bytes.js';

/** A shopper's session lasts this long from sign-in (absolute, not sliding). */
export const SESSION_TTL_MS = 12 * 3_600_000;

/** A session as stored, under `session:<sha256 of the token>`, expiring with the session. */
interface SessionRecord {
  customerId: string;
  expiresAt: string;
  issuedAt?: string;
}

/** Sessions of a customer issued before this time are void (password changed, account refused). */
function notBeforeKey(customerId: string): string {
  return `sessions-since:${customerId}`;
}

const keyOf = (token: string) => `session:${sha256(token)}`;

/** Opens a session for `customer`; only the token's hash is stored. Call inside a transaction when paired with other writes. */
export async function openSession(ctx: ServerContext, customer: Customer): Promise<Session> {
  const token = toBase64Url(randomBytes(24));
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await ctx.store.setMeta(keyOf(token), { customerId: customer.id, expiresAt, issuedAt: now.toISOString() } satisfies SessionRecord, expiresAt);
  return { token, customerId: customer.id, name: customerDisplayName(customer), expiresAt };
}

/**
 * The customer a session token belongs to. No token → 401 `session_required`; an unknown,
 * expired or voided one (or a customer who may no longer sign in) → 401 `session_expired`.
 * Every shopper route reads the customer from here and nowhere else, so no route can reach
 * another customer's data.
 */
export async function customerOfSession(ctx: ServerContext, token: string | undefined): Promise<Customer> {
  if (!token) throw new HttpProblem('session_required', 401);
  const now = ctx.now().toISOString();
  const rec = await ctx.store.getMeta<SessionRecord>(keyOf(token), now);
  if (!rec || rec.expiresAt <= now) throw new HttpProblem('session_expired', 401);
  const since = await ctx.store.getMeta<string>(notBeforeKey(rec.customerId));
  if (since && (rec.issuedAt ?? '') < since) throw new HttpProblem('session_expired', 401);
  const customer = await ctx.store.getCustomer(rec.customerId);
  if (!customer || (customer.status !== 'active' && customer.status !== 'inactive') || customer.account.status !== 'active') {
    throw new HttpProblem('session_expired', 401);
  }
  return customer;
}

/** Ends one session (signing out); an unknown token is already ended. */
export async function closeSession(ctx: ServerContext, token: string): Promise<void> {
  await ctx.store.deleteMeta(keyOf(token));
}

/** Voids every session of `customerId` issued before now (a new password, a refused account). */
export async function closeAllSessions(ctx: ServerContext, customerId: string): Promise<void> {
  await ctx.store.setMeta(notBeforeKey(customerId), ctx.now().toISOString());
}

/**
 * Keeps `token` open across {@link closeAllSessions}: its record is re-issued now, with its
 * expiry unchanged (a password change ends the other sessions, not the one that made it).
 */
export async function keepSession(ctx: ServerContext, token: string): Promise<void> {
  const rec = await ctx.store.getMeta<SessionRecord>(keyOf(token));
  if (rec) await ctx.store.setMeta(keyOf(token), { ...rec, issuedAt: ctx.now().toISOString() } satisfies SessionRecord, rec.expiresAt);
}
