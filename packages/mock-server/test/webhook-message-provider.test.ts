import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '@clientela/core/webhooks';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { WebhookMessageProvider } from '../src/service/webhook-message-provider.js';
import { app, call } from './helpers.js';

// The webhook provider for SMS, WhatsApp and push, against a real receiver on loopback, through a
// server's outbox: each message one signed POST (the webhooks' signature) with the outbox row's
// id as Idempotency-Key; a 503 is retried, a 400 fails at once.

const START = Date.parse('2026-11-22T12:00:00.000Z');
const SECRET = 'whsec_test_gateway';

async function gateway(answers: number[]) {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const status = answers.length > 1 ? answers.shift()! : answers[0]!;
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(status < 300 ? { id: `gw_${received.length}` } : { error: 'nope' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}

const closing: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const c of closing.splice(0)) await c.close();
});

describe('webhook message provider', () => {
  it('POSTs each message signed, retries a 503, fails a 400 at once', async () => {
    const gw = await gateway([503, 200, 400]);
    closing.push(gw);
    let now = START;
    const server = app({
      now: () => new Date(now),
      messages: { providers: { sms: new WebhookMessageProvider({ url: gw.url, secret: SECRET, now: () => new Date(now) }) }, schedule: [30], random: () => 0.5 },
    });
    closing.push(server);
    const rng = new Prng(5);
    const ids: string[] = [];
    for (const name of ['Zé', 'Inês']) {
      const r = await call(server, 'POST', '/v1/customers', {
        body: { kind: 'person', document: generateCpf(rng), firstName: name, lastName: 'Gonçalves', email: `${name === 'Zé' ? 'ze' : 'ines'}@example.com.br`, phone: '(11) 98765-4321', marketingConsent: { email: false, sms: true, whatsapp: false } },
      });
      ids.push(r.json.id);
    }
    const batch = (await call(server, 'POST', '/v1/messages', { body: { ids: [ids[0]], channel: 'sms', text: 'Oi {{primeiroNome}}, ação válida até sábado.', acknowledgedResponsibility: true } })).json;
    await server.messages.drain();
    expect(gw.received).toHaveLength(1);
    now += 31_000;
    await server.messages.drain();
    expect(gw.received).toHaveLength(2);
    const [first, second] = gw.received;
    expect(second!.body).toBe(first!.body);
    const sent = JSON.parse(second!.body);
    expect(sent).toMatchObject({ channel: 'sms', customerId: ids[0], to: '+5511987654321', text: 'Oi Zé, ação válida até sábado.' });
    expect(second!.headers['idempotency-key']).toBe(sent.id);
    await expect(verifyWebhookSignature(SECRET, second!.headers['clientela-signature'] as string, second!.body, { now: () => now })).resolves.toBeTruthy();
    await expect(verifyWebhookSignature('whsec_other', second!.headers['clientela-signature'] as string, second!.body, { now: () => now })).rejects.toThrow();
    const [row] = (await call(server, 'GET', `/v1/messages/${batch.id}/recipients`)).json.items;
    expect(row).toMatchObject({ id: sent.id, status: 'sent', attempts: 2, providerMessageId: 'gw_2' });

    const refused = (await call(server, 'POST', '/v1/messages', { body: { ids: [ids[1]], channel: 'sms', text: 'Oi', acknowledgedResponsibility: true } })).json;
    await server.messages.drain();
    const [failed] = (await call(server, 'GET', `/v1/messages/${refused.id}/recipients`)).json.items;
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('HTTP 400') });
  });
});
