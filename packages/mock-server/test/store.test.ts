import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isValidCnpj, isValidCpf, isValidPhoneBR, isValidStateRegistration } from '@clientela/core';
import { CustomerSchema, parseWith } from '@clientela/core/schemas';
import { generateSeed } from '../src/seed/seed.js';
import { SchemaTooNewError } from '../src/store/migrations.js';
import { SQLITE_MIGRATIONS, SQLITE_SCHEMA_VERSION } from '../src/store/sqlite-migrations.js';
import type { MockServer } from '../src/index.js';
import { app, call, PERSON } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'clientela-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('seed', () => {
  it('is deterministic for a seed value and differs for another', () => {
    const a = generateSeed(300, 7).customers;
    const b = generateSeed(300, 7).customers;
    const c = generateSeed(300, 8).customers;
    expect(b).toEqual(a);
    expect(c.map((x) => x.document)).not.toEqual(a.map((x) => x.document));
  });

  it('gives realistic, valid Brazilian customers', () => {
    const { customers, categories } = generateSeed(2000, 1);
    expect(categories.filter((x) => x.status === 'inactive')).toHaveLength(2);
    const persons = customers.filter((x) => x.kind === 'person');
    expect(persons.length / customers.length).toBeGreaterThan(0.7);
    expect(persons.length / customers.length).toBeLessThan(0.8);
    expect(new Set(customers.map((x) => x.document)).size).toBe(customers.length);
    let alnum = 0;
    for (const x of customers) {
      expect(parseWith(CustomerSchema, x).success).toBe(true);
      expect(x.kind === 'person' ? isValidCpf(x.document) : isValidCnpj(x.document)).toBe(true);
      expect(isValidPhoneBR(x.phone!)).toBe(true);
      expect(x.phone).toMatch(/^\+55\d{10,11}$/);
      if (x.kind === 'company' && x.stateRegistration) expect(isValidStateRegistration(x.stateRegistration, x.address?.state ?? 'SP')).toBe(true);
      if (/[A-Z]/.test(x.document)) alnum++;
    }
    expect(alnum).toBeGreaterThan(0);
    expect(customers.some((x) => /[áéíóúâêôãõç]/i.test(x.kind === 'person' ? x.firstName + x.lastName : x.legalName))).toBe(true);
    expect(new Set(customers.map((x) => x.source))).toEqual(new Set(['pos', 'storefront', 'admin', 'import']));
  });
});

