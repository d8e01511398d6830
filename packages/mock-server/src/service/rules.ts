import { customerWritten } from './events.js';
import {
  countsAsPurchase,
  CUSTOMER_STATUSES,
  filterFieldsOf,
  filterReadsCredits,
  filterReadsUnits,
  filterTest,
  parseFilter,
  resolveFilter,
  type Customer,
  type CustomerStatus,
  type FilterConditionType,
  type FilterExpression,
  type FilterFields,
} from '@clientela/core/schemas';
import { inTransaction, newId, type ServerContext } from '../context.js';
import { HttpProblem } from '../http/problem.js';
import type { KeysetPosition, SortSpec, StoredCategory } from '../store/types.js';

// Automatic categories: a category with a `rule` (a customer filter) whose members the server
// keeps. Membership lives in the customers' `categoryIds`, so counts, filters, the table and the
// exports read it like any category, and a change of membership is a change of the customer (its
// version and `updatedAt` move, so an ETag, a cache or a change feed never holds an old list).
// It is kept right three ways:
// - a write to a customer, an order or a credit re-evaluates that customer's rules in the same
//   transaction (`withRuleMemberships`, `syncRuleMemberships`);
// - creating or editing a rule writes a job (`rules:job:<id>`) in the category's transaction; the
//   job walks every customer in batches of `RULE_BATCH`, one transaction each, its cursor saved
//   with the batch, under a lease (`rules:lease:<id>`) that one process holds at a time: a crash
//   mid-way leaves the job where its last batch ended, and the next run (this process or another,
//   once the lease lapses) resumes there;
// - rules with a condition relative to the clock ("sem compra há 90 dias", birthdays, credits)
//   are walked again once their last walk is `RULE_REFRESH_MS` old (`maintainRules`, run after
//   requests and by `MockServer.maintain()`), so such a membership is at most that late.
// An inactive automatic category is frozen: it keeps the members it had and gains or loses none,
// as an inactive manual category stays on its customers. Deleted customers are left as they are.

/** Customers evaluated per transaction of a rule's walk. */
export const RULE_BATCH = 500;
/** How old the last walk of a rule with time-relative conditions may get before the next one. */
export const RULE_REFRESH_MS = 15 * 60_000;
/** How long a process holds a rule's walk without finishing a batch before another may take it. */
const LEASE_MS = 2 * 60_000;

/** Conditions whose answer changes as time passes, with no write. */
const TIME_RELATIVE = new Set<FilterConditionType>(['purchasedWithin', 'notPurchasedWithin', 'birthdayWithin', 'activeCredits', 'creditsExpiring']);

const LIVE: readonly CustomerStatus[] = CUSTOMER_STATUSES.filter((s) => s !== 'deleted' && s !== 'merged');
const BY_CREATED: SortSpec = { field: 'createdAt', desc: false };

/** Where a rule's walk stands, stored with each batch. */
export interface RuleJob {
  /** The rule text being walked (an edit writes a new job over this one). */
  rule: string;
  /** The last customer evaluated (keyset of `createdAt`, `id`); null before the first batch. */
  after: KeysetPosition | null;
  evaluated: number;
  done: boolean;
  startedAt: string;
  finishedAt?: string;
}

const jobKey = (categoryId: string) => `rules:job:${categoryId}`;
const leaseKey = (categoryId: string) => `rules:lease:${categoryId}`;

/** A category's rule as a filter (undefined for a manual category). */
export function ruleOf(cat: Pick<StoredCategory, 'rule'>): FilterExpression | undefined {
  if (!cat.rule) return undefined;
  const r = parseFilter(cat.rule);
  return r.success ? r.data : undefined;
}

/** Whether a rule has a condition whose answer changes with time alone. */
export function isTimeRelative(filter: FilterExpression): boolean {
  return filter.some((t) => ('or' in t ? t.or : [t]).some((c) => TIME_RELATIVE.has(c.type)));
}

/** The category ids a rule reads (a rule may only read manual categories). */
export function categoriesRead(filter: FilterExpression): string[] {
  return filter.flatMap((t) => ('or' in t ? t.or : [t]).flatMap((c) => (c.type === 'categories' ? c.ids : [])));
}

interface LiveRule {
  id: string;
  filter: FilterExpression;
}

