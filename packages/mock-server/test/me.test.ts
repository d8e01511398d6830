// The signed-in shopper's routes (/v1/public/me…): the session decides whose data a request
// reaches, it survives until it expires or ends, and no route of the API lets one shopper read or
// change another's data.
import { afterAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { app, call, COMPANY, PERSON, type CallOptions } from './helpers.js';

let now = new Date('2026-11-22T12:00:00.000Z');

async function shopper(s: MockServer, body: Record<string, unknown>, password: string) {
  const reg = await call(s, 'POST', '/v1/public/registrations', { key: s.keys.publishable, body: { ...body, password } });
  expect(reg.status, JSON.stringify(reg.json)).toBe(201);
  const session = await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: body.email, password } });
  expect(session.status).toBe(201);
  return { customer: reg.json, token: session.json.token as string };
}

const as = (s: MockServer, token: string | undefined, extra: CallOptions = {}): CallOptions => ({
  key: s.keys.publishable,
  ...extra,
  headers: { ...(token ? { 'Clientela-Session': token } : {}), ...(extra.headers ?? {}) },
});

describe('/v1/public/me', () => {
  const s = app({ seed: 20, now: () => now });
  afterAll(() => s.close());

  it('reads and edits only the signed-in record, with the rules of registration', async () => {
    const ana = await shopper(s, PERSON, 'pé-de-moleque-9');
    const mine = await call(s, 'GET', '/v1/public/me', as(s, ana.token));
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({ id: ana.customer.id, email: PERSON.email, document: '52998224725' });
    expect(mine.headers.get('etag')).toBe(`"${mine.json.version}"`);
    // No session, a made-up one: 401, in the shopper's language.
    const none = await call(s, 'GET', '/v1/public/me', as(s, undefined));
    expect(none.status).toBe(401);
    expect(none.json.type).toMatch(/session-required/);
    const fake = await call(s, 'GET', '/v1/public/me', as(s, 'not-a-session', { headers: { 'Accept-Language': 'en' } }));
    expect(fake.status).toBe(401);
    expect(fake.json.title).toBe('Session ended');

    // An edit needs If-Match, follows the registration's rules and keeps what the store owns.
    expect((await call(s, 'PATCH', '/v1/public/me', as(s, ana.token, { body: { phone: '11987654321' } }))).status).toBe(428);
    const bad = await call(s, 'PATCH', '/v1/public/me', as(s, ana.token, { body: { birthDate: '2990-01-01', email: null }, headers: { 'If-Match': `"${mine.json.version}"` } }));
    expect(bad.status).toBe(422);
    expect(bad.json.errors.map((e: { code: string }) => e.code).sort()).toEqual(['birth_date_future']);
    const cleared = await call(s, 'PATCH', '/v1/public/me', as(s, ana.token, { body: { email: null }, headers: { 'If-Match': `"${mine.json.version}"` } }));
    expect(cleared.json.errors).toEqual([expect.objectContaining({ path: 'email', code: 'required' })]);
    const store = await call(s, 'PATCH', '/v1/public/me', as(s, ana.token, { body: { status: 'active', discountPercent: 50, document: '11144477735' }, headers: { 'If-Match': `"${mine.json.version}"` } }));
    expect(store.status).toBe(422);
    expect(store.json.errors.map((e: { code: string }) => e.code)).toEqual(['unrecognized_key', 'unrecognized_key', 'unrecognized_key']);
    const ok = await call(s, 'PATCH', '/v1/public/me', as(s, ana.token, { body: { phone: '(11) 98765-0000', birthDate: '1990-03-15', address: { postalCode: '01310100', street: 'Avenida Paulista', number: '900', city: 'São Paulo', state: 'SP' } }, headers: { 'If-Match': `"${mine.json.version}"` } }));
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ phone: '+5511987650000', birthDate: '1990-03-15', address: { number: '900' }, version: mine.json.version + 1 });
    const stale = await call(s, 'PATCH', '/v1/public/me', as(s, ana.token, { body: { phone: '11987651111' }, headers: { 'If-Match': `"${mine.json.version}"` } }));
    expect(stale.status).toBe(412);
    // The e-mail: not another account's; sign-in follows a new one.
    const bia = await shopper(s, COMPANY, 'outra-senha-forte');
    const taken = await call(s, 'PATCH', '/v1/public/me', as(s, ana.token, { body: { email: COMPANY.email }, headers: { 'If-Match': `"${ok.json.version}"` } }));
    expect(taken.status).toBe(409);
    expect(taken.json.errors[0].code).toBe('email_taken');
    const moved = await call(s, 'PATCH', '/v1/public/me', as(s, ana.token, { body: { email: 'ana.nova@example.com' }, headers: { 'If-Match': `"${ok.json.version}"` } }));
    expect(moved.status).toBe(200);
    expect((await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: 'ana.nova@example.com', password: 'pé-de-moleque-9' } })).status).toBe(201);
    expect((await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: PERSON.email, password: 'pé-de-moleque-9' } })).status).toBe(401);
    expect((await call(s, 'GET', '/v1/public/me', as(s, bia.token))).json.id).toBe(bia.customer.id);
  });

  it('lists own orders and credits, the same the admin sees for that customer', async () => {
    const seeded = (await call(s, 'GET', '/v1/customers?sort=-ordersCount&limit=1')).json.items[0];
    const inv = (await call(s, 'POST', `/v1/customers/${seeded.id}/invitations`)).json;
    const full = (await call(s, 'GET', `/v1/customers/${seeded.id}`)).json;
    const set = await call(s, 'POST', '/v1/public/password', { key: s.keys.publishable, body: { token: inv.token, email: full.email, password: 'senha-do-pedido-7' } });
    expect(set.status).toBe(200);
    const orders = await call(s, 'GET', '/v1/public/me/orders?limit=5', as(s, set.json.token));
    expect(orders.json).toEqual((await call(s, 'GET', `/v1/customers/${seeded.id}/orders?limit=5`)).json);
    expect(orders.json.items.length).toBeGreaterThan(0);
    const credits = await call(s, 'GET', '/v1/public/me/credits', as(s, set.json.token));
    expect(credits.json).toEqual((await call(s, 'GET', `/v1/customers/${seeded.id}/credits`)).json);
  });

  it('the set-password link names its e-mail; a wrong e-mail cannot set the password', async () => {
    const c = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: '111.444.777-35', email: 'carla@example.com' } })).json;
    const inv = (await call(s, 'POST', `/v1/customers/${c.id}/invitations`)).json;
    expect((await call(s, 'GET', `/v1/public/invitations/${inv.token}`, { key: s.keys.publishable })).json).toEqual({ email: 'carla@example.com', expiresAt: inv.expiresAt });
    expect((await call(s, 'GET', '/v1/public/invitations/nope', { key: s.keys.publishable })).json.errors[0].code).toBe('token_invalid');
    const wrong = await call(s, 'POST', '/v1/public/password', { key: s.keys.publishable, body: { token: inv.token, email: 'intruso@example.com', password: 'senha-do-intruso-1' } });
    expect(wrong.status).toBe(422);
    expect(wrong.json.errors).toEqual([expect.objectContaining({ path: 'email', code: 'email_mismatch' })]);
    expect((await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: 'intruso@example.com', password: 'senha-do-intruso-1' } })).status).toBe(401);
    const right = await call(s, 'POST', '/v1/public/password', { key: s.keys.publishable, body: { token: inv.token, email: 'Carla@Example.COM', password: 'senha-da-carla-1' } });
    expect(right.status).toBe(200);
    expect((await call(s, 'GET', `/v1/public/invitations/${inv.token}`, { key: s.keys.publishable })).json.errors[0].code).toBe('token_used');
  });

  it('a session lasts until it expires, signing out ends it, a new password ends the others', async () => {
    const c = (await call(s, 'POST', '/v1/customers', { body: { ...COMPANY, document: '11.222.333/0001-81', email: 'dani@example.com' } })).json;
    const inv = (await call(s, 'POST', `/v1/customers/${c.id}/invitations`)).json;
    const first = (await call(s, 'POST', '/v1/public/password', { key: s.keys.publishable, body: { token: inv.token, email: 'dani@example.com', password: 'senha-da-dani-1' } })).json;
    const second = (await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: 'dani@example.com', password: 'senha-da-dani-1' } })).json;
    const third = (await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: 'dani@example.com', password: 'senha-da-dani-1' } })).json;
    // Changing the password: the current one is required, the new one follows the rules.
    const wrongCurrent = await call(s, 'PUT', '/v1/public/me/password', as(s, first.token, { body: { currentPassword: 'nao-e-essa', password: 'senha-nova-da-dani' } }));
    expect(wrongCurrent.json.errors).toEqual([expect.objectContaining({ path: 'currentPassword', code: 'wrong_current_password' })]);
    const common = await call(s, 'PUT', '/v1/public/me/password', as(s, first.token, { body: { currentPassword: 'senha-da-dani-1', password: 'iloveyou' } }));
    expect(common.json.errors[0].code).toBe('password_common');
    now = new Date(now.getTime() + 1000);
    expect((await call(s, 'PUT', '/v1/public/me/password', as(s, first.token, { body: { currentPassword: 'senha-da-dani-1', password: 'senha-nova-da-dani' } }))).status).toBe(204);
    expect((await call(s, 'GET', '/v1/public/me', as(s, first.token))).status).toBe(200);
    expect((await call(s, 'GET', '/v1/public/me', as(s, second.token))).json.type).toMatch(/session-expired/);
    expect((await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: 'dani@example.com', password: 'senha-da-dani-1' } })).status).toBe(401);
    // Signing out ends that session only.
    const fourth = (await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: 'dani@example.com', password: 'senha-nova-da-dani' } })).json;
    expect((await call(s, 'DELETE', '/v1/public/me/session', as(s, first.token))).status).toBe(204);
    expect((await call(s, 'GET', '/v1/public/me', as(s, first.token))).status).toBe(401);
    expect((await call(s, 'GET', '/v1/public/me', as(s, fourth.token))).status).toBe(200);
    expect((await call(s, 'GET', '/v1/public/me', as(s, third.token))).status).toBe(401);
    // Twelve hours later it has expired.
    now = new Date(now.getTime() + 12 * 3_600_000 + 1000);
    expect((await call(s, 'GET', '/v1/public/me', as(s, fourth.token))).json.type).toMatch(/session-expired/);
    // A customer the store blocks is signed out at once.
    now = new Date(now.getTime() + 1000);
    const fifth = (await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: 'dani@example.com', password: 'senha-nova-da-dani' } })).json;
    const current = (await call(s, 'GET', `/v1/customers/${c.id}`)).json;
    await call(s, 'PATCH', `/v1/customers/${c.id}`, { body: { status: 'blocked' }, headers: { 'If-Match': `"${current.version}"` } });
    expect((await call(s, 'GET', '/v1/public/me', as(s, fifth.token))).status).toBe(401);
  });

  it('no route of the API lets one shopper read or change another shopper\'s data', async () => {
    const t = app({ seed: 5 });
    const victim = await shopper(t, { ...PERSON, email: 'vitima@example.com' }, 'segredo-da-vitima-1');
    const attacker = await shopper(t, { ...COMPANY, email: 'atacante@example.com' }, 'segredo-do-atacante-1');
    const before = (await call(t, 'GET', `/v1/customers/${victim.customer.id}`)).json;
    const doc = (await call(t, 'GET', '/openapi.json', { key: null })).json;
    const secrets = [before.document, before.email, before.phone ?? '', before.id].filter(Boolean);
    let tried = 0;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { security?: Array<Record<string, unknown>> }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const concrete = path.replace(/\{[^}]+\}/g, victim.customer.id);
        const bodies = ['post', 'put', 'patch'].includes(method)
          ? [{ email: 'vitima@example.com', password: 'tomada-de-conta-1', currentPassword: 'segredo-do-atacante-1', customerId: victim.customer.id, id: victim.customer.id, phone: '11900000000', token: victim.token }, {}]
          : [undefined];
        for (const key of [t.keys.publishable]) {
          for (const body of bodies) {
            tried++;
            const r = await call(t, method.toUpperCase(), concrete, {
              key,
              ...(body ? { body } : {}),
              headers: { 'Clientela-Session': attacker.token, 'If-Match': '*' },
            });
            const leaked = secrets.filter((x) => r.text.includes(x));
            // A route that took the victim's id back out of the request (a 404 naming it) is fine;
            // their document, e-mail or phone never appear.
            expect(leaked.filter((x) => x !== before.id), `${method.toUpperCase()} ${path}: ${r.status} ${r.text.slice(0, 200)}`).toEqual([]);
            void op;
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(30);
    const after = (await call(t, 'GET', `/v1/customers/${victim.customer.id}`)).json;
    expect({ ...after, updatedAt: before.updatedAt }).toEqual(before);
    // The victim's password still works and the attacker's session still reads only the attacker.
    expect((await call(t, 'POST', '/v1/public/sessions', { key: t.keys.publishable, body: { email: 'vitima@example.com', password: 'segredo-da-vitima-1' } })).status).toBe(201);
    // (The walk signed the attacker out through DELETE /public/me/session; a new session reads only the attacker.)
    const again = (await call(t, 'POST', '/v1/public/sessions', { key: t.keys.publishable, body: { email: 'atacante@example.com', password: 'segredo-do-atacante-1' } })).json;
    expect((await call(t, 'GET', '/v1/public/me', as(t, again.token))).json.id).toBe(attacker.customer.id);
    t.close();
  });
});
