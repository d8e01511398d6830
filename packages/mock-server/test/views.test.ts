import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { call } from './helpers.js';
import { everyServer } from './stores.js';

// Saved views (`/v1/views`) on every store: built-in views always listed and never changed,
// personal views only for their owner, shared ones for everyone, the filter checked like the
// list's (localized 422), idempotent creates, If-Match on changes, and the view's filter gives
// the list it names.

const servers = everyServer('views', { seed: 60 });

describe.each(servers)('/v1/views on %s', (_, open) => {
  let s: MockServer;
  beforeAll(async () => {
    s = await open();
    await s.ready;
  }, 60_000);
  afterAll(() => s.close());

  const as = (actor: string) => ({ 'X-Actor': actor });

  it('lists the built-in views first, named in the request’s language, with the month of the request', async () => {
    const pt = await call(s, 'GET', '/v1/views');
    expect(pt.status).toBe(200);
    const builtIn = pt.json.items.filter((v: { builtIn: boolean }) => v.builtIn);
    expect(builtIn.map((v: { name: string }) => v.name)).toEqual(['Sem compra há 90 dias', 'Aniversariantes do mês', 'Maiores compradores', 'Créditos a vencer em 30 dias']);
    expect(builtIn.map((v: { filter: string }) => v.filter)).toEqual(['last-notwithin-90', 'bday-month-11', 'orders-min-1', 'credits-expiring-30']);
    const en = await call(s, 'GET', '/v1/views', { headers: { 'Accept-Language': 'en' } });
    expect(en.json.items[0].name).toBe('No purchase in 90 days');
  });

  it('refuses to change or delete a built-in view', async () => {
    const patch = await call(s, 'PATCH', '/v1/views/builtin_top_buyers', { body: { name: 'X' }, headers: { 'If-Match': '"1"' } });
    expect(patch.status).toBe(405);
    expect(patch.json.type).toMatch(/view-built-in$/);
    expect((await call(s, 'DELETE', '/v1/views/builtin_top_buyers')).status).toBe(405);
    expect((await call(s, 'GET', '/v1/views/builtin_top_buyers')).status).toBe(200);
  });

  it('answers a bad filter with a localized 422 naming the condition, and saves nothing', async () => {
    const before = (await call(s, 'GET', '/v1/views')).json.items.length;
    const bad = await call(s, 'POST', '/v1/views', { body: { name: 'Ruim', filter: 'last-notwithin-90.uf-XX' }, headers: { 'Accept-Language': 'es' } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toEqual([{ path: 'filter', code: 'invalid_filter', message: 'Condición de filtro no válida: “uf-XX”.' }]);
    const pinned = await call(s, 'POST', '/v1/views', { body: { name: 'Muitas', filter: '', pinned: ['a', 'b', 'c', 'd', 'e', 'f'] } });
    expect(pinned.status).toBe(422);
    expect((await call(s, 'GET', '/v1/views')).json.items.length).toBe(before);
  });

  it('keeps a personal view to its owner and shows a shared one to everyone', async () => {
    const mine = await call(s, 'POST', '/v1/views', { body: { name: 'Minha', filter: 'uf-SP' }, headers: as('Ana') });
    expect(mine.status).toBe(201);
    expect(mine.headers.get('ETag')).toBe('"1"');
    expect(mine.json).toMatchObject({ name: 'Minha', filter: 'uf-SP', shared: false, builtIn: false, owner: { name: 'Ana' } });
    const team = await call(s, 'POST', '/v1/views', { body: { name: 'Equipe', filter: 'uf-RJ', shared: true, sort: '-totalSpent', columns: ['name', 'totalSpent'], pinned: ['name'] }, headers: as('Ana') });
    expect(team.status).toBe(201);
    const names = async (actor: string) => (await call(s, 'GET', '/v1/views', { headers: as(actor) })).json.items.filter((v: { builtIn: boolean }) => !v.builtIn).map((v: { name: string }) => v.name);
    expect(await names('Ana')).toEqual(expect.arrayContaining(['Minha', 'Equipe']));
    expect(await names('Bruno')).toContain('Equipe');
    expect(await names('Bruno')).not.toContain('Minha');
    expect((await call(s, 'GET', `/v1/views/${mine.json.id}`, { headers: as('Bruno') })).status).toBe(404);
    expect((await call(s, 'DELETE', `/v1/views/${mine.json.id}`, { headers: as('Bruno') })).status).toBe(404);
    expect((await call(s, 'GET', `/v1/views/${team.json.id}`, { headers: as('Bruno') })).json).toMatchObject({ sort: '-totalSpent', columns: ['name', 'totalSpent'], pinned: ['name'] });
  });

  it('creates once under one Idempotency-Key', async () => {
    const body = { name: 'Uma vez', filter: 'kind-company', shared: true };
    const a = await call(s, 'POST', '/v1/views', { body, headers: { 'Idempotency-Key': 'view-once' } });
    const b = await call(s, 'POST', '/v1/views', { body, headers: { 'Idempotency-Key': 'view-once' } });
    expect(b.json.id).toBe(a.json.id);
    const all = (await call(s, 'GET', '/v1/views')).json.items.filter((v: { name: string }) => v.name === 'Uma vez');
    expect(all).toHaveLength(1);
  });

  it('changes a view under If-Match (428 without, 412 stale) and deletes it', async () => {
    const v = (await call(s, 'POST', '/v1/views', { body: { name: 'Editar', filter: 'uf-MG', sort: 'name', shared: true } })).json;
    expect((await call(s, 'PATCH', `/v1/views/${v.id}`, { body: { name: 'Editada' } })).status).toBe(428);
    const ok = await call(s, 'PATCH', `/v1/views/${v.id}`, { body: { name: 'Editada', filter: 'uf-MG*uf-ES', sort: null }, headers: { 'If-Match': '"1"' } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ name: 'Editada', filter: 'uf-MG*uf-ES', version: 2 });
    expect(ok.json.sort).toBeUndefined();
    const stale = await call(s, 'PATCH', `/v1/views/${v.id}`, { body: { name: 'De novo' }, headers: { 'If-Match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.json.current.name).toBe('Editada');
    expect((await call(s, 'DELETE', `/v1/views/${v.id}`, { headers: { 'If-Match': '"1"' } })).status).toBe(412);
    expect((await call(s, 'DELETE', `/v1/views/${v.id}`, { headers: { 'If-Match': '"2"' } })).status).toBe(204);
    expect((await call(s, 'GET', `/v1/views/${v.id}`)).status).toBe(404);
    expect((await call(s, 'DELETE', `/v1/views/${v.id}`)).status).toBe(404);
  });

  it('a view’s filter lists exactly the customers the list filter gives', async () => {
    const v = (await call(s, 'POST', '/v1/views', { body: { name: 'SP', filter: 'last-notwithin-90.uf-SP', shared: true } })).json;
    const read = (await call(s, 'GET', `/v1/views/${v.id}`)).json;
    const page = await call(s, 'GET', `/v1/customers?filter=${read.filter}&limit=200`);
    expect(page.status).toBe(200);
    for (const c of page.json.items) expect(c.address?.state).toBe('SP');
    const all = await call(s, 'GET', '/v1/customers?limit=200');
    const expected = all.json.items.filter(
      (c: { address?: { state: string }; stats: { lastPurchaseAt: string | null } }) =>
        c.address?.state === 'SP' && (!c.stats.lastPurchaseAt || Date.parse(c.stats.lastPurchaseAt) < Date.parse('2026-11-22T12:00:00Z') - 90 * 86_400_000),
    );
    expect(page.json.total).toBe(expected.length);
  });
});
