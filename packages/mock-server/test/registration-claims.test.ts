import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer, MockServerOptions } from '../src/index.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { call } from './helpers.js';
import { everyServer } from './stores.js';

// Guest to registered (#18 §3): a storefront registration with the document or e-mail of a record
// the store holds answers 202 alike whatever that record is, creates nothing, and e-mails the
// address on file a single-use link; a record without a password is claimed with it (same id,
// orders kept, the registration's consent recorded, audited, events emitted).

const rng = new Prng(1803);
const clock = { ms: Date.parse('2026-06-01T12:00:00.000Z') };
const options = (extra: MockServerOptions = {}): MockServerOptions => ({ now: () => new Date(clock.ms), ...extra });
const pk = (server: MockServer) => ({ key: server.keys.publishable });

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function start(open: () => Promise<MockServer>): Promise<MockServer> {
  clock.ms = Date.parse('2026-06-01T12:00:00.000Z');
  const server = await open();
  opened.push(server);
  const setting = await call(server, 'PUT', '/v1/settings/account-links', { body: { accountUrl: 'https://loja.example/conta' } });
  expect(setting.status, setting.text).toBe(200);
  return server;
}

/** A customer a seller registered (no password). */
async function sellerCustomer(server: MockServer, firstName: string, email?: string): Promise<{ id: string; document: string }> {
  const document = generateCpf(rng);
  // Without an e-mail: as the point of sale syncs it (the forms' required fields do not apply).
  const r = email
    ? await call(server, 'POST', '/v1/customers', { body: { kind: 'person', document, firstName, lastName: 'Balcão', email, source: 'pos' } })
    : await call(server, 'PUT', `/v1/customers/by-document/${document}`, { body: { kind: 'person', firstName, lastName: 'Balcão', source: 'pos' } });
  expect(r.status, r.text).toBe(201);
  return { id: r.json.id, document };
}

function registration(document: string, email: string, extra: Record<string, unknown> = {}) {
  return { kind: 'person', document, firstName: 'Nova', lastName: 'Pessoa', email, password: 'Minha-senha-forte-9', ...extra };
}

async function register(server: MockServer, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const r = await call(server, 'POST', '/v1/public/registrations', { ...pk(server), body, headers });
  await server.maintain();
  return r;
}

async function mails(server: MockServer, id: string): Promise<{ subject: string; text: string }[]> {
  return (await call(server, 'GET', `/v1/customers/${id}/messages`)).json.items;
}

function linkOf(text: string): URL {
  const m = /https:\/\/\S+/.exec(text);
  expect(m, text).not.toBeNull();
  return new URL(m![0]);
}

