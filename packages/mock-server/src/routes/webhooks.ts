import * as z from 'zod/mini';
import {
  WebhookDeliveryListQuerySchema,
  WebhookDeliveryPageSchema,
  WebhookDeliverySchema,
  WebhookEndpointCreateSchema,
  WebhookEndpointListSchema,
  WebhookEndpointPatchSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  type WebhookDelivery,
  type WebhookEndpoint,
} from '@clientela/core/schemas';
import { audit, etag, inTransaction, newId, type ServerContext } from '../context.js';
import { decodeTuple, encodeTuple } from '../http/cursor.js';
import { idempotent } from '../http/idempotency.js';
import { HttpProblem } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import type { StoredDelivery, StoredWebhookEndpoint } from '../store/types.js';
import { randomBytes, toBase64Url } from '../util/bytes.js';
import { checkIfMatch } from './customers.js';
import { sealEndpoint } from '../service/webhook-secrets.js';

const IdParams = z.object({ id: z.string() });
const DeliveryParams = z.object({ id: z.string(), deliveryId: z.string() });
const IDEMPOTENCY = { name: 'Idempotency-Key', description: 'Replays the first response for a repeated request with the same body.' };

/** A new signing secret: `whsec_` and 32 random bytes. */
function newSecret(): string {
  return `whsec_${toBase64Url(randomBytes(32))}`;
}

/** What the API shows of an endpoint: never its secret, only the secret's first characters. */
function publicEndpoint({ secret: _secret, previousSecret: _previous, previousSecretUntil: _until, ...endpoint }: StoredWebhookEndpoint): WebhookEndpoint {
  return endpoint;
}

function withSecret(endpoint: StoredWebhookEndpoint) {
  return { ...publicEndpoint(endpoint), secret: endpoint.secret };
}

const hintOf = (secret: string) => `${secret.slice(0, 10)}…`;

/** How long a rotated-out secret still signs deliveries (a second `v1`). */
const ROTATION_OVERLAP_MS = 24 * 3600_000;

function publicDelivery({ seq: _seq, manual: _manual, ...delivery }: StoredDelivery): WebhookDelivery {
  return delivery;
}

async function endpointOr404(ctx: ServerContext, id: string): Promise<StoredWebhookEndpoint> {
  const endpoint = await ctx.store.getWebhookEndpoint(id);
  if (!endpoint) throw new HttpProblem('not_found', 404);
  return endpoint;
}

