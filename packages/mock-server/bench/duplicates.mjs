// Benchmark of duplicate detection (#18 §3), run on the built dist: `npm run bench -w @clientela/mock-server`.
// For BENCH_DUPLICATE_SIZES seeded customers (default 100,000), in memory, in SQLite and in
// PostgreSQL (a database of its own, as bench.mjs): the seed (which files every customer under
// its duplicate keys and pairs it), the per-write cost of the incremental step alone (one
// customer refreshed in its own transaction) and of a whole PATCH over HTTP, and the time of the
// full recomputation (`POST /v1/duplicates/rebuild` until it reports `done`). Prints figures;
// fails nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../dist/index.js';
import { freshDatabase } from './pg-database.mjs';

const SIZES = (process.env.BENCH_DUPLICATE_SIZES ?? '100000').split(',').map(Number);
const STORES = (process.env.BENCH_STORES ?? 'memory,sqlite,postgres').split(',');
const WRITES = Number(process.env.BENCH_DUPLICATE_WRITES ?? 300);
const AUTH = { Authorization: 'Bearer sk_test_clientela' };

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const f = (x) => x.toFixed(2);
const dir = mkdtempSync(join(tmpdir(), 'clientela-bench-dup-'));

for (const size of SIZES) {
  for (const store of STORES) {
    let where = {};
    let database;
    if (store === 'sqlite') where = { db: join(dir, `dup-${size}.sqlite`) };
    if (store === 'postgres') {
      database = await freshDatabase(`clientela_bench_dup_${size}_${process.pid}`);
      if (database.error) {
        console.log(`${String(size).padStart(6)} postgres: no server (${database.error}); start one to include it`);
        continue;
      }
      where = { databaseUrl: database.url };
    }
    const t0 = performance.now();
    const started = await startServer({ port: 0, seed: size, ...where });
    const seedSeconds = (performance.now() - t0) / 1000;
    const s = started.server.store;
    const { url } = started;
    const page = await s.listCustomers({ query: { statuses: ['active'] }, sort: { field: 'createdAt', desc: true }, limit: WRITES });

    // The incremental step alone: one customer filed and paired again, in its own transaction.
    const step = [];
    for (const c of page.items) {
      const t = performance.now();
      await s.refreshDuplicates([c]);
      step.push(performance.now() - t);
    }
    step.sort((a, b) => a - b);

    // A whole write over HTTP (validation, the row, the data log, the event, and the step above).
    const write = [];
    for (const [i, c] of page.items.entries()) {
      const t = performance.now();
      const res = await fetch(`${url}/v1/customers/${c.id}`, {
        method: 'PATCH',
        headers: { ...AUTH, 'Content-Type': 'application/json', 'If-Match': `"${c.version}"` },
        body: JSON.stringify({ notes: `bench ${i}` }),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`PATCH → ${res.status}`);
      write.push(performance.now() - t);
    }
    write.sort((a, b) => a - b);

    const t1 = performance.now();
    await fetch(`${url}/v1/duplicates/rebuild`, { method: 'POST', headers: AUTH });
    let state;
    do {
      await new Promise((r) => setTimeout(r, 100));
      state = await (await fetch(`${url}/v1/duplicates/rebuild`, { headers: AUTH })).json();
    } while (state.status !== 'done');
    const fullSeconds = (performance.now() - t1) / 1000;
    const top = await (await fetch(`${url}/v1/duplicates?limit=200`, { headers: AUTH })).json();
    await started.close();
    await database?.drop();
    console.log(
      `${String(size).padStart(6)} ${store.padEnd(8)} duplicates: seed (filing every customer) ${seedSeconds.toFixed(1)}s | per write: refresh step p50/p99 ${f(pct(step, 50))}/${f(pct(step, 99))} ms, whole PATCH p50/p99 ${f(pct(write, 50))}/${f(pct(write, 99))} ms | full run ${fullSeconds.toFixed(1)}s over ${state.processed} customers | first page: ${top.items.length} pairs, top score ${top.items[0]?.score ?? '-'}`,
    );
  }
}
rmSync(dir, { recursive: true, force: true });
