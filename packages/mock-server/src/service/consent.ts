import type { Context } from 'hono';
import type { Locale } from '@clientela/core/i18n';
import {
  CONSENT_PURPOSES,
  marketingConsentOf,
  type ConsentChannel,
  type ConsentEvidence,
  type ConsentPurpose,
  type ConsentRecord,
  type ConsentSource,
  type ConsentText,
  type ConsentTexts,
  type Customer,
  type PrivacyActor,
} from '@clientela/core/schemas';
import { customerDisplayName } from '@clientela/core/format';
import { audit, newId, type ServerContext } from '../context.js';
import { fail422, fieldIssue } from '../http/problem.js';
import type { AppEnv } from '../openapi/define-route.js';

// LGPD consent (#18 §1): every change of a customer's consent is a record appended in the same
// transaction as the change, and the customer's `marketingConsent` is derived from the records
// (`marketingConsentOf`), so the state filters, the table, exports and messages read never
// drifts from the history.

/** Where, by whom and against which text a consent change was made. */
export interface ConsentProvenance {
  source: ConsentSource;
  recordedBy: PrivacyActor;
  /** The version of each purpose's text the person saw (default: the current one). */
  textVersion?: Partial<Record<ConsentPurpose, number>> | undefined;
  /** When the person gave it, if not now (a consent given elsewhere). */
  at?: string | undefined;
  evidence?: ConsentEvidence | undefined;
}

/** The request's actor as a consent record names it: the API key's short id and the `X-Actor` name. */
export function actorOf(c: Context<AppEnv>): PrivacyActor {
  const name = c.get('actorName');
  return { keyId: c.get('keyId'), ...(name ? { name } : {}) };
}

/** The shopper acting on their own record (storefront form, account area). */
export const SHOPPER: PrivacyActor = { customer: true };

/**
 * The consent source of a customer written through the admin API: `admin` when a person named
 * themself (`X-Actor`, as the admin panel does), else `api`.
 */
export function adminSource(c: Context<AppEnv>): ConsentSource {
  return c.get('actorName') ? 'admin' : 'api';
}

/** A customer's origin as a consent source (a seller's app and another online store count as the API). */
export function consentSourceOf(source: Customer['source']): ConsentSource {
  return source === 'storefront' || source === 'admin' || source === 'import' || source === 'pos' ? source : 'api';
}

const textsKey = (purpose: ConsentPurpose) => `consent-texts:${purpose}`;

/** Every version of a purpose's text, oldest first. */
export async function consentTextVersions(ctx: ServerContext, purpose: ConsentPurpose): Promise<ConsentText[]> {
  return (await ctx.store.getMeta<ConsentText[]>(textsKey(purpose))) ?? [];
}

/** The current text of each purpose. */
export async function currentConsentTexts(ctx: ServerContext): Promise<ConsentTexts> {
  const out: ConsentTexts = {};
  for (const purpose of CONSENT_PURPOSES) {
    const last = (await consentTextVersions(ctx, purpose)).at(-1);
    if (last) out[purpose] = last;
  }
  return out;
}

/**
 * Writes a new version of a purpose's text (in the caller's transaction); the same words as the
 * current version write nothing. Versions are never changed, so a record's `textVersion` always
 * names the words the person saw.
 */
export async function writeConsentText(t: ServerContext, purpose: ConsentPurpose, text: string, by: PrivacyActor): Promise<{ text: ConsentText; created: boolean }> {
  const versions = await consentTextVersions(t, purpose);
  const last = versions.at(-1);
  if (last && last.text === text) return { text: last, created: false };
  const next: ConsentText = { purpose, version: (last?.version ?? 0) + 1, text, createdAt: t.now().toISOString(), createdBy: by };
  await t.store.setMeta(textsKey(purpose), [...versions, next]);
  return { text: next, created: true };
}

/** The text version a write names (422 `unknown_text_version` at `path` when none has it), or the current one. */
export async function resolveTextVersion(ctx: ServerContext, purpose: ConsentPurpose, version: number | undefined, locale: Locale, path: string): Promise<ConsentText | undefined> {
  const versions = await consentTextVersions(ctx, purpose);
  if (version === undefined) return versions.at(-1);
  const found = versions.find((v) => v.version === version);
  if (!found) fail422([fieldIssue(path, 'unknown_text_version', locale)]);
  return found;
}

/** One change of one channel and purpose. */
export interface ConsentChange {
  channel: ConsentChannel;
  purpose: ConsentPurpose;
  granted: boolean;
}

