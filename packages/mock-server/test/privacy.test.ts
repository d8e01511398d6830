// Data-subject requests (LGPD #18 §2) on all three stores: the queue with its 15-day deadline, the
// archive holds the person's data and nothing of anyone else's, and an erasure keeps orders and
// totals while removing every personal field — from the record, the search index, exports,
// sign-in and the outbox.
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { call, type CallOptions } from './helpers.js';
import { everyServer } from './stores.js';

const ANA = {
  kind: 'person', document: '529.982.247-25', firstName: 'Ana', lastName: 'Prudente', email: 'ana.prudente@example.com.br', phone: '(11) 98765-4321', birthDate: '1988-04-02',
  address: { postalCode: '01310-100', street: 'Avenida Paulista', number: '1000', city: 'São Paulo', state: 'SP' }, marketingConsent: { email: true, sms: true, whatsapp: false },
};
const BRUNO = {
  kind: 'person', document: '390.533.447-05', firstName: 'Bruno', lastName: 'Quaresma', email: 'bruno.quaresma@example.com.br', phone: '(21) 99876-5432',
  address: { postalCode: '20040-002', street: 'Rua da Assembleia', number: '10', city: 'Rio de Janeiro', state: 'RJ' }, marketingConsent: { email: true, sms: false, whatsapp: false },
};
const PASSWORD = 'pé-de-moleque-9';

async function unzip(res: Response | { raw: ArrayBuffer }): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync('raw' in res ? res.raw : await res.arrayBuffer());
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) out[name] = await zip.files[name]!.async('string');
  return out;
}

async function download(s: MockServer, path: string, opts: CallOptions = {}): Promise<{ status: number; type: string | null; raw: ArrayBuffer }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${opts.key ?? s.keys.secret}`, ...(opts.headers ?? {}) };
  const res = await s.fetch(new Request(`http://mock.test${path}`, { headers }));
  return { status: res.status, type: res.headers.get('content-type'), raw: await res.arrayBuffer() };
}

