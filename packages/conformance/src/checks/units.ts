import { expect, expectEqual, expectFieldError, expectProblem, expectStatus } from '../assert.js';
import type { Body, Session } from '../session.js';

/** Units (stores): names unique ignoring case and accents, orders only at an active unit, a unit with orders never deleted. */
export async function unitChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('units', 'units (stores): unique names, If-Match, orders only at an existing active unit, inactivated rather than deleted');
  const id = `cf_${s.run}`.replace(/[^A-Za-z0-9_]/g, '_');
  let unit: Body | undefined;
  let customer: Body | undefined;
  const order = (unitId: string, n: number) => ({
    customerId: customer!.id,
    number: `CF-U-${s.run}-${n}`,
    unitId,
    placedAt: new Date(Date.now() - 86_400_000).toISOString(),
    itemsCount: 1,
    totalCents: 4_990,
    status: 'paid',
  });

  await runner.check('POST /v1/units → 201 with ETag; listed by GET /v1/units', async () => {
    const r = await http.post('/v1/units', { id, name: `Unidade Conformidade ${s.run}` });
    expectStatus(r, 201);
    expect(r.headers.get('etag') === '"1"', `ETag is ${JSON.stringify(r.headers.get('etag'))}`);
    expectEqual([r.json.id, r.json.status], [id, 'active'], 'id and status');
    unit = r.json;
    const list = await http.get('/v1/units');
    expect((list.json.items as Body[]).some((u) => u.id === id), 'the new unit is not listed');
  });
  await runner.check('a name held ignoring case and accents → 409 duplicate_unit_name at name; a bad id → 422 invalid_unit_id', async () => {
    expectFieldError(await http.post('/v1/units', { name: `UNIDADE CONFORMIDADÉ ${s.run}` }), 'name', 'duplicate_unit_name', 409);
    expectFieldError(await http.post('/v1/units', { id: 'com-hífen', name: `Outra ${s.run}` }), 'id', 'invalid_unit_id');
  });
  await runner.check('an order at a unit that does not exist → 422 unknown_unit at unitId', async () => {
    customer = await s.mustCreate(s.person());
    expectFieldError(await http.post('/v1/orders', order(`${id}_nenhuma`, 0)), 'unitId', 'unknown_unit');
  });
  await runner.check('an order at the unit → 201; then DELETE /v1/units/:id → 409 unit_in_use', async () => {
    expect(unit && customer, 'the unit or the customer was not created');
    expectStatus(await http.post('/v1/orders', order(id, 1)), 201);
    expectProblem(await http.delete(`/v1/units/${id}`), 409);
    expectStatus(await http.get(`/v1/units/${id}`), 200);
  });
  await runner.check('PATCH /v1/units/:id without If-Match → 428; inactivated with it, the unit takes no new orders (422 unit_inactive)', async () => {
    expect(unit, 'the unit was not created');
    expectProblem(await http.patch(`/v1/units/${id}`, { status: 'inactive' }), 428);
    const r = await http.patch(`/v1/units/${id}`, { status: 'inactive' }, { headers: { 'If-Match': '"1"' } });
    expectStatus(r, 200);
    expectEqual([r.json.status, r.json.version], ['inactive', 2], 'status and version');
    expectFieldError(await http.post('/v1/orders', order(id, 2)), 'unitId', 'unit_inactive');
  });
  await runner.check('a unit without orders is deleted → 204, then 404', async () => {
    const r = await http.post('/v1/units', { id: `${id}_x`, name: `Unidade vazia ${s.run}` });
    expectStatus(r, 201);
    expectStatus(await http.delete(`/v1/units/${id}_x`), 204);
    expectStatus(await http.get(`/v1/units/${id}_x`), 404);
  });
}
