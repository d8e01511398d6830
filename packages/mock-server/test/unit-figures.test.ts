import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsAsPurchase, type Order } from '@clientela/core/schemas';
import type { MockServer } from '../src/index.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { call, PERSON } from './helpers.js';
import { everyServer } from './stores.js';

// Each customer's figures per unit, on every store: `GET /v1/customers?unit=` gives every row its
// figures at that unit and sorts by them; the figures equal a brute-force sum over the stored
// orders (read back through the API), the `unit-…` filter selects exactly the customers with a
// purchase there, and an order written, returned or cancelled moves them in the same write.

const servers = everyServer('unit-figures', { seed: 250 });
const UNITS = ['loja_online', 'loja_centro', 'loja_shopping'];

interface Row {
  id: string;
  stats: { ordersCount: number; totalSpentCents: number; firstPurchaseAt: string | null; lastPurchaseAt: string | null; averageRating: number | null };
}

describe.each(servers)('figures per unit on %s', (_, open) => {
  let s: MockServer;
  beforeAll(async () => {
    s = await open();
    await s.ready;
  }, 120_000);
  afterAll(() => s.close());

  /** Every row of the list, page by page along the cursor. */
  async function walk(query: string): Promise<{ rows: Row[]; total: number }> {
    const rows: Row[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const r = await call(s, 'GET', `/v1/customers?${query}&limit=70${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(r.status).toBe(200);
      rows.push(...r.json.items);
      total = r.json.total;
      cursor = r.json.nextCursor;
    } while (cursor);
    return { rows, total };
  }

  /** Brute force: each (unit, customer)'s figures summed from every stored order. */
  async function bruteForce(): Promise<Map<string, Row['stats']>> {
    const orders: Order[] = [];
    let cursor: string | null = null;
    do {
      const r = await call(s, 'GET', `/v1/orders?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      orders.push(...r.json.items);
      cursor = r.json.nextCursor;
    } while (cursor);
    const sums = new Map<string, { n: number; total: number; first: string | null; last: string | null; rated: number[] }>();
    for (const o of orders) {
      if (!o.unitId) continue;
      const key = `${o.unitId}|${o.customerId}`;
      const f = sums.get(key) ?? { n: 0, total: 0, first: null, last: null, rated: [] };
      sums.set(key, f);
      if (o.rating !== undefined) f.rated.push(o.rating);
      if (!countsAsPurchase(o.status)) continue;
      f.n++;
      f.total += o.totalCents;
      if (f.first === null || o.placedAt < f.first) f.first = o.placedAt;
      if (f.last === null || o.placedAt > f.last) f.last = o.placedAt;
    }
    const out = new Map<string, Row['stats']>();
    for (const [key, f] of sums) {
      out.set(key, {
        ordersCount: f.n,
        totalSpentCents: f.total,
        firstPurchaseAt: f.first,
        lastPurchaseAt: f.last,
        averageRating: f.rated.length ? f.rated.reduce((a, b) => a + b, 0) / f.rated.length : null,
      });
    }
    return out;
  }

  const NONE: Row['stats'] = { ordersCount: 0, totalSpentCents: 0, firstPurchaseAt: null, lastPurchaseAt: null, averageRating: null };
  const figures = (r: Row) => ({ ordersCount: r.stats.ordersCount, totalSpentCents: r.stats.totalSpentCents, firstPurchaseAt: r.stats.firstPurchaseAt, lastPurchaseAt: r.stats.lastPurchaseAt, averageRating: r.stats.averageRating });

  it.each(UNITS)('every row of unit %s carries its exact figures there, sorted by them, and the unit filter picks those who bought there', async (unit) => {
    const truth = await bruteForce();
    const all = await walk('sort=name');
    for (const sort of ['-totalSpent', 'ordersCount', '-lastPurchaseAt', 'name']) {
      const { rows, total } = await walk(`unit=${unit}&sort=${sort}`);
      expect(total).toBe(all.total);
      expect(rows.length).toBe(all.total);
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      for (const r of rows) expect(figures(r), `${r.id} at ${unit}`).toEqual(truth.get(`${unit}|${r.id}`) ?? NONE);
      const key = (r: Row) => (sort.endsWith('totalSpent') ? r.stats.totalSpentCents : sort.endsWith('ordersCount') ? r.stats.ordersCount : sort.endsWith('lastPurchaseAt') ? (r.stats.lastPurchaseAt ?? '') : undefined);
      if (key(rows[0]!) !== undefined) {
        const desc = sort.startsWith('-');
        for (let i = 1; i < rows.length; i++) {
          const a = key(rows[i - 1]!)!;
          const b = key(rows[i]!)!;
          const inOrder = a === b ? (desc ? rows[i - 1]!.id > rows[i]!.id : rows[i - 1]!.id < rows[i]!.id) : desc ? a > b : a < b;
          expect(inOrder, `${sort}: row ${i}`).toBe(true);
        }
      }
    }
    const bought = new Set([...truth].filter(([k, f]) => k.startsWith(`${unit}|`) && f.ordersCount > 0).map(([k]) => k.split('|')[1]!));
    const filtered = await walk(`filter=unit-${unit}`);
    const listed = new Set(all.rows.map((r) => r.id));
    expect(new Set(filtered.rows.map((r) => r.id))).toEqual(new Set([...bought].filter((id) => listed.has(id))));
    expect(bought.size).toBeGreaterThan(10);
  });

  it('an offset page for one unit is the same rows as walking to it', async () => {
    const walked = (await walk('unit=loja_centro&sort=-totalSpent')).rows;
    const r = await call(s, 'GET', '/v1/customers?unit=loja_centro&sort=-totalSpent&offset=100&limit=30');
    expect(r.json.items.map((c: Row) => c.id)).toEqual(walked.slice(100, 130).map((c) => c.id));
  });

  it('an order at a unit moves the figures there in the same write, a return takes it back out; other units stay', async () => {
    const created = await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: generateCpf(new Prng(77)), email: 'unidade.teste@example.com', lastName: 'Figurasporunidade' } });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const at = async (unit: string) => ((await call(s, 'GET', `/v1/customers?unit=${unit}&q=Figurasporunidade`)).json.items as Row[]).find((r) => r.id === id)!;
    const placedAt = '2026-10-01T12:00:00.000Z';
    const made = await call(s, 'POST', '/v1/orders', { body: { number: 'UF-1', customerId: id, unitId: 'loja_shopping', placedAt, itemsCount: 2, totalCents: 9_999_000, status: 'paid', rating: 5 } });
    expect(made.status).toBe(201);
    expect(figures(await at('loja_shopping'))).toEqual({ ordersCount: 1, totalSpentCents: 9_999_000, firstPurchaseAt: placedAt, lastPurchaseAt: placedAt, averageRating: 5 });
    expect(((await call(s, 'GET', '/v1/customers?unit=loja_shopping&sort=-totalSpent&limit=1')).json.items[0] as Row).id).toBe(id);
    expect(figures(await at('loja_centro'))).toEqual(NONE);
    expect((await call(s, 'GET', `/v1/customers?filter=unit-loja_shopping&q=Figurasporunidade`)).json.total).toBe(1);
    const back = await call(s, 'PATCH', `/v1/orders/${made.json.id}`, { body: { status: 'returned' }, headers: { 'If-Match': '"1"' } });
    expect(back.status).toBe(200);
    // Taken back out of the purchase figures; its rating stays, as in the customer's own figures.
    expect(figures(await at('loja_shopping'))).toEqual({ ...NONE, averageRating: 5 });
    expect((await call(s, 'GET', `/v1/customers?filter=unit-loja_shopping&q=Figurasporunidade`)).json.total).toBe(0);
    expect((await bruteForce()).get(`loja_shopping|${id}`)).toEqual({ ...NONE, averageRating: 5 });
  });

  it('refuses an unknown unit with a localized 422 at unit', async () => {
    const r = await call(s, 'GET', '/v1/customers?unit=nenhuma', { headers: { 'Accept-Language': 'es' } });
    expect(r.status).toBe(422);
    expect(r.json.errors).toEqual([{ path: 'unit', code: 'unknown_unit', message: 'Unidad inexistente: regístrala en Unidades antes de registrar pedidos en ella.' }]);
  });
});
