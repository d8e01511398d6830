import { customerDisplayName, searchKey, type NamedCustomer } from '@clientela/core/format';
import { expect, expectEqual, expectFieldError, expectProblem, expectStatus } from '../assert.js';
import { newCnpj } from '../fixtures.js';
import type { Reply } from '../http.js';
import type { Body, Session } from '../session.js';

/** Accents and case must not change the order: Célia sorts between Bruno and Davi. */
const FIRST_NAMES = ['Davi', 'ana', 'Érica', 'Bruno', 'Célia', 'Fábio', 'Úrsula'];

const displayName = (c: Body): string => customerDisplayName(c as NamedCustomer);

export async function listChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('lists', 'GET /v1/customers: total, keyset cursor pages, offset, sort, filters');
  const tag = `${s.run}l`;
  const q = `q=${tag}`;
  const made: Body[] = [];
  const ids = () => made.map((c) => c.id as string);
  const byName = () => [...made].sort((a, b) => (searchKey(displayName(a)) < searchKey(displayName(b)) ? -1 : 1)).map((c) => c.id as string);
  const page = async (query: string): Promise<Reply> => {
    const r = await http.get(`/v1/customers?${q}&${query}`);
    expectStatus(r, 200);
    return r;
  };

  const ready = await runner.check(`fixture: ${FIRST_NAMES.length + 1} customers (one company) whose names hold "${tag}"`, async () => {
    for (const firstName of FIRST_NAMES) made.push(await s.mustCreate(s.person({ firstName, lastName: `Conformidade ${tag}` })));
    made.push(await s.mustCreate(s.company(newCnpj(), { legalName: `Mercado ${tag} Ltda` })));
  });
  if (!ready) return;

  await runner.check('`total` counts every match, not only the page', async () => {
    const r = await page('limit=2');
    expectEqual(r.json.total, made.length, 'total');
    expectEqual(r.json.items.length, 2, 'items on a page of limit=2');
  });
  await runner.check('a cursor walk (limit=3) visits every matching row exactly once and ends with nextCursor null', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r: Reply = await page(`limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...(r.json.items as Body[]).map((c) => c.id as string));
      cursor = r.json.nextCursor;
      if (!cursor) break;
    }
    expect(cursor === null, 'the walk did not end in 20 pages');
    expectEqual([...seen].sort(), [...ids()].sort(), 'ids visited');
  });
  await runner.check('sort=name orders by name ignoring case and accents; -name reverses it', async () => {
    const asc = await page('sort=name');
    expectEqual((asc.json.items as Body[]).map((c) => c.id), byName(), 'ids by sort=name');
    const desc = await page('sort=-name');
    expectEqual((desc.json.items as Body[]).map((c) => c.id), byName().reverse(), 'ids by sort=-name');
  });
  await runner.check('a cursor walk under sort=name keeps the order across pages', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r: Reply = await page(`sort=name&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...(r.json.items as Body[]).map((c) => c.id as string));
      cursor = r.json.nextCursor;
    } while (cursor && seen.length <= made.length);
    expectEqual(seen, byName(), 'ids walked by sort=name, limit=2');
  });
  await runner.check('offset reads the page at a position; its nextCursor continues after it', async () => {
    const r = await page('sort=name&offset=2&limit=3');
    expectEqual((r.json.items as Body[]).map((c) => c.id), byName().slice(2, 5), 'ids at offset=2, limit=3');
    expect(typeof r.json.nextCursor === 'string', 'no nextCursor after a page that is not the last');
    const next = await page(`sort=name&limit=3&cursor=${encodeURIComponent(r.json.nextCursor)}`);
    expectEqual((next.json.items as Body[]).map((c) => c.id), byName().slice(5, 8), 'ids after the offset page');
  });
  await runner.check('offset together with cursor → 422 offset_with_cursor', async () => {
    const first = await page('limit=1');
    const r = await http.get(`/v1/customers?${q}&offset=1&cursor=${encodeURIComponent(first.json.nextCursor ?? 'x')}`);
    expectFieldError(r, 'offset', 'offset_with_cursor');
  });
  await runner.check('limit outside 1–200 → 422; a garbled cursor → 400 or 422 (never 500)', async () => {
    expectProblem(await http.get(`/v1/customers?${q}&limit=0`), 422);
    expectProblem(await http.get(`/v1/customers?${q}&limit=201`), 422);
    const bad = await http.get(`/v1/customers?${q}&cursor=not-a-cursor`);
    expect(bad.status === 400 || bad.status === 422, `a garbled cursor gave ${bad.status}`);
  });
  await runner.check('kind=company and kind=person split the matches', async () => {
    const companies = await page('kind=company');
    expectEqual((companies.json.items as Body[]).map((c) => c.kind), ['company'], 'kinds with kind=company');
    const persons = await page('kind=person');
    expectEqual(persons.json.total, made.length - 1, 'total with kind=person');
  });
  await runner.check('status defaults to all but deleted; status=deleted lists the deleted; status=blocked,inactive takes a list', async () => {
    const [gone, blocked] = made.slice(-2);
    expectStatus(await http.delete(`/v1/customers/${gone!.id}`), 200);
    const r = await http.get(`/v1/customers/${blocked!.id}`);
    expectStatus(await http.patch(`/v1/customers/${blocked!.id}`, { status: 'blocked' }, { headers: { 'If-Match': r.headers.get('etag') ?? '' } }), 200);
    const def = await page('limit=200');
    expect(!(def.json.items as Body[]).some((c) => c.id === gone!.id), 'a deleted customer is listed without status=deleted');
    expectEqual(def.json.total, made.length - 1, 'total without status');
    const deleted = await page('status=deleted');
    expectEqual((deleted.json.items as Body[]).map((c) => c.id), [gone!.id], 'ids with status=deleted');
    const some = await page('status=blocked,inactive');
    expectEqual((some.json.items as Body[]).map((c) => c.id), [blocked!.id], 'ids with status=blocked,inactive');
  });
  await runner.check('categoryId filters to the customers holding the category', async () => {
    const cat = await s.mustCreateCategory('lista');
    const [a, b] = made;
    for (const c of [a!, b!]) {
      const r = await http.get(`/v1/customers/${c.id}`);
      expectStatus(await http.patch(`/v1/customers/${c.id}`, { categoryIds: [cat.id] }, { headers: { 'If-Match': r.headers.get('etag') ?? '' } }), 200);
    }
    const r = await page(`categoryId=${cat.id}`);
    expectEqual((r.json.items as Body[]).map((c) => c.id).sort(), [a!.id, b!.id].sort(), `ids with categoryId`);
  });
}