/** The active automatic categories and their rules. */
export async function liveRules(t: ServerContext): Promise<LiveRule[]> {
  return (await t.store.listCategories()).flatMap((cat) => {
    const filter = cat.status === 'active' ? ruleOf(cat) : undefined;
    return filter ? [{ id: cat.id, filter }] : [];
  });
}

/** What a rule may read of a customer besides its record: open credit grants' expiries and the units of its counted orders. */
async function extrasOf(t: ServerContext, customerId: string, credits: boolean, units: boolean): Promise<Pick<FilterFields, 'credits' | 'units'>> {
  const out: Pick<FilterFields, 'credits' | 'units'> = {};
  if (credits) {
    const entries = await t.store.creditEntries(customerId);
    const left = new Map<string, number>();
    for (const e of entries) {
      if (e.type === 'grant') left.set(e.id, (left.get(e.id) ?? 0) + e.amountCents);
      else left.set(e.grantId, (left.get(e.grantId) ?? 0) - e.amountCents);
    }
    out.credits = entries.flatMap((e) => (e.type === 'grant' && (left.get(e.id) ?? 0) > 0 ? [e.expiresAt] : []));
  }
  if (units) {
    const found: string[] = [];
    let after: { placedAt: string; id: string } | undefined;
    for (;;) {
      const page = await t.store.listOrders({ customerId, after, limit: 200 });
      for (const o of page.items) if (o.unitId !== undefined && countsAsPurchase(o.status)) found.push(o.unitId);
      const last = page.items[page.items.length - 1];
      if (!page.hasMore || !last) break;
      after = { placedAt: last.placedAt, id: last.id };
    }
    out.units = found;
  }
  return out;
}

/**
 * The customer with its automatic categories as its rules say now (the same object when nothing
 * changes). Does not write: the caller writes it as part of its own change, in its transaction.
 */
export async function withRuleMemberships(t: ServerContext, customer: Customer, rules?: readonly LiveRule[]): Promise<Customer> {
  if (customer.status === 'deleted') return customer;
  const list = rules ?? (await liveRules(t));
  if (!list.length) return customer;
  const now = t.now();
  const resolved = list.map((r) => ({ id: r.id, filter: resolveFilter(r.filter, now) }));
  const extras = await extrasOf(t, customer.id, resolved.some((r) => filterReadsCredits(r.filter)), resolved.some((r) => filterReadsUnits(r.filter)));
  const fields = { ...filterFieldsOf(customer), ...extras };
  const ruled = new Set(list.map((r) => r.id));
  const want = new Set(resolved.filter((r) => filterTest(r.filter)(fields)).map((r) => r.id));
  const kept = customer.categoryIds.filter((id) => !ruled.has(id) || want.has(id));
  const added = [...want].filter((id) => !customer.categoryIds.includes(id));
  if (kept.length === customer.categoryIds.length && !added.length) return customer;
  return { ...customer, categoryIds: [...kept, ...added] };
}

/**
 * Re-evaluates a stored customer's rules after a change that did not write the customer (a
 * credit) and writes the new memberships, in the caller's transaction. Returns the customer as stored.
 */
export async function syncRuleMemberships(t: ServerContext, customer: Customer): Promise<Customer> {
  const next = await withRuleMemberships(t, customer);
  if (next === customer) return customer;
  const written = { ...next, updatedAt: t.now().toISOString(), version: customer.version + 1 } as Customer;
  if (!(await t.store.updateCustomer(written, customer.version))) throw new HttpProblem('write_conflict', 409);
  await customerWritten(t, customer, written);
  return written;
}

/** Starts (or restarts) the walk of a category's rule, in the transaction that wrote the rule. */
export async function startRuleJob(t: ServerContext, cat: StoredCategory): Promise<void> {
  if (!cat.rule || cat.status !== 'active') {
    await t.store.deleteMeta(jobKey(cat.id));
    return;
  }
  const job: RuleJob = { rule: cat.rule, after: null, evaluated: 0, done: false, startedAt: t.now().toISOString() };
  await t.store.setMeta(jobKey(cat.id), job);
}

/** Where a category's rule walk stands (undefined for a manual category or before its first). */
export function ruleJob(t: ServerContext, categoryId: string): Promise<RuleJob | undefined> {
  return t.store.getMeta<RuleJob>(jobKey(categoryId));
}

