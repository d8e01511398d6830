import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { call } from './helpers.js';
import { everyServer } from './stores.js';

// Automated messages in the message log (#17 §4): one batch per flow, day (São Paulo) and text —
// the day's recipients gathered with their counts — instead of one batch per recipient; a new day
// or an edited text starts another; the flow's figures still count each message once.

const HOUR = 3_600_000;
const rng = new Prng(4417);
const clock = { ms: Date.parse('2026-03-10T13:00:00.000Z') }; // 10:00 in São Paulo

const opened: MockServer[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function customer(s: MockServer, firstName: string, email: boolean) {
  const r = await call(s, 'POST', '/v1/customers', {
    body: { kind: 'person', document: generateCpf(rng), firstName, lastName: 'Lote', email: `${firstName.toLowerCase()}.${rng.int(0, 1e9)}@example.com.br`, marketingConsent: { email, sms: false, whatsapp: false } },
  });
  expect(r.status, r.text).toBe(201);
  return r.json.id as string;
}

async function flowBatches(s: MockServer, automationId: string) {
  const items = (await call(s, 'GET', '/v1/messages?limit=200')).json.items.filter((b: { automationId?: string }) => b.automationId === automationId);
  return Promise.all(
    items.map(async (b: { id: string; counts: unknown; progress: unknown; text: string }) => ({
      ...b,
      recipients: (await call(s, 'GET', `/v1/messages/${b.id}/recipients`)).json.items.map((r: { customerId: string; status: string }) => [r.customerId, r.status]),
    })),
  );
}

describe.each(everyServer('automation-batches', { now: () => new Date(clock.ms) }))('automated messages grouped by day on %s', (_kind, open) => {
  it('gathers a flow’s day into one batch, starts another on a new day and after an edit, and counts each message once', async () => {
    clock.ms = Date.parse('2026-03-10T13:00:00.000Z');
    const s = await open();
    opened.push(s);
    const created = await call(s, 'POST', '/v1/automations', { body: { name: 'Boas-vindas', trigger: { type: 'customer_registered' }, channel: 'email', subject: 'Oi {{primeiroNome}}', text: 'Bem-vindo, {{primeiroNome}}!' } });
    expect(created.status, created.text).toBe(201);
    const flow = created.json;
    const ana = await customer(s, 'Ana', true);
    const bia = await customer(s, 'Bia', true);
    const caio = await customer(s, 'Caio', false);
    await s.automations.runOnce();
    clock.ms += 2 * HOUR;
    const duda = await customer(s, 'Duda', true);
    await s.automations.runOnce();
    await s.messages.drain();

    let batches = await flowBatches(s, flow.id);
    expect(batches).toHaveLength(1);
    expect(batches[0].counts).toEqual({ matched: 4, recipients: 3, noConsent: 1, noContact: 0, inactive: 0 });
    expect(batches[0].progress).toMatchObject({ delivered: 3, skipped: 1 });
    expect(new Map(batches[0].recipients)).toEqual(new Map([[ana, 'delivered'], [bia, 'delivered'], [caio, 'skipped'], [duda, 'delivered']]));

    // 23:30 in São Paulo is still the same day (02:30 UTC the next): the same batch.
    clock.ms = Date.parse('2026-03-11T02:30:00.000Z');
    const eli = await customer(s, 'Eli', true);
    await s.automations.runOnce();
    expect(await flowBatches(s, flow.id)).toHaveLength(1);

    // The next day: a batch of its own; an edited text the same day: another.
    clock.ms = Date.parse('2026-03-11T13:00:00.000Z');
    const fabi = await customer(s, 'Fabi', true);
    await s.automations.runOnce();
    const current = (await call(s, 'GET', `/v1/automations/${flow.id}`));
    const edited = await call(s, 'PATCH', `/v1/automations/${flow.id}`, { body: { text: 'Que bom ter você, {{primeiroNome}}!' }, headers: { 'If-Match': current.headers.get('etag')! } });
    expect(edited.status, edited.text).toBe(200);
    const gabi = await customer(s, 'Gabi', true);
    await s.automations.runOnce();
    await s.messages.drain();
    batches = await flowBatches(s, flow.id);
    expect(batches).toHaveLength(3);
    const byCustomer = new Map(batches.flatMap((b: { id: string; recipients: [string, string][] }) => b.recipients.map(([c]) => [c, b.id])));
    expect(byCustomer.get(eli)).toBe(byCustomer.get(ana));
    expect(byCustomer.get(fabi)).not.toBe(byCustomer.get(ana));
    expect(byCustomer.get(gabi)).not.toBe(byCustomer.get(fabi));

    const figures = (await call(s, 'GET', `/v1/automations/${flow.id}`)).json.figures;
    expect(figures).toMatchObject({ occasions: 7, sent: 6, delivered: 6, skipped: 1, failed: 0 });
  });
});
