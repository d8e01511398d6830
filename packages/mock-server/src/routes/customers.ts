import { customerWritten } from '../service/events.js';
import { actorOf, adminSource, auditConsent, consentSourceOf } from '../service/consent.js';
import * as z from 'zod/mini';
import { customerDisplayName } from '@clientela/core/format';
import {
  BulkRequestSchema,
  BulkResultSchema,
  CustomerCreateSchema,
  CustomerListQuerySchema,
  CustomerPageSchema,
  CustomerPatchSchema,
  CustomerSchema,
  InvitationSchema,
  OrderPageSchema,
  type Customer,
} from '@clientela/core/schemas';
import { audit, etag, ifMatchVersion, inTransaction, sha256, type ServerContext } from '../context.js';
import { decodeCursor, encodeCursor, parseSort } from '../http/cursor.js';
import { attempt, idempotent, respond, type Outcome } from '../http/idempotency.js';
import { fail422, fieldIssue, HttpProblem, problemBody } from '../http/problem.js';
import type { Context } from 'hono';
import type { AppEnv, Router } from '../openapi/define-route.js';
import { orderPage } from './orders.js';
import { applyPatch, auditTarget, changedFields, checkCategories, listItem, prepareCustomer, targetQuery, toQuery } from '../service/customers.js';
import { issueInvitation } from '../service/invitations.js';
import { liveRules, withRuleMemberships } from '../service/rules.js';

const IdParams = z.object({ id: z.string() });
const RetrieveQuery = z.strictObject({ document: z.optional(z.enum(['full', 'masked'])) });
export const PageQuery = z.strictObject({
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
});

const IF_MATCH = { name: 'If-Match', required: true, description: 'The ETag read (`"<version>"`).' };
const IDEMPOTENCY = { name: 'Idempotency-Key', description: 'Replays the first response for a repeated request with the same body.' };

/**
 * A list page's JSON, written once: one join over the items and the envelope, so the page (about
 * 50 kB for 50 customers) is copied once on its way out, not once by the join and again by the
 * envelope around it.
 */
function listBody(items: readonly string[], nextCursor: string | null, total: number): string {
  const parts: string[] = ['{"items":['];
  for (let i = 0; i < items.length; i++) parts.push(i ? ',' : '', items[i]!);
  parts.push(`],"nextCursor":${JSON.stringify(nextCursor)},"total":${total}}`);
  return parts.join('');
}

export async function getOr404(ctx: ServerContext, id: string): Promise<Customer> {
  const c = await ctx.store.getCustomer(id);
  if (!c) throw new HttpProblem('not_found', 404);
  return c;
}

