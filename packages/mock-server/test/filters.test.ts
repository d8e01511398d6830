import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CUSTOMER_SORTS,
  CUSTOMER_SOURCES,
  CUSTOMER_STATUSES,
  countsAsPurchase,
  encodeFilter,
  filterFieldsOf,
  matchesFilter,
  parseFilter,
  resolveFilter,
  type Customer,
  type FilterCondition,
  type FilterExpression,
} from '@clientela/core/schemas';
import type { ServerContext } from '../src/context.js';
import { createPasswordHasher } from '../src/service/passwords.js';
import { SEED_ANCHOR_MS } from '../src/seed/anchor.js';
import { generateSeed, type SeedResult } from '../src/seed/seed.js';
import { SEED_UNITS } from '../src/seed/units.js';
import { writeSeed } from '../src/seed/write.js';
import { toQuery } from '../src/service/customers.js';
import { MemoryStore } from '../src/store/memory.js';
import { PostgresStore } from '../src/store/postgres.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { SyncStoreAdapter } from '../src/store/sync-adapter.js';
import { sortKeyOf } from '../src/store/search.js';
import type { SortSpec, Store } from '../src/store/types.js';
import { createTestDatabase, type TestDatabase } from '../../../test/postgres.js';
import { createClient } from '@clientela/core/client';
import { isValidationError } from '@clientela/core/errors';
import { app, call } from './helpers.js';

// The same seeded customers in the three stores, 200 random filters (fixed seed): every store
// returns the same ids in the same order, and, without a text search, exactly the customers a
// brute-force check with core's matchesFilter selects.

const dir = mkdtempSync(join(tmpdir(), 'clientela-filters-'));
const now = new Date(SEED_ANCHOR_MS + 29 * 86_400_000 + 3 * 3_600_000); // 30 November 2026, 15:00 UTC
let database: TestDatabase | undefined;
const stores: [string, Store][] = [];

// The seeded units (an order may name only a unit that exists).
const UNITS = SEED_UNITS.map((u) => u.id);

/**
 * The seed (customers, then their orders and credits through the services), plus customers at the
 * edges: born on 29 February and on the last and first days of the year, a city written oddly;
 * orders spread over the three seeded units, one in four at none.
 */
function data(): SeedResult {
  const seed = generateSeed(1500, 15);
  const persons = seed.customers.filter((c) => c.kind === 'person');
  ['1992-02-29', '1980-12-31', '1975-01-01'].forEach((birthDate, i) => Object.assign(persons[i]!, { birthDate }));
  const withAddress = seed.customers.find((c) => c.address)!;
  withAddress.address = { ...withAddress.address!, city: 'SÃO  paulo' };
  let n = 0;
  for (const h of seed.history)
    for (const o of h.orders) {
      const input = o.input as { unitId?: string };
      if (n++ % 4 === 3) delete input.unitId;
      else input.unitId = UNITS[n % UNITS.length];
    }
  return seed;
}

/** Writes the seed into a store the way the server does, at the seed's own times. */
async function seedInto(store: Store, seed: SeedResult): Promise<void> {
  const ctx = { store, now: () => now, keys: { secret: 'sk_test', publishable: 'pk_test' }, version: 0, passwords: createPasswordHasher() } as ServerContext;
  await writeSeed(ctx, seed);
}

let customers: Customer[] = [];
/** What each customer's ledger and orders say, computed here from the entries and orders read back. */
const extras = new Map<string, { credits: string[]; units: string[] }>();

const seed = data();