/**
 * Runs a category's rule walk to its end, batch by batch, unless another run holds it; with
 * `refreshAfterMs`, a finished walk of a time-relative rule that old starts over. Returns whether
 * this run walked anything.
 */
export async function runRuleJob(ctx: ServerContext, categoryId: string, refreshAfterMs?: number): Promise<boolean> {
  const owner = newId('run');
  const leaseUntil = () => new Date(ctx.now().getTime() + LEASE_MS).toISOString();
  if (!(await ctx.store.claimMeta(leaseKey(categoryId), owner, ctx.now().toISOString(), leaseUntil()))) return false;
  let walked = false;
  try {
    for (;;) {
      const more = await inTransaction(ctx, async (t) => {
        const now = t.now();
        if ((await t.store.getMeta<string>(leaseKey(categoryId), now.toISOString())) !== owner) return false;
        const cat = await t.store.getCategory(categoryId);
        const filter = cat && cat.status === 'active' ? ruleOf(cat) : undefined;
        let job = await t.store.getMeta<RuleJob>(jobKey(categoryId));
        if (!cat || !filter) return false;
        if (!job || job.rule !== cat.rule) job = { rule: cat.rule!, after: null, evaluated: 0, done: false, startedAt: now.toISOString() };
        if (job.done) {
          const age = now.getTime() - Date.parse(job.finishedAt ?? job.startedAt);
          if (refreshAfterMs === undefined || !isTimeRelative(filter) || age < refreshAfterMs) return false;
          job = { rule: job.rule, after: null, evaluated: 0, done: false, startedAt: now.toISOString() };
        }
        walked = true;
        const batch = await t.store.listCustomers({ query: { statuses: LIVE }, sort: BY_CREATED, after: job.after ?? undefined, limit: RULE_BATCH });
        if (batch.items.length) {
          // The store evaluates the rule over the batch (SQL in SQLite and PostgreSQL), reading
          // orders and credits as a list filter does.
          const hits = await t.store.listCustomers({
            query: { statuses: LIVE, ids: batch.items.map((c) => c.id), filter: resolveFilter(filter, now) },
            sort: BY_CREATED,
            limit: RULE_BATCH,
          });
          const want = new Set(hits.items.map((c) => c.id));
          const at = now.toISOString();
          for (const c of batch.items) {
            const member = want.has(c.id);
            if (member === c.categoryIds.includes(categoryId)) continue;
            const categoryIds = member ? [...c.categoryIds, categoryId] : c.categoryIds.filter((id) => id !== categoryId);
            const written = { ...c, categoryIds, updatedAt: at, version: c.version + 1 } as Customer;
            if (await t.store.updateCustomer(written, c.version)) {
              await customerWritten(t, c, written);
              continue;
            }
            // Changed since the batch was read: evaluate its rules again on what is stored now.
            const fresh = await t.store.getCustomer(c.id);
            if (fresh) await syncRuleMemberships(t, fresh);
          }
        }
        const last = batch.items[batch.items.length - 1];
        const next: RuleJob = {
          ...job,
          after: last ? { key: last.createdAt, id: last.id } : job.after,
          evaluated: job.evaluated + batch.items.length,
          done: !batch.hasMore,
          ...(batch.hasMore ? {} : { finishedAt: now.toISOString() }),
        };
        await t.store.setMeta(jobKey(categoryId), next);
        await t.store.setMeta(leaseKey(categoryId), owner, leaseUntil());
        return batch.hasMore;
      });
      if (!more) return walked;
    }
  } finally {
    await inTransaction(ctx, async (t) => {
      if ((await t.store.getMeta<string>(leaseKey(categoryId))) === owner) await t.store.deleteMeta(leaseKey(categoryId));
    });
  }
}

/**
 * Brings every automatic category up to date: resumes walks left unfinished (a crash, a process
 * that stopped) and walks again the time-relative rules last walked `RULE_REFRESH_MS` ago.
 */
export async function maintainRules(ctx: ServerContext): Promise<void> {
  for (const cat of await ctx.store.listCategories()) {
    if (cat.status === 'active' && cat.rule) await runRuleJob(ctx, cat.id, RULE_REFRESH_MS);
  }
}
