import { formatCep, maskDocument, normalizeDocument, toE164BR } from '@clientela/core/format';
import type { Locale } from '@clientela/core/i18n';
import {
  CUSTOMER_STATUSES,
  CustomerWritableByKind,
  fieldRules,
  parseFilter,
  parseWith,
  resolveFilter,
  sourcesOf,
  type Customer,
  type CustomerCreateSchema,
  type CustomerPatchSchema,
  type CustomerStatus,
  type CustomerTarget,
  type FieldIssue,
  type RegistrationSettings,
} from '@clientela/core/schemas';
import type * as z from 'zod/mini';
import { newId, settingsOf, type ServerContext } from '../context.js';
import { fieldIssue, fail422, HttpProblem } from '../http/problem.js';
import type { CustomerQuery } from '../store/types.js';
import { withRuleMemberships } from './rules.js';
import { isAnonymizedDocument } from './privacy.js';

export type CustomerInput = z.output<typeof CustomerCreateSchema>;
export type CustomerPatchInput = z.output<typeof CustomerPatchSchema>;

const DEFAULT_STATUSES = CUSTOMER_STATUSES.filter((s) => s !== 'deleted' && s !== 'merged');

/** `active,blocked` → statuses; absent → every status but `deleted`. */
export function parseStatuses(status: string | undefined): CustomerStatus[] {
  if (!status) return [...DEFAULT_STATUSES];
  return [...new Set(status.split(',').map((s) => s.trim()).filter(Boolean))] as CustomerStatus[];
}

/** The list parameters a query, a bulk action or an export selects customers by. */
export interface QueryParams {
  q?: string | undefined;
  kind?: 'person' | 'company' | undefined;
  status?: string | undefined;
  categoryId?: string | undefined;
  filter?: string | undefined;
}

/**
 * The store query for list parameters, the `filter` text resolved at `now` (the request's time).
 * The parameters combine by AND; `exceptIds` are left out whatever matches. `status` defaults to
 * every status but `deleted`, unless the filter itself says which statuses (then the filter
 * decides), or ids are named.
 */
export function toQuery(params: QueryParams | undefined, ids: readonly string[] | undefined, now: Date, exceptIds?: readonly string[]): CustomerQuery {
  const parsed = params?.filter ? parseFilter(params.filter) : undefined;
  // The route's schema already refused a bad filter with a 422; this is its typed value.
  if (parsed && !parsed.success) throw new Error(`unchecked filter: ${params?.filter}`);
  const filter = parsed?.data.length ? parsed.data : undefined;
  const filterNamesStatus = filter?.some((t) => ('or' in t ? t.or : [t]).some((c) => c.type === 'status')) ?? false;
  return {
    q: params?.q,
    kind: params?.kind,
    statuses: (ids || filterNamesStatus) && !params?.status ? [...CUSTOMER_STATUSES] : parseStatuses(params?.status),
    categoryIds: params?.categoryId ? params.categoryId.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    ids,
    exceptIds: exceptIds?.length ? exceptIds : undefined,
    filter: filter && resolveFilter(filter, now),
  };
}

/**
 * The store query of a bulk action's or an export's target: its `ids`, or its `filter` less its
 * `exceptIds` (which need a filter: 422 `except_without_filter`).
 */
export function targetQuery(target: CustomerTarget, now: Date, locale: Locale): CustomerQuery {
  if (target.exceptIds && !target.filter) fail422([fieldIssue('exceptIds', 'except_without_filter', locale)]);
  return toQuery(target.filter, target.ids, now, target.exceptIds);
}

/**
 * What the data log keeps of a target: the filter, with the ids left out of it (each one: they
 * were unticked by hand, and say exactly who was not included), or how many ids were named.
 */
export function auditTarget(target: CustomerTarget): Record<string, unknown> {
  if (!target.filter) return { ids: target.ids?.length ?? 0 };
  return { ...(target.filter as Record<string, unknown>), ...(target.ids ? { ids: target.ids.length } : {}), ...(target.exceptIds?.length ? { exceptIds: target.exceptIds } : {}) };
}

type Settable = Record<string, unknown>;

/**
 * Registration settings, through the same {@link fieldRules} the form renders from: a required
 * field missing → `required`; a hidden field sent → `field_hidden`.
 */
export function checkSettings(kind: 'person' | 'company', input: Settable, settings: RegistrationSettings, locale: Locale): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const present = (k: string) => input[k] !== undefined && input[k] !== null && input[k] !== '';
  for (const [path, rule] of Object.entries(fieldRules(settings, kind))) {
    if (rule === 'required' && !present(path)) issues.push(fieldIssue(path, 'required', locale));
    if (rule === 'hidden' && present(path)) issues.push(fieldIssue(path, 'field_hidden', locale));
  }
  return issues;
}

