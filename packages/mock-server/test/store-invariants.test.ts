import { describe, expect, it } from 'vitest';
import type { Customer } from '@clientela/core';
import { generateSeed } from '../src/seed/seed.js';
import { matchesTokens, queryTokens, searchTextOf } from '../src/store/search.js';
import { StoreConflict } from '../src/store/types.js';
import { everyStore } from './stores.js';

/** The rules every store enforces itself, whatever runs above it (and however it interleaves). */
const STORES = everyStore('invariants');

function sample(n: number): Customer[] {
  return generateSeed(n, 42).customers.map((c) => ({ ...c, status: 'active' }) as Customer);
}

describe.each(STORES)('store invariants: %s', (_kind, open) => {
  it('a live document has one holder: an insert or an update onto it is refused; a deleted holder frees it', async () => {
    const store = await open();
    const [a, b] = sample(2) as [Customer, Customer];
    await store.insertCustomer(a);
    const clash = await store.insertCustomer({ ...b, document: a.document }).catch((e) => e);
    expect(clash).toBeInstanceOf(StoreConflict);
    expect(clash).toMatchObject({ rule: 'document', holderId: a.id });
    await store.insertCustomer(b);
    await expect(store.updateCustomer({ ...b, document: a.document, version: b.version + 1 }, b.version)).rejects.toBeInstanceOf(StoreConflict);
    expect(await store.updateCustomer({ ...a, status: 'deleted', version: a.version + 1 }, a.version)).toBe(true);
    expect(await store.updateCustomer({ ...b, document: a.document, version: b.version + 1 }, b.version)).toBe(true);
    expect((await store.findByDocument(a.document))?.id).toBe(b.id);
    await store.close();
  });

  it('an update with an expected version writes only over that version', async () => {
    const store = await open();
    const [a] = sample(1) as [Customer];
    await store.insertCustomer(a);
    expect(await store.updateCustomer({ ...a, notes: 'first', version: a.version + 1 }, a.version)).toBe(true);
    expect(await store.updateCustomer({ ...a, notes: 'stale', version: a.version + 1 }, a.version)).toBe(false);
    expect((await store.getCustomer(a.id))?.notes).toBe('first');
    await store.close();
  });

  it('a category name has one holder, ignoring case and accents; a category writes only over its expected version', async () => {
    const store = await open();
    const base = { color: '#1e6fd9', status: 'active' as const, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', version: 1 };
    await store.putCategory({ id: 'cat_a', name: 'Atacadão', ...base });
    await expect(store.putCategory({ id: 'cat_b', name: 'ATACADAO', ...base })).rejects.toMatchObject({ rule: 'category_name', holderId: 'cat_a' });
    expect(await store.putCategory({ id: 'cat_a', name: 'Atacado', ...base, version: 2 }, 1)).toBe(true);
    expect(await store.putCategory({ id: 'cat_a', name: 'Varejo', ...base, version: 2 }, 1)).toBe(false);
    expect((await store.getCategory('cat_a'))?.name).toBe('Atacado');
    await store.close();
  });

  it('claimMeta lets one caller in while the record lives, and another once it expired', async () => {
    const store = await open();
    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => store.claimMeta('idem:k', { i }, '2026-11-01T00:00:00.000Z', '2026-11-01T00:01:00.000Z')));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.claimMeta('idem:k', { late: true }, '2026-11-01T00:00:30.000Z')).toBe(false);
    expect(await store.claimMeta('idem:k', { late: true }, '2026-11-01T00:01:00.000Z')).toBe(true);
    expect(await store.getMeta('idem:k')).toEqual({ late: true });
    await store.close();
  });

  it('a transaction that awaits between its read and its write is not interleaved by another write', async () => {
    const store = await open();
    const [a] = sample(1) as [Customer];
    await store.insertCustomer(a);
    // Ten read-increment-write transactions at once: each must see the previous one's write.
    await Promise.all(
      Array.from({ length: 10 }, () =>
        store.transaction(async (tx) => {
          const cur = (await tx.getCustomer(a.id))!;
          await new Promise((r) => setTimeout(r, 2));
          await tx.updateCustomer({ ...cur, version: cur.version + 1 });
        }),
      ),
    );
    expect((await store.getCustomer(a.id))?.version).toBe(a.version + 10);
    await store.close();
  });

  it('a record read and rewritten in a transaction is not interleaved either, even when it does not exist yet', async () => {
    const store = await open();
    // Ten transactions append to one list record at once (the first finds no record): none is lost.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.transaction(async (tx) => {
          const list = (await tx.getMeta<number[]>('list')) ?? [];
          await new Promise((r) => setTimeout(r, 2));
          await tx.setMeta('list', [...list, i]);
        }),
      ),
    );
    expect(((await store.getMeta<number[]>('list')) ?? []).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await store.close();
  });
});

