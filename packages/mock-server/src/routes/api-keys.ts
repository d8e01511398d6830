import type { Context } from 'hono';
import * as z from 'zod/mini';
import {
  API_KEY_OVERLAP_HOURS,
  ApiKeyCreateSchema,
  ApiKeyListSchema,
  ApiKeyRotateSchema,
  ApiKeyRotationSchema,
  ApiKeySchema,
  ApiKeyWithSecretSchema,
} from '@clientela/core/schemas';
import { audit, inTransaction, newId, purgeExpired, sha256, type ServerContext } from '../context.js';
import { IDEMPOTENCY_TTL_MS, attempt, respond, type Outcome } from '../http/idempotency.js';
import { fieldIssue, HttpProblem, problem } from '../http/problem.js';
import type { AppEnv, Router } from '../openapi/define-route.js';
import { emit } from '../service/events.js';
import { apiKeyLabel, apiKeyStatus, hashApiKey, KEY_PREFIX, newApiKey, publicApiKey } from '../service/api-keys.js';
import type { StoredApiKey } from '../store/types.js';
import { fromBase64Url, toBase64Url } from '../util/bytes.js';

const IdParams = z.object({ id: z.string() });
const IDEMPOTENCY = {
  name: 'Idempotency-Key',
  description: 'A retry with the same key and body answers the same key again (kept encrypted under the Idempotency-Key for 24 hours; without that header it can never be read back).',
};

// ---- replays that hold a key ----
// Create and rotate answer a key in full. The shared idempotency helper would keep that answer in
// the store as plain JSON for a day, which is the key in clear beside its hash. These two routes
// keep their replay encrypted (AES-GCM) under a key derived from the request's Idempotency-Key,
// and file it under a hash of that key: the store alone can read neither the answer nor its key,
// yet a client that lost the answer and retries with its Idempotency-Key gets it back.

interface SealedReplay {
  hash: string;
  iv: string;
  sealed: string;
}

function hexBytes(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function replayCipher(idempotencyKey: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', hexBytes(sha256(`clientela api-key replay\n${idempotencyKey}`)), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function seal(idempotencyKey: string, outcome: Outcome, hash: string): Promise<SealedReplay> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const data = new TextEncoder().encode(JSON.stringify(outcome));
  const sealed = new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await replayCipher(idempotencyKey), data));
  return { hash, iv: toBase64Url(iv), sealed: toBase64Url(sealed) };
}

async function unseal(idempotencyKey: string, replay: SealedReplay): Promise<Outcome> {
  const iv = new Uint8Array(fromBase64Url(replay.iv));
  const data = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv }, await replayCipher(idempotencyKey), new Uint8Array(fromBase64Url(replay.sealed)));
  return JSON.parse(new TextDecoder().decode(data)) as Outcome;
}

/**
 * Runs `run` in one transaction, honouring `Idempotency-Key` with a sealed replay (see above):
 * the same key and body answer the first outcome again; another body with the key is a 422.
 */
async function keyedOnce(ctx: ServerContext, c: Context<AppEnv>, scope: string, run: (t: ServerContext) => Promise<Outcome>): Promise<Response> {
  const idem = c.req.header('Idempotency-Key');
  if (idem === undefined) return respond(await attempt(c, () => inTransaction(ctx, run)));
  const locale = c.get('locale');
  if (idem.length === 0 || idem.length > 255) return problem(c, 'validation', 422, { errors: [fieldIssue('Idempotency-Key', 'invalid_value', locale)] });
  const requestHash = sha256(`${c.req.method} ${new URL(c.req.url).pathname}\n${await c.req.text()}`);
  const name = `idem-sealed:${sha256(`${c.get('keyId')}\n${scope}\n${idem}`)}`;
  let replayed: Outcome | undefined;
  const outcome = await attempt(c, () =>
    inTransaction(ctx, async (t) => {
      const now = t.now();
      const saved = await t.store.getMeta<SealedReplay>(name, now.toISOString());
      if (saved) {
        if (saved.hash !== requestHash) throw new HttpProblem('idempotency_mismatch', 422, { errors: [fieldIssue('Idempotency-Key', 'idempotency_key_reused', locale)] });
        replayed = await unseal(idem, saved);
        return replayed;
      }
      const o = await run(t);
      if (o.status < 300) {
        // One insert decides between two requests with this key in two processes: the loser's
        // work is rolled back and it is told to retry, when it will replay the winner's answer.
        const won = await t.store.claimMeta(name, await seal(idem, o, requestHash), now.toISOString(), new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString());
        if (!won) throw new HttpProblem('idempotency_in_progress', 409, {}, { 'Retry-After': '1' });
      }
      return o;
    }),
  );
  if (!replayed && outcome.status < 300) await purgeExpired(ctx);
  return respond(outcome, replayed !== undefined);
}

