// Automatic (rule) categories on every store: members follow orders, credits and customer edits in
// the same write; a new or edited rule is walked over everyone and matches a brute-force check
// over the seeded data; a walk left half-way (a crash) resumes, and waits for another process's
// lease; time-relative rules follow the clock; nobody assigns or removes one by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { RULE_BATCH, RULE_REFRESH_MS, type RuleJob } from '../src/service/rules.js';
import { app, call, PERSON } from './helpers.js';
import { PostgresStore } from '../src/store/postgres.js';
import { createTestDatabase, type TestDatabase } from '../../../test/postgres.js';
import { everyServer } from './stores.js';

const DAY = 86_400_000;
const START = Date.parse('2026-11-22T12:00:00.000Z');
let clock = START;
const servers = everyServer('rule-categories', { seed: 700, now: () => new Date(clock) });
const rng = new Prng(1512);

/** Every live customer, read page by page through the API (the brute-force side). */
async function everyone(s: MockServer): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | null = null;
  do {
    const r: any = await call(s, 'GET', `/v1/customers?limit=200&sort=createdAt${cursor ? `&cursor=${cursor}` : ''}`);
    expect(r.status).toBe(200);
    out.push(...r.json.items);
    cursor = r.json.nextCursor;
  } while (cursor);
  return out;
}

const idsWith = (customers: any[], categoryId: string) => customers.filter((c) => c.categoryIds.includes(categoryId)).map((c) => c.id).sort();

