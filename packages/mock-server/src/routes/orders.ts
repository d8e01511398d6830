import * as z from 'zod/mini';
import { customerDisplayName } from '@clientela/core/format';
import { OrderCreateSchema, OrderListQuerySchema, OrderPageSchema, OrderPatchSchema, OrderSchema, type Order } from '@clientela/core/schemas';
import { audit, etag, type ServerContext } from '../context.js';
import { decodeTuple, encodeTuple } from '../http/cursor.js';
import { idempotent } from '../http/idempotency.js';
import { HttpProblem } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import { changeOrder, patchedOrder, recordOrders } from '../service/orders.js';
import { checkIfMatch } from './customers.js';

const IdParams = z.object({ id: z.string() });
const IDEMPOTENCY = { name: 'Idempotency-Key', description: 'Replays the first response for a repeated request with the same body.' };

async function orderOr404(ctx: ServerContext, id: string): Promise<Order> {
  const order = await ctx.store.getOrder(id);
  if (!order) throw new HttpProblem('not_found', 404);
  return order;
}

/** One page of orders, newest first, after the cursor (`[placedAt, id]` of the last row shown). */
export async function orderPage(ctx: ServerContext, query: { customerId?: string | undefined; status?: Order['status'] | undefined; cursor?: string | undefined; limit?: number | undefined }, locale: Parameters<typeof decodeTuple>[2]) {
  const after = decodeTuple(query.cursor, 2, locale) as [string, string] | undefined;
  const limit = query.limit ?? 20;
  const page = await ctx.store.listOrders({ customerId: query.customerId, status: query.status, after: after && { placedAt: after[0], id: after[1] }, limit });
  const last = page.items[page.items.length - 1];
  return { items: page.items, nextCursor: page.hasMore && last ? encodeTuple([last.placedAt, last.id]) : null };
}

export function registerOrders(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'post',
    path: '/v1/orders',
    tag: 'orders',
    summary: "Record an order for a customer (the store's backend, a point of sale); the customer's figures follow in the same transaction",
    description:
      'Orders count, total spent, first and last purchase and the average rating of the customer are computed again from its stored orders in the transaction that stores this one. An order returned or cancelled counts in none of them. `number` is unique within a unit (409 `duplicate_order_number` with `existingId`). With `Idempotency-Key` a retry returns the first answer.',
    access: 'secret',
    request: { body: OrderCreateSchema, headers: [IDEMPOTENCY] },
    responses: {
      201: { description: 'The order', schema: OrderSchema, headers: ['ETag', 'Location'] },
      404: { description: 'No such customer' },
      409: { description: 'Another order of the unit holds the number' },
      422: { description: 'Invalid order, or the customer was deleted' },
    },
    handler: (c, { body }) =>
      idempotent(ctx, c, 'orders.create', async (t) => {
        const { orders, customer } = await recordOrders(t, body.customerId, [{ input: body }], c.get('locale'));
        const order = orders[0]!;
        await audit(t, c, {
          action: 'order.create',
          target: customer.id,
          targetName: customerDisplayName(customer),
          order: { id: order.id, number: order.number },
          amountCents: order.totalCents,
          toStatus: order.status,
          count: 1,
        });
        ctx.version++;
        return { status: 201, body: order, headers: { ETag: etag(order.version), Location: `/v1/orders/${order.id}` } };
      }),
  });

  router.define({
    method: 'get',
    path: '/v1/orders',
    tag: 'orders',
    summary: 'Orders, newest first (cursor pages), optionally of one customer or in one status',
    access: 'secret',
    request: { query: OrderListQuerySchema },
    responses: { 200: { description: 'One page of orders', schema: OrderPageSchema } },
    handler: async (c, { query }) => c.json(await orderPage(ctx, query, c.get('locale'))),
  });

  router.define({
    method: 'get',
    path: '/v1/orders/:id',
    tag: 'orders',
    summary: 'One order',
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'The order', schema: OrderSchema, headers: ['ETag'] }, 404: { description: 'No such order' } },
    handler: async (c, { params }) => {
      const order = await orderOr404(ctx, params.id);
      return c.json(order, 200, { ETag: etag(order.version) });
    },
  });

  router.define({
    method: 'patch',
    path: '/v1/orders/:id',
    tag: 'orders',
    summary: "Change an order's status or rating (If-Match required); a return or cancellation takes it out of the customer's figures",
    description:
      'Statuses move forward only: pending → paid | shipped | delivered | cancelled; paid → shipped | delivered | cancelled | returned; shipped → delivered | returned | cancelled; delivered → returned; returned and cancelled are final (422 `invalid_transition`). The customer\'s figures are computed again in the same transaction.',
    access: 'secret',
    request: {
      params: IdParams,
      body: OrderPatchSchema,
      headers: [
        { name: 'If-Match', required: true, description: 'The ETag read (`"<version>"`).' },
        { name: 'Idempotency-Key', description: 'A retry of a PATCH that succeeded returns the stored answer instead of a 412 against its own write.' },
      ],
    },
    responses: {
      200: { description: 'The order', schema: OrderSchema, headers: ['ETag'] },
      404: { description: 'No such order' },
      412: { description: 'Stale If-Match; `current` is the current order' },
      422: { description: 'A status change that is not allowed' },
      428: { description: 'If-Match missing' },
    },
    handler: (c, { params, body }) =>
      idempotent(ctx, c, 'orders.update', async (t) => {
        const current = await orderOr404(t, params.id);
        checkIfMatch(c.req.header('If-Match'), current.version, current);
        const next = patchedOrder(current, body, ctx.now().toISOString(), c.get('locale'));
        const done = await changeOrder(t, current, next);
        if (!done) {
          const now = await orderOr404(t, params.id);
          throw new HttpProblem('precondition_failed', 412, { current: now }, { ETag: etag(now.version) });
        }
        await audit(t, c, {
          action: 'order.update',
          target: done.customer.id,
          targetName: customerDisplayName(done.customer),
          order: { id: next.id, number: next.number },
          amountCents: next.totalCents,
          fromStatus: current.status,
          toStatus: next.status,
          changes: (['status', 'rating'] as const).filter((k) => next[k] !== current[k]),
          count: 1,
        });
        ctx.version++;
        return { status: 200, body: next, headers: { ETag: etag(next.version) } };
      }),
  });
}