describe.each(STORES)('store totals: %s', (_kind, open) => {
  it('the total of a query by status and kind stays exact through bulk and concurrent writes, status changes and rolled-back transactions', async () => {
    const store = await open();
    const statuses = ['active', 'inactive', 'blocked', 'deleted'] as const;
    const people = generateSeed(260, 7).customers;
    await store.insertCustomers(people.slice(0, 60));
    // Concurrent single inserts and status changes: each one is a separate count delta (more than
    // the PostgreSQL store keeps before folding them together).
    await Promise.all(people.slice(60).map((c) => store.insertCustomer(c)));
    await Promise.all(
      people.slice(0, 230).map(async (c, i) => {
        const now = (await store.getCustomer(c.id))!;
        await store.updateCustomer({ ...now, status: statuses[i % 4]!, version: now.version + 1 }, now.version);
      }),
    );
    // An update that keeps the status, and a transaction that changes statuses and then throws.
    const kept = (await store.getCustomer(people[0]!.id))!;
    await store.updateCustomer({ ...kept, notes: 'same status', version: kept.version + 1 }, kept.version);
    await store
      .transaction(async (tx) => {
        for (const c of people.slice(230, 240)) {
          const now = (await tx.getCustomer(c.id))!;
          await tx.updateCustomer({ ...now, status: 'blocked', version: now.version + 1 }, now.version);
        }
        throw new Error('abandoned');
      })
      .catch(() => undefined);
    const all: Customer[] = [];
    for await (const c of store.scanCustomers({ statuses }, { field: 'name', desc: false })) all.push(c);
    expect(all).toHaveLength(people.length);
    for (const status of statuses) {
      for (const kind of [undefined, 'person', 'company'] as const) {
        const expected = all.filter((c) => c.status === status && (!kind || c.kind === kind)).length;
        expect(await store.countCustomers({ statuses: [status], kind })).toBe(expected);
      }
    }
    const live = all.filter((c) => c.status !== 'deleted').length;
    const page = await store.listCustomers({ query: { statuses: ['active', 'inactive', 'blocked'] }, sort: { field: 'createdAt', desc: true }, limit: 5 });
    expect(page.total).toBe(live);
    await store.close();
  });
});

describe.each(STORES)('search totals: %s', (_kind, open) => {
  it("a word's total and first page follow renames, status changes and rolled-back transactions", async () => {
    // Half the customers carry the word, so PostgreSQL reads its pages by walking the sort order
    // and counts in customer_search, which its triggers keep in step with customers.
    const store = await open();
    const people = generateSeed(240, 11).customers.map((c, i) => (i % 2 && c.kind === 'person' ? { ...c, lastName: 'Quixaba', status: 'active' } : { ...c, status: 'active' }) as Customer);
    await store.insertCustomers(people.slice(0, 200));
    await Promise.all(people.slice(200).map((c) => store.insertCustomer(c)));
    const change = async (c: Customer, patch: Partial<Customer>) => {
      const now = (await store.getCustomer(c.id))!;
      await store.updateCustomer({ ...now, ...patch, version: now.version + 1 } as Customer, now.version);
    };
    const carriers = people.filter((c) => c.kind === 'person' && c.lastName === 'Quixaba');
    await Promise.all(carriers.slice(0, 15).map((c) => change(c, { lastName: 'Souto' })));
    await Promise.all(carriers.slice(15, 25).map((c) => change(c, { status: 'deleted' })));
    await Promise.all(people.filter((c) => c.kind === 'person' && c.lastName !== 'Quixaba').slice(0, 12).map((c) => change(c, { lastName: 'Quixaba' })));
    await store
      .transaction(async (tx) => {
        for (const c of carriers.slice(25, 35)) {
          const now = (await tx.getCustomer(c.id))!;
          await tx.updateCustomer({ ...now, lastName: 'Souto', version: now.version + 1 } as Customer, now.version);
        }
        throw new Error('abandoned');
      })
      .catch(() => undefined);
    const all: Customer[] = [];
    for await (const c of store.scanCustomers({ statuses: ['active', 'deleted'] }, { field: 'name', desc: false })) all.push(c);
    for (const q of ['quixaba', 'souto']) {
      const expected = all
        .filter((c) => c.status === 'active' && matchesTokens(searchTextOf(c), queryTokens(q)))
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
      const page = await store.listCustomers({ query: { statuses: ['active'], q }, sort: { field: 'createdAt', desc: true }, limit: 10 });
      expect(page.total, q).toBe(expected.length);
      expect(page.items.map((c) => c.id)).toEqual(expected.slice(0, 10).map((c) => c.id));
    }
    expect(all.filter((c) => c.status === 'active' && searchTextOf(c).includes('quixaba')).length).toBeGreaterThan(40);
    await store.close();
  });
});

describe.each(STORES.slice(1))('%s transactions roll back', (_kind, open) => {
  it('a transaction that throws keeps none of its writes', async () => {
    const store = await open();
    const [a, b] = sample(2) as [Customer, Customer];
    await store.insertCustomer(a);
    await expect(
      store.transaction(async (tx) => {
        await tx.insertCustomer(b);
        await tx.updateCustomer({ ...a, notes: 'changed', version: a.version + 1 });
        await tx.setMeta('k', 1);
        throw new Error('fails after writing');
      }),
    ).rejects.toThrow('fails after writing');
    expect(await store.getCustomer(b.id)).toBeUndefined();
    expect((await store.getCustomer(a.id))?.notes).toBe(a.notes);
    expect(await store.getMeta('k')).toBeUndefined();
    await store.close();
  });
});
