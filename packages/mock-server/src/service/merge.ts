import type { Context } from 'hono';
import { customerDisplayName } from '@clientela/core/format';
import type { Locale } from '@clientela/core/i18n';
import {
  MERGE_COMPANY_FIELDS,
  MERGE_FIELDS,
  MERGE_PERSON_FIELDS,
  sourcesOf,
  type ConsentRecord,
  type Customer,
  type CustomerMergeItem,
  type CustomerMergeOutcome,
  type CustomerMergePreview,
  type MergeCategory,
  type MergeField,
  type Order,
} from '@clientela/core/schemas';
import { audit, newId, type ServerContext } from '../context.js';
import { fail422, fieldIssue, HttpProblem } from '../http/problem.js';
import type { AppEnv } from '../openapi/define-route.js';
import { purchaseStats } from '../store/ledger.js';
import type { StoredCategory } from '../store/types.js';
import { credentialKey, setCredential } from './accounts.js';
import { appendAndDerive } from './consent.js';
import { applyPatch, listItem } from './customers.js';
import { emit } from './events.js';
import { closeAllSessions } from './sessions.js';

// Merging two records of one person (#18 §3): the survivor keeps its id, status and account and
// takes the fields the admin chose from the other (its document too: a merged record holds none
// that counts, so the survivor may take it); the other's orders, credits,
// consent history and messages move to it; its figures are computed again from the orders it
// holds now; the other stays as `merged`, pointing to the survivor. All of it in the caller's
// transaction.

/** Which account state a survivor that inherits a password keeps: the further one along. */
const ACCOUNT_RANK: Record<Customer['account']['status'], number> = { none: 0, invited: 1, refused: 2, pending: 3, active: 4 };

const PERSON_ONLY: readonly MergeField[] = MERGE_PERSON_FIELDS;
const COMPANY_ONLY: readonly MergeField[] = MERGE_COMPANY_FIELDS;

/** The fields of `MERGE_FIELDS` a customer of this kind has. */
function fieldsOf(kind: Customer['kind']): MergeField[] {
  return MERGE_FIELDS.filter((f) => (kind === 'person' ? !COMPANY_ONLY.includes(f) : !PERSON_ONLY.includes(f)));
}

async function readPair(t: ServerContext, item: { survivorId: string; mergedId: string }, locale: Locale, path: string): Promise<[Customer, Customer]> {
  if (item.survivorId === item.mergedId) fail422([fieldIssue(`${path}mergedId`, 'merge_same_customer', locale)]);
  const survivor = await t.store.getCustomer(item.survivorId);
  const merged = await t.store.getCustomer(item.mergedId);
  if (!survivor) fail422([fieldIssue(`${path}survivorId`, 'unknown_customer', locale)]);
  if (!merged) fail422([fieldIssue(`${path}mergedId`, 'unknown_customer', locale)]);
  if (survivor.status === 'merged') throw new HttpProblem('customer_merged', 409, { mergedInto: survivor.mergedInto, errors: [fieldIssue(`${path}survivorId`, 'customer_merged', locale)] });
  if (survivor.status === 'deleted') fail422([fieldIssue(`${path}survivorId`, 'customer_deleted', locale)]);
  if (survivor.kind !== merged.kind) fail422([fieldIssue(`${path}mergedId`, 'merge_kind_mismatch', locale)]);
  return [survivor, merged];
}

/**
 * The categories the survivor holds after a merge: its own, then the other's manual categories
 * that can still be given (active, no rule) in the other's order. The other's automatic
 * categories stay with their rule, and its inactive ones cannot be given: both are `left`.
 */
function joinCategories(survivorIds: readonly string[], mergedIds: readonly string[], catalog: ReadonlyMap<string, StoredCategory>): { after: string[]; left: string[] } {
  const carried = (id: string) => catalog.get(id)?.status === 'active' && !catalog.get(id)?.rule;
  const extra = mergedIds.filter((id) => !survivorIds.includes(id) && carried(id));
  return { after: [...survivorIds, ...extra], left: mergedIds.filter((id) => !survivorIds.includes(id) && !carried(id)) };
}

async function categoryCatalog(t: ServerContext): Promise<Map<string, StoredCategory>> {
  return new Map((await t.store.listCategories()).map((cat) => [cat.id, cat]));
}

