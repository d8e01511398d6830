import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { SmtpProvider } from '../src/platform/smtp-provider.js';
import { WebhookMessageProvider } from '../src/service/webhook-message-provider.js';
import { app, call } from './helpers.js';

// A batch over 1,000 seeded customers (consent mixed) by e-mail through a real SMTP server on
// loopback, and by SMS through a webhook gateway, both refusing part of the messages for a
// while, with the server stopped in the middle of sending (rows leased and never finished) and
// started again on the same file: every consenting recipient gets exactly one message.

const dir = mkdtempSync(join(tmpdir(), 'clientela-messages-batch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a 1,000-customer batch across a restart', () => {
  it('delivers exactly once to every consenting recipient, through SMTP and a webhook gateway that fail part of the time', async () => {
    const mail: string[] = [];
    let dataCalls = 0;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          // Every 7th message is refused for now (451): the dispatcher must retry it later.
          if (++dataCalls % 7 === 0) return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          const id = /^X-Clientela-Message: (\S+)/m.exec(Buffer.concat(chunks).toString('utf8'))?.[1];
          mail.push(id ?? '?');
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    const sms: string[] = [];
    let posts = 0;
    const gateway = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (++posts % 5 === 0) return void res.writeHead(503).end();
        sms.push(String(req.headers['idempotency-key']));
        res.writeHead(202, { 'Content-Type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;

    let now = Date.parse('2026-11-22T12:00:00.000Z');
    const db = join(dir, 'batch.sqlite');
    const open = () =>
      app({
        seed: 1000,
        db,
        now: () => new Date(now),
        messages: {
          providers: {
            email: new SmtpProvider({ host: '127.0.0.1', port: smtpPort, from: 'Loja <contato@loja.example.com.br>' }),
            sms: new WebhookMessageProvider({ url: gatewayUrl, secret: 'whsec_batch', now: () => new Date(now) }),
          },
          schedule: [30, 30, 30, 30, 30],
          random: () => 0.5,
          leaseMs: 60_000,
          batch: 40,
        },
      });
    try {
      let server = open();
      await server.ready;
      const email = await call(server, 'POST', '/v1/messages', { body: { filter: {}, channel: 'email', subject: 'Olá, {{primeiroNome}}', text: 'Oi {{nome}}', acknowledgedResponsibility: true } });
      expect(email.status, email.text).toBe(201);
      const text = await call(server, 'POST', '/v1/messages', { body: { filter: {}, channel: 'sms', text: 'Oi {{primeiroNome}}', acknowledgedResponsibility: true } });
      expect(text.status, text.text).toBe(201);
      expect(email.json.counts.matched).toBeGreaterThanOrEqual(1000 - email.json.counts.inactive);
      expect(email.json.counts.recipients).toBeGreaterThan(100);
      expect(email.json.counts.noConsent).toBeGreaterThan(0);

      // Part of the work, then a crash: rows leased by a process that never finishes them.
      await server.messages.runOnce();
      await server.store.leaseMessageRecipients('crashed', 'email', new Date(now).toISOString(), new Date(now + 60_000).toISOString(), 25);
      await server.store.leaseMessageRecipients('crashed', 'sms', new Date(now).toISOString(), new Date(now + 60_000).toISOString(), 25);
      await server.close();

      server = open();
      await server.ready;
      for (let round = 0; round < 20; round++) {
        await server.messages.drain();
        const [a, b] = await Promise.all([call(server, 'GET', `/v1/messages/${email.json.id}`), call(server, 'GET', `/v1/messages/${text.json.id}`)]);
        if (a.json.progress.queued === 0 && b.json.progress.queued === 0) break;
        now += 61_000; // past the lapsed leases and the retry waits
      }
      const [a, b] = await Promise.all([call(server, 'GET', `/v1/messages/${email.json.id}`), call(server, 'GET', `/v1/messages/${text.json.id}`)]);
      expect(a.json.progress).toMatchObject({ queued: 0, failed: 0, sent: email.json.counts.recipients });
      expect(b.json.progress).toMatchObject({ queued: 0, failed: 0, sent: text.json.counts.recipients });
      expect(mail).toHaveLength(email.json.counts.recipients);
      expect(new Set(mail).size).toBe(mail.length);
      expect(sms).toHaveLength(text.json.counts.recipients);
      expect(new Set(sms).size).toBe(sms.length);
      expect(dataCalls).toBeGreaterThan(mail.length); // some were refused and retried
      expect(posts).toBeGreaterThan(sms.length);
      await server.close();
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => (gateway.close(() => resolve()), gateway.closeAllConnections()));
    }
  }, 120_000);
});
