import { expect, expectEqual, expectFieldError, expectProblem, expectStatus } from '../assert.js';
import type { Body, Session } from '../session.js';

const DAY = 86_400_000;

/** Orders are records: the customer's figures follow each write, returns take the amount out. */
export async function orderChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('orders', 'orders as records: figures in the same write, idempotent create, If-Match status changes, returns taken out');
  let customer: Body | undefined;
  let order: Body | undefined;
  const number = `CF-${s.run}`;
  const placedAt = new Date(Date.now() - 3 * DAY).toISOString();
  const stats = async () => (await http.get(`/v1/customers/${customer!.id}?document=masked`)).json.stats as Body;

  await runner.check('POST /v1/orders → 201 with ETag; the customer figures count it at once', async () => {
    customer = await s.mustCreate(s.person());
    const body = { customerId: customer.id, number, placedAt, itemsCount: 2, totalCents: 15_990, status: 'paid', source: 'pos' };
    const r = await http.post('/v1/orders', body, { headers: { 'Idempotency-Key': `cf-order-${s.run}` } });
    expectStatus(r, 201);
    expect(r.headers.get('etag') === '"1"', `ETag is ${JSON.stringify(r.headers.get('etag'))}`);
    order = r.json;
    const st = await stats();
    expectEqual([st.ordersCount, st.totalSpentCents, st.firstPurchaseAt, st.lastPurchaseAt], [1, 15_990, placedAt, placedAt], 'stats after the order');
  });
  await runner.check('the same create with the same Idempotency-Key replays it: one order', async () => {
    expect(order, 'the order was not created');
    const body = { customerId: customer!.id, number, placedAt, itemsCount: 2, totalCents: 15_990, status: 'paid', source: 'pos' };
    const r = await http.post('/v1/orders', body, { headers: { 'Idempotency-Key': `cf-order-${s.run}` } });
    expectStatus(r, 201);
    expectEqual(r.json.id, order.id, 'replayed id');
    expectEqual((await stats()).ordersCount, 1, 'ordersCount after the replay');
  });
  await runner.check('an order number already used in the unit → 409 duplicate_order_number with existingId', async () => {
    expect(order, 'the order was not created');
    const r = await http.post('/v1/orders', { customerId: customer!.id, number, placedAt, itemsCount: 1, totalCents: 100 });
    expectProblem(r, 409);
    expectEqual(r.json.existingId, order.id, 'existingId');
  });
  await runner.check('bad input → 422 with field errors; unknown customer → 404', async () => {
    expectFieldError(await http.post('/v1/orders', { customerId: customer!.id, number: `${number}-x`, placedAt, itemsCount: 1, totalCents: 100, status: 'lost' }), 'status', 'invalid_order_status');
    expectProblem(await http.post('/v1/orders', { customerId: 'cus_conformance_missing', number: `${number}-y`, placedAt, itemsCount: 1, totalCents: 100 }), 404);
  });
  await runner.check('PATCH /v1/orders/:id without If-Match → 428; stale → 412 with current', async () => {
    expect(order, 'the order was not created');
    expectProblem(await http.patch(`/v1/orders/${order.id}`, { status: 'shipped' }), 428);
    const ok = await http.patch(`/v1/orders/${order.id}`, { status: 'shipped' }, { headers: { 'If-Match': '"1"' } });
    expectStatus(ok, 200);
    const stale = await http.patch(`/v1/orders/${order.id}`, { status: 'delivered' }, { headers: { 'If-Match': '"1"' } });
    expectProblem(stale, 412);
    expectEqual(stale.json.current?.status, 'shipped', 'current.status');
  });
  await runner.check('a return takes the order out of the figures; a returned order cannot be paid again (422 invalid_transition)', async () => {
    expect(order, 'the order was not created');
    const r = await http.patch(`/v1/orders/${order.id}`, { status: 'returned' }, { headers: { 'If-Match': '"2"' } });
    expectStatus(r, 200);
    const st = await stats();
    expectEqual([st.ordersCount, st.totalSpentCents, st.lastPurchaseAt], [0, 0, null], 'stats after the return');
    expectFieldError(await http.patch(`/v1/orders/${order.id}`, { status: 'paid' }, { headers: { 'If-Match': '"3"' } }), 'status', 'invalid_transition');
    const listed = await http.get(`/v1/customers/${customer!.id}/orders`);
    expectStatus(listed, 200);
    expectEqual((listed.json.items as Body[]).map((o) => [o.id, o.status]), [[order.id, 'returned']], 'the customer orders');
  });
}

/** Credits are a ledger: grants, redemptions nearest expiry first, balances exact, never overspent. */
export async function creditChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('credits', 'credits ledger: grants, redemptions, balances and expiring state derived at read time');
  let customer: Body | undefined;
  const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();

  await runner.check('POST /v1/customers/:id/credits grants; an expiry in the past → 422 expiry_in_past', async () => {
    customer = await s.mustCreate(s.person());
    expectStatus(await http.post(`/v1/customers/${customer.id}/credits`, { kind: 'referral', amountCents: 2_000, expiresAt: at(10) }), 201);
    expectStatus(await http.post(`/v1/customers/${customer.id}/credits`, { kind: 'cashback', amountCents: 3_000, expiresAt: at(120) }), 201);
    expectFieldError(await http.post(`/v1/customers/${customer.id}/credits`, { kind: 'cashback', amountCents: 3_000, expiresAt: at(-1) }), 'expiresAt', 'expiry_in_past');
  });
  await runner.check('GET /v1/customers/:id/credits: balances and states (expiring within 30 days)', async () => {
    expect(customer, 'the customer was not created');
    const r = await http.get(`/v1/customers/${customer.id}/credits`);
    expectStatus(r, 200);
    expectEqual(r.json.balanceCents, 5_000, 'balanceCents');
    expectEqual((r.json.items as Body[]).map((c) => [c.status, c.balanceCents]), [['expiring', 2_000], ['active', 3_000]], 'credits');
  });
  await runner.check('a redemption spends nearest expiry first; more than the balance → 422 insufficient_credit', async () => {
    expect(customer, 'the customer was not created');
    const r = await http.post(`/v1/customers/${customer.id}/credits/redemptions`, { amountCents: 2_500 });
    expectStatus(r, 201);
    expectEqual((r.json.entries as Body[]).map((e) => e.amountCents), [2_000, 500], 'amounts per grant');
    expectEqual(r.json.credits.balanceCents, 2_500, 'balance after');
    expectFieldError(await http.post(`/v1/customers/${customer.id}/credits/redemptions`, { amountCents: 2_501 }), 'amountCents', 'insufficient_credit');
  });
  await runner.check('GET /v1/credits lists the customer credits with balances', async () => {
    expect(customer, 'the customer was not created');
    const mine: Body[] = [];
    let cursor: string | null = null;
    do {
      const r: Awaited<ReturnType<typeof http.get>> = await http.get(`/v1/credits?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expectStatus(r, 200);
      mine.push(...(r.json.items as Body[]).filter((e) => e.customerId === customer!.id));
      cursor = r.json.nextCursor;
    } while (cursor);
    expectEqual(mine.map((e) => [e.credit.status, e.credit.balanceCents]), [['used', 0], ['active', 2_500]], 'wallet entries');
  });
}
