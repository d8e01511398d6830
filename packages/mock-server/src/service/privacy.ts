import { csvRow, customerDisplayName } from '@clientela/core/format';
import { ANONYMIZED_NAME } from '@clientela/core/i18n';
import {
  privacyDueAt,
  type ConsentRecord,
  type Customer,
  type PrivacyActor,
  type PrivacyRequest,
  type PrivacyRequestType,
  type PrivacySettings,
} from '@clientela/core/schemas';
import { newId, type ServerContext } from '../context.js';
import { hmacSha256Hex, randomBytes, toBase64Url } from '../util/bytes.js';
import { credentialKey, loginEmail } from './accounts.js';
import { eraseFromAuditLog } from './audit-erasure.js';
import { buildRecords } from './consent.js';
import { closeAllSessions } from './sessions.js';

// Data-subject requests (LGPD art. 18, #18 §2): the queue, the archive of everything held about
// one person, and erasure as anonymization.

const SETTINGS_KEY = 'settings:privacy';
const HASH_KEY = 'privacy:document-hash-key';
const hashedDocumentKey = (hash: string) => `privacy:anonymized-document:${hash}`;

export async function privacySettingsOf(ctx: ServerContext): Promise<PrivacySettings> {
  return (await ctx.store.getMeta<PrivacySettings>(SETTINGS_KEY)) ?? { keepDocumentHash: false };
}

export async function writePrivacySettings(ctx: ServerContext, settings: PrivacySettings): Promise<void> {
  await ctx.store.setMeta(SETTINGS_KEY, settings);
}

/**
 * The one-way keyed hash of a document (HMAC-SHA-256 under a random key kept by the store, made
 * on first use): the same document gives the same hash, and the hash alone gives back no document.
 */
async function documentHash(ctx: ServerContext, document: string): Promise<string> {
  let key = await ctx.store.getMeta<string>(HASH_KEY);
  if (!key) {
    const fresh = toBase64Url(randomBytes(32));
    await ctx.store.claimMeta(HASH_KEY, fresh, ctx.now().toISOString());
    key = (await ctx.store.getMeta<string>(HASH_KEY))!;
  }
  return hmacSha256Hex(key, document);
}

/** Whether a document was kept (as its hash) when its customer was anonymized, with the setting on. */
export async function isAnonymizedDocument(ctx: ServerContext, document: string): Promise<boolean> {
  if (!(await ctx.store.getMeta<string>(HASH_KEY))) return false;
  return (await ctx.store.getMeta(hashedDocumentKey(await documentHash(ctx, document)))) !== undefined;
}

/** A new request in the queue, due 15 days after it was opened. */
export function newRequest(t: ServerContext, customer: Customer, type: PrivacyRequestType, openedBy: PrivacyActor, details?: string): PrivacyRequest {
  const now = t.now().toISOString();
  return {
    id: newId('prq'),
    customerId: customer.id,
    customerName: customerDisplayName(customer),
    type,
    status: 'open',
    ...(details ? { details } : {}),
    openedAt: now,
    openedBy,
    dueAt: privacyDueAt(now),
    updatedAt: now,
    version: 1,
  };
}

/**
 * Anonymizes a customer in `t`'s transaction: every personal field replaced or removed for good,
 * orders, credits and figures kept (LGPD art. 16), the document removed (kept as a keyed hash
 * only when the store chose so), consent revoked on every channel it was given, sign-in and
 * sessions ended, the outbox rows' names, addresses and words replaced, the customer's requests
 * renamed, and the data log's entries about them left naming the record by id only. Returns the anonymized record (not yet stored: the caller writes it over `current`).
 */
export async function anonymize(t: ServerContext, current: Customer, by: PrivacyActor): Promise<{ next: Customer; revocations: ConsentRecord[] }> {
  const now = t.now().toISOString();
  const name = ANONYMIZED_NAME['pt-BR'];
  if ((await privacySettingsOf(t)).keepDocumentHash && current.document) {
    await t.store.setMeta(hashedDocumentKey(await documentHash(t, current.document)), { at: now });
  }
  // What stays: the id, kind, categories, origin, stats, and the dates that make figures true.
  const kept = {
    id: current.id,
    kind: current.kind,
    status: 'deleted' as const,
    whatsapp: false,
    document: '',
    categoryIds: current.categoryIds,
    marketingConsent: { email: false, sms: false, whatsapp: false, updatedAt: now },
    source: current.source,
    sources: current.sources ?? [current.source],
    externalIds: {},
    account: { status: 'none' as const },
    stats: current.stats,
    anonymizedAt: now,
    createdAt: current.createdAt,
    updatedAt: now,
    version: current.version + 1,
  };
  const next: Customer =
    current.kind === 'person' ? { ...kept, kind: 'person', firstName: 'Cliente', lastName: 'anonimizado' } : { ...kept, kind: 'company', legalName: name };
  // Consent given is revoked in the history (the history itself stays: it proves what was done).
  const records = await t.store.listConsentRecords(current.id);
  const given = new Map<string, ConsentRecord>();
  for (const r of records) given.set(`${r.purpose}:${r.channel}`, r);
  const changes = [...given.values()].filter((r) => r.granted).map((r) => ({ channel: r.channel, purpose: r.purpose, granted: false }));
  for (const ch of ['email', 'sms', 'whatsapp'] as const) {
    if (current.marketingConsent[ch] && !given.has(`marketing:${ch}`)) changes.push({ channel: ch, purpose: 'marketing', granted: false });
  }
  const revocations = await buildRecords(t, current.id, changes, { source: 'admin', recordedBy: by });
  await t.store.appendConsentRecords(revocations);
  // Sign-in: the password, the e-mail's binding and every session go.
  await t.store.deleteMeta(credentialKey(current.id));
  if (current.email) await t.store.deleteMeta(`login:${loginEmail(current.email)}`);
  await closeAllSessions(t, current.id);
  await t.store.redactMessageRecipients(current.id, name, '—');
  // Push devices: a token identifies the person's phone or browser.
  await t.store.deleteDevicesOf(current.id);
  // The data log keeps its entries, naming the record by id and "Cliente anonimizado".
  await eraseFromAuditLog(t, current, name);
  for (let before: number | undefined; ; ) {
    const page = await t.store.listPrivacyRequests({ customerId: current.id, beforeSeq: before, limit: 200 });
    for (const r of page.items) {
      const { seq: _seq, ...rest } = r;
      await t.store.putPrivacyRequest({ ...rest, customerName: name, ...(rest.details ? { details: '—' } : {}) });
    }
    if (!page.hasMore) break;
    before = page.items.at(-1)!.seq;
  }
  return { next, revocations };
}

/** A CSV file of rows with a header, in the machine dialect (`,`, ISO dates, codes). */
export function csvFile(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return [csvRow(header.map(cell), ','), ...rows.map((r) => csvRow(r.map(cell), ','))].join('\r\n') + '\r\n';
}
