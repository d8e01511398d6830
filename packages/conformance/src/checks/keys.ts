import { expect, expectProblem, expectStatus } from '../assert.js';
import type { Session } from '../session.js';

export async function keyChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('keys', 'Authorization: Bearer sk_… reaches every route, pk_… only the public ones');
  await runner.check('no key → 401 problem with WWW-Authenticate: Bearer', async () => {
    const r = await http.get('/v1/customers', { key: 'none' });
    expectProblem(r, 401);
    expect(/^bearer/i.test(r.headers.get('www-authenticate') ?? ''), 'no WWW-Authenticate: Bearer header on the 401');
  });
  await runner.check('an unknown key → 401', async () => {
    expectProblem(await http.get('/v1/customers', { key: { bearer: 'sk_conformance_unknown_key' } }), 401);
  });
  await runner.check('a publishable key on a secret route → 403 (GET /v1/customers)', async () => {
    expectProblem(await http.get('/v1/customers', { key: 'publishable' }), 403);
  });
  await runner.check('a publishable key cannot write through secret routes → 403 (POST /v1/customers)', async () => {
    expectProblem(await http.post('/v1/customers', s.person(), { key: 'publishable' }), 403);
  });
  await runner.check('a publishable key reaches the public routes → 200 (GET /v1/public/settings/registration)', async () => {
    expectStatus(await http.get('/v1/public/settings/registration', { key: 'publishable' }), 200);
  });
  await runner.check('the secret key reaches the public routes too', async () => {
    expectStatus(await http.get('/v1/public/settings/registration'), 200);
  });
}
