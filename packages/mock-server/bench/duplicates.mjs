// Benchmark of duplicate detection (#18 §3), run on the built dist: `npm run bench -w @clientela/mock-server`.
// For BENCH_DUPLICATE_SIZES seeded customers (default 100,000), in memory, in SQLite and in
// PostgreSQL (a database of its own, as bench.mjs): the seed (which files every customer under
// its duplicate keys and pairs it), the per-write cost of the incremental step alone (one
// customer refreshed in its own transaction) and of a whole PATCH over HTTP, and the time of the
// full recomputation (`POST /v1/duplicates/rebuild` until it reports `done`) with the number of
// pairs it found. Beside them, once per size, the reference: a naive detection that compares every
// customer with every other (the same reasons and name similarity, no keys), timed on a sample of
// BENCH_DUPLICATE_SAMPLE customers (default 2,000: the top pairs' customers, then others) and
// extrapolated to the whole base by its n²/2 comparisons, with how many of the naive pairs the
// keyed detection finds on that sample. Prints figures; fails nothing. Part of `npm run bench`:
// about a minute per store at 100,000 on this machine, so it needs no flag of its own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cityKey } from '@clientela/core/format';
import { startServer } from '../dist/index.js';
import { duplicateKeysOf, nameSimilarity, NAME_THRESHOLD, pairsFrom } from '../dist/store/duplicate-rows.js';
import { freshDatabase } from './pg-database.mjs';

const SIZES = (process.env.BENCH_DUPLICATE_SIZES ?? '100000').split(',').map(Number);
const STORES = (process.env.BENCH_STORES ?? 'memory,sqlite,postgres').split(',');
const WRITES = Number(process.env.BENCH_DUPLICATE_WRITES ?? 300);
const AUTH = { Authorization: 'Bearer sk_test_clientela' };

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const f = (x) => x.toFixed(2);
const SAMPLE = Number(process.env.BENCH_DUPLICATE_SAMPLE ?? 2000);

/** What the naive comparison reads of a customer: the normalized values the keys are made of. */
function profile(c) {
  const rows = duplicateKeysOf(c);
  const value = (prefix) => rows.find((r) => r.key.startsWith(prefix))?.key.slice(2);
  return {
    id: c.id, live: rows[0]?.live ?? false, name: rows[0]?.name ?? '',
    document: value('d:'), email: value('e:'), phone: value('p:'),
    cep: c.address?.postalCode.replace(/\D/g, ''), city: c.address ? `${c.address.state}:${cityKey(c.address.city)}` : undefined,
  };
}

/** Every customer against every other: the pairs (a|b) with at least one reason. */
function naivePairs(profiles) {
  const out = new Set();
  for (let i = 0; i < profiles.length; i++) {
    const x = profiles[i];
    for (let j = i + 1; j < profiles.length; j++) {
      const y = profiles[j];
      if (!x.live && !y.live) continue;
      let found = x.document === y.document || (x.live && y.live && ((x.email && x.email === y.email) || (x.phone && x.phone === y.phone)));
      if (!found && x.live && y.live && ((x.cep && x.cep === y.cep) || (x.city && x.city === y.city))) {
        const similarity = Math.round(nameSimilarity(x.name, y.name) * 100) / 100;
        found = (x.cep && x.cep === y.cep && similarity >= NAME_THRESHOLD.postal) || (x.city && x.city === y.city && similarity >= NAME_THRESHOLD.city);
      }
      if (found) out.add(x.id < y.id ? `${x.id}|${y.id}` : `${y.id}|${x.id}`);
    }
  }
  return out;
}

/** The naive reference on a sample of `SAMPLE` customers, printed beside the stores' figures. */
async function reference(size, s, topPairs) {
  const ids = new Set(topPairs.flatMap((p) => p.customers.map((c) => c.id)));
  const sample = [];
  for (const id of ids) {
    const c = await s.getCustomer(id);
    if (c && sample.length < SAMPLE) sample.push(c);
  }
  for (let offset = 0; sample.length < SAMPLE; offset += 500) {
    const page = await s.listCustomers({ query: { statuses: ['active'] }, sort: { field: 'createdAt', desc: true }, offset, limit: 500 });
    for (const c of page.items) if (!ids.has(c.id) && sample.length < SAMPLE) sample.push(c);
    if (!page.hasMore) break;
  }
  const profiles = sample.map(profile);
  const t0 = performance.now();
  const naive = naivePairs(profiles);
  const naiveMs = performance.now() - t0;
  const rows = sample.flatMap(duplicateKeysOf);
  const t1 = performance.now();
  const keyed = new Set(pairsFrom(rows, rows, new Date().toISOString()).map((p) => `${p.a}|${p.b}`));
  const keyedMs = performance.now() - t1;
  const compares = (n) => (n * (n - 1)) / 2;
  const whole = (naiveMs / compares(sample.length)) * compares(size);
  const found = [...naive].filter((k) => keyed.has(k)).length;
  console.log(
    `${String(size).padStart(6)} reference  naive pairwise (every customer against every other, in process): ${sample.length} customers, ${compares(sample.length).toLocaleString('en')} comparisons in ${naiveMs.toFixed(0)} ms → ${compares(size).toLocaleString('en')} comparisons for ${size.toLocaleString('en')} customers ≈ ${(whole / 1000).toFixed(0)} s (${(whole / 60_000).toFixed(1)} min), one core | keyed on the same sample ${keyedMs.toFixed(1)} ms; it finds ${found} of the naive's ${naive.size} pairs (${keyed.size - found} more the naive misses: none expected)`,
  );
}
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
    // Every pair the full run found, counted from the store a page of 1,000,000 at a time: over
    // HTTP (each pair read with both customers) it took longer than the run itself at 100,000, and
    // the memory store sorts every pair for each page it lists (2 s a page of 200 at 100,000).
    let pairs = 0;
    for (let after; ; ) {
      const page = await s.listDuplicatePairs({ limit: 1_000_000, ...(after ? { after } : {}) });
      pairs += page.items.length;
      const last = page.items.at(-1);
      if (!page.hasMore || !last) break;
      after = { score: last.score, a: last.a, b: last.b };
    }
    if (store === STORES[0]) await reference(size, s, top.items);
    await started.close();
    await database?.drop();
    console.log(
      `${String(size).padStart(6)} ${store.padEnd(8)} duplicates: seed (filing every customer) ${seedSeconds.toFixed(1)}s | per write: refresh step p50/p99 ${f(pct(step, 50))}/${f(pct(step, 99))} ms, whole PATCH p50/p99 ${f(pct(write, 50))}/${f(pct(write, 99))} ms | full run ${fullSeconds.toFixed(1)}s over ${state.processed} customers, ${pairs.toLocaleString('en')} pairs found (top score ${top.items[0]?.score ?? '-'})`,
    );
  }
}
rmSync(dir, { recursive: true, force: true });
