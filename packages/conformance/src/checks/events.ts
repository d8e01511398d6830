import { expect, expectEqual, expectFieldError, expectProblem, expectStatus } from '../assert.js';
import type { Body, Session } from '../session.js';

/** The change feed and webhook endpoints: events in commit order after a cursor, typed filters, endpoints whose secret is shown once. */
export async function eventChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('events', 'the change feed (GET /v1/events) and webhook endpoints: ordered events after a cursor, types, the secret shown once');
  let cursor = '';
  let customer: Body | undefined;
  let endpoint: Body | undefined;

  /** Every event after `after`, page after page, and the cursor to poll with next. */
  const readAll = async (after: string, types = ''): Promise<{ items: Body[]; cursor: string }> => {
    const items: Body[] = [];
    let at = after;
    for (let pages = 0; pages < 200; pages++) {
      const r = await http.get(`/v1/events?limit=500${at ? `&after=${encodeURIComponent(at)}` : ''}${types ? `&types=${types}` : ''}`);
      expectStatus(r, 200);
      expect(typeof r.json.nextCursor === 'string', 'nextCursor is not a string');
      items.push(...(r.json.items as Body[]));
      at = r.json.nextCursor;
      if (!r.json.hasMore) break;
    }
    return { items, cursor: at };
  };

  await runner.check('GET /v1/events pages to the end of the feed and gives a cursor', async () => {
    cursor = (await readAll('')).cursor;
    const again = await http.get(`/v1/events?after=${encodeURIComponent(cursor)}`);
    expectStatus(again, 200);
    expect(Array.isArray(again.json.items) && typeof again.json.hasMore === 'boolean', 'the page has no items or hasMore');
  });
  await runner.check('a create and a PATCH → customer.created, then customer.updated naming the changed field, in increasing sequence', async () => {
    customer = await s.mustCreate(s.person());
    const patched = await http.patch(`/v1/customers/${customer.id}`, { notes: `${s.notes} (alterado)` }, { headers: { 'If-Match': `"${customer.version}"` } });
    expectStatus(patched, 200);
    const mine = (await readAll(cursor)).items.filter((e) => (e.data as Body)?.customer && ((e.data as Body).customer as Body).id === customer!.id);
    expectEqual(
      mine.map((e) => e.type),
      ['customer.created', 'customer.updated'],
      'event types of the customer',
    );
    expect((mine[0]!.sequence as number) < (mine[1]!.sequence as number), 'sequence does not increase');
    expect(((mine[1]!.data as Body).changedFields as string[]).includes('notes'), 'changedFields does not name notes');
  });
  await runner.check('types= keeps the feed to those types; an unknown type → 422 unknown_event_type at types', async () => {
    const only = await readAll(cursor, 'customer.updated');
    expect(only.items.length > 0 && only.items.every((e) => e.type === 'customer.updated'), 'other types were returned');
    expectFieldError(await http.get('/v1/events?types=customer.exploded'), 'types', 'unknown_event_type');
  });
  await runner.check('POST /v1/webhook-endpoints: a bad URL → 422 invalid_webhook_url; a good one → 201 with its secret, never shown again', async () => {
    expectFieldError(await http.post('/v1/webhook-endpoints', { url: 'ftp://exemplo', eventTypes: ['customer.created'] }), 'url', 'invalid_webhook_url');
    // Disabled, so the backend sends nothing to this address.
    const r = await http.post('/v1/webhook-endpoints', { url: `https://conformance.invalid/${s.run}`, eventTypes: ['customer.created'], enabled: false, description: s.notes });
    expectStatus(r, 201);
    expect(typeof r.json.secret === 'string' && r.json.secret.startsWith('whsec_'), 'the answer has no whsec_ secret');
    endpoint = r.json;
    const read = await http.get(`/v1/webhook-endpoints/${endpoint!.id}`);
    expectStatus(read, 200);
    expect(read.json.secret === undefined, 'GET returns the secret');
    expect(!JSON.stringify((await http.get('/v1/webhook-endpoints')).json).includes(endpoint!.secret as string), 'the list holds the secret');
  });
  await runner.check('PATCH /v1/webhook-endpoints/:id needs If-Match; deliveries list; DELETE → 204, then 404', async () => {
    expect(endpoint, 'the endpoint was not created');
    expectProblem(await http.patch(`/v1/webhook-endpoints/${endpoint.id}`, { description: 'x' }), 428);
    expectStatus(await http.patch(`/v1/webhook-endpoints/${endpoint.id}`, { description: `${s.notes} 2` }, { headers: { 'If-Match': '"1"' } }), 200);
    const deliveries = await http.get(`/v1/webhook-endpoints/${endpoint.id}/deliveries`);
    expectStatus(deliveries, 200);
    expect(Array.isArray(deliveries.json.items), 'deliveries has no items');
    expectStatus(await http.delete(`/v1/webhook-endpoints/${endpoint.id}`), 204);
    expectStatus(await http.get(`/v1/webhook-endpoints/${endpoint.id}`), 404);
  });
}