describe.each(servers)('automatic categories on %s', (_kind, open) => {
  let s: MockServer;
  let vip: any;
  let n = 0;
  const person = () => ({ ...PERSON, document: generateCpf(rng), email: `regra${++n}@example.com.br` });
  const order = (customerId: string, totalCents: number) => ({
    customerId,
    number: `R-${++n}`,
    placedAt: new Date(clock - DAY).toISOString(),
    itemsCount: 1,
    totalCents,
    status: 'paid',
  });
  const category = async (id: string) => (await call(s, 'GET', `/v1/categories/${id}`)).json;
  const customer = async (id: string) => (await call(s, 'GET', `/v1/customers/${id}?document=masked`)).json;

  beforeAll(async () => {
    clock = START;
    s = await open();
    await s.ready;
  }, 180_000);
  afterAll(() => s.close());

  it('VIP: gastou mais de R$ 5.000 — a new rule is walked over every seeded customer and matches a brute-force check', async () => {
    const r = await call(s, 'POST', '/v1/categories', { body: { name: 'VIP: gastou mais de R$ 5.000', rule: 'spent-min-500001', discountPercent: 10 } });
    expect(r.status).toBe(201);
    vip = r.json;
    expect(vip).toMatchObject({ rule: 'spent-min-500001', discountPercent: 10 });
    const all = await everyone(s);
    expect(all.length).toBeGreaterThan(RULE_BATCH);
    const expected = all.filter((c) => c.stats.totalSpentCents > 500_000).map((c) => c.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(idsWith(all, vip.id)).toEqual(expected);
    expect(vip.customerCount).toBe(expected.length);
    const list = await call(s, 'GET', `/v1/customers?categoryId=${vip.id}&limit=1`);
    expect(list.json.total).toBe(expected.length);
  }, 120_000);

  it('a customer joins when an order takes them over R$ 5.000 and leaves when it is cancelled — in the same write as the order', async () => {
    const c = (await call(s, 'POST', '/v1/customers', { body: person() })).json;
    expect(c.categoryIds).toEqual([]);
    expect((await call(s, 'POST', '/v1/orders', { body: order(c.id, 300_000) })).status).toBe(201);
    expect((await customer(c.id)).categoryIds).not.toContain(vip.id);
    const before = (await category(vip.id)).customerCount;
    const big = await call(s, 'POST', '/v1/orders', { body: order(c.id, 200_001) });
    expect(big.status).toBe(201);
    const member = await customer(c.id);
    expect(member.stats.totalSpentCents).toBe(500_001);
    expect(member.categoryIds).toContain(vip.id);
    expect((await category(vip.id)).customerCount).toBe(before + 1);
    const cancelled = await call(s, 'PATCH', `/v1/orders/${big.json.id}`, { body: { status: 'cancelled' }, headers: { 'If-Match': big.headers.get('ETag')! } });
    expect(cancelled.status).toBe(200);
    const after = await customer(c.id);
    expect(after.stats.totalSpentCents).toBe(300_000);
    expect(after.categoryIds).not.toContain(vip.id);
    expect(after.version).toBeGreaterThan(member.version);
    expect((await category(vip.id)).customerCount).toBe(before);
  });

  it('a return takes the customer out too', async () => {
    const c = (await call(s, 'POST', '/v1/customers', { body: person() })).json;
    const o = await call(s, 'POST', '/v1/orders', { body: { ...order(c.id, 600_000), status: 'delivered' } });
    expect((await customer(c.id)).categoryIds).toContain(vip.id);
    const r = await call(s, 'PATCH', `/v1/orders/${o.json.id}`, { body: { status: 'returned' }, headers: { 'If-Match': o.headers.get('ETag')! } });
    expect(r.status).toBe(200);
    expect((await customer(c.id)).categoryIds).not.toContain(vip.id);
  });

  it('nobody assigns or removes an automatic category by hand: create, PATCH and bulk answer a localized 422', async () => {
    const created = await call(s, 'POST', '/v1/customers', { body: { ...person(), categoryIds: [vip.id] }, headers: { 'Accept-Language': 'en' } });
    expect(created.status).toBe(422);
    expect(created.json.errors).toEqual([{ path: 'categoryIds.0', code: 'rule_category', message: 'Automatic category: customers join and leave it by its rule, not by hand.' }]);
    const c = (await call(s, 'POST', '/v1/customers', { body: person() })).json;
    const add = await call(s, 'PATCH', `/v1/customers/${c.id}`, { body: { categoryIds: [vip.id] }, headers: { 'If-Match': `"${c.version}"` } });
    expect(add.status).toBe(422);
    expect(add.json.errors[0]).toMatchObject({ code: 'rule_category', message: 'Categoria automática: os clientes entram e saem dela pela regra, não à mão.' });
    await call(s, 'POST', '/v1/orders', { body: order(c.id, 700_000) });
    const member = await customer(c.id);
    expect(member.categoryIds).toEqual([vip.id]);
    const remove = await call(s, 'PATCH', `/v1/customers/${c.id}`, { body: { categoryIds: [] }, headers: { 'If-Match': `"${member.version}"`, 'Accept-Language': 'es' } });
    expect(remove.status).toBe(422);
    expect(remove.json.errors[0]).toMatchObject({ path: 'categoryIds', code: 'rule_category' });
    // Sending the list back as it is (the form does) is no change of membership.
    const same = await call(s, 'PATCH', `/v1/customers/${c.id}`, { body: { categoryIds: [vip.id], notes: 'ok' }, headers: { 'If-Match': `"${member.version}"` } });
    expect(same.status).toBe(200);
    for (const action of ['addCategories', 'removeCategories']) {
      const bulk = await call(s, 'POST', '/v1/customers/bulk', { body: { ids: [c.id], action, categoryIds: [vip.id] } });
      expect(bulk.status).toBe(422);
      expect(bulk.json.errors[0].code).toBe('rule_category');
    }
    expect((await customer(c.id)).categoryIds).toEqual([vip.id]);
  });

  it('an import row naming an automatic category is refused with the row’s error, and nothing of it is written', async () => {
    const p = person();
    const csv = `kind,document,firstName,lastName,email,categories\r\nperson,${p.document},Ilda,Importada,${p.email},${vip.name}\r\n`;
    const r = await call(s, 'POST', '/v1/imports?dryRun=false', { raw: csv, headers: { 'Content-Type': 'text/csv' } });
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.json)).toContain('rule_category');
    expect((await call(s, 'GET', `/v1/customers?q=${p.document}`)).json.total).toBe(0);
  });

  it('a customer edit re-evaluates rules in the same write (a rule on the state and a manual category)', async () => {
    const manual = (await call(s, 'POST', '/v1/categories', { body: { name: `Atacado ${n}` } })).json;
    const rj = (await call(s, 'POST', '/v1/categories', { body: { name: `RJ atacado ${n}`, rule: `uf-RJ.cat-any-${manual.id}` } })).json;
    const c = (await call(s, 'POST', '/v1/customers', { body: { ...person(), categoryIds: [manual.id] } })).json;
    expect(c.categoryIds).toEqual([manual.id]);
    const moved = await call(s, 'PATCH', `/v1/customers/${c.id}`, {
      body: { address: { postalCode: '20040-020', street: 'Avenida Rio Branco', number: '1', city: 'Rio de Janeiro', state: 'RJ' } },
      headers: { 'If-Match': `"${c.version}"` },
    });
    expect(moved.status).toBe(200);
    expect(moved.json.categoryIds).toEqual([manual.id, rj.id]);
    expect(moved.json.version).toBe(c.version + 1);
    const bulk = await call(s, 'POST', '/v1/customers/bulk', { body: { ids: [c.id], action: 'removeCategories', categoryIds: [manual.id] } });
    expect(bulk.status).toBe(200);
    expect((await customer(c.id)).categoryIds).toEqual([]);
  });

  it('checks a rule: a bad filter, an empty one, a rule reading an automatic category, a category another rule reads', async () => {
    const bad = await call(s, 'POST', '/v1/categories', { body: { name: 'Ruim', rule: 'spent-min-dez' }, headers: { 'Accept-Language': 'en' } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toEqual([{ path: 'rule', code: 'invalid_filter', message: 'Invalid filter condition: “spent-min-dez”.' }]);
    expect((await call(s, 'POST', '/v1/categories', { body: { name: 'Vazia', rule: '' } })).json.errors[0]).toMatchObject({ path: 'rule', code: 'required' });
    const onRule = await call(s, 'POST', '/v1/categories', { body: { name: 'Sobre VIP', rule: `cat-any-${vip.id}` } });
    expect(onRule.json.errors[0]).toMatchObject({ path: 'rule', code: 'rule_references_rule' });
    const unknown = await call(s, 'POST', '/v1/categories', { body: { name: 'Fantasma', rule: 'cat-any-cat_nada' } });
    expect(unknown.json.errors[0]).toMatchObject({ path: 'rule', code: 'unknown_category' });
    const manual = (await call(s, 'POST', '/v1/categories', { body: { name: `Lida ${n}` } })).json;
    await call(s, 'POST', '/v1/categories', { body: { name: `Leitora ${n}`, rule: `cat-none-${manual.id}` } });
    const turn = await call(s, 'PATCH', `/v1/categories/${manual.id}`, { body: { rule: 'uf-SP' }, headers: { 'If-Match': `"${manual.version}"` } });
    expect(turn.json.errors[0]).toMatchObject({ path: 'rule', code: 'rule_referenced' });
    const discount = await call(s, 'POST', '/v1/categories', { body: { name: 'Desconto demais', discountPercent: 101 } });
    expect(discount.json.errors[0]).toMatchObject({ path: 'discountPercent', code: 'too_big' });
  });

  it('editing a rule walks everyone again; removing it keeps the members as manual ones', async () => {
    const cat = (await call(s, 'PATCH', `/v1/categories/${vip.id}`, { body: { rule: 'spent-min-1000000' }, headers: { 'If-Match': `"${(await category(vip.id)).version}"` } })).json;
    expect(cat.rule).toBe('spent-min-1000000');
    let all = await everyone(s);
    const expected = all.filter((c) => c.stats.totalSpentCents >= 1_000_000).map((c) => c.id).sort();
    expect(idsWith(all, vip.id)).toEqual(expected);
    expect(cat.customerCount).toBe(expected.length);
    const manual = await call(s, 'PATCH', `/v1/categories/${vip.id}`, { body: { rule: null }, headers: { 'If-Match': `"${cat.version}"` } });
    expect(manual.status).toBe(200);
    expect(manual.json.rule).toBeUndefined();
    all = await everyone(s);
    expect(idsWith(all, vip.id)).toEqual(expected);
    const back = await call(s, 'PATCH', `/v1/categories/${vip.id}`, { body: { rule: 'spent-min-500001' }, headers: { 'If-Match': `"${manual.json.version}"` } });
    vip = back.json;
    all = await everyone(s);
    expect(idsWith(all, vip.id)).toEqual(all.filter((c) => c.stats.totalSpentCents > 500_000).map((c) => c.id).sort());
  }, 120_000);

  it('a walk left half-way (a crash) resumes where its last batch ended, and waits while another process holds the lease', async () => {
    // What a process that died after its first batch leaves: the rule stored, its job's cursor
    // half-way, members given only up to there.
    const cat = (await call(s, 'POST', '/v1/categories', { body: { name: `Pedidos ${n}` } })).json;
    const stored = { ...(await s.store.getCategory(cat.id))!, rule: 'orders-min-3', version: cat.version + 1 };
    await s.store.putCategory(stored);
    const all = await everyone(s);
    const byCreated = [...all].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
    const half = byCreated[RULE_BATCH - 1];
    const job: RuleJob = { rule: 'orders-min-3', after: { key: half.createdAt, id: half.id }, evaluated: RULE_BATCH, done: false, startedAt: new Date(clock).toISOString() };
    await s.store.setMeta(`rules:job:${cat.id}`, job);
    await s.store.setMeta(`rules:lease:${cat.id}`, 'run_other', new Date(clock + 60_000).toISOString());
    await s.maintain();
    expect((await category(cat.id)).customerCount).toBe(0);
    clock += 61_000;
    await s.maintain();
    const after = await everyone(s);
    // Only the customers past the cursor were walked: the first batch is what the dead process did (nothing here).
    const walked = new Set(byCreated.slice(RULE_BATCH).map((c) => c.id));
    const expected = after.filter((c) => walked.has(c.id) && c.stats.ordersCount >= 3).map((c) => c.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(idsWith(after, cat.id)).toEqual(expected);
    const done = await s.store.getMeta<RuleJob>(`rules:job:${cat.id}`);
    expect(done).toMatchObject({ done: true, evaluated: all.length });
    expect(await s.store.getMeta(`rules:lease:${cat.id}`)).toBeUndefined();
  }, 120_000);

  it('a time-relative rule follows the clock without any write: sem compra há 30 dias', async () => {
    const c = (await call(s, 'POST', '/v1/customers', { body: person() })).json;
    await call(s, 'POST', '/v1/orders', { body: order(c.id, 10_000) });
    const idle = (await call(s, 'POST', '/v1/categories', { body: { name: `Sumidos ${n}`, rule: 'last-notwithin-30.status-active' } })).json;
    expect((await customer(c.id)).categoryIds).not.toContain(idle.id);
    const check = async () => {
      const all = await everyone(s);
      const since = new Date(clock - 30 * DAY).toISOString();
      const expected = all.filter((x) => x.status === 'active' && (x.stats.lastPurchaseAt === null || x.stats.lastPurchaseAt < since)).map((x) => x.id).sort();
      expect(idsWith(all, idle.id)).toEqual(expected);
    };
    await check();
    clock += 30 * DAY;
    // Not yet due: the last walk is younger than the refresh interval... once it is, the walk runs.
    clock += RULE_REFRESH_MS;
    await s.maintain();
    expect((await customer(c.id)).categoryIds).toContain(idle.id);
    await check();
    // A purchase brings them back at once.
    await call(s, 'POST', '/v1/orders', { body: { ...order(c.id, 5_000), placedAt: new Date(clock - 60_000).toISOString() } });
    expect((await customer(c.id)).categoryIds).not.toContain(idle.id);
  }, 120_000);

  it('a credit grant or redemption re-evaluates a credits rule in the same write', async () => {
    const wallet = (await call(s, 'POST', '/v1/categories', { body: { name: `Com crédito ${n}`, rule: 'credits-active' } })).json;
    const c = (await call(s, 'POST', '/v1/customers', { body: person() })).json;
    const grant = await call(s, 'POST', `/v1/customers/${c.id}/credits`, { body: { kind: 'cashback', amountCents: 2_000, expiresAt: new Date(clock + 40 * DAY).toISOString() } });
    expect(grant.status).toBe(201);
    expect((await customer(c.id)).categoryIds).toContain(wallet.id);
    const spend = await call(s, 'POST', `/v1/customers/${c.id}/credits/redemptions`, { body: { amountCents: 2_000 } });
    expect(spend.status).toBeLessThan(300);
    expect((await customer(c.id)).categoryIds).not.toContain(wallet.id);
  });

  it('an inactive automatic category is frozen: it keeps its members and gains none', async () => {
    const cur = await category(vip.id);
    const off = await call(s, 'PATCH', `/v1/categories/${vip.id}`, { body: { status: 'inactive' }, headers: { 'If-Match': `"${cur.version}"` } });
    expect(off.json.customerCount).toBe(cur.customerCount);
    const c = (await call(s, 'POST', '/v1/customers', { body: person() })).json;
    await call(s, 'POST', '/v1/orders', { body: order(c.id, 900_000) });
    expect((await customer(c.id)).categoryIds).not.toContain(vip.id);
    const on = await call(s, 'PATCH', `/v1/categories/${vip.id}`, { body: { status: 'active' }, headers: { 'If-Match': `"${off.json.version}"` } });
    expect(on.json.customerCount).toBe(cur.customerCount + 1);
    expect((await customer(c.id)).categoryIds).toContain(vip.id);
  });
});

// Two server processes over one PostgreSQL database (two pools, two apps): both run the walk of
// a rule left unfinished at once; one holds the lease, the other passes; the members come out
// exact and the walk finished once.
describe('two processes sharing PostgreSQL', () => {
  let db: TestDatabase;
  let a: MockServer;
  let b: MockServer;
  beforeAll(async () => {
    db = await createTestDatabase();
    a = app({ seed: 600, store: await PostgresStore.open(db.url) });
    await a.ready;
    b = app({ store: await PostgresStore.open(db.url) });
    await b.ready;
  }, 180_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('walk a rule at the same time: exact members, one finished walk', async () => {
    const cat = (await call(a, 'POST', '/v1/categories', { body: { name: 'Dois processos' } })).json;
    // As a crash right after the rule's transaction leaves it: the rule stored, its walk not started.
    await a.store.putCategory({ ...(await a.store.getCategory(cat.id))!, rule: 'orders-min-2', version: cat.version + 1 });
    await a.store.setMeta(`rules:job:${cat.id}`, { rule: 'orders-min-2', after: null, evaluated: 0, done: false, startedAt: new Date().toISOString() });
    await Promise.all([a.maintain(), b.maintain(), a.maintain()]);
    const all = await everyone(b);
    const expected = all.filter((c) => c.stats.ordersCount >= 2).map((c) => c.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(idsWith(all, cat.id)).toEqual(expected);
    expect(await b.store.getMeta<RuleJob>(`rules:job:${cat.id}`)).toMatchObject({ done: true, evaluated: all.length });
    expect((await call(b, 'GET', `/v1/categories/${cat.id}`)).json.customerCount).toBe(expected.length);
  }, 120_000);
});
