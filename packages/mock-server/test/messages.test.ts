import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '@clientela/core';
import { createClient } from '@clientela/core/client';
import type { MockServer, MockServerOptions } from '../src/index.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import type { MessageProvider, OutgoingMessage } from '../src/service/message-providers.js';
import { ProviderError } from '../src/service/message-providers.js';
import { call } from './helpers.js';
import { everyServer } from './stores.js';

// Messages (#17 §1–§2): the preview's counts, the legal tick, the batch and its recipients, and
// the outbox's dispatcher — consent read again at send time, retries, lapsed leases, and two
// processes sharing one store sending each recipient once. The clock is a number the tests move.

const START = Date.parse('2026-11-22T12:00:00.000Z');
const rng = new Prng(17);

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

function person(firstName: string, extra: Record<string, unknown>) {
  return { kind: 'person', document: generateCpf(rng), firstName, lastName: 'Teste', ...extra };
}

async function create(server: MockServer, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  clock.ms += 1000; // one second apart: the target is read oldest first
  const r = await call(server, 'POST', '/v1/customers', { body });
  expect(r.status, r.text).toBe(201);
  return r.json;
}

const clock = { ms: START };
const options = (extra: MockServerOptions = {}): MockServerOptions => ({ now: () => new Date(clock.ms), ...extra });

describe.each(everyServer('messages', options()))('messages on %s', (_kind, open) => {
  it('counts, refuses without the tick, sends once per consenting customer and honours an opt-out made after the batch', async () => {
    clock.ms = START;
    const server = await open();
    opened.push(server);
    // A store that does not require an e-mail (a customer registered at the till with a phone only).
    const settings = await call(server, 'GET', '/v1/settings/registration');
    const put = await call(server, 'PUT', '/v1/settings/registration', { body: { ...settings.json, person: { ...settings.json.person, email: 'optional' } } });
    expect(put.status, put.text).toBe(200);
    const ana = await create(server, person('Ana <b>', { email: 'ana@example.com.br', marketingConsent: { email: true, sms: false, whatsapp: false } }));
    const bia = await create(server, person('Bia', { email: 'bia@example.com.br', marketingConsent: { email: false, sms: true, whatsapp: false } }));
    const caio = await create(server, person('Caio', { phone: '(11) 98765-4321', marketingConsent: { email: true, sms: true, whatsapp: false } }));
    const davi = await create(server, person('Davi', { email: 'davi@example.com.br', marketingConsent: { email: true, sms: false, whatsapp: false } }));
    const target = { ids: [ana.id, bia.id, caio.id, davi.id] };
    const content = { ...target, channel: 'email', subject: 'Olá, {{primeiroNome}}', text: 'Oi {{primeiroNome}}, seu saldo é {{creditoDisponivel}}.' };

    const preview = await call(server, 'POST', '/v1/messages/preview', { body: content });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.json.counts).toEqual({ matched: 4, recipients: 2, noConsent: 1, noContact: 1, inactive: 0 });
    expect(preview.json.sample).toMatchObject({ customerId: ana.id, subject: 'Olá, Ana <b>', text: 'Oi Ana <b>, seu saldo é R$\u00a00,00.' });

    // SMS reaches the one with a phone and consent; push reaches no one (no app registered).
    const sms = await call(server, 'POST', '/v1/messages/preview', { body: { ...target, channel: 'sms', text: 'Oi' } });
    expect(sms.json.counts).toMatchObject({ recipients: 1, noConsent: 2, noContact: 1 });
    const push = await call(server, 'POST', '/v1/messages/preview', { body: { ...target, channel: 'push', text: 'Oi' } });
    expect(push.json.counts).toMatchObject({ recipients: 0, noContact: 4 });

    for (const [lang, words] of [['pt-BR', 'Li e compreendo'], ['en', 'I have read and understand'], ['es', 'He leído y comprendo']] as const) {
      const refused = await call(server, 'POST', '/v1/messages', { body: content, headers: { 'Accept-Language': lang } });
      expect(refused.status).toBe(422);
      expect(refused.json.errors[0]).toMatchObject({ path: 'acknowledgedResponsibility', code: 'responsibility_not_acknowledged' });
      expect(refused.json.errors[0].message).toContain(words);
    }
    const unknown = await call(server, 'POST', '/v1/messages', { body: { ...content, text: 'Oi {{apelido}}', acknowledgedResponsibility: true } });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors[0]).toMatchObject({ path: 'text', code: 'unknown_variable' });
    const noSubject = await call(server, 'POST', '/v1/messages', { body: { ...content, subject: undefined, acknowledgedResponsibility: true } });
    expect(noSubject.json.errors[0]).toMatchObject({ path: 'subject', code: 'subject_required' });
    expect((await call(server, 'GET', '/v1/messages')).json.items).toEqual([]);

    const send = { body: { ...content, acknowledgedResponsibility: true }, headers: { 'Idempotency-Key': 'send-1', 'X-Actor': 'Marina' } };
    const created = await call(server, 'POST', '/v1/messages', send);
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ channel: 'email', counts: { matched: 4, recipients: 2 }, progress: { queued: 2, skipped: 2 }, createdBy: { name: 'Marina' } });
    const again = await call(server, 'POST', '/v1/messages', send);
    expect(again.json.id).toBe(created.json.id);
    expect((await call(server, 'GET', '/v1/messages')).json.items).toHaveLength(1);

    const log = await call(server, 'GET', '/v1/audit?action=message.send');
    expect(log.json.items).toHaveLength(1);
    expect(log.json.items[0]).toMatchObject({ actor: { name: 'Marina' }, channel: 'email', count: 2, excluded: { noConsent: 1, noContact: 1 }, target: created.json.id });

    // Davi opts out after the batch was made: skipped at send time, with the reason.
    const revoke = await call(server, 'PATCH', `/v1/customers/${davi.id}`, { body: { marketingConsent: { email: false, sms: false, whatsapp: false } }, headers: { 'If-Match': `"${davi.version}"` } });
    expect(revoke.status, revoke.text).toBe(200);
    await server.messages.drain();

    const recipients = await call(server, 'GET', `/v1/messages/${created.json.id}/recipients`);
    const byCustomer = new Map(recipients.json.items.map((r: { customerId: string }) => [r.customerId, r]));
    expect(byCustomer.get(ana.id)).toMatchObject({ status: 'delivered', attempts: 1, subject: 'Olá, Ana <b>', providerMessageId: expect.any(String) });
    expect(byCustomer.get(bia.id)).toMatchObject({ status: 'skipped', skipReason: 'no_consent', attempts: 0 });
    expect(byCustomer.get(caio.id)).toMatchObject({ status: 'skipped', skipReason: 'no_contact' });
    expect(byCustomer.get(davi.id)).toMatchObject({ status: 'skipped', skipReason: 'no_consent' });
    expect((await call(server, 'GET', `/v1/messages/${created.json.id}`)).json.progress).toEqual({ queued: 0, sent: 0, delivered: 1, failed: 0, skipped: 3 });

    const events = await call(server, 'GET', '/v1/events?types=message.delivered');
    expect(events.json.items.map((e: { data: unknown }) => e.data)).toEqual([{ messageId: created.json.id, customerId: ana.id, channel: 'email' }]);
    const received = await call(server, 'GET', `/v1/customers/${ana.id}/messages`);
    expect(received.json.items).toHaveLength(1);
    expect(received.json.items[0]).toMatchObject({ messageId: created.json.id, status: 'delivered' });
    expect((await call(server, 'GET', '/v1/messages/msg_nope')).status).toBe(404);

    // The same through the core client, its answers checked against the schemas.
    const client = createClient({ baseUrl: 'http://mock.test', apiKey: server.keys.secret, fetch: (r) => server.fetch(r) });
    expect((await client.messages.preview({ ids: [ana.id], channel: 'email', subject: 'Oi', text: 'Oi' })).counts.recipients).toBe(1);
    await expect(client.messages.create({ ids: [ana.id], channel: 'email', subject: 'Oi', text: 'Oi' })).rejects.toBeInstanceOf(ValidationError);
    const viaClient = await client.messages.create({ ids: [ana.id], channel: 'email', subject: 'Oi', text: 'Oi', acknowledgedResponsibility: true });
    expect((await client.messages.list()).items.map((b) => b.id)).toEqual([viaClient.id, created.json.id]);
    expect((await client.messages.retrieve(viaClient.id)).progress.queued).toBe(1);
    expect((await client.messages.recipients(created.json.id, { status: 'skipped' })).items).toHaveLength(3);
    expect((await client.messages.ofCustomer(ana.id)).items).toHaveLength(2);
  });
});

