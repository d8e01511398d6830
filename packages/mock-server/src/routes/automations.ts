import * as z from 'zod/mini';
import {
  AutomationCreateSchema,
  AutomationListSchema,
  AutomationPatchSchema,
  AutomationPreviewRequestSchema,
  AutomationPreviewSchema,
  AutomationSchema,
  CartEventResultSchema,
  CartEventSchema,
  type Automation,
} from '@clientela/core/schemas';
import { audit, etag, newId, type ServerContext } from '../context.js';
import { idempotent } from '../http/idempotency.js';
import { fail422, fieldIssue, HttpProblem } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import { figuresOf, previewFlow } from '../service/automations.js';
import { customerOfSession } from '../service/sessions.js';
import type { StoredAutomation, StoredCart } from '../store/types.js';
import { checkIfMatch } from './customers.js';
import { checkContent } from './messages.js';

// Automations (#17 §3): flows the scheduler runs (service/automation-scheduler.ts), their figures
// and "who would receive it now", and the cart events the abandoned-cart trigger reads.

const IdParams = z.object({ id: z.string() });

async function withFigures(ctx: ServerContext, flow: StoredAutomation): Promise<Automation> {
  return { ...flow, figures: await figuresOf(ctx, flow.id) };
}

export function registerAutomations(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/automations',
    tag: 'automations',
    summary: 'Automations in the order created, each with its figures (sent, delivered, orders within 7 days after a message)',
    access: 'secret',
    responses: { 200: { description: 'Automations', schema: AutomationListSchema } },
    handler: async (c) => {
      const flows = await ctx.store.listAutomations();
      return c.json({ items: await Promise.all(flows.map((f) => withFigures(ctx, f))) }, 200);
    },
  });

  router.define({
    method: 'post',
    path: '/v1/automations',
    tag: 'automations',
    summary: 'Create an automation: trigger, optional filter, delay, message and channel (on unless `enabled: false`)',
    description:
      'The scheduler acts on each occasion once per customer (a birthday once a year, a lapse without purchases once, each expiring credit once, each abandoned cart once), also with several server processes: the occasion is a unique row written in the transaction that queues the message. Consent is checked as for `POST /v1/messages` (a customer without consent gets a `skipped` row with the reason). A welcome flow greets only customers registered after it was created.',
    access: 'secret',
    request: { body: AutomationCreateSchema, headers: [{ name: 'Idempotency-Key', description: 'Replays the first response: a retried create never makes a second flow.' }] },
    responses: { 201: { description: 'Created', schema: AutomationSchema, headers: ['ETag', 'Location'] }, 422: { description: 'Invalid trigger, filter, subject or variable' } },
    handler: (c, { body }) =>
      idempotent(ctx, c, 'automations.create', async (t) => {
        checkContent(body, c.get('locale'));
        const now = t.now().toISOString();
        const flow: StoredAutomation = {
          id: newId('aut'),
          name: body.name,
          trigger: body.trigger,
          filter: body.filter ?? '',
          delayHours: body.delayHours ?? 0,
          channel: body.channel,
          ...(body.channel === 'email' && body.subject ? { subject: body.subject } : {}),
          text: body.text,
          enabled: body.enabled ?? true,
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        await t.store.putAutomation(flow);
        await audit(t, c, { action: 'automation.create', target: flow.id, targetName: flow.name, count: 0 });
        return { status: 201, body: await withFigures(t, flow), headers: { ETag: etag(1), Location: `/v1/automations/${flow.id}` } };
      }),
  });

  router.define({
    method: 'post',
    path: '/v1/automations/preview',
    tag: 'automations',
    summary: 'Who would receive an automation’s message if the scheduler ran now: how many, how many left out (consent, contact), a few names',
    access: 'secret',
    request: { body: AutomationPreviewRequestSchema },
    responses: { 200: { description: 'Count and sample', schema: AutomationPreviewSchema }, 404: { description: 'No such automation' } },
    handler: async (c, { body }) => {
      const now = ctx.now();
      const saved = body.automationId ? await ctx.store.getAutomation(body.automationId) : undefined;
      if (body.automationId && !saved) throw new HttpProblem('not_found', 404);
      const flow = { ...(saved ?? { delayHours: 0, createdAt: now.toISOString() }), id: saved?.id, trigger: body.trigger, filter: body.filter ?? '', channel: body.channel };
      return c.json(await previewFlow(ctx, flow, now), 200);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/automations/:id',
    tag: 'automations',
    summary: 'One automation with its figures',
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'The automation', schema: AutomationSchema, headers: ['ETag'] }, 404: { description: 'No such automation' } },
    handler: async (c, { params }) => {
      const flow = await ctx.store.getAutomation(params.id);
      if (!flow) throw new HttpProblem('not_found', 404);
      return c.json(await withFigures(ctx, flow), 200, { ETag: etag(flow.version) });
    },
  });

  router.define({
    method: 'patch',
    path: '/v1/automations/:id',
    tag: 'automations',
    summary: 'Change an automation, pause it (`enabled: false`) or turn it on again (If-Match required)',
    access: 'secret',
    request: {
      params: IdParams,
      body: AutomationPatchSchema,
      headers: [
        { name: 'If-Match', required: true, description: 'The ETag read.' },
        { name: 'Idempotency-Key', description: 'A retry of a PATCH that succeeded returns the stored answer.' },
      ],
    },
    responses: {
      200: { description: 'The automation', schema: AutomationSchema, headers: ['ETag'] },
      404: { description: 'No such automation' },
      412: { description: 'Stale If-Match; `current` is the current automation' },
      422: { description: 'Invalid fields' },
      428: { description: 'If-Match missing' },
    },
    handler: (c, { params, body }) =>
      idempotent(ctx, c, 'automations.update', async (t) => {
        const flow = await t.store.getAutomation(params.id);
        if (!flow) throw new HttpProblem('not_found', 404);
        checkIfMatch(c.req.header('If-Match'), flow.version, flow);
        const next: StoredAutomation = { ...flow, updatedAt: t.now().toISOString(), version: flow.version + 1 };
        const changes: string[] = [];
        for (const key of ['name', 'trigger', 'filter', 'delayHours', 'channel', 'text', 'enabled'] as const) {
          const value = body[key];
          if (value === undefined) continue;
          if (JSON.stringify(value) !== JSON.stringify(flow[key])) changes.push(key);
          (next as Record<string, unknown>)[key] = value;
        }
        if (body.subject === null) delete next.subject;
        else if (body.subject !== undefined) next.subject = body.subject;
        if ((body.subject ?? undefined) !== flow.subject && body.subject !== undefined) changes.push('subject');
        if (next.channel !== 'email') delete next.subject;
        checkContent(next, c.get('locale'));
        if (!(await t.store.putAutomation(next, flow.version))) {
          const now = await t.store.getAutomation(flow.id);
          throw new HttpProblem('precondition_failed', 412, { current: now }, { ETag: etag(now?.version ?? flow.version) });
        }
        await audit(t, c, { action: 'automation.update', target: flow.id, targetName: next.name, changes, count: 0 });
        return { status: 200, body: await withFigures(t, next), headers: { ETag: etag(next.version) } };
      }),
  });

  router.define({
    method: 'delete',
    path: '/v1/automations/:id',
    tag: 'automations',
    summary: 'Delete an automation (If-Match optional); the messages it sent stay in the outbox and the batch list',
    access: 'secret',
    request: { params: IdParams, headers: [{ name: 'If-Match', description: 'Deletes only this version.' }] },
    responses: { 204: { description: 'Deleted' }, 404: { description: 'No such automation' }, 412: { description: 'Stale If-Match' } },
    handler: async (c, { params }) => {
      const flow = await ctx.store.getAutomation(params.id);
      if (!flow) throw new HttpProblem('not_found', 404);
      const header = c.req.header('If-Match');
      if (header !== undefined) checkIfMatch(header, flow.version, flow);
      if (!(await ctx.store.deleteAutomation(flow.id, header === undefined ? undefined : flow.version))) {
        const now = await ctx.store.getAutomation(flow.id);
        if (!now) throw new HttpProblem('not_found', 404);
        throw new HttpProblem('precondition_failed', 412, { current: now }, { ETag: etag(now.version) });
      }
      await audit(ctx, c, { action: 'automation.delete', target: flow.id, targetName: flow.name, count: 0 });
      return c.body(null, 204);
    },
  });

  router.define({
    method: 'post',
    path: '/v1/public/cart-events',
    tag: 'automations',
    summary: 'A cart changed: from the storefront (publishable key and the shopper’s session) or from the store’s backend (secret key and `customerId`)',
    description:
      'Feeds the `cart_abandoned` trigger: a cart is abandoned when its last event is `updated` and no order of the customer follows within the flow’s hours. Idempotent by cart and event: the same event again, or one older than the cart’s last, changes nothing (`recorded: false`).',
    access: 'public',
    request: {
      body: CartEventSchema,
      headers: [{ name: 'Clientela-Session', description: 'With the publishable key: the signed-in shopper’s session (the cart is theirs).' }],
    },
    responses: {
      200: { description: 'Recorded, or already recorded', schema: CartEventResultSchema },
      401: { description: 'Publishable key without a session (`session-required`), or an expired one' },
      403: { description: '`customerId` sent with the publishable key' },
      422: { description: 'Invalid event; with the secret key, a missing or unknown `customerId`' },
    },
    handler: async (c, { body }) => {
      const locale = c.get('locale');
      let customerId: string;
      if (c.get('keyKind') === 'secret') {
        if (!body.customerId) fail422([fieldIssue('customerId', 'required', locale)]);
        const customer = await ctx.store.getCustomer(body.customerId);
        if (!customer || customer.status === 'deleted') fail422([fieldIssue('customerId', 'unknown_customer', locale)]);
        customerId = customer.id;
      } else {
        // A storefront page may only speak for the shopper signed in on it.
        if (body.customerId !== undefined) throw new HttpProblem('forbidden', 403);
        customerId = (await customerOfSession(ctx, c.req.header('Clientela-Session')?.trim() || undefined)).id;
      }
      const now = ctx.now().toISOString();
      const at = body.occurredAt ? new Date(body.occurredAt).toISOString() : now;
      const existing = await ctx.store.getCart(body.cartId);
      // A cart id names one shopper's cart: another customer's events for it are refused, not merged.
      if (existing && existing.customerId !== customerId) fail422([fieldIssue('cartId', 'invalid_value', locale)]);
      const cart: StoredCart = {
        id: body.cartId,
        customerId,
        status: body.event === 'updated' ? 'open' : body.event,
        lastEvent: body.event,
        lastEventAt: at,
        ...(body.itemsCount !== undefined ? { itemsCount: body.itemsCount } : {}),
        ...(body.totalCents !== undefined ? { totalCents: body.totalCents } : {}),
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      const recorded = await ctx.store.putCart(cart);
      const stored = recorded ? cart : ((await ctx.store.getCart(body.cartId)) ?? cart);
      return c.json({ recorded, cartId: stored.id, status: stored.status }, 200);
    },
  });
}