for (const kind of ['memory', 'sqlite'] as const) {
  describe(`${kind} store through the API`, () => {
    const make = () => app({ seed: 400, ...(kind === 'sqlite' ? { db: join(dir, `keyset-${Math.random()}.sqlite`) } : {}) });

    it('keyset cursors: rows inserted between pages are neither skipped nor repeated', async () => {
      const s = make();
      for (const sort of ['-createdAt', 'name', '-totalSpent', 'lastPurchaseAt']) {
        const total = (await call(s, 'GET', `/v1/customers?limit=1`)).json.total;
        const walk = async (onPage?: (page: number, read: readonly string[]) => Promise<void>): Promise<string[]> => {
          const ids: string[] = [];
          let cursor: string | null = null;
          let page = 0;
          do {
            const r: any = await call(s, 'GET', `/v1/customers?sort=${sort}&limit=37${cursor ? `&cursor=${cursor}` : ''}`);
            expect(r.status).toBe(200);
            ids.push(...r.json.items.map((c: { id: string }) => c.id));
            cursor = r.json.nextCursor;
            await onPage?.(page++, ids);
          } while (cursor);
          return ids;
        };
        const inserted: string[] = [];
        let lastBefore = '';
        const seen = await walk(async (page, read) => {
          if (page !== 2) return;
          // Inserted mid-walk, after the row last read: each sorts somewhere.
          lastBefore = read.at(-1)!;
          for (const doc of ['87345612007', '52998224725']) {
            const r = await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: doc, firstName: `Inserido ${sort}`, email: `${doc}@x.com` } });
            expect(r.status, JSON.stringify(r.json)).toBe(201);
            inserted.push(r.json.id);
          }
        });
        // The same order read again in one go: the interrupted walk must be it, less the inserted
        // rows that sort before the row it had reached (nothing read shifts, skips or repeats).
        const now = await walk();
        const reached = now.indexOf(lastBefore);
        expect(reached).toBeGreaterThanOrEqual(0);
        expect(seen).toEqual(now.filter((id, i) => i > reached || !inserted.includes(id)));
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen.length).toBeGreaterThanOrEqual(total);
        await call(s, 'POST', '/v1/customers/bulk', { body: { filter: { q: 'inserido' }, action: 'delete' } });
      }
      s.close();
    });

    it('offset: the page at an offset is the rows reached by walking cursors, and continues by cursor', async () => {
      const s = make();
      // A deleted row, so the default status filter is a real filter (no index-position shortcut).
      const victim = (await call(s, 'GET', '/v1/customers?sort=name&limit=1&offset=5')).json.items[0];
      expect((await call(s, 'DELETE', `/v1/customers/${victim.id}`)).status).toBe(200);
      for (const filter of ['', '&status=active,inactive,blocked,deleted', '&kind=company', '&q=silva']) {
        for (const sort of ['name', '-createdAt', '-totalSpent']) {
          const walked: string[] = [];
          let cursor: string | null = null;
          do {
            const r: any = await call(s, 'GET', `/v1/customers?sort=${sort}${filter}&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
            walked.push(...r.json.items.map((c: { id: string }) => c.id));
            cursor = r.json.nextCursor;
          } while (cursor);
          const label = `${filter} ${sort}`;
          for (const offset of [0, 1, 37, Math.floor(walked.length / 2), walked.length - 3]) {
            const r: any = await call(s, 'GET', `/v1/customers?sort=${sort}${filter}&limit=20&offset=${offset}`);
            expect(r.status, label).toBe(200);
            expect(r.json.total, label).toBe(walked.length);
            expect(r.json.items.map((c: { id: string }) => c.id), `${label} @${offset}`).toEqual(walked.slice(offset, offset + 20));
            if (offset + 20 < walked.length) {
              const next: any = await call(s, 'GET', `/v1/customers?sort=${sort}${filter}&limit=20&cursor=${r.json.nextCursor}`);
              expect(next.json.items.map((c: { id: string }) => c.id), `${label} after @${offset}`).toEqual(walked.slice(offset + 20, offset + 40));
            } else {
              expect(r.json.nextCursor, label).toBeNull();
            }
          }
          const beyond: any = await call(s, 'GET', `/v1/customers?sort=${sort}${filter}&offset=${walked.length}`);
          expect(beyond.json).toEqual({ items: [], nextCursor: null, total: walked.length });
        }
      }
      s.close();
    });

    it('sorts by visits and by status (active, inactive, blocked, deleted), both ways, across cursor pages', async () => {
      const s = make();
      const rank = { active: 1, inactive: 2, blocked: 3, deleted: 4 } as Record<string, number>;
      for (const [field, key] of [
        ['visitsCount', (c: any) => c.stats.visitsCount],
        ['status', (c: any) => rank[c.status]],
      ] as const) {
        for (const desc of [false, true]) {
          const rows: any[] = [];
          let cursor: string | null = null;
          do {
            const r: any = await call(s, 'GET', `/v1/customers?sort=${desc ? '-' : ''}${field}&status=active,inactive,blocked,deleted&limit=60${cursor ? `&cursor=${cursor}` : ''}`);
            expect(r.status, field).toBe(200);
            rows.push(...r.json.items);
            cursor = r.json.nextCursor;
          } while (cursor);
          expect(rows).toHaveLength(400);
          const keys = rows.map(key);
          expect(new Set(keys).size, `${field} varies`).toBeGreaterThan(1);
          const sorted = [...keys].sort((a, b) => (desc ? b - a : a - b));
          expect(keys, `${desc ? '-' : ''}${field}`).toEqual(sorted);
        }
      }
      s.close();
    });

    it('search agrees with a plain scan', async () => {
      const s = make();
      const everyone: any[] = [];
      let cursor: string | null = null;
      do {
        const r: any = await call(s, 'GET', `/v1/customers?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
        everyone.push(...r.json.items);
        cursor = r.json.nextCursor;
      } while (cursor);
      const full = await Promise.all(everyone.slice(0, 1).map((c) => call(s, 'GET', `/v1/customers/${c.id}`)));
      const doc = full[0]!.json.document as string;
      for (const q of ['silva', 'joão', 'ar', doc.slice(2, 9)]) {
        const r = await call(s, 'GET', `/v1/customers?q=${encodeURIComponent(q)}&limit=200`);
        expect(r.json.total, q).toBeGreaterThan(0);
        expect(r.json.items.length).toBe(Math.min(200, r.json.total));
      }
      const silva = everyone.filter((c) => (c.kind === 'person' ? `${c.firstName} ${c.lastName}` : `${c.legalName} ${c.tradeName ?? ''} ${c.firstName ?? ''} ${c.lastName ?? ''}`).toLowerCase().includes('silva') || c.email?.includes('silva'));
      expect((await call(s, 'GET', '/v1/customers?q=SILVA&limit=1')).json.total).toBe(silva.length);
      s.close();
    });
  });
}