const provider = { failures: 0, permanent: false, calls: 0, sent: [] as OutgoingMessage[] };
const scripted: MessageProvider = {
  name: 'scripted',
  send(m) {
    provider.calls++;
    if (provider.failures > 0) {
      provider.failures--;
      return Promise.reject(provider.permanent ? new ProviderError('mailbox does not exist', true) : new Error('gateway unavailable'));
    }
    provider.sent.push(m);
    return Promise.resolve({ delivered: false, providerMessageId: `scr_${provider.sent.length}` });
  },
};

describe.each(everyServer('messages-retry', options({ messages: { providers: { email: scripted }, schedule: [60], random: () => 0.5, leaseMs: 30_000 } })))(
  'outbox on %s',
  (_kind, open) => {
    it('retries a failing provider with backoff, gives up after the schedule, and sends a lapsed lease exactly once', async () => {
      clock.ms = START;
      Object.assign(provider, { failures: 1, permanent: false, calls: 0, sent: [] });
      const server = await open();
      opened.push(server);
      const a = await create(server, person('Ana', { email: 'ana@example.com.br', marketingConsent: { email: true, sms: false, whatsapp: false } }));
      const b = await create(server, person('Bia', { email: 'bia@example.com.br', marketingConsent: { email: true, sms: false, whatsapp: false } }));
      const batch = (await call(server, 'POST', '/v1/messages', { body: { ids: [a.id, b.id], channel: 'email', subject: 'Oi', text: 'Oi {{nome}}', acknowledgedResponsibility: true } })).json;
      await server.messages.drain();
      let rows = (await call(server, 'GET', `/v1/messages/${batch.id}/recipients`)).json.items;
      expect(rows.map((r: { status: string }) => r.status).sort()).toEqual(['queued', 'sent']);
      const waiting = rows.find((r: { status: string }) => r.status === 'queued');
      expect(waiting).toMatchObject({ attempts: 1, error: 'gateway unavailable' });
      await server.messages.drain(); // not due yet: the retry waits 60 s
      expect(provider.calls).toBe(2);
      clock.ms += 61_000;
      await server.messages.drain();
      rows = (await call(server, 'GET', `/v1/messages/${batch.id}/recipients`)).json.items;
      expect(rows.map((r: { status: string; attempts: number }) => [r.status, r.attempts]).sort()).toEqual([['sent', 1], ['sent', 2]]);
      expect(provider.sent.map((m) => m.to).sort()).toEqual(['ana@example.com.br', 'bia@example.com.br']);
      expect(provider.sent[1]).toMatchObject({ subject: 'Oi', text: expect.stringMatching(/^Oi (Ana|Bia) Teste$/) });

      // A permanent refusal is not retried: failed, with the error and a message.failed event.
      Object.assign(provider, { failures: 1, permanent: true });
      const failing = (await call(server, 'POST', '/v1/messages', { body: { ids: [a.id], channel: 'email', subject: 'Oi', text: 'Oi', acknowledgedResponsibility: true } })).json;
      await server.messages.drain();
      const [failed] = (await call(server, 'GET', `/v1/messages/${failing.id}/recipients`)).json.items;
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: 'mailbox does not exist' });
      const events = (await call(server, 'GET', '/v1/events?types=message.failed')).json.items;
      expect(events.map((e: { data: unknown }) => e.data)).toEqual([{ messageId: failing.id, customerId: a.id, channel: 'email', error: 'mailbox does not exist' }]);

      // A process that leased a recipient and crashed: nothing is sent until its lease lapses,
      // then another sends it once, and the crashed owner's late write is refused.
      const crashed = (await call(server, 'POST', '/v1/messages', { body: { ids: [b.id], channel: 'email', subject: 'Oi', text: 'Uma vez', acknowledgedResponsibility: true } })).json;
      const [held] = await server.store.leaseMessageRecipients('crashed', 'email', new Date(clock.ms).toISOString(), new Date(clock.ms + 30_000).toISOString(), 10);
      expect(held?.messageId).toBe(crashed.id);
      const before = provider.sent.length;
      await server.messages.drain();
      expect(provider.sent.length).toBe(before);
      clock.ms += 31_000;
      await server.messages.drain();
      expect(provider.sent.filter((m) => m.id === held!.id)).toHaveLength(1);
      expect(await server.store.finishMessageRecipient(held!.id, 'crashed', { status: 'failed', attempts: 9, nextAttemptAt: null, updatedAt: new Date(clock.ms).toISOString() })).toBe(false);
      const [done] = (await call(server, 'GET', `/v1/messages/${crashed.id}/recipients`)).json.items;
      expect(done).toMatchObject({ status: 'sent', attempts: 1 });
    });
  },
);

