import { expect, expectEqual, expectFieldError, expectProblem } from '../assert.js';
import type { Session } from '../session.js';

export async function problemChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('problems', 'errors are RFC 9457 application/problem+json, localized; bad input is 400/422, never 500');
  await runner.check('malformed JSON → 400 problem', async () => {
    expectProblem(await http.post('/v1/customers', undefined, { raw: '{"kind": "person",', headers: { 'Content-Type': 'application/json' } }), 400);
  });
  await runner.check('a body that breaks the schema → 422 with errors [{ path, code, message }]', async () => {
    const r = await http.post('/v1/customers', { kind: 'person', document: s.person().document });
    expectFieldError(r, 'firstName', 'required');
  });
  await runner.check('an unknown kind → 422 (not 500)', async () => {
    expectProblem(await http.post('/v1/customers', { kind: 'robot' }), 422);
  });
  await runner.check('a JSON array instead of an object → 400 or 422 (not 500)', async () => {
    const r = await http.post('/v1/customers', [1, 2, 3]);
    expect(r.status === 400 || r.status === 422, `expected 400 or 422, got ${r.status}`);
    expectProblem(r, r.status);
  });
  await runner.check('an unknown route → 404 problem', async () => {
    expectProblem(await http.get(`/v1/no-such-route-${s.run}`), 404);
  });
  await runner.check('an unknown customer id → 404 problem', async () => {
    expectProblem(await http.get(`/v1/customers/cus_${s.run}_missing`), 404);
  });
  await runner.check('Accept-Language: pt-BR is the default; en and es answer in their language', async () => {
    const body = { kind: 'person', document: '111.111.111-11', firstName: 'Teste', lastName: s.run };
    const none = await http.post('/v1/customers', body);
    const pt = await http.post('/v1/customers', body, { headers: { 'Accept-Language': 'pt-BR' } });
    const en = await http.post('/v1/customers', body, { headers: { 'Accept-Language': 'en' } });
    const es = await http.post('/v1/customers', body, { headers: { 'Accept-Language': 'es-AR,es;q=0.9' } });
    for (const r of [none, pt, en, es]) expectFieldError(r, 'document', 'invalid_cpf');
    expectEqual(none.json.title, pt.json.title, 'title without Accept-Language vs pt-BR');
    const message = (r: typeof none) => (r.json.errors as { path: string; message: string }[]).find((e) => e.path === 'document')?.message;
    expectEqual(message(none), message(pt), 'field message without Accept-Language vs pt-BR');
    expect(en.json.title !== pt.json.title && message(en) !== message(pt), `en answers like pt-BR (${en.json.title} / ${message(en)})`);
    expect(es.json.title !== en.json.title && message(es) !== message(en) && message(es) !== message(pt), `es answers like another language (${es.json.title} / ${message(es)})`);
  });
}
