// Orders and credits are stored records, on every store alike: an order write and the customer's
// figures commit together; a return or cancellation takes the amount back out; credit balances
// and states are derived from the ledger at the moment of the request; the seeded figures are
// exactly what the stored orders add up to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import type { Store } from '../src/store/types.js';
import { generateCpf } from '../src/seed/documents.js';
import { generateSeed } from '../src/seed/seed.js';
import { Prng } from '../src/seed/prng.js';
import { app, call, PERSON } from './helpers.js';
import { everyStore } from './stores.js';

const rng = new Prng(20261130);
const cpf = () => generateCpf(rng);

const DAY = 86_400_000;
const STORES = everyStore('orders');

const counted = (o: { status: string }) => o.status !== 'returned' && o.status !== 'cancelled';

/** Every order of a customer through the API, walking the cursor pages. */
async function allOrders(s: MockServer, customerId: string, limit = 3): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const r: any = await call(s, 'GET', `/v1/customers/${customerId}/orders?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.status).toBe(200);
    out.push(...r.json.items);
    cursor = r.json.nextCursor;
  } while (cursor);
  return out;
}

describe.each(STORES)('orders and credits as records: %s', (_kind, open) => {
  let s: MockServer;
  let clock = Date.parse('2026-11-22T12:00:00.000Z');
  let customer: any;
  let n = 0;
  const number = () => `T-${Date.now()}-${++n}`;
  const order = (over: Record<string, unknown> = {}) => ({
    customerId: customer.id,
    number: number(),
    placedAt: new Date(clock - 10 * DAY).toISOString(),
    itemsCount: 2,
    totalCents: 10_000,
    status: 'paid',
    source: 'pos',
    ...over,
  });
  const stats = async (id = customer.id) => (await call(s, 'GET', `/v1/customers/${id}?document=masked`)).json.stats;

  beforeAll(async () => {
    s = app({ store: await open(), now: () => new Date(clock) });
    customer = (await call(s, 'POST', '/v1/customers', { body: PERSON })).json;
    expect(customer.stats).toMatchObject({ ordersCount: 0, totalSpentCents: 0, firstPurchaseAt: null, lastPurchaseAt: null });
  }, 60_000);
  afterAll(() => s.close());

  it('POST /v1/orders records an order and the customer figures in one write; a retry with the key replays it', async () => {
    const body = order({ placedAt: '2026-11-01T10:00:00.000Z', totalCents: 12_345, rating: 4 });
    const r = await call(s, 'POST', '/v1/orders', { body, headers: { 'Idempotency-Key': `o-${body.number}` } });
    expect(r.status).toBe(201);
    expect(r.headers.get('ETag')).toBe('"1"');
    expect(r.headers.get('Location')).toBe(`/v1/orders/${r.json.id}`);
    expect(r.json).toMatchObject({ ...body, version: 1 });
    const again = await call(s, 'POST', '/v1/orders', { body, headers: { 'Idempotency-Key': `o-${body.number}` } });
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.json.id).toBe(r.json.id);
    expect(await stats()).toMatchObject({ ordersCount: 1, totalSpentCents: 12_345, firstPurchaseAt: body.placedAt, lastPurchaseAt: body.placedAt, averageRating: 4 });
    expect((await call(s, 'GET', `/v1/orders/${r.json.id}`)).json).toEqual(r.json);
    // The same number again, without the key: the number is taken in its unit, not in another.
    const dup = await call(s, 'POST', '/v1/orders', { body });
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ existingId: r.json.id, errors: [{ path: 'number', code: 'duplicate_order_number' }] });
    expect((await call(s, 'POST', '/v1/units', { body: { id: 'loja_centro', name: 'Loja Centro' } })).status).toBe(201);
    expect((await call(s, 'POST', '/v1/orders', { body: { ...body, unitId: 'loja_centro' } })).status).toBe(201);
    expect((await stats()).ordersCount).toBe(2);
  });

  it('refuses bad input with localized 422s, an unknown customer with 404, and writes nothing', async () => {
    const before = await stats();
    const bad = await call(s, 'POST', '/v1/orders', { body: order({ itemsCount: 0, status: 'lost', totalCents: -1 }), headers: { 'Accept-Language': 'en' } });
    expect(bad.status).toBe(422);
    const byPath = Object.fromEntries(bad.json.errors.map((e: any) => [e.path, e]));
    expect(byPath.status).toMatchObject({ code: 'invalid_order_status', message: expect.stringContaining('Invalid order status') });
    expect(byPath.itemsCount.code).toBe('too_small');
    expect(byPath.totalCents.code).toBe('too_small');
    const future = await call(s, 'POST', '/v1/orders', { body: order({ placedAt: new Date(clock + DAY).toISOString() }) });
    expect(future.status).toBe(422);
    expect(future.json.errors[0]).toMatchObject({ path: 'placedAt', code: 'placed_in_future', message: 'A data do pedido não pode estar no futuro.' });
    const nobody = await call(s, 'POST', '/v1/orders', { body: order({ customerId: 'cus_nobody' }) });
    expect(nobody.status).toBe(404);
    expect(await stats()).toEqual(before);
  });

  it('PATCH moves the status with If-Match; a return or a cancellation takes the amount back out, first and last purchase follow', async () => {
    const c = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: cpf(), email: `p${Date.now()}${n++}@example.com` } })).json;
    const mk = async (placedAt: string, totalCents: number) => (await call(s, 'POST', '/v1/orders', { body: order({ customerId: c.id, placedAt, totalCents, status: 'pending' }) })).json;
    const old = await mk('2026-01-10T12:00:00.000Z', 5_000);
    const mid = await mk('2026-06-10T12:00:00.000Z', 7_000);
    const last = await mk('2026-11-10T12:00:00.000Z', 11_000);
    expect(await stats(c.id)).toMatchObject({ ordersCount: 3, totalSpentCents: 23_000, firstPurchaseAt: old.placedAt, lastPurchaseAt: last.placedAt });

    expect((await call(s, 'PATCH', `/v1/orders/${last.id}`, { body: { status: 'paid' } })).status).toBe(428);
    const paid = await call(s, 'PATCH', `/v1/orders/${last.id}`, { body: { status: 'paid' }, headers: { 'If-Match': '"1"' } });
    expect(paid.status).toBe(200);
    expect(paid.json).toMatchObject({ status: 'paid', version: 2 });
    expect(paid.headers.get('ETag')).toBe('"2"');
    const stale = await call(s, 'PATCH', `/v1/orders/${last.id}`, { body: { status: 'shipped' }, headers: { 'If-Match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.json.current).toMatchObject({ id: last.id, version: 2, status: 'paid' });

    const returned = await call(s, 'PATCH', `/v1/orders/${last.id}`, { body: { status: 'returned' }, headers: { 'If-Match': '"2"' } });
    expect(returned.status).toBe(200);
    expect(await stats(c.id)).toMatchObject({ ordersCount: 2, totalSpentCents: 12_000, firstPurchaseAt: old.placedAt, lastPurchaseAt: mid.placedAt });
    const cancelled = await call(s, 'PATCH', `/v1/orders/${old.id}`, { body: { status: 'cancelled' }, headers: { 'If-Match': '"1"' } });
    expect(cancelled.status).toBe(200);
    expect(await stats(c.id)).toMatchObject({ ordersCount: 1, totalSpentCents: 7_000, firstPurchaseAt: mid.placedAt, lastPurchaseAt: mid.placedAt });

    // Final statuses stay final, in the request's language.
    const back = await call(s, 'PATCH', `/v1/orders/${old.id}`, { body: { status: 'paid' }, headers: { 'If-Match': '"2"', 'Accept-Language': 'es' } });
    expect(back.status).toBe(422);
    expect(back.json.errors[0]).toMatchObject({ path: 'status', code: 'invalid_transition', message: 'Un pedido cancelado no puede pasar a pagado.' });
    expect((await call(s, 'GET', `/v1/orders/${old.id}`)).json.status).toBe('cancelled');

    // Every order still lists, with its status; the audit log tells each write.
    expect((await allOrders(s, c.id)).map((o) => [o.id, o.status])).toEqual([
      [last.id, 'returned'],
      [mid.id, 'pending'],
      [old.id, 'cancelled'],
    ]);
    const log = (await call(s, 'GET', '/v1/audit?action=order.update&limit=5')).json.items;
    expect(log[0]).toMatchObject({ action: 'order.update', target: c.id, order: { id: old.id }, fromStatus: 'pending', toStatus: 'cancelled' });
    expect((await call(s, 'GET', '/v1/audit?action=order.create&limit=1')).json.items[0]).toMatchObject({ target: c.id, order: { id: last.id }, amountCents: 11_000 });
  });

  it('a customer with many orders pages through them by keyset cursor, newest first, ties broken by id', async () => {
    const c = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: cpf(), email: `k${Date.now()}${n++}@example.com` } })).json;
    const same = '2026-10-01T00:00:00.000Z';
    for (let i = 0; i < 8; i++) await call(s, 'POST', '/v1/orders', { body: order({ customerId: c.id, placedAt: i < 4 ? same : new Date(Date.parse(same) + i * DAY).toISOString(), totalCents: 1000 + i }) });
    const seen = await allOrders(s, c.id, 3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen.map((o) => o.id)).size).toBe(8);
    const keys = seen.map((o) => `${o.placedAt}|${o.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect((await stats(c.id)).totalSpentCents).toBe(seen.reduce((a, o) => a + o.totalCents, 0));
    const mine = (await call(s, 'GET', `/v1/orders?customerId=${c.id}&limit=200`)).json.items;
    expect(mine.map((o: any) => o.id)).toEqual(seen.map((o) => o.id));
    expect((await call(s, 'GET', '/v1/orders?cursor=nonsense')).status).toBe(422);
  });

  it('credits: grants and redemptions are ledger entries; balances, expiring and expired are exact at the request time', async () => {
    const c = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: cpf(), email: `c${Date.now()}${n++}@example.com` } })).json;
    const at = (days: number) => new Date(clock + days * DAY).toISOString();
    const soon = await call(s, 'POST', `/v1/customers/${c.id}/credits`, { body: { kind: 'referral', amountCents: 2_000, expiresAt: at(10) }, headers: { 'Idempotency-Key': `g-${c.id}` } });
    expect(soon.status).toBe(201);
    expect(soon.json).toMatchObject({ type: 'grant', kind: 'referral', amountCents: 2_000, origin: 'Indique e Ganhe' });
    const replay = await call(s, 'POST', `/v1/customers/${c.id}/credits`, { body: { kind: 'referral', amountCents: 2_000, expiresAt: at(10) }, headers: { 'Idempotency-Key': `g-${c.id}` } });
    expect(replay.json.id).toBe(soon.json.id);
    const later = (await call(s, 'POST', `/v1/customers/${c.id}/credits`, { body: { kind: 'cashback', amountCents: 3_000, expiresAt: at(90), origin: 'Bônus de aniversário' } })).json;
    const past = await call(s, 'POST', `/v1/customers/${c.id}/credits`, { body: { kind: 'cashback', amountCents: 3_000, expiresAt: at(-1) } });
    expect(past.status).toBe(422);
    expect(past.json.errors[0].code).toBe('expiry_in_past');

    let list = (await call(s, 'GET', `/v1/customers/${c.id}/credits`)).json;
    expect(list.balanceCents).toBe(5_000);
    expect(list.items.map((x: any) => [x.id, x.status, x.balanceCents])).toEqual([
      [soon.json.id, 'expiring', 2_000],
      [later.id, 'active', 3_000],
    ]);

    // Spend 2.500: the credit that lapses first is spent first.
    const spent = await call(s, 'POST', `/v1/customers/${c.id}/credits/redemptions`, { body: { amountCents: 2_500, orderId: 'ord_x' } });
    expect(spent.status).toBe(201);
    expect(spent.json.entries.map((e: any) => [e.grantId, e.amountCents])).toEqual([
      [soon.json.id, 2_000],
      [later.id, 500],
    ]);
    expect(spent.json.credits.balanceCents).toBe(2_500);
    const tooMuch = await call(s, 'POST', `/v1/customers/${c.id}/credits/redemptions`, { body: { amountCents: 2_501 } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.json.errors[0]).toMatchObject({ code: 'insufficient_credit', message: 'Saldo de créditos insuficiente: disponível R$\u00a025,00.' });

    // Read 100 days later: the cashback lapsed with 2.500 left; nothing can be spent.
    clock += 100 * DAY;
    try {
      list = (await call(s, 'GET', `/v1/customers/${c.id}/credits`)).json;
      expect(list.balanceCents).toBe(0);
      expect(list.items.map((x: any) => [x.status, x.balanceCents, x.redeemedCents, x.expiredCents])).toEqual([
        ['used', 0, 2_000, 0],
        ['expired', 0, 500, 2_500],
      ]);
      expect((await call(s, 'POST', `/v1/customers/${c.id}/credits/redemptions`, { body: { amountCents: 1 } })).status).toBe(422);
      const wallet = (await call(s, 'GET', `/v1/credits?status=expired&limit=200`)).json.items.filter((e: any) => e.customerId === c.id);
      expect(wallet.map((e: any) => e.credit.id)).toEqual([later.id]);
    } finally {
      clock -= 100 * DAY;
    }
    // A window asked for: 5 days ahead, the referral (used) and the cashback (90 days) are not "expiring".
    expect((await call(s, 'GET', `/v1/customers/${c.id}/credits?expiringWithinDays=5`)).json.items.map((x: any) => x.status)).toEqual(['used', 'active']);
    const log = (await call(s, 'GET', '/v1/audit?action=credit.redeem&limit=1')).json.items[0];
    expect(log).toMatchObject({ target: c.id, amountCents: 2_500, count: 2 });
  });

  it('concurrent redemptions never spend a balance twice', async () => {
    const c = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: cpf(), email: `r${Date.now()}${n++}@example.com` } })).json;
    await call(s, 'POST', `/v1/customers/${c.id}/credits`, { body: { kind: 'referral', amountCents: 5_000, expiresAt: new Date(clock + 60 * DAY).toISOString() } });
    const replies = await Promise.all(Array.from({ length: 12 }, () => call(s, 'POST', `/v1/customers/${c.id}/credits/redemptions`, { body: { amountCents: 1_000 } })));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(5);
    expect(statuses.filter((x) => x === 422)).toHaveLength(7);
    expect((await call(s, 'GET', `/v1/customers/${c.id}/credits`)).json.items[0]).toMatchObject({ balanceCents: 0, redeemedCents: 5_000, status: 'used' });
  });

  it('a deleted customer takes no new order or credit (422), and an unknown one is a 404', async () => {
    const c = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: cpf(), email: `d${Date.now()}${n++}@example.com` } })).json;
    await call(s, 'DELETE', `/v1/customers/${c.id}`);
    expect((await call(s, 'POST', '/v1/orders', { body: order({ customerId: c.id }) })).json.errors[0].code).toBe('customer_deleted');
    expect((await call(s, 'POST', `/v1/customers/${c.id}/credits`, { body: { kind: 'referral', amountCents: 100, expiresAt: new Date(clock + DAY).toISOString() } })).status).toBe(422);
    expect((await call(s, 'POST', '/v1/customers/cus_nobody/credits', { body: { kind: 'referral', amountCents: 100, expiresAt: new Date(clock + DAY).toISOString() } })).status).toBe(404);
    expect((await call(s, 'GET', '/v1/customers/cus_nobody/credits')).status).toBe(404);
  });
});

