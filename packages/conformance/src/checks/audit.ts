import { expect, expectEqual, expectStatus } from '../assert.js';
import { ACTOR } from '../http.js';
import type { Body, Session } from '../session.js';

export async function auditChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('audit', 'GET /v1/audit: who did what, newest first');
  await runner.check('a create, an update and a delete each write an entry naming the customer and the actor (X-Actor)', async () => {
    const c = await s.mustCreate(s.person());
    expectStatus(await http.patch(`/v1/customers/${c.id}`, { notes: `${s.notes} audited` }, { headers: { 'If-Match': `"${c.version}"` } }), 200);
    expectStatus(await http.delete(`/v1/customers/${c.id}`), 200);
    const r = await http.get('/v1/audit?limit=50');
    expectStatus(r, 200);
    const mine = (r.json.items as Body[]).filter((e) => e.target === c.id).map((e) => e.action);
    expectEqual(mine, ['customer.delete', 'customer.update', 'customer.create'], 'actions on the customer, newest first');
    const entry = (r.json.items as Body[]).find((e) => e.target === c.id);
    expectEqual(entry?.actor?.name, ACTOR, 'actor.name');
    expect(typeof entry?.actor?.keyId === 'string' && !entry.actor.keyId.includes(s.run), 'actor.keyId missing');
  });
  await runner.check('the audit log never holds a full secret key', async () => {
    const r = await http.get('/v1/audit?limit=50');
    expectStatus(r, 200);
    expect(!r.text.includes(s.target.secretKey), 'the secret key appears in the audit log');
  });
  await runner.check('entries are newest first and cursor pages do not repeat an entry', async () => {
    const first = await http.get('/v1/audit?limit=5');
    expectStatus(first, 200);
    const at = (first.json.items as Body[]).map((e) => e.at as string);
    expect(at.every((t, i) => i === 0 || t <= at[i - 1]!), `not newest first: ${JSON.stringify(at)}`);
    expect(typeof first.json.nextCursor === 'string', 'no nextCursor after 5 of many entries');
    const next = await http.get(`/v1/audit?limit=5&cursor=${encodeURIComponent(first.json.nextCursor)}`);
    expectStatus(next, 200);
    const ids = new Set((first.json.items as Body[]).map((e) => e.id));
    expect(!(next.json.items as Body[]).some((e) => ids.has(e.id)), 'the second page repeats an entry');
    expect((next.json.items[0]?.at ?? '') <= at[at.length - 1]!, 'the second page is newer than the first');
  });
  await runner.check('GET /v1/audit needs the secret key → 403 with the publishable one', async () => {
    expectStatus(await http.get('/v1/audit', { key: 'publishable' }), 403);
  });
}
