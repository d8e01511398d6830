// Benchmark of the mock server, run on the built dist: `npm run bench -w @clientela/mock-server`.
// For 10,000 and 100,000 seeded customers, in memory, in SQLite and in PostgreSQL (a database of
// its own on CLIENTELA_BENCH_DATABASE_URL's server, else CLIENTELA_TEST_DATABASE_URL's, else the
// local development role; skipped, with a line saying so, when no server answers): p50/p99 latency over HTTP of
// a page, a search by a common name fragment and by a CPF fragment, and requests/s of the list
// route under 10 connections (autocannon), next to a bare Hono route that returns a page from an
// array, measured in the same run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { loadavg } from 'node:os';
import pg from 'pg';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { startServer } from '../dist/index.js';

const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
// Requests sent before each latency or CPU run is measured: a server in service has compiled its
// hot paths long ago, and the first few hundred requests of a fresh process mostly measure V8's
// compiler (at 100,000 on PostgreSQL, a page's p99 was 8.9 ms over a fresh process's first 1,500 requests
// and 5.5 ms once 500 had warmed it).
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const AUTH = { Authorization: 'Bearer sk_test_clientela' };
// The list, its search and its filters read the customers table alone, so by default the bench
// seeds customers without their order and credit rows (writing 100,000 histories through the
// services takes many minutes per store); BENCH_HISTORY=1 writes them too.
const HISTORY = process.env.BENCH_HISTORY === '1';
const STORES = (process.env.BENCH_STORES ?? 'memory,sqlite,postgres').split(',');
const PG_ADMIN = process.env.CLIENTELA_BENCH_DATABASE_URL || process.env.CLIENTELA_TEST_DATABASE_URL || 'postgres://clientela:clientela@127.0.0.1:5432/clientela';

// BENCH_KEEP_DATABASE=1 keeps each PostgreSQL database (clientela_bench_keep_<size>) after the
// run and reuses it, already seeded, on the next one: seeding 100,000 customers takes minutes.
const KEEP = process.env.BENCH_KEEP_DATABASE === '1';

/** A fresh (or, kept, a reused) database for one PostgreSQL run, or undefined (and why) when no server answers. */
async function pgDatabase(size) {
  const name = KEEP ? `clientela_bench_keep_${size}` : `clientela_bench_${size}_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await admin.connect();
  } catch (e) {
    return { error: e.message };
  }
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount > 0;
  if (!KEEP || !exists) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (KEEP) return;
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
const dir = mkdtempSync(join(tmpdir(), 'clientela-bench-'));

// Garbage collections in this process (the server's): a request that meets one pays for it, so
// the collections per request say how much of a p99 the server's allocations can explain.
const collections = [];
new PerformanceObserver((list) => collections.push(...list.getEntries())).observe({ entryTypes: ['gc'] });

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** V8's name of a collection kind (PerformanceObserver's detail.kind). */
const GC_KINDS = { 1: 'minor', 2: 'major', 4: 'incremental', 8: 'weak callbacks', 16: 'minor' };

async function latency(url, paths) {
  const requests = [];
  // The server shares this process: what delays its event loop delays the answers (and the
  // next request's start), so the loop's delay is read beside the latencies.
  const loop = monitorEventLoopDelay({ resolution: 1 });
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    if (i === WARMUP) loop.enable();
    const t = performance.now();
    const res = await fetch(url + paths[i % paths.length], { headers: AUTH });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${paths[i % paths.length]} → ${res.status}`);
    if (i >= WARMUP) requests.push({ t0: t, t1: performance.now() });
  }
  loop.disable();
  await new Promise((resolve) => setTimeout(resolve, 20)); // the observer hears of collections in a later task
  const times = requests.map((r) => r.t1 - r.t0).sort((a, b) => a - b);
  const p99 = pct(times, 99);
  // The slowest requests (at or past the p99): how many a collection in this process overlapped,
  // and of which kinds — the evidence of whether a tail is the server's garbage or elsewhere.
  const tail = requests.filter((r) => r.t1 - r.t0 >= p99);
  const met = tail.map((r) => collections.filter((e) => e.startTime < r.t1 && e.startTime + e.duration > r.t0));
  const kinds = {};
  for (const list of met) for (const e of list) kinds[GC_KINDS[e.detail?.kind] ?? 'other'] = (kinds[GC_KINDS[e.detail?.kind] ?? 'other'] ?? 0) + 1;
  return {
    p50: pct(times, 50),
    p99,
    tail: { n: tail.length, withGc: met.filter((l) => l.length).length, kinds, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 },
  };
}