export function registerWebhooks(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/webhook-endpoints',
    tag: 'webhooks',
    summary: 'Webhook endpoints, oldest first (secrets are never listed)',
    access: 'secret',
    responses: { 200: { description: 'Endpoints', schema: WebhookEndpointListSchema } },
    handler: async (c) => c.json({ items: (await ctx.store.listWebhookEndpoints()).map(publicEndpoint) }),
  });

  router.define({
    method: 'post',
    path: '/v1/webhook-endpoints',
    tag: 'webhooks',
    summary: 'Register an endpoint; the answer holds its signing secret, shown only this once',
    description:
      'Every event of the types named that is committed from now on is POSTed to `url` as JSON, signed with the secret (`Clientela-Signature: t=…,v1=…`, HMAC-SHA256 over `t.body`; verify with core’s `verifyWebhookSignature`). A delivery that is not answered with a 2xx is retried with exponential backoff and jitter for about 33 hours, then `failed`.',
    access: 'secret',
    request: { body: WebhookEndpointCreateSchema, headers: [IDEMPOTENCY] },
    responses: {
      201: { description: 'Registered, with its secret', schema: WebhookEndpointWithSecretSchema, headers: ['ETag', 'Location'] },
      409: { description: 'No secrets key to keep the signing secret with (`secrets_key_required`: PostgreSQL without `--secrets-key`)' },
      422: { description: 'Not an http(s) URL (code invalid_webhook_url), no or unknown event types' },
    },
    handler: (c, { body }) =>
      idempotent(ctx, c, 'webhook-endpoints.create', async (t) => {
        const now = t.now().toISOString();
        const secret = newSecret();
        const endpoint: StoredWebhookEndpoint = {
          id: newId('we'),
          url: body.url,
          ...(body.description ? { description: body.description } : {}),
          eventTypes: [...new Set(body.eventTypes)],
          enabled: body.enabled ?? true,
          secretHint: hintOf(secret),
          createdAt: now,
          updatedAt: now,
          version: 1,
          secret,
        };
        await t.store.putWebhookEndpoint(await sealEndpoint(t.secrets, endpoint));
        await audit(t, c, { action: 'webhook_endpoint.create', target: endpoint.id, targetName: endpoint.url, count: 1 });
        return { status: 201, body: withSecret(endpoint), sealBody: true, headers: { ETag: etag(1), Location: `/v1/webhook-endpoints/${endpoint.id}` } };
      }),
  });

  router.define({
    method: 'get',
    path: '/v1/webhook-endpoints/:id',
    tag: 'webhooks',
    summary: 'One endpoint (without its secret)',
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'The endpoint', schema: WebhookEndpointSchema, headers: ['ETag'] }, 404: { description: 'No such endpoint' } },
    handler: async (c, { params }) => {
      const endpoint = await endpointOr404(ctx, params.id);
      return c.json(publicEndpoint(endpoint), 200, { ETag: etag(endpoint.version) });
    },
  });

  router.define({
    method: 'patch',
    path: '/v1/webhook-endpoints/:id',
    tag: 'webhooks',
    summary: 'Change the URL, event types or description, or enable and disable an endpoint (If-Match required)',
    description: 'While an endpoint is disabled, its pending deliveries wait (they are sent when it is enabled again) and events committed meanwhile are not delivered to it.',
    access: 'secret',
    request: {
      params: IdParams,
      body: WebhookEndpointPatchSchema,
      headers: [
        { name: 'If-Match', required: true, description: 'The ETag read.' },
        { name: 'Idempotency-Key', description: 'A retry of a PATCH that succeeded returns the stored answer.' },
      ],
    },
    responses: {
      200: { description: 'The endpoint', schema: WebhookEndpointSchema, headers: ['ETag'] },
      404: { description: 'No such endpoint' },
      412: { description: 'Stale If-Match; `current` is the current endpoint' },
      428: { description: 'If-Match missing' },
    },
    handler: (c, { params, body }) =>
      idempotent(ctx, c, 'webhook-endpoints.update', async (t) => {
        const current = await endpointOr404(t, params.id);
        checkIfMatch(c.req.header('If-Match'), current.version, publicEndpoint(current));
        const next: StoredWebhookEndpoint = { ...current, updatedAt: t.now().toISOString(), version: current.version + 1 };
        if (body.url !== undefined) next.url = body.url;
        if (body.eventTypes !== undefined) next.eventTypes = [...new Set(body.eventTypes)];
        if (body.enabled !== undefined) next.enabled = body.enabled;
        if (body.description === null || body.description === '') delete next.description;
        else if (body.description !== undefined) next.description = body.description;
        if (!(await t.store.putWebhookEndpoint(next, current.version))) {
          const now = await t.store.getWebhookEndpoint(current.id);
          throw new HttpProblem('precondition_failed', 412, { current: now && publicEndpoint(now) }, { ETag: etag(now?.version ?? current.version) });
        }
        if (next.enabled && !current.enabled) t.webhooks?.wake();
        const changes = (['url', 'eventTypes', 'enabled', 'description'] as const).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]));
        await audit(t, c, {
          action: 'webhook_endpoint.update',
          target: next.id,
          targetName: next.url,
          changes,
          ...(changes.includes('enabled') ? { toStatus: next.enabled ? 'enabled' : 'disabled' } : {}),
          count: 1,
        });
        return { status: 200, body: publicEndpoint(next), headers: { ETag: etag(next.version) } };
      }),
  });

  router.define({
    method: 'delete',
    path: '/v1/webhook-endpoints/:id',
    tag: 'webhooks',
    summary: 'Delete an endpoint and its deliveries (If-Match optional)',
    access: 'secret',
    request: { params: IdParams, headers: [{ name: 'If-Match', description: 'Deletes only this version.' }] },
    responses: { 204: { description: 'Deleted' }, 404: { description: 'No such endpoint' }, 412: { description: 'Stale If-Match' } },
    handler: async (c, { params }) => {
      const endpoint = await endpointOr404(ctx, params.id);
      const header = c.req.header('If-Match');
      if (header !== undefined) checkIfMatch(header, endpoint.version, publicEndpoint(endpoint));
      // The delete and its audit entry commit together.
      await inTransaction(ctx, async (t) => {
        if (!(await t.store.deleteWebhookEndpoint(endpoint.id, header === undefined ? undefined : endpoint.version))) {
          const now = await t.store.getWebhookEndpoint(endpoint.id);
          if (!now) throw new HttpProblem('not_found', 404);
          throw new HttpProblem('precondition_failed', 412, { current: publicEndpoint(now) }, { ETag: etag(now.version) });
        }
        await audit(t, c, { action: 'webhook_endpoint.delete', target: endpoint.id, targetName: endpoint.url, count: 1 });
      });
      return c.body(null, 204);
    },
  });

  router.define({
    method: 'post',
    path: '/v1/webhook-endpoints/:id/secret',
    tag: 'webhooks',
    summary: 'Rotate the signing secret: the answer holds the new one, shown only this once; for 24 hours deliveries carry a signature with each secret',
    access: 'secret',
    request: { params: IdParams, headers: [IDEMPOTENCY] },
    responses: { 200: { description: 'The endpoint with its new secret', schema: WebhookEndpointWithSecretSchema, headers: ['ETag'] }, 404: { description: 'No such endpoint' }, 409: { description: 'No secrets key to keep the new secret with (`secrets_key_required`)' } },
    handler: (c, { params }) =>
      idempotent(ctx, c, 'webhook-endpoints.secret', async (t) => {
        const current = await endpointOr404(t, params.id);
        const secret = newSecret();
        const now = t.now();
        // The old secret keeps signing beside the new one for a day, so a receiver can switch without refusing a delivery.
        const next: StoredWebhookEndpoint = {
          ...current,
          secret,
          previousSecret: current.secret,
          previousSecretUntil: new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString(),
          secretHint: hintOf(secret),
          updatedAt: now.toISOString(),
          version: current.version + 1,
        };
        if (!(await t.store.putWebhookEndpoint(await sealEndpoint(t.secrets, next), current.version))) throw new HttpProblem('write_conflict', 409);
        await audit(t, c, { action: 'webhook_endpoint.rotate_secret', target: next.id, targetName: next.url, count: 1 });
        return { status: 200, body: withSecret(next), sealBody: true, headers: { ETag: etag(next.version) } };
      }),
  });

  router.define({
    method: 'get',
    path: '/v1/webhook-endpoints/:id/deliveries',
    tag: 'webhooks',
    summary: 'Deliveries of an endpoint, newest first, each with every attempt (time, status code, duration, error)',
    access: 'secret',
    request: { params: IdParams, query: WebhookDeliveryListQuerySchema },
    responses: { 200: { description: 'One page of deliveries', schema: WebhookDeliveryPageSchema }, 404: { description: 'No such endpoint' } },
    handler: async (c, { params, query }) => {
      await endpointOr404(ctx, params.id);
      const before = decodeTuple(query.cursor, 1, c.get('locale')) as [number] | undefined;
      const page = await ctx.store.listDeliveries({ endpointId: params.id, status: query.status, beforeSeq: before?.[0], limit: query.limit ?? 20 });
      const last = page.items.at(-1);
      return c.json({ items: page.items.map(publicDelivery), nextCursor: page.hasMore && last ? encodeTuple([last.seq]) : null });
    },
  });

  router.define({
    method: 'post',
    path: '/v1/webhook-endpoints/:id/deliveries/:deliveryId/redeliver',
    tag: 'webhooks',
    summary: 'Send a delivery again now, whatever its status; if that attempt fails, it is retried on the schedule from the start',
    access: 'secret',
    request: { params: DeliveryParams, headers: [IDEMPOTENCY] },
    responses: { 202: { description: 'Queued: the delivery, pending', schema: WebhookDeliverySchema }, 404: { description: 'No such endpoint or delivery' } },
    handler: (c, { params }) =>
      idempotent(ctx, c, 'webhook-endpoints.redeliver', async (t) => {
        const delivery = await t.store.getDelivery(params.deliveryId);
        if (!delivery || delivery.endpointId !== params.id) throw new HttpProblem('not_found', 404);
        const queued = await t.store.requeueDelivery(delivery.id, t.now().toISOString());
        if (!queued) throw new HttpProblem('not_found', 404);
        t.webhooks?.wake();
        return { status: 202, body: publicDelivery(queued) };
      }),
  });
}
