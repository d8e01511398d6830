import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '@clientela/core/webhooks';
import { SecretsKeyError, type MockServer } from '../src/index.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { parseSecretsKeys, SecretBox, secretsKeyId } from '../src/service/secrets.js';
import { MemoryStore } from '../src/store/memory.js';
import { PostgresStore } from '../src/store/postgres.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { SyncStoreAdapter } from '../src/store/sync-adapter.js';
import type { Store } from '../src/store/types.js';
import { createTestDatabase, type TestDatabase } from '../../../test/postgres.js';
import { app, call } from './helpers.js';

// Secrets at rest (#17): the channel settings' SMTP password and gateway secrets and the webhook
// endpoints' signing secrets are sealed with AES-256-GCM under --secrets-key. On each store: the
// stored bytes hold no secret, sending still signs with it, plain values from before are sealed at
// start, a rotation re-seals, and a wrong key stops the start with an error that names the key.

const KEY_A = 'QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE='; // 32 × 'A'
const KEY_B = 'QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI='; // 32 × 'B'
const GATEWAY_SECRET = 'gw-secret-ÇÃO-0123456789-abcdef';
const SMTP_PASSWORD = 'senha-do-smtp-ção-2026';
const rng = new Prng(1717);

const dir = mkdtempSync(join(tmpdir(), 'clientela-secrets-'));
const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
  rmSync(dir, { recursive: true, force: true });
});
const closing: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const c of closing.splice(0).reverse()) await c.close();
});

async function gateway() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const g = { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())) };
  closing.push(g);
  return g;
}

/** One place of each store that several servers open in turn (a restart, another process). */
interface Place {
  /** A store on the same data. */
  open(): Promise<Store>;
  /** Every byte the store keeps, as text (the SQLite files; PostgreSQL's rows). */
  bytes(): Promise<string>;
}

let files = 0;
const places: [string, () => Promise<Place>][] = [
  [
    'memory',
    async () => {
      const inner = new MemoryStore();
      // The same memory for every server of the test (each adapter's close is a no-op for it).
      const open = async () => new SyncStoreAdapter(inner);
      const store = await open();
      return {
        open,
        bytes: async () => JSON.stringify([await store.getMeta('settings:channels'), await store.listWebhookEndpoints()]),
      };
    },
  ],
  [
    'sqlite',
    async () => {
      const file = join(dir, `secrets-${files++}.sqlite`);
      return {
        open: async () => new SyncStoreAdapter(new SqliteStore(file)),
        bytes: async () =>
          readdirSync(dir)
            .filter((f) => f.startsWith(file.slice(dir.length + 1)) && !f.endsWith('.secrets-key'))
            .map((f) => readFileSync(join(dir, f)).toString('latin1') + readFileSync(join(dir, f)).toString('utf8'))
            .join(''),
      };
    },
  ],
  [
    'postgres',
    async () => {
      const db = await createTestDatabase();
      databases.push(db);
      return {
        open: () => PostgresStore.open(db.url),
        bytes: async () => {
          const client = new pg.Client({ connectionString: db.url });
          await client.connect();
          try {
            const meta = await client.query('SELECT value FROM meta');
            const endpoints = await client.query('SELECT data FROM webhook_endpoints');
            return JSON.stringify([meta.rows, endpoints.rows]);
          } finally {
            await client.end();
          }
        },
      };
    },
  ],
];

async function serve(place: Place, secretsKey: string | undefined): Promise<MockServer> {
  const s = app({ store: await place.open(), now: () => new Date(), ...(secretsKey ? { secretsKey } : {}) });
  closing.push(s);
  await s.ready;
  return s;
}

async function smsCustomer(s: MockServer): Promise<string> {
  const r = await call(s, 'POST', '/v1/customers', {
    body: { kind: 'person', document: generateCpf(rng), firstName: 'Inês', lastName: 'Gonçalves', email: `ines.${rng.int(0, 1e9)}@example.com.br`, phone: '(11) 98765-4321', marketingConsent: { email: false, sms: true, whatsapp: false } },
  });
  expect(r.status, r.text).toBe(201);
  return r.json.id;
}

