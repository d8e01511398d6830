import { expect, expectEqual, expectFieldError, expectProblem, expectStatus } from '../assert.js';
import type { Reply } from '../http.js';
import type { Body, Session } from '../session.js';

const PASSWORD = 'conformance-Senha-1';

/** The parts of a 401 that must not tell an unknown e-mail from a wrong password. */
function visible(r: Reply): string {
  const { type, title, status, detail, errors } = r.json ?? {};
  return JSON.stringify({ status: r.status, type, title, s: status, detail, errors });
}

export async function accountChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('account', 'public registration, sign-in without enumeration, invitations (one-time tokens)');
  let shopper: Body | undefined;
  const email = s.email('shopper');

  await runner.check('POST /v1/public/registrations (publishable key, password) → 201, source storefront, account active', async () => {
    const r = await http.post('/v1/public/registrations', s.person({ email, password: PASSWORD, notes: undefined }), { key: 'publishable' });
    expectStatus(r, 201);
    shopper = r.json;
    s.customers.add(r.json.id);
    expectEqual([r.json.source, r.json.account?.status], ['storefront', 'active'], '[source, account.status]');
  });
  await runner.check('a public registration cannot set what only the store sets (status, discountPercent, source)', async () => {
    const r = await http.post('/v1/public/registrations', s.person({ status: 'blocked', discountPercent: 50, source: 'admin', notes: undefined }), { key: 'publishable' });
    expectStatus(r, 201);
    s.customers.add(r.json.id);
    expectEqual([r.json.status, r.json.discountPercent, r.json.source], ['active', undefined, 'storefront'], '[status, discountPercent, source]');
  });
  await runner.check('a public registration with a held document or e-mail → 202 check_email, alike for both, creating nothing and naming no one (#18 §3)', async () => {
    expect(shopper, 'the shopper was not registered');
    const byDocument = await http.post('/v1/public/registrations', s.person({ document: shopper.document, notes: undefined }), { key: 'publishable' });
    const byEmail = await http.post('/v1/public/registrations', s.person({ email, notes: undefined }), { key: 'publishable' });
    expectStatus(byDocument, 202);
    expectEqual(byDocument.json, { accepted: true, next: 'check_email' }, 'the 202 body');
    expectEqual([byEmail.status, byEmail.text], [byDocument.status, byDocument.text], 'the held e-mail\'s answer');
    expect(!byDocument.text.includes(shopper.id), 'the answer names the existing customer');
  });
  await runner.check('a password under 8 characters → 422 weak_password', async () => {
    expectFieldError(await http.post('/v1/public/registrations', s.person({ password: 'short', notes: undefined }), { key: 'publishable' }), 'password', 'weak_password');
  });
  await runner.check('POST /v1/public/sessions with the right password → 201 with a token for the customer', async () => {
    expect(shopper, 'the shopper was not registered');
    const r = await http.post('/v1/public/sessions', { email: email.toUpperCase(), password: PASSWORD }, { key: 'publishable' });
    expectStatus(r, 201);
    expect(typeof r.json.token === 'string' && r.json.token.length >= 16, 'no token of 16 characters or more');
    expectEqual(r.json.customerId, shopper.id, 'customerId');
  });
  await runner.check('a wrong password and an unknown e-mail give the same 401 (no enumeration)', async () => {
    const wrong = await http.post('/v1/public/sessions', { email, password: `${PASSWORD}x` }, { key: 'publishable' });
    const unknown = await http.post('/v1/public/sessions', { email: s.email('nobody'), password: PASSWORD }, { key: 'publishable' });
    expectProblem(wrong, 401);
    expectEqual(visible(unknown), visible(wrong), 'the 401 for an unknown e-mail vs a wrong password');
  });

  let invited: Body | undefined;
  let token: string | undefined;
  await runner.check('POST /v1/customers/:id/invitations (secret key) → 201 with a one-time token; the account becomes invited', async () => {
    invited = await s.mustCreate(s.person({ email: s.email('invited') }));
    const r = await http.post(`/v1/customers/${invited.id}/invitations`);
    expectStatus(r, 201);
    token = r.json.token;
    expect(typeof token === 'string' && token.length >= 16, 'no token of 16 characters or more');
    expectEqual((await http.get(`/v1/customers/${invited.id}`)).json.account?.status, 'invited', 'account.status');
  });
  await runner.check('a publishable key cannot invite → 403', async () => {
    expect(invited, 'the customer was not created');
    expectProblem(await http.post(`/v1/customers/${invited.id}/invitations`, undefined, { key: 'publishable' }), 403);
  });
  await runner.check('POST /v1/public/password with an e-mail other than the invited one → 422 email_mismatch (the token stays usable)', async () => {
    expect(invited && token, 'no invitation');
    expectFieldError(await http.post('/v1/public/password', { token, email: s.email('intruder'), password: PASSWORD }, { key: 'publishable' }), 'email', 'email_mismatch');
  });
  await runner.check('POST /v1/public/password with the token → 200 session; the customer can then sign in', async () => {
    expect(invited && token, 'no invitation');
    const r = await http.post('/v1/public/password', { token, email: invited.email, password: PASSWORD }, { key: 'publishable' });
    expectStatus(r, 200);
    expectEqual(r.json.customerId, invited.id, 'customerId');
    expectStatus(await http.post('/v1/public/sessions', { email: invited.email, password: PASSWORD }, { key: 'publishable' }), 201);
    expectEqual((await http.get(`/v1/customers/${invited.id}`)).json.account?.status, 'active', 'account.status');
  });
  await runner.check('the same token again → 410 token_used; an unknown token → 422 token_invalid', async () => {
    expect(token, 'no invitation');
    expectFieldError(await http.post('/v1/public/password', { token, email: invited?.email, password: PASSWORD }, { key: 'publishable' }), 'token', 'token_used', 410);
    expectFieldError(await http.post('/v1/public/password', { token: `${s.run}-not-a-token`, email: invited?.email, password: PASSWORD }, { key: 'publishable' }), 'token', 'token_invalid');
  });
  await runner.check('one invitation token used by two requests at once → exactly one 200, the other 410', async () => {
    const c = await s.mustCreate(s.person({ email: s.email('race') }));
    const inv = await http.post(`/v1/customers/${c.id}/invitations`);
    expectStatus(inv, 201);
    const replies = await Promise.all([0, 1].map((i) => http.post('/v1/public/password', { token: inv.json.token, email: c.email, password: `${PASSWORD}${i}` }, { key: 'publishable' })));
    const statuses = replies.map((r) => r.status).sort();
    expectEqual(statuses, [200, 410], 'statuses');
  });
}
