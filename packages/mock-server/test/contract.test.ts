import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidCpf } from '@clientela/core';
import { CustomerPageSchema, CustomerSchema, parseWith, ProblemSchema } from '@clientela/core/schemas';
import type { MockServer } from '../src/index.js';
import { MemoryStore } from '../src/store/memory.js';
import { SyncStoreAdapter } from '../src/store/sync-adapter.js';
import { app, call, COMPANY, PERSON } from './helpers.js';

function expectProblem(r: { status: number; headers: Headers; json: unknown }, status: number) {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
  expect(parseWith(ProblemSchema, r.json).success).toBe(true);
  expect((r.json as { status: number }).status).toBe(status);
}

describe('auth, errors and system routes', () => {
  let s: MockServer;
  beforeAll(() => {
    s = app({ seed: 50 });
  });
  afterAll(() => s.close());

  it('serves /healthz and /openapi.json without a key', async () => {
    expect((await call(s, 'GET', '/healthz', { key: null })).json).toEqual({ status: 'ok', store: 'memory', customers: 50 });
    const doc = await call(s, 'GET', '/openapi.json', { key: null });
    expect(doc.json.openapi).toBe('3.1.0');
  });

  it('401 without a key or with an unknown one, 403 for a publishable key on a secret route', async () => {
    expectProblem(await call(s, 'GET', '/v1/customers', { key: null }), 401);
    expectProblem(await call(s, 'GET', '/v1/customers', { key: 'sk_live_nope' }), 401);
    expectProblem(await call(s, 'GET', '/v1/customers', { key: s.keys.publishable }), 403);
    expect((await call(s, 'GET', '/v1/public/settings/registration', { key: s.keys.publishable })).status).toBe(200);
  });

  it('unknown routes are a 404 problem', async () => {
    expectProblem(await call(s, 'GET', '/v1/nothing-here'), 404);
    expectProblem(await call(s, 'GET', '/nothing', { key: null }), 404);
  });

  it('malformed JSON is 400; invalid bodies 422 with localized field errors', async () => {
    expectProblem(await call(s, 'POST', '/v1/customers', { raw: '{"kind":', headers: { 'Content-Type': 'application/json' } }), 400);
    const en = await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: '111.111.111-11' }, headers: { 'Accept-Language': 'en' } });
    expectProblem(en, 422);
    expect(en.json.errors).toContainEqual({ path: 'document', code: 'invalid_cpf', message: 'Invalid CPF.' });
    const es = await call(s, 'POST', '/v1/customers', { body: { ...PERSON, address: { ...PERSON.address, postalCode: '123' } }, headers: { 'Accept-Language': 'es' } });
    expect(es.json.errors).toContainEqual({ path: 'address.postalCode', code: 'invalid_cep', message: 'CEP (código postal) no válido.' });
    const pt = await call(s, 'GET', '/v1/customers?limit=500');
    expectProblem(pt, 422);
    expect(pt.json.title).toBe('Dados inválidos');
  });

  it('413 on a body over the limit', async () => {
    const small = app({ bodyLimit: 1000 });
    const r = await call(small, 'POST', '/v1/customers', { body: { ...PERSON, notes: 'x'.repeat(5000) } });
    expectProblem(r, 413);
  });

  it('429 with Retry-After on public routes past the rate limit', async () => {
    const limited = app({ rateLimit: { windowMs: 60_000, max: 2 } });
    for (let i = 0; i < 2; i++) expect((await call(limited, 'GET', '/v1/public/settings/registration', { key: limited.keys.publishable })).status).toBe(200);
    const r = await call(limited, 'GET', '/v1/public/settings/registration', { key: limited.keys.publishable });
    expectProblem(r, 429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    // Secret routes are not rate limited.
    expect((await call(limited, 'GET', '/v1/categories')).status).toBe(200);
  });

  it('the rate limit is counted in the store: two servers on one store share it', async () => {
    const shared = new SyncStoreAdapter(new MemoryStore());
    const one = app({ store: shared, rateLimit: { windowMs: 60_000, max: 3 } });
    const two = app({ store: shared, rateLimit: { windowMs: 60_000, max: 3 } });
    const statuses: number[] = [];
    for (const s of [one, two, one, two]) statuses.push((await call(s, 'GET', '/v1/public/settings/registration', { key: s.keys.publishable })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('fault injection: 503 with Retry-After, never on /healthz', async () => {
    const flaky = app({ failRate: 1 });
    const r = await call(flaky, 'GET', '/v1/categories');
    expectProblem(r, 503);
    expect(r.headers.get('retry-after')).toBe('1');
    expect((await call(flaky, 'GET', '/healthz', { key: null })).status).toBe(200);
    expect((await call(flaky, 'GET', '/openapi.json', { key: null })).status).toBe(200);
  });

  it('latency injection still answers, and /healthz is untouched', async () => {
    const slow = app({ latency: [1, 3] });
    expect((await call(slow, 'GET', '/v1/categories')).status).toBe(200);
    expect((await call(slow, 'GET', '/healthz', { key: null })).status).toBe(200);
  });

  it('audit: since/until filters and cursor pages, newest first', async () => {
    let now = new Date('2026-11-22T10:00:00.000Z');
    const t = app({ now: () => now });
    for (let i = 0; i < 5; i++) {
      now = new Date(now.getTime() + 60_000);
      await call(t, 'POST', '/v1/categories', { body: { name: `Cat ${i}` } });
    }
    const all = await call(t, 'GET', '/v1/audit?limit=2');
    expect(all.json.items.map((e: { targetName: string }) => e.targetName)).toEqual(['Cat 4', 'Cat 3']);
    const next = await call(t, 'GET', `/v1/audit?limit=2&cursor=${all.json.nextCursor}`);
    expect(next.json.items.map((e: { targetName: string }) => e.targetName)).toEqual(['Cat 2', 'Cat 1']);
    const window = await call(t, 'GET', `/v1/audit?since=${encodeURIComponent('2026-11-22T07:02:00-03:00')}&until=2026-11-22T10:03:30.000Z`);
    expect(window.json.items.map((e: { targetName: string }) => e.targetName)).toEqual(['Cat 2', 'Cat 1']);
    expectProblem(await call(t, 'GET', '/v1/audit?action=nope'), 422);
  });

  it('CORS: allow-listed origin gets the headers and exposed ETag', async () => {
    const withCors = app({ cors: ['http://localhost:5173'] });
    const pre = await withCors.fetch(
      new Request('http://mock.test/v1/customers', {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'if-match' },
      }),
    );
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/If-Match/);
    const get = await withCors.fetch(new Request('http://mock.test/healthz', { headers: { Origin: 'http://localhost:5173' } }));
    expect(get.headers.get('access-control-expose-headers')).toMatch(/ETag/);
    const other = await withCors.fetch(new Request('http://mock.test/healthz', { headers: { Origin: 'http://evil.test' } }));
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('customers', () => {
  let s: MockServer;
  beforeAll(() => {
    s = app({ seed: 300 });
  });
  afterAll(() => s.close());

  it('creates a customer: 201, ETag, normalized fields, then 409 with existingId on the same document', async () => {
    const r = await call(s, 'POST', '/v1/customers', { body: PERSON });
    expect(r.status).toBe(201);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(parseWith(CustomerSchema, r.json).success).toBe(true);
    expect(r.json).toMatchObject({ document: '52998224725', phone: '+5511987654321', source: 'api', status: 'active', version: 1 });
    const dup = await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: '52998224725', email: 'x@y.com' } });
    expectProblem(dup, 409);
    expect(dup.json.existingId).toBe(r.json.id);
    expect(dup.json.errors[0].code).toBe('duplicate_document');
  });

  it('lists with masked documents, reveals the full one on GET /:id and audits it', async () => {
    const created = await call(s, 'POST', '/v1/customers', { body: COMPANY });
    expect(created.status).toBe(201);
    const list = await call(s, 'GET', '/v1/customers?q=emporio%20goncalves');
    expect(parseWith(CustomerPageSchema, list.json).success).toBe(true);
    expect(list.json.total).toBe(1);
    expect(list.json.items[0].document).toBe('**.ABC.345/01DE-**');
    const full = await call(s, 'GET', `/v1/customers/${created.json.id}`, { headers: { 'X-Actor': 'Maria (atendimento)' } });
    expect(full.json.document).toBe('12ABC34501DE35');
    expect(full.headers.get('etag')).toBe('"1"');
    const audit = await call(s, 'GET', '/v1/audit?action=customer.reveal&limit=1');
    expect(audit.json.items[0]).toMatchObject({ action: 'customer.reveal', target: created.json.id, count: 1, actor: { keyId: 'sk_test_…tela', name: 'Maria (atendimento)' } });
  });

  it('search: accents and case folded, document with or without punctuation, phone digits, e-mail', async () => {
    const p = await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: '390.533.447-05', email: 'conceicao.busca@example.com', phone: '(21) 3456-7890', firstName: 'Conceição', lastName: 'Araújo Busca' } });
    const id = p.json.id;
    for (const q of ['conceicao araujo', 'CONCEIÇÃO', 'araujo busca', '390.533.447-05', '39053344705', '5334', '2134567890', 'conceicao.busca@']) {
      const r = await call(s, 'GET', `/v1/customers?q=${encodeURIComponent(q)}&limit=200`);
      expect(r.json.items.map((c: { id: string }) => c.id), q).toContain(id);
    }
    const none = await call(s, 'GET', '/v1/customers?q=zzzzqqq');
    expect(none.json).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it('filters by kind, status list and category list; default excludes deleted', async () => {
    const all = await call(s, 'GET', '/v1/customers?status=active,inactive,blocked,deleted&limit=1');
    const def = await call(s, 'GET', '/v1/customers?limit=1');
    const deleted = await call(s, 'GET', '/v1/customers?status=deleted&limit=200');
    expect(def.json.total + deleted.json.total).toBe(all.json.total);
    expect(deleted.json.items.every((c: { status: string }) => c.status === 'deleted')).toBe(true);
    const companies = await call(s, 'GET', '/v1/customers?kind=company&limit=200');
    expect(companies.json.items.every((c: { kind: string }) => c.kind === 'company')).toBe(true);
    const cats = await call(s, 'GET', '/v1/customers?categoryId=cat_0001,cat_0002&limit=200');
    expect(cats.json.total).toBeGreaterThan(0);
    expect(cats.json.items.every((c: { categoryIds: string[] }) => c.categoryIds.some((x) => x === 'cat_0001' || x === 'cat_0002'))).toBe(true);
    expectProblem(await call(s, 'GET', '/v1/customers?status=gone'), 422);
  });

  it('sorts by each key with ties broken by id, and rejects a cursor of another sort', async () => {
    for (const sort of ['name', '-totalSpent', 'ordersCount', '-lastPurchaseAt', 'createdAt']) {
      const r = await call(s, 'GET', `/v1/customers?sort=${sort}&limit=100`);
      const field = sort.replace('-', '');
      const key = (c: any) =>
        field === 'totalSpent' ? c.stats.totalSpentCents : field === 'ordersCount' ? c.stats.ordersCount : field === 'lastPurchaseAt' ? (c.stats.lastPurchaseAt ?? '') : field === 'createdAt' ? c.createdAt : null;
      if (key(r.json.items[0]) === null) continue;
      const keys = r.json.items.map(key);
      const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(keys).toEqual(sort.startsWith('-') ? sorted.reverse() : sorted);
    }
    const page = await call(s, 'GET', '/v1/customers?sort=name&limit=5');
    const bad = await call(s, 'GET', `/v1/customers?sort=createdAt&cursor=${page.json.nextCursor}`);
    expectProblem(bad, 422);
    expect(bad.json.errors[0]).toMatchObject({ path: 'cursor', code: 'invalid_cursor' });
    expectProblem(await call(s, 'GET', '/v1/customers?cursor=not-a-cursor'), 422);
    const both = await call(s, 'GET', `/v1/customers?offset=10&cursor=${page.json.nextCursor}`);
    expectProblem(both, 422);
    expect(both.json.errors[0]).toMatchObject({ path: 'offset', code: 'offset_with_cursor' });
    expect((await call(s, 'GET', '/v1/customers?offset=10&cursor=x', { headers: { 'Accept-Language': 'en' } })).json.errors[0].message).toBe('Use either offset or cursor, not both.');
    expectProblem(await call(s, 'GET', '/v1/customers?offset=-1'), 422);
    expectProblem(await call(s, 'GET', '/v1/customers?offset=1.5'), 422);
    expectProblem(await call(s, 'GET', '/v1/customers?offset=10000001'), 422);
  });

  it('PATCH: 428 without If-Match, 412 with current when stale, 200 with the next ETag', async () => {
    const c = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: '111.444.777-35', email: 'patch@example.com' } })).json;
    expectProblem(await call(s, 'PATCH', `/v1/customers/${c.id}`, { body: { notes: 'x' } }), 428);
    const ok = await call(s, 'PATCH', `/v1/customers/${c.id}`, { body: { notes: 'Prefere WhatsApp', phone: null }, headers: { 'If-Match': '"1"' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.json.notes).toBe('Prefere WhatsApp');
    expect(ok.json.phone).toBeUndefined();
    const stale = await call(s, 'PATCH', `/v1/customers/${c.id}`, { body: { notes: 'y' }, headers: { 'If-Match': '"1"' } });
    expectProblem(stale, 412);
    expect(stale.json.current).toMatchObject({ id: c.id, version: 2, notes: 'Prefere WhatsApp' });
    const wrongKind = await call(s, 'PATCH', `/v1/customers/${c.id}`, { body: { legalName: 'X Ltda' }, headers: { 'If-Match': '"2"' } });
    expectProblem(wrongKind, 422);
    expect(wrongKind.json.errors[0]).toMatchObject({ path: 'legalName', code: 'unrecognized_key' });
    expectProblem(await call(s, 'PATCH', '/v1/customers/cus_missing', { body: {}, headers: { 'If-Match': '"1"' } }), 404);
    const taken = await call(s, 'PATCH', `/v1/customers/${c.id}`, { body: { document: '52998224725' }, headers: { 'If-Match': '"2"' } });
    expectProblem(taken, 409);
  });

  it('DELETE is soft: status deleted, record still readable, document free again', async () => {
    const c = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: '935.411.347-80', email: 'del@example.com' } })).json;
    const del = await call(s, 'DELETE', `/v1/customers/${c.id}`);
    expect(del.json).toMatchObject({ status: 'deleted', version: 2 });
    expect((await call(s, 'GET', `/v1/customers/${c.id}`)).json.status).toBe('deleted');
    expect((await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: '935.411.347-80', email: 'del2@example.com' } })).status).toBe(201);
    expectProblem(await call(s, 'DELETE', '/v1/customers/cus_missing'), 404);
  });

  it('Idempotency-Key: same body replays the first response, another body is 422, concurrent requests create once', async () => {
    const body = { ...PERSON, document: '714.602.380-01', email: 'idem@example.com' };
    const first = await call(s, 'POST', '/v1/customers', { body, headers: { 'Idempotency-Key': 'k-1' } });
    const again = await call(s, 'POST', '/v1/customers', { body, headers: { 'Idempotency-Key': 'k-1' } });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    const other = await call(s, 'POST', '/v1/customers', { body: { ...body, email: 'other@example.com' }, headers: { 'Idempotency-Key': 'k-1' } });
    expectProblem(other, 422);
    expect(other.json.errors[0].code).toBe('idempotency_key_reused');

    const body2 = { ...PERSON, document: '048.711.920-75', email: 'race@example.com' };
    const racing = await Promise.all(Array.from({ length: 8 }, () => call(s, 'POST', '/v1/customers', { body: body2, headers: { 'Idempotency-Key': 'k-race' } })));
    expect(racing.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(racing.map((r) => r.json.id)).size).toBe(1);
    const noKey = await Promise.all(Array.from({ length: 8 }, () => call(s, 'POST', '/v1/customers', { body: { ...body2, document: '262.548.180-35' } })));
    expect(noKey.filter((r) => r.status === 201)).toHaveLength(1);
    expect(noKey.filter((r) => r.status === 409)).toHaveLength(7);
    const found = await call(s, 'GET', '/v1/customers?q=26254818035');
    expect(found.json.total).toBe(1);
  });

  it('registration settings: required and hidden fields enforced on create; PUT audited', async () => {
    const get = await call(s, 'GET', '/v1/settings/registration');
    expect(get.json.person.email).toBe('required');
    const put = await call(s, 'PUT', '/v1/settings/registration', { body: { ...get.json, person: { ...get.json.person, phone: 'required', birthDate: 'hidden' } } });
    expect(put.status).toBe(200);
    const missing = await call(s, 'POST', '/v1/customers', { body: { kind: 'person', document: '153.509.460-56', firstName: 'Ana', lastName: 'Lima', birthDate: '1990-01-01' } });
    expectProblem(missing, 422);
    expect(missing.json.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`).sort()).toEqual(['birthDate:field_hidden', 'email:required', 'phone:required']);
    expect((await call(s, 'GET', '/v1/public/settings/registration', { key: s.keys.publishable })).json.person.birthDate).toBe('hidden');
    expect((await call(s, 'GET', '/v1/audit?action=settings.update')).json.items).toHaveLength(1);
    expectProblem(await call(s, 'PUT', '/v1/settings/registration', { body: { person: {} } }), 422);
    await call(s, 'PUT', '/v1/settings/registration', { body: get.json });
  });

  it('bulk: addCategories, removeCategories, setStatus, delete on ids and on a filter; audited; idempotent', async () => {
    const ids = (await call(s, 'GET', '/v1/customers?limit=3&sort=createdAt')).json.items.map((c: { id: string }) => c.id);
    const add = await call(s, 'POST', '/v1/customers/bulk', { body: { ids, action: 'addCategories', categoryIds: ['cat_0001'] }, headers: { 'Idempotency-Key': 'b1' } });
    expect(add.json.matched).toBe(3);
    for (const id of ids) expect((await call(s, 'GET', `/v1/customers/${id}`)).json.categoryIds).toContain('cat_0001');
    const replay = await call(s, 'POST', '/v1/customers/bulk', { body: { ids, action: 'addCategories', categoryIds: ['cat_0001'] }, headers: { 'Idempotency-Key': 'b1' } });
    expect(replay.json).toEqual(add.json);
    const again = await call(s, 'POST', '/v1/customers/bulk', { body: { ids, action: 'addCategories', categoryIds: ['cat_0001'] } });
    expect(again.json).toEqual({ matched: 3, updated: 0 });
    const rm = await call(s, 'POST', '/v1/customers/bulk', { body: { ids, action: 'removeCategories', categoryIds: ['cat_0001'] } });
    expect(rm.json).toEqual({ matched: 3, updated: 3 });
    const block = await call(s, 'POST', '/v1/customers/bulk', { body: { filter: { q: 'conceicao araujo' }, action: 'setStatus', status: 'blocked' } });
    expect(block.json.matched).toBeGreaterThanOrEqual(1);
    expect((await call(s, 'GET', '/v1/customers?q=conceicao%20araujo&status=blocked')).json.total).toBe(block.json.matched);
    const del = await call(s, 'POST', '/v1/customers/bulk', { body: { ids: [ids[0]], action: 'delete' } });
    expect(del.json).toEqual({ matched: 1, updated: 1 });
    const inactive = await call(s, 'POST', '/v1/customers/bulk', { body: { ids, action: 'addCategories', categoryIds: ['cat_0007'] } });
    expectProblem(inactive, 422);
    expect(inactive.json.errors[0].code).toBe('inactive_category');
    expectProblem(await call(s, 'POST', '/v1/customers/bulk', { body: { action: 'delete' } }), 422);
    const audit = await call(s, 'GET', '/v1/audit?action=bulk&limit=10');
    expect(audit.json.items.length).toBeGreaterThanOrEqual(5);
    expect(audit.json.items[0]).toMatchObject({ action: 'bulk', operation: 'delete', count: 1, updated: 1 });
    expect(audit.json.items.map((e: { count: number }) => e.count)).toContain(3);
  });

  it('orders (cursor pages) and credits agree with the stats', async () => {
    const c = (await call(s, 'GET', '/v1/customers?sort=-ordersCount&limit=1')).json.items[0];
    expect(c.stats.ordersCount).toBeGreaterThan(3);
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const r: any = await call(s, 'GET', `/v1/customers/${c.id}/orders?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...r.json.items);
      cursor = r.json.nextCursor;
    } while (cursor);
    expect(new Set(seen.map((o) => o.id)).size).toBe(seen.length);
    // Returned and cancelled orders are listed, but count in none of the figures.
    const counted = seen.filter((o) => o.status !== 'returned' && o.status !== 'cancelled');
    expect(counted).toHaveLength(c.stats.ordersCount);
    expect(counted.reduce((a, o) => a + o.totalCents, 0)).toBe(c.stats.totalSpentCents);
    expect(counted[0].placedAt).toBe(c.stats.lastPurchaseAt);
    expect(counted.at(-1).placedAt).toBe(c.stats.firstPurchaseAt);
    const wallet = await call(s, 'GET', '/v1/credits?status=active&limit=200');
    expect(wallet.json.total).toBeGreaterThan(0);
    const expiries = wallet.json.items.map((e: any) => e.credit.expiresAt);
    expect(expiries).toEqual([...expiries].sort());
    const holder = wallet.json.items[0].customerId;
    const credits = await call(s, 'GET', `/v1/customers/${holder}/credits`);
    expect(credits.json.items.map((x: any) => x.id)).toContain(wallet.json.items[0].credit.id);
    const before = await call(s, 'GET', `/v1/credits?expiringBefore=${encodeURIComponent(expiries[0])}`);
    expect(before.json.items.every((e: any) => e.credit.expiresAt < expiries[0])).toBe(true);
    expectProblem(await call(s, 'GET', '/v1/customers/cus_missing/orders'), 404);
  });
});

