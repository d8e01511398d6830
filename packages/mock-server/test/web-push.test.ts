import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { WEB_PUSH_KEYS_META } from '../src/service/web-push-keys.js';
import { app, call, type CallOptions } from './helpers.js';
import { everyServer, TEST_SECRETS_KEY } from './stores.js';

// Web Push (#17): the store's VAPID key pair is made once and kept (the private key sealed), the
// public key is served to the storefront, a browser's subscription is a device, and the push
// channel set to `webpush` sends each message to the subscription's push service — here a
// loopback push service that checks the VAPID JWT against the served public key and decrypts the
// payload (RFC 8291, aes128gcm) with the subscription's private key made in the test. Real crypto
// on both sides, no mocks. A 404/410 from the push service retires the device.

const rng = new Prng(8030);
const b64u = (b: Buffer | Uint8Array) => Buffer.from(b).toString('base64url');

/** A browser's side of a subscription: its P-256 key pair and auth secret. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } };
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/** RFC 8291 §3.4 + RFC 8188: the payload of one aes128gcm record, decrypted as a browser does. */
function decrypt(body: Buffer, ecdh: ReturnType<typeof createECDH>, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const idlen = body[20]!;
  const serverPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const shared = ecdh.computeSecret(serverPublic);
  const prkKey = hmac(auth, shared);
  const ikm = hmac(prkKey, Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), serverPublic, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(-16));
  const plain = Buffer.concat([decipher.update(ciphertext.subarray(0, -16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 and optional zero padding.
  let end = plain.length - 1;
  while (plain[end] === 0) end--;
  expect(plain[end]).toBe(2);
  return plain.subarray(0, end).toString('utf8');
}

/** Checks the VAPID header (RFC 8292): an ES256 JWT signed by the key `k`, for this push service's origin, not expired. */
function checkVapid(headers: IncomingHttpHeaders, origin: string): { k: string; claims: { aud: string; exp: number; sub: string } } {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(headers.authorization ?? '');
  expect(m, headers.authorization).toBeTruthy();
  const [, jwt, k] = m!;
  const [h, p, sig] = jwt!.split('.');
  expect(JSON.parse(Buffer.from(h!, 'base64url').toString())).toMatchObject({ alg: 'ES256' });
  const point = Buffer.from(k!, 'base64url');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64u(point.subarray(1, 33)), y: b64u(point.subarray(33, 65)) }, format: 'jwk' });
  expect(verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig!, 'base64url'))).toBe(true);
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
  expect(claims.aud).toBe(origin);
  expect(claims.exp * 1000).toBeGreaterThan(Date.now());
  expect(claims.sub).toMatch(/^(mailto:|https:)/);
  return { k: k!, claims };
}

/** A push service on loopback: keeps each POST and answers with the next status of `answers` (then 201). */
async function pushService(answers: number[] = []) {
  const received: { path: string; headers: IncomingHttpHeaders; body: Buffer }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      const status = answers.shift() ?? 201;
      res.writeHead(status, status === 201 ? { Location: `${origin}/messages/${received.length}` } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections()));
  return { origin, received, answers, close };
}

const closing: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of closing.splice(0)) await c.close();
});

async function shopper(s: MockServer, firstName: string) {
  const email = `${firstName.toLowerCase()}.${rng.int(0, 1e9)}@example.com.br`;
  const password = 'pé-de-moleque-9';
  const reg = await call(s, 'POST', '/v1/public/registrations', { key: s.keys.publishable, body: { kind: 'person', document: generateCpf(rng), firstName, lastName: 'Teste', email, password } });
  expect(reg.status, reg.text).toBe(201);
  const session = await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email, password } });
  expect(session.status, session.text).toBe(201);
  return { id: reg.json.id as string, token: session.json.token as string };
}

const as = (s: MockServer, session: string, extra: CallOptions = {}): CallOptions => ({ key: s.keys.publishable, ...extra, headers: { 'Clientela-Session': session, ...(extra.headers ?? {}) } });
const DEV = { provider: 'development' };

