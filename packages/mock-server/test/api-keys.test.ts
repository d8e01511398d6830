import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthError, type ApiKey, type ApiKeyRotation, type ApiKeyWithSecret, type AuditEntry } from '@clientela/core';
import { createClient } from '@clientela/core/client';
import type { MockServer } from '../src/index.js';
import { hashApiKey } from '../src/service/api-keys.js';
import { call, PERSON } from './helpers.js';
import { everyServer } from './stores.js';

// Managed API keys on every store: made, used, scoped, rotated with an overlap and revoked, each
// step audited under the key that acted. The clock is a number the tests move.

const START = Date.parse('2026-11-22T12:00:00.000Z');
const time = { ms: START };
const now = () => new Date(time.ms);
const HOUR = 3_600_000;

let opened: MockServer[] = [];
beforeEach(() => {
  time.ms = START;
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function create(server: MockServer, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<ApiKeyWithSecret> {
  const res = await call(server, 'POST', '/v1/api-keys', { body, headers });
  expect(res.status, res.text).toBe(201);
  return res.json as ApiKeyWithSecret;
}

const customers = (server: MockServer, key: string) => call(server, 'GET', '/v1/customers?limit=1', { key });

describe.each(everyServer('api-keys', { now }))('managed API keys on %s', (_kind, open) => {
  async function server(): Promise<MockServer> {
    const s = await open();
    opened.push(s);
    return s;
  }

  it('a secret key is shown once, stored hashed, listed by prefix and last 4, and works for every route', async () => {
    const s = await server();
    const made = await create(s, { name: 'ERP', kind: 'secret' });
    expect(made.key).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
    expect(made).toMatchObject({ name: 'ERP', kind: 'secret', readOnly: false, prefix: 'sk_live_', last4: made.key.slice(-4), status: 'active', lastUsedAt: null, expiresAt: null, revokedAt: null });
    expect(made.createdBy).toEqual({ keyId: 'sk_test_…tela' });

    const listed = (await call(s, 'GET', '/v1/api-keys')).json.items as ApiKey[];
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(made.key);
    expect(listed[0]).not.toHaveProperty('key');
    expect(listed[0]).not.toHaveProperty('hash');
    const stored = await s.store.getApiKey(made.id);
    expect(stored?.hash).toBe(hashApiKey(made.key));
    expect(JSON.stringify(stored)).not.toContain(made.key);
    expect((await call(s, 'GET', `/v1/api-keys/${made.id}`)).json).not.toHaveProperty('key');

    expect((await customers(s, made.key)).status).toBe(200);
    const cat = await call(s, 'POST', '/v1/categories', { key: made.key, body: { name: 'VIP', color: '#112233' }, headers: { 'X-Actor': 'Ana' } });
    expect(cat.status, cat.text).toBe(201);
    expect((await customers(s, `${made.key}x`)).status).toBe(401);
  });

  it('every audit entry names the key that acted, the keys’ own create, rotate and revoke too', async () => {
    const s = await server();
    const erp = await create(s, { name: 'ERP', kind: 'secret' }, { 'X-Actor': 'Beatriz' });
    await call(s, 'POST', '/v1/categories', { key: erp.key, body: { name: 'Atacado', color: '#112233' } });
    const rotated = (await call(s, 'POST', `/v1/api-keys/${erp.id}/rotate`, { key: erp.key, body: {} })).json as ApiKeyRotation;
    const other = await create(s, { name: 'Loja', kind: 'publishable' });
    expect((await call(s, 'DELETE', `/v1/api-keys/${other.id}`, { key: rotated.successor.key })).status).toBe(200);
    const items = (await call(s, 'GET', '/v1/audit?limit=10')).json.items as AuditEntry[];
    const label = `sk_live_…${erp.key.slice(-4)}`;
    const successorLabel = `sk_live_…${rotated.successor.key.slice(-4)}`;
    expect(items.map((e) => [e.action, e.actor, e.targetName])).toEqual([
      ['api_key.revoke', { keyId: successorLabel, keyName: 'ERP' }, `Loja (pk_live_…${other.key.slice(-4)})`],
      ['api_key.create', { keyId: 'sk_test_…tela' }, `Loja (pk_live_…${other.key.slice(-4)})`],
      ['api_key.rotate', { keyId: label, keyName: 'ERP' }, `ERP (${label})`],
      ['category.create', { keyId: label, keyName: 'ERP' }, 'Atacado'],
      ['api_key.create', { keyId: 'sk_test_…tela', name: 'Beatriz' }, `ERP (${label})`],
    ]);
    expect(items[2]?.until).toBe(new Date(START + 24 * HOUR).toISOString());
  });

  it('every write a managed key makes, across the resources, is audited under that key (a storefront registration under its publishable key): none unnamed, none under another', async () => {
    const s = await server();
    const erp = await create(s, { name: 'ERP', kind: 'secret' });
    const loja = await create(s, { name: 'Loja', kind: 'publishable' });
    const made = (await call(s, 'GET', '/v1/audit?limit=200')).json.items.length as number;
    const as = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => call(s, method, path, { key: erp.key, ...(body === undefined ? {} : { body }), headers });
    const ok = (r: { status: number; text: string }) => expect(r.status, r.text).toBeLessThan(300);
    const customer = await as('POST', '/v1/customers', PERSON);
    ok(customer);
    const id = customer.json.id as string;
    ok(await as('GET', `/v1/customers/${id}`));
    ok(await as('PATCH', `/v1/customers/${id}`, { notes: 'VIP' }, { 'If-Match': '"1"' }));
    const category = await as('POST', '/v1/categories', { name: 'Atacado', color: '#112233' });
    ok(category);
    ok(await as('PATCH', `/v1/categories/${category.json.id}`, { status: 'inactive' }, { 'If-Match': '"1"' }));
    ok(await as('POST', '/v1/customers/bulk', { ids: [id], action: 'setStatus', status: 'blocked' }));
    ok(await as('PUT', '/v1/settings/registration', (await as('GET', '/v1/settings/registration')).json));
    ok(await as('POST', '/v1/exports', { format: 'csv', ids: [id], columns: ['name'] }));
    ok(await call(s, 'POST', '/v1/imports?dryRun=false', { key: erp.key, raw: 'CPF/CNPJ;Nome (primeiro);Sobrenome\r\n390.533.447-05;Ana;Lima\r\n', headers: { 'Content-Type': 'text/csv' } }));
    const hook = await as('POST', '/v1/webhook-endpoints', { url: 'https://erp.example.com/hooks', eventTypes: ['customer.created'] });
    ok(hook);
    ok(await as('DELETE', `/v1/webhook-endpoints/${hook.json.id}`));
    ok(await as('DELETE', `/v1/customers/${id}`));
    // A shopper's registration through the storefront's managed publishable key.
    const shopper = { ...PERSON, document: '111.444.777-35', firstName: 'Bia', email: 'bia.loja@example.com.br', password: 'uma-senha-longa-9' };
    ok(await call(s, 'POST', '/v1/public/registrations', { key: loja.key, body: shopper }));
    expect(made).toBe(2);
    const entries = ((await call(s, 'GET', '/v1/audit?limit=200')).json.items as AuditEntry[]).slice(0, -made);
    const [registration, ...rest] = entries;
    expect(registration).toMatchObject({ action: 'customer.create', source: 'storefront', actor: { keyId: `pk_live_…${loja.key.slice(-4)}`, keyName: 'Loja' } });
    const actions = new Set(rest.map((e) => e.action));
    for (const action of ['customer.create', 'customer.reveal', 'customer.update', 'category.create', 'category.update', 'bulk', 'settings.update', 'export', 'import', 'webhook_endpoint.create', 'webhook_endpoint.delete', 'customer.delete']) {
      expect(actions.has(action as AuditEntry['action']), action).toBe(true);
    }
    const label = `sk_live_…${erp.key.slice(-4)}`;
    expect(rest.filter((e) => e.actor.keyId !== label || e.actor.keyName !== 'ERP')).toEqual([]);
  });

  it('create, rotate and revoke are events of the change feed, none carrying a key', async () => {
    const s = await server();
    const made = await create(s, { name: 'ERP', kind: 'secret' });
    const rotated = (await call(s, 'POST', `/v1/api-keys/${made.id}/rotate`, { body: { overlapHours: 1 } })).json as ApiKeyRotation;
    expect((await call(s, 'DELETE', `/v1/api-keys/${made.id}`)).status).toBe(200);
    const feed = await call(s, 'GET', '/v1/events?types=api_key.created,api_key.rotated,api_key.revoked');
    expect(feed.status, feed.text).toBe(200);
    const items = feed.json.items as { type: string; data: { apiKey: ApiKey; previous?: ApiKey } }[];
    expect(items.map((e) => [e.type, e.data.apiKey.id, e.data.apiKey.status])).toEqual([
      ['api_key.created', made.id, 'active'],
      ['api_key.rotated', rotated.successor.id, 'active'],
      ['api_key.revoked', made.id, 'revoked'],
    ]);
    expect(items[1]?.data.previous).toMatchObject({ id: made.id, status: 'expiring', expiresAt: new Date(START + HOUR).toISOString() });
    expect(feed.text).not.toContain(made.key);
    expect(feed.text).not.toContain(rotated.successor.key);
  });

  it('a publishable key reaches only the public routes', async () => {
    const s = await server();
    const pk = await create(s, { name: 'Vitrine', kind: 'publishable' });
    expect(pk.key).toMatch(/^pk_live_/);
    expect(pk.readOnly).toBe(false);
    expect((await call(s, 'GET', '/v1/public/settings/registration', { key: pk.key })).status).toBe(200);
    const refused = await customers(s, pk.key);
    expect(refused.status).toBe(403);
    expect(refused.json.type).toMatch(/forbidden$/);
    expect((await call(s, 'GET', '/v1/api-keys', { key: pk.key })).status).toBe(403);
    expect((await call(s, 'POST', '/v1/api-keys', { key: pk.key, body: { name: 'x', kind: 'secret' } })).status).toBe(403);
  });

  it('a read-only secret key reads, and every write answers 403 read_only_key in the caller’s language', async () => {
    const s = await server();
    const ro = await create(s, { name: 'BI', kind: 'secret', readOnly: true });
    expect(ro.readOnly).toBe(true);
    const created = await call(s, 'POST', '/v1/customers', { body: PERSON });
    expect(created.status, created.text).toBe(201);
    expect((await customers(s, ro.key)).status).toBe(200);
    expect((await call(s, 'GET', `/v1/customers/${created.json.id}`, { key: ro.key })).status).toBe(200);
    expect((await call(s, 'POST', '/v1/exports', { key: ro.key, body: { format: 'csv' } })).status).toBe(200);

    const patch = await call(s, 'PATCH', `/v1/customers/${created.json.id}`, { key: ro.key, body: { notes: 'x' }, headers: { 'If-Match': '"1"', 'Accept-Language': 'en' } });
    expect(patch.status).toBe(403);
    expect(patch.json).toMatchObject({ type: expect.stringMatching(/read-only-key$/), title: 'Read-only key', status: 403 });
    const pt = await call(s, 'POST', '/v1/categories', { key: ro.key, body: { name: 'X', color: '#112233' } });
    expect(pt.status).toBe(403);
    expect(pt.json.title).toBe('Chave somente leitura');
    expect((await call(s, 'DELETE', `/v1/customers/${created.json.id}`, { key: ro.key })).status).toBe(403);
    expect((await call(s, 'POST', '/v1/api-keys', { key: ro.key, body: { name: 'escalada', kind: 'secret' } })).status).toBe(403);
    expect((await call(s, 'GET', `/v1/customers/${created.json.id}`)).json.notes).toBeUndefined();
  });

  it('refuses a read-only publishable key, an empty name and an expiry in the past (422, localized)', async () => {
    const s = await server();
    const ro = await call(s, 'POST', '/v1/api-keys', { body: { name: 'Vitrine', kind: 'publishable', readOnly: true } });
    expect(ro.status).toBe(422);
    expect(ro.json.errors).toEqual([expect.objectContaining({ path: 'readOnly', code: 'read_only_publishable' })]);
    const empty = await call(s, 'POST', '/v1/api-keys', { body: { name: '  ', kind: 'secret' }, headers: { 'Accept-Language': 'es' } });
    expect(empty.status).toBe(422);
    expect(empty.json.errors[0]).toMatchObject({ path: 'name', code: 'required' });
    const past = await call(s, 'POST', '/v1/api-keys', { body: { name: 'Velha', kind: 'secret', expiresAt: new Date(START - 1000).toISOString() } });
    expect(past.status).toBe(422);
    expect(past.json.errors[0]).toMatchObject({ path: 'expiresAt' });
    expect((await call(s, 'GET', '/v1/api-keys')).json.items).toEqual([]);
  });

  it('a key created with an expiry stops working then', async () => {
    const s = await server();
    const k = await create(s, { name: 'Campanha', kind: 'secret', expiresAt: new Date(START + 2 * HOUR).toISOString() });
    expect((await customers(s, k.key)).status).toBe(200);
    time.ms = START + 2 * HOUR;
    expect((await customers(s, k.key)).status).toBe(401);
    expect((await call(s, 'GET', `/v1/api-keys/${k.id}`)).json.status).toBe('expired');
  });

  it('rotation: both keys work during the overlap, then only the successor; a rotated key is not rotated again', async () => {
    const s = await server();
    const old = await create(s, { name: 'ERP', kind: 'secret', readOnly: true });
    const res = await call(s, 'POST', `/v1/api-keys/${old.id}/rotate`, { body: { overlapHours: 2 } });
    expect(res.status, res.text).toBe(200);
    const { successor, previous } = res.json as ApiKeyRotation;
    expect(successor).toMatchObject({ name: 'ERP', kind: 'secret', readOnly: true, status: 'active', rotatedFrom: old.id });
    expect(successor.key).not.toBe(old.key);
    expect(previous).toMatchObject({ id: old.id, status: 'expiring', rotatedTo: successor.id, expiresAt: new Date(START + 2 * HOUR).toISOString() });
    expect(JSON.stringify(previous)).not.toContain(old.key);

    time.ms = START + 2 * HOUR - 1;
    expect((await customers(s, old.key)).status).toBe(200);
    expect((await customers(s, successor.key)).status).toBe(200);
    time.ms = START + 2 * HOUR;
    expect((await customers(s, old.key)).status).toBe(401);
    expect((await customers(s, successor.key)).status).toBe(200);

    const again = await call(s, 'POST', `/v1/api-keys/${old.id}/rotate`, { body: {} });
    expect(again.status).toBe(409);
    expect(again.json.type).toMatch(/api-key-inactive$/);
    expect((await call(s, 'POST', `/v1/api-keys/${old.id}/rotate`, { body: { overlapHours: 169 } })).status).toBe(422);
    const list = (await call(s, 'GET', '/v1/api-keys')).json.items as ApiKey[];
    expect(list.map((k) => [k.id, k.status])).toEqual([
      [successor.id, 'active'],
      [old.id, 'expired'],
    ]);
  });

  it('rotation without an overlap ends the old key at once; the default overlap is 24 hours', async () => {
    const s = await server();
    const a = await create(s, { name: 'A', kind: 'secret' });
    const b = await create(s, { name: 'B', kind: 'publishable' });
    await call(s, 'POST', `/v1/api-keys/${a.id}/rotate`, { body: { overlapHours: 0 } });
    expect((await customers(s, a.key)).status).toBe(401);
    const rb = (await call(s, 'POST', `/v1/api-keys/${b.id}/rotate`, {})).json as ApiKeyRotation;
    expect(rb.previous.expiresAt).toBe(new Date(START + 24 * HOUR).toISOString());
    expect(rb.successor.key).toMatch(/^pk_live_/);
  });

  it('revoke takes effect at once; a key does not revoke itself; revoking twice answers the revoked key', async () => {
    const s = await server();
    const a = await create(s, { name: 'A', kind: 'secret' });
    const b = await create(s, { name: 'B', kind: 'secret' });
    const self = await call(s, 'DELETE', `/v1/api-keys/${a.id}`, { key: a.key, headers: { 'Accept-Language': 'en' } });
    expect(self.status).toBe(409);
    expect(self.json).toMatchObject({ type: expect.stringMatching(/api-key-self-revoke$/), title: 'Key in use by this call' });
    expect((await customers(s, a.key)).status).toBe(200);

    const revoked = await call(s, 'DELETE', `/v1/api-keys/${a.id}`, { key: b.key });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({ id: a.id, status: 'revoked', revokedAt: new Date(START).toISOString() });
    const refused = await customers(s, a.key);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('WWW-Authenticate')).toBe('Bearer');
    const twice = await call(s, 'DELETE', `/v1/api-keys/${a.id}`);
    expect(twice.status).toBe(200);
    expect((await call(s, 'POST', `/v1/api-keys/${a.id}/rotate`, { body: {} })).status).toBe(409);
    expect((await call(s, 'DELETE', '/v1/api-keys/ak_nada')).status).toBe(404);
    // Revoking every managed key leaves the development key, which is configuration.
    expect((await call(s, 'DELETE', `/v1/api-keys/${b.id}`)).status).toBe(200);
    expect((await customers(s, s.keys.secret)).status).toBe(200);
    expect((await call(s, 'GET', '/v1/audit?action=api_key.revoke')).json.items).toHaveLength(2);
  });

  it('a retried create (same Idempotency-Key) answers the same key once made; another body with that key is refused', async () => {
    const s = await server();
    const headers = { 'Idempotency-Key': 'criar-erp-1' };
    const first = await call(s, 'POST', '/v1/api-keys', { body: { name: 'ERP', kind: 'secret' }, headers });
    const second = await call(s, 'POST', '/v1/api-keys', { body: { name: 'ERP', kind: 'secret' }, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('Idempotent-Replayed')).toBe('true');
    expect(second.json.key).toBe(first.json.key);
    expect(second.json.id).toBe(first.json.id);
    expect((await call(s, 'GET', '/v1/api-keys')).json.items).toHaveLength(1);
    const other = await call(s, 'POST', '/v1/api-keys', { body: { name: 'Outro', kind: 'secret' }, headers });
    expect(other.status).toBe(422);
    // The replay is kept sealed: no stored record holds the key in clear.
    expect(await s.store.getMeta(`idem:sk_test_…tela:api-keys.create:criar-erp-1`)).toBeUndefined();
  });

  it('lastUsedAt moves at most about once a minute, never per request, and never backwards', async () => {
    const s = await server();
    const k = await create(s, { name: 'ERP', kind: 'secret' });
    const touches = vi.spyOn(s.store, 'touchApiKey');
    const lastUsed = async () => (await s.store.getApiKey(k.id))?.lastUsedAt;
    await customers(s, k.key);
    await vi.waitFor(async () => expect(await lastUsed()).toBe(new Date(START).toISOString()));
    time.ms = START + 30_000;
    await customers(s, k.key);
    time.ms = START + 59_000;
    await customers(s, k.key);
    expect(touches).toHaveBeenCalledTimes(1);
    time.ms = START + 61_000;
    await customers(s, k.key);
    expect(touches).toHaveBeenCalledTimes(2);
    await vi.waitFor(async () => expect(await lastUsed()).toBe(new Date(START + 61_000).toISOString()));
    // Another process's late write of an older time does not move it back.
    await s.store.touchApiKey(k.id, new Date(START + 1_000).toISOString());
    expect(await lastUsed()).toBe(new Date(START + 61_000).toISOString());
    expect((await call(s, 'GET', `/v1/api-keys/${k.id}`)).json.lastUsedAt).toBe(new Date(START + 61_000).toISOString());
  });
});

describe('client.apiKeys', () => {
  it('creates, lists, rotates and revokes through the typed client; a revoked key’s client gets AuthError', async () => {
    const s = (await everyServer('api-keys-client', { now })[0]![1]());
    opened.push(s);
    const client = createClient({ baseUrl: 'http://mock.test', apiKey: s.keys.secret, fetch: s.fetch, locale: 'en' });
    const made = await client.apiKeys.create({ name: 'ERP', kind: 'secret' });
    const erp = createClient({ baseUrl: 'http://mock.test', apiKey: made.key, fetch: s.fetch, locale: 'en', retry: { limit: 0 } });
    expect((await erp.customers.list({ limit: 1 })).items).toEqual([]);
    expect((await client.apiKeys.list()).map((k) => k.id)).toEqual([made.id]);
    expect(await client.apiKeys.retrieve(made.id)).toMatchObject({ name: 'ERP', status: 'active' });
    const { successor, previous } = await client.apiKeys.rotate(made.id, { overlapHours: 1 });
    expect(previous.status).toBe('expiring');
    expect((await client.apiKeys.revoke(successor.id)).status).toBe('revoked');
    const next = createClient({ baseUrl: 'http://mock.test', apiKey: successor.key, fetch: s.fetch, locale: 'en', retry: { limit: 0 } });
    const error = await next.customers.list({ limit: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).status).toBe(401);
  });
});