/**
 * Categories newly given to a customer must exist, be active and not automatic; ones it already
 * has may be inactive (inactivation keeps them on their customers); automatic ones it has cannot
 * be taken away (`rule_category`: the rule decides).
 */
export async function checkCategories(ctx: ServerContext, next: readonly string[], existing: readonly string[], locale: Locale, path = 'categoryIds'): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const byId = new Map((await ctx.store.listCategories()).map((cat) => [cat.id, cat]));
  for (const [i, id] of next.entries()) {
    if (existing.includes(id)) continue;
    const cat = byId.get(id);
    if (!cat) issues.push(fieldIssue(`${path}.${i}`, 'unknown_category', locale));
    else if (cat.rule) issues.push(fieldIssue(`${path}.${i}`, 'rule_category', locale));
    else if (cat.status === 'inactive') issues.push(fieldIssue(`${path}.${i}`, 'inactive_category', locale));
  }
  // An automatic category leaves a customer by its rule only.
  if (existing.some((id) => byId.get(id)?.rule && !next.includes(id))) issues.push(fieldIssue(path, 'rule_category', locale));
  return issues;
}

/** Canonical stored forms: document normalized, phone E.164, CEP `00000-000`, UF uppercase. */
function normalizeWritable<T extends Record<string, unknown>>(input: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) out[k] = v;
  if (typeof out.document === 'string') out.document = normalizeDocument(out.document);
  if (typeof out.phone === 'string') out.phone = toE164BR(out.phone);
  if (typeof out.email === 'string') out.email = out.email.trim();
  if (typeof out.stateRegistration === 'string') out.stateRegistration = out.stateRegistration.trim().toUpperCase();
  if (out.address && typeof out.address === 'object') {
    const a = { ...(out.address as Record<string, unknown>) };
    for (const k of Object.keys(a)) if (a[k] === undefined || a[k] === '') delete a[k];
    a.postalCode = formatCep(String(a.postalCode));
    a.state = String(a.state).toUpperCase();
    a.country = 'BR';
    out.address = a;
  }
  return out as T;
}

export function duplicateDocument(existingId: string | undefined, locale: Locale): HttpProblem {
  return new HttpProblem('duplicate_document', 409, {
    ...(existingId ? { existingId } : {}),
    errors: [fieldIssue('document', 'duplicate_document', locale)],
  });
}

export interface CreateOptions {
  locale: Locale;
  source?: Customer['source'];
  account?: Customer['account']['status'];
  /** Hide the existing customer's id in a 409 (public routes must not reveal other customers). */
  hideExistingId?: boolean;
  /**
   * Leave the registration settings (required and hidden fields of the forms) out: a record
   * synced from another system carries what that system collected, and refusing it for a field
   * the point of sale never asks would lose the customer.
   */
  skipSettings?: boolean;
}

/** Validates business rules and builds a new customer; throws an {@link HttpProblem}. Does not store. */
export async function prepareCustomer(ctx: ServerContext, input: CustomerInput, opts: CreateOptions): Promise<Customer> {
  const issues = [
    ...(opts.skipSettings ? [] : checkSettings(input.kind, input as Settable, await settingsOf(ctx), opts.locale)),
    ...(await checkCategories(ctx, input.categoryIds ?? [], [], opts.locale)),
  ];
  if (issues.length) fail422(issues);
  const w = normalizeWritable(input as Settable) as Settable;
  const existing = await ctx.store.findByDocument(w.document as string);
  if (existing) throw duplicateDocument(opts.hideExistingId ? undefined : existing.id, opts.locale);
  // A document kept as a hash when its customer was anonymized (a store's choice) is refused, so an
  // erased person's document cannot be registered again by someone else.
  if (await isAnonymizedDocument(ctx, w.document as string)) throw duplicateDocument(undefined, opts.locale);
  const now = ctx.now().toISOString();
  const consent = (w.marketingConsent as { email: boolean; sms: boolean; whatsapp: boolean } | undefined) ?? { email: false, sms: false, whatsapp: false };
  const customer = {
    ...w,
    id: newId('cus'),
    status: (w.status as CustomerStatus | undefined) ?? 'active',
    whatsapp: (w.whatsapp as boolean | undefined) ?? false,
    categoryIds: [...new Set((w.categoryIds as string[] | undefined) ?? [])],
    marketingConsent: { ...consent, updatedAt: now },
    source: opts.source ?? (w.source as Customer['source'] | undefined) ?? 'api',
    account: { status: opts.account ?? 'none' },
    stats: { ordersCount: 0, totalSpentCents: 0, firstPurchaseAt: null, lastPurchaseAt: null, visitsCount: 0, firstVisitAt: null, lastVisitAt: null, averageRating: null },
    createdAt: now,
    updatedAt: now,
    version: 1,
  } as Customer;
  customer.sources = [customer.source];
  customer.externalIds = {};
  return withRuleMemberships(ctx, customer);
}

