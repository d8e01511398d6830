import { expect, expectEqual, expectFieldError, expectProblem, expectStatus } from '../assert.js';
import type { Body, Session } from '../session.js';

export async function categoryChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('categories', 'names unique ignoring case and accents; inactivated, never deleted');
  let cat: Body | undefined;
  let holder: Body | undefined;

  await runner.check('POST /v1/categories → 201 with ETag, status active, customerCount 0, colour #rrggbb', async () => {
    cat = await s.mustCreateCategory('Atacadão', { color: '#1E6FD9' });
    expectEqual([cat.status, cat.customerCount, cat.color], ['active', 0, '#1e6fd9'], '[status, customerCount, color]');
  });
  await runner.check('the same name in another case and without accents → 409 duplicate_name', async () => {
    const r = await http.post('/v1/categories', { name: `CONFORMIDADE ${s.run.toUpperCase()} ATACADAO` });
    expectFieldError(r, 'name', 'duplicate_name', 409);
  });
  await runner.check('an empty name or a colour that is not #rrggbb → 422', async () => {
    expectProblem(await http.post('/v1/categories', { name: '' }), 422);
    expectFieldError(await http.post('/v1/categories', { name: `Conformidade ${s.run} cor`, color: 'blue' }), 'color', 'invalid_color');
  });
  await runner.check('customerCount counts the customers holding the category', async () => {
    expect(cat, 'the category was not created');
    holder = await s.mustCreate(s.person({ categoryIds: [cat.id] }));
    const r = await http.get(`/v1/categories/${cat.id}`);
    expectStatus(r, 200);
    expectEqual(r.json.customerCount, 1, 'customerCount');
  });
  await runner.check('PATCH /v1/categories/:id without If-Match → 428; with it, status inactive → 200', async () => {
    expect(cat, 'the category was not created');
    expectProblem(await http.patch(`/v1/categories/${cat.id}`, { status: 'inactive' }), 428);
    const r = await http.get(`/v1/categories/${cat.id}`);
    const done = await http.patch(`/v1/categories/${cat.id}`, { status: 'inactive' }, { headers: { 'If-Match': r.headers.get('etag') ?? '' } });
    expectStatus(done, 200);
    expectEqual(done.json.status, 'inactive', 'status');
  });
  await runner.check('GET /v1/categories?status=inactive lists it; ?status=active does not', async () => {
    expect(cat, 'the category was not created');
    const inactive = await http.get('/v1/categories?status=inactive');
    expect((inactive.json.items as Body[]).some((c) => c.id === cat!.id), 'not in ?status=inactive');
    const active = await http.get('/v1/categories?status=active');
    expect(!(active.json.items as Body[]).some((c) => c.id === cat!.id), 'still in ?status=active');
  });
  await runner.check('assigning an inactive category to a customer that does not have it → 422 inactive_category', async () => {
    expect(cat, 'the category was not created');
    expectFieldError(await s.create(s.person({ categoryIds: [cat.id] })), 'categoryIds.0', 'inactive_category');
  });
  await runner.check('an inactive category stays on the customers that have it, also through their edits', async () => {
    expect(cat && holder, 'the category or its customer was not created');
    const r = await http.patch(`/v1/customers/${holder.id}`, { notes: `${s.notes} edited`, categoryIds: holder.categoryIds }, { headers: { 'If-Match': `"${holder.version}"` } });
    expectStatus(r, 200);
    expectEqual(r.json.categoryIds, [cat.id], 'categoryIds after the edit');
  });
  await runner.check('an unknown category id → 422 unknown_category', async () => {
    expectFieldError(await s.create(s.person({ categoryIds: [`cat_${s.run}_missing`] })), 'categoryIds.0', 'unknown_category');
  });
  await runner.check('DELETE /v1/categories/:id → 405 problem that explains inactivation, with Allow', async () => {
    expect(cat, 'the category was not created');
    const r = await http.delete(`/v1/categories/${cat.id}`);
    expectProblem(r, 405);
    expect((r.headers.get('allow') ?? '').includes('PATCH'), `Allow is ${JSON.stringify(r.headers.get('allow'))}`);
    expectStatus(await http.get(`/v1/categories/${cat.id}`), 200);
  });
}
