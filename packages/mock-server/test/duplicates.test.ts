import { describe, expect, it } from 'vitest';
import { describeAuditEntry, type AuditEntry, type Customer } from '@clientela/core';
import { startRebuild } from '../src/service/duplicates.js';
import { call, PERSON } from './helpers.js';
import { everyServer } from './stores.js';

// `/v1/duplicates` (#18 §3): the list, "não é duplicado" and the full recomputation.
const SERVERS = everyServer('duplicates');

const ANA = { kind: 'person', document: '111.444.777-35', firstName: 'Ana', lastName: 'Souza', email: 'ana@example.com' };

describe.each(SERVERS)('duplicates over HTTP on %s', (_kind, open) => {
  it('lists pairs a write made with reasons and masked documents, pages by score, and a dismissal is remembered and logged', async () => {
    const s = await open();
    await s.ready;
    const joao = await call(s, 'POST', '/v1/customers', { body: PERSON });
    expect(joao.status).toBe(201);
    // The same person again at the point of sale: same phone, same CEP, the name without accents.
    const again = await call(s, 'POST', '/v1/customers', {
      body: { ...PERSON, document: '390.533.447-05', firstName: 'Joao', lastName: 'Conceicao', email: 'jc@example.com' },
    });
    expect(again.status).toBe(201);
    const ana = await call(s, 'POST', '/v1/customers', { body: ANA });
    const ana2 = await call(s, 'POST', '/v1/customers', { body: { ...ANA, document: '853.513.468-93', firstName: 'Ana Maria' } });
    expect(ana2.status).toBe(201);

    const list = await call(s, 'GET', '/v1/duplicates?limit=1');
    expect(list.status).toBe(200);
    expect(list.json.items).toHaveLength(1);
    const top = list.json.items[0];
    expect(top.customers.map((c: Customer) => c.id).sort()).toEqual([joao.json.id, again.json.id].sort());
    expect(top.reasons.map((r: { type: string }) => r.type)).toEqual(['phone', 'name_postal_code']);
    expect(top.customers[0].document).toMatch(/\*/);
    expect(top.score).toBeGreaterThan(60);
    const next = await call(s, 'GET', `/v1/duplicates?limit=1&cursor=${list.json.nextCursor}`);
    expect(next.json.items[0].customers.map((c: Customer) => c.id).sort()).toEqual([ana.json.id, ana2.json.id].sort());
    expect(next.json.items[0].reasons).toEqual([{ type: 'email' }]);
    expect(next.json.nextCursor).toBeNull();
    expect((await call(s, 'GET', '/v1/duplicates?cursor=nonsense')).status).toBe(422);

    const dismissed = await call(s, 'POST', '/v1/duplicates/dismiss', { body: { customerIds: [ana2.json.id, ana.json.id] }, headers: { 'X-Actor': 'Bia' } });
    expect(dismissed.status).toBe(200);
    expect(dismissed.json.dismissedAt).toBeTruthy();
    // An edit of either customer does not bring the pair back.
    await call(s, 'PATCH', `/v1/customers/${ana.json.id}`, { body: { notes: 'cliente antiga' }, headers: { 'If-Match': ana.headers.get('ETag')! } });
    const after = await call(s, 'GET', '/v1/duplicates');
    expect(after.json.items).toHaveLength(1);
    expect((await call(s, 'GET', `/v1/duplicates?customerId=${ana.json.id}`)).json.items).toEqual([]);
    // Again: same answer, one log entry.
    expect((await call(s, 'POST', '/v1/duplicates/dismiss', { body: { customerIds: [ana.json.id, ana2.json.id] } })).json.dismissedAt).toBe(dismissed.json.dismissedAt);
    const log = await call(s, 'GET', '/v1/audit?action=duplicate.dismiss');
    expect(log.json.items).toHaveLength(1);
    expect(describeAuditEntry(log.json.items[0] as AuditEntry, 'pt-BR')).toMatch(/^Marcou Ana (Maria )?Souza e Ana (Maria )?Souza como não duplicados$/);
    expect((await call(s, 'POST', '/v1/duplicates/dismiss', { body: { customerIds: [joao.json.id, ana.json.id] } })).status).toBe(404);
    s.close();
  });

  it('the full run finds what the stored pairs lost, keeps dismissals, and is taken up where it stopped', async () => {
    const s = await open();
    await s.ready;
    const a = await call(s, 'POST', '/v1/customers', { body: ANA });
    const b = await call(s, 'POST', '/v1/customers', { body: { ...ANA, document: '853.513.468-93', firstName: 'Ana Maria' } });
    expect((await call(s, 'GET', '/v1/duplicates')).json.items).toHaveLength(1);
    // A store that had customers before duplicates existed: no keys, no pairs.
    const ctx = { store: s.store, now: () => new Date('2026-11-22T12:00:00.000Z') } as Parameters<typeof startRebuild>[0];
    await s.store.transaction(async (tx) => {
      // Forget the two customers' keys and pairs by filing them as if merged, then write them back unfiled.
      await tx.refreshDuplicates([{ ...(await tx.getCustomer(a.json.id))!, status: 'merged' } as unknown as Customer, { ...(await tx.getCustomer(b.json.id))!, status: 'merged' } as unknown as Customer]);
    });
    expect((await call(s, 'GET', '/v1/duplicates')).json.items).toEqual([]);
    expect((await call(s, 'GET', '/v1/duplicates/rebuild')).json).toEqual({ status: 'idle', processed: 0, total: 0 });

    // A run that stopped after its first page (its lease lapsed): the next call resumes after it.
    const first = (await s.store.listCustomers({ query: { statuses: ['active'] }, sort: { field: 'createdAt', desc: false }, limit: 1 })).items[0]!;
    await s.store.refreshDuplicates([first]);
    expect((await call(s, 'GET', '/v1/duplicates')).json.items).toEqual([]);
    await s.store.setMeta('duplicates:rebuild', { status: 'running', processed: 1, total: 2, startedAt: '2026-11-22T11:00:00.000Z', cursor: { key: first.createdAt, id: first.id } });
    const { state, done } = await startRebuild(ctx);
    expect(state).toMatchObject({ status: 'running', processed: 1, startedAt: '2026-11-22T11:00:00.000Z' });
    await done;
    expect((await call(s, 'GET', '/v1/duplicates/rebuild')).json).toMatchObject({ status: 'done', processed: 2, total: 2 });
    // The resumed run refreshed the second customer, and met the first one's keys.
    expect((await call(s, 'GET', '/v1/duplicates')).json.items).toHaveLength(1);

    await call(s, 'POST', '/v1/duplicates/dismiss', { body: { customerIds: [a.json.id, b.json.id] } });
    const started = await call(s, 'POST', '/v1/duplicates/rebuild');
    expect(started.status).toBe(202);
    for (let i = 0; i < 200 && (await call(s, 'GET', '/v1/duplicates/rebuild')).json.status !== 'done'; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await call(s, 'GET', '/v1/duplicates/rebuild')).json).toMatchObject({ status: 'done', processed: 2 });
    expect((await call(s, 'GET', '/v1/duplicates')).json.items).toEqual([]);
    s.close();
  });
});
