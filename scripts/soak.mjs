// Soak benchmark: `npm run soak` (default 10 minutes; `npm run soak -- --minutes 1`, or
// SOAK_MINUTES). Starts the built CLI on a SQLite file, drives a mixed workload from several
// concurrent workers — creates with Idempotency-Key (some retried), PATCH races on one ETag, bulk
// actions, small imports, exports (some cut short), sign-ins — kills the server with SIGKILL in
// the middle and restarts it on the same file, then checks that every write the server
// acknowledged is still there. Prints requests, 5xx, lost acknowledged writes (must be 0), race
// violations, p50/p99 latency and the server's RSS. A benchmark, not a test: it prints figures
// and exits 0 unless the server could not start.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { minutes: { type: 'string' }, workers: { type: 'string' }, seed: { type: 'string' } } });
const MINUTES = Number(values.minutes ?? process.env.SOAK_MINUTES ?? 10);
const WORKERS = Number(values.workers ?? process.env.SOAK_WORKERS ?? 8);
const SEED = Number(values.seed ?? 5000);
const CLI = new URL('../packages/mock-server/dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'clientela-soak-'));
const db = join(dir, 'soak.sqlite');
const SK = { Authorization: 'Bearer sk_test_clientela' };
const PK = { Authorization: 'Bearer pk_test_clientela' };

const state = { base: '', child: undefined, restarting: false };
const figures = { requests: 0, byStatus: new Map(), s5xx: 0, network: 0, latencies: [], raceViolations: 0, replayMismatches: 0 };
const acked = { creates: new Map(), patches: new Map(), imports: new Map() };
const rss = [];

function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

function start() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--db', db, '--seed', String(SEED), '--rate-limit', '100000000/60000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let ready = false;
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m && !ready) {
        ready = true;
        state.base = m[1];
        state.child = child;
        resolve(child);
      }
    });
    child.stderr.on('data', (d) => process.stderr.write(`[server] ${d}`));
    child.once('exit', (code, signal) => {
      if (!ready) reject(new Error(`server exited (${code ?? signal}) before listening: ${out}`));
    });
  });
}

let next = 600_000_000 + Math.floor(Math.random() * 100_000_000);
function cpf() {
  const d = String(next++).padStart(9, '0').split('').map(Number);
  for (const len of [9, 10]) {
    const sum = d.slice(0, len).reduce((acc, n, i) => acc + n * (len + 1 - i), 0);
    d.push(((sum * 10) % 11) % 10);
  }
  return d.join('');
}

async function call(method, path, { body, raw, headers = {}, key = SK, read = true } = {}) {
  if (state.restarting) {
    await new Promise((r) => setTimeout(r, 50));
    return { status: 0 };
  }
  const t = performance.now();
  try {
    const res = await fetch(`${state.base}${path}`, {
      method,
      headers: { ...key, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : raw,
    });
    let json;
    if (read) {
      const text = await res.text();
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
    }
    figures.latencies.push(performance.now() - t);
    figures.requests++;
    figures.byStatus.set(res.status, (figures.byStatus.get(res.status) ?? 0) + 1);
    if (res.status >= 500) figures.s5xx++;
    return { status: res.status, json, res };
  } catch {
    figures.network++;
    return { status: 0 };
  }
}

const person = () => ({ kind: 'person', document: cpf(), firstName: 'Soak', lastName: `Teste ${next}`, email: `soak.${next}.${Math.random().toString(36).slice(2, 8)}@example.com` });

async function createWithKey(ids) {
  const body = person();
  const key = `soak-${body.document}`;
  const a = await call('POST', '/v1/customers', { body, headers: { 'Idempotency-Key': key } });
  if (a.status === 201) {
    acked.creates.set(a.json.id, body.document);
    ids.push({ id: a.json.id, version: a.json.version });
    if (Math.random() < 0.3) {
      const b = await call('POST', '/v1/customers', { body, headers: { 'Idempotency-Key': key } });
      if (b.status === 201 && b.json.id !== a.json.id) figures.replayMismatches++;
    }
  }
}

async function patchRace(ids) {
  const target = ids[Math.floor(Math.random() * ids.length)];
  if (!target) return;
  const cur = await call('GET', `/v1/customers/${target.id}`);
  if (cur.status !== 200) return;
  const etag = cur.res.headers.get('etag');
  const [a, b] = await Promise.all(
    ['A', 'B'].map((who) => call('PATCH', `/v1/customers/${target.id}`, { body: { notes: `race ${who} ${Date.now()}` }, headers: { 'If-Match': etag, 'Idempotency-Key': `p-${target.id}-${etag}-${who}` } })),
  );
  const ok = [a, b].filter((r) => r.status === 200);
  const lost = [a, b].filter((r) => r.status === 412);
  if (a.status && b.status && !(ok.length === 1 && lost.length === 1)) figures.raceViolations++;
  for (const r of ok) {
    const prev = acked.patches.get(target.id) ?? 0;
    acked.patches.set(target.id, Math.max(prev, r.json.version));
  }
}

async function bulk(ids) {
  const some = ids.slice(-5).map((x) => x.id);
  if (!some.length) return;
  await call('POST', '/v1/customers/bulk', { body: { ids: some, action: 'setStatus', status: Math.random() < 0.5 ? 'active' : 'inactive' }, headers: { 'Idempotency-Key': `b-${Date.now()}-${Math.random()}` } });
}

async function importRows() {
  const rows = [person(), person()];
  const csv = `kind,document,firstName,lastName,email\r\n${rows.map((r) => `person,${r.document},${r.firstName},${r.lastName},${r.email}`).join('\r\n')}\r\n`;
  const r = await call('POST', '/v1/imports?dryRun=false', { raw: csv, headers: { 'Content-Type': 'text/csv', 'Idempotency-Key': `i-${rows[0].document}` } });
  if (r.status === 200) for (const row of r.json.rows) if (row.outcome === 'create' && row.id) acked.imports.set(row.id, row.document);
}

async function exportCsv(ids) {
  if (Math.random() < 0.2) {
    // A full export cut short after its first chunk.
    const r = await call('POST', '/v1/exports', { body: { format: 'csv', columns: ['id', 'name', 'document'] }, read: false });
    if (r.res?.body) {
      const reader = r.res.body.getReader();
      await reader.read().catch(() => {});
      await reader.cancel().catch(() => {});
    }
    return;
  }
  if (ids.length) await call('POST', '/v1/exports', { body: { format: 'csv', ids: ids.slice(-20).map((x) => x.id) } });
}

async function signIn(account) {
  const right = Math.random() < 0.7;
  await call('POST', '/v1/public/sessions', { key: PK, body: { email: right ? account.email : `nobody.${Math.floor(Math.random() * 50)}@example.com`, password: right ? account.password : 'errada-123' } });
}

async function worker(n, until, account) {
  const ids = [];
  while (performance.now() < until) {
    const p = Math.random();
    if (p < 0.35) await createWithKey(ids);
    else if (p < 0.55) await patchRace(ids);
    else if (p < 0.62) await bulk(ids);
    else if (p < 0.7) await importRows();
    else if (p < 0.76) await exportCsv(ids);
    else if (p < 0.84) await signIn(account);
    else await call('GET', `/v1/customers?limit=50&q=${['ana', 'silva', 'soak', '1'][n % 4]}`);
  }
}

function pct(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function verify() {
  let lost = 0;
  let checked = 0;
  const entries = [...acked.creates, ...acked.imports];
  const queue = [...entries];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let e = queue.pop(); e; e = queue.pop()) {
        const [id, document] = e;
        const r = await call('GET', `/v1/customers/${id}`);
        checked++;
        if (r.status !== 200 || r.json.document !== document) lost++;
        const version = acked.patches.get(id);
        if (version !== undefined && r.status === 200 && r.json.version < version) lost++;
      }
    }),
  );
  return { lost, checked };
}

