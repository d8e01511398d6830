import { afterEach, describe, expect, it } from 'vitest';
import { PreconditionFailedError, ValidationError } from '@clientela/core';
import { createClient } from '@clientela/core/client';
import type { MockServer, MockServerOptions } from '../src/index.js';
import { createApp } from '../src/index.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { PostgresStore } from '../src/store/postgres.js';
import { createTestDatabase } from '../../../test/postgres.js';
import { call } from './helpers.js';
import { everyServer } from './stores.js';

// Automations (#17 §3): the flows' CRUD, the scheduler acting once per customer and occasion
// (birthdays once a year, an abandoned cart once, an order within the delay cancelling it,
// win-back once per lapse, each expiring credit once), the figures, the preview, and two server
// processes on one PostgreSQL database. The clock is a number the tests move.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const rng = new Prng(1703);
const clock = { ms: Date.parse('2026-03-10T12:00:00.000Z') };
const options = (extra: MockServerOptions = {}): MockServerOptions => ({ now: () => new Date(clock.ms), ...extra });

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

function person(firstName: string, extra: Record<string, unknown> = {}) {
  return {
    kind: 'person',
    document: generateCpf(rng),
    firstName,
    lastName: 'Teste',
    email: `${firstName.toLowerCase()}@example.com.br`,
    marketingConsent: { email: true, sms: false, whatsapp: false },
    ...extra,
  };
}

async function create(server: MockServer, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const r = await call(server, 'POST', '/v1/customers', { body });
  expect(r.status, r.text).toBe(201);
  return r.json;
}

async function flow(server: MockServer, body: Record<string, unknown>): Promise<{ id: string; version: number; figures: Record<string, number> }> {
  const r = await call(server, 'POST', '/v1/automations', { body: { channel: 'email', subject: 'Oi {{primeiroNome}}', text: 'Olá, {{primeiroNome}}!', ...body } });
  expect(r.status, r.text).toBe(201);
  return r.json;
}

/** The rows the flow queued (or skipped), by customer id. */
async function sentBy(server: MockServer, automationId: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const batches = (await call(server, 'GET', '/v1/messages?limit=200')).json.items.filter((b: { automationId?: string }) => b.automationId === automationId);
  for (const b of batches) {
    for (const r of (await call(server, 'GET', `/v1/messages/${b.id}/recipients`)).json.items) out.set(r.customerId, [...(out.get(r.customerId) ?? []), r.status]);
  }
  return out;
}

