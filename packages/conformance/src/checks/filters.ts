import { expect, expectEqual, expectFieldError, expectStatus } from '../assert.js';
import { newCnpj } from '../fixtures.js';
import type { Reply } from '../http.js';
import type { Body, Session } from '../session.js';

const SP = { postalCode: '01310-100', street: 'Avenida Paulista', number: '1000', city: 'São Paulo', state: 'SP' };
const RJ = { postalCode: '20040-020', street: 'Avenida Rio Branco', number: '1', city: 'Rio de Janeiro', state: 'RJ' };

/** The `filter` parameter: core's filter language, combined with the other parameters by AND. */
export async function filterChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('filters', 'GET /v1/customers?filter=: the filter language, AND with q, OR groups, 422 for a bad filter');
  const tag = `${s.run}x`;
  const page = async (query: string): Promise<Reply> => {
    const r = await http.get(`/v1/customers?q=${tag}&limit=200&${query}`);
    expectStatus(r, 200);
    return r;
  };
  const ids = (r: Reply) => (r.json.items as Body[]).map((c) => c.id as string).sort();
  let inSp: Body, inRj: Body, company: Body, noAddress: Body;

  const ready = await runner.check(`fixture: four customers whose names hold "${tag}": in São Paulo (SP), in Rio (RJ), a company in SP, one without address`, async () => {
    inSp = await s.mustCreate(s.person({ lastName: `Filtro ${tag}`, address: SP }));
    inRj = await s.mustCreate(s.person({ lastName: `Filtro ${tag}`, address: RJ }));
    company = await s.mustCreate(s.company(newCnpj(), { legalName: `Filtro ${tag} Ltda`, address: SP }));
    noAddress = await s.mustCreate(s.person({ lastName: `Filtro ${tag}` }));
  });
  if (!ready) return;

  await runner.check('filter=uf-SP keeps the customers whose address is in SP, and narrows total too', async () => {
    const r = await page('filter=uf-SP');
    expectEqual(ids(r), [inSp.id, company.id].sort(), 'ids with filter=uf-SP');
    expectEqual(r.json.total, 2, 'total with filter=uf-SP');
  });
  await runner.check('city keys ignore case and accents: filter=city-sao_paulo', async () => {
    expectEqual(ids(await page('filter=city-sao_paulo')), [inSp.id, company.id].sort(), 'ids with filter=city-sao_paulo');
  });
  await runner.check('terms joined by "." must all hold; alternatives joined by "*" one of them', async () => {
    expectEqual(ids(await page('filter=uf-SP.kind-person')), [inSp.id as string], 'ids with uf-SP.kind-person');
    expectEqual(ids(await page('filter=uf-RJ*kind-company')), [inRj.id, company.id].sort(), 'ids with uf-RJ*kind-company');
  });
  await runner.check('filter combines with kind by AND', async () => {
    expectEqual(ids(await page('kind=person&filter=uf-SP*uf-RJ')), [inSp.id, inRj.id].sort(), 'ids with kind=person and uf-SP*uf-RJ');
  });
  await runner.check('a new customer has never bought: filter=last-never keeps all four, last-within-30 none', async () => {
    expectEqual(ids(await page('filter=last-never')), [inSp.id, inRj.id, company.id, noAddress.id].sort(), 'ids with last-never');
    expectEqual((await page('filter=last-within-30')).json.total, 0, 'total with last-within-30');
    expectEqual((await page('filter=last-notwithin-30')).json.total, 4, 'total with last-notwithin-30 (never bought included)');
  });
  await runner.check('categories: cat-any, cat-none', async () => {
    const cat = await s.mustCreateCategory('filtro');
    const r = await http.get(`/v1/customers/${inRj.id}`);
    expectStatus(await http.patch(`/v1/customers/${inRj.id}`, { categoryIds: [cat.id] }, { headers: { 'If-Match': r.headers.get('etag') ?? '' } }), 200);
    expectEqual(ids(await page(`filter=cat-any-${cat.id}`)), [inRj.id as string], 'ids with cat-any');
    expectEqual(ids(await page(`filter=cat-none-${cat.id}`)), [inSp.id, company.id, noAddress.id].sort(), 'ids with cat-none');
  });
  await runner.check('a filter condition written wrong → 422 invalid_filter at `filter`; an unknown one → filter_unknown_condition', async () => {
    const bad = await http.get(`/v1/customers?q=${tag}&filter=uf-SP.spent-min-dez`);
    expectFieldError(bad, 'filter', 'invalid_filter');
    const message = (bad.json.errors as { path: string; message: string }[]).find((e) => e.path === 'filter')?.message ?? '';
    expect(message.includes('spent-min-dez'), `the message does not quote the condition: ${message}`);
    expectFieldError(await http.get(`/v1/customers?q=${tag}&filter=idade-min-18`), 'filter', 'filter_unknown_condition');
    expectFieldError(await http.get(`/v1/customers?q=${tag}&filter=uf-XX`), 'filter', 'invalid_filter');
  });
  await runner.check('credits-active and credits-expiring-N read the ledger: a grant via POST /v1/customers/{id}/credits', async () => {
    expectEqual((await page('filter=credits-active')).json.total, 0, 'total with credits-active before any grant');
    const expiresAt = new Date(Date.now() + 20 * 86_400_000).toISOString();
    expectStatus(await http.post(`/v1/customers/${inSp.id}/credits`, { kind: 'referral', amountCents: 2500, expiresAt, origin: 'Indicação' }), 201);
    expectEqual(ids(await page('filter=credits-active')), [inSp.id as string], 'ids with credits-active');
    expectEqual(ids(await page('filter=credits-expiring-30')), [inSp.id as string], 'ids with credits-expiring-30');
    expectEqual((await page('filter=credits-expiring-10')).json.total, 0, 'total with credits-expiring-10 (the credit expires in 20 days)');
  });
  await runner.check('unit-ID reads the orders: an order via POST /v1/orders at a unit', async () => {
    const unit = `u${s.run}`.replace(/[^A-Za-z0-9_]/g, '_');
    expectStatus(await http.post('/v1/units', { id: unit, name: `Unidade ${s.run}` }), 201);
    expectEqual((await page(`filter=unit-${unit}`)).json.total, 0, 'total with the unit before any order');
    const order = { number: `${s.run}-1`, customerId: inRj.id, unitId: unit, placedAt: new Date().toISOString(), itemsCount: 1, totalCents: 9990, status: 'paid' };
    expectStatus(await http.post('/v1/orders', order), 201);
    expectEqual(ids(await page(`filter=unit-${unit}`)), [inRj.id as string], 'ids with the unit');
    expectEqual(ids(await page(`filter=unit-${unit}.last-within-1`)), [inRj.id as string], 'ids with the unit, bought today');
  });
  await runner.check('bulk with filter.filter acts on every match', async () => {
    const cat = await s.mustCreateCategory('filtro-lote');
    const r = await http.post('/v1/customers/bulk', { filter: { q: tag, filter: 'uf-SP' }, action: 'addCategories', categoryIds: [cat.id] });
    expectStatus(r, 200);
    expectEqual(r.json.matched, 2, 'matched');
    expectEqual(ids(await page(`categoryId=${cat.id}`)), [inSp.id, company.id].sort(), 'ids given the category');
  });
}
