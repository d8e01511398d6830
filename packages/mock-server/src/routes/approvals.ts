import * as z from 'zod/mini';
import {
  CatalogSettingsSchema,
  CustomerSchema,
  RegistrationDecisionSchema,
  RegistrationRequestListSchema,
  type CatalogSettings,
  type Customer,
  type RegistrationRequest,
} from '@clientela/core/schemas';
import { audit, etag, inTransaction, type ServerContext } from '../context.js';
import { HttpProblem } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import { listItem } from '../service/customers.js';
import { closeAllSessions } from '../service/sessions.js';
import { customerDisplayName } from '@clientela/core/format';

// A private catalog: who may self-register (open, approval, off), and the queue of registrations
// the store approves or refuses. Only approved customers sign in; the shopper learns the outcome
// at their next sign-in.

const CATALOG_KEY = 'settings:catalog';
const QUEUE_KEY = 'registration-requests';
const APPROVED_NOTICE = (id: string) => `approved-notice:${id}`;
const DEFAULT_CATALOG: CatalogSettings = { selfRegistration: 'open' };

export async function catalogOf(ctx: ServerContext): Promise<CatalogSettings> {
  return (await ctx.store.getMeta<CatalogSettings>(CATALOG_KEY)) ?? DEFAULT_CATALOG;
}

/**
 * Queues a self-registration for the store's decision. Call inside the registration's transaction
 * (the queue is one record, read and written under the transaction's lock).
 */
export async function queueRegistration(t: ServerContext, customer: Customer): Promise<void> {
  const queue = (await t.store.getMeta<RegistrationRequest[]>(QUEUE_KEY)) ?? [];
  const request: RegistrationRequest = {
    customerId: customer.id,
    name: customerDisplayName(customer),
    ...(customer.email ? { email: customer.email } : {}),
    kind: customer.kind,
    requestedAt: customer.createdAt,
    status: 'pending',
  };
  await t.store.setMeta(QUEUE_KEY, [request, ...queue]);
}

/** Whether the first sign-in after approval should say so (and forget it once said). */
export async function takeApprovedNotice(ctx: ServerContext, customerId: string): Promise<boolean> {
  if (!(await ctx.store.getMeta<boolean>(APPROVED_NOTICE(customerId)))) return false;
  await ctx.store.deleteMeta(APPROVED_NOTICE(customerId));
  return true;
}

export function registerApprovals(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/settings/catalog',
    tag: 'settings',
    summary: 'Who may self-register: open, approval (a private catalog with a request queue) or off',
    access: 'secret',
    responses: { 200: { description: 'Catalog settings', schema: CatalogSettingsSchema } },
    handler: async (c) => c.json(await catalogOf(ctx)),
  });

  router.define({
    method: 'put',
    path: '/v1/settings/catalog',
    tag: 'settings',
    summary: 'Replace the catalog settings (audited settings.update)',
    access: 'secret',
    request: { body: CatalogSettingsSchema },
    responses: { 200: { description: 'Catalog settings', schema: CatalogSettingsSchema } },
    handler: async (c, { body }) => {
      await inTransaction(ctx, async (t) => {
        await t.store.setMeta(CATALOG_KEY, body);
        await audit(t, c, { action: 'settings.update', count: 1, detail: `catalog: ${body.selfRegistration}` });
      });
      return c.json(body);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/public/settings/catalog',
    tag: 'settings',
    summary: 'Catalog settings for the storefront (whether and how shoppers register)',
    access: 'public',
    responses: { 200: { description: 'Catalog settings', schema: CatalogSettingsSchema } },
    handler: async (c) => c.json(await catalogOf(ctx)),
  });

  router.define({
    method: 'get',
    path: '/v1/registration-requests',
    tag: 'account',
    summary: 'Self-registrations of a private catalog, newest first (`status` filters)',
    access: 'secret',
    request: { query: z.strictObject({ status: z.optional(z.enum(['pending', 'approved', 'refused'])) }) },
    responses: { 200: { description: 'Requests', schema: RegistrationRequestListSchema } },
    handler: async (c, { query }) => {
      const queue = (await ctx.store.getMeta<RegistrationRequest[]>(QUEUE_KEY)) ?? [];
      return c.json({ items: queue.filter((r) => !query.status || r.status === query.status) });
    },
  });

  router.define({
    method: 'post',
    path: '/v1/registration-requests/:customerId/decision',
    tag: 'account',
    summary: 'Approve (the shopper can sign in) or refuse (they are told at sign-in) a self-registration',
    description: 'Deciding again with the same decision changes nothing; a refused request can still be approved later, and an approved one refused (its sessions end).',
    access: 'secret',
    request: { params: z.object({ customerId: z.string() }), body: RegistrationDecisionSchema },
    responses: { 200: { description: 'The customer (document masked), with its account status', schema: CustomerSchema, headers: ['ETag'] }, 404: { description: 'No such request' }, 409: { description: 'A concurrent write to the customer won; decide again' } },
    handler: async (c, { params, body }) => {
      const customer = await inTransaction(ctx, async (t) => {
        const queue = (await t.store.getMeta<RegistrationRequest[]>(QUEUE_KEY)) ?? [];
        const i = queue.findIndex((r) => r.customerId === params.customerId);
        const current = i >= 0 ? await t.store.getCustomer(params.customerId) : undefined;
        if (i < 0 || !current || current.status === 'deleted') throw new HttpProblem('not_found', 404);
        const status = body.decision === 'approve' ? 'approved' : 'refused';
        const account = body.decision === 'approve' ? 'active' : 'refused';
        if (queue[i]!.status === status && current.account.status === account) return current;
        const now = t.now().toISOString();
        const next: Customer = { ...current, account: { status: account }, updatedAt: now, version: current.version + 1 };
        // Only over the version read: a concurrent edit of the customer in between is a 409, not a lost write.
        if (!(await t.store.updateCustomer(next, current.version))) throw new HttpProblem('write_conflict', 409);
        queue[i] = { ...queue[i]!, status, decidedAt: now };
        await t.store.setMeta(QUEUE_KEY, queue);
        if (account === 'active') await t.store.setMeta(APPROVED_NOTICE(next.id), true);
        else {
          await t.store.deleteMeta(APPROVED_NOTICE(next.id));
          await closeAllSessions(t, next.id);
        }
        await audit(t, c, { action: 'customer.update', target: next.id, count: 1, detail: `registration ${status}` });
        return next;
      });
      ctx.version++;
      return c.json(listItem(customer), 200, { ETag: etag(customer.version) });
    },
  });
}
