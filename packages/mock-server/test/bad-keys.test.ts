import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { app, call } from './helpers.js';
import { everyServer } from './stores.js';

// Rate limit on bad keys (#16): requests with an unknown or revoked key from one client address
// get 429 with Retry-After past the limit, counted in the store (every process sharing it shares
// the count), while valid keys from the same address are never counted nor refused. The clock is
// a number the tests move.

const START = Date.parse('2026-11-22T12:00:00.000Z');
const time = { ms: START };
const now = () => new Date(time.ms);
const LIMIT = { windowMs: 60_000, max: 3 };

let opened: MockServer[] = [];
beforeEach(() => {
  time.ms = START;
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

const from = (address: string) => ({ 'X-Forwarded-For': address });
const list = (s: MockServer, key: string, address: string) => call(s, 'GET', '/v1/customers?limit=1', { key, headers: from(address) });

describe.each(everyServer('bad-keys', { now, seed: 3, badKeyLimit: LIMIT }))('bad keys on %s', (_kind, open) => {
  async function server(): Promise<MockServer> {
    const s = await open();
    opened.push(s);
    return s;
  }

  it('an address that sends more unknown keys than the limit gets 429 with Retry-After and a localized problem; valid keys from it still pass; the window ends', async () => {
    const s = await server();
    for (let i = 0; i < LIMIT.max; i++) expect((await list(s, `sk_live_guess${i}`, '203.0.113.7')).status).toBe(401);
    // A valid key between the guesses is neither counted nor refused.
    expect((await list(s, s.keys.secret, '203.0.113.7')).status).toBe(200);
    time.ms += 20_000;
    const refused = await call(s, 'GET', '/v1/customers?limit=1', { key: 'sk_live_guess9', headers: { ...from('203.0.113.7'), 'Accept-Language': 'en' } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('40');
    expect(refused.json).toMatchObject({ status: 429, title: 'Too many invalid keys' });
    expect((await list(s, 'pk_live_guess', '203.0.113.7')).json).toMatchObject({ title: 'Muitas chaves inválidas' });
    // The valid keys of the same address, secret and publishable, are untouched.
    expect((await list(s, s.keys.secret, '203.0.113.7')).status).toBe(200);
    expect((await call(s, 'GET', '/v1/cep/01310100', { key: s.keys.publishable, headers: from('203.0.113.7') })).status).toBe(200);
    // Another address has its own count.
    expect((await list(s, 'sk_live_guess', '198.51.100.1')).status).toBe(401);
    // Once the window is over, a bad key is a plain 401 again.
    time.ms = START + LIMIT.windowMs + 1;
    expect((await list(s, 'sk_live_guess', '203.0.113.7')).status).toBe(401);
  });

  it('the request that trips the limit writes one data-log entry naming the address and the key prefix tried; the refusals after it write none; a new window trips it again', async () => {
    const s = await server();
    const badKeys = async () => (await call(s, 'GET', '/v1/audit?action=api_key.bad_keys')).json.items as Record<string, unknown>[];
    for (let i = 0; i < LIMIT.max; i++) expect((await list(s, `sk_live_guess${i}`, '203.0.113.7')).status).toBe(401);
    expect(await badKeys()).toEqual([]);
    time.ms += 5_000;
    expect((await list(s, 'pk_test_wrongXYZW', '203.0.113.7')).status).toBe(429);
    const [entry, ...more] = await badKeys();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: 'api_key.bad_keys',
      at: new Date(START + 5_000).toISOString(),
      actor: { keyId: 'pk_test_…' },
      address: '203.0.113.7',
      count: LIMIT.max + 1,
      until: new Date(START + LIMIT.windowMs).toISOString(),
    });
    // Only the prefix of the key tried: none of the rest of it is kept.
    expect(JSON.stringify(entry)).not.toContain('wrongXYZW');
    // Fifty more refusals in the window: still one entry, and still 429.
    for (let i = 0; i < 50; i++) expect((await list(s, `sk_live_more${i}`, '203.0.113.7')).status).toBe(429);
    expect(await badKeys()).toHaveLength(1);
    // Another address trips its own limit: its own entry; a key without a prefix is named by its first three characters.
    for (let i = 0; i <= LIMIT.max; i++) await list(s, `zz9plural${i}`, '198.51.100.4');
    const [other] = await badKeys();
    expect(other).toMatchObject({ actor: { keyId: 'zz9…' }, address: '198.51.100.4', count: LIMIT.max + 1 });
    // The next window: the same address trips it again, and is written again.
    time.ms = START + LIMIT.windowMs + 1;
    for (let i = 0; i <= LIMIT.max; i++) await list(s, `sk_live_again${i}`, '203.0.113.7');
    const entries = await badKeys();
    expect(entries.map((e) => [e['address'], (e['actor'] as { keyId: string }).keyId])).toEqual([
      ['203.0.113.7', 'sk_live_…'],
      ['198.51.100.4', 'zz9…'],
      ['203.0.113.7', 'pk_test_…'],
    ]);
  });

  it('a revoked managed key counts as a bad key', async () => {
    const s = await server();
    const made = (await call(s, 'POST', '/v1/api-keys', { body: { name: 'PDV', kind: 'secret' } })).json as { id: string; key: string };
    expect((await list(s, made.key, '203.0.113.9')).status).toBe(200);
    expect((await call(s, 'DELETE', `/v1/api-keys/${made.id}`)).status).toBeLessThan(300);
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT.max; i++) statuses.push((await list(s, made.key, '203.0.113.9')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('bad keys across processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clientela-bad-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('two servers on one SQLite file share the count', async () => {
    const db = join(dir, 'shared.sqlite');
    const a = app({ db, now, badKeyLimit: LIMIT });
    opened.push(a);
    await a.ready;
    const b = app({ db, now, badKeyLimit: LIMIT, seed: 0 });
    opened.push(b);
    // Both started, as two processes would be: in one process, b's start (which awaits inside its
    // write transaction) and a's synchronous write would wait on each other until SQLITE_BUSY.
    await b.ready;
    for (let i = 0; i < 2; i++) expect((await list(a, 'sk_live_nope', '203.0.113.5')).status).toBe(401);
    expect((await list(b, 'sk_live_nope', '203.0.113.5')).status).toBe(401);
    expect((await list(a, 'sk_live_nope', '203.0.113.5')).status).toBe(429);
    expect((await list(b, 'sk_live_nope', '203.0.113.5')).status).toBe(429);
    // Tripped once across the two processes: one entry in the shared data log.
    expect((await call(b, 'GET', '/v1/audit?action=api_key.bad_keys')).json.items).toHaveLength(1);
  });
});