describe.each(STORES)('the seeded figures are what the stored orders add up to: %s', (_kind, open) => {
  let s: MockServer;
  let store: Store;
  beforeAll(async () => {
    store = await open();
    s = app({ store, seed: 150, seedValue: 3 });
    await s.ready;
  }, 120_000);
  afterAll(() => s.close());

  it('every customer: orders count, total spent, first and last purchase, average rating, brute force over its rows', async () => {
    let withOrders = 0;
    let withReturns = 0;
    // The generator's customers carry the figures their planned history adds up to: the service
    // that wrote the history computed the same ones from the stored rows.
    const planned = new Map(generateSeed(150, 3).customers.map((c) => [c.id, c.stats]));
    for await (const c of store.scanCustomers({ statuses: ['active', 'inactive', 'blocked', 'deleted'] }, { field: 'createdAt', desc: false })) {
      const rows = (await store.listOrders({ customerId: c.id, limit: 10_000 })).items;
      const kept = rows.filter(counted);
      const rated = rows.filter((o) => o.rating !== undefined);
      expect(c.stats.ordersCount, c.id).toBe(kept.length);
      expect(c.stats.totalSpentCents, c.id).toBe(kept.reduce((a, o) => a + o.totalCents, 0));
      expect(c.stats.firstPurchaseAt, c.id).toBe(kept.length ? kept.map((o) => o.placedAt).sort()[0] : null);
      expect(c.stats.lastPurchaseAt, c.id).toBe(kept.length ? kept.map((o) => o.placedAt).sort().at(-1) : null);
      expect(c.stats.averageRating, c.id).toBe(rated.length ? rated.reduce((a, o) => a + o.rating!, 0) / rated.length : null);
      expect(c.stats, c.id).toEqual(planned.get(c.id));
      if (rows.length) withOrders++;
      if (rows.length !== kept.length) withReturns++;
    }
    expect(withOrders).toBeGreaterThan(50);
    expect(withReturns).toBeGreaterThan(0);
  });

  it('the same seed value gives the same orders, figures and credits on every store', async () => {
    const ref = app({ seed: 150, seedValue: 3 });
    await ref.ready;
    try {
      const page = (x: MockServer) => call(x, 'GET', '/v1/customers?sort=-totalSpent&limit=40&status=active,inactive,blocked,deleted');
      const [mine, theirs] = [(await page(s)).json.items, (await page(ref)).json.items];
      expect(mine.map((c: any) => [c.id, c.stats])).toEqual(theirs.map((c: any) => [c.id, c.stats]));
      const top = mine[0].id;
      expect((await allOrders(s, top, 200)).map((o) => o.id)).toEqual((await allOrders(ref, top, 200)).map((o) => o.id));
      const wallet = async (x: MockServer) => (await call(x, 'GET', '/v1/credits?limit=200')).json.items.map((e: any) => [e.customerId, e.credit.id, e.credit.balanceCents, e.credit.status]);
      const w = await wallet(s);
      expect(w.length).toBeGreaterThan(10);
      expect(w).toEqual(await wallet(ref));
      expect(w.some((e: any[]) => e[3] === 'used')).toBe(true);
    } finally {
      await ref.close();
    }
  });
});

