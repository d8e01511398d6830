// PostgreSQL alone: what keeps its list and search fast after many writes — the state the store
// leaves its tables and its search index in, read from PostgreSQL's own catalog.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSeed } from '../src/seed/seed.js';
import { PostgresStore } from '../src/store/postgres.js';
import { createTestDatabase, type TestDatabase } from '../../../test/postgres.js';

const databases: TestDatabase[] = [];
const open: { end(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(open.map((x) => x.end()));
  await Promise.all(databases.map((d) => d.drop()));
});

async function fresh(): Promise<{ store: PostgresStore; sql: pg.Client }> {
  const db = await createTestDatabase();
  databases.push(db);
  const store = await PostgresStore.open(db.url);
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  open.push(sql, { end: () => store.close() });
  return { store, sql };
}

describe('PostgreSQL upkeep', () => {
  it('a bulk insert leaves the customer tables vacuumed and analyzed, so autovacuum has no pass to make over them mid-request', async () => {
    const { store, sql } = await fresh();
    await store.insertCustomers(generateSeed(3000, 3).customers);
    const r = await sql.query<{ relname: string; relpages: number; relallvisible: number; reltuples: number }>(
      "SELECT relname, relpages, relallvisible, reltuples FROM pg_class WHERE relname IN ('customers', 'customer_data') ORDER BY relname",
    );
    expect(r.rows.map((x) => x.relname)).toEqual(['customer_data', 'customers']);
    for (const t of r.rows) {
      expect(t.reltuples, t.relname).toBe(3000);
      expect(t.relpages, t.relname).toBeGreaterThan(0);
      expect(t.relallvisible, t.relname).toBe(t.relpages);
    }
    // The batches' count deltas are folded into one row per (status, kind).
    const deltas = await sql.query<{ n: number; groups: number }>('SELECT count(*)::int AS n, count(DISTINCT (status, kind))::int AS groups FROM customer_count_deltas');
    expect(deltas.rows[0]!.n).toBe(deltas.rows[0]!.groups);
  });

  it('the search index keeps at most 512 kB of pending entries, which every search reads in full', async () => {
    const { store, sql } = await fresh();
    const people = generateSeed(700, 5).customers;
    await store.insertCustomers(people.slice(0, 100));
    // Single writes, as the API makes them: each adds its search text's trigrams to the index.
    for (const c of people.slice(100)) await store.insertCustomer(c);
    for (const c of people.slice(0, 100)) {
      const now = (await store.getCustomer(c.id))!;
      await store.updateCustomer({ ...now, status: 'blocked', version: now.version + 1 }, now.version);
    }
    // gin_clean_pending_list merges the pending list and says how many pages it held.
    const pending = await sql.query<{ pages: number }>("SELECT gin_clean_pending_list('customers_search'::regclass)::int AS pages");
    expect(pending.rows[0]!.pages).toBeLessThanOrEqual(64);
    // The searches still find every row written.
    const found = await store.listCustomers({ query: { statuses: ['active', 'inactive', 'blocked', 'deleted'], q: people[650]!.document }, sort: { field: 'name', desc: false }, limit: 5 });
    expect(found.items.map((c) => c.id)).toContain(people[650]!.id);
  });
});
