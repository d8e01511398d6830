import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { WebhookMessageProvider } from '../src/service/webhook-message-provider.js';
import { call, type CallOptions } from './helpers.js';
import { everyServer } from './stores.js';

// Push devices (#17): a signed-in shopper registers the app's (or the browser's) push token,
// idempotent per token, a token moving to another account leaves the first; the store reads a
// customer's devices without their tokens; the composer's counts take "has the app" as the push
// contact; the push gateway (the webhook provider) gets one signed POST per device token.

const START = Date.parse('2026-11-22T12:00:00.000Z');
const clock = { ms: START };
const rng = new Prng(1717);

/** What the push gateway was sent, through the provider's own fetch (the loopback HTTP path is webhook-message-provider.test's). */
const gatewayLog: { headers: Headers; body: any }[] = [];
const gatewayAnswers: number[] = [];
const push = new WebhookMessageProvider({
  url: 'https://push.example.test/send',
  secret: 'whsec_push',
  fetch: async (request) => {
    gatewayLog.push({ headers: request.headers, body: JSON.parse(await request.text()) });
    const status = gatewayAnswers.shift() ?? 200;
    return new Response(JSON.stringify({ id: `gw_${gatewayLog.length}` }), { status });
  },
});

const opened: MockServer[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  gatewayLog.length = 0;
  gatewayAnswers.length = 0;
});

async function shopper(s: MockServer, firstName: string) {
  clock.ms += 1000; // a second apart: a target is read oldest first
  const email = `${firstName.toLowerCase()}.${rng.int(0, 1e9)}@example.com.br`;
  const password = 'pé-de-moleque-9';
  const reg = await call(s, 'POST', '/v1/public/registrations', { key: s.keys.publishable, body: { kind: 'person', document: generateCpf(rng), firstName, lastName: 'Teste', email, password } });
  expect(reg.status, reg.text).toBe(201);
  const session = await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email, password } });
  expect(session.status, session.text).toBe(201);
  return { id: reg.json.id as string, token: session.json.token as string };
}

const as = (s: MockServer, session: string | undefined, extra: CallOptions = {}): CallOptions => ({
  key: s.keys.publishable,
  ...extra,
  headers: { ...(session ? { 'Clientela-Session': session } : {}), ...(extra.headers ?? {}) },
});

const TOKEN_A = 'fcm:ana-phone-0123456789abcdef';
const TOKEN_B = 'https://push.example.test/sub/ana-browser-fedcba9876543210';

