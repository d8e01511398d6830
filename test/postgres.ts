import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The sentence shown when the PostgreSQL tests find no server (also in the README). */
export const POSTGRES_MISSING =
  'PostgreSQL tests need a server: start one (`apt-get install postgresql`, then `pg_ctlcluster 15 main start`) and set CLIENTELA_TEST_DATABASE_URL to a role that may create databases, e.g. postgres://clientela:clientela@127.0.0.1:5432/clientela.';

/** The server the tests use: CLIENTELA_TEST_DATABASE_URL, else the local development role. */
export function adminUrl(): string {
  return process.env.CLIENTELA_TEST_DATABASE_URL || 'postgres://clientela:clientela@127.0.0.1:5432/clientela';
}

export interface TestDatabase {
  /** A URL to a new, empty database of its own. */
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a throwaway database (unique name) on the test server, so tests running at the same
 * time never share one. Fails with {@link POSTGRES_MISSING} when no server answers: a PostgreSQL
 * test is never skipped silently.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = adminUrl();
  const name = `clientela_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(`${POSTGRES_MISSING} (${admin.replace(/:[^:@/]*@/, ':***@')}: ${(e as Error).message})`);
  }
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        // Not `WITH (FORCE)`: that must also end an autovacuum worker busy in the database, which a
        // role that is not a superuser (CI's) may not do. End this role's own sessions instead, then
        // a plain DROP, which stops autovacuum by itself; retried while a session is still leaving.
        for (let attempt = 0; ; attempt++) {
          await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()', [name]);
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name}`);
            return;
          } catch (e) {
            // 55006 object_in_use: "is being accessed by other users".
            if ((e as { code?: string }).code !== '55006' || attempt >= 40) throw e;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}
