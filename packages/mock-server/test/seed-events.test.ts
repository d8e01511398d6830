import { afterEach, describe, expect, it } from 'vitest';
import type { Event } from '@clientela/core/schemas';
import type { MockServer } from '../src/index.js';
import { everyServer } from './stores.js';

// The seed writes its events (#16): the change feed of a seeded store tells it as it is — every
// seeded category and customer created, every order and credit entry, every deletion — through the
// same services the routes use, in the seed's transaction.

let opened: MockServer[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function feed(s: MockServer): Promise<Event[]> {
  const all: Event[] = [];
  let after = 0;
  for (;;) {
    const page = await s.store.listEvents({ after, limit: 500 });
    all.push(...page.items);
    after = page.cursor;
    if (!page.hasMore) return all;
  }
}

describe.each(everyServer('seed-events', { seed: 40 }))('a seeded store on %s', (_kind, open) => {
  it('its feed holds category.created, customer.created, order.created, the credit entries and customer.deleted of what was seeded, in sequence', async () => {
    const s = await open();
    opened.push(s);
    await s.ready;
    const events = await feed(s);
    const sequences = events.map((e) => e.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);

    const of = (type: string) => events.filter((e) => e.type === type);
    const categories = await s.store.listCategories();
    expect(of('category.created').map((e) => (e.data as { category: { id: string } }).category.id).sort()).toEqual(categories.map((c) => c.id).sort());

    const created = of('customer.created').map((e) => (e.data as { customer: { id: string } }).customer.id);
    expect(created).toHaveLength(40);
    expect(new Set(created).size).toBe(40);
    expect(await s.store.customerCount()).toBe(40);
    const customers = await Promise.all(created.map(async (id) => (await s.store.getCustomer(id))!));
    expect(customers.every(Boolean)).toBe(true);

    // Every stored order (cancelled ones too, which the figures leave out) has its order.created.
    const orders = (await Promise.all(created.map(async (customerId) => (await s.store.listOrders({ customerId, limit: 1000 })).items))).flat();
    expect(orders.length).toBeGreaterThan(0);
    expect(of('order.created').map((e) => (e.data as { order: { id: string } }).order.id).sort()).toEqual(orders.map((o) => o.id).sort());
    expect(of('credit.granted').length).toBeGreaterThan(0);

    const deleted = customers.filter((c) => c.status === 'deleted').map((c) => c.id).sort();
    expect(of('customer.deleted').map((e) => (e.data as { customer: { id: string } }).customer.id).sort()).toEqual(deleted);
    // A customer's creation comes before its orders in the feed.
    const firstOrder = of('order.created')[0]!;
    const owner = (firstOrder.data as { order: { customerId: string } }).order.customerId;
    const creation = events.find((e) => e.type === 'customer.created' && (e.data as { customer: { id: string } }).customer.id === owner)!;
    expect(creation.sequence).toBeLessThan(firstOrder.sequence);
  });
});