/**
 * CPU time (ms) used so far by each server process of one PostgreSQL database, read from /proc
 * (when PostgreSQL runs on this machine; otherwise undefined): the share of a request that the
 * Node process's own CPU time leaves out, and which load on the machine barely changes either.
 */
async function databaseCpu(name) {
  if (!name) return undefined;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  try {
    const { rows } = await admin.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [name]);
    const ms = new Map();
    for (const { pid } of rows) {
      // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name): user and system time in 1/100 s.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ms.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    }
    return ms;
  } catch {
    return undefined;
  } finally {
    await admin.end();
  }
}

/**
 * CPU time of the server's own work per request (in process, no HTTP), which load on the machine
 * barely changes; for PostgreSQL also the database's CPU time per request (mean).
 */
async function cpu(server, paths, database) {
  const times = [];
  let db0;
  let t0 = 0;
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    if (i === WARMUP) {
      db0 = await databaseCpu(database);
      t0 = performance.now();
    }
    const c0 = process.cpuUsage();
    const res = await server.fetch(new Request(`http://bench${paths[i % paths.length]}`, { headers: AUTH }));
    await res.arrayBuffer();
    const c = process.cpuUsage(c0);
    if (i >= WARMUP) times.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  // The observer hears of collections in a later task: a store that answers without I/O (memory)
  // gives it none during the loop, so the count waits a moment and goes by when each one started.
  const t1 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const gcs = collections.filter((e) => e.startTime >= t0 && e.startTime <= t1);
  const db1 = db0 === undefined ? undefined : await databaseCpu(database);
  // A connection the pool opened meanwhile counts from zero; one it closed (idle) did no work.
  const db = db1 && [...db1].reduce((sum, [pid, ms]) => sum + ms - (db0.get(pid) ?? 0), 0) / SAMPLES;
  return { p50: pct(times, 50), p99: pct(times, 99), db, gcPer100: (gcs.length * 100) / SAMPLES, gcMs: gcs.reduce((sum, e) => sum + e.duration, 0) / SAMPLES };
}

function cannon(url, headers) {
  return new Promise((resolve, reject) =>
    autocannon({ url, connections: 10, duration: DURATION, headers }, (err, result) => (err ? reject(err) : resolve(result.requests.average))),
  );
}

async function bare(items) {
  const app = new Hono();
  const body = { items, nextCursor: 'x', total: items.length };
  app.get('/page', (c) => c.json(body));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ url: `http://127.0.0.1:${info.port}/page`, close: () => server.close() }));
  });
}

