import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/postgres.js';
import { createApp, type MockServer } from '../src/app.js';
import { PostgresStore } from '../src/store/postgres.js';
import type { QueuedWork } from '../src/store/types.js';
import { call, PERSON } from './helpers.js';
import { TEST_SECRETS_KEY } from './stores.js';

// Two servers on one PostgreSQL database, each with a pool of its own, as two processes would be
// (nothing in process memory is shared: a local wake-up reaches only its own dispatcher). The
// writer runs no dispatcher; the other polls only every ten minutes, so within this test's time
// only the database's notice (NOTIFY at commit, migration 21) can make it send the delivery.

const QUIET_POLL_MS = 600_000;

let db: TestDatabase;
let writer: MockServer;
let sender: MockServer;
let hook: Server;
const received: { at: number; body: string }[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  hook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ at: performance.now(), body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  writer = createApp({ secretsKey: TEST_SECRETS_KEY, store: await PostgresStore.open(db.url) });
  await writer.ready;
  sender = createApp({
    secretsKey: TEST_SECRETS_KEY,
    store: await PostgresStore.open(db.url),
    webhooks: { autoStart: true, pollMs: QUIET_POLL_MS },
    messages: { autoStart: true, pollMs: QUIET_POLL_MS },
  });
  await sender.ready;
  // The sender's first round (at start) is over before anything is queued: the next is ten minutes away.
  await sender.webhooks.runOnce();
}, 60_000);

afterAll(async () => {
  await writer?.close();
  await sender?.close();
  await new Promise<void>((resolve) => (hook ? hook.close(() => resolve()) : resolve()));
  await db?.drop();
});

describe('work queued in one process wakes the dispatcher of another (PostgreSQL LISTEN/NOTIFY)', () => {
  it('a delivery queued by the writer is sent by the other server long before its next poll', async () => {
    const { port } = hook.address() as AddressInfo;
    const endpoint = await call(writer, 'POST', '/v1/webhook-endpoints', { body: { url: `http://127.0.0.1:${port}/hooks`, eventTypes: ['customer.created'], description: 'ERP' } });
    expect(endpoint.status, endpoint.text).toBe(201);
    const queuedAt = performance.now();
    const created = await call(writer, 'POST', '/v1/customers', { body: PERSON });
    expect(created.status, created.text).toBe(201);
    // Only the sender dispatches; its poll is ten minutes away, the test's limit 30 seconds.
    await expect.poll(() => received.length, { timeout: 25_000, interval: 20 }).toBe(1);
    expect(JSON.parse(received[0]!.body)).toMatchObject({ type: 'customer.created', data: { customer: { id: created.json.id } } });
    console.log(`delivery picked up by the other server ${(received[0]!.at - queuedAt).toFixed(0)} ms after the write was sent (its next poll: ${QUIET_POLL_MS / 1000} s)`);
  }, 30_000);

  it('announces queued work once per write that queues some, and nothing for a write that queues none', async () => {
    const store = await PostgresStore.open(db.url);
    const heard: QueuedWork[] = [];
    const stop = await store.listenForWork((work) => heard.push(work));
    try {
      const before = received.length;
      // The endpoint takes customer.created only: a category queues no delivery, so no notice.
      const category = await call(writer, 'POST', '/v1/categories', { body: { name: 'Sem aviso' } });
      expect(category.status, category.text).toBe(201);
      const customer = await call(writer, 'POST', '/v1/customers', { body: { ...PERSON, document: '390.533.447-05', email: 'outra@example.com.br' } });
      expect(customer.status, customer.text).toBe(201);
      // Notices arrive in commit order: once the customer's is heard, a category's would have been.
      await expect.poll(() => heard.length, { timeout: 25_000, interval: 20 }).toBeGreaterThan(0);
      expect(heard).toEqual(['webhooks']);
      await expect.poll(() => received.length, { timeout: 25_000, interval: 20 }).toBe(before + 1);
    } finally {
      await stop();
      await store.close();
    }
  }, 60_000);
});
