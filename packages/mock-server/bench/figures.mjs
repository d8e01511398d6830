// Category figures (`GET /v1/categories/figures`, what the category manager shows on open) at
// BENCH_FIGURES_SIZES customers (default 10,000) seeded with their order history, in memory, in
// SQLite and in PostgreSQL: p50/p99 ms over HTTP. The store sums the rows (one aggregate query in
// SQL); before that, the server read every customer, about 0.6 s at 10,000 on SQLite.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../dist/index.js';
import { freshDatabase } from './pg-database.mjs';

const SIZES = (process.env.BENCH_FIGURES_SIZES ?? '10000').split(',').map(Number);
const SAMPLES = Number(process.env.BENCH_FIGURES_SAMPLES ?? 40);
const STORES = (process.env.BENCH_STORES ?? 'memory,sqlite,postgres').split(',');
const AUTH = { Authorization: 'Bearer sk_test_clientela' };
const dir = mkdtempSync(join(tmpdir(), 'clientela-figures-'));
const f = (x) => x.toFixed(2);

console.log(`category figures, seeded with order history; load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
for (const size of SIZES) {
  for (const store of STORES) {
    let where = {};
    let database;
    if (store === 'sqlite') where = { db: join(dir, `figures-${size}.sqlite`) };
    if (store === 'postgres') {
      database = await freshDatabase(`clientela_figures_${size}_${process.pid}`);
      if (database.error) {
        console.log(`${String(size).padStart(6)} postgres: no server (${database.error}); start one to include it`);
        continue;
      }
      where = { databaseUrl: database.url };
    }
    const t0 = performance.now();
    const started = await startServer({ port: 0, seed: size, seedHistory: true, ...where });
    const seedSeconds = (performance.now() - t0) / 1000;
    const ask = async () => {
      const t = performance.now();
      const r = await fetch(`${started.url}/v1/categories/figures`, { headers: AUTH });
      const body = await r.json();
      if (!r.ok) throw new Error(`figures answered ${r.status}`);
      return { ms: performance.now() - t, body };
    };
    const { body } = await ask();
    const times = [];
    for (let i = 0; i < SAMPLES; i++) times.push((await ask()).ms);
    times.sort((a, b) => a - b);
    const members = body.items.reduce((n, x) => n + x.members, 0);
    const windows = body.items.reduce((n, x) => n + x.ordersLast30Days + x.ordersPrevious30Days, 0);
    console.log(
      `${String(size).padStart(6)} ${store.padEnd(8)} seed ${seedSeconds.toFixed(1)}s | figures p50/p99 ${f(times[Math.floor(times.length / 2)])}/${f(times[Math.min(times.length - 1, Math.floor(times.length * 0.99))])} ms over ${body.items.length} categories (${members} memberships, ${windows} orders in the two windows) | load ${loadavg()[0].toFixed(1)}`,
    );
    await started.close();
    await database?.drop();
  }
}
rmSync(dir, { recursive: true, force: true });
