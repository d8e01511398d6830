import { expect, expectEqual, expectFieldError, expectProblem, expectStatus } from '../assert.js';
import type { Reply } from '../http.js';
import type { Body, Session } from '../session.js';

// LGPD (#18 §1–§2): consent records and data-subject requests. The checks work on customers the
// run creates; they never write the store's consent texts (a new version would be what every
// later shopper is shown) and anonymize only the run's own customers. An anonymized or merged
// customer leaves the run's cleanup list: it is no longer a live record to delete.

const DAY_MS = 86_400_000;
const all = 'active,inactive,blocked,deleted';

/** Whether the bytes start as a zip file does (local file header `PK\x03\x04`). */
function isZip(r: Reply): boolean {
  return r.bytes.length > 4 && r.bytes[0] === 0x50 && r.bytes[1] === 0x4b && r.bytes[2] === 0x03 && r.bytes[3] === 0x04;
}

export async function consentChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('consent', 'consent records: append-only history with source, text version and who; marketingConsent derived; audited');
  let customer: Body | undefined;
  const given = { channel: 'email', purpose: 'marketing', granted: true, source: 'pos', at: new Date(Date.now() - DAY_MS).toISOString(), evidence: { note: 'ficha assinada no caixa' } };

  await runner.check('GET /v1/public/settings/consent-texts with the publishable key → 200 (a purpose without a text is absent)', async () => {
    const r = await http.get('/v1/public/settings/consent-texts', { key: 'publishable' });
    expectStatus(r, 200);
    for (const [purpose, text] of Object.entries(r.json ?? {}) as [string, Body][]) {
      expect(['marketing', 'transactional'].includes(purpose), `unknown purpose ${purpose}`);
      expect(Number.isInteger(text.version) && typeof text.text === 'string', `${purpose}: no version and text`);
    }
  });
  await runner.check('POST /v1/customers/:id/consents (given at the point of sale, dated, with evidence) → 201; the customer’s marketingConsent follows', async () => {
    customer = await s.mustCreate(s.person({ marketingConsent: { email: false, sms: false, whatsapp: false } }));
    const r = await http.post(`/v1/customers/${customer.id}/consents`, given, { headers: { 'Idempotency-Key': `cf-consent-${s.run}` } });
    expectStatus(r, 201);
    expectEqual([r.json.customerId, r.json.channel, r.json.granted, r.json.source, r.json.at, r.json.evidence?.note], [customer.id, 'email', true, 'pos', given.at, 'ficha assinada no caixa'], '[customerId, channel, granted, source, at, evidence.note]');
    expect(r.json.recordedBy && typeof r.json.recordedBy === 'object', 'the record does not say who recorded it');
    expectEqual((await http.get(`/v1/customers/${customer.id}?document=masked`)).json.marketingConsent?.email, true, 'marketingConsent.email');
  });
  await runner.check('the same Idempotency-Key records nothing twice', async () => {
    expect(customer, 'the customer was not created');
    const again = await http.post(`/v1/customers/${customer.id}/consents`, given, { headers: { 'Idempotency-Key': `cf-consent-${s.run}` } });
    expectStatus(again, 201);
    const h = await http.get(`/v1/customers/${customer.id}/consents`);
    expectEqual(h.json.items.length, 1, 'records in the history');
  });
  await runner.check('a consent dated in the future → 422 consent_in_future', async () => {
    expect(customer, 'the customer was not created');
    expectFieldError(await http.post(`/v1/customers/${customer.id}/consents`, { channel: 'sms', purpose: 'marketing', granted: true, at: new Date(Date.now() + 30 * DAY_MS).toISOString() }), 'at', 'consent_in_future');
  });
  await runner.check('a revocation is a new record: the history keeps both, newest first, and marketingConsent turns off', async () => {
    expect(customer, 'the customer was not created');
    expectStatus(await http.post(`/v1/customers/${customer.id}/consents`, { channel: 'email', purpose: 'marketing', granted: false }), 201);
    const h = await http.get(`/v1/customers/${customer.id}/consents`);
    expectStatus(h, 200);
    expectEqual(h.json.items.map((r: Body) => r.granted), [false, true], 'granted, newest first');
    expectEqual(h.json.current?.marketing?.email?.granted, false, 'current.marketing.email.granted');
    expectEqual((await http.get(`/v1/customers/${customer.id}?document=masked`)).json.marketingConsent?.email, false, 'marketingConsent.email');
  });
  await runner.check('a consent created with a customer (POST /v1/customers with marketingConsent) is recorded with the customer’s origin', async () => {
    const c = await s.mustCreate(s.person({ source: 'pos', marketingConsent: { email: false, sms: true, whatsapp: false } }));
    const h = await http.get(`/v1/customers/${c.id}/consents`);
    expectEqual(h.json.items.map((r: Body) => [r.channel, r.granted, r.source]), [['sms', true, 'pos']], '[channel, granted, source]');
  });
  await runner.check('every recording is in the data log (GET /v1/audit?action=consent.record)', async () => {
    expect(customer, 'the customer was not created');
    const log = await http.get('/v1/audit?action=consent.record&limit=200');
    expectStatus(log, 200);
    const about = log.json.items.filter((e: Body) => e.target === customer!.id);
    expectEqual(about.map((e: Body) => e.toStatus).sort(), ['granted', 'revoked'], 'the entries about the customer');
  });
  await runner.check('the publishable key cannot record a consent for a customer → 403', async () => {
    expect(customer, 'the customer was not created');
    expectProblem(await http.post(`/v1/customers/${customer.id}/consents`, { channel: 'email', purpose: 'marketing', granted: true }, { key: 'publishable' }), 403);
  });
}

