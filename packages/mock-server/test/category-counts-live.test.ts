// Category counts are of live customers (#18 §3 and §2), on all three stores: `GET /v1/categories`
// (`customerCount`) and `GET /v1/categories/figures` count what the table lists under the
// category — active, inactive and blocked customers. A record merged into another is not a
// customer any more (its orders moved to the survivor), so it counts nowhere; an anonymized one is
// `deleted` and counts nowhere either (its orders stay on its record and in the store's totals).
import { afterAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { call } from './helpers.js';
import { everyServer } from './stores.js';

describe.each(everyServer('category-counts-live'))('category counts of live customers on %s', (_kind, open) => {
  let s: MockServer;
  afterAll(() => s?.close());

  it('a merge and an anonymization leave the counts and figures equal to what the table lists', async () => {
    s = await open();
    const cat = await call(s, 'POST', '/v1/categories', { body: { name: 'Atacado', color: '#1d4ed8' } });
    expect(cat.status, cat.text).toBe(201);
    const categoryIds = [cat.json.id as string];
    const people = [
      { kind: 'person', document: '529.982.247-25', firstName: 'Ana', lastName: 'Prudente', email: 'ana@example.com.br', categoryIds },
      { kind: 'person', document: '390.533.447-05', firstName: 'Ana', lastName: 'P.', email: 'ana.p@example.com.br', categoryIds },
      { kind: 'person', document: '111.444.777-35', firstName: 'Caio', lastName: 'Lima', email: 'caio@example.com.br', categoryIds },
    ];
    const [ana, again, caio] = await Promise.all(people.map(async (body) => (await call(s, 'POST', '/v1/customers', { body })).json as { id: string }));
    const orders: [string, string, number][] = [[ana!.id, 'P-1', 10_000], [again!.id, 'P-2', 2_500], [caio!.id, 'P-3', 4_000]];
    for (const [customerId, number, totalCents] of orders) {
      const o = await call(s, 'POST', '/v1/orders', { body: { customerId, number, placedAt: '2026-11-20T10:00:00Z', itemsCount: 1, totalCents, status: 'paid' } });
      expect(o.status, o.text).toBe(201);
    }
    const counts = async () => {
      const list = await call(s, 'GET', '/v1/categories');
      const figures = await call(s, 'GET', '/v1/categories/figures');
      const table = await call(s, 'GET', `/v1/customers?categoryId=${cat.json.id}&limit=100`);
      const f = figures.json.items.find((x: { categoryId: string }) => x.categoryId === cat.json.id);
      return {
        customerCount: list.json.items.find((x: { id: string }) => x.id === cat.json.id).customerCount,
        members: f.members,
        ordersCount: f.ordersCount,
        totalSpentCents: f.totalSpentCents,
        ordersLast30Days: f.ordersLast30Days,
        table: table.json.items.length,
      };
    };
    expect(await counts()).toEqual({ customerCount: 3, members: 3, ordersCount: 3, totalSpentCents: 16_500, ordersLast30Days: 3, table: 3 });

    // The second Ana is merged into the first: one customer with both orders.
    const merged = await call(s, 'POST', '/v1/customers/merge', { body: { merges: [{ survivorId: ana!.id, mergedId: again!.id }] } });
    expect(merged.status, merged.text).toBe(200);
    expect(await counts()).toEqual({ customerCount: 2, members: 2, ordersCount: 3, totalSpentCents: 16_500, ordersLast30Days: 3, table: 2 });

    // Caio is erased: his record is kept (deleted, anonymized) with its order, but is no member.
    const erased = await call(s, 'POST', `/v1/customers/${caio!.id}/anonymize`, { body: { confirmation: 'ANONIMIZAR' } });
    expect(erased.status, erased.text).toBe(200);
    expect(await counts()).toEqual({ customerCount: 1, members: 1, ordersCount: 2, totalSpentCents: 12_500, ordersLast30Days: 2, table: 1 });
    expect((await call(s, 'GET', `/v1/customers/${caio!.id}/orders`)).json.items).toHaveLength(1);
  });
});
