import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { call } from './helpers.js';
import { everyServer } from './stores.js';

// "All matching, except these" on every store: a bulk action or an export takes the list's filter
// and the ids unticked out of it, changes (or writes) exactly the rest, and the data log keeps the
// filter with those ids.

const servers = everyServer('bulk-except', { seed: 80 });

type Row = { id: string; status: string };

describe.each(servers)('bulk and export by filter, except some ids, on %s', (_, open) => {
  let s: MockServer;
  beforeAll(async () => {
    s = await open();
    await s.ready;
  }, 60_000);
  afterAll(() => s.close());

  /** Every customer of a query, by id, through the list's own pages. */
  async function all(query: string): Promise<Row[]> {
    const rows: Row[] = [];
    let cursor = '';
    for (;;) {
      const page = await call(s, 'GET', `/v1/customers?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      rows.push(...page.json.items);
      if (!page.json.nextCursor) return rows;
      cursor = page.json.nextCursor;
    }
  }

  it('changes every customer the filter matches but the excepted ones, and logs the filter with them', async () => {
    const before = await all('kind=person&status=active');
    expect(before.length).toBeGreaterThan(5);
    const except = [before[1]!.id, before[4]!.id];
    // An id the filter does not match anyway changes nothing and costs nothing.
    const company = (await all('kind=company'))[0]!.id;
    const res = await call(s, 'POST', '/v1/customers/bulk', {
      body: { filter: { kind: 'person', status: 'active' }, exceptIds: [...except, company], action: 'setStatus', status: 'blocked' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ matched: before.length - 2, updated: before.length - 2 });
    const left = await all('kind=person&status=active');
    expect(left.map((c) => c.id).sort()).toEqual([...except].sort());
    const blocked = new Set((await all('kind=person&status=blocked')).map((c) => c.id));
    for (const c of before) expect(blocked.has(c.id), c.id).toBe(!except.includes(c.id));
    expect((await call(s, 'GET', `/v1/customers/${company}?document=masked`)).json.status).not.toBe('blocked');

    const log = await call(s, 'GET', '/v1/audit?action=bulk');
    expect(log.json.items[0]).toMatchObject({ operation: 'setStatus', count: before.length - 2, updated: before.length - 2, filter: { kind: 'person', status: 'active', exceptIds: [...except, company] } });
  });

  it('counts a search with exceptions, and a filter text with exceptions, the same way the list does', async () => {
    const matching = await all('q=silva');
    expect(matching.length).toBeGreaterThan(1);
    const res = await call(s, 'POST', '/v1/customers/bulk', { body: { filter: { q: 'silva' }, exceptIds: [matching[0]!.id], action: 'removeCategories', categoryIds: ['cat_none'] } });
    expect(res.json).toEqual({ matched: matching.length - 1, updated: 0 });
    const filtered = await all('filter=orders-min-1');
    const filteredRes = await call(s, 'POST', '/v1/customers/bulk', { body: { filter: { filter: 'orders-min-1' }, exceptIds: filtered.slice(0, 3).map((c) => c.id), action: 'removeCategories', categoryIds: ['cat_none'] } });
    expect(filteredRes.json.matched).toBe(filtered.length - 3);
  });

  it('exports the filter less the excepted ids, and audits both', async () => {
    const matching = await all('status=active');
    const except = matching.slice(0, 3).map((c) => c.id);
    const csv = await call(s, 'POST', '/v1/exports', { body: { format: 'csv', dialect: 'machine', filter: { status: 'active' }, exceptIds: except, columns: ['id'] } });
    expect(csv.status).toBe(200);
    const ids = csv.text.replace(/^\uFEFF/, '').trim().split(/\r\n/).slice(1);
    expect(ids.sort()).toEqual(matching.map((c) => c.id).filter((id) => !except.includes(id)).sort());
    const log = await call(s, 'GET', '/v1/audit?action=export');
    const [ended, started] = log.json.items;
    for (const entry of [ended, started]) expect(entry).toMatchObject({ count: matching.length - 3, filter: { resource: 'customers', status: 'active', exceptIds: except } });
    expect(ended.detail).toBe('completed');
  });

  it('refuses exceptIds without a filter, in the caller’s language, and changes nothing', async () => {
    const [first] = await all('status=active');
    const res = await call(s, 'POST', '/v1/customers/bulk', { body: { ids: [first!.id], exceptIds: [first!.id], action: 'delete' }, headers: { 'Accept-Language': 'en' } });
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual([{ path: 'exceptIds', code: 'except_without_filter', message: 'exceptIds goes with filter: everyone matching it, except these.' }]);
    const exp = await call(s, 'POST', '/v1/exports', { body: { format: 'csv', exceptIds: [first!.id] } });
    expect(exp.status).toBe(422);
    expect(exp.json.errors[0].code).toBe('except_without_filter');
    expect((await call(s, 'GET', `/v1/customers/${first!.id}?document=masked`)).json.status).toBe('active');
  });
});