const DEV = { provider: 'development' };

describe.each(places)('secrets at rest on %s', (kind, makePlace) => {
  it('stores no secret readable, still signs and sends with them, and a wrong key stops the start naming the key', async () => {
    const place = await makePlace();
    const s = await serve(place, KEY_A);
    const gw = await gateway();
    const put = await call(s, 'PUT', '/v1/settings/channels', {
      body: { email: { provider: 'smtp', host: 'smtp.loja.test', port: 587, user: 'loja', password: SMTP_PASSWORD, from: 'Loja <contato@loja.test>' }, sms: { provider: 'webhook', url: gw.url, secret: GATEWAY_SECRET }, whatsapp: DEV, push: DEV },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.json.sms.secretMasked).toBe('••••••cdef');
    const create = { body: { url: gw.url, eventTypes: ['customer.created'] }, headers: { 'Idempotency-Key': `we-${kind}` } };
    const endpoint = await call(s, 'POST', '/v1/webhook-endpoints', create);
    expect(endpoint.status, endpoint.text).toBe(201);
    const endpointSecret: string = endpoint.json.secret;
    expect(endpointSecret).toMatch(/^whsec_/);
    // The answer kept for a retry with the same key holds the secret sealed too, and replays it as shown.
    const replay = await call(s, 'POST', '/v1/webhook-endpoints', create);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.json.secret).toBe(endpointSecret);

    const stored = await place.bytes();
    expect(stored.includes(`sealed:v1:${secretsKeyId(parseSecretsKeys(KEY_A)[0]!)}:`)).toBe(true);
    for (const secret of [GATEWAY_SECRET, SMTP_PASSWORD, endpointSecret, endpointSecret.slice(6)]) expect(stored.includes(secret), secret).toBe(false);

    // Sending signs with the opened secrets: the SMS through the gateway, the event to the endpoint.
    const batch = await call(s, 'POST', '/v1/messages', { body: { ids: [await smsCustomer(s)], channel: 'sms', text: 'Olá {{primeiroNome}}', acknowledgedResponsibility: true } });
    expect(batch.status, batch.text).toBe(201);
    await s.messages.drain();
    await s.webhooks.runOnce();
    const sms = gw.received.find((r) => r.headers['user-agent'] === 'Clientela-Messages/1')!;
    const event = gw.received.find((r) => r.headers['clientela-event-type'] === 'customer.created')!;
    expect(JSON.parse(sms.body)).toMatchObject({ channel: 'sms', text: 'Olá Inês' });
    await expect(verifyWebhookSignature(GATEWAY_SECRET, sms.headers['clientela-signature'] as string, sms.body)).resolves.toBeTruthy();
    await expect(verifyWebhookSignature(endpointSecret, event.headers['clientela-signature'] as string, event.body)).resolves.toBeTruthy();
    await s.close();
    closing.splice(closing.indexOf(s), 1);

    // Another process (or a restart) with another key: the start stops and says which key it needs.
    const wrong = app({ store: await place.open(), secretsKey: KEY_B });
    closing.push(wrong);
    const failed = await wrong.ready.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).toBeInstanceOf(SecretsKeyError);
    expect((failed as Error).message).toContain(`sealed with key ${secretsKeyId(parseSecretsKeys(KEY_A)[0]!)}`);
    expect((failed as Error).message).toContain('--secrets-key');
    if (kind !== 'memory') {
      // With the right key given beside the new one (a rotation), the start re-seals under the new key.
      const rotated = await serve(place, `${KEY_B},${KEY_A}`);
      const after = JSON.stringify([await rotated.store.getMeta('settings:channels'), await rotated.store.listWebhookEndpoints()]);
      expect(after.includes(`sealed:v1:${secretsKeyId(parseSecretsKeys(KEY_B)[0]!)}:`)).toBe(true);
      expect(after.includes(`sealed:v1:${secretsKeyId(parseSecretsKeys(KEY_A)[0]!)}:`)).toBe(false);
      expect((await call(rotated, 'GET', '/v1/settings/channels')).json.email.passwordMasked).toBe('••••••2026');
      await rotated.close();
      closing.splice(closing.indexOf(rotated), 1);
      // The new key alone now opens everything.
      const onlyB = await serve(place, KEY_B);
      await call(onlyB, 'POST', '/v1/customers', { body: { kind: 'person', document: generateCpf(rng), firstName: 'Rui', lastName: 'Lopes', email: `rui.${rng.int(0, 1e9)}@example.com.br` } });
      await onlyB.webhooks.runOnce();
      const last = gw.received.at(-1)!;
      expect(JSON.parse(last.body)).toMatchObject({ type: 'customer.created' });
      await expect(verifyWebhookSignature(endpointSecret, last.headers['clientela-signature'] as string, last.body)).resolves.toBeTruthy();
    }
  });

  it('seals at start the plain secrets a store kept before sealing began', async () => {
    const place = await makePlace();
    const before = await place.open();
    await before.setMeta('settings:channels', { email: { provider: 'smtp', host: 'smtp.loja.test', port: 587, user: 'loja', password: SMTP_PASSWORD, from: 'Loja <contato@loja.test>' }, sms: { provider: 'webhook', url: 'http://127.0.0.1:9/x', secret: GATEWAY_SECRET }, whatsapp: DEV, push: DEV });
    const at = '2026-11-01T10:00:00.000Z';
    await before.putWebhookEndpoint({ id: 'we_plain', url: 'http://127.0.0.1:9/hook', eventTypes: ['customer.created'], enabled: true, secretHint: 'whsec_plai…', createdAt: at, updatedAt: at, version: 3, secret: 'whsec_plain_endpoint_secret_0001', previousSecret: 'whsec_plain_previous_secret_0002', previousSecretUntil: at });
    if (kind !== 'memory') await before.close();
    expect((await place.bytes()).includes(GATEWAY_SECRET)).toBe(true);

    const s = await serve(place, KEY_A);
    // The rows (SQLite's free pages may keep the old bytes until VACUUM: the README says so).
    const after = JSON.stringify([await s.store.getMeta('settings:channels'), await s.store.listWebhookEndpoints()]);
    for (const secret of [GATEWAY_SECRET, SMTP_PASSWORD, 'whsec_plain_endpoint_secret_0001', 'whsec_plain_previous_secret_0002']) expect(after.includes(secret), secret).toBe(false);
    expect((await call(s, 'GET', '/v1/settings/channels')).json).toMatchObject({ email: { passwordMasked: '••••••2026' }, sms: { secretMasked: '••••••cdef' } });
    // The endpoint keeps its version: only how the secret is kept changed.
    expect((await call(s, 'GET', '/v1/webhook-endpoints/we_plain')).headers.get('ETag')).toBe('"3"');
  });
});

