import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type MockServer } from '../src/index.js';
import { app, call, PERSON } from './helpers.js';

// One test per finding of the outside audit (see SECURITY.md), each on both stores where the
// store matters. Each failed before its fix.

const dir = mkdtempSync(join(tmpdir(), 'clientela-security-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const stores: [string, (now?: () => Date, seed?: number) => MockServer][] = [
  ['memory', (now, seed) => app({ ...(now ? { now } : {}), seed })],
  ['sqlite', (now, seed) => app({ ...(now ? { now } : {}), seed, db: join(dir, `security-${files++}.db`) })],
];

const IMPORT_COLUMNS = ['kind', 'document', 'firstName', 'lastName', 'email', 'phone', 'postalCode', 'street', 'number', 'city', 'state'] as const;

async function exportCsv(s: MockServer, body: unknown): Promise<string> {
  const res = await s.fetch(
    new Request('http://mock.test/v1/exports', { method: 'POST', headers: { Authorization: `Bearer ${s.keys.secret}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  );
  expect(res.status).toBe(200);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
}

describe.each(stores)('audit findings on the %s store', (_kind, make) => {
  it('2. an export is audited when it starts, and an interrupted one says after how many rows it stopped', async () => {
    const s = make(undefined, 2500);
    const total = (await call(s, 'GET', '/v1/customers?limit=1')).json.total as number;
    const res = await s.fetch(
      new Request('http://mock.test/v1/exports', {
        method: 'POST',
        headers: { Authorization: `Bearer ${s.keys.secret}`, 'Content-Type': 'application/json', 'X-Actor': 'Curiosa' },
        body: JSON.stringify({ format: 'csv', columns: ['id', 'name', 'document'] }),
      }),
    );
    const reader = res.body!.getReader();
    await reader.read(); // the header and the first 500 rows leave; then the client hangs up
    const started = (await call(s, 'GET', '/v1/audit?action=export')).json.items;
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ count: total, columns: ['id', 'name', 'document'], actor: { name: 'Curiosa' }, format: 'csv', detail: 'started' });
    await reader.cancel();
    const items = (await call(s, 'GET', '/v1/audit?action=export')).json.items;
    expect(items).toHaveLength(2);
    // The rows produced before the hang-up (the stream reads one batch of 500 ahead).
    const sent = items[0].count as number;
    expect(sent).toBeGreaterThanOrEqual(500);
    expect(sent).toBeLessThan(total);
    expect(items[0]).toMatchObject({ target: started[0].target, detail: `aborted after ${sent} of ${total} rows` });
    expect(items[0].sha256).toBeUndefined();
    // A completed export ends with its row count and SHA-256.
    await exportCsv(s, { format: 'csv', columns: ['id'] });
    const done = (await call(s, 'GET', '/v1/audit?action=export&limit=1')).json.items[0];
    expect(done).toMatchObject({ count: total, format: 'csv', detail: 'completed' });
    expect(done.sha256).toMatch(/^[0-9a-f]{64}$/);
    s.close();
  });

  it('3. a 412 that carries the full document is audited as a reveal', async () => {
    const s = make();
    const cu = (await call(s, 'POST', '/v1/customers', { body: PERSON })).json;
    const stale = await call(s, 'PATCH', `/v1/customers/${cu.id}`, { body: { notes: 'x' }, headers: { 'If-Match': '"99"', 'X-Actor': 'Bisbilhoteira' } });
    expect(stale.status).toBe(412);
    expect(stale.json.current.document).toBe('52998224725');
    const del = await call(s, 'DELETE', `/v1/customers/${cu.id}`, { headers: { 'If-Match': '"7"' } });
    expect(del.status).toBe(412);
    const reveals = (await call(s, 'GET', '/v1/audit?action=customer.reveal')).json.items;
    expect(reveals).toHaveLength(2);
    expect(reveals[1]).toMatchObject({ target: cu.id, actor: { name: 'Bisbilhoteira' }, detail: 'precondition failed' });
    s.close();
  });

  it('3b. the answers of PATCH, DELETE and a registration decision carry the document masked; only a reveal carries it whole', async () => {
    const s = make();
    const cu = (await call(s, 'POST', '/v1/customers', { body: PERSON })).json;
    const patched = await call(s, 'PATCH', `/v1/customers/${cu.id}`, { body: { notes: 'x' }, headers: { 'If-Match': `"${cu.version}"` } });
    expect(patched.status).toBe(200);
    expect(patched.json.document).toBe('***.982.247-**');
    // A patch that sets the document answers with it: the caller sent it.
    const moved = await call(s, 'PATCH', `/v1/customers/${cu.id}`, { body: { document: '111.444.777-35' }, headers: { 'If-Match': `"${patched.json.version}"` } });
    expect(moved.json.document).toBe('11144477735');
    const deleted = await call(s, 'DELETE', `/v1/customers/${cu.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json.document).toBe('***.444.777-**');
    expect((await call(s, 'DELETE', `/v1/customers/${cu.id}`)).json.document).toBe('***.444.777-**');
    expect((await call(s, 'GET', '/v1/audit?action=customer.reveal')).json.items).toHaveLength(0);
    s.close();
  });

  it('5. a name holding ; and a formula is quoted in the CSV and an export re-imports unchanged', async () => {
    const s = make();
    const cu = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, firstName: 'a;=1+1;b', lastName: '-Silva, "Jr"', address: { ...PERSON.address, city: '@Cidade; =2+2' } } })).json;
    const csv = await exportCsv(s, { format: 'csv', ids: [cu.id], columns: IMPORT_COLUMNS });
    const row = csv.split('\r\n')[1]!;
    expect(row).toContain(`"a;'=1+1;b"`);
    expect(row).toContain(`"'-Silva, ""Jr"""`);
    // Read with ; as Excel in pt-BR does (quotes only at a field's start): no cell starts a formula.
    for (const cell of row.match(/("([^"]|"")*"|[^;]*)(;|$)/g) ?? []) expect(cell).not.toMatch(/^[=+\-@]/);
    const back = await call(s, 'POST', '/v1/imports?dryRun=false', { raw: csv, headers: { 'Content-Type': 'text/csv' } });
    expect(back.status).toBe(200);
    expect(back.json, JSON.stringify(back.json.errors)).toMatchObject({ totalRows: 1, unchanged: 1, rejected: 0 });
    s.close();
  });

  it('6. a malformed multipart upload is a 400 problem; a broken XLSX echoes no library message', async () => {
    const s = make();
    for (const raw of ['', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nkind,doc']) {
      const r = await call(s, 'POST', '/v1/imports', { raw, headers: { 'Content-Type': 'multipart/form-data; boundary=x' } });
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ status: 400, title: 'Requisição malformada' });
    }
    const xlsx = await call(s, 'POST', '/v1/imports', { raw: 'PK\u0003\u0004 not a zip', headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    expect(xlsx.status).toBe(422);
    expect(xlsx.json.errors).toEqual([expect.objectContaining({ path: 'file', code: 'invalid_format' })]);
    expect(xlsx.json.detail).toBe('Corrija os campos indicados e tente de novo.');
    s.close();
  });

  it('8. a retried PATCH replays its own answer; an import retry replays its report; 4xx are not stored; keys expire after 24 h', async () => {
    let now = new Date('2026-11-22T12:00:00.000Z');
    const s = make(() => now);
    const cu = (await call(s, 'POST', '/v1/customers', { body: PERSON })).json;
    const patch = { body: { notes: 'uma vez' }, headers: { 'If-Match': '"1"', 'Idempotency-Key': 'p-1' } };
    const first = await call(s, 'PATCH', `/v1/customers/${cu.id}`, patch);
    const retry = await call(s, 'PATCH', `/v1/customers/${cu.id}`, patch);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    expect(retry.headers.get('ETag')).toBe('"2"');
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect((await call(s, 'GET', '/v1/audit?action=customer.update')).json.items).toHaveLength(1);

    const file = `kind,document,firstName,lastName,email\r\nperson,111.444.777-35,Ana,Souza,ana.souza@example.com\r\n`;
    const imp = { raw: file, headers: { 'Content-Type': 'text/csv', 'Idempotency-Key': 'imp-1' } };
    const a = await call(s, 'POST', '/v1/imports?dryRun=false', imp);
    const b = await call(s, 'POST', '/v1/imports?dryRun=false', imp);
    expect(a.json).toMatchObject({ created: 1, unchanged: 0 });
    expect(b.json).toEqual(a.json);
    // The same key on a dry run of the same file is another request.
    expect((await call(s, 'POST', '/v1/imports?dryRun=true', imp)).status).toBe(422);

    // A 409 refused before any work: the key stays free, so a corrected body with it is created.
    const dup = await call(s, 'POST', '/v1/customers', { body: PERSON, headers: { 'Idempotency-Key': 'c-1' } });
    expect(dup.status).toBe(409);
    const fixed = await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: '390.533.447-05', email: 'outro@example.com' }, headers: { 'Idempotency-Key': 'c-1' } });
    expect(fixed.status).toBe(201);
    // After 24 h the key is forgotten (and purged): the same request runs again.
    now = new Date(now.getTime() + 24 * 3_600_000 + 1000);
    const later = await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: '390.533.447-05', email: 'outro@example.com' }, headers: { 'Idempotency-Key': 'c-1' } });
    expect(later.status).toBe(409);
    // Expired records read as absent, and the purge removes them.
    const key = `idem:sk_test_…tela:customers.create:c-1`;
    expect(await s.store.getMeta(key, now.toISOString())).toBeUndefined();
    expect(await s.store.purgeExpiredMeta(now.toISOString())).toBeGreaterThan(0);
    expect(await s.store.getMeta(key)).toBeUndefined();
    s.close();
  });

  it('10. control characters, bidi overrides and lone surrogates are a localized 422; a non-JSON body is a 415', async () => {
    const s = make();
    const bad = await call(s, 'POST', '/v1/customers', { body: { ...PERSON, firstName: 'Jo\u0000ão', lastName: 'Silva\u202Eexe.txt' }, headers: { 'Accept-Language': 'es' } });
    expect(bad.status).toBe(422);
    expect(bad.json.errors).toEqual([
      { path: 'firstName', code: 'invalid_characters', message: 'Contiene caracteres no permitidos (de control o de dirección del texto).' },
      { path: 'lastName', code: 'invalid_characters', message: 'Contiene caracteres no permitidos (de control o de dirección del texto).' },
    ]);
    const lone = await s.fetch(
      new Request('http://mock.test/v1/categories', { method: 'POST', headers: { Authorization: `Bearer ${s.keys.secret}`, 'Content-Type': 'application/json' }, body: '{"name":"VIP \\ud800"}' }),
    );
    expect(lone.status).toBe(422);
    const plain = await call(s, 'POST', '/v1/customers', { raw: JSON.stringify(PERSON), headers: { 'Content-Type': 'text/plain' } });
    expect(plain.status).toBe(415);
    expect(plain.json).toMatchObject({ status: 415, type: expect.stringMatching(/json-required$/) });
    expect((await call(s, 'POST', '/v1/customers', { raw: JSON.stringify(PERSON) })).status).toBe(415);
    expect((await call(s, 'POST', '/v1/customers', { raw: JSON.stringify(PERSON), headers: { 'Content-Type': 'application/json; charset=utf-8' } })).status).toBe(201);
    s.close();
  });
});

describe('9. 413 over HTTP', () => {
  it('answers Connection: close, so a keep-alive client does not reuse a socket the server abandoned', async () => {
    const { url, close } = await startServer({ port: 0, bodyLimit: 1000 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (body: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const req = httpRequest(`${url}/v1/customers`, { method: 'POST', agent, headers: { Authorization: 'Bearer sk_test_clientela', 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }));
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      const big = await send(JSON.stringify({ ...PERSON, notes: 'x'.repeat(200_000) }));
      expect(big).toEqual({ status: 413, connection: 'close' });
      for (let i = 0; i < 3; i++) expect((await send('{}')).status).toBe(422);
    } finally {
      agent.destroy();
      await close();
    }
  });
});