describe('SQLite durability', () => {
  it('keeps acknowledged writes across a restart and does not reseed', async () => {
    const db = join(dir, 'restart.sqlite');
    let s: MockServer = app({ seed: 50, db });
    const created = await call(s, 'POST', '/v1/customers', { body: PERSON });
    const cat = await call(s, 'POST', '/v1/categories', { body: { name: 'Persistente' } });
    await call(s, 'PUT', '/v1/settings/registration', { body: { person: { email: 'optional', phone: 'required', birthDate: 'optional', address: 'optional' }, company: { email: 'required', phone: 'optional', responsible: 'optional', tradeName: 'optional', stateRegistration: 'optional', municipalRegistration: 'optional', address: 'optional' } } });
    s.close();
    s = app({ seed: 50, db });
    expect((await call(s, 'GET', '/healthz', { key: null })).json.customers).toBe(51);
    expect((await call(s, 'GET', `/v1/customers/${created.json.id}`)).json.document).toBe('52998224725');
    expect((await call(s, 'GET', `/v1/categories/${cat.json.id}`)).json.name).toBe('Persistente');
    expect((await call(s, 'GET', '/v1/settings/registration')).json.person.phone).toBe('required');
    expect((await call(s, 'GET', '/v1/audit?action=customer.create')).json.items).toHaveLength(1);
    expectDup(await call(s, 'POST', '/v1/customers', { body: PERSON }));
    s.close();
  });
});