describe.each(STORES.filter(([kind]) => kind !== 'memory'))('a failure mid-way leaves nothing half-written: %s', (_kind, open) => {
  it('an order whose figures cannot be written is not stored either', async () => {
    const store = await open();
    // A store that fails the customer's update once, as a crash between the two writes would.
    let failNext = false;
    const failing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'transaction') {
          return (fn: (tx: Store) => Promise<unknown>) =>
            target.transaction((tx) =>
              fn(
                new Proxy(tx, {
                  get(t2, p2, r2) {
                    if (p2 === 'updateCustomer' && failNext) {
                      return async () => {
                        failNext = false;
                        throw new Error('power cut');
                      };
                    }
                    const v = Reflect.get(t2, p2, r2);
                    return typeof v === 'function' ? v.bind(t2) : v;
                  },
                }),
              ),
            );
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const s = app({ store: failing });
    try {
      const c = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: cpf() } })).json;
      failNext = true;
      const body = { customerId: c.id, number: 'X-1', placedAt: '2026-11-01T12:00:00.000Z', itemsCount: 1, totalCents: 5_000, status: 'paid' };
      const broken = await call(s, 'POST', '/v1/orders', { body, headers: { 'Idempotency-Key': 'crash-1' } });
      expect(broken.status).toBe(500);
      expect((await store.listOrders({ customerId: c.id, limit: 10 })).items).toEqual([]);
      expect((await store.getCustomer(c.id))!.stats.ordersCount).toBe(0);
      // The retry with the same key runs again (nothing was stored for it) and succeeds once.
      const retried = await call(s, 'POST', '/v1/orders', { body, headers: { 'Idempotency-Key': 'crash-1' } });
      expect(retried.status).toBe(201);
      expect((await store.getCustomer(c.id))!.stats).toMatchObject({ ordersCount: 1, totalSpentCents: 5_000 });
    } finally {
      await s.close();
    }
  });
});
