import { expect, expectEqual, expectFieldError, expectStatus } from '../assert.js';
import type { Body, Session } from '../session.js';

/**
 * Automations and account recovery, without sending anything to anyone: every flow the run makes
 * is created paused (`enabled: false`) and deleted before the area ends, the cart events name the
 * run's own customer, and the recovery request names an address nobody holds.
 */
export async function automationChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('automations', 'flows created paused (If-Match, preview, audit), cart events idempotent by cart and event, password resets answering alike');
  let customer: Body | undefined;
  let flow: Body | undefined;
  const body = () => ({
    name: `Conformidade ${s.run}`,
    trigger: { type: 'cart_abandoned', hours: 3 },
    filter: '',
    channel: 'email',
    subject: 'Esqueceu algo, {{primeiroNome}}?',
    text: 'Seu carrinho espera por você.',
    enabled: false,
  });

  await runner.check('POST /v1/automations → 201 with ETag, paused, figures at zero; e-mail without a subject and an unknown variable → 422', async () => {
    expectFieldError(await http.post('/v1/automations', { ...body(), subject: '' }), 'subject', 'subject_required');
    expectFieldError(await http.post('/v1/automations', { ...body(), text: 'Oi {{apelido}}' }), 'text', 'unknown_variable');
    const r = await http.post('/v1/automations', body(), { headers: { 'Idempotency-Key': `cf-${s.run}-automation` } });
    expectStatus(r, 201);
    flow = r.json;
    expect(r.headers.get('etag') === '"1"', `ETag is ${r.headers.get('etag')}, not "1"`);
    expectEqual(flow!.enabled, false, 'enabled');
    expectEqual(flow!.figures, { occasions: 0, sent: 0, delivered: 0, failed: 0, skipped: 0, orders: 0 }, 'figures');
    const again = await http.post('/v1/automations', body(), { headers: { 'Idempotency-Key': `cf-${s.run}-automation` } });
    expectEqual(again.json?.id, flow!.id, 'the retried create’s id');
  });
  await runner.check('PATCH /v1/automations/{id} needs If-Match (428), refuses a stale one (412), applies a current one; the data log names it', async () => {
    expect(flow, 'the flow was not created');
    expectStatus(await http.patch(`/v1/automations/${flow!.id}`, { delayHours: 2 }), 428);
    const ok = await http.patch(`/v1/automations/${flow!.id}`, { delayHours: 2 }, { headers: { 'If-Match': '"1"' } });
    expectStatus(ok, 200);
    expectEqual(ok.json.delayHours, 2, 'delayHours');
    expectStatus(await http.patch(`/v1/automations/${flow!.id}`, { delayHours: 3 }, { headers: { 'If-Match': '"1"' } }), 412);
    const log = await http.get('/v1/audit?action=automation.update&limit=20');
    expect(((log.json?.items ?? []) as Body[]).some((e) => e.target === flow!.id), 'no automation.update entry names the flow');
  });
  await runner.check('POST /v1/public/cart-events: the secret key needs customerId (422); the same event twice is recorded once', async () => {
    customer = await s.mustCreate(s.person({ marketingConsent: { email: false, sms: false, whatsapp: false } }));
    const event = { cartId: `cf-${s.run}-cart`, event: 'updated', occurredAt: new Date().toISOString(), itemsCount: 1, totalCents: 1000 };
    expectFieldError(await http.post('/v1/public/cart-events', event), 'customerId', 'required');
    const first = await http.post('/v1/public/cart-events', { ...event, customerId: customer.id });
    expectStatus(first, 200);
    expectEqual(first.json, { recorded: true, cartId: event.cartId, status: 'open' }, 'the first answer');
    const second = await http.post('/v1/public/cart-events', { ...event, customerId: customer.id });
    expectEqual(second.json?.recorded, false, 'recorded (the same event again)');
    expectStatus(await http.post('/v1/public/cart-events', { ...event, customerId: customer.id }, { key: 'publishable' }), 403);
    const done = await http.post('/v1/public/cart-events', { ...event, event: 'checked_out', customerId: customer.id });
    expectEqual(done.json?.status, 'checked_out', 'status after checked_out');
  });
  await runner.check('POST /v1/automations/preview counts who would receive it now; DELETE → 204, then 404', async () => {
    expect(flow, 'the flow was not created');
    const p = await http.post('/v1/automations/preview', { automationId: flow!.id, trigger: flow!.trigger, channel: 'email' });
    expectStatus(p, 200);
    expect(Number.isInteger(p.json.count) && Number.isInteger(p.json.excluded) && Array.isArray(p.json.sample), 'the preview is not { count, excluded, sample }');
    expectStatus(await http.delete(`/v1/automations/${flow!.id}`), 204);
    expectStatus(await http.get(`/v1/automations/${flow!.id}`), 404);
  });
  await runner.check('POST /v1/public/password-resets → 202 { accepted: true } for an address nobody holds; a malformed e-mail → 422', async () => {
    const r = await http.post('/v1/public/password-resets', { email: `ninguem.${s.run}@conformidade.invalid` }, { key: 'publishable' });
    expectStatus(r, 202);
    expectEqual(r.json, { accepted: true }, 'the answer');
    expectStatus(await http.post('/v1/public/password-resets', { email: 'sem-arroba' }, { key: 'publishable' }), 422);
  });
}