async function ordersOf(t: ServerContext, customerId: string): Promise<Order[]> {
  const out: Order[] = [];
  let after: { placedAt: string; id: string } | undefined;
  for (;;) {
    const page = await t.store.listOrders({ customerId, after, limit: 500 });
    out.push(...page.items);
    const last = page.items.at(-1);
    if (!page.hasMore || !last) return out;
    after = { placedAt: last.placedAt, id: last.id };
  }
}

/** Both records field by field, what would move, and the survivor's figures after (nothing written). */
export async function previewMerge(t: ServerContext, item: { survivorId: string; mergedId: string }, locale: Locale): Promise<CustomerMergePreview> {
  const [survivor, merged] = await readPair(t, item, locale, '');
  if (merged.status === 'merged') throw new HttpProblem('customer_merged', 409, { mergedInto: merged.mergedInto, errors: [fieldIssue('mergedId', 'customer_merged', locale)] });
  // Documents as a list shows them (masked): a preview is no audited reveal of either.
  const a = listItem(survivor) as Record<string, unknown>;
  const b = listItem(merged) as Record<string, unknown>;
  const same = (field: MergeField) => (field === 'document' ? survivor.document === merged.document : JSON.stringify(a[field]) === JSON.stringify(b[field]));
  const fs = await t.store.orderFigures(survivor.id);
  const fm = await t.store.orderFigures(merged.id);
  const orders = (await ordersOf(t, merged.id)).length;
  const credits = (await t.store.creditEntries(merged.id)).length;
  const consentRecords = (await t.store.listConsentRecords(merged.id)).length;
  const messages = (await t.store.listMessageRecipients({ customerId: merged.id, limit: 10_000 })).items.length;
  const catalog = await categoryCatalog(t);
  const joined = joinCategories(survivor.categoryIds, merged.categoryIds, catalog);
  const named = (ids: readonly string[]): MergeCategory[] =>
    ids.flatMap((id) => {
      const cat = catalog.get(id);
      return cat ? [{ id, name: cat.name, color: cat.color, automatic: !!cat.rule }] : [];
    });
  return {
    survivor: a as Customer,
    merged: b as Customer,
    fields: fieldsOf(survivor.kind).map((field) => ({
      field,
      ...(a[field] !== undefined ? { survivor: a[field] } : {}),
      ...(b[field] !== undefined ? { merged: b[field] } : {}),
      differs: !same(field),
    })),
    moves: { orders, credits, consentRecords, messages },
    after: { ordersCount: fs.count + fm.count, totalSpentCents: fs.totalCents + fm.totalCents },
    categories: { survivor: named(survivor.categoryIds), merged: named(merged.categoryIds), after: named(joined.after), left: named(joined.left) },
  };
}

/**
 * Merges one pair in the caller's transaction; a pair merged already into the same survivor
 * answers as done (`alreadyMerged`), so a retry is harmless.
 */
/**
 * Refuses a pair that cannot be merged (nothing written): the same customer twice, an unknown
 * one, a deleted or merged survivor, two kinds, a field the kind lacks, a record merged into
 * another customer. The route checks every pair before merging any, so a refused batch leaves
 * even the memory store (which does not undo) untouched.
 */
export async function checkMerge(t: ServerContext, item: CustomerMergeItem, locale: Locale, path: string): Promise<[Customer, Customer]> {
  const [survivor, merged] = await readPair(t, item, locale, path);
  if (merged.status === 'merged' && merged.mergedInto !== survivor.id) {
    throw new HttpProblem('customer_merged', 409, { mergedInto: merged.mergedInto, errors: [fieldIssue(`${path}mergedId`, 'customer_merged', locale)] });
  }
  const allowed = fieldsOf(survivor.kind);
  const wrong = (item.take ?? []).findIndex((f) => !allowed.includes(f));
  if (wrong >= 0) fail422([fieldIssue(`${path}take.${wrong}`, 'merge_field_kind', locale)]);
  return [survivor, merged];
}

