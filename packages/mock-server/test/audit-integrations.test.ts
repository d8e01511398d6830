import { afterEach, describe, expect, it } from 'vitest';
import { describeAuditEntry, type AuditEntry } from '@clientela/core';
import type { MockServer } from '../src/index.js';
import { call } from './helpers.js';
import { everyServer } from './stores.js';

// Webhook endpoints and units are audited like every other write: who registered, changed,
// enabled or disabled, rotated the secret of, or deleted which endpoint or unit, each entry in the
// transaction of its write (a refused write leaves none).

const opened: MockServer[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function log(s: MockServer, action: string): Promise<AuditEntry[]> {
  const r = await call(s, 'GET', `/v1/audit?action=${action}&limit=50`);
  expect(r.status, r.text).toBe(200);
  return r.json.items as AuditEntry[];
}

describe.each(everyServer('audit-integrations'))('audit of webhook endpoints and units on %s', (_kind, open) => {
  it('webhook endpoint create, update (enable/disable, other fields), secret rotation and delete', async () => {
    const s = await open();
    opened.push(s);
    const url = 'https://erp.example.com/hooks';
    const made = await call(s, 'POST', '/v1/webhook-endpoints', { body: { url, eventTypes: ['customer.created'] }, headers: { 'X-Actor': 'Ana' } });
    expect(made.status).toBe(201);
    const id = made.json.id as string;
    const off = await call(s, 'PATCH', `/v1/webhook-endpoints/${id}`, { body: { enabled: false }, headers: { 'If-Match': '"1"' } });
    expect(off.status).toBe(200);
    const moved = await call(s, 'PATCH', `/v1/webhook-endpoints/${id}`, { body: { url: `${url}/v2`, description: 'ERP' }, headers: { 'If-Match': '"2"' } });
    expect(moved.status).toBe(200);
    expect((await call(s, 'POST', `/v1/webhook-endpoints/${id}/secret`)).status).toBe(200);
    // A refused delete (stale If-Match) writes no entry; the real one does.
    expect((await call(s, 'DELETE', `/v1/webhook-endpoints/${id}`, { headers: { 'If-Match': '"1"' } })).status).toBe(412);
    expect((await call(s, 'DELETE', `/v1/webhook-endpoints/${id}`)).status).toBe(204);

    const [create] = await log(s, 'webhook_endpoint.create');
    expect(create).toMatchObject({ target: id, targetName: url, actor: { keyId: 'sk_test_…tela', name: 'Ana' } });
    expect(describeAuditEntry(create!, 'pt-BR')).toBe(`Cadastrou o webhook ${url}`);
    const updates = await log(s, 'webhook_endpoint.update');
    expect(updates.map((e) => e.changes)).toEqual([['url', 'description'], ['enabled']]);
    expect(describeAuditEntry(updates[1]!, 'pt-BR')).toBe(`Desativou o webhook ${url}`);
    expect(describeAuditEntry(updates[0]!, 'en')).toBe(`Changed the webhook ${url}/v2`);
    const [rotate] = await log(s, 'webhook_endpoint.rotate_secret');
    expect(describeAuditEntry(rotate!, 'es')).toBe(`Rotó la clave de firma del webhook ${url}/v2`);
    const deletes = await log(s, 'webhook_endpoint.delete');
    expect(deletes).toHaveLength(1);
    expect(describeAuditEntry(deletes[0]!, 'pt-BR')).toBe(`Excluiu o webhook ${url}/v2`);
  });

  it('unit create, rename and inactivation, and delete; a refused delete writes no entry', async () => {
    const s = await open();
    opened.push(s);
    const made = await call(s, 'POST', '/v1/units', { body: { name: 'Loja Centro' } });
    expect(made.status, made.text).toBe(201);
    const id = made.json.id as string;
    const patched = await call(s, 'PATCH', `/v1/units/${id}`, { body: { name: 'Loja Praça', status: 'inactive' }, headers: { 'If-Match': '"1"' } });
    expect(patched.status, patched.text).toBe(200);
    expect((await call(s, 'DELETE', `/v1/units/${id}`, { headers: { 'If-Match': '"1"' } })).status).toBe(412);
    expect((await call(s, 'DELETE', `/v1/units/${id}`)).status).toBe(204);

    const [create] = await log(s, 'unit.create');
    expect(describeAuditEntry(create!, 'pt-BR')).toBe('Cadastrou a unidade Loja Centro');
    const [update] = await log(s, 'unit.update');
    expect(update).toMatchObject({ target: id, changes: ['name', 'status'], previousName: 'Loja Centro', status: 'inactive' });
    expect(describeAuditEntry(update!, 'pt-BR')).toBe('Renomeou a unidade Loja Centro para Loja Praça; Inativou a unidade Loja Praça');
    expect(describeAuditEntry(update!, 'en')).toBe('Renamed the unit Loja Centro to Loja Praça; Inactivated the unit Loja Praça');
    const deletes = await log(s, 'unit.delete');
    expect(deletes).toHaveLength(1);
    expect(describeAuditEntry(deletes[0]!, 'es')).toBe('Eliminó la unidad Loja Praça');
  });
});
