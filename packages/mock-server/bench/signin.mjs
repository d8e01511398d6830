// Sign-in starvation benchmark, run on the built dist: `node bench/signin.mjs` (or
// `npm run bench:signin -w @clientela/mock-server`). Fires rounds of 30 concurrent sign-ins
// (30 accounts, right passwords) while a probe requests /healthz one after another, and prints
// the probe's latency (median, p99, max) and the process RSS, once with the portable pure-JS
// scrypt (what the server used before, still the in-page server's) and once with node:crypto's
// (the Node entry's default). It prints figures; it never fails.
import { startServer } from '../dist/index.js';
import { portableScrypt } from '../dist/service/passwords.js';
import { nodeScrypt } from '../dist/platform/node-scrypt.js';

const CONCURRENCY = Number(process.env.SIGNIN_CONCURRENCY ?? 30);
const ROUNDS = Number(process.env.SIGNIN_ROUNDS ?? 3);
const pk = { Authorization: 'Bearer pk_test_clientela', 'Content-Type': 'application/json' };

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A valid CPF from 9 digits. */
function cpf(base) {
  const d = String(base).padStart(9, '0').split('').map(Number);
  for (const len of [9, 10]) {
    const sum = d.slice(0, len).reduce((acc, n, i) => acc + n * (len + 1 - i), 0);
    d.push(((sum * 10) % 11) % 10);
  }
  return d.join('');
}

async function run(name, scrypt) {
  const { url, close } = await startServer({ port: 0, scrypt, rateLimit: { windowMs: 60_000, max: 1e9 } });
  const accounts = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const email = `conta${i}@example.com`;
    const body = { kind: 'person', document: cpf(100_000_000 + i * 7919), firstName: 'Conta', lastName: `Número ${i}`, email, password: `senha-${i}-forte` };
    const res = await fetch(`${url}/v1/public/registrations`, { method: 'POST', headers: pk, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`register ${i}: ${res.status} ${await res.text()}`);
    accounts.push({ email, password: body.password });
  }
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const probe = [];
  let busy = true;
  const prober = (async () => {
    while (busy) {
      const t = performance.now();
      await (await fetch(`${url}/healthz`)).arrayBuffer();
      probe.push(performance.now() - t);
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }
  })();
  const t0 = performance.now();
  for (let r = 0; r < ROUNDS; r++) {
    const statuses = await Promise.all(
      accounts.map(async (a) => (await fetch(`${url}/v1/public/sessions`, { method: 'POST', headers: pk, body: JSON.stringify(a) })).status),
    );
    if (statuses.some((s) => s !== 201)) throw new Error(`sign-in statuses ${statuses.join(',')}`);
  }
  const seconds = (performance.now() - t0) / 1000;
  busy = false;
  await prober;
  await close();
  probe.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(26)} /healthz under ${CONCURRENCY} concurrent sign-ins: median ${pct(probe, 50).toFixed(1)} ms, p99 ${pct(probe, 99).toFixed(1)} ms, max ${probe[probe.length - 1].toFixed(1)} ms (${probe.length} probes); ` +
      `${ROUNDS * CONCURRENCY} sign-ins in ${seconds.toFixed(2)} s; RSS ${(rssBefore / 2 ** 20).toFixed(0)} → peak ${(rssPeak / 2 ** 20).toFixed(0)} MB`,
  );
}

const which = process.argv[2];
if (!which || which === 'portable') await run('portable scrypt (before)', portableScrypt);
if (!which || which === 'node') await run('node:crypto scrypt (now)', nodeScrypt);