export function registerCustomers(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/customers',
    tag: 'customers',
    summary: 'List and search customers (keyset cursor pages, or random access by offset)',
    description:
      '`q` matches names ignoring case and accents, e-mail, phone digits and the document with or without punctuation. `filter` takes a filter in its text form (`last-notwithin-90.uf-SP`: terms joined by `.` all hold, alternatives joined by `*` one holds; see docs/http-contract.md), evaluated at the time of the request; a bad one is a 422 at `filter` (`invalid_filter`, `filter_unknown_condition`). All parameters combine by AND. `unit` (a unit’s id; 422 `unknown_unit` when none has it) gives each row’s purchase figures — `ordersCount`, `totalSpentCents`, `firstPurchaseAt`, `lastPurchaseAt`, `averageRating` — for its orders at that unit (zero and null where it has none), and `sort` by `totalSpent`, `ordersCount` or `lastPurchaseAt` sorts by those; it selects no customers (the filter’s `unit-…` condition does). List items carry the document masked. `offset` (not with `cursor`: 422 `offset_with_cursor`) starts the page at that row of the sorted matches; its `nextCursor` continues after the returned rows.',
    access: 'secret',
    request: { query: CustomerListQuerySchema },
    responses: { 200: { description: 'One page', schema: CustomerPageSchema } },
    handler: async (c, { query }) => {
      const sort = parseSort(query.sort);
      if (query.offset !== undefined && query.cursor) fail422([fieldIssue('offset', 'offset_with_cursor', c.get('locale'))]);
      const after = decodeCursor(query.cursor, sort, c.get('locale'));
      const limit = query.limit ?? 50;
      const offset = query.offset || undefined;
      if (query.unit !== undefined && !(await ctx.store.getUnit(query.unit))) fail422([fieldIssue('unit', 'unknown_unit', c.get('locale'))]);
      // Items come pre-serialized (and, in memory, cached per record): the list route is the
      // one every table scrolls through, and serializing 50 customers was most of its cost.
      const page = await ctx.store.listCustomersJson({ query: toQuery(query, undefined, ctx.now()), sort, after, offset, limit, unit: query.unit });
      const nextCursor = page.hasMore && page.last ? encodeCursor(sort, page.last) : null;
      return c.body(listBody(page.items, nextCursor, page.total), 200, { 'Content-Type': 'application/json' });
    },
  });

  router.define({
    method: 'post',
    path: '/v1/customers',
    tag: 'customers',
    summary: 'Create a customer',
    access: 'secret',
    request: { body: CustomerCreateSchema, headers: [IDEMPOTENCY] },
    responses: {
      201: { description: 'Created', schema: CustomerSchema, headers: ['ETag', 'Location'] },
      409: { description: 'Another customer (not deleted) holds the document; `existingId` names it' },
    },
    handler: (c, { body }) =>
      idempotent(ctx, c, 'customers.create', async (t) => {
        const customer = await prepareCustomer(t, body, { locale: c.get('locale') });
        await t.store.insertCustomer(customer);
        await auditConsent(t, c, customer, await customerWritten(t, undefined, customer, { source: body.source ? consentSourceOf(customer.source) : adminSource(c), recordedBy: actorOf(c) }));
        await audit(t, c, { action: 'customer.create', target: customer.id, targetName: customerDisplayName(customer), source: customer.source, count: 1 });
        ctx.version++;
        return { status: 201, body: customer, headers: { ETag: etag(customer.version), Location: `/v1/customers/${customer.id}` } };
      }),
  });

  router.define({
    method: 'post',
    path: '/v1/customers/bulk',
    tag: 'customers',
    summary: 'Bulk action on ids, or on a filter except some ids',
    description:
      '`ids`, or `filter` (the list parameters without paging, `filter.filter` a filter text) with optional `exceptIds`: every customer matching the filter but those (what a list sends when all matching rows are selected and some were unticked). `exceptIds` without `filter` is a 422 `except_without_filter`. Audited as `bulk` with the filter and the excepted ids.',
    access: 'secret',
    request: { body: BulkRequestSchema, headers: [IDEMPOTENCY] },
    responses: { 200: { description: 'How many matched and how many changed', schema: BulkResultSchema } },
    handler: (c, { body }) =>
      idempotent(ctx, c, 'customers.bulk', async (t) => {
        const locale = c.get('locale');
        if (!body.ids && !body.filter) fail422([fieldIssue('ids', 'required', locale)]);
        if ((body.action === 'addCategories' || body.action === 'removeCategories') && !body.categoryIds) fail422([fieldIssue('categoryIds', 'required', locale)]);
        if (body.action === 'setStatus' && !body.status) fail422([fieldIssue('status', 'required', locale)]);
        if (body.action === 'addCategories' || body.action === 'removeCategories') {
          const issues = (await checkCategories(t, body.categoryIds ?? [], [], locale)).filter((i) => body.action === 'addCategories' || i.code === 'rule_category');
          if (issues.length) fail422(issues);
        }
        const query = targetQuery(body, ctx.now(), locale);
        const targets: Customer[] = [];
        for await (const cur of t.store.scanCustomers(query, { field: 'createdAt', desc: false })) targets.push(cur);
        const now = ctx.now().toISOString();
        const rules = await liveRules(t);
        let updated = 0;
        {
          for (const cur of targets) {
            let next: Customer | undefined;
            if (body.action === 'addCategories') {
              const add = (body.categoryIds ?? []).filter((id) => !cur.categoryIds.includes(id));
              if (add.length) next = { ...cur, categoryIds: [...cur.categoryIds, ...add] };
            } else if (body.action === 'removeCategories') {
              const keep = cur.categoryIds.filter((id) => !(body.categoryIds ?? []).includes(id));
              if (keep.length !== cur.categoryIds.length) next = { ...cur, categoryIds: keep };
            } else {
              const status = body.action === 'delete' ? 'deleted' : (body.status ?? cur.status);
              // An anonymized customer stays deleted: it is nobody to restore.
              if (status !== cur.status && !cur.anonymizedAt) {
                // Restoring a deleted customer must not give a document two live holders.
                const holder = cur.status === 'deleted' ? await t.store.findByDocument(cur.document) : undefined;
                if (!holder) next = { ...cur, status };
              }
            }
            if (next) {
              next = await withRuleMemberships(t, next, rules);
              const written = { ...next, updatedAt: now, version: cur.version + 1 } as Customer;
              if (await t.store.updateCustomer(written, cur.version)) {
                updated++;
                await customerWritten(t, cur, written);
              }
            }
          }
          const categoryNames = body.categoryIds && (await Promise.all(body.categoryIds.map(async (id) => ({ id, name: (await t.store.getCategory(id))?.name ?? id }))));
          await audit(t, c, {
            action: 'bulk',
            operation: body.action,
            ...(categoryNames ? { categories: categoryNames } : {}),
            ...(body.action === 'setStatus' && body.status ? { status: body.status } : {}),
            count: targets.length,
            updated,
            filter: auditTarget(body),
          });
        }
        ctx.version++;
        return { status: 200, body: { matched: targets.length, updated } };
      }),
  });

  router.define({
    method: 'get',
    path: '/v1/customers/:id',
    tag: 'customers',
    summary: 'The full record (document unmasked; audited as customer.reveal), or with `document=masked` the record with its document masked (not audited)',
    access: 'secret',
    request: { params: IdParams, query: RetrieveQuery },
    responses: { 200: { description: 'The customer', schema: CustomerSchema, headers: ['ETag'] }, 404: { description: 'No such customer' } },
    handler: async (c, { params, query }) => {
      const customer = await getOr404(ctx, params.id);
      // A page that shows the record (a card) reads it masked: only a deliberate reveal of the
      // document is logged, so reveals stay visible in the data log.
      if (query.document === 'masked') return c.json(listItem(customer), 200, { ETag: etag(customer.version) });
      // An anonymized customer has no document left to reveal (LGPD erasure).
      if (customer.anonymizedAt) throw new HttpProblem('customer_anonymized', 410);
      await audit(ctx, c, { action: 'customer.reveal', target: customer.id, targetName: customerDisplayName(customer), count: 1 });
      return c.json(customer, 200, { ETag: etag(customer.version) });
    },
  });

  router.define({
    method: 'patch',
    path: '/v1/customers/:id',
    tag: 'customers',
    summary: 'Update a customer (If-Match required; null clears a field)',
    description:
      'The answer carries the document masked, unless the patch itself sets `document` (the caller already holds it). A 412 carries the current record (document unmasked) and is audited as `customer.reveal`. With `Idempotency-Key`, a retry of a PATCH that succeeded (its answer lost) returns the stored answer instead of a 412 against its own write.',
    access: 'secret',
    request: { params: IdParams, body: CustomerPatchSchema, headers: [IF_MATCH, IDEMPOTENCY] },
    responses: {
      200: { description: 'The updated customer (document masked unless the patch set it)', schema: CustomerSchema, headers: ['ETag'] },
      404: { description: 'No such customer' },
      409: { description: 'Document held by another customer' },
      412: { description: 'Stale If-Match; `current` is the current record' },
      428: { description: 'If-Match missing' },
    },
    handler: (c, { params, body }) =>
      idempotent(ctx, c, 'customers.update', async (t) => {
        const current = await getOr404(t, params.id);
        if (current.anonymizedAt) throw new HttpProblem('customer_anonymized', 410);
        if (!ifMatches(c.req.header('If-Match'), current.version)) return preconditionFailed(t, c, current);
        const next = await applyPatch(t, current, body, c.get('locale'));
        // The store writes only over the version checked above: a concurrent write in between is a 412.
        if (!(await t.store.updateCustomer(next, current.version))) return preconditionFailed(t, c, await getOr404(t, next.id));
        await auditConsent(t, c, next, await customerWritten(t, current, next, { source: adminSource(c), recordedBy: actorOf(c) }));
        await audit(t, c, { action: 'customer.update', target: next.id, targetName: customerDisplayName(next), changes: changedFields(current, next), count: 1 });
        ctx.version++;
        return { status: 200, body: body.document === undefined ? listItem(next) : next, headers: { ETag: etag(next.version) } };
      }),
  });

  router.define({
    method: 'delete',
    path: '/v1/customers/:id',
    tag: 'customers',
    summary: 'Soft delete: status becomes deleted; the record and its history remain',
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'The customer, now deleted (document masked)', schema: CustomerSchema, headers: ['ETag'] }, 404: { description: 'No such customer' }, 412: { description: 'Stale If-Match (optional here); audited as `customer.reveal`' } },
    handler: async (c, { params }) => {
      const outcome = await attempt(c, () =>
        inTransaction(ctx, async (t) => {
          const current = await getOr404(t, params.id);
          const header = c.req.header('If-Match');
          if (header !== undefined && !ifMatches(header, current.version)) return preconditionFailed(t, c, current);
          if (current.status === 'deleted') return { status: 200, body: listItem(current), headers: { ETag: etag(current.version) } };
          const next = { ...current, status: 'deleted', updatedAt: ctx.now().toISOString(), version: current.version + 1 } as Customer;
          if (!(await t.store.updateCustomer(next, current.version))) return preconditionFailed(t, c, await getOr404(t, next.id));
          await customerWritten(t, current, next);
          await audit(t, c, { action: 'customer.delete', target: next.id, targetName: customerDisplayName(next), count: 1 });
          ctx.version++;
          return { status: 200, body: listItem(next), headers: { ETag: etag(next.version) } };
        }),
      );
      return respond(outcome);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/customers/:id/orders',
    tag: 'customers',
    summary: 'Orders of a customer, newest first (cursor pages)',
    access: 'secret',
    request: { params: IdParams, query: PageQuery },
    responses: { 200: { description: 'One page of orders', schema: OrderPageSchema }, 404: { description: 'No such customer' } },
    handler: async (c, { params, query }) => {
      await getOr404(ctx, params.id);
      return c.json(await orderPage(ctx, { ...query, customerId: params.id }, c.get('locale')));
    },
  });

  router.define({
    method: 'post',
    path: '/v1/customers/:id/invitations',
    tag: 'account',
    summary: 'A one-time token for the customer to set a password (nothing is e-mailed)',
    description: 'Issuing an invitation revokes the older ones of the customer (they answer 410 `token_revoked`). With `Idempotency-Key`, a retry returns the same token instead of minting another.',
    access: 'secret',
    request: { params: IdParams, headers: [IDEMPOTENCY] },
    responses: { 201: { description: 'The invitation', schema: InvitationSchema }, 404: { description: 'No such customer' } },
    handler: (c, { params }) =>
      idempotent(ctx, c, 'customers.invitations', async (t) => {
        const customer = await getOr404(t, params.id);
        if (customer.status === 'deleted') throw new HttpProblem('not_found', 404);
        const { token, expiresAt } = await issueInvitation(t, customer);
        if (customer.account.status !== 'active') {
          const next = { ...customer, account: { status: 'invited' as const }, updatedAt: ctx.now().toISOString(), version: customer.version + 1 };
          if (!(await t.store.updateCustomer(next, customer.version))) throw new HttpProblem('write_conflict', 409);
        }
        await audit(t, c, { action: 'customer.invite', target: customer.id, targetName: customerDisplayName(customer), count: 1 });
        ctx.version++;
        return { status: 201, body: { token, customerId: customer.id, expiresAt } };
      }),
  });
}

