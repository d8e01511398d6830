import { afterAll, describe, expect, it } from 'vitest';
import { generateCnpj, generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import type { MockServer } from '../src/index.js';
import { call, PERSON } from './helpers.js';
import { everyServer } from './stores.js';

// Sync by document (#16 §2): PUT /v1/customers/by-document/{document}, on every store.

const rng = new Prng(16_2);
const SERVERS = everyServer('sync', { seed: 0 });

const put = (s: MockServer, document: string, body: unknown, headers: Record<string, string> = {}) =>
  call(s, 'PUT', `/v1/customers/by-document/${encodeURIComponent(document)}`, { body, headers });

const auditCount = async (s: MockServer) => (await call(s, 'GET', '/v1/audit?limit=200')).json.items.length as number;

describe.each(SERVERS)('sync by document on %s', (_kind, open) => {
  const servers: MockServer[] = [];
  const server = async () => {
    const s = await open();
    servers.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it('creates the customer with its origin and external id (201), and the same body again changes nothing (200, same version, nothing logged)', async () => {
    const s = await server();
    const document = generateCpf(rng);
    const { document: _d, ...person } = PERSON;
    const body = { ...person, source: 'pos', externalId: 'PDV-0001' };
    const first = await put(s, document.replace(/\D/g, ''), body);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ document: document.replace(/\D/g, ''), source: 'pos', sources: ['pos'], externalIds: { pos: 'PDV-0001' }, version: 1 });
    expect(first.headers.get('ETag')).toBe('"1"');
    expect(first.headers.get('Location')).toBe(`/v1/customers/${first.json.id}`);
    const logged = await auditCount(s);
    // With punctuation in the path this time: the same document.
    const again = await put(s, document, body);
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect(await auditCount(s)).toBe(logged);
  });

  it('a second system adds itself to the sources and its id to externalIds; the origin stays; fields it leaves out stay', async () => {
    const s = await server();
    const document = generateCpf(rng);
    const { document: _d, ...person } = PERSON;
    const created = (await put(s, document, { ...person, source: 'pos', externalId: '77' })).json;
    const synced = await put(s, document, { kind: 'person', firstName: 'João', lastName: 'da Conceição', phone: '(21) 99876-5432', source: 'ecommerce', externalId: 'shop-9' });
    expect(synced.status).toBe(200);
    expect(synced.json).toMatchObject({
      id: created.id,
      source: 'pos',
      sources: ['pos', 'ecommerce'],
      externalIds: { pos: '77', ecommerce: 'shop-9' },
      phone: '+5521998765432',
      email: PERSON.email,
      version: 2,
    });
    const entry = (await call(s, 'GET', '/v1/audit?action=customer.update&limit=1')).json.items[0];
    expect(entry).toMatchObject({ target: created.id, source: 'ecommerce' });
    expect(entry.changes).toEqual(expect.arrayContaining(['phone', 'sources', 'externalIds']));
    // The full record carries them too; a PATCH cannot change them.
    const full = await call(s, 'GET', `/v1/customers/${created.id}`);
    expect(full.json.sources).toEqual(['pos', 'ecommerce']);
    const patched = await call(s, 'PATCH', `/v1/customers/${created.id}`, { body: { sources: ['api'] }, headers: { 'If-Match': '"2"' } });
    expect(patched.status).toBe(422);
  });

  it('an external id is one customer\'s per system: another customer cannot take it (409 duplicate_external_id, localized); a deleted holder frees it', async () => {
    const s = await server();
    const [a, b] = [generateCpf(rng), generateCpf(rng)];
    const held = (await put(s, a, { kind: 'person', firstName: 'Ana', lastName: 'Souza', source: 'pos', externalId: 'X1' })).json;
    const clash = await call(s, 'PUT', `/v1/customers/by-document/${b}`, { body: { kind: 'person', firstName: 'Bia', lastName: 'Lima', source: 'pos', externalId: 'X1' }, headers: { 'Accept-Language': 'en' } });
    expect(clash.status).toBe(409);
    expect(clash.json).toMatchObject({ existingId: held.id, title: 'External id in use', errors: [{ path: 'externalId', code: 'duplicate_external_id', message: 'Another customer already has this id in this system.' }] });
    // The same id in another system is another id.
    expect((await put(s, b, { kind: 'person', firstName: 'Bia', lastName: 'Lima', source: 'ecommerce', externalId: 'X1' })).status).toBe(201);
    expect((await call(s, 'GET', `/v1/customers?q=${b}`)).json.total).toBe(1);
    expect((await call(s, 'DELETE', `/v1/customers/${held.id}`)).status).toBe(200);
    const taken = await put(s, b, { kind: 'person', firstName: 'Bia', lastName: 'Lima', source: 'pos', externalId: 'X1' });
    expect(taken.status).toBe(200);
    expect(taken.json.externalIds).toEqual({ ecommerce: 'X1', pos: 'X1' });
  });

  it('refuses a document that is not a CPF (person) or CNPJ (company), and a body document other than the path\'s (422 at document)', async () => {
    const s = await server();
    const bad = await put(s, '123.456.789-00', { kind: 'person', firstName: 'Ana', lastName: 'Souza', source: 'pos' });
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toEqual([expect.objectContaining({ path: 'document', code: 'invalid_cpf' })]);
    const company = await put(s, generateCpf(rng), { kind: 'company', legalName: 'Empório Ltda', source: 'seller' });
    expect(company.json.errors).toEqual([expect.objectContaining({ path: 'document', code: 'cpf_on_company' })]);
    const mismatch = await put(s, generateCpf(rng), { kind: 'person', document: generateCpf(rng), firstName: 'Ana', lastName: 'Souza', source: 'pos' });
    expect(mismatch.status).toBe(422);
    expect(mismatch.json.errors).toEqual([expect.objectContaining({ path: 'document', code: 'document_mismatch' })]);
    const noSource = await put(s, generateCpf(rng), { kind: 'person', firstName: 'Ana', lastName: 'Souza' });
    expect(noSource.json.errors).toEqual([expect.objectContaining({ path: 'source' })]);
    expect((await call(s, 'GET', '/v1/customers')).json.total).toBe(0);
  });

  it('a company by CNPJ (alphanumeric too); Idempotency-Key replays the first answer', async () => {
    const s = await server();
    const cnpj = generateCnpj(rng, true);
    const body = { kind: 'company', legalName: 'Empório Gonçalves Ltda', source: 'seller', externalId: 'V-12' };
    const first = await put(s, cnpj.toLowerCase(), body, { 'Idempotency-Key': 'sync-company-1' });
    expect(first.status).toBe(201);
    const replay = await put(s, cnpj.toLowerCase(), body, { 'Idempotency-Key': 'sync-company-1' });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.json.id).toBe(first.json.id);
  });

  it('the source filter matches any of a customer\'s sources, on the list and its total', async () => {
    const s = await server();
    const both = generateCpf(rng);
    const posOnly = generateCpf(rng);
    await put(s, both, { kind: 'person', firstName: 'Caio', lastName: 'Prado', source: 'pos' });
    await put(s, both, { kind: 'person', firstName: 'Caio', lastName: 'Prado', source: 'ecommerce' });
    await put(s, posOnly, { kind: 'person', firstName: 'Davi', lastName: 'Reis', source: 'pos' });
    await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: generateCpf(rng) } });
    const ecommerce = await call(s, 'GET', '/v1/customers?filter=source-ecommerce');
    expect(ecommerce.json.items.map((c: any) => c.firstName)).toEqual(['Caio']);
    expect(ecommerce.json.total).toBe(1);
    const pos = await call(s, 'GET', '/v1/customers?filter=source-pos&sort=name');
    expect(pos.json.items.map((c: any) => c.firstName)).toEqual(['Caio', 'Davi']);
    // With a name search too (the SQL stores take another path for a search with a filter).
    expect((await call(s, 'GET', '/v1/customers?q=prado&filter=source-ecommerce')).json.total).toBe(1);
    expect((await call(s, 'GET', '/v1/customers?q=reis&filter=source-ecommerce')).json.total).toBe(0);
    expect((await call(s, 'GET', '/v1/customers?filter=source-api')).json.total).toBe(1);
  });

  it('1,000 records synced twice, from two systems, end as 1,000 customers, each with both sources and both ids', async () => {
    const s = await server();
    const records = Array.from({ length: 1000 }, (_, i) => ({ document: generateCpf(rng), firstName: `Cliente${i}`, lastName: 'Sincronizado', i }));
    const syncAll = async (source: 'pos' | 'ecommerce') => {
      const statuses: number[] = [];
      // Twenty at a time, as a sync job would run.
      for (let at = 0; at < records.length; at += 20) {
        const batch = records.slice(at, at + 20);
        const replies = await Promise.all(batch.map((r) => put(s, r.document, { kind: 'person', firstName: r.firstName, lastName: r.lastName, source, externalId: `${source}-${r.i}` })));
        statuses.push(...replies.map((x) => x.status));
      }
      return statuses;
    };
    expect(new Set(await syncAll('pos'))).toEqual(new Set([201]));
    expect(new Set(await syncAll('ecommerce'))).toEqual(new Set([200]));
    // The second pass of each system changes nothing.
    expect(new Set(await syncAll('pos'))).toEqual(new Set([200]));
    const all = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page: any = await call(s, 'GET', `/v1/customers?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      all.push(...page.json.items);
      cursor = page.json.nextCursor;
    }
    expect(all).toHaveLength(1000);
    expect(all.every((c: any) => c.source === 'pos' && c.sources.join() === 'pos,ecommerce' && c.version === 2)).toBe(true);
    expect(all.every((c: any) => c.externalIds.pos === c.externalIds.ecommerce.replace('ecommerce', 'pos'))).toBe(true);
    expect((await call(s, 'GET', '/v1/customers?filter=source-ecommerce&limit=1')).json.total).toBe(1000);
  }, 120_000);
});

// Records stored before sync existed: the migration gives each its origin as its one source.
describe('stored customers from before sync are migrated', () => {
  const expectMigrated = async (s: MockServer) => {
    const all = (await call(s, 'GET', '/v1/customers?limit=200')).json.items;
    expect(all).toHaveLength(30);
    expect(all.every((c: any) => c.sources.length === 1 && c.sources[0] === c.source && JSON.stringify(c.externalIds) === '{}')).toBe(true);
    const pos = all.filter((c: any) => c.source === 'pos').length;
    expect(pos).toBeGreaterThan(0);
    expect((await call(s, 'GET', '/v1/customers?filter=source-pos&limit=1')).json.total).toBe(pos);
    // And a sync finds them by document.
    const one = all.find((c: any) => c.kind === 'person' && c.status !== 'deleted');
    const full = (await call(s, 'GET', `/v1/customers/${one.id}`)).json;
    const synced = await put(s, full.document, { kind: 'person', firstName: full.firstName, lastName: full.lastName, source: 'seller', externalId: 'S-1' });
    expect(synced.json).toMatchObject({ id: one.id, sources: [one.source, 'seller'] });
  };

  it('SQLite: a file at the schema before it', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { createApp } = await import('../src/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'clientela-sync-migration-'));
    const db = join(dir, 'old.sqlite');
    try {
      createApp({ seed: 30, db }).close();
      const { default: Database } = await import('better-sqlite3');
      const raw = new Database(db);
      // The rows as they were before the step (later steps may follow it), then the step itself.
      raw.exec(`DROP TABLE customer_external_ids; ALTER TABLE customers DROP COLUMN sources;
        UPDATE customer_data SET data = json_remove(data, '$.sources', '$.externalIds')`);
      const { SQLITE_MIGRATIONS } = await import('../src/store/sqlite-migrations.js');
      raw.transaction(() => SQLITE_MIGRATIONS.find((m) => m.name.startsWith('sync by document'))!.up(raw))();
      raw.close();
      const s = createApp({ seed: 30, db });
      await expectMigrated(s);
      await s.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PostgreSQL: a database at the schema before it', async () => {
    const { createTestDatabase } = await import('../../../test/postgres.js');
    const { PostgresStore, createApp } = await import('../src/index.js');
    const { default: pg } = await import('pg');
    const database = await createTestDatabase();
    try {
      const first = createApp({ seed: 30, store: await PostgresStore.open(database.url) });
      await first.ready;
      await first.close();
      const pool = new pg.Pool({ connectionString: database.url, max: 1 });
      const raw = await pool.connect();
      // The rows as they were before the step (later steps may follow it), then the step itself.
      await raw.query(`DROP TABLE customer_external_ids; ALTER TABLE customers DROP COLUMN sources;
        UPDATE customer_data SET data = (data::jsonb - 'sources' - 'externalIds')::text`);
      const { POSTGRES_MIGRATIONS } = await import('../src/store/postgres-migrations.js');
      await POSTGRES_MIGRATIONS.find((m) => m.name.startsWith('sync by document'))!.up(raw);
      raw.release();
      await pool.end();
      const s = createApp({ seed: 30, store: await PostgresStore.open(database.url) });
      await expectMigrated(s);
      await s.close();
    } finally {
      await database.drop();
    }
  }, 60_000);
});
