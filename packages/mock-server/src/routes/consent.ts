import * as z from 'zod/mini';
import {
  ConsentChoiceSchema,
  ConsentHistorySchema,
  ConsentPurposeSchema,
  ConsentRecordCreateSchema,
  ConsentRecordSchema,
  ConsentTextSchema,
  ConsentTextsSchema,
  ConsentTextWriteSchema,
  currentConsent,
  type ConsentHistory,
  type ConsentRecord,
  type Customer,
} from '@clientela/core/schemas';
import type { Context } from 'hono';
import { audit, etag, inTransaction, type ServerContext } from '../context.js';
import { idempotent } from '../http/idempotency.js';
import { fail422, fieldIssue, HttpProblem } from '../http/problem.js';
import type { AppEnv, Router } from '../openapi/define-route.js';
import { actorOf, adminSource, appendAndDerive, auditConsent, buildRecords, currentConsentTexts, resolveTextVersion, SHOPPER, writeConsentText, type ConsentChange } from '../service/consent.js';
import { emit } from '../service/events.js';
import { customerOfSession } from '../service/sessions.js';
import { getOr404 } from './customers.js';

// LGPD consent (#18 §1): the versioned texts a store shows, a customer's consent history, a
// consent given elsewhere recorded by the store with its evidence, and the shopper's own choices
// from the account area.

const IdParams = z.object({ id: z.string() });
const PurposeParams = z.object({ purpose: ConsentPurposeSchema });
const IDEMPOTENCY = { name: 'Idempotency-Key', description: 'Replays the first response for a repeated request with the same body.' };
const SESSION = { name: 'Clientela-Session', required: true, description: 'The token of `POST /v1/public/sessions` (or of setting a password).' };

/** The history of a customer: the current state per purpose and channel, and every record, newest first. */
export async function consentHistory(ctx: ServerContext, customerId: string): Promise<ConsentHistory> {
  const records = await ctx.store.listConsentRecords(customerId);
  return { current: currentConsent(records), items: [...records].reverse() };
}

/**
 * Appends `records` to a customer and stores the marketing state they derive, in `t`'s
 * transaction; emits `consent.updated`. Returns the customer as stored.
 */
async function commitRecords(t: ServerContext, customer: Customer, records: readonly ConsentRecord[]): Promise<Customer> {
  const next = await appendAndDerive(t, customer, records);
  if (next !== customer && !(await t.store.updateCustomer(next, customer.version))) throw new HttpProblem('write_conflict', 409);
  await emit(t, 'consent.updated', { customerId: next.id, marketingConsent: next.marketingConsent });
  return next;
}

function refuseAnonymized(customer: Customer, c: Context<AppEnv>): void {
  if (customer.anonymizedAt || customer.status === 'deleted') throw new HttpProblem('not_found', 404, { errors: [fieldIssue('customerId', customer.anonymizedAt ? 'customer_anonymized' : 'customer_deleted', c.get('locale'))] });
}

