import { expect, expectEqual, expectFieldError, expectProblem, expectStatus } from '../assert.js';
import type { Body, Session } from '../session.js';

export async function viewChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('views', 'saved views of the customer list: built-in ones, filter checked, If-Match, deleted');
  let view: Body | undefined;

  await runner.check('GET /v1/views lists the built-in views first', async () => {
    const r = await http.get('/v1/views');
    expectStatus(r, 200);
    const ids = (r.json.items as Body[]).filter((v) => v.builtIn).map((v) => v.id);
    expectEqual(ids, ['builtin_no_purchase_90', 'builtin_birthdays_month', 'builtin_top_buyers', 'builtin_credits_expiring_30'], 'built-in ids');
  });
  await runner.check('POST /v1/views with a bad filter → 422 invalid_filter at filter', async () => {
    expectFieldError(await http.post('/v1/views', { name: `Conformidade ${s.run}`, filter: 'uf-XX' }), 'filter', 'invalid_filter');
  });
  await runner.check('POST /v1/views → 201 with ETag; shared views are listed', async () => {
    const r = await http.post('/v1/views', { name: `Conformidade ${s.run}`, filter: 'last-notwithin-90.uf-SP', shared: true, sort: '-totalSpent' });
    expectStatus(r, 201);
    expect(r.headers.get('etag') === '"1"', `ETag is ${JSON.stringify(r.headers.get('etag'))}`);
    view = r.json;
    const list = await http.get('/v1/views');
    expect((list.json.items as Body[]).some((v) => v.id === view!.id), 'the new view is not listed');
  });
  await runner.check('PATCH /v1/views/:id without If-Match → 428; with it → 200', async () => {
    expect(view, 'the view was not created');
    expectProblem(await http.patch(`/v1/views/${view.id}`, { name: `Conformidade ${s.run} 2` }), 428);
    const r = await http.patch(`/v1/views/${view.id}`, { name: `Conformidade ${s.run} 2` }, { headers: { 'If-Match': '"1"' } });
    expectStatus(r, 200);
    expectEqual(r.json.version, 2, 'version');
  });
  await runner.check('a built-in view cannot be deleted → 405', async () => {
    expectProblem(await http.delete('/v1/views/builtin_top_buyers'), 405);
  });
  await runner.check('DELETE /v1/views/:id → 204, then 404', async () => {
    expect(view, 'the view was not created');
    expectStatus(await http.delete(`/v1/views/${view.id}`), 204);
    expectStatus(await http.get(`/v1/views/${view.id}`), 404);
  });
}