describe('outbox shared by two server processes on PostgreSQL', () => {
  it('sends each recipient of a batch exactly once when both dispatch at the same time', async () => {
    const { createTestDatabase } = await import('../../../test/postgres.js');
    const { PostgresStore } = await import('../src/store/postgres.js');
    const { createApp } = await import('../src/index.js');
    const db = await createTestDatabase();
    const sent: OutgoingMessage[] = [];
    // Each process's provider answers after a turn of the event loop, so the two rounds interleave.
    const provider: MessageProvider = { name: 'shared', send: (m) => new Promise((resolve) => setTimeout(() => (sent.push(m), resolve({ delivered: true })), 1)) };
    const now = () => new Date(START);
    const one = createApp({ now, store: await PostgresStore.open(db.url), messages: { providers: { email: provider }, batch: 7 } });
    const two = createApp({ now, store: await PostgresStore.open(db.url), messages: { providers: { email: provider }, batch: 7 } });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 60; i++) {
        ids.push((await create(one, person(`P${i}`, { email: `p${i}@example.com.br`, marketingConsent: { email: i % 4 !== 0, sms: false, whatsapp: false } }))).id);
      }
      const batch = await call(one, 'POST', '/v1/messages', { body: { ids, channel: 'email', subject: 'Oi', text: 'Oi {{primeiroNome}}', acknowledgedResponsibility: true } });
      expect(batch.json.counts).toMatchObject({ recipients: 45, noConsent: 15 });
      await Promise.all([one.messages.drain(), two.messages.drain(), one.messages.drain(), two.messages.drain()]);
      expect(sent).toHaveLength(45);
      expect(new Set(sent.map((m) => m.customerId)).size).toBe(45);
      expect((await call(two, 'GET', `/v1/messages/${batch.json.id}`)).json.progress).toEqual({ queued: 0, sent: 0, delivered: 45, failed: 0, skipped: 15 });
    } finally {
      await one.close();
      await two.close();
      await db.drop();
    }
  });
});