describe.each(everyServer('automations', options()))('automations on %s', (_kind, open) => {
  it('creates (idempotent), checks content, updates with If-Match, pauses, deletes, and writes each to the data log', async () => {
    clock.ms = Date.parse('2026-03-10T12:00:00.000Z');
    const server = await open();
    opened.push(server);
    const body = { name: 'Boas-vindas', trigger: { type: 'customer_registered' }, channel: 'email', subject: 'Bem-vindo, {{primeiroNome}}', text: 'Oi {{primeiroNome}}' };
    const first = await call(server, 'POST', '/v1/automations', { body, headers: { 'Idempotency-Key': 'a-1' } });
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('ETag')).toBe('"1"');
    expect(first.json).toMatchObject({ name: 'Boas-vindas', filter: '', delayHours: 0, enabled: true, figures: { occasions: 0, sent: 0, delivered: 0, orders: 0 } });
    const again = await call(server, 'POST', '/v1/automations', { body, headers: { 'Idempotency-Key': 'a-1' } });
    expect(again.json.id).toBe(first.json.id);
    expect((await call(server, 'GET', '/v1/automations')).json.items).toHaveLength(1);

    for (const [lang, bad, path, code] of [
      ['pt-BR', { ...body, subject: undefined }, 'subject', 'subject_required'],
      ['en', { ...body, text: 'Oi {{apelido}}' }, 'text', 'unknown_variable'],
      ['es', { ...body, trigger: { type: 'no_purchase' } }, 'trigger.days', undefined],
      ['pt-BR', { ...body, filter: 'nada-disso' }, 'filter', undefined],
      ['pt-BR', { ...body, delayHours: 721 }, 'delayHours', undefined],
    ] as const) {
      const r = await call(server, 'POST', '/v1/automations', { body: bad, headers: { 'Accept-Language': lang } });
      expect(r.status, r.text).toBe(422);
      expect(r.json.errors.map((e: { path: string }) => e.path)).toContain(path);
      if (code) expect(r.json.errors[0].code).toBe(code);
    }

    const id = first.json.id;
    expect((await call(server, 'PATCH', `/v1/automations/${id}`, { body: { enabled: false } })).status).toBe(428);
    const paused = await call(server, 'PATCH', `/v1/automations/${id}`, { body: { enabled: false, delayHours: 2 }, headers: { 'If-Match': '"1"' } });
    expect(paused.status, paused.text).toBe(200);
    expect(paused.json).toMatchObject({ enabled: false, delayHours: 2, version: 2 });
    const stale = await call(server, 'PATCH', `/v1/automations/${id}`, { body: { enabled: true }, headers: { 'If-Match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.json.current.version).toBe(2);
    const toSms = await call(server, 'PATCH', `/v1/automations/${id}`, { body: { channel: 'sms' }, headers: { 'If-Match': '"2"' } });
    expect(toSms.json.subject).toBeUndefined();
    expect((await call(server, 'GET', `/v1/automations/${id}`, { key: server.keys.publishable })).status).toBe(403);
    expect((await call(server, 'DELETE', `/v1/automations/${id}`, { headers: { 'If-Match': '"1"' } })).status).toBe(412);
    expect((await call(server, 'DELETE', `/v1/automations/${id}`, { headers: { 'If-Match': '"3"' } })).status).toBe(204);
    expect((await call(server, 'GET', `/v1/automations/${id}`)).status).toBe(404);

    // The same through the core client, its answers checked against the schemas.
    const client = createClient({ baseUrl: 'http://mock.test', apiKey: server.keys.secret, fetch: (r) => server.fetch(r) });
    await expect(client.automations.create({ ...body, channel: 'email', trigger: { type: 'birthday' }, subject: '' })).rejects.toBeInstanceOf(ValidationError);
    const viaClient = await client.automations.create({ ...body, channel: 'email', trigger: { type: 'cart_abandoned', hours: 4 }, enabled: false });
    expect(viaClient).toMatchObject({ enabled: false, trigger: { type: 'cart_abandoned', hours: 4 }, version: 1 });
    const on = await client.automations.update(viaClient, { enabled: true });
    await expect(client.automations.update(viaClient, { name: 'Outro' })).rejects.toBeInstanceOf(PreconditionFailedError);
    expect((await client.automations.list()).map((f) => [f.id, f.enabled])).toEqual([[viaClient.id, true]]);
    expect((await client.automations.retrieve(on.id)).version).toBe(2);
    expect(await client.automations.preview({ trigger: { type: 'birthday' }, channel: 'email' })).toEqual({ count: 0, excluded: 0, sample: [] });
    await client.automations.delete(on);
    expect(await client.automations.list()).toEqual([]);

    const log = (await call(server, 'GET', '/v1/audit')).json.items.filter((e: { action: string }) => e.action.startsWith('automation.'));
    expect(log.map((e: { action: string }) => e.action)).toEqual([
      'automation.delete', 'automation.update', 'automation.create', 'automation.delete', 'automation.update', 'automation.update', 'automation.create',
    ]);
    expect(log[5]).toMatchObject({ target: id, targetName: 'Boas-vindas', changes: ['delayHours', 'enabled'] });
  });

  it('a birthday flow fires once per customer per year, skips a customer without consent with the reason, and previews who is due', async () => {
    clock.ms = Date.parse('2026-03-01T12:00:00.000Z');
    const server = await open();
    opened.push(server);
    const ana = await create(server, person('Ana', { birthDate: '1990-03-10' }));
    const bia = await create(server, person('Bia', { birthDate: '1985-03-10', marketingConsent: { email: false, sms: false, whatsapp: false } }));
    const caio = await create(server, person('Caio', { birthDate: '1992-07-01' }));
    const leap = await create(server, person('Davi', { birthDate: '2000-02-29' }));
    const birthday = await flow(server, { name: 'Aniversário', trigger: { type: 'birthday' }, text: 'Feliz aniversário, {{primeiroNome}}!' });

    // 28 February 2027 (no 29th that year): Davi's day; 10 March: Ana's and Bia's.
    clock.ms = Date.parse('2026-03-10T09:00:00.000Z'); // 06:00 in São Paulo
    const preview = await call(server, 'POST', '/v1/automations/preview', { body: { automationId: birthday.id, trigger: { type: 'birthday' }, channel: 'email' } });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.json).toEqual({ count: 1, excluded: 1, sample: [{ customerId: ana.id, name: 'Ana Teste' }] });

    expect(await server.automations.runOnce()).toBe(2);
    expect(await server.automations.runOnce()).toBe(0);
    clock.ms += 6 * HOUR;
    expect(await server.automations.runOnce()).toBe(0);
    await server.messages.drain();
    let rows = await sentBy(server, birthday.id);
    expect(Object.fromEntries(rows)).toEqual({ [ana.id]: ['delivered'], [bia.id]: ['skipped'] });
    const skipped = (await call(server, 'GET', `/v1/customers/${bia.id}/messages`)).json.items[0];
    expect(skipped).toMatchObject({ status: 'skipped', skipReason: 'no_consent' });
    const received = (await call(server, 'GET', `/v1/customers/${ana.id}/messages`)).json.items[0];
    expect(received).toMatchObject({ subject: 'Oi Ana', text: 'Feliz aniversário, Ana!' });
    expect((await call(server, 'POST', '/v1/automations/preview', { body: { automationId: birthday.id, trigger: { type: 'birthday' }, channel: 'email' } })).json.count).toBe(0);

    // The next day nothing; Caio's day, Caio; next year, Ana again (once).
    clock.ms = Date.parse('2026-03-11T12:00:00.000Z');
    expect(await server.automations.runOnce()).toBe(0);
    clock.ms = Date.parse('2026-07-01T15:00:00.000Z');
    expect(await server.automations.runOnce()).toBe(1);
    clock.ms = Date.parse('2027-02-28T15:00:00.000Z');
    expect(await server.automations.runOnce()).toBe(1);
    clock.ms = Date.parse('2027-03-10T15:00:00.000Z');
    expect(await server.automations.runOnce()).toBe(2);
    expect(await server.automations.runOnce()).toBe(0);
    await server.messages.drain();
    rows = await sentBy(server, birthday.id);
    expect(rows.get(ana.id)).toEqual(['delivered', 'delivered']);
    expect(rows.get(caio.id)).toEqual(['delivered']);
    expect(rows.get(leap.id)).toEqual(['delivered']);
    const figures = (await call(server, 'GET', `/v1/automations/${birthday.id}`)).json.figures;
    expect(figures).toEqual({ occasions: 6, sent: 4, delivered: 4, failed: 0, skipped: 2, orders: 0 });

    // Paused, it acts on nothing.
    const paused = await call(server, 'PATCH', `/v1/automations/${birthday.id}`, { body: { enabled: false }, headers: { 'If-Match': '"1"' } });
    expect(paused.status).toBe(200);
    clock.ms = Date.parse('2028-03-10T15:00:00.000Z');
    expect(await server.automations.runOnce()).toBe(0);
  });

  it('an abandoned cart triggers one reminder, an order within the delay cancels it, and an order after the reminder counts in the figures', async () => {
    clock.ms = Date.parse('2026-05-04T12:00:00.000Z');
    const server = await open();
    opened.push(server);
    const ana = await create(server, person('Ana'));
    const bia = await create(server, person('Bia'));
    const reminder = await flow(server, { name: 'Carrinho abandonado', trigger: { type: 'cart_abandoned', hours: 3 }, text: 'Você esqueceu itens no carrinho, {{primeiroNome}}.' });

    const event = (body: Record<string, unknown>, key?: string | null, headers?: Record<string, string>) => call(server, 'POST', '/v1/public/cart-events', { body, key, headers });
    expect((await event({ cartId: 'cart-a', event: 'updated', itemsCount: 2, totalCents: 15_990 }, server.keys.publishable)).status).toBe(401);
    expect((await event({ cartId: 'cart-a', event: 'updated', customerId: ana.id }, server.keys.publishable)).status).toBe(403);
    const noCustomer = await event({ cartId: 'cart-a', event: 'updated' }, undefined, { 'Accept-Language': 'en' });
    expect(noCustomer.status).toBe(422);
    expect(noCustomer.json.errors[0]).toMatchObject({ path: 'customerId', code: 'required' });
    expect((await event({ cartId: 'cart-a', event: 'updated', customerId: 'cus_nope' })).json.errors[0].code).toBe('unknown_customer');

    const at = new Date(clock.ms).toISOString();
    const a = await event({ cartId: 'cart-a', event: 'updated', customerId: ana.id, occurredAt: at, itemsCount: 2, totalCents: 15_990 });
    expect(a.json).toEqual({ recorded: true, cartId: 'cart-a', status: 'open' });
    expect((await event({ cartId: 'cart-a', event: 'updated', customerId: ana.id, occurredAt: at, itemsCount: 2, totalCents: 15_990 })).json.recorded).toBe(false);
    expect((await event({ cartId: 'cart-a', event: 'updated', customerId: bia.id, occurredAt: at })).status).toBe(422);
    // Bia's cart comes from the storefront: the publishable key and her session; the cart is hers.
    const inv = (await call(server, 'POST', `/v1/customers/${bia.id}/invitations`)).json;
    const session = await call(server, 'POST', '/v1/public/password', { key: server.keys.publishable, body: { token: inv.token, email: 'bia@example.com.br', password: 'carrinho-da-bia-1' } });
    expect(session.status, session.text).toBe(200);
    const shopper = { 'Clientela-Session': session.json.token };
    expect((await event({ cartId: 'cart-b', event: 'updated', occurredAt: at }, server.keys.publishable, shopper)).json.recorded).toBe(true);
    expect((await event({ cartId: 'cart-a', event: 'emptied', occurredAt: at }, server.keys.publishable, shopper)).status).toBe(422);

    // Within the delay: nothing. Bia orders one hour in; then three hours pass.
    clock.ms += 2 * HOUR;
    expect(await server.automations.runOnce()).toBe(0);
    const order = await call(server, 'POST', '/v1/orders', { body: { number: 'P-1', customerId: bia.id, placedAt: new Date(clock.ms - HOUR).toISOString(), itemsCount: 1, totalCents: 9_990 } });
    expect(order.status, order.text).toBe(201);
    clock.ms += 1 * HOUR + 1000;
    expect(await server.automations.runOnce()).toBe(1);
    expect(await server.automations.runOnce()).toBe(0);
    clock.ms += DAY;
    expect(await server.automations.runOnce()).toBe(0);
    await server.messages.drain();
    expect(Object.fromEntries(await sentBy(server, reminder.id))).toEqual({ [ana.id]: ['delivered'] });

    // Ana buys two days after the reminder: the flow's figures count the order.
    const later = await call(server, 'POST', '/v1/orders', { body: { number: 'P-2', customerId: ana.id, placedAt: new Date(clock.ms).toISOString(), itemsCount: 2, totalCents: 15_990 } });
    expect(later.status, later.text).toBe(201);
    expect((await call(server, 'GET', `/v1/automations/${reminder.id}`)).json.figures).toMatchObject({ occasions: 1, sent: 1, delivered: 1, orders: 1 });
    // A checked-out cart is no longer open (the backend says so through the core client).
    const client = createClient({ baseUrl: 'http://mock.test', apiKey: server.keys.secret, fetch: (r) => server.fetch(r) });
    expect(await client.automations.cartEvent({ cartId: 'cart-a', event: 'checked_out', customerId: ana.id })).toEqual({ recorded: true, cartId: 'cart-a', status: 'checked_out' });
  });

  it('win-back once per lapse and a reminder once per expiring credit', async () => {
    clock.ms = Date.parse('2026-01-05T12:00:00.000Z');
    const server = await open();
    opened.push(server);
    const ana = await create(server, person('Ana'));
    const order = (n: string, at: number) => call(server, 'POST', '/v1/orders', { body: { number: n, customerId: ana.id, placedAt: new Date(at).toISOString(), itemsCount: 1, totalCents: 5_000 } });
    expect((await order('W-1', clock.ms)).status).toBe(201);
    const grant = await call(server, 'POST', `/v1/customers/${ana.id}/credits`, { body: { kind: 'cashback', amountCents: 2_000, expiresAt: new Date(clock.ms + 40 * DAY).toISOString(), origin: 'Cashback' } });
    expect(grant.status, grant.text).toBe(201);
    const winBack = await flow(server, { name: 'Volte sempre', trigger: { type: 'no_purchase', days: 30 } });
    const expiring = await flow(server, { name: 'Crédito expirando', trigger: { type: 'credit_expiring', days: 7 }, text: 'Seu crédito de {{creditoDisponivel}} vence em {{validadeCredito}}.' });

    clock.ms += 29 * DAY;
    expect(await server.automations.runOnce()).toBe(0);
    clock.ms += 2 * DAY; // 31 days without buying
    expect(await server.automations.runOnce()).toBe(1);
    clock.ms += 3 * DAY; // the credit is within 7 days of its expiry
    expect(await server.automations.runOnce()).toBe(1);
    expect(await server.automations.runOnce()).toBe(0);
    // A purchase ends the lapse; 30 days after it, a new one begins.
    expect((await order('W-2', clock.ms)).status).toBe(201);
    clock.ms += 31 * DAY;
    expect(await server.automations.runOnce()).toBe(1);
    await server.messages.drain();
    expect((await sentBy(server, winBack.id)).get(ana.id)).toEqual(['delivered', 'delivered']);
    const reminders = (await call(server, 'GET', `/v1/customers/${ana.id}/messages`)).json.items.filter((r: { text: string }) => r.text.startsWith('Seu crédito'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0].text).toBe('Seu crédito de R$\u00a020,00 vence em 14/02/2026.');
    expect((await call(server, 'GET', `/v1/automations/${winBack.id}`)).json.figures).toMatchObject({ sent: 2, orders: 1 });
    void expiring;
  });
});

describe('automations with two server processes on one PostgreSQL database', () => {
  it('each birthday is acted on once, and a crashed process’s lease is taken over when it lapses', async () => {
    const db = await createTestDatabase();
    try {
      clock.ms = Date.parse('2026-03-01T12:00:00.000Z');
      const a = createApp({ ...options(), store: await PostgresStore.open(db.url) });
      const b = createApp({ ...options(), store: await PostgresStore.open(db.url) });
      opened.push(a, b);
      const ids: string[] = [];
      for (let i = 0; i < 30; i++) ids.push((await create(a, person(`Cliente${i}`, { birthDate: `19${70 + (i % 20)}-03-10` }))).id);
      const birthday = await flow(a, { name: 'Aniversário', trigger: { type: 'birthday' } });
      clock.ms = Date.parse('2026-03-10T12:00:00.000Z');
      // Both at once, twice: the flow's lease lets one walk it; the occasion rows would stop a second walk anyway.
      const acted = await Promise.all([a.automations.runOnce(), b.automations.runOnce(), a.automations.runOnce(), b.automations.runOnce()]);
      expect(acted.reduce((x, y) => x + y, 0)).toBe(30);
      // Without the lease (a lapsed one), a second walk finds every occasion taken.
      expect(await b.automations.runOnce()).toBe(0);
      const rows = await sentBy(a, birthday.id);
      expect([...rows.keys()].sort()).toEqual([...ids].sort());
      expect([...rows.values()].every((s) => s.length === 1)).toBe(true);

      // A process that took the lease and died: nobody walks the flow until the lease lapses.
      clock.ms = Date.parse('2027-03-10T12:00:00.000Z');
      await a.store.setMeta(`automation-lease:${birthday.id}`, 'autos_dead', new Date(clock.ms + 5 * 60_000).toISOString());
      expect(await b.automations.runOnce()).toBe(0);
      clock.ms += 5 * 60_000;
      expect(await b.automations.runOnce()).toBe(30);
      expect(await a.automations.runOnce()).toBe(0);
    } finally {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await db.drop();
    }
  });
});