describe.each(everyServer('privacy'))('data-subject requests on %s', (_kind, open) => {
  let s: MockServer;
  afterAll(() => s?.close());
  const shopper = (token: string, extra: CallOptions = {}): CallOptions => ({ key: s.keys.publishable, ...extra, headers: { 'Clientela-Session': token, ...(extra.headers ?? {}) } });
  const admin = { headers: { 'X-Actor': 'Marina (DPO)' } };

  it('access: the archive holds the person’s data and nothing of anyone else’s; the queue shows the deadline and who handled it', async () => {
    s = await open();
    const ana = (await call(s, 'POST', '/v1/public/registrations', { key: s.keys.publishable, body: { ...ANA, password: PASSWORD } })).json;
    const bruno = (await call(s, 'POST', '/v1/public/registrations', { key: s.keys.publishable, body: { ...BRUNO, password: 'outra-senha-forte' } })).json;
    expect(ana.id && bruno.id).toBeTruthy();
    for (const [who, n, cents] of [[ana.id, 'A-1', 12_990], [ana.id, 'A-2', 5_000], [bruno.id, 'B-1', 77_700]] as const) {
      const o = await call(s, 'POST', '/v1/orders', { body: { number: n, customerId: who, placedAt: '2026-11-01T10:00:00Z', itemsCount: 1, totalCents: cents, status: 'paid' } });
      expect(o.status, o.text).toBe(201);
    }
    expect((await call(s, 'POST', `/v1/customers/${ana.id}/credits`, { body: { kind: 'cashback', amountCents: 1500, expiresAt: '2027-03-01T00:00:00Z', origin: 'Cashback A-1' } })).status).toBe(201);
    const sent = await call(s, 'POST', '/v1/messages', { body: { ids: [ana.id, bruno.id], channel: 'email', subject: 'Oi {{primeiroNome}}', text: 'Olá {{nome}}, novidades!', acknowledgedResponsibility: true } });
    expect(sent.status, sent.text).toBe(201);
    // An SMS too: the archive says which number each message went to.
    const sms = await call(s, 'POST', '/v1/messages', { body: { ids: [ana.id, bruno.id], channel: 'sms', text: 'Oi {{primeiroNome}}, cupom novo.', acknowledgedResponsibility: true } });
    expect(sms.status, sms.text).toBe(201);
    await s.messages.drain();
    // Someone of the store looks at Ana's document: the archive tells her.
    expect((await call(s, 'GET', `/v1/customers/${ana.id}`, admin)).status).toBe(200);

    // Ana, signed in, asks for her data ("Baixar meus dados") and opens an access request.
    const session = await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: ANA.email, password: PASSWORD } });
    const token = session.json.token as string;
    const opened = await call(s, 'POST', '/v1/public/me/privacy-requests', shopper(token, { body: { type: 'access' } }));
    expect(opened.status, opened.text).toBe(201);
    expect(opened.json).toMatchObject({ customerId: ana.id, type: 'access', status: 'open', openedBy: { customer: true }, openedAt: '2026-11-22T12:00:00.000Z', dueAt: '2026-12-07T12:00:00.000Z' });
    const queue = await call(s, 'GET', '/v1/privacy-requests?status=open');
    expect(queue.json.items.map((r: { id: string }) => r.id)).toEqual([opened.json.id]);
    // Bruno cannot reach Ana's requests: his own list is his own.
    const brunoSession = (await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: BRUNO.email, password: 'outra-senha-forte' } })).json.token as string;
    expect((await call(s, 'GET', '/v1/public/me/privacy-requests', shopper(brunoSession))).json.items).toEqual([]);

    const archive = await download(s, `/v1/customers/${ana.id}/archive`, admin);
    expect(archive.status).toBe(200);
    expect(archive.type).toBe('application/zip');
    const files = await unzip(archive);
    expect(Object.keys(files).sort()).toEqual(['consent.csv', 'credits.csv', 'data-log.csv', 'data.json', 'messages.csv', 'orders.csv']);
    const data = JSON.parse(files['data.json']!);
    expect(data.profile).toMatchObject({ id: ana.id, email: ANA.email, document: '52998224725', birthDate: '1988-04-02', address: { city: 'São Paulo' } });
    expect(data.orders.map((o: { number: string }) => o.number).sort()).toEqual(['A-1', 'A-2']);
    expect(data.credits.ledger).toEqual([expect.objectContaining({ type: 'grant', amountCents: 1500 })]);
    expect(data.consent.map((r: { channel: string }) => r.channel).sort()).toEqual(['email', 'sms']);
    expect(data.messages, JSON.stringify(data.messages)).toEqual([
      expect.objectContaining({ customerId: ana.id, channel: 'email', address: ANA.email, status: 'delivered', subject: 'Oi Ana', text: 'Olá Ana Prudente, novidades!' }),
      expect.objectContaining({ customerId: ana.id, channel: 'sms', address: '+5511987654321', status: 'delivered', text: 'Oi Ana, cupom novo.' }),
    ]);
    const messageRows = files['messages.csv']!.split('\r\n');
    expect(messageRows[0]).toBe('createdAt,channel,status,address,subject,text');
    expect(messageRows.slice(1, 3).map((row) => row.split(',').slice(1, 4))).toEqual([['email', 'delivered', ANA.email], ['sms', 'delivered', '+5511987654321']]);
    expect(data.privacyRequests).toEqual([expect.objectContaining({ id: opened.json.id })]);
    expect(data.dataLog.some((e: { action: string; actor: { name?: string } }) => e.action === 'customer.reveal' && e.actor.name === 'Marina (DPO)')).toBe(true);
    expect(files['orders.csv']).toContain('A-2');
    expect(files['consent.csv']!.split('\r\n')[0]).toBe('at,channel,purpose,granted,source,textVersion,text,recordedBy,evidence');
    // Nothing of Bruno's, anywhere in any file.
    const everything = Object.values(files).join('\n');
    for (const his of [bruno.id, BRUNO.email, '39053344705', 'Bruno', 'Quaresma', 'B-1', '77700', 'Assembleia']) expect(everything, his).not.toContain(his);

    // The shopper downloads the same from the account area; both downloads are in the data log.
    const own = await download(s, '/v1/public/me/archive', { key: s.keys.publishable, headers: { 'Clientela-Session': token } });
    expect(own.status).toBe(200);
    expect(JSON.parse((await unzip(own))['data.json']!).profile.id).toBe(ana.id);
    const log = await call(s, 'GET', '/v1/audit?action=privacy.archive');
    expect(log.json.items).toHaveLength(2);
    expect(log.json.items[0]).toMatchObject({ target: ana.id, source: 'storefront', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    // The store completes the request; who handled it is kept; a closed request stays closed.
    const done = await call(s, 'PATCH', `/v1/privacy-requests/${opened.json.id}`, { ...admin, headers: { ...admin.headers, 'If-Match': opened.headers.get('etag')! }, body: { status: 'completed', resolution: 'Arquivo entregue por e-mail' } });
    expect(done.status, done.text).toBe(200);
    expect(done.json).toMatchObject({ status: 'completed', handledBy: { name: 'Marina (DPO)' }, closedAt: '2026-11-22T12:00:00.000Z' });
    const again = await call(s, 'PATCH', `/v1/privacy-requests/${opened.json.id}`, { headers: { 'If-Match': done.headers.get('etag')! }, body: { status: 'rejected' } });
    expect(again.status).toBe(409);
    const updates = await call(s, 'GET', '/v1/audit?action=privacy.update');
    expect(updates.json.items[0]).toMatchObject({ fromStatus: 'open', toStatus: 'completed', actor: { name: 'Marina (DPO)' } });
  });

  it('erasure: personal fields go (record, search, exports, sign-in, outbox), orders and totals stay', async () => {
    const ana = (await call(s, 'GET', `/v1/customers?q=${encodeURIComponent(ANA.email)}`)).json.items[0];
    const before = (await call(s, 'GET', `/v1/customers/${ana.id}?document=masked`)).json;
    expect(before.stats).toMatchObject({ ordersCount: 2, totalSpentCents: 17_990 });
    const token = (await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: ANA.email, password: PASSWORD } })).json.token as string;
    const asked = await call(s, 'POST', '/v1/public/me/privacy-requests', shopper(token, { body: { type: 'deletion', details: 'Quero excluir minha conta' } }));
    expect(asked.status).toBe(201);
    // A PATCH cannot complete an erasure: only the anonymization does.
    const patch = await call(s, 'PATCH', `/v1/privacy-requests/${asked.json.id}`, { headers: { 'If-Match': asked.headers.get('etag')! }, body: { status: 'completed' } });
    expect(patch.status).toBe(422);

    const typo = await call(s, 'POST', `/v1/customers/${ana.id}/anonymize`, { body: { confirmation: 'anonimiza', requestId: asked.json.id }, headers: { 'Accept-Language': 'en' } });
    expect(typo.status).toBe(422);
    expect(typo.json.errors[0]).toMatchObject({ path: 'confirmation', code: 'confirmation_mismatch', message: 'Type ANONIMIZAR to confirm.' });
    const erased = await call(s, 'POST', `/v1/customers/${ana.id}/anonymize`, { ...admin, body: { confirmation: 'anonimizar', requestId: asked.json.id } });
    expect(erased.status, erased.text).toBe(200);

    // Field by field: every personal field is gone or replaced; what makes the figures true stays.
    const after = (await call(s, 'GET', `/v1/customers/${ana.id}?document=masked`)).json;
    expect(after).toMatchObject({ id: ana.id, kind: 'person', status: 'deleted', firstName: 'Cliente', lastName: 'anonimizado', whatsapp: false, account: { status: 'none' }, marketingConsent: { email: false, sms: false, whatsapp: false } });
    for (const field of ['email', 'phone', 'birthDate', 'address', 'notes', 'loyaltyCard', 'discountPercent']) expect(after, field).not.toHaveProperty(field);
    expect(after.externalIds).toEqual({});
    expect(after.anonymizedAt).toBe('2026-11-22T12:00:00.000Z');
    expect(after.stats).toEqual(before.stats);
    const orders = await call(s, 'GET', `/v1/customers/${ana.id}/orders`);
    expect(orders.json.items.map((o: { totalCents: number }) => o.totalCents).sort((a: number, b: number) => a - b)).toEqual([5_000, 12_990]);
    const text = JSON.stringify(after);
    for (const old of ['Ana', 'Prudente', ANA.email, '52998224725', '5511987654321', 'Paulista', '1988-04-02']) expect(text, old).not.toContain(old);
    // Not revealed, not changed, not signed in, not restored.
    expect((await call(s, 'GET', `/v1/customers/${ana.id}`)).status).toBe(410);
    expect((await call(s, 'PATCH', `/v1/customers/${ana.id}`, { headers: { 'If-Match': '*' }, body: { firstName: 'Ana' } })).status).toBe(410);
    expect((await call(s, 'GET', '/v1/public/me', shopper(token))).status).toBe(401);
    expect((await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: ANA.email, password: PASSWORD } })).status).toBe(401);
    await call(s, 'POST', '/v1/customers/bulk', { body: { ids: [ana.id], action: 'setStatus', status: 'active' } });
    expect((await call(s, 'GET', `/v1/customers/${ana.id}?document=masked`)).json.status).toBe('deleted');
    expect((await call(s, 'POST', `/v1/customers/${ana.id}/anonymize`, { body: { confirmation: 'ANONIMIZAR' } })).status).toBe(410);

    // The search index of the store has none of her old values, whatever the status asked.
    for (const q of ['Ana Prudente', 'prudente', ANA.email, '529.982.247-25', '52998224725', '98765-4321']) {
      const found = await call(s, 'GET', `/v1/customers?status=active,inactive,blocked,deleted&q=${encodeURIComponent(q)}`);
      expect(found.json.items.map((c: { id: string }) => c.id), q).not.toContain(ana.id);
    }
    // Exports: no row of hers, even asking for deleted customers by id.
    const csv = await call(s, 'POST', '/v1/exports', { body: { format: 'csv', dialect: 'machine', ids: [ana.id], columns: ['id', 'name', 'email', 'document', 'phone', 'city'] } });
    expect(csv.status).toBe(200);
    expect(csv.text).not.toContain(ana.id);
    const all = await call(s, 'POST', '/v1/exports', { body: { format: 'csv', dialect: 'machine', filter: { status: 'active,inactive,blocked,deleted' }, columns: ['id', 'name', 'email', 'document'] } });
    expect(all.text).not.toContain(ana.id);
    expect(all.text).toContain('bruno.quaresma@example.com.br');
    // The outbox keeps that a message went, not to whom or what it said.
    const msgs = await call(s, 'GET', `/v1/customers/${ana.id}/messages`);
    expect(JSON.stringify(msgs.json)).not.toContain(ANA.email);
    expect(JSON.stringify(msgs.json)).not.toContain('Ana');
    // The consent history records the revocation; the request is completed; log and feed know.
    const consent = await call(s, 'GET', `/v1/customers/${ana.id}/consents`);
    expect(consent.json.current.marketing.email).toMatchObject({ granted: false });
    expect((await call(s, 'GET', `/v1/privacy-requests/${asked.json.id}`)).json).toMatchObject({ status: 'completed', handledBy: { name: 'Marina (DPO)' }, customerName: 'Cliente anonimizado' });
    expect((await call(s, 'GET', '/v1/audit?action=customer.anonymize')).json.items[0]).toMatchObject({ target: ana.id, targetName: 'Cliente anonimizado', actor: { name: 'Marina (DPO)' } });
    // Each consent the erasure revoked has its entry, naming the record as anonymized.
    const revoked = (await call(s, 'GET', '/v1/audit?action=consent.record')).json.items.filter((e: { target: string; toStatus: string }) => e.target === ana.id && e.toStatus === 'revoked');
    expect(revoked.map((e: { channel: string }) => e.channel).sort()).toEqual(['email', 'sms']);
    for (const e of revoked) expect(e).toMatchObject({ targetName: 'Cliente anonimizado', source: 'admin', actor: { name: 'Marina (DPO)' } });
    expect((await call(s, 'GET', '/v1/events?types=customer.anonymized')).json.items).toEqual([expect.objectContaining({ data: { customerId: ana.id } })]);
    // Her document is free again (the keyed hash is off by default).
    expect((await call(s, 'POST', '/v1/customers', { body: { ...ANA, email: 'outra@example.com' } })).status).toBe(201);
  });

  it('with keepDocumentHash on, an erased document cannot be registered again', async () => {
    expect((await call(s, 'GET', '/v1/settings/privacy')).json).toEqual({ keepDocumentHash: false });
    expect((await call(s, 'PUT', '/v1/settings/privacy', { body: { keepDocumentHash: true } })).status).toBe(200);
    const bruno = (await call(s, 'GET', `/v1/customers?q=${encodeURIComponent(BRUNO.email)}`)).json.items[0];
    expect((await call(s, 'POST', `/v1/customers/${bruno.id}/anonymize`, { body: { confirmation: 'ANONIMIZAR' } })).status).toBe(200);
    const again = await call(s, 'POST', '/v1/public/registrations', { key: s.keys.publishable, body: { ...BRUNO, email: 'golpe@example.com', password: 'mais-uma-senha-forte' } });
    expect(again.status).toBe(409);
    expect(again.json).not.toHaveProperty('existingId');
  });
});