describe('secrets without a key', () => {
  it('PostgreSQL keeps no new secret: a clear localized 409, and settings without a secret still save', async () => {
    const place = await places[2]![1]();
    const s = await serve(place, undefined);
    const gw = await gateway();
    const put = await call(s, 'PUT', '/v1/settings/channels', { body: { email: DEV, sms: { provider: 'webhook', url: gw.url, secret: GATEWAY_SECRET }, whatsapp: DEV, push: DEV } });
    expect(put.status).toBe(409);
    expect(put.json.type).toBe('https://clientela.dev/problems/secrets-key-required');
    expect(put.json.detail).toContain('CLIENTELA_SECRETS_KEY');
    const en = await call(s, 'POST', '/v1/webhook-endpoints', { body: { url: gw.url, eventTypes: ['customer.created'] }, headers: { 'Accept-Language': 'en' } });
    expect(en.status).toBe(409);
    expect(en.json.title).toBe('Secrets key not configured');
    expect(await place.bytes()).not.toContain(GATEWAY_SECRET);
    expect((await call(s, 'PUT', '/v1/settings/channels', { body: { email: DEV, sms: { ...DEV, ratePerMinute: 60 }, whatsapp: DEV, push: DEV } })).status).toBe(200);
  });

  it('a SQLite file gets a key file of its own beside it (mode 0600), read again at the next start', async () => {
    const file = join(dir, `keyfile-${files++}.sqlite`);
    const first = app({ db: file });
    closing.push(first);
    await first.ready;
    expect(existsSync(`${file}.secrets-key`)).toBe(true);
    expect(statSync(`${file}.secrets-key`).mode & 0o777).toBe(0o600);
    expect(parseSecretsKeys(readFileSync(`${file}.secrets-key`, 'utf8').trim())).toHaveLength(1);
    expect((await call(first, 'PUT', '/v1/settings/channels', { body: { email: DEV, sms: { provider: 'webhook', url: 'http://127.0.0.1:9/x', secret: GATEWAY_SECRET }, whatsapp: DEV, push: DEV } })).status).toBe(200);
    await first.close();
    closing.splice(0);
    expect(readFileSync(file).toString('utf8')).not.toContain(GATEWAY_SECRET);
    const second = app({ db: file });
    closing.push(second);
    await second.ready;
    expect((await call(second, 'GET', '/v1/settings/channels')).json.sms.secretMasked).toBe('••••••cdef');
  });
});