/**
 * Whether `If-Match` names `version` (or `*`); 428 when it is missing. A customer's 412 is an
 * answer, not a throw: it carries the full record, document unmasked, so it is audited as a
 * reveal in the same transaction (see {@link preconditionFailed}).
 */
function ifMatches(header: string | undefined, version: number): boolean {
  const v = ifMatchVersion(header);
  if (v === undefined) throw new HttpProblem('precondition_required', 428);
  return v === '*' || v === version;
}

/** The 412 of a customer write, with `current`, audited as `customer.reveal` (it shows the document). */
async function preconditionFailed(t: ServerContext, c: Context<AppEnv>, current: Customer): Promise<Outcome> {
  await audit(t, c, { action: 'customer.reveal', target: current.id, targetName: customerDisplayName(current), count: 1, detail: 'precondition failed' });
  return { status: 412, body: problemBody('precondition_failed', 412, c.get('locale'), { current }), headers: { ETag: etag(current.version) } };
}

/** 428 without If-Match, 412 (with `current`) when it names another version. */
export function checkIfMatch(header: string | undefined, version: number, current: unknown): void {
  const v = ifMatchVersion(header);
  if (v === undefined) throw new HttpProblem('precondition_required', 428);
  if (v === '*' || v === version) return;
  throw new HttpProblem('precondition_failed', 412, { current }, { ETag: etag(version) });
}

