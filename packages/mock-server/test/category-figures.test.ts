// The category manager's figures and a shopper's benefits, on every store: the figures equal a
// brute-force sum over every customer and order read back through the API; the benefits are the
// largest of the shopper's own discount and their active categories', an automatic one included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { call, PERSON } from './helpers.js';
import { everyServer } from './stores.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-10T12:00:00.000Z');
const servers = everyServer('category-figures', { seed: 300, now: () => new Date(NOW) });

async function pages(s: MockServer, path: string): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const r: any = await call(s, 'GET', `${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.status).toBe(200);
    out.push(...r.json.items);
    cursor = r.json.nextCursor;
  } while (cursor);
  return out;
}

describe.each(servers)('category figures and benefits on %s', (_kind, open) => {
  let s: MockServer;
  beforeAll(async () => {
    s = await open();
    await s.ready;
  }, 180_000);
  afterAll(() => s.close());

  it('GET /v1/categories/figures equals a brute-force count over every customer and order', async () => {
    // An automatic category too, so its members are counted like a manual one's.
    const auto = await call(s, 'POST', '/v1/categories', { body: { name: 'Compraram em 60 dias', rule: 'last-within-60' } });
    expect(auto.status).toBe(201);
    const r = await call(s, 'GET', '/v1/categories/figures');
    expect(r.status).toBe(200);
    expect(r.json.at).toBe(new Date(NOW).toISOString());
    const customers = await pages(s, '/v1/customers?sort=createdAt');
    const orders = await pages(s, '/v1/orders');
    const categories = (await call(s, 'GET', '/v1/categories')).json.items;
    const byCustomer = new Map(customers.map((c) => [c.id, c]));
    const counted = (o: any) => o.status !== 'returned' && o.status !== 'cancelled';
    const last = new Date(NOW - 30 * DAY).toISOString();
    const prev = new Date(NOW - 60 * DAY).toISOString();
    let windows = 0;
    expect(r.json.items.map((f: any) => f.categoryId).sort()).toEqual(categories.map((c: any) => c.id).sort());
    for (const cat of categories) {
      const members = customers.filter((c) => c.categoryIds.includes(cat.id));
      const theirs = orders.filter((o) => counted(o) && byCustomer.get(o.customerId)?.categoryIds.includes(cat.id));
      const total = theirs.reduce((sum, o) => sum + o.totalCents, 0);
      const inLast = theirs.filter((o) => o.placedAt >= last).length;
      const inPrev = theirs.filter((o) => o.placedAt >= prev && o.placedAt < last).length;
      windows += inLast + inPrev;
      const f = r.json.items.find((x: any) => x.categoryId === cat.id);
      expect(f).toEqual({
        categoryId: cat.id,
        members: members.length,
        ordersCount: theirs.length,
        totalSpentCents: total,
        averageTicketCents: theirs.length ? Math.round(total / theirs.length) : null,
        ordersLast30Days: inLast,
        ordersPrevious30Days: inPrev,
        trend: inPrev ? (inLast - inPrev) / inPrev : null,
      });
      expect(f.members).toBe(cat.customerCount);
    }
    // The seed gives the windows something to count, so the check above is not over zeros.
    expect(windows).toBeGreaterThan(0);
    expect(r.json.items.find((x: any) => x.categoryId === auto.json.id).members).toBeGreaterThan(0);
  }, 120_000);

  it('GET /v1/public/me/benefits: the largest of the shopper’s own discount and their active categories’, and which gives it', async () => {
    const email = `beneficios.${_kind}@example.com.br`;
    const password = 'S3nha-de-compra-longa';
    const reg = await call(s, 'POST', '/v1/public/registrations', { key: s.keys.publishable, body: { ...PERSON, document: '390.533.447-05', email, password } });
    expect(reg.status).toBe(201);
    const token = (await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email, password } })).json.token;
    const benefits = async () => (await call(s, 'GET', '/v1/public/me/benefits', { key: s.keys.publishable, headers: { 'Clientela-Session': token } })).json;
    expect(await benefits()).toEqual({ discountPercent: 0, appliedFrom: null, discounts: [] });
    const id = reg.json.id;
    const own = await call(s, 'GET', `/v1/customers/${id}?document=masked`);
    await call(s, 'PATCH', `/v1/customers/${id}`, { body: { discountPercent: 5 }, headers: { 'If-Match': own.headers.get('ETag')! } });
    expect(await benefits()).toEqual({ discountPercent: 5, appliedFrom: { source: 'customer', discountPercent: 5 }, discounts: [{ source: 'customer', discountPercent: 5 }] });
    const vip = (await call(s, 'POST', '/v1/categories', { body: { name: `Ouro ${_kind}`, rule: 'spent-min-100000', discountPercent: 12.5 } })).json;
    await call(s, 'POST', '/v1/orders', { body: { customerId: id, number: `B-${_kind}`, placedAt: new Date(NOW - DAY).toISOString(), itemsCount: 1, totalCents: 150_000, status: 'paid' } });
    const gold = { source: 'category', categoryId: vip.id, name: vip.name, discountPercent: 12.5 };
    expect(await benefits()).toEqual({ discountPercent: 12.5, appliedFrom: gold, discounts: [gold, { source: 'customer', discountPercent: 5 }] });
    await call(s, 'PATCH', `/v1/categories/${vip.id}`, { body: { status: 'inactive' }, headers: { 'If-Match': `"${vip.version}"` } });
    expect((await benefits()).discountPercent).toBe(5);
    const none = await call(s, 'GET', '/v1/public/me/benefits', { key: s.keys.publishable });
    expect(none.status).toBe(401);
  });
});
