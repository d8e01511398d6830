import { afterAll, describe, expect, it } from 'vitest';
import type { Event } from '@clientela/core';
import { createClient } from '@clientela/core/client';
import { EventPageSchema } from '@clientela/core/schemas';
import { createTestDatabase, type TestDatabase } from '../../../test/postgres.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { PostgresStore } from '../src/store/postgres.js';
import type { NewEvent } from '../src/store/types.js';
import { call, PERSON } from './helpers.js';
import { everyServer } from './stores.js';

// The change feed: every write is an event stored in its own transaction, numbered in commit
// order; GET /v1/events pages through them with a cursor that never skips or repeats one.

async function feed(server: Parameters<typeof call>[0], query = '') {
  const res = await call(server, 'GET', `/v1/events${query}`);
  expect(res.status, res.text).toBe(200);
  expect(EventPageSchema.safeParse(res.json).success, res.text).toBe(true);
  return res.json as { items: Event[]; nextCursor: string; hasMore: boolean };
}

describe.each(everyServer('events'))('the change feed on %s', (_kind, open) => {
  it('tells every write once, in order, with the changed fields, and nothing for a refused write', async () => {
    const server = await open();
    const created = await call(server, 'POST', '/v1/customers', { body: PERSON });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    // A duplicate document is refused: no event.
    expect((await call(server, 'POST', '/v1/customers', { body: PERSON })).status).toBe(409);
    const patched = await call(server, 'PATCH', `/v1/customers/${id}`, { body: { phone: '(21) 99876-5432', notes: 'VIP' }, headers: { 'If-Match': '"1"' } });
    expect(patched.status).toBe(200);
    // A stale version is refused: no event.
    expect((await call(server, 'PATCH', `/v1/customers/${id}`, { body: { notes: 'x' }, headers: { 'If-Match': '"1"' } })).status).toBe(412);
    const consent = await call(server, 'PATCH', `/v1/customers/${id}`, { body: { marketingConsent: { email: true, sms: false, whatsapp: true } }, headers: { 'If-Match': '"2"' } });
    expect(consent.status).toBe(200);
    const cat = await call(server, 'POST', '/v1/categories', { body: { name: 'Atacado', color: '#112233' } });
    expect((await call(server, 'PATCH', `/v1/categories/${cat.json.id}`, { body: { status: 'inactive' }, headers: { 'If-Match': '"1"' } })).status).toBe(200);
    const order = await call(server, 'POST', '/v1/orders', { body: { customerId: id, number: 'A-1', placedAt: '2026-11-20T10:00:00.000Z', itemsCount: 1, totalCents: 5000, status: 'paid' } });
    expect(order.status).toBe(201);
    expect((await call(server, 'DELETE', `/v1/customers/${id}`)).status).toBe(200);
    expect((await call(server, 'POST', '/v1/customers/bulk', { body: { ids: [id], action: 'setStatus', status: 'active' } })).json.updated).toBe(1);

    const page = await feed(server);
    expect(page.items.map((e) => e.type)).toEqual([
      'customer.created',
      'customer.updated',
      'customer.updated',
      'consent.updated',
      'category.created',
      'category.updated',
      'order.created',
      'customer.deleted',
      'customer.restored',
    ]);
    const seqs = page.items.map((e) => e.sequence);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(new Set(page.items.map((e) => e.id)).size).toBe(seqs.length);
    const updated = page.items[1]!;
    if (updated.type !== 'customer.updated') throw new Error('expected customer.updated');
    expect(updated.data.changedFields.sort()).toEqual(['notes', 'phone']);
    expect(updated.data.customer.phone).toBe('+5521998765432');
    const consentEvent = page.items[3]!;
    if (consentEvent.type !== 'consent.updated') throw new Error('expected consent.updated');
    expect(consentEvent.data).toMatchObject({ customerId: id, marketingConsent: { email: true, sms: false, whatsapp: true } });
    const catUpdate = page.items[5]!;
    if (catUpdate.type !== 'category.updated') throw new Error('expected category.updated');
    expect(catUpdate.data.changedFields).toEqual(['status']);
    expect(page.nextCursor).toBe(String(seqs.at(-1)));
    expect(page.hasMore).toBe(false);

    // Caught up: the same cursor returns nothing and stays where it is.
    const again = await feed(server, `?after=${page.nextCursor}`);
    expect(again.items).toEqual([]);
    expect(again.nextCursor).toBe(page.nextCursor);
    await server.close();
  });

  it('pages without skipping or repeating, filters by type and moves the cursor past other types', async () => {
    const server = await open();
    const prng = new Prng(7);
    for (let i = 0; i < 7; i++) {
      const res = await call(server, 'POST', '/v1/customers', { body: { ...PERSON, email: `p${i}@example.com`, document: generateCpf(prng) } });
      expect(res.status).toBe(201);
    }
    await call(server, 'POST', '/v1/categories', { body: { name: 'Varejo' } });
    const seen: Event[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard++) {
      const page = await feed(server, `?limit=3${cursor ? `&after=${cursor}` : ''}`);
      seen.push(...page.items);
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    expect(seen.map((e) => e.type)).toEqual([...Array(7).fill('customer.created'), 'category.created']);

    const onlyCategories = await feed(server, '?types=category.created,category.updated');
    expect(onlyCategories.items.map((e) => e.type)).toEqual(['category.created']);
    const onlyUpdates = await feed(server, '?types=customer.updated');
    expect(onlyUpdates.items).toEqual([]);
    // Past the eight events of other types: a poll with it reads only what comes next.
    expect(onlyUpdates.nextCursor).toBe(String(seen.at(-1)!.sequence));

    const bad = await call(server, 'GET', '/v1/events?types=customer.exploded', { headers: { 'Accept-Language': 'en' } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors[0]).toMatchObject({ path: 'types', code: 'unknown_event_type', message: 'Unknown event type: customer.exploded.' });
    expect((await call(server, 'GET', '/v1/events?after=abc')).status).toBe(422);
    expect((await call(server, 'GET', '/v1/events', { key: server.keys.publishable })).status).toBe(403);
    await server.close();
  });

  it('tells a point-of-sale sync: created, then updated with the changed fields, and nothing for an unchanged repeat', async () => {
    const server = await open();
    const doc = generateCpf(new Prng(21));
    const put = (body: unknown) => call(server, 'PUT', `/v1/customers/by-document/${doc}`, { body });
    expect((await put({ kind: 'person', firstName: 'Bia', lastName: 'Lima', source: 'pos', externalId: 'P1' })).status).toBe(201);
    expect((await put({ kind: 'person', firstName: 'Bia', lastName: 'Lima', source: 'pos', externalId: 'P1' })).status).toBe(200);
    expect((await put({ kind: 'person', firstName: 'Bia', lastName: 'Souza', source: 'pos', externalId: 'P1' })).status).toBe(200);
    const page = await feed(server);
    expect(page.items.map((e) => e.type)).toEqual(['customer.created', 'customer.updated']);
    const updated = page.items[1]!;
    if (updated.type !== 'customer.updated') throw new Error('expected customer.updated');
    expect(updated.data.changedFields).toEqual(['lastName']);
    await server.close();
  });

  it('tells a finished import (never a dry run) with its counts, and a finished export with its rows and the digest the data log keeps', async () => {
    const server = await open();
    const csv = 'CPF/CNPJ;Nome (primeiro);Sobrenome;E-mail\r\n390.533.447-05;Ana;Lima;ana.lima@example.com\r\n111.111.111-11;Bia;Erro;bia@example.com\r\n';
    const importCsv = (dryRun: boolean) => call(server, 'POST', `/v1/imports?dryRun=${dryRun}`, { raw: csv, headers: { 'Content-Type': 'text/csv' } });
    expect((await importCsv(true)).status).toBe(200);
    expect((await feed(server)).items).toEqual([]);
    expect((await importCsv(false)).status).toBe(200);
    expect((await importCsv(false)).status).toBe(200);
    const imports = (await feed(server, '?types=import.completed')).items;
    expect(imports.map((e) => e.data)).toEqual([
      { totalRows: 2, created: 1, updated: 0, unchanged: 0, rejected: 1 },
      { totalRows: 2, created: 0, updated: 0, unchanged: 1, rejected: 1 },
    ]);
    // The import's own customer is told too, before the import that made it.
    const all = (await feed(server)).items.map((e) => e.type);
    expect(all).toEqual(['customer.created', 'import.completed', 'import.completed']);

    const ana = (await call(server, 'GET', '/v1/customers?q=ana.lima')).json.items[0].id as string;
    const exported = await call(server, 'POST', '/v1/exports', { body: { format: 'csv', ids: [ana], columns: ['name', 'email'] } });
    expect(exported.status).toBe(200);
    const [done, ...more] = (await feed(server, '?types=export.completed')).items;
    expect(more).toEqual([]);
    const logged = (await call(server, 'GET', '/v1/audit?action=export')).json.items[0];
    expect(done!.data).toMatchObject({ resource: 'customers', format: 'csv', rowCount: 1, sha256: logged.sha256 });
    expect((done!.data as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    await server.close();
  });

  it('is read by the client: events.list and events.iterate, typed by type', async () => {
    const server = await open();
    const client = createClient({ baseUrl: 'http://mock.test', apiKey: server.keys.secret, fetch: (r) => server.fetch(r) });
    const prng = new Prng(11);
    for (let i = 0; i < 5; i++) await client.customers.create({ ...PERSON, email: `c${i}@example.com`, document: generateCpf(prng) } as never);
    const all: Event[] = [];
    for await (const e of client.events.iterate({ limit: 2 })) all.push(e);
    expect(all).toHaveLength(5);
    const first = await client.events.list({ types: ['customer.created'], limit: 1 });
    expect(first.hasMore).toBe(true);
    const rest = await client.events.list({ after: first.nextCursor, types: ['customer.created'] });
    expect([...first.items, ...rest.items].map((e) => e.id)).toEqual(all.map((e) => e.id));
    await server.close();
  });
});

describe('the change feed with concurrent writers on PostgreSQL', () => {
  const databases: TestDatabase[] = [];
  afterAll(() => Promise.all(databases.map((d) => d.drop())));

  const event = (n: number): NewEvent => ({ id: `evt_test_${n}`, type: 'customer.anonymized', createdAt: '2026-11-22T12:00:00.000Z', data: { customerId: `cus_${n}` } });

  it('a transaction that emitted first but commits last is not passed by a reader', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const a = await PostgresStore.open(db.url, 3);
    const b = await PostgresStore.open(db.url, 3);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let emitted!: () => void;
    const first = new Promise<void>((r) => (emitted = r));
    // A emits, then waits (open transaction); B emits and commits meanwhile.
    const slow = a.transaction(async (tx) => {
      await tx.appendEvent(event(1));
      emitted();
      await gate;
    });
    await first;
    await b.transaction((tx) => tx.appendEvent(event(2)));
    const read1 = await b.listEvents({ after: 0, limit: 10 });
    expect(read1.items.map((e) => e.id)).toEqual(['evt_test_2']);
    release();
    await slow;
    // The reader goes on from its cursor and finds A's event: it was numbered after B's.
    const read2 = await b.listEvents({ after: read1.cursor, limit: 10 });
    expect(read2.items.map((e) => e.id)).toEqual(['evt_test_1']);
    expect(read2.items[0]!.sequence).toBeGreaterThan(read1.items[0]!.sequence);
    await a.close();
    await b.close();
  });

  it('two stores (two pools, as two processes) writing at once while a reader polls: every event read exactly once', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const writers = [await PostgresStore.open(db.url, 6), await PostgresStore.open(db.url, 6)];
    const reader = await PostgresStore.open(db.url, 2);
    const prng = new Prng(3);
    const TOTAL = 240;
    let done = false;
    const read: string[] = [];
    const sequences: number[] = [];
    const poll = (async () => {
      let cursor = 0;
      for (;;) {
        const finished = done;
        const page = await reader.listEvents({ after: cursor, limit: 17 });
        for (const e of page.items) {
          read.push(e.id);
          sequences.push(e.sequence);
        }
        cursor = page.cursor;
        if (finished && !page.hasMore) return;
        await new Promise((r) => setImmediate(r));
      }
    })();
    // Each transaction emits one to three events with pauses between them (and sometimes rolls
    // back), so transactions overlap and finish in an order unrelated to when they began.
    const expected: string[] = [];
    let n = 0;
    await Promise.all(
      Array.from({ length: TOTAL / 2 }, async (_, i) => {
        const store = writers[i % 2]!;
        const count = prng.int(1, 3);
        const rollback = prng.int(0, 5) === 0;
        const ids = Array.from({ length: count }, () => ++n);
        try {
          await store.transaction(async (tx) => {
            for (const id of ids) {
              await tx.appendEvent(event(id));
              await new Promise((r) => setTimeout(r, prng.int(0, 3)));
            }
            if (rollback) throw new Error('undo');
          });
          expected.push(...ids.map((id) => `evt_test_${id}`));
        } catch (e) {
          if ((e as Error).message !== 'undo') throw e;
        }
      }),
    );
    done = true;
    await poll;
    expect(expected.length).toBeGreaterThan(TOTAL / 2);
    expect(new Set(read).size).toBe(read.length);
    expect([...read].sort()).toEqual([...expected].sort());
    expect([...sequences].sort((x, y) => x - y)).toEqual(sequences);
    for (const s of [...writers, reader]) await s.close();
  });
});
