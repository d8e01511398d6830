// CPU an idle server spends per second (its own process, and PostgreSQL's backends for it), for
// memory and PostgreSQL: what its background loops (webhook and message dispatchers, automations)
// cost while nothing happens. `node bench/idle.mjs` on the built dist; prints figures, fails nothing.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { freshDatabase, PG_ADMIN } from './pg-database.mjs';
import { startServer } from '../dist/index.js';
const SECONDS = Number(process.env.IDLE_SECONDS ?? 20);
async function dbCpu(name) {
  const c = new pg.Client({ connectionString: PG_ADMIN }); await c.connect();
  try {
    const { rows } = await c.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
    const ms = new Map();
    for (const { pid } of rows) { try { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); ms.set(pid, (Number(f[11]) + Number(f[12])) * 10); } catch {} }
    return ms;
  } finally { await c.end(); }
}
for (const store of (process.env.BENCH_STORES ?? 'memory,postgres').split(',')) {
  const db = store === 'postgres' ? await freshDatabase(`clientela_idle_${process.pid}`) : undefined;
  const s = await startServer({ port: 0, seed: 200, ...(db ? { databaseUrl: db.url } : {}) });
  await fetch(`${s.url}/v1/customers?limit=5`, { headers: { Authorization: 'Bearer sk_test_clientela' } });
  await new Promise((r) => setTimeout(r, 3000));
  const d0 = db ? await dbCpu(db.name) : undefined;
  const c0 = process.cpuUsage();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const c = process.cpuUsage(c0);
  const d1 = db ? await dbCpu(db.name) : undefined;
  // A connection opened meanwhile counts from zero; one closed meanwhile is left out.
  const dbMs = d1 ? [...d1].reduce((sum, [pid, ms]) => sum + ms - (d0.get(pid) ?? 0), 0) : 0;
  console.log(`${store.padEnd(8)} idle: server CPU ${((c.user + c.system) / 1000 / SECONDS).toFixed(2)} ms/s${db ? `, database CPU ${(dbMs / SECONDS).toFixed(2)} ms/s` : ''} over ${SECONDS} s`);
  await s.close();
  await db?.drop();
}