async function keyOr404(ctx: ServerContext, id: string): Promise<StoredApiKey> {
  const key = await ctx.store.getApiKey(id);
  if (!key) throw new HttpProblem('not_found', 404);
  return key;
}

/** The key's name and label, as the audit log names it. */
const auditName = (key: StoredApiKey) => `${key.name} (${apiKeyLabel(key)})`;

export function registerApiKeys(router: Router, ctx: ServerContext): void {
  /** A new record and its key, made by the request's actor. */
  function mint(c: Context<AppEnv>, t: ServerContext, fields: Pick<StoredApiKey, 'name' | 'kind' | 'readOnly' | 'expiresAt' | 'rotatedFrom'>) {
    const key = newApiKey(fields.kind);
    const actor = c.get('actorName');
    const record: StoredApiKey = {
      id: newId('ak'),
      ...fields,
      prefix: KEY_PREFIX[fields.kind],
      last4: key.slice(-4),
      createdAt: t.now().toISOString(),
      createdBy: { keyId: c.get('keyId'), ...(actor ? { name: actor } : {}) },
      lastUsedAt: null,
      revokedAt: null,
      rotatedTo: null,
      version: 1,
      hash: hashApiKey(key),
    };
    return { key, record };
  }

  router.define({
    method: 'get',
    path: '/v1/api-keys',
    tag: 'api-keys',
    summary: 'Managed API keys, newest first: prefix and last four characters, never the key',
    description:
      'Revoked and expired keys stay listed (the audit log names them). `lastUsedAt` is exact to about a minute. The development keys the server was started with (`sk_test_…`, `pk_test_…`) are configuration, not records: they are not listed and cannot be revoked here.',
    access: 'secret',
    responses: { 200: { description: 'The keys', schema: ApiKeyListSchema } },
    handler: async (c) => {
      const now = ctx.now();
      return c.json({ items: (await ctx.store.listApiKeys()).map((k) => publicApiKey(k, now)) });
    },
  });

  router.define({
    method: 'post',
    path: '/v1/api-keys',
    tag: 'api-keys',
    summary: 'Create a key; the answer holds the key itself, shown only this once',
    description:
      'A `publishable` key reaches only the public routes (a storefront page can hold it); a `secret` key reaches every route, or with `readOnly` only reads (every write answers 403 `read_only_key`). The server keeps only the SHA-256 of the key.',
    access: 'secret',
    request: { body: ApiKeyCreateSchema, headers: [IDEMPOTENCY] },
    responses: {
      201: { description: 'Created, with the key', schema: ApiKeyWithSecretSchema, headers: ['Location'] },
      422: { description: 'No name, an unknown kind, `readOnly` on a publishable key (read_only_publishable), an `expiresAt` in the past' },
    },
    handler: (c, { body }) =>
      keyedOnce(ctx, c, 'api-keys.create', async (t) => {
        const now = t.now();
        if (body.expiresAt !== undefined && Date.parse(body.expiresAt) <= now.getTime()) {
          throw new HttpProblem('validation', 422, { errors: [fieldIssue('expiresAt', 'too_small', c.get('locale'), { min: now.toISOString() })] });
        }
        const { key, record } = mint(c, t, {
          name: body.name,
          kind: body.kind,
          readOnly: body.kind === 'secret' && body.readOnly === true,
          expiresAt: body.expiresAt === undefined ? null : new Date(body.expiresAt).toISOString(),
          rotatedFrom: null,
        });
        await t.store.insertApiKey(record);
        await audit(t, c, { action: 'api_key.create', target: record.id, targetName: auditName(record), count: 1 });
        await emit(t, 'api_key.created', { apiKey: publicApiKey(record, now) });
        return { status: 201, body: { ...publicApiKey(record, now), key }, headers: { Location: `/v1/api-keys/${record.id}` } };
      }),
  });

  router.define({
    method: 'get',
    path: '/v1/api-keys/:id',
    tag: 'api-keys',
    summary: 'One key (never the key itself)',
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'The key', schema: ApiKeySchema }, 404: { description: 'No such key' } },
    handler: async (c, { params }) => c.json(publicApiKey(await keyOr404(ctx, params.id), ctx.now())),
  });

  router.define({
    method: 'post',
    path: '/v1/api-keys/:id/rotate',
    tag: 'api-keys',
    summary: 'Rotate a key: a successor (shown only this once), and the old key keeps working for an overlap, then stops',
    description: `The body is optional. \`overlapHours\` 0 to ${API_KEY_OVERLAP_HOURS.max} (default ${API_KEY_OVERLAP_HOURS.default}): until then both keys work, so every system can switch to the successor without a failed call; 0 ends the old key at once. The successor has the same name, kind, read-only flag and expiry.`,
    access: 'secret',
    request: { params: IdParams, body: z.optional(ApiKeyRotateSchema), headers: [IDEMPOTENCY] },
    responses: {
      200: { description: 'The successor with its key, and the old key with the `expiresAt` it now has', schema: ApiKeyRotationSchema },
      404: { description: 'No such key' },
      409: { description: 'The key was already rotated, or is revoked or expired (api_key_inactive)' },
    },
    handler: (c, { params, body }) =>
      keyedOnce(ctx, c, 'api-keys.rotate', async (t) => {
        const now = t.now();
        const current = await keyOr404(t, params.id);
        if (apiKeyStatus(current, now) !== 'active') throw new HttpProblem('api_key_inactive', 409, { current: publicApiKey(current, now) });
        const overlapEnd = now.getTime() + (body?.overlapHours ?? API_KEY_OVERLAP_HOURS.default) * 3_600_000;
        const own = current.expiresAt === null ? Infinity : Date.parse(current.expiresAt);
        const { key, record: successor } = mint(c, t, {
          name: current.name,
          kind: current.kind,
          readOnly: current.readOnly,
          expiresAt: current.expiresAt,
          rotatedFrom: current.id,
        });
        const previous: StoredApiKey = { ...current, rotatedTo: successor.id, expiresAt: new Date(Math.min(own, overlapEnd)).toISOString(), version: current.version + 1 };
        if (!(await t.store.updateApiKey(previous, current.version))) throw new HttpProblem('write_conflict', 409);
        await t.store.insertApiKey(successor);
        await audit(t, c, { action: 'api_key.rotate', target: current.id, targetName: auditName(current), until: previous.expiresAt as string, count: 1 });
        await emit(t, 'api_key.rotated', { apiKey: publicApiKey(successor, now), previous: publicApiKey(previous, now) });
        return { status: 200, body: { successor: { ...publicApiKey(successor, now), key }, previous: publicApiKey(previous, now) } };
      }),
  });

  router.define({
    method: 'delete',
    path: '/v1/api-keys/:id',
    tag: 'api-keys',
    summary: 'Revoke a key at once (it is kept in the list, revoked)',
    description:
      'Every server process refuses the key from its next request (keys are checked against the store on each request, never cached). A key cannot revoke itself (409 `api_key_self_revoke`): revoke it with another secret key. The development secret key the server was started with is configuration, never revoked here, so revoking every managed key never locks the store out. Revoking a revoked key answers it again.',
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'The revoked key', schema: ApiKeySchema }, 404: { description: 'No such key' }, 409: { description: 'The key making this call (api_key_self_revoke)' } },
    handler: async (c, { params }) =>
      respond(
        await attempt(c, () =>
          inTransaction(ctx, async (t) => {
            const now = t.now();
            const current = await keyOr404(t, params.id);
            if (current.revokedAt) return { status: 200, body: publicApiKey(current, now) };
            if (c.get('apiKeyId') === current.id) throw new HttpProblem('api_key_self_revoke', 409);
            const revoked: StoredApiKey = { ...current, revokedAt: now.toISOString(), version: current.version + 1 };
            if (!(await t.store.updateApiKey(revoked, current.version))) throw new HttpProblem('write_conflict', 409);
            await audit(t, c, { action: 'api_key.revoke', target: current.id, targetName: auditName(current), count: 1 });
            await emit(t, 'api_key.revoked', { apiKey: publicApiKey(revoked, now) });
            return { status: 200, body: publicApiKey(revoked, now) };
          }),
        ),
      ),
  });
}
