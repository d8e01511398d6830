import type { Context } from 'hono';
import type { Locale } from '@clientela/core/i18n';
import { customerDisplayName, normalizeDocument } from '@clientela/core/format';
import type { Customer } from '@clientela/core/schemas';
import { audit, sha256, type ServerContext } from '../context.js';
import type { AppEnv } from '../openapi/define-route.js';
import { auditConsent, recordWrite, SHOPPER } from './consent.js';
import { changedFields } from './customers.js';
import { emit } from './events.js';
import { credentialKey, loginEmail } from './accounts.js';
import { accountLinkSettings, queueAccessLink, recoveryTarget, type AccessPurpose } from './password-resets.js';

// Guest to registered (#18 §3): a storefront registration whose document or e-mail the store
// already holds (a customer a seller registered, one from the point of sale or an import, a guest
// who registered without a password) creates nothing and is not refused: it answers 202 "check
// your e-mail to finish", and after the answer a link goes to the e-mail the store has on file —
// `claim` for a record without a password (using it sets the password, keeps the record and
// applies the registration's consent), `registered` for an account (sign in, or set a new
// password). Nothing goes out for a record without an e-mail, a blocked one or one waiting for
// the store's approval; the answer is the same in every case, so it tells an anonymous caller
// nothing about the record.

const HOUR = 3_600_000;
/** Links a registration may send in an hour, per e-mail on file and per document: more are not sent (the answer stays the same). */
export const CLAIM_LIMITS = { perEmail: 3, perDocument: 3, windowMs: HOUR } as const;

/** The registration that asked for a claim link: what it brings to the record when the link is used. */
export interface RegistrationAttempt {
  document: string;
  email?: string | undefined;
  /** The marketing consent the shopper gave on the form (only grants are applied). */
  marketingConsent?: { email?: boolean | undefined; sms?: boolean | undefined; whatsapp?: boolean | undefined } | undefined;
  /** The version of the consent text the form showed. */
  consentTextVersion?: number | undefined;
}

/** What a claim link carries besides its token, stored under {@link claimKey} until the token expires. */
export interface ClaimRecord {
  marketingConsent: { email: boolean; sms: boolean; whatsapp: boolean };
  consentTextVersion?: number;
  /** When the shopper registered (the consent's time). */
  registeredAt: string;
}

/** Where a claim link's registration data is kept: `claim:<sha256 of the token>`. */
export function claimKey(tokenHash: string): string {
  return `claim:${tokenHash}`;
}

/**
 * Whether a registration with this document or e-mail meets a customer the store already holds
 * (not deleted): then nothing is created and the registration answers 202.
 */
export async function heldAlready(ctx: ServerContext, document: string, email: string | undefined): Promise<boolean> {
  if (await ctx.store.findByDocument(normalizeDocument(document))) return true;
  return email ? (await ctx.store.findByEmail(loginEmail(email))).length > 0 : false;
}

/** What a held record gets: a claim link, an "already registered" link, or nothing. */
async function purposeFor(ctx: ServerContext, c: Customer): Promise<Extract<AccessPurpose, 'claim' | 'registered'> | undefined> {
  if (c.status !== 'active' && c.status !== 'inactive') return undefined; // blocked, merged, deleted
  if (c.anonymizedAt) return undefined;
  if (await ctx.store.getMeta<string>(credentialKey(c.id))) return c.account.status === 'active' ? 'registered' : undefined;
  // Waiting for (or refused by) the store's approval: the store decides, not a link.
  return c.account.status === 'none' || c.account.status === 'invited' ? 'claim' : undefined;
}

/**
 * The record a registration meets and what it gets: the holder of the document first (a merged
 * record answers for the customer it went to), else the holder of the e-mail when exactly one
 * customer could take it (as "Esqueci minha senha" decides).
 */
export async function claimTarget(ctx: ServerContext, attempt: RegistrationAttempt): Promise<{ customer: Customer; purpose: 'claim' | 'registered' } | undefined> {
  let holder = await ctx.store.findByDocument(normalizeDocument(attempt.document));
  if (holder?.status === 'merged' && holder.mergedInto) holder = await ctx.store.getCustomer(holder.mergedInto);
  if (holder) {
    const purpose = await purposeFor(ctx, holder);
    return purpose ? { customer: holder, purpose } : undefined;
  }
  if (!attempt.email) return undefined;
  const target = await recoveryTarget(ctx, attempt.email);
  return target ? { customer: target.customer, purpose: target.purpose === 'reset' ? 'registered' : 'claim' } : undefined;
}