describe.each(everyServer('web-push', { now: () => new Date() }))('Web Push on %s', (_kind, open) => {
  it('serves one VAPID key, sends encrypted and signed to the subscription, and retires a device its push service says is gone', async () => {
    const s = await open();
    closing.push(s);
    const push = await pushService();
    closing.push(push);

    const key = await call(s, 'GET', '/v1/public/push/vapid-key', { key: s.keys.publishable });
    expect(key.status, key.text).toBe(200);
    const publicKey: string = key.json.publicKey;
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);
    expect(Buffer.from(publicKey, 'base64url')[0]).toBe(4);
    expect((await call(s, 'GET', '/v1/public/push/vapid-key', { key: s.keys.publishable })).json.publicKey).toBe(publicKey);
    const stored = await s.store.getMeta<{ publicKey: string; privateKey: string }>(WEB_PUSH_KEYS_META);
    expect(stored!.publicKey).toBe(publicKey);
    expect(stored!.privateKey).toMatch(/^sealed:v1:/);

    const put = await call(s, 'PUT', '/v1/settings/channels', { body: { email: DEV, sms: DEV, whatsapp: DEV, push: { provider: 'webpush' } } });
    expect(put.status, put.text).toBe(200);
    expect(put.json.push).toEqual({ provider: 'webpush' });

    const ana = await shopper(s, 'Ana');
    const browser = browserKeys();
    const endpoint = `${push.origin}/push/ana-${rng.int(0, 1e9)}`;
    const subscription = { endpoint, expirationTime: null, keys: browser.keys };
    const reg = await call(s, 'POST', '/v1/public/me/devices', as(s, ana.token, { body: { subscription, platform: 'web', appName: 'Loja Exemplo', label: 'Chrome no Linux' } }));
    expect(reg.status, reg.text).toBe(201);
    expect(reg.json).toMatchObject({ platform: 'web', webPush: true, tokenEnd: endpoint.slice(-6) });
    // The same subscription again is the same device.
    expect((await call(s, 'POST', '/v1/public/me/devices', as(s, ana.token, { body: { subscription, platform: 'web', appName: 'Loja Exemplo' } }))).status).toBe(200);

    const batch = await call(s, 'POST', '/v1/messages', { body: { ids: [ana.id], channel: 'push', text: 'Olá {{primeiroNome}}, seus créditos vencem amanhã!', acknowledgedResponsibility: true } });
    expect(batch.status, batch.text).toBe(201);
    await s.messages.drain();
    expect(push.received).toHaveLength(1);
    const got = push.received[0]!;
    expect(got.path).toBe(new URL(endpoint).pathname);
    expect(got.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(got.headers.ttl)).toBeGreaterThan(0);
    expect(checkVapid(got.headers, push.origin).k).toBe(publicKey);
    expect(got.body.includes(Buffer.from('créditos'))).toBe(false);
    const payload = JSON.parse(decrypt(got.body, browser.ecdh, browser.auth));
    expect(payload).toMatchObject({ title: 'Loja Exemplo', body: 'Olá Ana, seus créditos vencem amanhã!' });
    const recipients = await call(s, 'GET', `/v1/messages/${batch.json.id}/recipients`);
    expect(recipients.json.items[0]).toMatchObject({ status: 'sent' });

    // The push service says the subscription is gone: the device is let go, and the message fails saying so.
    push.answers.push(410);
    const second = await call(s, 'POST', '/v1/messages', { body: { ids: [ana.id], channel: 'push', text: 'Outra', acknowledgedResponsibility: true } });
    await s.messages.drain();
    expect(push.received).toHaveLength(2);
    expect((await call(s, 'GET', '/v1/public/me/devices', as(s, ana.token))).json.items).toEqual([]);
    const failed = (await call(s, 'GET', `/v1/messages/${second.json.id}/recipients`)).json.items[0];
    expect(failed).toMatchObject({ status: 'failed' });
    expect(failed.error).toContain('subscription gone');

    // An app device (a token, no subscription) without a gateway is refused for good, saying why.
    const bia = await shopper(s, 'Bia');
    await call(s, 'POST', '/v1/public/me/devices', as(s, bia.token, { body: { token: 'fcm:bia-phone-0123456789abcdef', platform: 'android', appName: 'Loja Exemplo' } }));
    const third = await call(s, 'POST', '/v1/messages', { body: { ids: [bia.id], channel: 'push', text: 'Oi', acknowledgedResponsibility: true } });
    await s.messages.drain();
    expect((await call(s, 'GET', `/v1/messages/${third.json.id}/recipients`)).json.items[0].error).toContain('push gateway');
  });

  it('refuses a subscription that is not one (platform, missing keys, http off loopback, token and subscription both)', async () => {
    const s = await open();
    closing.push(s);
    const ana = await shopper(s, 'Ana');
    const { keys } = browserKeys();
    const post = (body: unknown) => call(s, 'POST', '/v1/public/me/devices', as(s, ana.token, { body, headers: { 'Accept-Language': 'en' } }));
    const paths = async (body: unknown) => {
      const r = await post(body);
      expect(r.status, r.text).toBe(422);
      return r.json.errors.map((e: { path: string }) => e.path);
    };
    expect(await paths({ subscription: { endpoint: 'https://push.example.test/x', keys }, platform: 'android', appName: 'Loja' })).toEqual(['platform']);
    expect(await paths({ subscription: { endpoint: 'http://push.example.test/x', keys }, platform: 'web', appName: 'Loja' })).toEqual(['subscription.endpoint']);
    expect(await paths({ subscription: { endpoint: 'https://push.example.test/x', keys: { p256dh: keys.p256dh } }, platform: 'web', appName: 'Loja' })).toContain('subscription.keys.auth');
    expect(await paths({ token: 'https://push.example.test/x', subscription: { endpoint: 'https://push.example.test/x', keys }, platform: 'web', appName: 'Loja' })).toEqual(['token']);
    expect(await paths({ platform: 'web', appName: 'Loja' })).toEqual(['token']);
  });
});

describe('Web Push without a secrets key', () => {
  it('a PostgreSQL-like store that cannot keep the private key answers 503 web_push_unavailable, localized', async () => {
    // A SQLite store handed in as `store` has no key file and no key: like PostgreSQL without --secrets-key.
    const { SqliteStore } = await import('../src/store/sqlite.js');
    const { SyncStoreAdapter } = await import('../src/store/sync-adapter.js');
    const s = app({ store: new SyncStoreAdapter(new SqliteStore(':memory:')) });
    closing.push(s);
    const r = await call(s, 'GET', '/v1/public/push/vapid-key', { key: s.keys.publishable, headers: { 'Accept-Language': 'es' } });
    expect(r.status).toBe(503);
    expect(r.json.title).toBe('Web Push no disponible');
    expect((await call(app({ secretsKey: TEST_SECRETS_KEY }), 'GET', '/v1/public/push/vapid-key', { key: 'pk_test_clientela' })).status).toBe(200);
  });
});
