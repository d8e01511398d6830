import * as z from 'zod/mini';
import { customerDisplayName } from '@clientela/core/format';
import { ANONYMIZED_NAME } from '@clientela/core/i18n';
import {
  ANONYMIZE_CONFIRMATION,
  AnonymizeRequestSchema,
  CustomerSchema,
  PrivacyRequestCreateSchema,
  PrivacyRequestListQuerySchema,
  PrivacyRequestPageSchema,
  PrivacyRequestPatchSchema,
  PrivacyRequestSchema,
  PrivacySettingsSchema,
  PublicPrivacyRequestCreateSchema,
  type Customer,
  type PrivacyActor,
  type PrivacyRequest,
} from '@clientela/core/schemas';
import type { Context } from 'hono';
import { audit, etag, inTransaction, type ServerContext } from '../context.js';
import { idempotent } from '../http/idempotency.js';
import { fail422, fieldIssue, HttpProblem } from '../http/problem.js';
import type { AppEnv, Router } from '../openapi/define-route.js';
import { actorOf, auditConsent, SHOPPER } from '../service/consent.js';
import { emit } from '../service/events.js';
import { buildArchive } from '../service/privacy-archive.js';
import { anonymize, newRequest, privacySettingsOf, writePrivacySettings } from '../service/privacy.js';
import { customerOfSession } from '../service/sessions.js';
import { listItem } from '../service/customers.js';
import { checkIfMatch, getOr404 } from './customers.js';

// Data-subject requests (LGPD art. 18, #18 §2): the queue with its legal deadline, the archive of
// everything held about a person (access, portability), and erasure as anonymization. A shopper
// opens their own requests and downloads their own archive from the account area; the store
// opens requests on a customer's behalf and handles the queue.

const IdParams = z.object({ id: z.string() });
const IDEMPOTENCY = { name: 'Idempotency-Key', description: 'Replays the first response for a repeated request with the same body.' };
const IF_MATCH = { name: 'If-Match', required: true, description: 'The ETag read (`"<version>"`).' };
const SESSION = { name: 'Clientela-Session', required: true, description: 'The token of `POST /v1/public/sessions` (or of setting a password).' };
const ZIP = 'application/zip';

const sessionOf = (ctx: ServerContext, c: Context<AppEnv>) => customerOfSession(ctx, c.req.header('Clientela-Session')?.trim() || undefined);

function requestPage(items: (PrivacyRequest & { seq: number })[], hasMore: boolean) {
  const last = items.at(-1);
  return { items: items.map(({ seq: _seq, ...r }) => r), nextCursor: hasMore && last ? String(last.seq) : null };
}

function cursorSeq(cursor: string | undefined, c: Context<AppEnv>): number | undefined {
  if (cursor === undefined) return undefined;
  if (!/^\d{1,15}$/.test(cursor)) fail422([fieldIssue('cursor', 'invalid_cursor', c.get('locale'))]);
  return Number(cursor);
}

async function openRequest(t: ServerContext, c: Context<AppEnv>, customer: Customer, type: PrivacyRequest['type'], by: PrivacyActor, details?: string) {
  if (customer.anonymizedAt) throw new HttpProblem('customer_anonymized', 410);
  const request = newRequest(t, customer, type, by, details);
  await t.store.putPrivacyRequest(request);
  await audit(t, c, { action: 'privacy.request', target: customer.id, targetName: customerDisplayName(customer), detail: type, ...(by && 'customer' in by ? { source: 'storefront' as const } : {}), count: 1 });
  return { status: 201, body: request, headers: { ETag: etag(request.version) } };
}

