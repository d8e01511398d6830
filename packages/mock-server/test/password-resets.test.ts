import { afterEach, describe, expect, it } from 'vitest';
import { RateLimitError } from '@clientela/core';
import { createClient } from '@clientela/core/client';
import type { MockServer, MockServerOptions } from '../src/index.js';
import { generateCpf } from '../src/seed/documents.js';
import { Prng } from '../src/seed/prng.js';
import { call } from './helpers.js';
import { everyServer } from './stores.js';

// Account recovery (#17 §4): "Esqueci minha senha" answers the same for every e-mail, sends one
// single-use, expiring link through the outbox (a service message: no marketing consent needed),
// the newest link voids older ones, using it ends the other sessions, a migrated customer without
// a password gets "primeiro acesso" the same way, and requests are limited per e-mail.

const rng = new Prng(404);
const clock = { ms: Date.parse('2026-06-01T12:00:00.000Z') };
const options = (extra: MockServerOptions = {}): MockServerOptions => ({ now: () => new Date(clock.ms), ...extra });
const pk = (server: MockServer) => ({ key: server.keys.publishable });
const MINUTE = 60_000;

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

async function customer(server: MockServer, firstName: string, email: string): Promise<string> {
  const body = { kind: 'person', document: generateCpf(rng), firstName, lastName: 'Souza', email, marketingConsent: { email: false, sms: false, whatsapp: false } };
  const r = await call(server, 'POST', '/v1/customers', { body });
  expect(r.status, r.text).toBe(201);
  return r.json.id;
}

/** Asks for a link as the storefront does, and waits for the work done after the answer. */
async function ask(server: MockServer, email: string, lang = 'pt-BR') {
  const r = await call(server, 'POST', '/v1/public/password-resets', { ...pk(server), body: { email }, headers: { 'Accept-Language': lang } });
  await server.maintain();
  return r;
}

/** The recovery e-mails a customer was sent, oldest first. */
async function mails(server: MockServer, id: string): Promise<{ subject: string; text: string; status: string; transactional?: boolean }[]> {
  return (await call(server, 'GET', `/v1/customers/${id}/messages`)).json.items;
}

function linkOf(text: string): URL {
  const m = /https:\/\/\S+/.exec(text);
  expect(m, text).not.toBeNull();
  return new URL(m![0]);
}