const f = (n) => n.toFixed(2).padStart(7);
console.log(`seeded ${HISTORY ? 'with' : 'without'} order and credit history (BENCH_HISTORY=1 writes it)`);
console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (${(await import('node:os')).cpus().length} cores)`);
const rows = [];
for (const size of SIZES) {
  for (const store of STORES) {
    const database = store === 'postgres' ? await pgDatabase(size) : undefined;
    if (database?.error) {
      console.log(`${String(size).padStart(6)} postgres: no server at ${PG_ADMIN.replace(/:[^:@/]*@/, ':***@')} (${database.error}); start one to include it`);
      continue;
    }
    const t0 = performance.now();
    const where = store === 'sqlite' ? { db: join(dir, `bench-${size}.sqlite`) } : store === 'postgres' ? { databaseUrl: database.url } : {};
    const started = await startServer({ port: 0, seed: size, seedHistory: HISTORY, ...where });
    const seedSeconds = (performance.now() - t0) / 1000;
    const { url } = started;
    const first = await (await fetch(`${url}/v1/customers?limit=50`, { headers: AUTH })).json();
    // CPF fragments: 6 middle digits of real documents (read in full, as an admin would).
    const cpfs = [];
    for (const c of first.items.filter((x) => x.kind === 'person').slice(0, 20)) {
      const full = await (await fetch(`${url}/v1/customers/${c.id}`, { headers: AUTH })).json();
      cpfs.push(full.document.slice(3, 9));
    }
    const names = ['silva', 'santos', 'oliveira', 'souza', 'maria', 'joao', 'lima', 'costa'].map((q) => `/v1/customers?limit=50&q=${q}`);
    const cpfPaths = cpfs.map((q) => `/v1/customers?limit=50&q=${q}`);
    // A three-condition filter (core's filter language) with a name search, as a segment view sends it.
    const filters = ['uf-SP.last-notwithin-90.spent-min-10000', 'consent-whatsapp-yes.orders-min-2.bday-month-12', 'kind-person.since-from-20240101.ticket-min-5000'];
    const filterPaths = names.flatMap((p) => filters.map((f) => `${p}&filter=${f}`));
    const page = await latency(url, ['/v1/customers?limit=50']);
    const name = await latency(url, names);
    const cpf = await latency(url, cpfPaths);
    const filtered = await latency(url, filterPaths);
    const pageCpu = await cpu(started.server, ['/v1/customers?limit=50'], database?.name);
    const nameCpu = await cpu(started.server, names, database?.name);
    const cpfCpu = await cpu(started.server, cpfPaths, database?.name);
    const filterCpu = await cpu(started.server, filterPaths, database?.name);
    const b = await bare(first.items);
    const bareRps = await cannon(b.url, {});
    b.close();
    const listRps = await cannon(`${url}/v1/customers?limit=50`, AUTH);
    await started.close();
    await database?.drop();
    rows.push({ size, store, seedSeconds, page, name, cpf, filtered, listRps, bareRps, pageCpu, nameCpu, cpfCpu, filterCpu });
    const load = loadavg()[0].toFixed(1);
    const dbCpu = nameCpu.db === undefined ? '' : ` | database CPU per request (mean): page ${f(pageCpu.db)}, name ${f(nameCpu.db)}, cpf ${f(cpfCpu.db)}, filter+name ${f(filterCpu.db)} ms`;
    const gc = (x) => `${x.gcPer100.toFixed(1)} (${x.gcMs.toFixed(2)} ms per request)`;
    const gcLine = ` | GCs per 100 requests in process: page ${gc(pageCpu)}, name ${gc(nameCpu)}, filter+name ${gc(filterCpu)}`;
    const tailOf = (label, x) => `${label} ${x.tail.withGc}/${x.tail.n}${Object.keys(x.tail.kinds).length ? ` (${Object.entries(x.tail.kinds).map(([k, n]) => `${n} ${k}`).join(', ')})` : ''}, loop delay p99/max ${x.tail.loopP99.toFixed(1)}/${x.tail.loopMax.toFixed(1)} ms`;
    const tailLine = `\n       slowest requests (≥ p99) that met a garbage collection, and the event loop's delay, over HTTP: ${tailOf('page', page)}; ${tailOf('name', name)}; ${tailOf('cpf', cpf)}; ${tailOf('filter+name', filtered)}`;
    console.log(
      `${String(size).padStart(6)} ${store.padEnd(6)} seed ${seedSeconds.toFixed(1)}s | page p50/p99 ${f(page.p50)}/${f(page.p99)} ms | name ${f(name.p50)}/${f(name.p99)} ms | cpf ${f(cpf.p50)}/${f(cpf.p99)} ms | filter+name ${f(filtered.p50)}/${f(filtered.p99)} ms | list ${listRps.toFixed(0)} req/s vs bare ${bareRps.toFixed(0)} req/s (ratio ${(listRps / bareRps).toFixed(2)}) | server CPU per search p50/p99: name ${f(nameCpu.p50)}/${f(nameCpu.p99)} ms, cpf ${f(cpfCpu.p50)}/${f(cpfCpu.p99)} ms, filter+name ${f(filterCpu.p50)}/${f(filterCpu.p99)} ms, page ${f(pageCpu.p50)}/${f(pageCpu.p99)} ms${dbCpu}${gcLine} | load ${load}${tailLine}`,
    );
  }
}
rmSync(dir, { recursive: true, force: true });

console.log('\nTargets at 100,000: search p99 ≤ 15 ms (name and CPF fragment); list page p99 ≤ 10 ms; list ≥ 0.5 × bare req/s; a three-condition filter with a name search p99 ≤ 20 ms.');
for (const r of rows.filter((x) => x.size >= 100_000)) {
  const ok = r.name.p99 <= 15 && r.cpf.p99 <= 15 && r.page.p99 <= 10 && r.listRps / r.bareRps >= 0.5;
  console.log(`${r.size} ${r.store}: ${ok ? 'met' : 'NOT met'}; filter+name p99 ${r.filtered.p99.toFixed(2)} ms: ${r.filtered.p99 <= 20 ? 'met' : 'NOT met'}`);
}
