import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '@clientela/core/webhooks';
import type { MockServer } from '../src/index.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { app, call } from './helpers.js';
import { everyServer } from './stores.js';

// Channel settings (#17 §2): each channel's provider and rate live in the store, secrets
// write-only (masked when read, kept when left out), audited; the dispatcher of every process
// sends with what is stored, read each round; the CLI's flags are written in at start.

const SECRET = 'whsec_gateway_from_settings_0001';
const rng = new Prng(2217);

async function gateway() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `gw_${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/sms`, received, close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())) };
}

const closing: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of closing.splice(0)) await c.close();
});

async function smsCustomer(s: MockServer): Promise<string> {
  const r = await call(s, 'POST', '/v1/customers', {
    body: { kind: 'person', document: generateCpf(rng), firstName: 'Inês', lastName: 'Gonçalves', email: `ines.${rng.int(0, 1e9)}@example.com.br`, phone: '(11) 98765-4321', marketingConsent: { email: false, sms: true, whatsapp: false } },
  });
  expect(r.status, r.text).toBe(201);
  return r.json.id;
}

const DEV = { provider: 'development' };

describe.each(everyServer('channel-settings'))('channel settings on %s', (_kind, open) => {
  it('starts in development, refuses a webhook without URL and secret, sends through the stored gateway, keeps a secret left out and never shows it', async () => {
    const s = await open();
    closing.push(s);
    const gw = await gateway();
    closing.push(gw);
    const initial = await call(s, 'GET', '/v1/settings/channels');
    expect(initial.json).toEqual({ email: DEV, sms: DEV, whatsapp: DEV, push: DEV });
    expect((await call(s, 'GET', '/v1/settings/channels', { key: s.keys.publishable })).status).toBe(403);

    const missing = await call(s, 'PUT', '/v1/settings/channels', { body: { email: DEV, sms: { provider: 'webhook' }, whatsapp: DEV, push: { provider: 'webhook', url: 'ftp://x' } }, headers: { 'Accept-Language': 'en' } });
    expect(missing.status).toBe(422);
    expect(missing.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['push.url']);
    const noUrl = await call(s, 'PUT', '/v1/settings/channels', { body: { email: { provider: 'smtp' }, sms: { provider: 'webhook' }, whatsapp: DEV, push: DEV } });
    expect(noUrl.status).toBe(422);
    expect(noUrl.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email.from', 'email.host', 'email.port', 'sms.secret', 'sms.url']);
    expect(noUrl.json.errors[0].message).toBeTruthy();
    expect((await call(s, 'GET', '/v1/settings/channels')).json).toEqual(initial.json);

    const put = await call(s, 'PUT', '/v1/settings/channels', { body: { email: DEV, sms: { provider: 'webhook', url: gw.url, secret: SECRET, ratePerMinute: 1 }, whatsapp: DEV, push: DEV }, headers: { 'X-Actor': 'Marina' } });
    expect(put.status, put.text).toBe(200);
    expect(put.json.sms).toEqual({ provider: 'webhook', url: gw.url, ratePerMinute: 1, secretMasked: '••••••0001' });
    expect(put.text).not.toContain(SECRET);
    const audit = await call(s, 'GET', '/v1/audit?action=settings.update');
    expect(audit.json.items[0]).toMatchObject({ action: 'settings.update', detail: 'channels', actor: { name: 'Marina' } });

    // Two messages, a rate of one a minute: one goes now, through the gateway the settings name.
    const ids = [await smsCustomer(s), await smsCustomer(s)];
    const batch = await call(s, 'POST', '/v1/messages', { body: { ids, channel: 'sms', text: 'Oi {{primeiroNome}}, ação válida até sábado.', acknowledgedResponsibility: true } });
    expect(batch.status, batch.text).toBe(201);
    await s.messages.drain();
    expect(gw.received).toHaveLength(1);
    const sent = gw.received[0]!;
    expect(JSON.parse(sent.body)).toMatchObject({ channel: 'sms', to: '+5511987654321', text: 'Oi Inês, ação válida até sábado.' });
    await expect(verifyWebhookSignature(SECRET, sent.headers['clientela-signature'] as string, sent.body)).resolves.toBeTruthy();

    // The secret left out is kept; the rate lifted: the second goes with the same secret.
    const again = await call(s, 'PUT', '/v1/settings/channels', { body: { email: DEV, sms: { provider: 'webhook', url: gw.url, ratePerMinute: null }, whatsapp: DEV, push: DEV } });
    expect(again.status, again.text).toBe(200);
    expect(again.json.sms.secretMasked).toBe('••••••0001');
    await s.messages.drain();
    expect(gw.received).toHaveLength(2);
    await expect(verifyWebhookSignature(SECRET, gw.received[1]!.headers['clientela-signature'] as string, gw.received[1]!.body)).resolves.toBeTruthy();

    // Back to development: nothing more reaches the gateway, and the message is delivered offline.
    await call(s, 'PUT', '/v1/settings/channels', { body: { email: DEV, sms: DEV, whatsapp: DEV, push: DEV } });
    const third = await call(s, 'POST', '/v1/messages', { body: { ids: [ids[0]], channel: 'sms', text: 'Oi', acknowledgedResponsibility: true } });
    await s.messages.drain();
    expect(gw.received).toHaveLength(2);
    expect((await call(s, 'GET', `/v1/messages/${third.json.id}/recipients`)).json.items[0]).toMatchObject({ status: 'delivered' });
  });
});

describe('channel settings from the CLI flags', () => {
  it('writes the channels the flags name at start, over what is stored, and leaves the others', async () => {
    const s = app({ messages: { channelSettings: { email: { provider: 'smtp', host: 'smtp.loja.test', port: 587, secure: false, user: 'loja', password: 'senha-smtp-9876', from: 'Loja <contato@loja.test>' } } } });
    closing.push(s);
    const read = await call(s, 'GET', '/v1/settings/channels');
    expect(read.json).toEqual({
      email: { provider: 'smtp', host: 'smtp.loja.test', port: 587, secure: false, user: 'loja', from: 'Loja <contato@loja.test>', passwordMasked: '••••••9876' },
      sms: DEV,
      whatsapp: DEV,
      push: DEV,
    });
    expect(read.text).not.toContain('senha-smtp');
  });
});