describe.each(everyServer('password-resets', options()))('password resets on %s', (_kind, open) => {
  it('answers alike for every e-mail, sends one expiring single-use link, voids older links and ends other sessions', async () => {
    clock.ms = Date.parse('2026-06-01T12:00:00.000Z');
    const server = await open();
    opened.push(server);
    const ana = await customer(server, 'Ana', 'ana.souza@example.com.br');
    const bia = await customer(server, 'Bia', 'bia.souza@example.com.br');
    // No account page configured: nothing can be sent, and the answer is the same.
    expect((await ask(server, 'bia.souza@example.com.br')).status).toBe(202);
    expect(await mails(server, bia)).toEqual([]);
    const setting = await call(server, 'PUT', '/v1/settings/account-links', { body: { accountUrl: 'https://loja.example/conta?loja=1' } });
    expect(setting.status, setting.text).toBe(200);
    expect((await call(server, 'PUT', '/v1/settings/account-links', { body: { accountUrl: 'javascript:alert(1)' } })).status).toBe(422);

    // Ana has a password and a session open on another device.
    const inv = (await call(server, 'POST', `/v1/customers/${ana}/invitations`)).json;
    const first = await call(server, 'POST', '/v1/public/password', { ...pk(server), body: { token: inv.token, email: 'ana.souza@example.com.br', password: 'senha-antiga-123' } });
    expect(first.status, first.text).toBe(200);
    const otherDevice = first.json.token;

    const known = await ask(server, '  Ana.Souza@Example.com.br ');
    const unknown = await ask(server, 'ninguem@example.com.br');
    expect([known.status, known.text]).toEqual([unknown.status, unknown.text]);
    expect(known.status).toBe(202);
    expect(known.json).toEqual({ accepted: true });
    const sent = await mails(server, ana);
    expect(sent).toHaveLength(1);
    // Sent although Ana gave no marketing consent: it is a service message.
    expect(sent[0]).toMatchObject({ status: 'queued', transactional: true, subject: 'Redefinição de senha' });
    await server.messages.drain();
    expect((await mails(server, ana))[0]!.status).toBe('delivered');
    const link = linkOf(sent[0]!.text);
    expect(link.origin + link.pathname).toBe('https://loja.example/conta');
    expect(link.searchParams.get('loja')).toBe('1');
    expect(link.searchParams.get('purpose')).toBe('reset');
    const oldToken = link.searchParams.get('token')!;
    expect((await call(server, 'GET', `/v1/public/invitations/${oldToken}`, pk(server))).json.email).toBe('ana.souza@example.com.br');

    // A second request: a new link in English; the first one is void.
    clock.ms += MINUTE;
    await ask(server, 'ana.souza@example.com.br', 'en');
    const second = (await mails(server, ana))[1]!;
    expect(second.subject).toBe('Password reset');
    const token = linkOf(second.text).searchParams.get('token')!;
    const revoked = await call(server, 'POST', '/v1/public/password', { ...pk(server), body: { token: oldToken, email: 'ana.souza@example.com.br', password: 'senha-nova-456' } });
    expect(revoked.status).toBe(410);
    expect(revoked.json.errors[0].code).toBe('token_revoked');

    const reset = await call(server, 'POST', '/v1/public/password', { ...pk(server), body: { token, email: 'ana.souza@example.com.br', password: 'senha-nova-456' } });
    expect(reset.status, reset.text).toBe(200);
    expect((await call(server, 'GET', '/v1/public/me', { ...pk(server), headers: { 'Clientela-Session': otherDevice } })).status).toBe(401);
    expect((await call(server, 'GET', '/v1/public/me', { ...pk(server), headers: { 'Clientela-Session': reset.json.token } })).status).toBe(200);
    const reused = await call(server, 'POST', '/v1/public/password', { ...pk(server), body: { token, email: 'ana.souza@example.com.br', password: 'outra-senha-789' } });
    expect(reused.json.errors[0].code).toBe('token_used');
    expect((await call(server, 'POST', '/v1/public/sessions', { ...pk(server), body: { email: 'ana.souza@example.com.br', password: 'senha-antiga-123' } })).status).toBe(401);
    expect((await call(server, 'POST', '/v1/public/sessions', { ...pk(server), body: { email: 'ana.souza@example.com.br', password: 'senha-nova-456' } })).status).toBe(201);

    // A third link expires after an hour; a fourth request in the hour is refused, like one for an unknown e-mail.
    await ask(server, 'ana.souza@example.com.br');
    const third = linkOf((await mails(server, ana))[2]!.text).searchParams.get('token')!;
    clock.ms += 58 * MINUTE;
    const limited = await ask(server, 'ana.souza@example.com.br');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    await ask(server, 'ninguem@example.com.br');
    await ask(server, 'ninguem@example.com.br');
    const limitedUnknown = await ask(server, 'ninguem@example.com.br');
    expect([limitedUnknown.status, limitedUnknown.json.type]).toEqual([429, limited.json.type]);
    expect(await mails(server, ana)).toHaveLength(3);
    clock.ms += 3 * MINUTE;
    const expired = await call(server, 'POST', '/v1/public/password', { ...pk(server), body: { token: third, email: 'ana.souza@example.com.br', password: 'mais-uma-senha-1' } });
    expect(expired.json.errors[0].code).toBe('token_expired');
    expect((await ask(server, 'ana.souza@example.com.br')).status).toBe(202);
  });

  it('gives a migrated customer without a password a first-access link, and nobody else one', async () => {
    clock.ms = Date.parse('2026-06-01T12:00:00.000Z');
    const server = await open();
    opened.push(server);
    await call(server, 'PUT', '/v1/settings/account-links', { body: { accountUrl: 'https://loja.example/conta' } });
    const migrated = await customer(server, 'Bruno', 'bruno@example.com.br');
    const blocked = await customer(server, 'Carla', 'carla@example.com.br');
    const got = await call(server, 'GET', `/v1/customers/${blocked}`);
    expect((await call(server, 'PATCH', `/v1/customers/${blocked}`, { body: { status: 'blocked' }, headers: { 'If-Match': got.headers.get('ETag')! } })).status).toBe(200);

    await ask(server, 'bruno@example.com.br', 'es');
    await ask(server, 'carla@example.com.br');
    expect(await mails(server, blocked)).toEqual([]);
    const [mail] = await mails(server, migrated);
    expect(mail!.subject).toBe('Primer acceso: crea tu contraseña');
    const link = linkOf(mail!.text);
    expect(link.searchParams.get('purpose')).toBe('first-access');
    const set = await call(server, 'POST', '/v1/public/password', { ...pk(server), body: { token: link.searchParams.get('token'), email: 'bruno@example.com.br', password: 'primeiro-acesso-1' } });
    expect(set.status, set.text).toBe(200);
    expect((await call(server, 'GET', `/v1/customers/${migrated}`)).json.account.status).toBe('active');
    // Now Bruno has a password: the next link is a reset.
    await ask(server, 'bruno@example.com.br');
    expect(linkOf((await mails(server, migrated))[1]!.text).searchParams.get('purpose')).toBe('reset');

    // The same through the core client: the storefront's publishable key, the admin's secret key.
    const storefront = createClient({ baseUrl: 'http://mock.test', apiKey: server.keys.publishable, fetch: (r) => server.fetch(r), retry: 0 });
    const admin = createClient({ baseUrl: 'http://mock.test', apiKey: server.keys.secret, fetch: (r) => server.fetch(r) });
    expect(await admin.settings.accountLinks()).toEqual({ accountUrl: 'https://loja.example/conta' });
    expect(await admin.settings.updateAccountLinks({ accountUrl: 'https://loja.example/minha-conta' })).toEqual({ accountUrl: 'https://loja.example/minha-conta' });
    expect(await storefront.account.requestPasswordReset({ email: 'bruno@example.com.br' })).toEqual({ accepted: true });
    await expect(storefront.account.requestPasswordReset({ email: 'bruno@example.com.br' })).rejects.toBeInstanceOf(RateLimitError);
    await server.maintain();
    expect(linkOf((await mails(server, migrated))[2]!.text).pathname).toBe('/minha-conta');
  });
});