export async function mergePair(t: ServerContext, c: Context<AppEnv>, item: CustomerMergeItem, locale: Locale, path: string): Promise<CustomerMergeOutcome> {
  const [survivor, merged] = await checkMerge(t, item, locale, path);
  if (merged.status === 'merged') return { survivor, mergedId: merged.id, moved: { orders: 0, credits: 0, consentRecords: 0, messages: 0 }, alreadyMerged: true };
  const take = [...new Set(item.take ?? [])];
  const now = t.now().toISOString();

  // Orders, through the store's order write (unit figures follow it).
  const orders = await ordersOf(t, merged.id);
  for (const o of orders) {
    if (!(await t.store.updateOrder({ ...o, customerId: survivor.id, updatedAt: now, version: o.version + 1 }, o.version))) throw new HttpProblem('write_conflict', 409);
  }
  const { credits, messages } = await t.store.moveCustomerRecords(merged.id, survivor.id);
  // Push devices follow the person: the survivor's app and browsers keep receiving.
  for (const d of await t.store.listDevices(merged.id)) await t.store.saveDevice({ ...d, customerId: survivor.id });
  // Consent records are append-only: the merged one's history is copied to the survivor, each
  // record as it was (when, source, the text seen, who recorded it); its state is derived anew.
  const copies: ConsentRecord[] = (await t.store.listConsentRecords(merged.id)).map((r) => ({ ...r, id: newId('cns'), customerId: survivor.id }));
  const withConsent = copies.length ? await appendAndDerive(t, survivor, copies) : survivor;

  // The merged record first gives up its external ids (one live holder per system), then the survivor takes them.
  const rest: Customer = { ...merged, status: 'merged', mergedInto: survivor.id, externalIds: {}, updatedAt: now, version: merged.version + 1 } as Customer;
  rest.stats = { ...merged.stats, ordersCount: 0, totalSpentCents: 0, firstPurchaseAt: null, lastPurchaseAt: null, averageRating: null };
  if (!(await t.store.updateCustomer(rest, merged.version))) throw new HttpProblem('write_conflict', 409);

  const patch: Record<string, unknown> = {};
  const from = merged as Record<string, unknown>;
  for (const f of take) patch[f] = from[f] ?? null;
  // Categories are joined: the merged one's manual categories that can still be given (as the preview says).
  const joined = joinCategories(withConsent.categoryIds, merged.categoryIds, await categoryCatalog(t));
  if (joined.after.length > withConsent.categoryIds.length) patch.categoryIds = joined.after;
  const patched = await applyPatch(t, withConsent, patch, locale);
  const figures = purchaseStats(await t.store.orderFigures(survivor.id));
  const visits = [withConsent.stats, merged.stats];
  const firstVisit = visits.map((s) => s.firstVisitAt).filter((x): x is string => !!x).sort()[0] ?? null;
  const lastVisit = visits.map((s) => s.lastVisitAt).filter((x): x is string => !!x).sort().at(-1) ?? null;
  // Sign-in (an e-mail signs in to one account only): the merged record's password and sessions
  // go with it; when the survivor has no password of its own, the merged one's becomes the
  // survivor's (with its account state), so a shopper merged into a record a seller made keeps
  // signing in — with the survivor's e-mail, the only one that now leads to an account.
  const mergedHash = await t.store.getMeta<string>(credentialKey(merged.id));
  const inherits = !!mergedHash && !(await t.store.getMeta<string>(credentialKey(survivor.id)));
  await t.store.deleteMeta(credentialKey(merged.id));
  await closeAllSessions(t, merged.id);
  const next = {
    ...patched,
    ...(inherits && ACCOUNT_RANK[merged.account.status] > ACCOUNT_RANK[patched.account.status] ? { account: merged.account } : {}),
    sources: [...new Set([...sourcesOf(withConsent), ...sourcesOf(merged)])],
    externalIds: { ...(merged.externalIds ?? {}), ...(withConsent.externalIds ?? {}) },
    stats: { ...patched.stats, ...figures, visitsCount: withConsent.stats.visitsCount + merged.stats.visitsCount, firstVisitAt: firstVisit, lastVisitAt: lastVisit },
    // One write of the survivor (the consent derivation above stored nothing).
    version: survivor.version + 1,
  } as Customer;
  if (!(await t.store.updateCustomer(next, survivor.version))) throw new HttpProblem('write_conflict', 409);
  if (inherits) await setCredential(t, next, mergedHash);

  await emit(t, 'customer.merged', { customer: next, mergedIds: [merged.id] });
  await audit(t, c, {
    action: 'customer.merge',
    target: next.id,
    targetName: customerDisplayName(next),
    customers: [{ id: merged.id, name: customerDisplayName(merged) }],
    ...(take.length ? { changes: take } : {}),
    count: 1,
  });
  return { survivor: next, mergedId: merged.id, moved: { orders: orders.length, credits, consentRecords: copies.length, messages }, alreadyMerged: false };
}
