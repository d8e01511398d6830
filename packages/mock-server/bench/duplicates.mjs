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
import pg from 'pg';
import { startServer } from '../dist/index.js';

const SIZES = (process.env.BENCH_DUPLICATE_SIZES ?? '100000').split(',').map(Number);
const STORES = (process.env.BENCH_STORES ?? 'memory,sqlite,postgres').split(',');
const WRITES = Number(process.env.BENCH_DUPLICATE_WRITES ?? 300);
const AUTH = { Authorization: 'Bearer sk_test_clientela' };
const PG_ADMIN = process.env.CLIENTELA_BENCH_DATABASE_URL || process.env.CLIENTELA_TEST_DATABASE_URL || 'postgres://clientela:clientela@127.0.0.1:5432/clientela';

async function admin(sql) {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const f = (x) => x.toFixed(2);
const dir = mkdtempSync(join(tmpdir(), 'clientela-bench-dup-'));

for (const size of SIZES) {
  for (const store of STORES) {
    let where = {};
    let dbName;
    if (store === 'sqlite') where = { db: join(dir, `dup-${size}.sqlite`) };
    if (store === 'postgres') {
      dbName = `clientela_bench_dup_${size}_${process.pid}`;
      try {
        await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await admin(`CREATE DATABASE ${dbName}`);
      } catch (e) {
        console.log(`${String(size).padStart(6)} postgres: no server (${e.message}); start one to include it`);
        continue;
      }
      const url = new URL(PG_ADMIN);
      url.pathname = `/${dbName}`;
      where = { databaseUrl: url.toString() };
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
    if (dbName) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    console.log(
      `${String(size).padStart(6)} ${store.padEnd(8)} duplicates: seed (filing every customer) ${seedSeconds.toFixed(1)}s | per write: refresh step p50/p99 ${f(pct(step, 50))}/${f(pct(step, 99))} ms, whole PATCH p50/p99 ${f(pct(write, 50))}/${f(pct(write, 99))} ms | full run ${fullSeconds.toFixed(1)}s over ${state.processed} customers | first page: ${top.items.length} pairs, top score ${top.items[0]?.score ?? '-'}`,
    );
  }
}
rmSync(dir, { recursive: true, force: true });