/** The archive as a download, audited as `privacy.archive` (who asked: the key, or the shopper). */
async function archiveResponse(ctx: ServerContext, c: Context<AppEnv>, customer: Customer, by: 'store' | 'shopper'): Promise<Response> {
  const zip = await buildArchive(ctx, customer);
  await audit(ctx, c, { action: 'privacy.archive', target: customer.id, targetName: customerDisplayName(customer), ...(by === 'shopper' ? { source: 'storefront' as const } : {}), count: 1, sha256: zip.sha256 });
  return new Response(zip.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { 'Content-Type': ZIP, 'Content-Disposition': `attachment; filename="dados-${customer.id}.zip"`, 'Cache-Control': 'no-store' },
  });
}

export function registerPrivacy(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/privacy-requests',
    tag: 'privacy',
    summary: 'The queue of data-subject requests (LGPD art. 18), newest first',
    access: 'secret',
    request: { query: PrivacyRequestListQuerySchema },
    responses: { 200: { description: 'One page', schema: PrivacyRequestPageSchema } },
    handler: async (c, { query }) => {
      const page = await ctx.store.listPrivacyRequests({ status: query.status, customerId: query.customerId, beforeSeq: cursorSeq(query.cursor, c), limit: query.limit ?? 50 });
      return c.json(requestPage(page.items, page.hasMore));
    },
  });

  router.define({
    method: 'post',
    path: '/v1/privacy-requests',
    tag: 'privacy',
    summary: "Open a request on a customer's behalf (due in 15 days, art. 19)",
    access: 'secret',
    request: { body: PrivacyRequestCreateSchema, headers: [IDEMPOTENCY] },
    responses: { 201: { description: 'The request', schema: PrivacyRequestSchema, headers: ['ETag'] }, 410: { description: 'The customer was anonymized' } },
    handler: (c, { body }) =>
      idempotent(ctx, c, 'privacy.create', async (t) => {
        const customer = await t.store.getCustomer(body.customerId);
        if (!customer) fail422([fieldIssue('customerId', 'unknown_customer', c.get('locale'))]);
        return openRequest(t, c, customer!, body.type, actorOf(c), body.details);
      }),
  });

  router.define({
    method: 'get',
    path: '/v1/privacy-requests/:id',
    tag: 'privacy',
    summary: 'One request',
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'The request', schema: PrivacyRequestSchema, headers: ['ETag'] }, 404: { description: 'No such request' } },
    handler: async (c, { params }) => {
      const r = await ctx.store.getPrivacyRequest(params.id);
      if (!r) throw new HttpProblem('not_found', 404);
      const { seq: _seq, ...request } = r;
      return c.json(request, 200, { ETag: etag(request.version) });
    },
  });

  router.define({
    method: 'patch',
    path: '/v1/privacy-requests/:id',
    tag: 'privacy',
    summary: 'Handle a request: start it, complete it or refuse it (with a resolution); the handler is recorded',
    description:
      'An anonymization or deletion request is completed by `POST /v1/customers/{id}/anonymize` with its `requestId` (a PATCH completing one is a 422 `request_type_mismatch`); it may be refused here. A closed request answers 409 `request-closed`. Audited as `privacy.update`.',
    access: 'secret',
    request: { params: IdParams, body: PrivacyRequestPatchSchema, headers: [IF_MATCH] },
    responses: { 200: { description: 'The request', schema: PrivacyRequestSchema, headers: ['ETag'] }, 404: { description: 'No such request' }, 409: { description: 'Already closed' }, 412: { description: 'Stale If-Match' }, 428: { description: 'If-Match missing' } },
    handler: async (c, { params, body }) => {
      const out = await inTransaction(ctx, async (t) => {
        const stored = await t.store.getPrivacyRequest(params.id);
        if (!stored) throw new HttpProblem('not_found', 404);
        const { seq: _seq, ...current } = stored;
        checkIfMatch(c.req.header('If-Match'), current.version, current);
        if (current.status === 'completed' || current.status === 'rejected') throw new HttpProblem('request_closed', 409);
        if (body.status === 'completed' && (current.type === 'anonymization' || current.type === 'deletion')) fail422([fieldIssue('status', 'request_type_mismatch', c.get('locale'))]);
        const now = t.now().toISOString();
        const next: PrivacyRequest = {
          ...current,
          status: body.status,
          handledBy: actorOf(c),
          ...(body.resolution ? { resolution: body.resolution } : {}),
          ...(body.status === 'in_progress' ? {} : { closedAt: now }),
          updatedAt: now,
          version: current.version + 1,
        };
        if (!(await t.store.putPrivacyRequest(next, current.version))) throw new HttpProblem('precondition_failed', 412);
        await audit(t, c, { action: 'privacy.update', target: next.customerId, targetName: next.customerName, detail: next.type, fromStatus: current.status, toStatus: next.status, count: 1 });
        return next;
      });
      return c.json(out, 200, { ETag: etag(out.version) });
    },
  });

  router.define({
    method: 'get',
    path: '/v1/customers/:id/archive',
    tag: 'privacy',
    summary: 'Everything held about a customer, as one zip: data.json and CSV files for the tabular parts (access and portability)',
    description:
      'Profile (document unmasked), address, categories, orders, credits (the ledger), consent history, messages received, data-subject requests and the data log entries about the customer (who viewed, changed or exported their data). Audited as `privacy.archive` with the file’s SHA-256.',
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'The zip file (application/zip)' }, 404: { description: 'No such customer' }, 410: { description: 'The customer was anonymized' } },
    handler: async (c, { params }) => {
      const customer = await getOr404(ctx, params.id);
      if (customer.anonymizedAt) throw new HttpProblem('customer_anonymized', 410);
      return archiveResponse(ctx, c, customer, 'store');
    },
  });

  router.define({
    method: 'post',
    path: '/v1/customers/:id/anonymize',
    tag: 'privacy',
    summary: 'Erase a customer: personal fields irreversibly replaced, orders and figures kept (typed confirmation)',
    description:
      '`confirmation` must be `ANONIMIZAR` (422 `confirmation_mismatch`). The name becomes “Cliente anonimizado”; e-mail, phone, birth date, address, notes, loyalty card, registrations, external ids and the document are removed (with the privacy setting `keepDocumentHash`, only a keyed one-way hash of the document is kept, and a registration with it is refused); consent is revoked in the history; the password, the e-mail sign-in and every session end; the messages sent keep no name, address or text; earlier entries of the data log stay but name the record by id as “Cliente anonimizado”, with its e-mail, document, phone and name quoted anywhere in them replaced by `—`. Status becomes `deleted`, `anonymizedAt` is set. With `requestId` (an anonymization or deletion request of this customer) the request is completed. Emits `customer.anonymized`; audited as `customer.anonymize`. Doing it again answers 410.',
    access: 'secret',
    request: { params: IdParams, body: AnonymizeRequestSchema },
    responses: { 200: { description: 'The anonymized record', schema: CustomerSchema, headers: ['ETag'] }, 404: { description: 'No such customer' }, 410: { description: 'Already anonymized' } },
    handler: async (c, { params, body }) => {
      const locale = c.get('locale');
      if (body.confirmation.trim().toUpperCase() !== ANONYMIZE_CONFIRMATION) fail422([fieldIssue('confirmation', 'confirmation_mismatch', locale, { value: ANONYMIZE_CONFIRMATION })]);
      const next = await inTransaction(ctx, async (t) => {
        const current = await getOr404(t, params.id);
        if (current.anonymizedAt) throw new HttpProblem('customer_anonymized', 410);
        const request = body.requestId ? await t.store.getPrivacyRequest(body.requestId) : undefined;
        if (body.requestId && (!request || request.customerId !== current.id || (request.type !== 'anonymization' && request.type !== 'deletion') || request.status === 'completed' || request.status === 'rejected')) {
          fail422([fieldIssue('requestId', 'request_type_mismatch', locale)]);
        }
        const by = actorOf(c);
        const { next, revocations } = await anonymize(t, current, by);
        if (!(await t.store.updateCustomer(next, current.version))) throw new HttpProblem('write_conflict', 409);
        // The consent the erasure revoked is in the data log, record by record, as any revocation.
        await auditConsent(t, c, next, revocations);
        await emit(t, 'customer.anonymized', { customerId: next.id });
        if (request) {
          const now = t.now().toISOString();
          const { seq: _seq, ...r } = (await t.store.getPrivacyRequest(request.id))!;
          await t.store.putPrivacyRequest({ ...r, status: 'completed', handledBy: by, closedAt: now, updatedAt: now, version: r.version + 1 });
        }
        await audit(t, c, { action: 'customer.anonymize', target: next.id, targetName: ANONYMIZED_NAME['pt-BR'], count: 1, ...(request ? { detail: request.id } : {}) });
        return next;
      });
      ctx.version++;
      return c.json(listItem(next), 200, { ETag: etag(next.version) });
    },
  });

  router.define({
    method: 'get',
    path: '/v1/settings/privacy',
    tag: 'privacy',
    summary: 'Privacy settings: whether an anonymization keeps a keyed hash of the document (off by default)',
    access: 'secret',
    responses: { 200: { description: 'The settings', schema: PrivacySettingsSchema } },
    handler: async (c) => c.json(await privacySettingsOf(ctx)),
  });

  router.define({
    method: 'put',
    path: '/v1/settings/privacy',
    tag: 'privacy',
    summary: 'Change the privacy settings (audited as settings.update)',
    access: 'secret',
    request: { body: PrivacySettingsSchema },
    responses: { 200: { description: 'The settings', schema: PrivacySettingsSchema } },
    handler: async (c, { body }) => {
      await inTransaction(ctx, async (t) => {
        await writePrivacySettings(t, body);
        await audit(t, c, { action: 'settings.update', count: 1, detail: `privacy:keepDocumentHash=${body.keepDocumentHash}` });
      });
      return c.json(body);
    },
  });

  // ---- the shopper's own (account area) ----
  router.define({
    method: 'get',
    path: '/v1/public/me/privacy-requests',
    tag: 'account',
    summary: "The signed-in shopper's own data-subject requests, newest first",
    access: 'public',
    request: { headers: [SESSION] },
    responses: { 200: { description: 'The requests', schema: PrivacyRequestPageSchema }, 401: { description: 'No session, or it expired' } },
    handler: async (c) => {
      const me = await sessionOf(ctx, c);
      const page = await ctx.store.listPrivacyRequests({ customerId: me.id, limit: 200 });
      return c.json(requestPage(page.items, page.hasMore));
    },
  });

  router.define({
    method: 'post',
    path: '/v1/public/me/privacy-requests',
    tag: 'account',
    summary: 'The signed-in shopper opens a request about their own data ("Excluir minha conta": `deletion`)',
    access: 'public',
    request: { body: PublicPrivacyRequestCreateSchema, headers: [SESSION, IDEMPOTENCY] },
    responses: { 201: { description: 'The request', schema: PrivacyRequestSchema, headers: ['ETag'] }, 401: { description: 'No session, or it expired' } },
    handler: async (c, { body }) => {
      const me = await sessionOf(ctx, c);
      return idempotent(ctx, c, `privacy.me.${me.id}`, (t) => openRequest(t, c, me, body.type, SHOPPER, body.details));
    },
  });

  router.define({
    method: 'get',
    path: '/v1/public/me/archive',
    tag: 'account',
    summary: '"Baixar meus dados": the signed-in shopper downloads everything held about them (zip: data.json and CSV files)',
    access: 'public',
    request: { headers: [SESSION] },
    responses: { 200: { description: 'The zip file (application/zip)' }, 401: { description: 'No session, or it expired' } },
    handler: async (c) => archiveResponse(ctx, c, await sessionOf(ctx, c), 'shopper'),
  });
}
