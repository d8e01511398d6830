import { expect, expectEqual, expectFieldError, expectStatus } from '../assert.js';
import type { Body, Session } from '../session.js';

const PASSWORD = 'conformance-Senha-1';

/**
 * Push devices and channel settings (#17 §1–§2): a shopper registers a device (idempotent per
 * token, the token never answered back), the store reads it, the preview counts the shopper as a
 * push recipient only while the device is there; the channel settings answer every channel and
 * refuse a webhook without URL and secret (nothing changed, nothing sent).
 */
export async function pushChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('push', 'push devices (per token, tokens write-only, counted by the composer) and channel settings (read, refused when incomplete)');
  const email = s.email('push');
  let shopper: Body | undefined;
  let session = '';
  let device: Body | undefined;
  const token = `conformance-push-${s.email('token').replace(/\W/g, '')}`;
  const as = () => ({ key: 'publishable' as const, headers: { 'Clientela-Session': session } });

  await runner.check('a registered shopper signs in (setup)', async () => {
    const r = await http.post('/v1/public/registrations', s.person({ email, password: PASSWORD, notes: undefined }), { key: 'publishable' });
    expectStatus(r, 201);
    shopper = r.json;
    s.customers.add(r.json.id);
    const signed = await http.post('/v1/public/sessions', { email, password: PASSWORD }, { key: 'publishable' });
    expectStatus(signed, 201);
    session = signed.json.token;
  });
  if (!shopper || !session) return;
  const id = shopper.id as string;

  await runner.check('POST /v1/public/me/devices → 201 new, 200 with the same id for the same token; the token is never answered', async () => {
    expectStatus(await http.post('/v1/public/me/devices', { token, platform: 'web', appName: 'Conformance' }, { key: 'publishable' }), 401);
    const first = await http.post('/v1/public/me/devices', { token, platform: 'web', appName: 'Conformance', label: 'Navegador' }, as());
    expectStatus(first, 201);
    device = first.json;
    expect(!first.text.includes(token), 'the answer holds the token');
    expectEqual([first.json.customerId, first.json.tokenEnd], [id, token.slice(-6)], '[customerId, tokenEnd]');
    const again = await http.post('/v1/public/me/devices', { token, platform: 'web', appName: 'Conformance' }, as());
    expectStatus(again, 200);
    expectEqual(again.json.id, first.json.id, 'the same device');
  });
  await runner.check('a malformed device → 422 on its fields', async () => {
    expectFieldError(await http.post('/v1/public/me/devices', { token: 'short', platform: 'web', appName: 'Conformance' }, as()), 'token', 'too_short');
  });
  await runner.check('GET /v1/customers/{id}/devices (secret key) lists it without the token; the preview counts the shopper for push', async () => {
    const listed = await http.get(`/v1/customers/${id}/devices`);
    expectStatus(listed, 200);
    expectEqual(listed.json.items.map((d: Body) => d.id), [device?.id], 'device ids');
    expect(!listed.text.includes(token), 'the list holds the token');
    const preview = await http.post('/v1/messages/preview', { ids: [id], channel: 'push', text: 'Oi' });
    expectStatus(preview, 200);
    expectEqual(preview.json.counts.recipients, 1, 'push recipients');
  });
  await runner.check('DELETE /v1/public/me/devices/{id} → 204; without a device the shopper is counted noContact', async () => {
    expectStatus(await http.delete(`/v1/public/me/devices/${device?.id}`, as()), 204);
    expectEqual((await http.get('/v1/public/me/devices', as())).json.items, [], 'devices after removal');
    const preview = await http.post('/v1/messages/preview', { ids: [id], channel: 'push', text: 'Oi' });
    expectEqual([preview.json.counts.recipients, preview.json.counts.noContact], [0, 1], '[recipients, noContact]');
  });
  await runner.check('GET /v1/settings/channels answers a provider per channel, no secret; a webhook without URL and secret → 422, nothing changed', async () => {
    const read = await http.get('/v1/settings/channels');
    expectStatus(read, 200);
    for (const ch of ['email', 'sms', 'whatsapp', 'push']) expect(typeof read.json[ch]?.provider === 'string', `${ch}.provider`);
    expect(!/"(password|secret)"/.test(read.text), 'a secret is answered');
    const refused = await http.put('/v1/settings/channels', { ...strip(read.json), sms: { provider: 'webhook' } });
    expectFieldError(refused, 'sms.url', 'required');
    expectEqual((await http.get('/v1/settings/channels')).json, read.json, 'settings after the refusal');
  });
}

/** The settings as a body for PUT: the masks left out (a secret left out is kept). */
function strip(settings: Body): Body {
  return Object.fromEntries(
    Object.entries(settings).map(([ch, v]) => {
      const { passwordMasked: _p, secretMasked: _s, ...rest } = v as Body;
      return [ch, rest];
    }),
  );
}
