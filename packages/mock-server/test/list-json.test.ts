import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskDocument } from '@clientela/core/format';
import type { MockServer } from '../src/index.js';
import { maskJson } from '../src/store/search.js';
import { call } from './helpers.js';
import { everyServer } from './stores.js';

describe('maskJson', () => {
  it('masks the top-level document and leaves every other byte as it was', () => {
    const customer = { id: 'cus_1', name: 'Ana São', document: '12345678909', note: 'document 12345678909 "x"', nested: { tag: 'y' } };
    const json = JSON.stringify(customer);
    const masked = maskJson(json, customer.document);
    expect(JSON.parse(masked)).toEqual({ ...customer, document: maskDocument(customer.document) });
    expect(masked).toBe(json.replace(`"document":"${customer.document}"`, `"document":"${maskDocument(customer.document)}"`));
  });

  it('returns the JSON unchanged when it does not hold that document', () => {
    const json = JSON.stringify({ id: 'cus_2', document: '98765432100' });
    expect(maskJson(json, '11111111111')).toBe(json);
  });
});

// Every page of the list by each sort, both ways, walked by cursor: a PostgreSQL page by status runs
// as a named prepared statement, whose generic plan PostgreSQL adopts after five runs, so the
// walk runs each statement well past that and must still visit every live customer once, in order.
describe.each(everyServer('list-pages', { seed: 120 }))('cursor walks by every sort on %s', (_, open) => {
  let s: MockServer;
  beforeAll(async () => {
    s = await open();
    await s.ready;
  });
  afterAll(() => s.close());

  it.each(['createdAt', '-createdAt', 'name', '-name', 'totalSpent', '-totalSpent', 'lastPurchaseAt', 'ordersCount', '-visitsCount', 'status'])('sort=%s', async (sort) => {
    const all = (await call(s, 'GET', `/v1/customers?limit=200&sort=${sort}`)).json as { items: { id: string }[]; total: number };
    expect(all.items.length).toBe(all.total);
    const walked: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const r = await call(s, 'GET', `/v1/customers?limit=11&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(r.status).toBe(200);
      const body = r.json as { items: { id: string; document: string }[]; nextCursor: string | null; total: number };
      expect(body.total).toBe(all.total);
      for (const c of body.items) expect(c.document).toContain('*');
      walked.push(...body.items.map((c) => c.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(walked).toEqual(all.items.map((c) => c.id));
  });
});