export function registerConsent(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/settings/consent-texts',
    tag: 'consent',
    summary: 'The current consent text of each purpose (marketing, transactional)',
    access: 'secret',
    responses: { 200: { description: 'The current texts (a purpose without one is absent)', schema: ConsentTextsSchema } },
    handler: async (c) => c.json(await currentConsentTexts(ctx)),
  });

  router.define({
    method: 'get',
    path: '/v1/public/settings/consent-texts',
    tag: 'consent',
    summary: 'The current consent texts, for the registration form and the account area to show',
    access: 'public',
    responses: { 200: { description: 'The current texts', schema: ConsentTextsSchema } },
    handler: async (c) => c.json(await currentConsentTexts(ctx)),
  });

  router.define({
    method: 'put',
    path: '/v1/settings/consent-texts/:purpose',
    tag: 'consent',
    summary: 'Write the consent text of a purpose: a new version when the words differ (versions are never changed)',
    description:
      'Each record names the version its person saw, so a text is never edited in place: a PUT with other words adds version n+1, and the same words answer the current version (200, nothing written). Audited as `settings.update`.',
    access: 'secret',
    request: { params: PurposeParams, body: ConsentTextWriteSchema },
    responses: { 200: { description: 'The current version (unchanged)', schema: ConsentTextSchema }, 201: { description: 'The new version', schema: ConsentTextSchema } },
    handler: async (c, { params, body }) => {
      const out = await inTransaction(ctx, async (t) => {
        const written = await writeConsentText(t, params.purpose, body.text, actorOf(c));
        if (written.created) await audit(t, c, { action: 'settings.update', count: 1, detail: `consent-text:${params.purpose}:v${written.text.version}` });
        return written;
      });
      return c.json(out.text, out.created ? 201 : 200);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/customers/:id/consents',
    tag: 'consent',
    summary: "A customer's consent: the current state per purpose and channel, and the full history (newest first)",
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'Current state and history', schema: ConsentHistorySchema }, 404: { description: 'No such customer' } },
    handler: async (c, { params }) => {
      await getOr404(ctx, params.id);
      return c.json(await consentHistory(ctx, params.id));
    },
  });

  router.define({
    method: 'post',
    path: '/v1/customers/:id/consents',
    tag: 'consent',
    summary: 'Record a consent given or revoked elsewhere (a paper form, the point of sale, a call), with its evidence',
    description:
      '`source` defaults to `admin` when the request names a person (`X-Actor`), else `api`; `at` (when the person gave it, default now) cannot be in the future (422 `consent_in_future`); `textVersion` must name a version of the purpose\'s text (422 `unknown_text_version`), default the current one. The record is appended in the same transaction as the customer\'s `marketingConsent` derived from it; emits `consent.updated`; audited as `consent.record`.',
    access: 'secret',
    request: { params: IdParams, body: ConsentRecordCreateSchema, headers: [IDEMPOTENCY] },
    responses: { 201: { description: 'The record', schema: ConsentRecordSchema }, 404: { description: 'No such customer (or anonymized)' } },
    handler: (c, { params, body }) =>
      idempotent(ctx, c, 'consents.create', async (t) => {
        const locale = c.get('locale');
        const customer = await getOr404(t, params.id);
        refuseAnonymized(customer, c);
        if (body.at && Date.parse(body.at) > t.now().getTime()) fail422([fieldIssue('at', 'consent_in_future', locale)]);
        await resolveTextVersion(t, body.purpose, body.textVersion, locale, 'textVersion');
        const source = body.source ?? adminSource(c);
        const [record] = await buildRecords(t, customer.id, [{ channel: body.channel, purpose: body.purpose, granted: body.granted }], {
          source,
          recordedBy: actorOf(c),
          textVersion: body.textVersion !== undefined ? { [body.purpose]: body.textVersion } : undefined,
          at: body.at ? new Date(body.at).toISOString() : undefined,
          evidence: body.evidence,
        });
        const next = await commitRecords(t, customer, [record!]);
        await auditConsent(t, c, next, [record!]);
        ctx.version++;
        return { status: 201, body: record!, headers: { ETag: etag(next.version) } };
      }),
  });

  router.define({
    method: 'get',
    path: '/v1/public/me/consents',
    tag: 'account',
    summary: "The signed-in shopper's consent: current state and history",
    access: 'public',
    request: { headers: [SESSION] },
    responses: { 200: { description: 'Current state and history', schema: ConsentHistorySchema }, 401: { description: 'No session, or it expired' } },
    handler: async (c) => {
      const customer = await customerOfSession(ctx, c.req.header('Clientela-Session')?.trim() || undefined);
      return c.json(await consentHistory(ctx, customer.id));
    },
  });

  router.define({
    method: 'post',
    path: '/v1/public/me/consents',
    tag: 'account',
    summary: 'The signed-in shopper gives or revokes consent per channel of a purpose (source `storefront`)',
    description: 'Only the channels whose state changes are recorded; `textVersion` names the text shown (default: the current one). Emits `consent.updated`; audited as `consent.record` with source `storefront`.',
    access: 'public',
    request: { body: ConsentChoiceSchema, headers: [SESSION] },
    responses: { 200: { description: 'Current state and history', schema: ConsentHistorySchema }, 401: { description: 'No session, or it expired' } },
    handler: async (c, { body }) => {
      const locale = c.get('locale');
      const token = c.req.header('Clientela-Session')?.trim() || undefined;
      await customerOfSession(ctx, token);
      await resolveTextVersion(ctx, body.purpose, body.textVersion, locale, 'textVersion');
      await inTransaction(ctx, async (t) => {
        const customer = await customerOfSession(t, token);
        const current = currentConsent(await t.store.listConsentRecords(customer.id))[body.purpose];
        const legacy = body.purpose === 'marketing' ? customer.marketingConsent : undefined;
        const changes: ConsentChange[] = [];
        for (const [channel, granted] of Object.entries(body.channels) as [ConsentChange['channel'], boolean][]) {
          // A state that predates the history (no record yet) is the customer's marketingConsent.
          const was = current[channel]?.granted ?? (legacy && channel !== 'push' ? legacy[channel] : false);
          if (was !== granted) changes.push({ channel, purpose: body.purpose, granted });
        }
        if (!changes.length) return;
        const records = await buildRecords(t, customer.id, changes, {
          source: 'storefront',
          recordedBy: SHOPPER,
          textVersion: body.textVersion !== undefined ? { [body.purpose]: body.textVersion } : undefined,
        });
        const next = await commitRecords(t, customer, records);
        await auditConsent(t, c, next, records);
      });
      ctx.version++;
      const customer = await customerOfSession(ctx, token);
      return c.json(await consentHistory(ctx, customer.id));
    },
  });
}
