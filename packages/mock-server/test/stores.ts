// The three stores a server test runs on, each made fresh by its factory: memory, a SQLite file in
// a temporary folder and a PostgreSQL database of its own (test/postgres.ts; it stops with one
// clear sentence when no server answers). The files and databases go when the test file ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { MockServer, MockServerOptions } from '../src/index.js';
import { MemoryStore } from '../src/store/memory.js';
import { PostgresStore } from '../src/store/postgres.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { SyncStoreAdapter } from '../src/store/sync-adapter.js';
import type { Store } from '../src/store/types.js';
import { createTestDatabase, type TestDatabase } from '../../../test/postgres.js';
import { app } from './helpers.js';

/** The secrets key the PostgreSQL servers of the tests share (32 bytes in base64). */
export const TEST_SECRETS_KEY = 'Y2xpZW50ZWxhLXRlc3Qtc2VjcmV0cy1rZXktMzJieXQ=';

export type StoreKind = 'memory' | 'sqlite' | 'postgres';

/** Where a file's stores live, removed after its tests. */
function scratch(name: string): { file: () => string; database: () => Promise<string> } {
  const dir = mkdtempSync(join(tmpdir(), `clientela-${name}-`));
  const databases: TestDatabase[] = [];
  let files = 0;
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()));
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    file: () => join(dir, `${name}-${files++}.sqlite`),
    database: async () => {
      const db = await createTestDatabase();
      databases.push(db);
      return db.url;
    },
  };
}

/**
 * One opener per store, for `describe.each`.
 *
 * @example
 * describe.each(everyStore('orders'))('orders on %s', (_kind, open) => { … await open() … });
 */
export function everyStore(name: string): [StoreKind, () => Promise<Store>][] {
  const where = scratch(name);
  return [
    ['memory', async () => new SyncStoreAdapter(new MemoryStore())],
    ['sqlite', async () => new SyncStoreAdapter(new SqliteStore(where.file()))],
    ['postgres', async () => PostgresStore.open(await where.database())],
  ];
}

/** One opener per store of an in-process server (`app` with `options`), for `describe.each`. */
export function everyServer(name: string, options: MockServerOptions = {}): [StoreKind, () => Promise<MockServer>][] {
  const where = scratch(name);
  return [
    ['memory', async () => app(options)],
    ['sqlite', async () => app({ ...options, db: where.file() })],
    // Every process of a PostgreSQL deployment is given the same secrets key (without one it keeps no secret).
    ['postgres', async () => app({ secretsKey: TEST_SECRETS_KEY, ...options, store: await PostgresStore.open(await where.database()) })],
  ];
}