describe.each(everyServer('devices', { now: () => new Date(clock.ms), messages: { providers: { push } } }))('push devices on %s', (_kind, open) => {
  it('registers per token (idempotent), moves a token between accounts, removes only the own, and hides tokens from every answer', async () => {
    clock.ms = START;
    const s = await open();
    opened.push(s);
    const ana = await shopper(s, 'Ana');
    const bia = await shopper(s, 'Bia');

    expect((await call(s, 'POST', '/v1/public/me/devices', as(s, undefined, { body: { token: TOKEN_A, platform: 'android', appName: 'Loja' } }))).status).toBe(401);
    const bad = await call(s, 'POST', '/v1/public/me/devices', as(s, ana.token, { body: { token: 'short', platform: 'symbian', appName: '' }, headers: { 'Accept-Language': 'en' } }));
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['appName', 'platform', 'token']);

    const first = await call(s, 'POST', '/v1/public/me/devices', as(s, ana.token, { body: { token: TOKEN_A, platform: 'android', appName: 'Loja', label: 'Moto G da Ana' } }));
    expect(first.status, first.text).toBe(201);
    expect(first.json).toMatchObject({ customerId: ana.id, platform: 'android', appName: 'Loja', label: 'Moto G da Ana', tokenEnd: 'abcdef', createdAt: new Date(clock.ms).toISOString() });
    expect(first.text).not.toContain(TOKEN_A);
    clock.ms += 60_000;
    const again = await call(s, 'POST', '/v1/public/me/devices', as(s, ana.token, { body: { token: ` ${TOKEN_A} `, platform: 'android', appName: 'Loja 2.0' } }));
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ id: first.json.id, appName: 'Loja 2.0', createdAt: first.json.createdAt, lastSeenAt: new Date(clock.ms).toISOString() });
    clock.ms += 60_000;
    const browser = await call(s, 'POST', '/v1/public/me/devices', as(s, ana.token, { body: { token: TOKEN_B, platform: 'web', appName: 'Loja', label: 'Chrome no Linux' } }));
    expect(browser.status).toBe(201);

    const mine = await call(s, 'GET', '/v1/public/me/devices', as(s, ana.token));
    expect(mine.json.items.map((d: { id: string }) => d.id)).toEqual([browser.json.id, first.json.id]);
    const admin = await call(s, 'GET', `/v1/customers/${ana.id}/devices`);
    expect(admin.status).toBe(200);
    expect(admin.json.items).toHaveLength(2);
    expect(admin.text).not.toContain(TOKEN_A);
    expect(admin.text).not.toContain('ana-browser');
    expect((await call(s, 'GET', '/v1/customers/cus_none/devices')).status).toBe(404);
    expect((await call(s, 'GET', `/v1/customers/${ana.id}/devices`, { key: s.keys.publishable })).status).toBe(403);

    // Bia signs in on Ana's phone: the token is hers now, and Ana's list loses it.
    clock.ms += 60_000;
    const moved = await call(s, 'POST', '/v1/public/me/devices', as(s, bia.token, { body: { token: TOKEN_A, platform: 'android', appName: 'Loja' } }));
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ id: first.json.id, customerId: bia.id });
    expect((await call(s, 'GET', `/v1/customers/${ana.id}/devices`)).json.items.map((d: { id: string }) => d.id)).toEqual([browser.json.id]);
    expect((await call(s, 'GET', `/v1/customers/${bia.id}/devices`)).json.items.map((d: { id: string }) => d.id)).toEqual([first.json.id]);

    // Ana cannot remove Bia's device (204 and nothing changes); Bia can.
    expect((await call(s, 'DELETE', `/v1/public/me/devices/${first.json.id}`, as(s, ana.token))).status).toBe(204);
    expect((await call(s, 'GET', '/v1/public/me/devices', as(s, bia.token))).json.items).toHaveLength(1);
    expect((await call(s, 'DELETE', `/v1/public/me/devices/${first.json.id}`, as(s, bia.token))).status).toBe(204);
    expect((await call(s, 'GET', '/v1/public/me/devices', as(s, bia.token))).json.items).toEqual([]);
  });

  it('a merge moves the merged record\'s devices to the survivor; an erasure removes the person\'s devices', async () => {
    clock.ms = START;
    const s = await open();
    opened.push(s);
    const ana = await shopper(s, 'Ana');
    const old = await shopper(s, 'Ana');
    for (const [who, token] of [[ana, TOKEN_A], [old, TOKEN_B]] as const) {
      clock.ms += 1000;
      expect((await call(s, 'POST', '/v1/public/me/devices', as(s, who.token, { body: { token, platform: 'android', appName: 'Loja' } }))).status).toBe(201);
    }
    const merged = await call(s, 'POST', '/v1/customers/merge', { body: { merges: [{ survivorId: ana.id, mergedId: old.id }] } });
    expect(merged.status, merged.text).toBe(200);
    expect((await call(s, 'GET', `/v1/customers/${ana.id}/devices`)).json.items.map((d: { tokenEnd: string }) => d.tokenEnd).sort()).toEqual([TOKEN_A.slice(-6), TOKEN_B.slice(-6)].sort());
    expect((await call(s, 'GET', `/v1/customers/${old.id}/devices`)).json.items).toEqual([]);

    const erased = await call(s, 'POST', `/v1/customers/${ana.id}/anonymize`, { body: { confirmation: 'ANONIMIZAR' } });
    expect(erased.status, erased.text).toBe(200);
    expect((await call(s, 'GET', `/v1/customers/${ana.id}/devices`)).json.items).toEqual([]);
    // The token is free again: another account may register it as new.
    const bia = await shopper(s, 'Bia');
    expect((await call(s, 'POST', '/v1/public/me/devices', as(s, bia.token, { body: { token: TOKEN_A, platform: 'android', appName: 'Loja' } }))).status).toBe(201);
  });

  it('counts push recipients by app, sends one signed POST per device token, and skips a customer who removed the app before the send', async () => {
    clock.ms = START;
    const s = await open();
    opened.push(s);
    const ana = await shopper(s, 'Ana');
    const bia = await shopper(s, 'Bia');
    const caio = await shopper(s, 'Caio');
    for (const [who, token, platform] of [[ana, TOKEN_A, 'android'], [ana, TOKEN_B, 'web'], [bia, 'apns:bia-iphone-00112233445566', 'ios']] as const) {
      clock.ms += 1000; // the last seen is sent to first
      expect((await call(s, 'POST', '/v1/public/me/devices', as(s, who.token, { body: { token, platform, appName: 'Loja' } }))).status).toBe(201);
    }
    const target = { ids: [ana.id, bia.id, caio.id], channel: 'push', text: 'Oi {{primeiroNome}}, chegou coleção nova.' };
    const preview = await call(s, 'POST', '/v1/messages/preview', { body: target });
    expect(preview.json.counts).toEqual({ matched: 3, recipients: 2, noConsent: 0, noContact: 1, inactive: 0 });
    expect(preview.json.sample).toMatchObject({ customerId: ana.id, text: 'Oi Ana, chegou coleção nova.' });

    const batch = await call(s, 'POST', '/v1/messages', { body: { ...target, acknowledgedResponsibility: true } });
    expect(batch.status, batch.text).toBe(201);
    expect(batch.json.counts).toMatchObject({ recipients: 2, noContact: 1 });
    // Bia turns notifications off before the dispatcher runs: skipped, no contact.
    const biaDevice = (await call(s, 'GET', '/v1/public/me/devices', as(s, bia.token))).json.items[0];
    expect((await call(s, 'DELETE', `/v1/public/me/devices/${biaDevice.id}`, as(s, bia.token))).status).toBe(204);
    gatewayAnswers.push(200, 503); // Ana's second device answers 503 once: the row is retried, both devices again
    await s.messages.drain();
    let rows = (await call(s, 'GET', `/v1/messages/${batch.json.id}/recipients`)).json.items;
    const byCustomer = (id: string) => rows.find((r: { customerId: string }) => r.customerId === id);
    expect(byCustomer(ana.id)).toMatchObject({ status: 'queued', attempts: 1, error: expect.stringContaining('HTTP 503') });
    expect(byCustomer(bia.id)).toMatchObject({ status: 'skipped', skipReason: 'no_contact' });
    expect(byCustomer(caio.id)).toMatchObject({ status: 'skipped', skipReason: 'no_contact' });
    clock.ms += 60 * 60_000;
    await s.messages.drain();
    rows = (await call(s, 'GET', `/v1/messages/${batch.json.id}/recipients`)).json.items;
    expect(byCustomer(ana.id)).toMatchObject({ status: 'sent', attempts: 2 });

    expect(gatewayLog.map((g) => g.body.to)).toEqual([TOKEN_B, TOKEN_A, TOKEN_B, TOKEN_A]);
    const row = byCustomer(ana.id);
    for (const g of gatewayLog) {
      expect(g.body).toMatchObject({ channel: 'push', customerId: ana.id, text: 'Oi Ana, chegou coleção nova.', device: { platform: g.body.to === TOKEN_A ? 'android' : 'web', appName: 'Loja' } });
      expect(g.headers.get('Idempotency-Key')).toBe(`${row.id}.${g.body.device.id}`);
      expect(g.headers.get('Clientela-Signature')).toMatch(/^t=\d+,v1=/);
    }
    // The same device twice carries the same key, so a gateway drops the copy.
    expect(gatewayLog[2]!.headers.get('Idempotency-Key')).toBe(gatewayLog[0]!.headers.get('Idempotency-Key'));
  });
});

describe.each(everyServer('devices-seed', { seed: 150, now: () => new Date(START) }))('seeded push devices on %s', (_kind, open) => {
  it('registers devices for a minority of the customers who can sign in, and the counts show who has the app', async () => {
    const s = await open();
    opened.push(s);
    const preview = await call(s, 'POST', '/v1/messages/preview', { body: { filter: {}, channel: 'push', text: 'Oi' } });
    expect(preview.status, preview.text).toBe(200);
    const { matched, recipients, noContact, inactive } = preview.json.counts;
    expect(recipients).toBeGreaterThan(0);
    expect(recipients).toBeLessThan(matched / 3);
    expect(recipients + noContact + inactive).toBe(matched);
    // Everyone it reaches signed in to the app: an active account, a device listed by the admin route.
    const customer = await call(s, 'GET', `/v1/customers/${preview.json.sample.customerId}`);
    expect(customer.json.account.status).toBe('active');
    const devices = (await call(s, 'GET', `/v1/customers/${customer.json.id}/devices`)).json.items;
    expect(devices.length).toBeGreaterThan(0);
    expect(devices[0]).toMatchObject({ appName: 'Clientela Loja', tokenEnd: expect.stringMatching(/^[0-9a-f]{6}$/) });
  });
});