// `sources` and `externalIds` change only through a sync (PUT by document), never by a patch.
const READ_ONLY = ['id', 'kind', 'stats', 'account', 'sources', 'externalIds', 'anonymizedAt', 'mergedInto', 'createdAt', 'updatedAt', 'version'] as const;

/** The writable part of a stored customer, in the shape of its kind's create schema. */
export function writableOf(c: Customer): Record<string, unknown> {
  const out: Record<string, unknown> = { ...c, kind: c.kind };
  for (const k of READ_ONLY) if (k !== 'kind') delete out[k];
  const { email, sms, whatsapp } = c.marketingConsent;
  out.marketingConsent = { email, sms, whatsapp };
  return out;
}

/**
 * Merges a patch (`null` clears a field) into a customer, re-checks the merged record against its
 * kind's schema, the categories and the unique document. Returns the next version; does not store.
 */
export async function applyPatch(ctx: ServerContext, current: Customer, patch: CustomerPatchInput | Record<string, unknown>, locale: Locale): Promise<Customer> {
  // A merged record is kept as it was, pointing to the customer that holds its history now.
  if (current.status === 'merged') throw new HttpProblem('customer_merged', 409, { mergedInto: current.mergedInto, errors: [fieldIssue('id', 'customer_merged', locale)] });
  const merged = writableOf(current);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (v === null) delete merged[k];
    else merged[k] = v;
  }
  const r = parseWith(CustomerWritableByKind[current.kind], merged, locale);
  if (!r.success) fail422(r.issues);
  const catIssues = await checkCategories(ctx, (r.data.categoryIds as string[] | undefined) ?? [], current.categoryIds, locale);
  if (catIssues.length) fail422(catIssues);
  const w = normalizeWritable(r.data as Settable);
  if (w.document !== current.document || (current.status === 'deleted' && w.status !== 'deleted')) {
    const holder = await ctx.store.findByDocument(w.document as string);
    if (holder && holder.id !== current.id && w.status !== 'deleted') throw duplicateDocument(holder.id, locale);
  }
  const now = ctx.now().toISOString();
  const consent = w.marketingConsent as { email: boolean; sms: boolean; whatsapp: boolean };
  const consentChanged = consent.email !== current.marketingConsent.email || consent.sms !== current.marketingConsent.sms || consent.whatsapp !== current.marketingConsent.whatsapp;
  return withRuleMemberships(ctx, {
    ...w,
    id: current.id,
    kind: current.kind,
    categoryIds: [...new Set((w.categoryIds as string[] | undefined) ?? [])],
    marketingConsent: { ...consent, ...(consentChanged ? { updatedAt: now } : current.marketingConsent.updatedAt ? { updatedAt: current.marketingConsent.updatedAt } : {}) },
    stats: current.stats,
    account: current.account,
    sources: sourcesOf(current),
    externalIds: current.externalIds ?? {},
    createdAt: current.createdAt,
    updatedAt: now,
    version: current.version + 1,
  } as Customer);
}

/**
 * The writable fields that differ between two versions of a customer, by path: top-level names,
 * `address.<part>` and `marketingConsent.<channel>` (the data log says what an update changed).
 */
export function changedFields(before: Customer, after: Customer): string[] {
  const a = writableOf(before);
  const b = writableOf(after);
  const out: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'address' || key === 'marketingConsent') {
      const x = (a[key] ?? {}) as Record<string, unknown>;
      const y = (b[key] ?? {}) as Record<string, unknown>;
      for (const part of new Set([...Object.keys(x), ...Object.keys(y)])) {
        if (JSON.stringify(x[part]) !== JSON.stringify(y[part])) out.push(`${key}.${part}`);
      }
    } else if (key === 'categoryIds') {
      const x = [...((a[key] as string[] | undefined) ?? [])].sort();
      const y = [...((b[key] as string[] | undefined) ?? [])].sort();
      if (x.join() !== y.join()) out.push(key);
    } else if (JSON.stringify(sortKeys(a[key])) !== JSON.stringify(sortKeys(b[key]))) {
      out.push(key);
    }
  }
  return out;
}

/** Whether two customers hold the same writable data (imports: `unchanged`). */
export function sameWritable(a: Customer, b: Customer): boolean {
  return JSON.stringify(sortKeys(writableOf(a))) === JSON.stringify(sortKeys(writableOf(b)));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
  return v;
}

/**
 * The record as an answer shows it without a reveal: the document masked. Only
 * `GET /v1/customers/{id}` (and a 412's `current`) carries it whole, audited as `customer.reveal`.
 */
export function listItem(c: Customer): Customer {
  return { ...c, document: maskDocument(c.document) };
}