/** The records of `changes`, each with the text version the person saw and its words. */
export async function buildRecords(t: ServerContext, customerId: string, changes: readonly ConsentChange[], p: ConsentProvenance): Promise<ConsentRecord[]> {
  const now = t.now().toISOString();
  const out: ConsentRecord[] = [];
  for (const ch of changes) {
    const versions = await consentTextVersions(t, ch.purpose);
    const wanted = p.textVersion?.[ch.purpose];
    const text = wanted !== undefined ? versions.find((v) => v.version === wanted) : versions.at(-1);
    out.push({
      id: newId('cns'),
      customerId,
      channel: ch.channel,
      purpose: ch.purpose,
      granted: ch.granted,
      at: p.at ?? now,
      recordedAt: now,
      source: p.source,
      ...(text ? { textVersion: text.version, text: text.text } : {}),
      recordedBy: p.recordedBy,
      ...(p.evidence && (p.evidence.note || p.evidence.attachment) ? { evidence: p.evidence } : {}),
    });
  }
  return out;
}

const MARKETING_CHANNELS = ['email', 'sms', 'whatsapp'] as const;

/**
 * The marketing changes between two versions of a customer (a create: the channels given, since
 * a consent is an act and "not given" is the state without one).
 */
export function marketingChanges(before: Customer | undefined, after: Customer): ConsentChange[] {
  return MARKETING_CHANNELS.filter((ch) => (before ? before.marketingConsent[ch] !== after.marketingConsent[ch] : after.marketingConsent[ch])).map((ch) => ({
    channel: ch,
    purpose: 'marketing' as const,
    granted: after.marketingConsent[ch],
  }));
}

/**
 * Appends the consent records of a customer write (called by `customerWritten`, in its
 * transaction). Without a provenance the write's origin says where it came from and the key is
 * unknown (`system`): every route that lets a person change consent passes one.
 */
export async function recordWrite(t: ServerContext, before: Customer | undefined, after: Customer, p: ConsentProvenance | undefined): Promise<ConsentRecord[]> {
  const changes = marketingChanges(before, after);
  if (!changes.length) return [];
  const provenance = p ?? { source: before ? 'api' : consentSourceOf(after.source), recordedBy: { keyId: 'system' } };
  const records = await buildRecords(t, after.id, changes, provenance);
  await t.store.appendConsentRecords(records);
  return records;
}

/**
 * Writes one data-log entry (`consent.record`) per consent record a person's act appended, in the
 * act's transaction (LGPD art. 37: the store keeps a record of what it does with the data). A
 * spreadsheet import is audited as the one import instead, so its rows do not flood the log.
 */
export async function auditConsent(t: ServerContext, c: Context<AppEnv>, customer: Customer, records: readonly ConsentRecord[]): Promise<void> {
  for (const r of records) {
    await audit(t, c, {
      action: 'consent.record',
      target: customer.id,
      targetName: customerDisplayName(customer),
      channel: r.channel,
      detail: r.purpose,
      toStatus: r.granted ? 'granted' : 'revoked',
      source: r.source,
      count: 1,
    });
  }
}

/**
 * Appends records for changes made through the consent routes (any channel and purpose) and
 * derives the customer's `marketingConsent` from them; returns the customer as it must now be
 * stored (the same object when its marketing state did not change). Only the channels the
 * records name are derived: a customer whose state predates the history (seeded, or written by
 * an older server) keeps the rest.
 */
export async function appendAndDerive(t: ServerContext, customer: Customer, records: readonly ConsentRecord[]): Promise<Customer> {
  await t.store.appendConsentRecords(records);
  const touched = new Set(records.filter((r) => r.purpose === 'marketing').map((r) => r.channel));
  const derived = marketingConsentOf(await t.store.listConsentRecords(customer.id));
  const m = customer.marketingConsent;
  const next = {
    email: touched.has('email') ? derived.email : m.email,
    sms: touched.has('sms') ? derived.sms : m.sms,
    whatsapp: touched.has('whatsapp') ? derived.whatsapp : m.whatsapp,
  };
  if (next.email === m.email && next.sms === m.sms && next.whatsapp === m.whatsapp) return customer;
  return {
    ...customer,
    marketingConsent: { ...next, updatedAt: t.now().toISOString() },
    updatedAt: t.now().toISOString(),
    version: customer.version + 1,
  };
}
