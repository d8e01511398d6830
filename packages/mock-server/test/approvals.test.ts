// A private catalog: self-registration off, or a request the store approves or refuses; only
// approved customers sign in, and the shopper learns the outcome at their next sign-in.
import { describe, expect, it } from 'vitest';
import { app, call, COMPANY, PERSON } from './helpers.js';

describe('private catalog', () => {
  it('open by default; off refuses self-registration; approval queues it until the store decides', async () => {
    const s = app({ seed: 0 });
    const pk = { key: s.keys.publishable };
    expect((await call(s, 'GET', '/v1/public/settings/catalog', pk)).json).toEqual({ selfRegistration: 'open' });
    expect((await call(s, 'PUT', '/v1/settings/catalog', { ...pk, body: { selfRegistration: 'off' } })).status).toBe(403);

    await call(s, 'PUT', '/v1/settings/catalog', { body: { selfRegistration: 'off' } });
    const closed = await call(s, 'POST', '/v1/public/registrations', { ...pk, body: { ...PERSON, password: 'pé-de-moleque-9' } });
    expect(closed.status).toBe(403);
    expect(closed.json.type).toMatch(/registration-closed/);

    await call(s, 'PUT', '/v1/settings/catalog', { body: { selfRegistration: 'approval' } });
    const noPassword = await call(s, 'POST', '/v1/public/registrations', { ...pk, body: PERSON });
    expect(noPassword.json.errors).toEqual([expect.objectContaining({ path: 'password', code: 'required' })]);
    const ana = await call(s, 'POST', '/v1/public/registrations', { ...pk, body: { ...PERSON, password: 'pé-de-moleque-9' } });
    expect(ana.status).toBe(201);
    expect(ana.json.account).toEqual({ status: 'pending' });
    const bia = (await call(s, 'POST', '/v1/public/registrations', { ...pk, body: { ...COMPANY, password: 'senha-da-bia-22' } })).json;
    const queue = (await call(s, 'GET', '/v1/registration-requests?status=pending')).json.items;
    expect(queue.map((r: { customerId: string }) => r.customerId)).toEqual([bia.id, ana.json.id]);
    expect(queue[1]).toMatchObject({ name: 'João da Conceição', email: PERSON.email, kind: 'person', status: 'pending' });
    expect((await call(s, 'GET', '/v1/registration-requests', pk)).status).toBe(403);

    // Pending: the right password is told to wait; a wrong one learns nothing.
    const signIn = (email: string, password: string, lang = 'pt-BR') =>
      call(s, 'POST', '/v1/public/sessions', { ...pk, body: { email, password }, headers: { 'Accept-Language': lang } });
    const waiting = await signIn(PERSON.email, 'pé-de-moleque-9');
    expect(waiting.status).toBe(403);
    expect(waiting.json.detail).toContain('aguarda a aprovação da loja');
    expect((await signIn(PERSON.email, 'errada-123')).status).toBe(401);

    // Approved: the next sign-in says so, once; refused: told so, and no session.
    const approved = await call(s, 'POST', `/v1/registration-requests/${ana.json.id}/decision`, { body: { decision: 'approve' } });
    expect(approved.json.account).toEqual({ status: 'active' });
    expect(approved.json.document).toMatch(/^\*\*\*\./); // masked: a decision is not a reveal
    const first = await signIn(PERSON.email, 'pé-de-moleque-9');
    expect(first.status).toBe(201);
    expect(first.json.notice).toBe('approved');
    expect((await signIn(PERSON.email, 'pé-de-moleque-9')).json.notice).toBeUndefined();
    await call(s, 'POST', `/v1/registration-requests/${bia.id}/decision`, { body: { decision: 'refuse' } });
    const refused = await signIn(COMPANY.email, 'senha-da-bia-22', 'en');
    expect(refused.status).toBe(403);
    expect(refused.json.title).toBe('Registration not approved');
    expect((await call(s, 'GET', '/v1/registration-requests?status=pending')).json.items).toEqual([]);
    expect((await call(s, 'POST', '/v1/registration-requests/cus_nope/decision', { body: { decision: 'approve' } })).status).toBe(404);
    // Refusing an approved customer ends their sessions.
    await call(s, 'POST', `/v1/registration-requests/${ana.json.id}/decision`, { body: { decision: 'refuse' } });
    expect((await call(s, 'GET', '/v1/public/me', { ...pk, headers: { 'Clientela-Session': first.json.token } })).status).toBe(401);
    s.close();
  });
});