describe.each(everyServer('registration-claims', options()))('claiming an existing record on %s', (_kind, open) => {
  it('answers 202 alike for every held record, e-mails only the address on file, and the link claims the record', async () => {
    const server = await start(open);
    const ana = await sellerCustomer(server, 'Ana', 'ana.balcao@example.com.br');
    const order = await call(server, 'POST', '/v1/orders', { body: { number: 'PDV-1', customerId: ana.id, placedAt: new Date(clock.ms - 86_400_000).toISOString(), itemsCount: 2, totalCents: 12_990 } });
    expect(order.status, order.text).toBe(201);
    // Bia has an account (a password); Caio was registered at the point of sale without an e-mail.
    const bia = await sellerCustomer(server, 'Bia', 'bia.conta@example.com.br');
    const inv = (await call(server, 'POST', `/v1/customers/${bia.id}/invitations`)).json;
    expect((await call(server, 'POST', '/v1/public/password', { ...pk(server), body: { token: inv.token, email: 'bia.conta@example.com.br', password: 'Senha-da-Bia-77' } })).status).toBe(200);
    const caio = await sellerCustomer(server, 'Caio');
    const before = (await call(server, 'GET', '/v1/customers?limit=200')).json.total;

    // The shopper types the document and another e-mail: the link goes to the e-mail on file.
    // First with another document and Ana's e-mail, then with her document (and consent to e-mail).
    const byEmail = await register(server, registration(generateCpf(rng), 'ANA.balcao@example.com.br'));
    const claim = await register(server, registration(ana.document, 'outro.email@example.com', { marketingConsent: { email: true, sms: false, whatsapp: false } }));
    const account = await register(server, registration(bia.document, 'qualquer@example.com'));
    const noEmail = await register(server, registration(caio.document, 'caio.novo@example.com'));
    expect(claim.status, claim.text).toBe(202);
    expect(claim.json).toEqual({ accepted: true, next: 'check_email' });
    for (const r of [account, noEmail, byEmail]) expect([r.status, r.text]).toEqual([claim.status, claim.text]);
    expect((await call(server, 'GET', '/v1/customers?limit=200')).json.total).toBe(before);

    const toAna = await mails(server, ana.id);
    expect(toAna.map((m) => m.subject)).toEqual(['Conclua seu cadastro', 'Conclua seu cadastro']);
    const toBia = await mails(server, bia.id);
    expect(toBia.map((m) => m.subject)).toEqual(['Você já tem cadastro na loja']);
    expect(linkOf(toBia[0]!.text).searchParams.get('purpose')).toBe('reset');
    expect(await mails(server, caio.id)).toEqual([]);

    // The newest link (the one with the consent) voids the older one.
    const [older, newer] = toAna.map((m) => linkOf(m.text));
    expect(newer!.searchParams.get('purpose')).toBe('claim');
    const stale = await call(server, 'POST', '/v1/public/password', { ...pk(server), body: { token: older!.searchParams.get('token'), email: 'ana.balcao@example.com.br', password: 'Senha-da-Ana-123' } });
    expect(stale.status).toBe(410);
    expect(stale.json.errors[0].code).toBe('token_revoked');
    const info = await call(server, 'GET', `/v1/public/invitations/${newer!.searchParams.get('token')}`, pk(server));
    expect(info.json.email).toBe('ana.balcao@example.com.br');
    const used = await call(server, 'POST', '/v1/public/password', { ...pk(server), body: { token: newer!.searchParams.get('token'), email: 'ana.balcao@example.com.br', password: 'Senha-da-Ana-123' } });
    expect(used.status, used.text).toBe(200);
    expect(used.json.customerId).toBe(ana.id);
    expect((await call(server, 'POST', '/v1/public/password', { ...pk(server), body: { token: newer!.searchParams.get('token'), email: 'ana.balcao@example.com.br', password: 'Senha-da-Ana-456' } })).status).toBe(410);

    // One record, kept: same id, the order, the consent the registration gave; the password signs in.
    const record = (await call(server, 'GET', `/v1/customers/${ana.id}`)).json;
    expect(record).toMatchObject({ id: ana.id, firstName: 'Ana', email: 'ana.balcao@example.com.br', account: { status: 'active' }, stats: { ordersCount: 1, totalSpentCents: 12_990 } });
    expect(record.marketingConsent).toMatchObject({ email: true, sms: false, whatsapp: false });
    expect((await call(server, 'GET', `/v1/customers/${ana.id}/orders`)).json.items.map((o: { number: string }) => o.number)).toEqual(['PDV-1']);
    expect((await call(server, 'GET', '/v1/customers?limit=200')).json.total).toBe(before);
    const signIn = await call(server, 'POST', '/v1/public/sessions', { ...pk(server), body: { email: 'ana.balcao@example.com.br', password: 'Senha-da-Ana-123' } });
    expect(signIn.json.customerId).toBe(ana.id);
    const consents = (await call(server, 'GET', `/v1/customers/${ana.id}/consents`)).json;
    expect(JSON.stringify(consents)).toMatch(/"source":"storefront"/);

    // Audited, and told to the change feed.
    const log = (await call(server, 'GET', '/v1/audit?action=customer.claim')).json.items;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ target: ana.id, source: 'storefront' });
    // The consent the registration gave, applied by the claim, has its own entry (as a registration's).
    const consentLog = (await call(server, 'GET', '/v1/audit?action=consent.record')).json.items.filter((e: { target: string }) => e.target === ana.id);
    expect(consentLog).toEqual([expect.objectContaining({ channel: 'email', detail: 'marketing', toStatus: 'granted', source: 'storefront' })]);
    const events = (await call(server, 'GET', '/v1/events?limit=200')).json.items as { type: string; data: { customer?: { id: string }; customerId?: string; changedFields?: string[] } }[];
    const mine = events.filter((e) => e.data.customer?.id === ana.id || e.data.customerId === ana.id);
    expect(mine.some((e) => e.type === 'customer.updated' && e.data.changedFields?.includes('account'))).toBe(true);
    expect(mine.some((e) => e.type === 'consent.updated')).toBe(true);
  });

  it('checks the input first, replays a retried registration without a second e-mail, and limits links per document', async () => {
    const server = await start(open);
    const ana = await sellerCustomer(server, 'Ana', 'ana.limite@example.com.br');
    // Bad input answers its 422 whether or not the document is held.
    const bad = await register(server, registration(ana.document, 'nao-e-email'));
    const badFresh = await register(server, registration(generateCpf(rng), 'nao-e-email'));
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toEqual(badFresh.json.errors);

    const headers = { 'Idempotency-Key': 'claim-retry-1' };
    const first = await register(server, registration(ana.document, 'x@example.com'), headers);
    const retry = await register(server, registration(ana.document, 'x@example.com'), headers);
    expect(retry.status).toBe(202);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(first.text).toBe(retry.text);
    expect(await mails(server, ana.id)).toHaveLength(1);

    // 3 links an hour per document: the 4th registration answers the same, but nothing goes out.
    for (let i = 0; i < 3; i++) expect((await register(server, registration(ana.document, `y${i}@example.com`))).status).toBe(202);
    expect(await mails(server, ana.id)).toHaveLength(3);
    clock.ms += 61 * 60_000;
    await register(server, registration(ana.document, 'z@example.com'));
    expect(await mails(server, ana.id)).toHaveLength(4);
  });

  it('a guest who registered without a password claims that record by registering again with one', async () => {
    const server = await start(open);
    const document = generateCpf(rng);
    const guest = await register(server, { kind: 'person', document, firstName: 'Gil', lastName: 'Convidado', email: 'gil@example.com.br' });
    expect(guest.status, guest.text).toBe(201);
    const again = await register(server, registration(document, 'gil@example.com.br'), { 'Accept-Language': 'en' });
    expect(again.status).toBe(202);
    const sent = await mails(server, guest.json.id);
    expect(sent.map((m) => m.subject)).toEqual(['Finish your registration']);
    const link = linkOf(sent[0]!.text);
    const used = await call(server, 'POST', '/v1/public/password', { ...pk(server), body: { token: link.searchParams.get('token'), email: 'gil@example.com.br', password: 'Gil-senha-forte-1' } });
    expect(used.json.customerId).toBe(guest.json.id);
    // A blocked record gets nothing, and the answer is the same.
    const blocked = await sellerCustomer(server, 'Bloqueado', 'bloq@example.com.br');
    const current = (await call(server, 'GET', `/v1/customers/${blocked.id}`)).json;
    expect((await call(server, 'PATCH', `/v1/customers/${blocked.id}`, { body: { status: 'blocked' }, headers: { 'If-Match': `"${current.version}"` } })).status).toBe(200);
    const r = await register(server, registration(blocked.document, 'bloq2@example.com.br'), { 'Accept-Language': 'en' });
    expect([r.status, r.text]).toEqual([again.status, again.text]);
    expect(await mails(server, blocked.id)).toEqual([]);
  });
});