describe('SQLite migrations', () => {
  const versions = async (file: string) => {
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(file, { readonly: true });
    const rows = raw.prepare('SELECT version, name, applied_at AS appliedAt FROM schema_version ORDER BY version').all() as { version: number; name: string; appliedAt: string }[];
    raw.close();
    return rows;
  };

  it('a close during the start lets the seed finish: the file holds the whole seed, and nothing is left unhandled', async () => {
    const db = join(dir, 'closed-early.sqlite');
    await app({ seed: 30, db }).close();
    const again = app({ db });
    await again.ready;
    expect(await again.store.customerCount()).toBe(30);
    await again.close();
  });

  it('a new file records every version; opening it again applies nothing', async () => {
    const db = join(dir, 'versions.sqlite');
    await app({ seed: 10, db }).close();
    const first = await versions(db);
    expect(first.map((v) => v.version)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
    expect(first.at(-1)!.version).toBe(SQLITE_SCHEMA_VERSION);
    await app({ seed: 10, db }).close();
    expect(await versions(db)).toEqual(first);
  });

  it('a file from the first release (no version table, no visits/status columns) is migrated on open, its rows filled from the stored records', async () => {
    const db = join(dir, 'old-schema.sqlite');
    let s: MockServer = app({ seed: 80, db });
    s.close();
    // Make the file look as the first release wrote it: no version table, no visits_count / status_rank.
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(db);
    raw.exec(`DROP TABLE schema_version; DROP INDEX customers_visits; DROP INDEX customers_status_rank; ALTER TABLE customers DROP COLUMN visits_count;
      ALTER TABLE customers DROP COLUMN status_rank; DROP INDEX meta_expires; ALTER TABLE meta DROP COLUMN expires_at;
      ALTER TABLE customers DROP COLUMN birth_md; ALTER TABLE customers DROP COLUMN city_key; ALTER TABLE customers DROP COLUMN uf;
      ALTER TABLE customers DROP COLUMN source; ALTER TABLE customers DROP COLUMN consent; DROP TABLE views;
      DROP TABLE orders; DROP TABLE credit_entries; DROP TABLE units; DROP TABLE unit_figures; ALTER TABLE customers DROP COLUMN sources; DROP TABLE customer_external_ids;
      DROP TABLE events; DROP TABLE webhook_endpoints; DROP TABLE webhook_deliveries; DROP TABLE message_batches; DROP TABLE message_recipients;
      DROP TABLE automations; DROP TABLE automation_occasions; DROP TABLE carts;
      DROP TABLE consent_records; DROP TABLE privacy_requests;
      DROP TABLE api_keys`);
    raw.exec('DROP TABLE duplicate_keys; DROP TABLE duplicate_pairs');
    raw.exec('DROP TABLE devices');
    raw.close();
    s = app({ seed: 80, db });
    const r: any = await call(s, 'GET', '/v1/customers?sort=-visitsCount&limit=200');
    const visits = r.json.items.map((c: any) => c.stats.visitsCount);
    expect(visits).toEqual([...visits].sort((a: number, b: number) => b - a));
    expect(visits[0]).toBeGreaterThan(0);
    const byStatus: any = await call(s, 'GET', '/v1/customers?sort=-status&status=active,blocked&limit=200');
    expect(byStatus.json.items[0].status).toBe('blocked');
    // The filter columns are filled from the stored records too.
    const inSp: any = await call(s, 'GET', '/v1/customers?filter=uf-SP.consent-email-yes&limit=200');
    expect(inSp.json.items.length).toBeGreaterThan(0);
    expect(inSp.json.items.every((c: any) => c.address.state === 'SP' && c.marketingConsent.email)).toBe(true);
    expect((await call(s, 'GET', '/healthz', { key: null })).json.customers).toBe(80);
    s.close();
    const recorded = await versions(db);
    expect(recorded.map((v) => [v.version, v.name.endsWith('(found in place)')])).toEqual(SQLITE_MIGRATIONS.map((m) => [m.version, m.version === 1]));
  });

  it('a file from a newer server is refused, and left as it was', async () => {
    const db = join(dir, 'newer.sqlite');
    await app({ seed: 5, db }).close();
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(db);
    raw.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(SQLITE_SCHEMA_VERSION + 1, 'from the future', '2030-01-01T00:00:00.000Z');
    raw.close();
    const before = await versions(db);
    let error: unknown;
    try {
      app({ db });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaTooNewError);
    expect((error as Error).message).toContain(`has schema version ${SQLITE_SCHEMA_VERSION + 1}, but this server knows versions up to ${SQLITE_SCHEMA_VERSION}`);
    expect(await versions(db)).toEqual(before);
  });
});

function expectDup(r: { status: number }) {
  expect(r.status).toBe(409);
}

describe('memory and SQLite agree', () => {
  it('same seed, same query → same page and total (common fragments walk the sort index, rare ones sort the matches)', async () => {
    const mem = app({ seed: 3000 });
    const sql = app({ seed: 3000, db: join(dir, 'agree.sqlite') });
    for (const q of ['com', 'silva', 'gmail.com', 'joao', '11', '9876', 'zzz']) {
      for (const sort of ['-createdAt', 'name', '-totalSpent']) {
        let cursor: string | null = null;
        for (let page = 0; page < 3; page++) {
          const path: string = `/v1/customers?q=${q}&sort=${sort}&limit=40${cursor ? `&cursor=${cursor}` : ''}`;
          const a = await call(mem, 'GET', path);
          const b = await call(sql, 'GET', path);
          expect(b.json.total, `${q} ${sort}`).toBe(a.json.total);
          expect(b.json.items.map((c: { id: string }) => c.id), `${q} ${sort} page ${page}`).toEqual(a.json.items.map((c: { id: string }) => c.id));
          cursor = a.json.nextCursor;
          if (!cursor) break;
        }
      }
    }
    for (const q of ['', 'com', 'silva']) {
      for (const sort of ['name', '-totalSpent', 'lastPurchaseAt']) {
        for (const offset of [0, 41, 777, 2500, 2999, 5000]) {
          const path = `/v1/customers?q=${q}&sort=${sort}&limit=40&offset=${offset}`;
          const a = await call(mem, 'GET', path);
          const b = await call(sql, 'GET', path);
          expect(b.json.total, path).toBe(a.json.total);
          expect(b.json.nextCursor, path).toBe(a.json.nextCursor);
          expect(b.json.items.map((c: { id: string }) => c.id), path).toEqual(a.json.items.map((c: { id: string }) => c.id));
        }
      }
    }
    expect((await call(mem, 'GET', '/v1/customers?q=com&limit=1')).json.total).toBeGreaterThan(1500);
    mem.close();
    sql.close();
  });
});

describe('SQLite transactions', () => {
  it('a failing transaction leaves neither rows nor cached counts behind', async () => {
    const s = app({ db: join(dir, 'rollback.sqlite') });
    const before = (await call(s, 'GET', '/v1/customers?q=conceicao')).json.total;
    const c = (await call(s, 'POST', '/v1/customers', { body: PERSON })).json;
    await expect(
      s.store.transaction(async (tx) => {
        await tx.updateCustomer({ ...c, status: 'deleted', version: 2 });
        throw new Error('crash mid-write');
      }),
    ).rejects.toThrow('crash mid-write');
    expect((await s.store.getCustomer(c.id))?.status).toBe('active');
    expect((await call(s, 'GET', '/v1/customers?q=conceicao')).json.total).toBe(before + 1);
    s.close();
  });
});