const t0 = Date.now();
const first = await start();
console.log(`soak: ${MINUTES} min, ${WORKERS} workers, SQLite ${db}, ${SEED} seeded customers; server ${state.base}`);
rss.push(['start', rssOf(first.pid)]);
const acct = { email: `soak.account.${Date.now()}@example.com`, password: 'senha-do-soak-2026' };
const reg = await call('POST', '/v1/public/registrations', { key: PK, body: { ...person(), email: acct.email, password: acct.password } });
if (reg.status !== 201) console.log(`soak: registering the sign-in account answered ${reg.status}`);

const durationMs = MINUTES * 60_000;
const until = performance.now() + durationMs;
const killer = (async () => {
  await new Promise((r) => setTimeout(r, durationMs / 2));
  rss.push(['before kill -9', rssOf(state.child.pid)]);
  state.restarting = true;
  const old = state.child;
  const t = performance.now();
  old.kill('SIGKILL');
  await new Promise((r) => old.once('exit', r));
  const again = await start();
  state.restarting = false;
  console.log(`soak: killed with SIGKILL at ${(durationMs / 2 / 1000).toFixed(0)} s; restarted on the same file in ${((performance.now() - t) / 1000).toFixed(2)} s`);
  rss.push(['after restart', rssOf(again.pid)]);
})();
await Promise.all(Array.from({ length: WORKERS }, (_, n) => worker(n, until, acct)));
await killer;
rss.push(['end', rssOf(state.child.pid)]);
const { lost, checked } = await verify();
state.child.kill('SIGTERM');
await new Promise((r) => state.child.once('exit', r));
rmSync(dir, { recursive: true, force: true });

const lat = figures.latencies.sort((a, b) => a - b);
const statuses = [...figures.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`).join(' ');
console.log(`soak: ${((Date.now() - t0) / 1000).toFixed(0)} s in all`);
console.log(`  requests               ${figures.requests} (${(figures.requests / (durationMs / 1000)).toFixed(0)}/s); by status ${statuses}`);
console.log(`  5xx                    ${figures.s5xx}`);
console.log(`  connection failures    ${figures.network} (requests cut by the kill -9)`);
console.log(`  acknowledged writes    ${acked.creates.size} creates, ${acked.imports.size} imported rows, ${acked.patches.size} patched customers; checked ${checked} after the restart`);
console.log(`  lost acknowledged      ${lost} (must be 0)`);
console.log(`  PATCH race violations  ${figures.raceViolations} (two writes on one ETag must give one 200 and one 412)`);
console.log(`  replay mismatches      ${figures.replayMismatches} (a retried create with its key must return the same customer)`);
console.log(`  latency                p50 ${pct(lat, 50).toFixed(1)} ms, p99 ${pct(lat, 99).toFixed(1)} ms, max ${lat.length ? lat[lat.length - 1].toFixed(1) : NaN} ms`);
console.log(`  server RSS             ${rss.map(([k, v]) => `${k} ${v.toFixed(0)} MB`).join(', ')}`);
