import * as z from 'zod/mini';
import {
  CreditGrantEntrySchema,
  CreditGrantSchema,
  CreditListQuerySchema,
  CreditListSchema,
  CreditRedeemSchema,
  CreditRedemptionSchema,
  CreditWalletPageSchema,
  CreditWalletQuerySchema,
} from '@clientela/core/schemas';
import { audit, type ServerContext } from '../context.js';
import { decodeTuple, encodeTuple } from '../http/cursor.js';
import { idempotent } from '../http/idempotency.js';
import type { Router } from '../openapi/define-route.js';
import { creditsOf, creditWallet, grantCredit, redeemCredit } from '../service/credits.js';
import { getOr404 } from './customers.js';

const IdParams = z.object({ id: z.string() });
const IDEMPOTENCY = { name: 'Idempotency-Key', description: 'Replays the first response for a repeated request with the same body.' };

export function registerCredits(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/customers/:id/credits',
    tag: 'credits',
    summary: "A customer's credits, derived from its ledger at the moment of the request, nearest expiry first",
    description:
      'Each grant with what is left (`balanceCents`), what was redeemed and what lapsed; `status` is `used` (all spent), `expired` (its expiry passed with a balance), `expiring` (a balance that lapses within `expiringWithinDays`, default 30) or `active`. `balanceCents` of the list is what can be spent now.',
    access: 'secret',
    request: { params: IdParams, query: CreditListQuerySchema },
    responses: { 200: { description: 'Credits, nearest expiry first', schema: CreditListSchema }, 404: { description: 'No such customer' } },
    handler: async (c, { params, query }) => {
      await getOr404(ctx, params.id);
      return c.json(await creditsOf(ctx, params.id, query.expiringWithinDays));
    },
  });

  router.define({
    method: 'post',
    path: '/v1/customers/:id/credits',
    tag: 'credits',
    summary: 'Grant a referral credit or a cashback bonus (an amount and an expiry): a ledger entry',
    access: 'secret',
    request: { params: IdParams, body: CreditGrantSchema, headers: [IDEMPOTENCY] },
    responses: {
      201: { description: 'The grant as written to the ledger', schema: CreditGrantEntrySchema },
      404: { description: 'No such customer' },
      422: { description: 'Invalid grant (an expiry in the past), or the customer was deleted' },
    },
    handler: (c, { params, body }) =>
      idempotent(ctx, c, 'credits.grant', async (t) => {
        const { entry, customerName } = await grantCredit(t, params.id, body, c.get('locale'));
        await audit(t, c, { action: 'credit.grant', target: params.id, targetName: customerName, amountCents: entry.amountCents, detail: entry.kind, count: 1 });
        ctx.version++;
        return { status: 201, body: entry, headers: { Location: `/v1/customers/${params.id}/credits` } };
      }),
  });

  router.define({
    method: 'post',
    path: '/v1/customers/:id/credits/redemptions',
    tag: 'credits',
    summary: "Spend part of a customer's credit, nearest expiry first (one ledger entry per grant drawn from)",
    description: '422 `insufficient_credit` (the message names the balance available) when the credit that can be spent now is smaller. Two redemptions of one customer never spend a balance twice, across processes.',
    access: 'secret',
    request: { params: IdParams, body: CreditRedeemSchema, headers: [IDEMPOTENCY] },
    responses: {
      201: { description: 'The entries written and the credits after them', schema: CreditRedemptionSchema },
      404: { description: 'No such customer' },
      422: { description: 'Not enough credit, or the customer was deleted' },
    },
    handler: (c, { params, body }) =>
      idempotent(ctx, c, 'credits.redeem', async (t) => {
        const { customerName, ...result } = await redeemCredit(t, params.id, body, c.get('locale'));
        await audit(t, c, { action: 'credit.redeem', target: params.id, targetName: customerName, amountCents: body.amountCents, detail: result.redemptionId, count: result.entries.length });
        ctx.version++;
        return { status: 201, body: result };
      }),
  });

  router.define({
    method: 'get',
    path: '/v1/credits',
    tag: 'credits',
    summary: 'The credits wallet: every credit of the customers, nearest expiry first, with balances',
    description: '`status=active` lists what can still be spent: `active` and `expiring` credits.',
    access: 'secret',
    request: { query: CreditWalletQuerySchema },
    responses: { 200: { description: 'One page', schema: CreditWalletPageSchema } },
    handler: async (c, { query }) => {
      const before = query.expiringBefore ? new Date(query.expiringBefore).toISOString() : undefined;
      // `active` asks for what can still be spent, so it includes the credits about to lapse.
      const statuses = query.status === 'active' ? ['active', 'expiring'] : query.status ? [query.status] : undefined;
      const all = (await creditWallet(ctx)).filter((e) => (!statuses || statuses.includes(e.credit.status)) && (!before || e.credit.expiresAt < before));
      const after = decodeTuple(query.cursor, 2, c.get('locale'));
      let start = 0;
      if (after) {
        const [at, id] = after as [string, string];
        start = all.findIndex((e) => e.credit.expiresAt > at || (e.credit.expiresAt === at && e.credit.id > id));
        if (start < 0) start = all.length;
      }
      const limit = query.limit ?? 50;
      const items = all.slice(start, start + limit);
      const last = items[items.length - 1];
      return c.json({ items, nextCursor: start + limit < all.length && last ? encodeTuple([last.credit.expiresAt, last.credit.id]) : null, total: all.length });
    },
  });
}
