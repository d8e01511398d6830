import { expect, expectEqual, expectFieldError, expectProblem, expectStatus } from '../assert.js';
import type { Body, Session } from '../session.js';

/** Managed API keys: shown once, scoped, rotated with an overlap, revoked at once. Every key made here is revoked before the area ends. */
export async function apiKeyChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('api-keys', 'managed API keys (/v1/api-keys): shown once, publishable and read-only scopes, rotation overlap, revocation');
  const made: string[] = [];
  const create = async (body: Body): Promise<Body> => {
    const r = await http.post('/v1/api-keys', { name: `conformance ${s.run}`, ...body });
    expectStatus(r, 201);
    made.push(r.json.id as string);
    return r.json as Body;
  };
  const as = (key: unknown) => ({ key: { bearer: String(key) } });
  let secret: Body | undefined;

  try {
    await runner.check('POST /v1/api-keys → 201 with the key once; the list shows prefix and last 4, never the key', async () => {
      secret = await create({ kind: 'secret' });
      const key = String(secret.key);
      expect(key.length >= 24, 'the key is too short to be a random secret');
      expectEqual(secret.last4, key.slice(-4), 'last4');
      expect(key.startsWith(String(secret.prefix)), 'the key does not start with its prefix');
      const list = await http.get('/v1/api-keys');
      expectStatus(list, 200);
      expect(!list.text.includes(key), 'the list holds the key itself');
      expect((list.json.items as Body[]).some((k) => k.id === secret!.id && k.key === undefined), 'the new key is not listed, or is listed with its key');
      const one = await http.get(`/v1/api-keys/${secret.id}`);
      expectStatus(one, 200);
      expect(!one.text.includes(key), 'GET /v1/api-keys/{id} shows the key itself');
    });
    await runner.check('the new secret key reaches a secret route; a key it never was → 401', async () => {
      expectStatus(await http.get('/v1/customers?limit=1', as(secret!.key)), 200);
      expectProblem(await http.get('/v1/customers?limit=1', as(`${String(secret!.key)}x`)), 401);
    });
    await runner.check('a managed publishable key is refused on secret routes (403) and reaches the public ones', async () => {
      const pk = await create({ kind: 'publishable' });
      expectProblem(await http.get('/v1/customers?limit=1', as(pk.key)), 403);
      expectProblem(await http.get('/v1/api-keys', as(pk.key)), 403);
      expectStatus(await http.get('/v1/public/settings/registration', as(pk.key)), 200);
    });
    await runner.check('readOnly on a publishable key → 422 read_only_publishable at readOnly', async () => {
      expectFieldError(await http.post('/v1/api-keys', { name: `conformance ${s.run}`, kind: 'publishable', readOnly: true }), 'readOnly', 'read_only_publishable');
    });
    await runner.check('a read-only secret key reads (200) and every write is 403 read_only_key, localized', async () => {
      const ro = await create({ kind: 'secret', readOnly: true });
      expectStatus(await http.get('/v1/categories', as(ro.key)), 200);
      const customer = await s.mustCreate(s.person());
      const patch = await http.patch(`/v1/customers/${customer.id}`, { notes: 'x' }, { ...as(ro.key), headers: { 'If-Match': `"${customer.version}"`, 'Accept-Language': 'en' } });
      expectProblem(patch, 403);
      expect(String(patch.json.type).endsWith('read-only-key'), `type is ${patch.json.type}, not …/read-only-key`);
      expectEqual(patch.json.title, 'Read-only key', 'title in English');
      expectProblem(await http.post('/v1/api-keys', { name: 'x', kind: 'secret' }, as(ro.key)), 403);
    });
    await runner.check('rotate → a successor shown once; the old key works during the overlap; overlapHours 0 ends it at once', async () => {
      const old = await create({ kind: 'secret' });
      const r = await http.post(`/v1/api-keys/${old.id}/rotate`, { overlapHours: 1 });
      expectStatus(r, 200);
      const successor = r.json.successor as Body;
      made.push(String(successor.id));
      expectEqual((r.json.previous as Body).status, 'expiring', 'the old key’s status');
      expectStatus(await http.get('/v1/customers?limit=1', as(old.key)), 200);
      expectStatus(await http.get('/v1/customers?limit=1', as(successor.key)), 200);
      expectProblem(await http.post(`/v1/api-keys/${old.id}/rotate`, {}), 409);
      const now = await http.post(`/v1/api-keys/${successor.id}/rotate`, { overlapHours: 0 });
      expectStatus(now, 200);
      made.push(String((now.json.successor as Body).id));
      expectProblem(await http.get('/v1/customers?limit=1', as(successor.key)), 401);
      expectStatus(await http.get('/v1/customers?limit=1', as((now.json.successor as Body).key)), 200);
    });
    await runner.check('DELETE revokes at once (401 after); a key does not revoke itself (409)', async () => {
      const k = await create({ kind: 'secret' });
      expectProblem(await http.delete(`/v1/api-keys/${k.id}`, as(k.key)), 409);
      const r = await http.delete(`/v1/api-keys/${k.id}`);
      expectStatus(r, 200);
      expectEqual(r.json.status, 'revoked', 'status');
      expectProblem(await http.get('/v1/customers?limit=1', as(k.key)), 401);
    });
    await runner.check('the audit log names the managed key that acted', async () => {
      const cat = await http.post('/v1/categories', { name: `Conformidade ${s.run} chave`, color: '#123456' }, as(secret!.key));
      expectStatus(cat, 201);
      s.categories.add(String(cat.json.id));
      const log = await http.get('/v1/audit?action=category.create&limit=20');
      expectStatus(log, 200);
      const entry = (log.json.items as Body[]).find((e) => e.target === cat.json.id);
      expect(entry, 'no category.create entry for the category');
      const actor = entry.actor as Body;
      expectEqual(actor.keyId, `${String(secret!.prefix)}…${String(secret!.last4)}`, 'actor.keyId');
      expectEqual(actor.keyName, `conformance ${s.run}`, 'actor.keyName');
    });
  } finally {
    for (const id of made) await http.delete(`/v1/api-keys/${id}`);
  }
}
