import { expect, expectEqual, expectFieldError, expectProblem, expectStatus } from '../assert.js';
import { newCpf } from '../fixtures.js';
import type { Reply } from '../http.js';
import type { Body, Session } from '../session.js';

/** How many requests each race sends at once. */
const RACERS = 12;

function key(s: Session, label: string): string {
  return `${s.run}-${label}-${s.next()}`;
}

function tally(replies: Reply[]): string {
  const counts = new Map<number, number>();
  for (const r of replies) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n}×${status}`).join(', ');
}

export async function concurrencyChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('concurrency', 'ETag / If-Match and Idempotency-Key, also under concurrent requests');

  await runner.check('PATCH without If-Match → 428', async () => {
    const c = await s.mustCreate(s.person());
    expectProblem(await http.patch(`/v1/customers/${c.id}`, { notes: `${s.notes} patched` }), 428);
  });
  await runner.check('PATCH with the current ETag → 200, version + 1 and a new ETag; the stale ETag then → 412 with `current`', async () => {
    const c = await s.mustCreate(s.person());
    const etag = `"${c.version}"`;
    const ok = await http.patch(`/v1/customers/${c.id}`, { notes: `${s.notes} first` }, { headers: { 'If-Match': etag } });
    expectStatus(ok, 200);
    expectEqual(ok.json.version, c.version + 1, 'version after one PATCH');
    expectEqual(ok.headers.get('etag')?.replace(/^W\//, ''), `"${c.version + 1}"`, 'ETag after one PATCH');
    const stale = await http.patch(`/v1/customers/${c.id}`, { notes: `${s.notes} second` }, { headers: { 'If-Match': etag } });
    expectProblem(stale, 412);
    expectEqual(stale.json.current?.notes, `${s.notes} first`, 'current.notes in the 412');
  });
  await runner.check(`${RACERS} concurrent PATCHes with one ETag → exactly one 200, the others 412`, async () => {
    const c = await s.mustCreate(s.person());
    const replies = await Promise.all(
      Array.from({ length: RACERS }, (_, i) => http.patch(`/v1/customers/${c.id}`, { notes: `${s.notes} racer ${i}` }, { headers: { 'If-Match': `"${c.version}"` } })),
    );
    const ok = replies.filter((r) => r.status === 200);
    expect(ok.length === 1 && replies.filter((r) => r.status === 412).length === RACERS - 1, `got ${tally(replies)}`);
    const now = await http.get(`/v1/customers/${c.id}`);
    expectEqual([now.json.version, now.json.notes], [c.version + 1, ok[0]!.json.notes], 'version and notes after the race');
  });
  await runner.check('Idempotency-Key: the same key and body replays the first 201 (same customer), nothing is created twice', async () => {
    const body = s.person();
    const k = key(s, 'idem');
    const first = await s.create(body, { headers: { 'Idempotency-Key': k } });
    expectStatus(first, 201);
    const again = await s.create(body, { headers: { 'Idempotency-Key': k } });
    expectStatus(again, 201);
    expectEqual(again.json.id, first.json.id, 'id of the replay');
    const list = await http.get(`/v1/customers?q=${body.document}`);
    expectEqual(list.json.total, 1, 'customers holding the document');
  });
  await runner.check('Idempotency-Key reused with another body → 422', async () => {
    const k = key(s, 'idem');
    expectStatus(await s.create(s.person(), { headers: { 'Idempotency-Key': k } }), 201);
    expectProblem(await s.create(s.person(), { headers: { 'Idempotency-Key': k } }), 422);
  });
  await runner.check(`${RACERS} concurrent creates with one Idempotency-Key → one customer; every 201 names it`, async () => {
    const body = s.person();
    const k = key(s, 'race');
    const replies = await Promise.all(Array.from({ length: RACERS }, () => s.create(body, { headers: { 'Idempotency-Key': k } })));
    const created = replies.filter((r) => r.status === 201);
    expect(created.length >= 1, `no 201 among ${tally(replies)}`);
    // A backend may answer a request that arrives while the first is still running with 409;
    // what it may not do is create a second customer or answer 5xx.
    expect(replies.every((r) => r.status === 201 || r.status === 409), `got ${tally(replies)}`);
    expectEqual(new Set(created.map((r) => r.json.id)).size, 1, 'distinct ids among the 201s');
    const list = await http.get(`/v1/customers?q=${body.document}`);
    expectEqual(list.json.total, 1, 'customers holding the document');
  });
  await runner.check(`${RACERS} concurrent creates of one document (distinct keys) → exactly one 201, the others 409`, async () => {
    const document = newCpf();
    const replies = await Promise.all(Array.from({ length: RACERS }, () => s.create(s.person({ document }))));
    expect(replies.filter((r) => r.status === 201).length === 1 && replies.filter((r) => r.status === 409).length === RACERS - 1, `got ${tally(replies)}`);
    const list = await http.get(`/v1/customers?q=${document}`);
    expectEqual(list.json.total, 1, 'customers holding the document');
  });
  await runner.check('POST /v1/customers/bulk (ids, setStatus) → { matched, updated }; with an Idempotency-Key a retry replays it', async () => {
    const a = await s.mustCreate(s.person());
    const b = await s.mustCreate(s.person());
    const body = { ids: [a.id, b.id], action: 'setStatus', status: 'inactive' };
    const k = key(s, 'bulk');
    const first = await http.post('/v1/customers/bulk', body, { headers: { 'Idempotency-Key': k } });
    expectStatus(first, 200);
    expectEqual([first.json.matched, first.json.updated], [2, 2], '[matched, updated]');
    const again = await http.post('/v1/customers/bulk', body, { headers: { 'Idempotency-Key': k } });
    expectStatus(again, 200);
    expectEqual([again.json.matched, again.json.updated], [2, 2], '[matched, updated] of the replay');
    const plain = await http.post('/v1/customers/bulk', body);
    expectEqual([plain.json.matched, plain.json.updated], [2, 0], '[matched, updated] of a new request with nothing left to change');
    const r = await http.get(`/v1/customers/${a.id}`);
    expectEqual(r.json.status, 'inactive', 'status after the bulk action');
  });
  await runner.check('POST /v1/customers/bulk (filter + exceptIds) changes every match but the excepted; exceptIds without filter → 422 except_without_filter', async () => {
    const tag = `${s.run}x${s.next()}`;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await s.mustCreate(s.person({ lastName: `Conformidade ${tag}` })));
    const [kept, ...rest] = made as [Body, ...Body[]];
    const body = { filter: { q: tag }, exceptIds: [kept.id], action: 'setStatus', status: 'blocked' };
    const r = await http.post('/v1/customers/bulk', body);
    expectStatus(r, 200);
    expectEqual([r.json.matched, r.json.updated], [2, 2], '[matched, updated]');
    const statuses = await Promise.all(made.map(async (c) => (await http.get(`/v1/customers/${c.id}`)).json.status));
    expectEqual(statuses, ['active', ...rest.map(() => 'blocked')], 'statuses (the excepted one first)');
    const csv = await http.post('/v1/exports', { format: 'csv', dialect: 'machine', filter: { q: tag, status: 'blocked,active' }, exceptIds: [rest[0]!.id], columns: ['id'] });
    expectStatus(csv, 200);
    const ids = csv.text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter(Boolean).sort();
    expectEqual(ids, [kept.id, rest[1]!.id].sort(), 'exported ids');
    expectFieldError(await http.post('/v1/customers/bulk', { ids: [kept.id], exceptIds: [kept.id], action: 'delete' }), 'exceptIds', 'except_without_filter');
  });
  await runner.check('DELETE is soft: the customer reads back with status deleted and a new version', async () => {
    const c: Body = await s.mustCreate(s.person());
    const del = await http.delete(`/v1/customers/${c.id}`);
    expectStatus(del, 200);
    const r = await http.get(`/v1/customers/${c.id}`);
    expectStatus(r, 200);
    expectEqual([r.json.status, r.json.version > c.version], ['deleted', true], '[status, version increased]');
  });
  await runner.check('a PATCH that breaks a rule is refused whole (422) and changes nothing', async () => {
    const c = await s.mustCreate(s.person());
    const r = await http.patch(`/v1/customers/${c.id}`, { notes: 'changed', phone: '123' }, { headers: { 'If-Match': `"${c.version}"` } });
    expectFieldError(r, 'phone', 'invalid_phone');
    const now = await http.get(`/v1/customers/${c.id}`);
    expectEqual([now.json.version, now.json.notes], [c.version, c.notes], 'version and notes after the refused PATCH');
  });
}