describe('categories', () => {
  let s: MockServer;
  beforeAll(() => {
    s = app({ seed: 100 });
  });
  afterAll(() => s.close());

  it('lists seeded categories with computed customerCount', async () => {
    const r = await call(s, 'GET', '/v1/categories');
    expect(r.json.items).toHaveLength(8);
    expect(r.json.items.filter((c: any) => c.status === 'inactive')).toHaveLength(2);
    const customers = await call(s, 'GET', '/v1/customers?categoryId=cat_0001&limit=1');
    expect(r.json.items.find((c: any) => c.id === 'cat_0001').customerCount).toBe(customers.json.total);
    expect((await call(s, 'GET', '/v1/categories?status=inactive')).json.items).toHaveLength(2);
  });

  it('names are unique ignoring case and accents (409 duplicate_name)', async () => {
    const created = await call(s, 'POST', '/v1/categories', { body: { name: 'Clientes Fiéis', color: '#AA00ff' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ name: 'Clientes Fiéis', color: '#aa00ff', status: 'active', customerCount: 0, version: 1 });
    const dup = await call(s, 'POST', '/v1/categories', { body: { name: 'CLIENTES FIEIS' } });
    expectProblem(dup, 409);
    expect(dup.json.errors[0]).toMatchObject({ path: 'name', code: 'duplicate_name' });
    expectProblem(await call(s, 'POST', '/v1/categories', { body: { name: '' } }), 422);
    expectProblem(await call(s, 'POST', '/v1/categories', { body: { name: 'Cor', color: 'red' } }), 422);
  });

  it('DELETE is 405 with Allow and an explanation; inactivation keeps it on customers but blocks new assignments', async () => {
    const del = await call(s, 'DELETE', '/v1/categories/cat_0001');
    expectProblem(del, 405);
    expect(del.headers.get('allow')).toBe('GET, PATCH');
    expect(del.json.detail).toMatch(/inative/i);
    const cat = (await call(s, 'POST', '/v1/categories', { body: { name: 'Temporária' } })).json;
    const customer = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, categoryIds: [cat.id] } })).json;
    expectProblem(await call(s, 'PATCH', `/v1/categories/${cat.id}`, { body: { status: 'inactive' } }), 428);
    const off = await call(s, 'PATCH', `/v1/categories/${cat.id}`, { body: { status: 'inactive' }, headers: { 'If-Match': '"1"' } });
    expect(off.json).toMatchObject({ status: 'inactive', customerCount: 1, version: 2 });
    expectProblem(await call(s, 'PATCH', `/v1/categories/${cat.id}`, { body: { name: 'x' }, headers: { 'If-Match': '"1"' } }), 412);
    expect((await call(s, 'GET', `/v1/customers/${customer.id}`)).json.categoryIds).toEqual([cat.id]);
    // Keeping it on a patch is fine; adding it to someone else is not.
    const keep = await call(s, 'PATCH', `/v1/customers/${customer.id}`, { body: { notes: 'ok', categoryIds: [cat.id] }, headers: { 'If-Match': '"1"' } });
    expect(keep.status).toBe(200);
    const onCreate = await call(s, 'POST', '/v1/customers', { body: { ...COMPANY, categoryIds: [cat.id] } });
    expectProblem(onCreate, 422);
    expect(onCreate.json.errors[0]).toMatchObject({ path: 'categoryIds.0', code: 'inactive_category' });
    const unknown = await call(s, 'POST', '/v1/customers', { body: { ...COMPANY, categoryIds: ['cat_nope'] } });
    expect(unknown.json.errors[0].code).toBe('unknown_category');
    expectProblem(await call(s, 'GET', '/v1/categories/cat_nope'), 404);
  });
});