beforeAll(async () => {
  const memory = new SyncStoreAdapter(new MemoryStore());
  const sqlite = new SyncStoreAdapter(new SqliteStore(join(dir, 'filters.sqlite')));
  database = await createTestDatabase();
  const postgres = await PostgresStore.open(database.url);
  for (const s of [memory, sqlite, postgres]) await seedInto(s, seed);
  for await (const c of memory.scanCustomers(toQuery({ status: CUSTOMER_STATUSES.join(',') }, undefined, now), { field: 'createdAt', desc: false })) customers.push(c);
  // Brute force: a grant is open while its amount, less what was redeemed or expired of it, is positive.
  for (const c of customers) {
    const entries = await memory.creditEntries(c.id);
    const left = new Map<string, number>();
    for (const e of entries) {
      if (e.type === 'grant') left.set(e.id, e.amountCents);
      else left.set(e.grantId, (left.get(e.grantId) ?? 0) - e.amountCents);
    }
    const credits = entries.flatMap((e) => (e.type === 'grant' && left.get(e.id)! > 0 ? [e.expiresAt] : []));
    const units: string[] = [];
    for (let after: { placedAt: string; id: string } | undefined, more = true; more; ) {
      const page = await memory.listOrders({ customerId: c.id, after, limit: 200 });
      for (const o of page.items) if (o.unitId && countsAsPurchase(o.status)) units.push(o.unitId);
      const last = page.items.at(-1);
      after = last && { placedAt: last.placedAt, id: last.id };
      more = page.hasMore;
    }
    extras.set(c.id, { credits, units });
  }
  // The same file opened again: its in-process columns (which searches with a filter read) come from the rows, not from the writes.
  const reopened = new SyncStoreAdapter(new SqliteStore(join(dir, 'filters.sqlite')));
  stores.push(['memory', memory], ['sqlite', sqlite], ['postgres', postgres], ['sqlite reopened', reopened]);
}, 300_000);

