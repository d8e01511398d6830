import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/postgres.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { PERSON } from './helpers.js';

// Two server processes on one PostgreSQL database, raced against each other: every rule of the
// contract must hold across processes, which only the database can guarantee.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'packages/mock-server/dist/cli.js');
const SK = 'sk_test_clientela';
const PK = 'pk_test_clientela';
const RACERS = 20;

interface Proc {
  child: ChildProcess;
  url: string;
}

let db: TestDatabase;
const procs: Proc[] = [];

function start(url: string, extra: string[] = []): Promise<Proc> {
  const child = spawn(process.execPath, [cli, '--port', '0', '--database-url', url, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^Clientela mock server listening on (http:\/\/\S+)$/.exec(line);
      if (m) {
        child.removeAllListeners('exit');
        const p = { child, url: m[1]! };
        procs.push(p);
        resolve(p);
      }
    });
  });
}

function kill(p: Proc, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
    p.child.once('exit', () => resolve());
    p.child.kill(signal);
  });
}

async function call(p: Proc, method: string, path: string, body?: unknown, headers: Record<string, string> = {}, key = SK) {
  const res = await fetch(`${p.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

function tally(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

// Fresh CPFs from the seed generator (a PRNG seeded apart from the database's 50 customers).
const rng = new Prng(Date.now() % 1_000_000_007);
const cpf = () => generateCpf(rng);

const person = (n: number) => ({ ...PERSON, document: cpf(), email: `corrida${n}.${Date.now()}@example.com.br` });

let a: Proc;
let b: Proc;

beforeAll(async () => {
  db = await createTestDatabase();
  a = await start(db.url, ['--seed', '50']);
  b = await start(db.url);
}, 120_000);

afterAll(async () => {
  await Promise.all(procs.map((p) => kill(p)));
  await db?.drop();
});

describe('two server processes on one PostgreSQL database', () => {
  it('both serve the same data (the second did not reseed)', async () => {
    expect((await call(a, 'GET', '/healthz')).json).toMatchObject({ store: 'postgres', customers: 50 });
    expect((await call(b, 'GET', '/healthz')).json).toMatchObject({ store: 'postgres', customers: 50 });
  });

  it(`${RACERS} PATCHes with one ETag, split across the processes → exactly one 200, the rest 412`, async () => {
    const c = (await call(a, 'POST', '/v1/customers', person(1))).json;
    const replies = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => call(i % 2 ? b : a, 'PATCH', `/v1/customers/${c.id}`, { notes: `racer ${i}` }, { 'If-Match': `"${c.version}"` })),
    );
    expect(tally(replies.map((r) => r.status))).toEqual({ 200: 1, 412: RACERS - 1 });
    const winner = replies.find((r) => r.status === 200)!.json;
    expect((await call(b, 'GET', `/v1/customers/${c.id}`)).json).toMatchObject({ version: c.version + 1, notes: winner.notes });
  });

  it(`${RACERS} PATCHes of one order with one ETag, split across the processes → exactly one 200; the figures count the winner once`, async () => {
    const c = (await call(a, 'POST', '/v1/customers', person(50))).json;
    const placedAt = '2026-10-01T12:00:00.000Z';
    const o = (await call(a, 'POST', '/v1/orders', { customerId: c.id, number: `R-${c.id}`, placedAt, itemsCount: 1, totalCents: 9_900, status: 'shipped' })).json;
    // Half the racers return the order, half mark it delivered: whichever wins, it wins alone.
    const replies = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => call(i % 2 ? b : a, 'PATCH', `/v1/orders/${o.id}`, { status: i % 4 < 2 ? 'returned' : 'delivered' }, { 'If-Match': `"${o.version}"` })),
    );
    expect(tally(replies.map((r) => r.status))).toEqual({ 200: 1, 412: RACERS - 1 });
    const winner = replies.find((r) => r.status === 200)!.json;
    expect((await call(b, 'GET', `/v1/orders/${o.id}`)).json).toMatchObject({ version: o.version + 1, status: winner.status });
    const stats = (await call(a, 'GET', `/v1/customers/${c.id}?document=masked`)).json.stats;
    expect(stats).toMatchObject(winner.status === 'returned' ? { ordersCount: 0, totalSpentCents: 0, lastPurchaseAt: null } : { ordersCount: 1, totalSpentCents: 9_900, lastPurchaseAt: placedAt });
  });

  it(`${RACERS} orders of one customer at once, split across the processes → the figures count every one`, async () => {
    const c = (await call(a, 'POST', '/v1/customers', person(51))).json;
    const replies = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        call(i % 2 ? b : a, 'POST', '/v1/orders', { customerId: c.id, number: `M-${c.id}-${i}`, placedAt: new Date(Date.UTC(2026, 9, 1 + i)).toISOString(), itemsCount: 1, totalCents: 100 + i }),
      ),
    );
    expect(tally(replies.map((r) => r.status))).toEqual({ 201: RACERS });
    const stats = (await call(b, 'GET', `/v1/customers/${c.id}?document=masked`)).json.stats;
    expect(stats).toMatchObject({ ordersCount: RACERS, totalSpentCents: Array.from({ length: RACERS }, (_, i) => 100 + i).reduce((x, y) => x + y, 0), lastPurchaseAt: new Date(Date.UTC(2026, 9, RACERS)).toISOString() });
  });

  it(`${RACERS} creates with one Idempotency-Key, split across the processes → one customer, every answer names it`, async () => {
    const body = person(2);
    const replies = await Promise.all(Array.from({ length: RACERS }, (_, i) => call(i % 2 ? b : a, 'POST', '/v1/customers', body, { 'Idempotency-Key': `race-${body.document}` })));
    expect(tally(replies.map((r) => r.status))).toEqual({ 201: RACERS });
    expect(new Set(replies.map((r) => r.json.id)).size).toBe(1);
    expect((await call(a, 'GET', `/v1/customers?q=${body.document}`)).json.total).toBe(1);
  });

  it(`${RACERS} creates of one document, split across the processes → exactly one 201, the rest 409`, async () => {
    const document = cpf();
    const replies = await Promise.all(Array.from({ length: RACERS }, (_, i) => call(i % 2 ? b : a, 'POST', '/v1/customers', { ...person(3 + i), document })));
    expect(tally(replies.map((r) => r.status))).toEqual({ 201: 1, 409: RACERS - 1 });
    const holder = replies.find((r) => r.status === 201)!.json.id;
    expect(replies.filter((r) => r.status === 409).every((r) => r.json.existingId === holder)).toBe(true);
  });

  it(`${RACERS} syncs of one document from two systems, split across the processes → one customer, known to both`, async () => {
    const document = cpf();
    const replies = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        call(i % 2 ? b : a, 'PUT', `/v1/customers/by-document/${document}`, { kind: 'person', firstName: 'Corrida', lastName: 'Sincronizada', source: i % 2 ? 'ecommerce' : 'pos', externalId: `race-${i % 2}` }),
      ),
    );
    expect(tally(replies.map((r) => r.status))).toEqual({ 201: 1, 200: RACERS - 1 });
    expect(new Set(replies.map((r) => r.json.id)).size).toBe(1);
    const found = (await call(b, 'GET', `/v1/customers?q=${document}`)).json;
    expect(found.total).toBe(1);
    expect([...found.items[0].sources].sort()).toEqual(['ecommerce', 'pos']);
    expect(found.items[0].externalIds).toEqual({ pos: 'race-0', ecommerce: 'race-1' });
  });

  it('one invitation token used on both processes at once → one success, one 410', async () => {
    const c = (await call(a, 'POST', '/v1/customers', person(40))).json;
    const { token } = (await call(a, 'POST', `/v1/customers/${c.id}/invitations`)).json;
    const password = 'Ipê-amarelo florido em 2026!';
    const replies = await Promise.all([a, b].map((p) => call(p, 'POST', '/v1/public/password', { token, email: c.email, password }, {}, PK)));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 410]);
    expect((await call(b, 'POST', '/v1/public/sessions', { email: c.email, password }, {}, PK)).status).toBe(201);
  });

  it('the rate limit of the public routes is shared: counted in the database, not per process', async () => {
    // A key of their own, so the earlier tests' public requests do not count against it.
    const flags = ['--rate-limit', '4/60000', '--publishable-key', 'pk_test_rate_limit'];
    const [c, d] = [await start(db.url, flags), await start(db.url, flags)];
    const statuses: number[] = [];
    for (const p of [c, d, c, d, c]) statuses.push((await call(p, 'GET', '/v1/public/settings/registration', undefined, {}, 'pk_test_rate_limit')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    await Promise.all([kill(c), kill(d)]);
  });

  it('kill -9 of one process mid-stream loses no acknowledged write; the other serves every one of them', async () => {
    const victim = await start(db.url);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop && i < 400; i++) {
        try {
          const r = await call(victim, 'POST', '/v1/customers', person(100 + i));
          if (r.status === 201) acknowledged.push(r.json.id);
        } catch {
          return; // the connection died with the process
        }
      }
    })();
    while (acknowledged.length < 15) await new Promise((r) => setTimeout(r, 20));
    await kill(victim, 'SIGKILL');
    stop = true;
    await writer;
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);
    for (const id of acknowledged) expect((await call(b, 'GET', `/v1/customers/${id}`)).status).toBe(200);
  });
});

// ---- events: the change feed across processes ----
describe('the change feed with two server processes writing at once', () => {
  it('a reader polling one process while both write reads every event once, in increasing sequence', async () => {
    const page = async (p: Proc, after: string) => (await call(p, 'GET', `/v1/events?limit=7${after ? `&after=${after}` : ''}`)).json as { items: { id: string; type: string; sequence: number; data: { customer?: { id: string } } }[]; nextCursor: string; hasMore: boolean };
    let cursor = '';
    for (let more = true; more; ) {
      const r = await page(a, cursor);
      cursor = r.nextCursor;
      more = r.hasMore;
    }
    const read: { id: string; type: string; sequence: number; customerId?: string }[] = [];
    let writing = true;
    const poller = (async () => {
      for (;;) {
        const finished = !writing;
        const r = await page(b, cursor);
        read.push(...r.items.map((e) => ({ id: e.id, type: e.type, sequence: e.sequence, ...(e.data.customer ? { customerId: e.data.customer.id } : {}) })));
        cursor = r.nextCursor;
        if (finished && !r.hasMore) return;
      }
    })();
    const created = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const p = i % 2 ? b : a;
        const c = (await call(p, 'POST', '/v1/customers', person(100 + i))).json;
        expect((await call(i % 3 ? a : b, 'PATCH', `/v1/customers/${c.id}`, { notes: `feed ${i}` }, { 'If-Match': `"${c.version}"` })).status).toBe(200);
        return c.id as string;
      }),
    );
    writing = false;
    await poller;
    expect(new Set(read.map((e) => e.id)).size).toBe(read.length);
    expect(read.map((e) => e.sequence)).toEqual([...read.map((e) => e.sequence)].sort((x, y) => x - y));
    for (const id of created) {
      expect(read.filter((e) => e.customerId === id).map((e) => e.type)).toEqual(['customer.created', 'customer.updated']);
    }
  }, 60_000);
});

describe('managed API keys with two server processes', () => {
  it('a key made on one process works on the other; revoked on one, the other refuses it at its next request', async () => {
    const made = await call(a, 'POST', '/v1/api-keys', { name: 'PDV loja 2', kind: 'secret' });
    expect(made.status).toBe(201);
    const key = made.json.key as string;
    expect((await call(b, 'GET', '/v1/customers?limit=1', undefined, {}, key)).status).toBe(200);
    expect((await call(a, 'GET', '/v1/customers?limit=1', undefined, {}, key)).status).toBe(200);
    expect((await call(a, 'DELETE', `/v1/api-keys/${made.json.id}`)).status).toBe(200);
    expect((await call(b, 'GET', '/v1/customers?limit=1', undefined, {}, key)).status).toBe(401);
    expect((await call(a, 'GET', '/v1/customers?limit=1', undefined, {}, key)).status).toBe(401);
  });

  it('a rotated key works on both processes until its overlap ends (0 hours: at once), the successor on both', async () => {
    const made = (await call(a, 'POST', '/v1/api-keys', { name: 'ERP', kind: 'secret', readOnly: true })).json;
    expect((await call(b, 'PUT', '/v1/settings/registration', {}, {}, made.key)).status).toBe(403);
    const rotated = await call(b, 'POST', `/v1/api-keys/${made.id}/rotate`, { overlapHours: 0 });
    expect(rotated.status).toBe(200);
    expect((await call(a, 'GET', '/v1/categories', undefined, {}, made.key)).status).toBe(401);
    expect((await call(a, 'GET', '/v1/categories', undefined, {}, rotated.json.successor.key)).status).toBe(200);
  });
});