export async function privacyChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('privacy', 'data-subject requests: the queue with its 15-day deadline, the archive, erasure as anonymization');
  let person: Body | undefined;
  let access: Reply | undefined;

  await runner.check('POST /v1/privacy-requests (access, on the customer’s behalf) → 201 with ETag, status open, due 15 days after it was opened', async () => {
    // A name of its own (the run's other customers share theirs): the erasure's data-log check looks for it.
    person = await s.mustCreate(s.person({ lastName: `Titular ${s.run}`, birthDate: '1985-04-12', address: { postalCode: '01310-100', street: 'Avenida Paulista', number: '1000', city: 'São Paulo', state: 'SP' } }));
    access = await http.post('/v1/privacy-requests', { customerId: person.id, type: 'access' }, { headers: { 'Idempotency-Key': `cf-prq-${s.run}` } });
    expectStatus(access, 201);
    expect(access.headers.get('etag'), 'no ETag');
    expectEqual([access.json.customerId, access.json.type, access.json.status], [person.id, 'access', 'open'], '[customerId, type, status]');
    const days = (Date.parse(access.json.dueAt) - Date.parse(access.json.openedAt)) / DAY_MS;
    expect(days >= 14.9 && days <= 15.1, `dueAt is ${days.toFixed(2)} days after openedAt, not 15`);
  });
  await runner.check('the same Idempotency-Key opens one request', async () => {
    expect(person && access, 'no request');
    const again = await http.post('/v1/privacy-requests', { customerId: person.id, type: 'access' }, { headers: { 'Idempotency-Key': `cf-prq-${s.run}` } });
    expectEqual(again.json?.id, access.json.id, 'the replayed id');
    const list = await http.get(`/v1/privacy-requests?customerId=${person.id}`);
    expectStatus(list, 200);
    expectEqual(list.json.items.map((r: Body) => r.id), [access.json.id], 'the customer’s requests');
  });
  await runner.check('a request for an unknown customer → 422 unknown_customer', async () => {
    expectFieldError(await http.post('/v1/privacy-requests', { customerId: `cus_nobody_${s.run}`, type: 'access' }), 'customerId', 'unknown_customer');
  });
  await runner.check('PATCH /v1/privacy-requests/:id without If-Match → 428; stale → 412; started → 200 naming who handles it', async () => {
    expect(access, 'no request');
    const path = `/v1/privacy-requests/${access.json.id}`;
    expectProblem(await http.patch(path, { status: 'in_progress' }), 428);
    expectProblem(await http.patch(path, { status: 'in_progress' }, { headers: { 'If-Match': '"999"' } }), 412);
    const r = await http.patch(path, { status: 'in_progress' }, { headers: { 'If-Match': access.headers.get('etag')! } });
    expectStatus(r, 200);
    expectEqual(r.json.status, 'in_progress', 'status');
    expect(r.json.handledBy, 'handledBy is missing');
    access = r;
  });
  await runner.check('GET /v1/customers/:id/archive → a zip (data.json inside), audited as privacy.archive', async () => {
    expect(person, 'no customer');
    const r = await http.get(`/v1/customers/${person.id}/archive`);
    expectStatus(r, 200);
    expect((r.headers.get('content-type') ?? '').startsWith('application/zip'), `Content-Type ${r.headers.get('content-type')}`);
    expect(isZip(r), 'the body is not a zip file');
    expect(r.text.includes('data.json'), 'the zip has no data.json');
    const log = await http.get('/v1/audit?action=privacy.archive&limit=50');
    expect(log.json.items.some((e: Body) => e.target === person!.id), 'no privacy.archive entry about the customer');
  });
  await runner.check('completing the access request → 200; a closed request → 409', async () => {
    expect(access, 'no request');
    const path = `/v1/privacy-requests/${access.json.id}`;
    const done = await http.patch(path, { status: 'completed', resolution: 'Arquivo enviado ao titular.' }, { headers: { 'If-Match': access.headers.get('etag')! } });
    expectStatus(done, 200);
    expect(done.json.closedAt, 'closedAt is missing');
    expectProblem(await http.patch(path, { status: 'rejected' }, { headers: { 'If-Match': done.headers.get('etag')! } }), 409);
  });

  let deletion: Body | undefined;
  await runner.check('a deletion request is not completed by a PATCH → 422 request_type_mismatch', async () => {
    expect(person, 'no customer');
    const r = await http.post('/v1/privacy-requests', { customerId: person.id, type: 'deletion' });
    expectStatus(r, 201);
    deletion = r.json;
    expectFieldError(await http.patch(`/v1/privacy-requests/${deletion!.id}`, { status: 'completed' }, { headers: { 'If-Match': r.headers.get('etag')! } }), 'status', 'request_type_mismatch');
  });
  await runner.check('POST /v1/customers/:id/anonymize without the typed word → 422 confirmation_mismatch (nothing erased)', async () => {
    expect(person, 'no customer');
    expectFieldError(await http.post(`/v1/customers/${person.id}/anonymize`, { confirmation: 'sim' }), 'confirmation', 'confirmation_mismatch');
    expectEqual((await http.get(`/v1/customers/${person.id}?document=masked`)).json.email, person.email, 'email');
  });
  await runner.check('anonymize with ANONIMIZAR and the request → 200: personal fields gone, figures kept, the request completed', async () => {
    expect(person && deletion, 'no deletion request');
    const before = (await http.get(`/v1/customers/${person.id}?document=masked`)).json;
    const r = await http.post(`/v1/customers/${person.id}/anonymize`, { confirmation: 'ANONIMIZAR', requestId: deletion.id });
    expectStatus(r, 200);
    s.customers.delete(person.id);
    const after = (await http.get(`/v1/customers/${person.id}?document=masked`)).json;
    const left = ['email', 'phone', 'birthDate', 'address', 'notes', 'loyaltyCard'].filter((f) => after[f] !== undefined && after[f] !== null && after[f] !== '');
    expectEqual(left, [], 'personal fields left');
    expect(!after.document, 'the document is still there');
    expect(!JSON.stringify(after).includes(s.run), 'the record still holds the run id (from the name, e-mail or notes)');
    expect(after.anonymizedAt, 'anonymizedAt is missing');
    expectEqual(after.stats, before.stats, 'stats');
    expectEqual((await http.get(`/v1/privacy-requests/${deletion.id}`)).json.status, 'completed', 'the request status');
  });
  await runner.check('an anonymized customer: no archive, no second anonymization (410), no search by what it was', async () => {
    expect(person, 'no customer');
    expectProblem(await http.get(`/v1/customers/${person.id}/archive`), 410);
    expectProblem(await http.post(`/v1/customers/${person.id}/anonymize`, { confirmation: 'ANONIMIZAR' }), 410);
    for (const q of [person.email, person.document, person.lastName]) {
      const found = await http.get(`/v1/customers?q=${encodeURIComponent(q)}&status=${all}`);
      expect(!found.json.items.some((c: Body) => c.id === person!.id), `the search for ${q} still finds it`);
    }
    const log = await http.get('/v1/audit?action=customer.anonymize&limit=50');
    expect(log.json.items.some((e: Body) => e.target === person!.id), 'no customer.anonymize entry');
  });
  await runner.check('the data log keeps its entries about an anonymized customer, but none of its name, e-mail or document', async () => {
    expect(person, 'no customer');
    // The run's entries are the newest: the request, the archive, the erasure and the record's own.
    const recent = (await http.get('/v1/audit?limit=200')).json.items as Body[];
    const about = recent.filter((e) => e.target === person!.id);
    expect(about.some((e) => e.action === 'privacy.archive') && about.some((e) => e.action === 'privacy.request'), 'the entries written before the erasure are gone');
    const text = JSON.stringify(recent).toLowerCase();
    const left = [`${person.firstName} ${person.lastName}`, person.lastName, person.email, person.document].filter((v) => typeof v === 'string' && text.includes(v.toLowerCase()));
    expectEqual(left, [], 'personal values still readable in GET /v1/audit');
  });
}