afterAll(async () => {
  for (const [, s] of stores) await s.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Conditions drawn from the seeded data's own values, so filters select some rows and miss others. */
function conditionArb(): fc.Arbitrary<FilterCondition> {
  const cities = [...new Set(customers.map((c) => filterFieldsOf(c).city).filter(Boolean))].slice(0, 40);
  const categories = [...new Set(customers.flatMap((c) => c.categoryIds))];
  const day = fc.integer({ min: Date.parse('2019-01-01'), max: Date.parse('2026-11-30') }).map((ms) => new Date(ms).toISOString().slice(0, 10));
  const pair = <T>(a: fc.Arbitrary<T>) => fc.tuple(a, a).map(([x, y]) => (x <= y ? [x, y] : [y, x]) as [T, T]);
  const bounds = <T>(a: fc.Arbitrary<T>, lo: string, hi: string) =>
    fc.oneof(a.map((v) => ({ [lo]: v })), a.map((v) => ({ [hi]: v })), pair(a).map(([x, y]) => ({ [lo]: x, [hi]: y })));
  const some = <T>(a: fc.Arbitrary<T>) => fc.uniqueArray(a, { minLength: 1, maxLength: 3 });
  return fc.oneof(
    bounds(fc.integer({ min: 0, max: 2_000_000 }), 'min', 'max').map((b) => ({ type: 'totalSpent', ...b }) as FilterCondition),
    bounds(fc.integer({ min: 0, max: 25 }), 'min', 'max').map((b) => ({ type: 'ordersCount', ...b }) as FilterCondition),
    bounds(fc.integer({ min: 3_000, max: 250_000 }), 'min', 'max').map((b) => ({ type: 'averageTicket', ...b }) as FilterCondition),
    bounds(day, 'from', 'to').map((b) => ({ type: 'lastPurchase', ...b }) as FilterCondition),
    bounds(day, 'from', 'to').map((b) => ({ type: 'customerSince', ...b }) as FilterCondition),
    fc.constant({ type: 'neverPurchased' } as FilterCondition),
    fc.integer({ min: 1, max: 800 }).map((days) => ({ type: 'purchasedWithin', days }) as FilterCondition),
    fc.integer({ min: 1, max: 800 }).map((days) => ({ type: 'notPurchasedWithin', days }) as FilterCondition),
    some(fc.integer({ min: 1, max: 12 })).map((months) => ({ type: 'birthdayMonth', months }) as FilterCondition),
    fc.integer({ min: 0, max: 365 }).map((days) => ({ type: 'birthdayWithin', days }) as FilterCondition),
    some(fc.constantFrom(...cities)).map((c) => ({ type: 'city', cities: c }) as FilterCondition),
    some(fc.constantFrom('SP', 'RJ', 'MG', 'BA', 'PR', 'RS', 'PE', 'AC')).map((states) => ({ type: 'state', states }) as FilterCondition),
    fc.constantFrom('person', 'company').map((kind) => ({ type: 'kind', kind }) as FilterCondition),
    some(fc.constantFrom(...CUSTOMER_STATUSES)).map((statuses) => ({ type: 'status', statuses }) as FilterCondition),
    fc.record({ match: fc.constantFrom('any', 'all', 'none'), ids: some(fc.constantFrom(...categories)) }).map((r) => ({ type: 'categories', ...r }) as FilterCondition),
    some(fc.constantFrom(...CUSTOMER_SOURCES)).map((sources) => ({ type: 'source', sources }) as FilterCondition),
    fc.record({ channel: fc.constantFrom('email', 'sms', 'whatsapp'), granted: fc.boolean() }).map((r) => ({ type: 'consent', ...r }) as FilterCondition),
    fc.constant({ type: 'activeCredits' } as FilterCondition),
    fc.integer({ min: 1, max: 400 }).map((days) => ({ type: 'creditsExpiring', days }) as FilterCondition),
    some(fc.constantFrom(...UNITS, 'loja_fechada')).map((ids) => ({ type: 'unit', ids }) as FilterCondition),
  );
}

const caseArb = () =>
  fc.record({
    filter: fc.array(
      fc.oneof({ arbitrary: conditionArb(), weight: 3 }, { arbitrary: fc.array(conditionArb(), { minLength: 2, maxLength: 3 }).map((or) => ({ or })), weight: 1 }),
      { minLength: 1, maxLength: 3 },
    ) as fc.Arbitrary<FilterExpression>,
    q: fc.option(fc.constantFrom('silva', 'maria', 'ana', 'santos', 'lima', 'com.br'), { nil: undefined, freq: 3 }),
    status: fc.option(fc.constantFrom('active', 'active,blocked', 'deleted'), { nil: undefined, freq: 2 }),
    categoryId: fc.option(fc.constantFrom(...new Set(customers.flatMap((c) => c.categoryIds))), { nil: undefined, freq: 5 }),
    sort: fc.constantFrom(...CUSTOMER_SORTS.flatMap((s) => [{ field: s, desc: false }, { field: s, desc: true }] as SortSpec[])),
  });

async function idsOf(store: Store, params: { filter: string; q?: string | undefined; status?: string | undefined; categoryId?: string | undefined }, sort: SortSpec) {
  const query = toQuery(params, undefined, now);
  const ids: string[] = [];
  for await (const c of store.scanCustomers(query, sort)) ids.push(c.id);
  return { ids, count: await store.countCustomers(query) };
}

describe('filters in every store', () => {
  it('200 random filters select the same customers, in the same order, in memory, SQLite and PostgreSQL — and exactly those a brute-force check selects', async () => {
    const cases = fc.sample(caseArb(), { seed: 1515, numRuns: 200 });
    let nonEmpty = 0;
    let partial = 0;
    for (const k of cases) {
      const text = encodeFilter(k.filter);
      expect(parseFilter(text)).toEqual({ success: true, data: k.filter });
      const params = { filter: text, q: k.q, status: k.status, categoryId: k.categoryId };
      const [memory, ...others] = await Promise.all(stores.map(([, s]) => idsOf(s, params, k.sort)));
      for (const [i, other] of others.entries()) {
        expect(other.ids, `${stores[i + 1]![0]}: ${JSON.stringify(params)} sorted ${JSON.stringify(k.sort)}`).toEqual(memory!.ids);
        expect(other.count).toBe(memory!.count);
      }
      expect(memory!.count).toBe(memory!.ids.length);
      if (!k.q) {
        const query = toQuery(params, undefined, now);
        const resolved = resolveFilter(k.filter, now);
        const expected = customers
          .filter((c) => query.statuses.includes(c.status) && (!k.categoryId || c.categoryIds.includes(k.categoryId)) && matchesFilter(c, resolved, extras.get(c.id)))
          .map((c) => c.id)
          .sort();
        expect([...memory!.ids].sort(), JSON.stringify(params)).toEqual(expected);
      }
      if (memory!.ids.length) nonEmpty++;
      if (memory!.ids.length && memory!.ids.length < customers.length / 2) partial++;
    }
    // The cases are worth running: many select some customers and leave others out.
    expect(nonEmpty).toBeGreaterThan(80);
    expect(partial).toBeGreaterThan(50);
    // The seed gives the credit and unit conditions something to find, and something to leave out.
    const holders = customers.filter((c) => extras.get(c.id)!.credits.some((at) => at > now.toISOString())).length;
    const atUnits = customers.filter((c) => extras.get(c.id)!.units.length).length;
    expect(holders).toBeGreaterThan(20);
    expect(holders).toBeLessThan(customers.length - 20);
    expect(atUnits).toBeGreaterThan(100);
    expect(atUnits).toBeLessThan(customers.length - 20);
  }, 120_000);

  it('a search for one word pages the same way in every store, whether a word is common or rare, by every sort, to the last page', async () => {
    // PostgreSQL reads the page of a common word by walking the sort order while it counts, and
    // collects every match for a rare one or the last page: every page must agree with memory's.
    const unique = customers.find((c) => c.email)!.email!.split('@')[0]!; // one customer's own e-mail name
    const words = ['silva', 'maria', 'ana', 'com.br', 'gmail', 'xavier', unique, 'qqq'];
    const matches = new Map<string, number>();
    for (const q of words)
      for (const sort of CUSTOMER_SORTS.flatMap((field) => [{ field, desc: false }, { field, desc: true }] as SortSpec[])) {
        const query = toQuery({ q }, undefined, now);
        const pages = await Promise.all(
          stores.map(async ([, store]) => {
            const seen: string[][] = [];
            const totals = new Set<number>();
            for (let after: { key: string | number; id: string } | undefined, more = true; more; ) {
              const page = await store.listCustomers({ query, sort, after, limit: 25 });
              seen.push(page.items.map((c) => c.id));
              totals.add(page.total);
              const last = page.items.at(-1);
              after = last && { key: sortKeyOf(last, sort.field), id: last.id };
              more = page.hasMore;
            }
            return { seen, totals: [...totals] };
          }),
        );
        for (const [i, other] of pages.entries()) expect(other, `${stores[i]![0]}: ${q} sorted ${JSON.stringify(sort)}`).toEqual(pages[0]);
        matches.set(q, pages[0]!.totals[0]!);
      }
    // Common words (many pages, the walk's case), rare ones and none.
    expect(matches.get('silva')).toBeGreaterThan(25);
    expect(matches.get('com.br')).toBeGreaterThan(500);
    expect(matches.get(unique)).toBeLessThan(3);
    expect(matches.get('qqq')).toBe(0);
  }, 120_000);

  it('a filter that names a status decides the statuses (deleted included); otherwise deleted customers stay out', async () => {
    const deleted = customers.filter((c) => c.status === 'deleted').length;
    expect(deleted).toBeGreaterThan(0);
    for (const [, store] of stores) {
      expect((await idsOf(store, { filter: 'status-deleted' }, { field: 'name', desc: false })).count).toBe(deleted);
      expect((await idsOf(store, { filter: 'kind-person*kind-company' }, { field: 'name', desc: false })).count).toBe(customers.length - deleted);
    }
  });
});

describe('GET /v1/customers?filter=', () => {
  const s = app({ seed: 300, now: () => now });

  it('narrows the list, its total and its pages, and combines with q, status and categoryId by AND', async () => {
    const all = await call(s, 'GET', '/v1/customers?limit=200&filter=uf-SP');
    expect(all.status).toBe(200);
    expect(all.json.items.length).toBeGreaterThan(0);
    expect(all.json.items.every((c: Customer) => c.address?.state === 'SP')).toBe(true);
    const firstPage = await call(s, 'GET', '/v1/customers?limit=5&sort=-totalSpent&filter=uf-SP');
    expect(firstPage.json.total).toBe(all.json.total);
    const next = await call(s, 'GET', `/v1/customers?limit=200&sort=-totalSpent&filter=uf-SP&cursor=${firstPage.json.nextCursor}`);
    expect(firstPage.json.items.length + next.json.items.length).toBe(all.json.total);
    const both = await call(s, 'GET', '/v1/customers?limit=200&kind=company&filter=uf-SP');
    expect(both.json.items.every((c: Customer) => c.kind === 'company' && c.address?.state === 'SP')).toBe(true);
    expect(both.json.total).toBeLessThan(all.json.total);
  });

  it('a bad filter is a localized 422 at `filter` naming the condition', async () => {
    const en = await call(s, 'GET', '/v1/customers?filter=uf-SP.spent-min-muito', { headers: { 'Accept-Language': 'en' } });
    expect(en.status).toBe(422);
    expect(en.json.errors).toEqual([{ path: 'filter', code: 'invalid_filter', message: 'Invalid filter condition: “spent-min-muito”.' }]);
    const pt = await call(s, 'GET', '/v1/customers?filter=idade-18');
    expect(pt.status).toBe(422);
    expect(pt.json.errors[0]).toMatchObject({ path: 'filter', code: 'filter_unknown_condition', message: 'Condição de filtro desconhecida: “idade-18”.' });
  });

  it('bulk actions and exports act on all the customers a filter matches', async () => {
    const list = await call(s, 'GET', '/v1/customers?limit=200&filter=uf-SP.last-notwithin-90');
    const cat = await call(s, 'POST', '/v1/categories', { body: { name: 'Sumidos de SP', color: '#aa3300' } });
    const bulk = await call(s, 'POST', '/v1/customers/bulk', { body: { filter: { filter: 'uf-SP.last-notwithin-90' }, action: 'addCategories', categoryIds: [cat.json.id] } });
    expect(bulk.status).toBe(200);
    expect(bulk.json.matched).toBe(list.json.total);
    const tagged = await call(s, 'GET', `/v1/customers?limit=200&filter=cat-any-${cat.json.id}`);
    expect(tagged.json.items.map((c: Customer) => c.id).sort()).toEqual(list.json.items.map((c: Customer) => c.id).sort());
    const csv = await call(s, 'POST', '/v1/exports', { body: { format: 'csv', dialect: 'machine', filter: { filter: 'uf-SP.last-notwithin-90' }, columns: ['id'] } });
    expect(csv.status).toBe(200);
    expect(csv.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).sort()).toEqual(list.json.items.map((c: Customer) => c.id).sort());
    const bad = await call(s, 'POST', '/v1/customers/bulk', { body: { filter: { filter: 'uf-São' }, action: 'delete' } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0]).toMatchObject({ path: 'filter.filter', code: 'invalid_filter' });
  });
});

describe('the client', () => {
  const s = app({ seed: 300, now: () => now });
  const client = createClient({ baseUrl: 'http://mock.test', apiKey: s.keys.secret, fetch: s.fetch, retry: { limit: 0 } });
  const idle: FilterExpression = [{ type: 'notPurchasedWithin', days: 90 }, { or: [{ type: 'state', states: ['SP'] }, { type: 'state', states: ['RJ'] }] }];

  it('lists, bulk-acts and exports by a typed filter, sent as its text', async () => {
    const typed = await client.customers.list({ filter: idle, limit: 200 });
    const text = await client.customers.list({ filter: 'last-notwithin-90.uf-SP*uf-RJ', limit: 200 });
    expect(typed.total).toBeGreaterThan(0);
    expect(typed.items.map((c) => c.id)).toEqual(text.items.map((c) => c.id));
    const all: string[] = [];
    for await (const c of client.customers.iterate({ filter: idle, limit: 7 })) all.push(c.id);
    expect(all.sort()).toEqual(typed.items.map((c) => c.id).sort());
    const result = await client.customers.bulk({ filter: { filter: idle }, action: 'setStatus', status: 'inactive' });
    expect(result.matched).toBe(typed.total);
    const { blob } = await client.exports.download({ format: 'csv', dialect: 'machine', filter: { filter: idle, status: 'inactive' }, columns: ['id'] });
    expect((await blob.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1).sort()).toEqual(typed.items.map((c) => c.id).sort());
  });

  it('a bad filter is a ValidationError with the field error at `filter`', async () => {
    const error = await client.customers.list({ filter: 'spent-min-x' }).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({ filter: ['Condição de filtro inválida: “spent-min-x”.'] });
  });
});