describe('the SQLite key file', () => {
  it('processes starting at the same moment all get one key, complete, and no draft is left', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'clientela-keyfile-'));
    const db = join(folder, 'loja.sqlite');
    const module = pathToFileURL(fileURLToPath(new URL('../dist/platform/secrets-key-file.js', import.meta.url))).href;
    const script = `import(${JSON.stringify(module)}).then((m) => process.stdout.write(m.sqliteSecretsKey(${JSON.stringify(db)})))`;
    const run = () =>
      new Promise<string>((resolve, reject) =>
        execFile(process.execPath, ['-e', script], (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
    try {
      const keys = await Promise.all(Array.from({ length: 8 }, run));
      expect(new Set(keys).size).toBe(1);
      expect(parseSecretsKeys(keys[0]!)).toHaveLength(1);
      expect(readFileSync(`${db}.secrets-key`, 'utf8').trim()).toBe(keys[0]);
      expect(readdirSync(folder)).toEqual(['loja.sqlite.secrets-key']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('SecretBox', () => {
  it('opens only what it sealed, for the place it was sealed for', async () => {
    const box = SecretBox.fromKeys(parseSecretsKeys(KEY_A));
    const sealed = await box.seal('segredo', 'webhook-endpoint:we_1');
    expect(sealed).not.toContain('segredo');
    expect(await box.open(sealed, 'webhook-endpoint:we_1')).toBe('segredo');
    // Two seals of one value differ (a fresh IV each time).
    expect(await box.seal('segredo', 'webhook-endpoint:we_1')).not.toBe(sealed);
    await expect(box.open(sealed, 'webhook-endpoint:we_2')).rejects.toThrow(/altered or moved/);
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1);
    await expect(box.open(flipped, 'webhook-endpoint:we_1')).rejects.toBeInstanceOf(SecretsKeyError);
    await expect(SecretBox.fromKeys(parseSecretsKeys(KEY_B)).open(sealed, 'webhook-endpoint:we_1')).rejects.toThrow(/which --secrets-key does not hold/);
    await expect(SecretBox.none().open(sealed, 'x')).rejects.toThrow(/no --secrets-key/);
    expect(await SecretBox.none().open('plain', 'x')).toBe('plain');
  });

  it('reads a key in base64 or base64url and refuses a key of another size or alphabet, never echoing it', () => {
    expect(parseSecretsKeys(KEY_A)[0]).toHaveLength(32);
    expect(parseSecretsKeys(Buffer.alloc(32, 0xfb).toString('base64url'))[0]).toEqual(new Uint8Array(32).fill(0xfb));
    expect(parseSecretsKeys(` ${KEY_B} , ${KEY_A} `)).toHaveLength(2);
    expect(() => parseSecretsKeys('c2hvcnQ=')).toThrow('key 1 has 5 bytes, not 32');
    expect(() => parseSecretsKeys('not a key!')).toThrow(/not base64/);
    expect(() => parseSecretsKeys('not a key!')).not.toThrow(/not a key!/);
    expect(() => parseSecretsKeys(' , ')).toThrow(/empty/);
  });
});
