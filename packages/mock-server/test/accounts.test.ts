import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { SyncStoreAdapter } from '../src/store/sync-adapter.js';
import { app, call, PERSON } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'clientela-accounts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** The same checks on both stores: the rules live above the store, the state inside it. */
const stores: [string, (now: () => Date) => MockServer][] = [
  ['memory', (now) => app({ now })],
  ['sqlite', (now) => app({ now, store: new SyncStoreAdapter(new SqliteStore(join(dir, `accounts-${files++}.db`))) })],
];

const VICTIM = { ...PERSON, email: 'vitima@example.com.br' };
const ATTACKER = { ...PERSON, document: '111.444.777-35', firstName: 'Mallory', lastName: 'Intrusa', email: 'VITIMA@example.com.br' };

describe.each(stores)('accounts on the %s store', (_kind, make) => {
  it('an e-mail belongs to one account: registering a taken e-mail creates nothing; an invitation binds to its customer', async () => {
    const s = make(() => new Date('2026-11-22T12:00:00.000Z'));
    const pk = { key: s.keys.publishable };
    const squat = await call(s, 'POST', '/v1/public/registrations', { ...pk, body: { ...ATTACKER, password: 'senha-do-atacante' } });
    expect(squat.status).toBe(201);
    // The victim's own registration (other case, same e-mail) creates nothing and takes nothing
    // over: "check your e-mail" (#18 §3), the link going to the e-mail's holder.
    const mine = await call(s, 'POST', '/v1/public/registrations', { ...pk, body: { ...VICTIM, password: 'senha-da-vitima' } });
    expect([mine.status, mine.json]).toEqual([202, { accepted: true, next: 'check_email' }]);
    expect((await call(s, 'POST', '/v1/public/sessions', { ...pk, body: { email: VICTIM.email, password: 'senha-da-vitima' } })).status).toBe(401);
    // The store registers the victim and invites them: the invitation's password signs the victim in.
    const victim = (await call(s, 'POST', '/v1/customers', { body: VICTIM })).json;
    const inv = (await call(s, 'POST', `/v1/customers/${victim.id}/invitations`)).json;
    expect((await call(s, 'POST', '/v1/public/password', { ...pk, body: { token: inv.token, email: VICTIM.email, password: 'senha-da-vitima' } })).status).toBe(200);
    const signIn = await call(s, 'POST', '/v1/public/sessions', { ...pk, body: { email: 'Vitima@Example.com.br', password: 'senha-da-vitima' } });
    expect(signIn.status).toBe(201);
    expect(signIn.json.customerId).toBe(victim.id);
    // The squatter's password no longer opens anything, and edits of the victim change nothing.
    expect((await call(s, 'POST', '/v1/public/sessions', { ...pk, body: { email: VICTIM.email, password: 'senha-do-atacante' } })).status).toBe(401);
    await call(s, 'PATCH', `/v1/customers/${victim.id}`, { body: { notes: 'editado' }, headers: { 'If-Match': '"2"' } });
    await call(s, 'PATCH', `/v1/customers/${squat.json.id}`, { body: { notes: 'editado' }, headers: { 'If-Match': '"1"' } });
    const again = await call(s, 'POST', '/v1/public/sessions', { ...pk, body: { email: VICTIM.email, password: 'senha-da-vitima' } });
    expect(again.json.customerId).toBe(victim.id);
    s.close();
  });

  it('issuing an invitation revokes the older ones of the customer', async () => {
    const s = make(() => new Date('2026-11-22T12:00:00.000Z'));
    const pk = { key: s.keys.publishable };
    const cu = (await call(s, 'POST', '/v1/customers', { body: VICTIM })).json;
    const first = (await call(s, 'POST', `/v1/customers/${cu.id}/invitations`)).json;
    const second = (await call(s, 'POST', `/v1/customers/${cu.id}/invitations`)).json;
    const old = await call(s, 'POST', '/v1/public/password', { ...pk, body: { token: first.token, email: VICTIM.email, password: 'senha-antiga-1' }, headers: { 'Accept-Language': 'en' } });
    expect(old.status).toBe(410);
    expect(old.json.errors).toEqual([{ path: 'token', code: 'token_revoked', message: 'This access link was replaced by a newer invitation.' }]);
    expect((await call(s, 'POST', '/v1/public/password', { ...pk, body: { token: second.token, email: VICTIM.email, password: 'senha-nova-12' } })).status).toBe(200);
    s.close();
  });

  it('a retried invitation with the same Idempotency-Key returns the same token (one minted, one audit entry)', async () => {
    const s = make(() => new Date('2026-11-22T12:00:00.000Z'));
    const cu = (await call(s, 'POST', '/v1/customers', { body: VICTIM })).json;
    const headers = { 'Idempotency-Key': 'inv-1' };
    const a = await call(s, 'POST', `/v1/customers/${cu.id}/invitations`, { headers });
    const b = await call(s, 'POST', `/v1/customers/${cu.id}/invitations`, { headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.json).toEqual(a.json);
    expect(b.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await call(s, 'GET', '/v1/audit?action=customer.invite')).json.items).toHaveLength(1);
    // The key is bound to the request: the same key for another customer is refused.
    const other = (await call(s, 'POST', '/v1/customers', { body: { ...VICTIM, document: '111.444.777-35', email: 'outra@example.com' } })).json;
    expect((await call(s, 'POST', `/v1/customers/${other.id}/invitations`, { headers })).status).toBe(422);
    s.close();
  });

  it('per-account sign-in throttle: after 5 failures each attempt waits, doubling; a success clears it', async () => {
    let now = new Date('2026-11-22T12:00:00.000Z');
    const s = make(() => now);
    const pk = { key: s.keys.publishable };
    await call(s, 'POST', '/v1/public/registrations', { ...pk, body: { ...VICTIM, password: 'senha-certa-1' } });
    const attempt = (password: string, email = VICTIM.email) => call(s, 'POST', '/v1/public/sessions', { ...pk, body: { email, password } });
    for (let i = 0; i < 5; i++) expect((await attempt('errada-123')).status).toBe(401);
    const blocked = await attempt('senha-certa-1');
    expect(blocked.status).toBe(429);
    expect(blocked.json.type).toMatch(/too-many-attempts$/);
    expect(blocked.headers.get('Retry-After')).toBe('1');
    // Unknown e-mails are throttled alike, so a 429 tells nothing about who has an account.
    for (let i = 0; i < 5; i++) await attempt('errada-123', 'ninguem@example.com');
    expect((await attempt('errada-123', 'ninguem@example.com')).status).toBe(429);
    now = new Date(now.getTime() + 1000);
    expect((await attempt('errada-123')).status).toBe(401);
    const twice = await attempt('senha-certa-1');
    expect(twice.status).toBe(429);
    expect(twice.headers.get('Retry-After')).toBe('2');
    now = new Date(now.getTime() + 2000);
    expect((await attempt('senha-certa-1')).status).toBe(201);
    // Cleared: five more failures are free again.
    for (let i = 0; i < 5; i++) expect((await attempt('errada-123')).status).toBe(401);
    s.close();
  });
});
