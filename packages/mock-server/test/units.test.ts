import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { call } from './helpers.js';
import { everyServer } from './stores.js';

// Units (`/v1/units`) on every store: the seeded units and their orders, ids from names, names
// unique ignoring case and accents (the store's rule, so a race cannot make two), idempotent
// creates, If-Match on changes, an inactive unit refusing new orders, a unit with orders never
// deleted, and orders refused at a unit that does not exist — each with a localized answer.

const servers = everyServer('units', { seed: 40 });

describe.each(servers)('/v1/units on %s', (_, open) => {
  let s: MockServer;
  beforeAll(async () => {
    s = await open();
    await s.ready;
  }, 60_000);
  afterAll(() => s.close());

  const customerId = async () => (await call(s, 'GET', '/v1/customers?status=active&limit=1')).json.items[0].id as string;
  let numbers = 0;
  const order = async (unitId: string | undefined, headers: Record<string, string> = {}) =>
    call(s, 'POST', '/v1/orders', {
      body: { number: `U-${++numbers}`, customerId: await customerId(), ...(unitId ? { unitId } : {}), placedAt: '2026-01-10T12:00:00Z', itemsCount: 1, totalCents: 5_000, status: 'paid' },
      headers,
    });

  it('lists the seeded units by name, and the seed placed its orders at them', async () => {
    const list = await call(s, 'GET', '/v1/units');
    expect(list.status).toBe(200);
    expect(list.json.items.map((u: { id: string; name: string }) => [u.id, u.name])).toEqual([
      ['loja_online', 'Loja online'],
      ['loja_centro', 'Loja Rua Augusta'],
      ['loja_shopping', 'Loja Shopping Ibirapuera'],
    ]);
    const orders = (await call(s, 'GET', '/v1/orders?limit=200')).json.items as { unitId?: string; source: string }[];
    expect(orders.length).toBeGreaterThan(20);
    for (const o of orders) expect(o.unitId).toBe(o.source === 'storefront' ? 'loja_online' : o.unitId === 'loja_centro' ? 'loja_centro' : 'loja_shopping');
    expect(new Set(orders.map((o) => o.unitId))).toEqual(new Set(['loja_online', 'loja_centro', 'loja_shopping']));
  });

  it('creates a unit with an id made from its name, or the id given; replays a retry; refuses a name held ignoring case and accents', async () => {
    const made = await call(s, 'POST', '/v1/units', { body: { name: 'Quiosque Aeroporto Congonhas', cnpj: '11.222.333/0001-81' }, headers: { 'Idempotency-Key': 'unit-1' } });
    expect(made.status).toBe(201);
    expect(made.headers.get('ETag')).toBe('"1"');
    expect(made.json).toMatchObject({ id: 'quiosque_aeroporto_congonhas', name: 'Quiosque Aeroporto Congonhas', status: 'active', cnpj: '11222333000181', version: 1 });
    const again = await call(s, 'POST', '/v1/units', { body: { name: 'Quiosque Aeroporto Congonhas', cnpj: '11.222.333/0001-81' }, headers: { 'Idempotency-Key': 'unit-1' } });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(made.json);
    const clash = await call(s, 'POST', '/v1/units', { body: { id: 'outro', name: 'QUIOSQUE aeroporto congonhás' }, headers: { 'Accept-Language': 'en' } });
    expect(clash.status).toBe(409);
    expect(clash.json).toMatchObject({ existingId: 'quiosque_aeroporto_congonhas', errors: [{ path: 'name', code: 'duplicate_unit_name', message: 'A unit with this name already exists.' }] });
    const sameId = await call(s, 'POST', '/v1/units', { body: { id: 'loja_centro', name: 'Outra loja' } });
    expect(sameId.status).toBe(409);
    expect(sameId.json.errors[0]).toMatchObject({ path: 'id', code: 'duplicate_unit_id' });
    const named = await call(s, 'POST', '/v1/units', { body: { id: 'LJ_07', name: 'Loja 7 — Campinas' } });
    expect(named.json.id).toBe('LJ_07');
    // A second unit whose name gives a taken slug gets the next free one.
    const slug = await call(s, 'POST', '/v1/units', { body: { name: 'Quiosque Aeroporto: Congonhas!' } });
    expect(slug.json.id).toBe('quiosque_aeroporto_congonhas_2');
  });

  it('refuses a bad id, name or CNPJ with localized field errors, and saves nothing', async () => {
    const before = (await call(s, 'GET', '/v1/units')).json.items.length;
    const bad = await call(s, 'POST', '/v1/units', { body: { id: 'loja-sul', name: '', cnpj: '11.222.333/0001-00' }, headers: { 'Accept-Language': 'es' } });
    expect(bad.status).toBe(422);
    const codes = Object.fromEntries(bad.json.errors.map((e: { path: string; code: string }) => [e.path, e.code]));
    expect(codes).toMatchObject({ id: 'invalid_unit_id', cnpj: 'invalid_cnpj' });
    expect(bad.json.errors.find((e: { path: string }) => e.path === 'id').message).toBe('Código de unidad no válido: usa de 1 a 40 letras sin tilde, números o _.');
    expect((await call(s, 'GET', '/v1/units')).json.items.length).toBe(before);
  });

  it('renames and inactivates with If-Match (428 without, 412 stale); an inactive unit takes no new orders, its old ones stay', async () => {
    const unit = (await call(s, 'POST', '/v1/units', { body: { name: 'Loja Moema' } })).json;
    expect((await order(unit.id)).status).toBe(201);
    expect((await call(s, 'PATCH', `/v1/units/${unit.id}`, { body: { name: 'Loja Moema (fechada)' } })).status).toBe(428);
    const renamed = await call(s, 'PATCH', `/v1/units/${unit.id}`, { body: { name: 'Loja Moema (fechada)', status: 'inactive' }, headers: { 'If-Match': '"1"' } });
    expect(renamed.status).toBe(200);
    expect(renamed.json).toMatchObject({ name: 'Loja Moema (fechada)', status: 'inactive', version: 2 });
    const stale = await call(s, 'PATCH', `/v1/units/${unit.id}`, { body: { status: 'active' }, headers: { 'If-Match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.json.current.version).toBe(2);
    const refused = await order(unit.id);
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([{ path: 'unitId', code: 'unit_inactive', message: 'Esta unidade está inativa e não recebe novos pedidos.' }]);
    expect((await call(s, 'GET', '/v1/units?status=inactive')).json.items.map((u: { id: string }) => u.id)).toEqual([unit.id]);
  });

  it('refuses an order at a unit that does not exist, writing nothing', async () => {
    const before = (await call(s, 'GET', '/v1/orders?limit=200')).json.items.length;
    const r = await order('loja_fantasma', { 'Accept-Language': 'en' });
    expect(r.status).toBe(422);
    expect(r.json.errors).toEqual([{ path: 'unitId', code: 'unknown_unit', message: 'Unknown unit: add it under Units before recording orders there.' }]);
    expect((await call(s, 'GET', '/v1/orders?limit=200')).json.items.length).toBe(before);
  });

  it('deletes a unit without orders; one with orders answers 409 and stays', async () => {
    const empty = (await call(s, 'POST', '/v1/units', { body: { name: 'Loja teste' } })).json;
    expect((await call(s, 'DELETE', `/v1/units/${empty.id}`)).status).toBe(204);
    expect((await call(s, 'GET', `/v1/units/${empty.id}`)).status).toBe(404);
    const used = await call(s, 'DELETE', '/v1/units/loja_centro');
    expect(used.status).toBe(409);
    expect(used.json.type).toMatch(/unit-in-use$/);
    expect(used.json.detail).toMatch(/inative-a/);
    expect((await call(s, 'GET', '/v1/units/loja_centro')).status).toBe(200);
  });

  it('gives one of two concurrent creates with the same name, the other a 409', async () => {
    const [a, b] = await Promise.all([
      call(s, 'POST', '/v1/units', { body: { id: 'corrida_a', name: 'Loja Corrida' } }),
      call(s, 'POST', '/v1/units', { body: { id: 'corrida_b', name: 'loja córrida' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
  });
});
