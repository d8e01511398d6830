import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Event, WebhookDelivery } from '@clientela/core';
import { createClient } from '@clientela/core/client';
import { verifyWebhookSignature } from '@clientela/core/webhooks';
import { createTestDatabase, type TestDatabase } from '../../../test/postgres.js';
import type { MockServer, MockServerOptions } from '../src/index.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { PostgresStore } from '../src/store/postgres.js';
import { app, call, PERSON } from './helpers.js';
import { everyServer, TEST_SECRETS_KEY } from './stores.js';

// Webhooks with a real HTTP receiver on loopback. The dispatcher's clock is a number the tests
// move, and its schedule is short and without jitter, so no test sleeps or waits for a retry.

const START = Date.parse('2026-11-22T12:00:00.000Z');

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver on 127.0.0.1 (a free port) answering each POST with the next status of `answers` (then the last one). */
async function receiver(answers: number[]): Promise<{ url: string; received: Received[]; answers: number[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const state = { answers };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = state.answers.length > 1 ? state.answers.shift()! : state.answers[0]!;
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    get answers() {
      return state.answers;
    },
    set answers(next: number[]) {
      state.answers = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((x) => x.close()));
});

/** A clock the tests move, shared by the server and its dispatcher. */
function clock() {
  const c = { ms: START, now: () => new Date(c.ms), advance: (seconds: number) => (c.ms += seconds * 1000) };
  return c;
}

function webhookOptions(time: ReturnType<typeof clock>, schedule = [60, 120]): MockServerOptions {
  return { now: time.now, webhooks: { now: time.now, schedule, random: () => 0.5 } };
}

async function createEndpoint(server: MockServer, url: string, eventTypes: string[] = ['customer.created', 'customer.updated']) {
  const res = await call(server, 'POST', '/v1/webhook-endpoints', { body: { url, eventTypes, description: 'ERP' } });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; secret: string; secretHint: string };
}

async function deliveries(server: MockServer, endpointId: string): Promise<WebhookDelivery[]> {
  const res = await call(server, 'GET', `/v1/webhook-endpoints/${endpointId}/deliveries`);
  expect(res.status, res.text).toBe(200);
  return res.json.items;
}

// One clock for the file, back at START before each test.
const time = clock();
beforeEach(() => {
  time.ms = START;
});

