import { expect, expectEqual, expectFieldError, expectStatus } from '../assert.js';
import type { Body, Session } from '../session.js';

const DAY = 86_400_000;

/**
 * Automatic categories: a rule checked like a filter, members kept by the server in the write of
 * an order, never assigned by hand; the manager's figures; a discount. The rule also reads a
 * category of the run's own, so on a shared backend it matches only the run's customer.
 */
export async function automaticCategoryChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('automatic-categories', 'rule categories: rule checked, members follow orders in the same write, no assignment by hand, figures, discount');
  let marker: Body | undefined;
  let auto: Body | undefined;
  let customer: Body | undefined;
  const categoriesOf = async () => (await http.get(`/v1/customers/${customer!.id}?document=masked`)).json.categoryIds as string[];

  await runner.check('POST /v1/categories with a bad rule → 422 invalid_filter at rule', async () => {
    expectFieldError(await http.post('/v1/categories', { name: `Conformidade regra ${s.run}`, rule: 'spent-min-dez' }), 'rule', 'invalid_filter');
  });
  await runner.check('POST /v1/categories with a rule and a discount → 201; the rule reads back in its canonical text', async () => {
    const m = await http.post('/v1/categories', { name: `Conformidade marca ${s.run}` });
    expectStatus(m, 201);
    marker = m.json;
    const r = await http.post('/v1/categories', { name: `Conformidade VIP ${s.run}`, rule: `cat-any-${marker!.id}.spent-min-500001`, discountPercent: 10 });
    expectStatus(r, 201);
    auto = r.json;
    expectEqual([auto!.rule, auto!.discountPercent, auto!.customerCount], [`cat-any-${marker!.id}.spent-min-500001`, 10, 0], 'rule, discount, members');
  });
  await runner.check('an automatic category cannot be given by hand → 422 rule_category', async () => {
    expect(auto && marker, 'the categories were not created');
    customer = await s.mustCreate({ ...s.person(), categoryIds: [marker!.id] });
    const r = await http.patch(`/v1/customers/${customer.id}`, { categoryIds: [marker!.id, auto!.id] }, { headers: { 'If-Match': `"${customer.version}"` } });
    expectFieldError(r, 'categoryIds.1', 'rule_category');
    expectFieldError(await http.post('/v1/customers/bulk', { ids: [customer.id], action: 'addCategories', categoryIds: [auto!.id] }), 'categoryIds.0', 'rule_category');
  });
  await runner.check('an order taking the customer over R$ 5.000 makes them a member at once; cancelling it takes them out', async () => {
    expect(customer, 'the customer was not created');
    const placedAt = new Date(Date.now() - DAY).toISOString();
    const o = await http.post('/v1/orders', { customerId: customer!.id, number: `CF-VIP-${s.run}`, placedAt, itemsCount: 1, totalCents: 500_001, status: 'paid' });
    expectStatus(o, 201);
    expect((await categoriesOf()).includes(auto!.id), 'not a member after the order');
    const c = await http.patch(`/v1/orders/${o.json.id}`, { status: 'cancelled' }, { headers: { 'If-Match': `"${o.json.version}"` } });
    expectStatus(c, 200);
    expect(!(await categoriesOf()).includes(auto!.id), 'still a member after the cancellation');
  });
  await runner.check('GET /v1/categories/figures → one entry per category, members equal to customerCount', async () => {
    const r = await http.get('/v1/categories/figures');
    expectStatus(r, 200);
    const cats = (await http.get('/v1/categories')).json.items as Body[];
    const items = r.json.items as Body[];
    expectEqual(items.length, cats.length, 'entries');
    for (const cat of cats) expectEqual(items.find((f) => f.categoryId === cat.id)?.members, cat.customerCount, `members of ${cat.id}`);
  });
}