/**
 * Counts one link against the hourly limits of the e-mail on file and of the document; whether it
 * may go. Kept in the store, so every process shares the counts.
 */
async function takeClaimAllowance(ctx: ServerContext, email: string, document: string): Promise<boolean> {
  const now = ctx.now();
  const end = new Date(now.getTime() + CLAIM_LIMITS.windowMs).toISOString();
  const byEmail = await ctx.store.countHit(`claim-email:${sha256(loginEmail(email))}`, now.toISOString(), end);
  const byDocument = await ctx.store.countHit(`claim-doc:${sha256(normalizeDocument(document))}`, now.toISOString(), end);
  return byEmail.count <= CLAIM_LIMITS.perEmail && byDocument.count <= CLAIM_LIMITS.perDocument;
}

/**
 * After a registration answered 202: sends the link its data calls for, if any (see the file's
 * note), within the limits. A newer link voids the customer's older links and invitations.
 * Returns whether a message was queued.
 */
export async function sendClaimLink(ctx: ServerContext, attempt: RegistrationAttempt, locale: Locale): Promise<boolean> {
  const { accountUrl } = await accountLinkSettings(ctx);
  if (!accountUrl) return false;
  const target = await claimTarget(ctx, attempt);
  if (!target?.customer.email) return false;
  if (!(await takeClaimAllowance(ctx, target.customer.email, target.customer.document ?? attempt.document))) return false;
  const at = ctx.now().toISOString();
  const consent = attempt.marketingConsent ?? {};
  const record: ClaimRecord = {
    marketingConsent: { email: consent.email === true, sms: consent.sms === true, whatsapp: consent.whatsapp === true },
    ...(attempt.consentTextVersion !== undefined ? { consentTextVersion: attempt.consentTextVersion } : {}),
    registeredAt: at,
  };
  return queueAccessLink(ctx, target.customer.id, target.purpose, locale, accountUrl, async (t, tokenHash, expiresAt) => {
    if (target.purpose !== 'claim') return;
    // Kept as long as the token's own record, so a late use still finds what to apply.
    await t.store.setMeta(claimKey(tokenHash), record, new Date(Date.parse(expiresAt) + 30 * 86_400_000).toISOString());
  });
}

/**
 * The record as a used claim link leaves it: the account active, and the consent the
 * registration gave added (a channel the shopper did not tick keeps what the store had recorded:
 * revoking is done in the account area, with its own record).
 */
export function claimedRecord(t: ServerContext, customer: Customer, claim: ClaimRecord): Customer {
  const now = t.now().toISOString();
  const m = customer.marketingConsent;
  const g = claim.marketingConsent;
  const consent = { email: m.email || g.email, sms: m.sms || g.sms, whatsapp: m.whatsapp || g.whatsapp };
  const changed = consent.email !== m.email || consent.sms !== m.sms || consent.whatsapp !== m.whatsapp;
  return {
    ...customer,
    account: { status: 'active' },
    marketingConsent: changed ? { ...consent, updatedAt: now } : m,
    updatedAt: now,
    version: customer.version + 1,
  };
}

/**
 * What a used claim link tells, in its transaction: the consent records (source storefront, by
 * the shopper, at the registration's time and text), `customer.updated` with `account` (and the
 * consent fields), `consent.updated` when it changed, and in the data log `consent.record` per
 * consent recorded and `customer.claim`.
 */
export async function claimWritten(t: ServerContext, c: Context<AppEnv>, before: Customer, after: Customer, claim: ClaimRecord): Promise<void> {
  const records = await recordWrite(t, before, after, {
    source: 'storefront',
    recordedBy: SHOPPER,
    at: claim.registeredAt,
    ...(claim.consentTextVersion !== undefined ? { textVersion: { marketing: claim.consentTextVersion } } : {}),
  });
  // Each consent the claim recorded is in the data log, as a registration's is (LGPD art. 37).
  await auditConsent(t, c, after, records);
  await emit(t, 'customer.updated', { customer: after, changedFields: [...changedFields(before, after), 'account'] });
  const a = before.marketingConsent;
  const b = after.marketingConsent;
  if (a.email !== b.email || a.sms !== b.sms || a.whatsapp !== b.whatsapp) await emit(t, 'consent.updated', { customerId: after.id, marketingConsent: b });
  await audit(t, c, { action: 'customer.claim', target: after.id, targetName: customerDisplayName(after), source: 'storefront', count: 1 });
}