export async function duplicateChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('duplicates', 'possible duplicates found on write, dismissal, merge preview and merge (idempotent, pointer, audited)');
  const address = { postalCode: '01310-100', street: 'Avenida Paulista', number: '900', city: 'São Paulo', state: 'SP' };
  let a: Body | undefined;
  let b: Body | undefined;

  await runner.check('two customers with one phone are found as a pair on their write (GET /v1/duplicates?customerId=) with a reason and a score', async () => {
    a = await s.mustCreate(s.person({ firstName: 'Duplicada', address }));
    b = await s.mustCreate(s.person({ firstName: 'Duplicada', phone: a.phone, address }));
    const r = await http.get(`/v1/duplicates?customerId=${a.id}`);
    expectStatus(r, 200);
    const pair = r.json.items.find((p: Body) => p.customers.some((c: Body) => c.id === b!.id));
    expect(pair, 'no pair with the second customer');
    expect(pair.reasons.some((x: Body) => x.type === 'phone'), 'the pair has no phone reason');
    expect(typeof pair.score === 'number' && pair.score > 0, 'no score');
    expect(pair.customers.every((c: Body) => !c.document || c.document.includes('*')), 'documents are not masked');
  });
  await runner.check('POST /v1/duplicates/dismiss → the pair is left out afterwards', async () => {
    const c = await s.mustCreate(s.person({ firstName: 'Parecida' }));
    const d = await s.mustCreate(s.person({ firstName: 'Parecida', phone: c.phone }));
    expect((await http.get(`/v1/duplicates?customerId=${c.id}`)).json.items.length > 0, 'the pair was not found');
    expectStatus(await http.post('/v1/duplicates/dismiss', { customerIds: [c.id, d.id] }), [200, 204]);
    const after = await http.get(`/v1/duplicates?customerId=${c.id}`);
    expect(!after.json.items.some((p: Body) => p.customers.some((x: Body) => x.id === d.id)), 'the dismissed pair is still listed');
  });
  await runner.check('POST /v1/customers/merge/preview → both records and the figures after, writing nothing', async () => {
    expect(a && b, 'the pair was not created');
    for (const [customerId, totalCents, n] of [[a.id, 10_000, 1], [b.id, 2_550, 2]] as const) {
      expectStatus(await http.post('/v1/orders', { customerId, number: `CF-${s.run}-M${n}`, placedAt: new Date(Date.now() - DAY_MS).toISOString(), itemsCount: 1, totalCents, status: 'paid' }), 201);
    }
    const r = await http.post('/v1/customers/merge/preview', { survivorId: a.id, mergedId: b.id });
    expectStatus(r, 200);
    expectEqual(r.json.after, { ordersCount: 2, totalSpentCents: 12_550 }, 'after');
    expect(Array.isArray(r.json.categories?.after) && Array.isArray(r.json.categories?.left), 'the preview names no categories (survivor, merged, after, left)');
    expectEqual((await http.get(`/v1/customers/${b.id}?document=masked`)).json.status, 'active', 'the other record’s status');
  });
  await runner.check('merging a customer into itself → 422', async () => {
    expect(a, 'no customer');
    expectProblem(await http.post('/v1/customers/merge', { merges: [{ survivorId: a.id, mergedId: a.id }] }), 422);
  });
  await runner.check('POST /v1/customers/merge → one customer with every order and the sum; the other merged with a pointer; audited', async () => {
    expect(a && b, 'the pair was not created');
    const r = await http.post('/v1/customers/merge', { merges: [{ survivorId: a.id, mergedId: b.id }] }, { headers: { 'Idempotency-Key': `cf-merge-${s.run}` } });
    expectStatus(r, 200);
    s.customers.delete(b.id);
    expectEqual(r.json.items[0]?.moved?.orders, 1, 'moved.orders');
    expectEqual((await http.get(`/v1/customers/${a.id}?document=masked`)).json.stats?.totalSpentCents, 12_550, 'the survivor’s totalSpentCents');
    const gone = await http.get(`/v1/customers/${b.id}?document=masked`);
    expectStatus(gone, 200);
    expectEqual([gone.json.status, gone.json.mergedInto], ['merged', a.id], '[status, mergedInto]');
    const log = await http.get('/v1/audit?action=customer.merge&limit=50');
    expect(log.json.items.some((e: Body) => e.target === a!.id), 'no customer.merge entry about the survivor');
  });
  await runner.check('the merge again answers as done; a PATCH of the merged record → 409 customer_merged', async () => {
    expect(a && b, 'the pair was not merged');
    const again = await http.post('/v1/customers/merge', { merges: [{ survivorId: a.id, mergedId: b.id }] });
    expectStatus(again, 200);
    expectEqual(again.json.items[0]?.alreadyMerged, true, 'alreadyMerged');
    const gone = await http.get(`/v1/customers/${b.id}?document=masked`);
    const p = await http.patch(`/v1/customers/${b.id}`, { notes: 'x' }, { headers: { 'If-Match': gone.headers.get('etag') ?? '*' } });
    expectProblem(p, 409);
    expect(String(p.json?.type).endsWith('customer-merged'), `type is ${p.json?.type}, not …/customer-merged`);
  });
}
