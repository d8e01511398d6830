// The PostgreSQL server the benches use: CLIENTELA_BENCH_DATABASE_URL, else CLIENTELA_TEST_DATABASE_URL,
// else the local development role; each bench run makes a database of its own there.
import pg from 'pg';

export const PG_ADMIN = process.env.CLIENTELA_BENCH_DATABASE_URL || process.env.CLIENTELA_TEST_DATABASE_URL || 'postgres://clientela:clientela@127.0.0.1:5432/clientela';

async function admin(sql) {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A new, empty database `name` (an old one of that name is dropped first), or `{ error }` when no server answers. */
export async function freshDatabase(name) {
  try {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${name}`);
  } catch (e) {
    return { error: e.message };
  }
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