describe('CEP and public account routes', () => {
  let s: MockServer;
  beforeAll(() => {
    s = app();
  });
  afterAll(() => s.close());
  const pk = () => ({ key: s.keys.publishable });

  it('GET /cep/:cep: address, 404 unknown, 422 malformed', async () => {
    expect((await call(s, 'GET', '/v1/cep/01310-100', pk())).json).toEqual({ postalCode: '01310-100', street: 'Avenida Paulista', district: 'Bela Vista', city: 'São Paulo', state: 'SP', precision: 'address' });
    expectProblem(await call(s, 'GET', '/v1/cep/00500000', pk()), 404);
    const bad = await call(s, 'GET', '/v1/cep/123', pk());
    expectProblem(bad, 422);
    expect(bad.json.errors[0].code).toBe('invalid_cep');
  });

  it('self-registration with a password, then sign in; wrong password and unknown e-mail give the same 401', async () => {
    const reg = await call(s, 'POST', '/v1/public/registrations', { ...pk(), body: { ...PERSON, password: 'segredo-forte' } });
    expect(reg.status).toBe(201);
    expect(reg.json).toMatchObject({ source: 'storefront', account: { status: 'active' } });
    expect(JSON.stringify(reg.json)).not.toMatch(/segredo/);
    const sneaky = await call(s, 'POST', '/v1/public/registrations', { ...pk(), body: { ...COMPANY, document: '11.222.333/0001-81', status: 'blocked', discountPercent: 50, notes: 'VIP' } });
    expect(sneaky.status).toBe(201);
    expect(sneaky.json).toMatchObject({ status: 'active', source: 'storefront', account: { status: 'none' } });
    expect(sneaky.json.discountPercent).toBeUndefined();
    expect(sneaky.json.notes).toBeUndefined();
    // The document is held: nothing is created, and the answer names no one (#18 §3).
    const dup = await call(s, 'POST', '/v1/public/registrations', { ...pk(), body: PERSON });
    expect([dup.status, dup.json]).toEqual([202, { accepted: true, next: 'check_email' }]);
    expect(dup.json.existingId).toBeUndefined();
    const session = await call(s, 'POST', '/v1/public/sessions', { ...pk(), body: { email: PERSON.email, password: 'segredo-forte' } });
    expect(session.status).toBe(201);
    expect(session.json).toMatchObject({ customerId: reg.json.id, name: 'João da Conceição' });
    const wrong = await call(s, 'POST', '/v1/public/sessions', { ...pk(), body: { email: PERSON.email, password: 'errada123' } });
    const unknown = await call(s, 'POST', '/v1/public/sessions', { ...pk(), body: { email: 'ninguem@example.com', password: 'errada123' } });
    expectProblem(wrong, 401);
    expect(unknown.status).toBe(401);
    expect(unknown.json).toEqual(wrong.json);
    const weak = await call(s, 'POST', '/v1/public/registrations', { ...pk(), body: { ...COMPANY, password: '123' } });
    expect(weak.json.errors).toContainEqual(expect.objectContaining({ path: 'password', code: 'weak_password' }));
  });

  it('invitation → password: single use, expiring, invalid tokens', async () => {
    let now = new Date('2026-11-22T12:00:00.000Z');
    const t = app({ now: () => now });
    const c = (await call(t, 'POST', '/v1/customers', { body: COMPANY })).json;
    expectProblem(await call(t, 'POST', `/v1/customers/${c.id}/invitations`, { key: t.keys.publishable }), 403);
    const inv = await call(t, 'POST', `/v1/customers/${c.id}/invitations`);
    expect(inv.status).toBe(201);
    expect(inv.json.customerId).toBe(c.id);
    expect((await call(t, 'GET', `/v1/customers/${c.id}`)).json.account.status).toBe('invited');
    const set = await call(t, 'POST', '/v1/public/password', { key: t.keys.publishable, body: { token: inv.json.token, email: COMPANY.email, password: 'nova-senha-1' } });
    expect(set.status).toBe(200);
    expect((await call(t, 'GET', `/v1/customers/${c.id}`)).json.account.status).toBe('active');
    const reuse = await call(t, 'POST', '/v1/public/password', { key: t.keys.publishable, body: { token: inv.json.token, email: COMPANY.email, password: 'nova-senha-2' } });
    expectProblem(reuse, 410);
    expect(reuse.json.errors[0].code).toBe('token_used');
    const inv2 = (await call(t, 'POST', `/v1/customers/${c.id}/invitations`)).json;
    now = new Date(now.getTime() + 8 * 86_400_000);
    const expired = await call(t, 'POST', '/v1/public/password', { key: t.keys.publishable, body: { token: inv2.token, email: COMPANY.email, password: 'nova-senha-3' } });
    expectProblem(expired, 410);
    expect(expired.json.errors[0].code).toBe('token_expired');
    const invalid = await call(t, 'POST', '/v1/public/password', { key: t.keys.publishable, body: { token: 'nope', email: COMPANY.email, password: 'nova-senha-3' } });
    expectProblem(invalid, 422);
    expect(invalid.json.errors[0].code).toBe('token_invalid');
    const signIn = await call(t, 'POST', '/v1/public/sessions', { key: t.keys.publishable, body: { email: COMPANY.email, password: 'nova-senha-1' } });
    expect(signIn.status).toBe(201);
    expect((await call(t, 'GET', '/v1/audit?action=customer.invite')).json.items).toHaveLength(2);
  });

  it('the seeded documents are valid', () => {
    expect(isValidCpf('52998224725')).toBe(true);
  });
});
