// Seeding N (default 100,000) customers into a fresh PostgreSQL database, timed, with the time
// spent per statement kind (duplicate filing apart from the rows). `node bench/seed.mjs`; prints figures.
import pg from 'pg';
import { freshDatabase } from './pg-database.mjs';
const { PostgresStore } = await import('../dist/index.js');
const { createApp } = await import('../dist/index.js');
const N = Number(process.env.N ?? 100000);
const stats = new Map();
const orig = pg.Client.prototype.query;
pg.Client.prototype.query = function (sql, ...rest) {
  const text = typeof sql === 'string' ? sql : sql?.text;
  const key = (text ?? '?').replace(/\s+/g, ' ').slice(0, 70);
  const t = performance.now();
  const r = orig.call(this, sql, ...rest);
  if (r && typeof r.then === 'function') r.then(() => { const s = stats.get(key) ?? [0, 0]; s[0]++; s[1] += performance.now() - t; stats.set(key, s); }, () => {});
  return r;
};
const db = await freshDatabase(`clientela_seedprobe_${process.pid}`);
const store = await PostgresStore.open(db.url);
const t0 = performance.now(); const c0 = process.cpuUsage();
const server = createApp({ store, seed: N, seedHistory: process.env.HISTORY === '1' });
await server.ready;
const c = process.cpuUsage(c0);
console.log(`seed ${N}: ${((performance.now() - t0) / 1000).toFixed(1)} s wall, node CPU ${((c.user + c.system) / 1e6).toFixed(1)} s`);
for (const [k, [n, ms]] of [...stats].sort((a, b) => b[1][1] - a[1][1]).slice(0, 15)) console.log(`${(ms / 1000).toFixed(2).padStart(7)} s ${String(n).padStart(7)}x ${k}`);
const pairs = await server.store.listDuplicatePairs?.({ limit: 5 });
console.log('pairs sample', pairs?.items?.length);
await server.close();
await db.drop();