describe.each(everyServer('webhooks', webhookOptions(time)))('webhooks on %s', (_kind, open) => {
  it('delivers an event signed: it verifies with core’s verifyWebhookSignature, and is not sent again once acknowledged', async () => {
    const hook = await receiver([204]);
    opened.push(hook);
    const server = await open();
    const dispatcher = server.webhooks;
    const endpoint = await createEndpoint(server, hook.url);
    expect(endpoint.secret).toMatch(/^whsec_/);
    const shown = await call(server, 'GET', `/v1/webhook-endpoints/${endpoint.id}`);
    expect(shown.json.secret).toBeUndefined();
    expect(shown.json.secretHint).toBe(endpoint.secretHint);
    expect(JSON.stringify((await call(server, 'GET', '/v1/webhook-endpoints')).json)).not.toContain(endpoint.secret);

    const created = await call(server, 'POST', '/v1/customers', { body: PERSON });
    expect(created.status).toBe(201);
    await call(server, 'POST', '/v1/categories', { body: { name: 'Não assinado' } });
    expect(await dispatcher.runOnce()).toBe(1);
    expect(hook.received).toHaveLength(1);
    const [got] = hook.received;
    const header = got!.headers['clientela-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    await expect(verifyWebhookSignature(endpoint.secret, header, got!.body, { now: () => time.ms })).resolves.toEqual({ timestamp: Math.floor(time.ms / 1000) });
    await expect(verifyWebhookSignature('whsec_other', header, got!.body, { now: () => time.ms })).rejects.toMatchObject({ reason: 'signature_mismatch' });
    const event = JSON.parse(got!.body) as Event;
    expect(event.type).toBe('customer.created');
    expect(got!.headers['clientela-event-id']).toBe(event.id);
    if (event.type === 'customer.created') expect(event.data.customer.id).toBe(created.json.id);
    // The feed holds the same event.
    expect((await call(server, 'GET', '/v1/events?types=customer.created')).json.items[0]).toEqual(event);

    const [delivery] = await deliveries(server, endpoint.id);
    expect(delivery).toMatchObject({ status: 'succeeded', eventId: event.id, eventType: 'customer.created', nextAttemptAt: null });
    expect(delivery!.attempts).toEqual([{ at: new Date(time.ms).toISOString(), statusCode: 204, durationMs: expect.any(Number) }]);
    time.advance(3600);
    expect(await dispatcher.runOnce()).toBe(0);
    expect(await server.webhooks.runOnce()).toBe(0);
    expect(hook.received).toHaveLength(1);
    await server.close();
  });

  it('a receiver answering 500 twice gets the event on the third attempt; a schedule run out is failed, and a redelivery by hand sends it again', async () => {
    const hook = await receiver([500, 500, 200]);
    opened.push(hook);
    const server = await open();
    const dispatcher = server.webhooks;
    const endpoint = await createEndpoint(server, hook.url);
    const customer = await call(server, 'POST', '/v1/customers', { body: PERSON });
    expect(customer.status).toBe(201);

    expect(await dispatcher.runOnce()).toBe(1);
    let [d] = await deliveries(server, endpoint.id);
    expect(d).toMatchObject({ status: 'pending', nextAttemptAt: new Date(time.ms + 60_000).toISOString() });
    expect(d!.attempts[0]).toMatchObject({ statusCode: 500, error: 'HTTP 500' });
    // Not due yet.
    time.advance(59);
    expect(await dispatcher.runOnce()).toBe(0);
    time.advance(1);
    expect(await dispatcher.runOnce()).toBe(1);
    [d] = await deliveries(server, endpoint.id);
    expect(d).toMatchObject({ status: 'pending', nextAttemptAt: new Date(time.ms + 120_000).toISOString() });
    time.advance(120);
    expect(await dispatcher.runOnce()).toBe(1);
    [d] = await deliveries(server, endpoint.id);
    expect(d!.status).toBe('succeeded');
    expect(d!.attempts.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    expect(hook.received).toHaveLength(3);
    expect(new Set(hook.received.map((r) => JSON.parse(r.body).id)).size).toBe(1);

    // A receiver that never acknowledges: three attempts (the first and two retries), then failed.
    hook.answers = [503];
    const patched = await call(server, 'PATCH', `/v1/customers/${customer.json.id}`, { body: { notes: 'mudou' }, headers: { 'If-Match': '"1"' } });
    expect(patched.status).toBe(200);
    for (const wait of [0, 60, 120]) {
      time.advance(wait);
      expect(await dispatcher.runOnce()).toBe(1);
    }
    time.advance(100_000);
    expect(await dispatcher.runOnce()).toBe(0);
    const [failed] = await deliveries(server, endpoint.id);
    expect(failed).toMatchObject({ status: 'failed', eventType: 'customer.updated', nextAttemptAt: null });
    expect(failed!.attempts).toHaveLength(3);
    expect((await call(server, 'GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries?status=failed`)).json.items).toHaveLength(1);

    // Fixed receiver, redelivered by hand: sent at once, marked as asked for.
    hook.answers = [200];
    const again = await call(server, 'POST', `/v1/webhook-endpoints/${endpoint.id}/deliveries/${failed!.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ status: 'pending', nextAttemptAt: new Date(time.ms).toISOString() });
    expect(await dispatcher.runOnce()).toBe(1);
    const [redelivered] = await deliveries(server, endpoint.id);
    expect(redelivered!.status).toBe('succeeded');
    expect(redelivered!.attempts.at(-1)).toMatchObject({ statusCode: 200, manual: true });
    expect((await call(server, 'POST', `/v1/webhook-endpoints/${endpoint.id}/deliveries/whd_nope/redeliver`)).status).toBe(404);
    await server.close();
  });

  it('manages endpoints: validation in the caller’s language, If-Match, rotation, disable (deliveries wait) and delete', async () => {
    const hook = await receiver([200]);
    opened.push(hook);
    const server = await open();
    const dispatcher = server.webhooks;
    const bad = await call(server, 'POST', '/v1/webhook-endpoints', { body: { url: 'ftp://x', eventTypes: ['customer.exploded'] }, headers: { 'Accept-Language': 'en' } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['eventTypes.0', 'url']);
    expect(bad.json.errors.find((e: { path: string }) => e.path === 'url').message).toBe('Enter a full http(s) URL, without user name and password.');
    expect((await call(server, 'POST', '/v1/webhook-endpoints', { body: { url: 'https://user:pw@example.com/', eventTypes: ['customer.created'] } })).status).toBe(422);
    expect((await call(server, 'POST', '/v1/webhook-endpoints', { body: { url: hook.url, eventTypes: [] } })).status).toBe(422);

    const endpoint = await createEndpoint(server, hook.url, ['category.created']);
    await call(server, 'POST', '/v1/categories', { body: { name: 'Esperando' } });
    expect((await call(server, 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { body: { enabled: false } })).status).toBe(428);
    const disabled = await call(server, 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { body: { enabled: false }, headers: { 'If-Match': '"1"' } });
    expect(disabled.json).toMatchObject({ enabled: false, version: 2 });
    expect((await call(server, 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { body: { enabled: true }, headers: { 'If-Match': '"1"' } })).status).toBe(412);
    // A disabled endpoint: its pending delivery waits, and events committed meanwhile are not for it.
    await call(server, 'POST', '/v1/categories', { body: { name: 'Enquanto desligado' } });
    expect(await dispatcher.runOnce()).toBe(0);
    expect((await deliveries(server, endpoint.id)).map((d) => d.status)).toEqual(['pending']);
    await call(server, 'PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { body: { enabled: true }, headers: { 'If-Match': '"2"' } });
    expect(await dispatcher.runOnce()).toBe(1);
    expect(hook.received).toHaveLength(1);
    expect(JSON.parse(hook.received[0]!.body).data.category.name).toBe('Esperando');

    const rotated = await call(server, 'POST', `/v1/webhook-endpoints/${endpoint.id}/secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.json.secret).not.toBe(endpoint.secret);
    await call(server, 'POST', '/v1/categories', { body: { name: 'Nova chave' } });
    expect(await dispatcher.runOnce()).toBe(1);
    const last = hook.received[1]!;
    await expect(verifyWebhookSignature(rotated.json.secret, last.headers['clientela-signature'] as string, last.body, { now: () => time.ms })).resolves.toBeDefined();
    // For a day the old secret signs too (a receiver not yet switched still verifies), then no more.
    expect(last.headers['clientela-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    await expect(verifyWebhookSignature(endpoint.secret, last.headers['clientela-signature'] as string, last.body, { now: () => time.ms })).resolves.toBeDefined();
    time.advance(24 * 3600 + 1);
    await call(server, 'POST', '/v1/categories', { body: { name: 'Depois de um dia' } });
    expect(await dispatcher.runOnce()).toBe(1);
    const later = hook.received[2]!;
    await expect(verifyWebhookSignature(endpoint.secret, later.headers['clientela-signature'] as string, later.body, { now: () => time.ms })).rejects.toMatchObject({ reason: 'signature_mismatch' });
    await expect(verifyWebhookSignature(rotated.json.secret, later.headers['clientela-signature'] as string, later.body, { now: () => time.ms })).resolves.toBeDefined();

    expect((await call(server, 'DELETE', `/v1/webhook-endpoints/${endpoint.id}`, { headers: { 'If-Match': '"1"' } })).status).toBe(412);
    expect((await call(server, 'DELETE', `/v1/webhook-endpoints/${endpoint.id}`)).status).toBe(204);
    expect((await call(server, 'GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`)).status).toBe(404);
    expect((await call(server, 'GET', '/v1/webhook-endpoints')).json.items).toEqual([]);
    expect((await call(server, 'GET', '/v1/webhook-endpoints', { key: server.keys.publishable })).status).toBe(403);
    await server.close();
  });

  it('is driven by the client: webhookEndpoints.create/list/update/deliveries/redeliver/rotateSecret/delete', async () => {
    const hook = await receiver([200]);
    opened.push(hook);
    const server = await open();
    const dispatcher = server.webhooks;
    const client = createClient({ baseUrl: 'http://mock.test', apiKey: server.keys.secret, fetch: (r) => server.fetch(r) });
    const endpoint = await client.webhookEndpoints.create({ url: hook.url, eventTypes: ['customer.created'] });
    expect((await client.webhookEndpoints.list()).map((e) => e.id)).toEqual([endpoint.id]);
    await client.customers.create(PERSON as never);
    await dispatcher.runOnce();
    const page = await client.webhookEndpoints.deliveries(endpoint.id);
    expect(page.items[0]!.status).toBe('succeeded');
    const queued = await client.webhookEndpoints.redeliver(endpoint.id, page.items[0]!.id);
    expect(queued.status).toBe('pending');
    await dispatcher.runOnce();
    expect(hook.received).toHaveLength(2);
    const off = await client.webhookEndpoints.update(endpoint, { enabled: false });
    expect(off.enabled).toBe(false);
    const { secret } = await client.webhookEndpoints.rotateSecret(endpoint.id);
    expect(secret).not.toBe(endpoint.secret);
    await client.webhookEndpoints.delete(endpoint.id);
    await expect(client.webhookEndpoints.retrieve(endpoint.id)).rejects.toMatchObject({ name: 'NotFoundError' });
    await server.close();
  });
});

describe('the default retry schedule', () => {
  it('backs off exponentially and keeps retrying for more than a day, even with the shortest jitter, then fails', async () => {
    const hook = await receiver([503]);
    opened.push(hook);
    // No `schedule`: the server's default. random 0 takes every wait at its shortest (−20 %).
    const server = app({ now: time.now, webhooks: { now: time.now, random: () => 0 } });
    opened.push(server);
    const endpoint = await createEndpoint(server, hook.url);
    expect((await call(server, 'POST', '/v1/customers', { body: PERSON })).status).toBe(201);
    const attemptsAt: number[] = [];
    for (let i = 0; i < 100; i++) {
      expect(await server.webhooks.runOnce()).toBe(1);
      attemptsAt.push(time.ms);
      const [d] = await deliveries(server, endpoint.id);
      if (d!.status !== 'pending') {
        expect(d!.status).toBe('failed');
        break;
      }
      // Not a moment before it is due.
      time.ms = Date.parse(d!.nextAttemptAt!) - 1;
      expect(await server.webhooks.runOnce()).toBe(0);
      time.ms += 1;
    }
    expect(hook.received.length).toBe(attemptsAt.length);
    const waits = attemptsAt.slice(1).map((at, i) => at - attemptsAt[i]!);
    // Each wait at least as long as the one before, the early ones doubling.
    expect(waits.every((w, i) => i === 0 || w >= waits[i - 1]!)).toBe(true);
    expect(waits[1]! / waits[0]!).toBe(2);
    expect(waits[2]! / waits[1]!).toBe(2);
    expect(attemptsAt.at(-1)! - attemptsAt[0]!).toBeGreaterThan(24 * 3_600_000);
    // One event, the same id on every attempt.
    expect(new Set(hook.received.map((r) => JSON.parse(r.body).id)).size).toBe(1);
  });
});

describe('webhooks across a restart and across processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clientela-webhooks-'));
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a stopped and restarted server (SQLite file) resumes its pending deliveries', async () => {
    const hook = await receiver([503, 200]);
    opened.push(hook);
    const file = join(dir, 'restart.sqlite');
    const first = app({ db: file, ...webhookOptions(time) });
    const endpoint = await createEndpoint(first, hook.url);
    expect((await call(first, 'POST', '/v1/customers', { body: PERSON })).status).toBe(201);
    expect(await first.webhooks.runOnce()).toBe(1);
    await first.close();

    time.advance(60);
    const second = app({ db: file, ...webhookOptions(time) });
    expect(await second.webhooks.runOnce()).toBe(1);
    const [d] = await deliveries(second, endpoint.id);
    expect(d!.status).toBe('succeeded');
    expect(d!.attempts.map((a) => a.statusCode)).toEqual([503, 200]);
    expect(hook.received.map((r) => JSON.parse(r.body).id)).toEqual([d!.eventId, d!.eventId]);
    await second.close();
  });

  it('two processes on one PostgreSQL database deliver each event once; a crashed process’s lease lapses and another sends', async () => {
    const hook = await receiver([200]);
    opened.push(hook);
    const db = await createTestDatabase();
    databases.push(db);
    const a = app({ store: await PostgresStore.open(db.url), secretsKey: TEST_SECRETS_KEY, ...webhookOptions(time) });
    const b = app({ store: await PostgresStore.open(db.url), secretsKey: TEST_SECRETS_KEY, ...webhookOptions(time) });
    await createEndpoint(a, hook.url, ['customer.created']);
    const prng = new Prng(5);
    const N = 40;
    await Promise.all(
      Array.from({ length: N }, (_, i) => call(i % 2 ? a : b, 'POST', '/v1/customers', { body: { ...PERSON, email: `w${i}@example.com`, document: generateCpf(prng) } })),
    );
    // Both dispatchers at once, round after round, until nothing is left.
    for (;;) {
      const [x, y] = await Promise.all([a.webhooks.runOnce(), b.webhooks.runOnce()]);
      if (x + y === 0) break;
    }
    const ids = hook.received.map((r) => JSON.parse(r.body).id as string);
    expect(ids).toHaveLength(N);
    expect(new Set(ids).size).toBe(N);

    // A process leases a delivery and dies: the other leaves it alone until the lease lapses.
    await call(a, 'POST', '/v1/customers', { body: { ...PERSON, email: 'crash@example.com', document: generateCpf(prng) } });
    const leased = await a.store.leaseDeliveries('crashed', time.now().toISOString(), new Date(time.ms + 60_000).toISOString(), 10);
    expect(leased).toHaveLength(1);
    expect(await b.webhooks.runOnce()).toBe(0);
    time.advance(60);
    expect(await b.webhooks.runOnce()).toBe(1);
    expect(hook.received).toHaveLength(N + 1);
    // The crashed owner cannot write over the delivery the other process finished.
    expect(await a.store.finishDelivery(leased[0]!.id, 'crashed', { attempt: { at: time.now().toISOString(), durationMs: 1, error: 'late' }, status: 'failed', nextAttemptAt: null })).toBe(false);
    await a.close();
    await b.close();
  });
});
