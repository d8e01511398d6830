// Credits tell the truth at the moment they are read, and the card's average rating is the mean
// of the ratings its orders carry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { app, call } from './helpers.js';

const DAY = 86_400_000;

describe('credits follow their expiry at the moment they are read', () => {
  let s: MockServer;
  let clock = Date.parse('2026-11-30T12:00:00.000Z');
  beforeAll(() => {
    s = app({ seed: 300, now: () => new Date(clock) });
  });
  afterAll(() => s.close());

  async function wallet(query: string): Promise<any[]> {
    const items: any[] = [];
    let cursor: string | null = null;
    do {
      const r: any = await call(s, 'GET', `/v1/credits?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`);
      items.push(...r.json.items);
      cursor = r.json.nextCursor;
    } while (cursor);
    return items;
  }

  it('a credit whose expiry has passed is expired, on the customer and in the wallet', async () => {
    const now = new Date(clock).toISOString();
    const all = await wallet('');
    expect(all.length).toBeGreaterThan(20);
    for (const e of all) {
      if (e.credit.status === 'used') continue;
      const soon = new Date(clock + 30 * DAY).toISOString();
      expect(e.credit.status, `${e.credit.id} expires ${e.credit.expiresAt}`).toBe(e.credit.expiresAt <= now ? 'expired' : e.credit.expiresAt <= soon ? 'expiring' : 'active');
    }
    // A credit due in the first days of November, read at the end of the month.
    const lapsed = all.find((e) => e.credit.status !== 'used' && e.credit.expiresAt > '2026-11-01' && e.credit.expiresAt < now);
    expect(lapsed).toBeDefined();
    const own = await call(s, 'GET', `/v1/customers/${lapsed.customerId}/credits`);
    expect(own.json.items.find((x: any) => x.id === lapsed.credit.id).status).toBe('expired');
  });

  it('the wallet lists active credits by nearest future expiry', async () => {
    const now = new Date(clock).toISOString();
    const active = await wallet('&status=active');
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((e) => ['active', 'expiring'].includes(e.credit.status) && e.credit.balanceCents > 0 && e.credit.expiresAt > now)).toBe(true);
    const expiries = active.map((e) => e.credit.expiresAt);
    expect(expiries).toEqual([...expiries].sort());
    expect((await call(s, 'GET', '/v1/credits?status=active&limit=1')).json.total).toBe(active.length);
  });

  it('the next read after an expiry passes sees it expired (no stale cache)', async () => {
    const first = (await wallet('&status=expiring'))[0];
    clock = Date.parse(first.credit.expiresAt) + 1;
    const after = await wallet('&status=expiring');
    expect(after.map((e) => e.credit.id)).not.toContain(first.credit.id);
    const expired = await wallet('&status=expired');
    expect(expired.map((e) => e.credit.id)).toContain(first.credit.id);
    const own = await call(s, 'GET', `/v1/customers/${first.customerId}/credits`);
    expect(own.json.items.find((x: any) => x.id === first.credit.id).status).toBe('expired');
    clock -= 2 * DAY;
    expect((await wallet('&status=expiring')).map((e) => e.credit.id)).toContain(first.credit.id);
  });
});

describe('the average rating agrees with the orders', () => {
  let s: MockServer;
  beforeAll(() => {
    s = app({ seed: 300 });
  });
  afterAll(() => s.close());

  it('is the mean of the rated orders, and absent exactly when no order is rated', async () => {
    const page = (await call(s, 'GET', '/v1/customers?limit=120')).json.items.filter((c: any) => c.stats.ordersCount > 0);
    let rated = 0;
    let unrated = 0;
    for (const c of page) {
      const orders: any[] = [];
      let cursor: string | null = null;
      do {
        const r: any = await call(s, 'GET', `/v1/customers/${c.id}/orders?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
        orders.push(...r.json.items);
        cursor = r.json.nextCursor;
      } while (cursor);
      const ratings = orders.filter((o) => o.rating !== undefined).map((o) => o.rating as number);
      if (ratings.length) {
        rated++;
        expect(c.stats.averageRating).toBeCloseTo(ratings.reduce((a, b) => a + b, 0) / ratings.length, 10);
      } else {
        unrated++;
        expect(c.stats.averageRating).toBeNull();
      }
    }
    expect(rated).toBeGreaterThan(0);
    expect(unrated).toBeGreaterThan(0);
  });
});
