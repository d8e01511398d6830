import { describe, expect, it } from 'vitest';
import {
  isApiError,
  isAuthError,
  isClientelaError,
  isConflictError,
  isNetworkError,
  isNotFoundError,
  isPreconditionFailedError,
  isPreconditionRequiredError,
  isRateLimitError,
  isResponseValidationError,
  isTimeoutError,
  isValidationError,
  type ConflictError,
  type PreconditionFailedError,
  type RateLimitError,
  type ValidationError,
} from '../errors/errors.js';
import { createClient } from './client.js';
import type { ClientOptions } from './request.js';

// Unit tests of the transport against a scripted fetch: exact headers, retry counts and error
// mapping. The resource round trips against the real mock server are in the mock server's
// test/client.test.ts, which is where that dependency is declared.

const customer = {
  id: 'cus_1', kind: 'person', status: 'active', whatsapp: false, document: '52998224725', firstName: 'Ana', lastName: 'Souza',
  categoryIds: [], marketingConsent: { email: false, sms: false, whatsapp: false }, source: 'api', account: { status: 'none' },
  stats: { ordersCount: 0, totalSpentCents: 0, lastPurchaseAt: null, visitsCount: 0, firstVisitAt: null, lastVisitAt: null, averageRating: null },
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 3,
};
/** The same customer as a list returns it: its document masked. */
const listItem = { ...customer, document: '***.982.247-**' };
const newPerson = { kind: 'person', document: '52998224725', firstName: 'Ana', lastName: 'Souza' } as const;

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const problem = (status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  json({ type: `https://clientela.dev/problems/${status}`, title: `Problem ${status}`, status, detail: `Detail ${status}`, ...extra }, status, {
    'content-type': 'application/problem+json',
    ...headers,
  });

/** A client whose fetch answers from `script` (one answer per call, the last one repeating). */
function scripted(script: Array<Response | Error | ((request: Request) => Response | Promise<Response>)>, options: Partial<ClientOptions> = {}) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    const next = script[Math.min(requests.length - 1, script.length - 1)]!;
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(request) : next.clone();
  };
  const client = createClient({ baseUrl: 'http://api.test', apiKey: 'sk_test', fetch, retry: { limit: 2, backoffLimit: 1 }, ...options });
  return { client, requests };
}

const rejection = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e);
const never = () => new Promise<Response>(() => {});

describe('requests', () => {
  it('send the key, the resolved locale, the actor and If-Match, under /v1', async () => {
    const { client, requests } = scripted([json(customer)], { baseUrl: 'http://api.test/', locale: 'en-US', actor: 'Maria' });
    const saved = await client.customers.update(customer as never, { email: 'ana@example.com' });
    expect(saved).toMatchObject({ id: 'cus_1', version: 3 });
    const [request] = requests;
    expect(request?.url).toBe('http://api.test/v1/customers/cus_1');
    expect(request?.method).toBe('PATCH');
    expect(request?.headers.get('authorization')).toBe('Bearer sk_test');
    expect(request?.headers.get('accept-language')).toBe('en');
    expect(request?.headers.get('x-actor')).toBe('Maria');
    expect(request?.headers.get('if-match')).toBe('"3"');
    expect(await request?.json()).toEqual({ email: 'ana@example.com' });
  });

  it('take If-Match from ifMatch (a number, an ETag or a record) over the target', async () => {
    const { client, requests } = scripted([json(customer)]);
    await client.customers.update('cus_1', {}, { ifMatch: 7 });
    await client.customers.update(customer as never, {}, { ifMatch: '"9"' });
    await client.customers.update('cus_1', {}, { ifMatch: { version: 11 } });
    await client.customers.update('cus_1', {});
    expect(requests.map((r) => r.headers.get('if-match'))).toEqual(['"7"', '"9"', '"11"', null]);
  });

  it('serialize queries: arrays as comma lists, empty values dropped, ids escaped', async () => {
    const page = { items: [], nextCursor: null, total: 0 };
    const { client, requests } = scripted([json(page), json({ items: [], nextCursor: null })]);
    await client.customers.list({ q: '', status: ['active', 'blocked'], categoryId: ['c1', 'c2'], sort: '-name', limit: 5 });
    await client.customers.orders('a/b', { limit: 2 });
    const first = new URL(requests[0]!.url);
    expect(Object.fromEntries(first.searchParams)).toEqual({ status: 'active,blocked', categoryId: 'c1,c2', sort: '-name', limit: '5' });
    expect(requests[1]!.url).toBe('http://api.test/v1/customers/a%2Fb/orders?limit=2');
  });
});

describe('responses', () => {
  it('that do not match the schema give a ResponseValidationError naming the path', async () => {
    const { client } = scripted([json({ items: [listItem, { ...listItem, email: 42 }], nextCursor: null, total: 2 })], { locale: 'en' });
    const error = await rejection(client.customers.list());
    expect(isResponseValidationError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Unexpected response from the server \(GET \/v1\/customers\): items\.1\.email: /);
    expect(isApiError(error)).toBe(false);
  });

  it('refuse a list item whose document is not masked: a list never carries full documents', async () => {
    const { client } = scripted([json({ items: [listItem, customer], nextCursor: null, total: 2 })], { locale: 'en' });
    const error = await rejection(client.customers.list());
    expect(isResponseValidationError(error)).toBe(true);
    expect((error as Error).message).toMatch(/items\.1\.document: /);
  });

  it('that are not JSON at all give a ResponseValidationError too', async () => {
    const { client } = scripted([new Response('<html>proxy</html>', { status: 200 })]);
    const error = await rejection(client.settings.retrieve());
    expect(isResponseValidationError(error)).toBe(true);
    expect((error as Error).message).toContain('Resposta inesperada do servidor (GET /v1/settings/registration)');
  });
});

describe('errors', () => {
  it('422 is a ValidationError with field errors by path', async () => {
    const errors = [
      { path: 'address.postalCode', code: 'invalid_cep', message: 'CEP inválido.' },
      { path: 'document', code: 'invalid_cpf', message: 'CPF inválido.' },
      { path: 'document', code: 'required', message: 'Campo obrigatório.' },
    ];
    const { client, requests } = scripted([problem(422, { errors })]);
    const error = await rejection(client.customers.create(newPerson));
    expect(isValidationError(error) && isApiError(error) && isClientelaError(error)).toBe(true);
    expect((error as ValidationError).fieldErrors).toEqual({ 'address.postalCode': ['CEP inválido.'], document: ['CPF inválido.', 'Campo obrigatório.'] });
    expect((error as ValidationError).status).toBe(422);
    expect((error as ValidationError).message).toBe('Detail 422');
    expect(requests).toHaveLength(1);
  });

  it('409 is a ConflictError with existingId', async () => {
    const { client } = scripted([problem(409, { existingId: 'cus_9' })]);
    const error = await rejection(client.customers.create(newPerson));
    expect(isConflictError(error)).toBe(true);
    expect((error as ConflictError).existingId).toBe('cus_9');
  });

  it('412 is a PreconditionFailedError carrying the current record, parsed', async () => {
    const { client } = scripted([problem(412, { current: { ...customer, version: 4, firstName: 'Anna' } })]);
    const error = await rejection(client.customers.update(customer as never, { firstName: 'Ana Maria' }));
    expect(isPreconditionFailedError(error)).toBe(true);
    expect((error as PreconditionFailedError).current).toMatchObject({ id: 'cus_1', version: 4, firstName: 'Anna' });
  });

  it('412 with a current record that is not a category leaves current undefined', async () => {
    const { client } = scripted([problem(412, { current: { id: 'cat_1' } })]);
    const error = await rejection(client.categories.update({ id: 'cat_1', version: 1 }, { name: 'VIP' }));
    expect(isPreconditionFailedError(error)).toBe(true);
    expect((error as PreconditionFailedError).current).toBeUndefined();
  });

  it.each([
    [401, isAuthError],
    [403, isAuthError],
    [404, isNotFoundError],
    [428, isPreconditionRequiredError],
    [400, isValidationError],
  ])('%i maps to its class', async (status, guard) => {
    const { client } = scripted([problem(status)]);
    const error = await rejection(client.customers.retrieve('cus_1'));
    expect(guard(error)).toBe(true);
    expect((error as { status: number }).status).toBe(status);
  });

  it('an error without a problem body still becomes an ApiError, with a localized title', async () => {
    const { client } = scripted([new Response('Bad gateway', { status: 500 })], { locale: 'es' });
    const error = await rejection(client.customers.retrieve('cus_1'));
    expect(isApiError(error)).toBe(true);
    expect((error as Error).message).toBe('Error del servidor (HTTP 500).');
  });

  it('guards compare names, so errors from another realm are recognized', () => {
    const foreign = { name: 'PreconditionFailedError', status: 412 };
    expect(isPreconditionFailedError(foreign)).toBe(true);
    expect(isApiError(foreign)).toBe(true);
    expect(isValidationError(foreign)).toBe(false);
    expect(isApiError(new Error('x'))).toBe(false);
    expect(isClientelaError(null)).toBe(false);
  });
});

describe('retries', () => {
  it('retry a GET on network errors, then give a NetworkError', async () => {
    const { client, requests } = scripted([new TypeError('fetch failed')]);
    const error = await rejection(client.customers.list());
    expect(isNetworkError(error)).toBe(true);
    expect((error as Error).message).toBe('Sem conexão com o servidor.');
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(requests).toHaveLength(3);
  });

  it('retry a GET on 503 and return the answer that follows', async () => {
    const { client, requests } = scripted([problem(503, {}, { 'retry-after': '0' }), problem(502), json(customer)]);
    await expect(client.customers.retrieve('cus_1')).resolves.toMatchObject({ id: 'cus_1' });
    expect(requests).toHaveLength(3);
  });

  it('do not retry 500 or 4xx', async () => {
    for (const status of [500, 404, 422]) {
      const { client, requests } = scripted([problem(status)]);
      await rejection(client.customers.retrieve('cus_1'));
      expect(requests, String(status)).toHaveLength(1);
    }
  });

  it('send the same generated Idempotency-Key on every attempt of a create', async () => {
    const { client, requests } = scripted([new TypeError('reset'), problem(503), json(customer, 201)]);
    await client.customers.create(newPerson);
    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('use the caller’s Idempotency-Key, and a new one per call otherwise', async () => {
    const { client, requests } = scripted([json(customer, 201)]);
    await client.customers.create(newPerson, { idempotencyKey: 'mine' });
    await client.customers.create(newPerson);
    await client.customers.create(newPerson);
    const keys = requests.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).toBe('mine');
    expect(keys[1]).not.toBe(keys[2]);
  });

  it('never retry a POST without an Idempotency-Key', async () => {
    const { client, requests } = scripted([new TypeError('reset'), new Response('a,b\r\n', { headers: { 'content-type': 'text/csv' } })]);
    expect(isNetworkError(await rejection(client.exports.download({ format: 'csv' })))).toBe(true);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.headers.get('idempotency-key')).toBeNull();
  });

  it('retry a POST without a generated key once the caller gives one', async () => {
    const invitation = { token: 't', customerId: 'cus_1', expiresAt: '2026-01-02T00:00:00Z' };
    const { client, requests } = scripted([new TypeError('reset'), json(invitation)]);
    await expect(client.customers.invite('cus_1', { idempotencyKey: 'k1' })).resolves.toEqual(invitation);
    expect(requests).toHaveLength(2);
  });

  it('a PATCH with If-Match carries one Idempotency-Key across its retries', async () => {
    const { client, requests } = scripted([new TypeError('reset'), json(customer)]);
    await client.customers.update(customer as never, { notes: 'x' });
    expect(requests).toHaveLength(2);
    const key = requests[0]!.headers.get('idempotency-key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(requests[1]!.headers.get('idempotency-key')).toBe(key);
    const given = scripted([json(customer)]);
    await given.client.customers.update(customer as never, { notes: 'x' }, { idempotencyKey: 'mine' });
    expect(given.requests[0]!.headers.get('idempotency-key')).toBe('mine');
  });

  it('invitations and imports carry a generated Idempotency-Key, so they are retried', async () => {
    const invitation = { token: 't', customerId: 'cus_1', expiresAt: '2026-01-02T00:00:00Z' };
    const inv = scripted([new TypeError('reset'), json(invitation)]);
    await expect(inv.client.customers.invite('cus_1')).resolves.toEqual(invitation);
    expect(inv.requests).toHaveLength(2);
    expect(inv.requests[1]!.headers.get('idempotency-key')).toBe(inv.requests[0]!.headers.get('idempotency-key'));
    expect(inv.requests[0]!.headers.get('idempotency-key')).toBeTruthy();
  });

  it('retry a PATCH only when it carries If-Match', async () => {
    const without = scripted([problem(503), json(customer)]);
    expect(isApiError(await rejection(without.client.customers.update('cus_1', { notes: 'x' })))).toBe(true);
    expect(without.requests).toHaveLength(1);
    const withVersion = scripted([problem(503), json(customer)]);
    await withVersion.client.customers.update(customer as never, { notes: 'x' });
    expect(withVersion.requests).toHaveLength(2);
  });

  it('give up on a Retry-After longer than 10 s, with retryAfter on the error', async () => {
    const { client, requests } = scripted([problem(429, {}, { 'retry-after': '11' })]);
    const error = await rejection(client.customers.list());
    expect(isRateLimitError(error)).toBe(true);
    expect((error as RateLimitError).retryAfter).toBe(11);
    expect(requests).toHaveLength(1);
  });

  it('are off with retry: 0', async () => {
    const { client, requests } = scripted([new TypeError('reset')], { retry: 0 });
    await rejection(client.customers.list());
    expect(requests).toHaveLength(1);
  });
});

describe('abort and timeout', () => {
  it('an aborted call rejects with the AbortError and is not retried', async () => {
    const { client, requests } = scripted([never]);
    const controller = new AbortController();
    const pending = rejection(client.customers.list({}, { signal: controller.signal }));
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const error = await pending;
    expect((error as Error).name).toBe('AbortError');
    expect(isClientelaError(error)).toBe(false);
    expect(requests).toHaveLength(1);
  });

  it('a signal aborted before the call sends nothing', async () => {
    const { client, requests } = scripted([json(customer)]);
    const error = await rejection(client.customers.retrieve('cus_1', { signal: AbortSignal.abort() }));
    expect((error as Error).name).toBe('AbortError');
    expect(requests).toHaveLength(0);
  });

  it('a call that outlives its timeout gives a localized TimeoutError', async () => {
    const { client } = scripted([never], { locale: 'en' });
    const error = await rejection(client.customers.retrieve('cus_1', { timeout: 20 }));
    expect(isTimeoutError(error)).toBe(true);
    expect((error as Error).message).toBe('The server took too long to respond.');
  });

  it('the client-wide timeout applies when the call sets none', async () => {
    const { client } = scripted([never], { timeout: 20 });
    expect(isTimeoutError(await rejection(client.settings.retrieve()))).toBe(true);
  });
});

describe('iterate', () => {
  it('requests the next page only when the loop asks, and stops when it breaks', async () => {
    const page = (n: number, next: string | null) => json({ items: [{ ...listItem, id: `cus_${n}` }, { ...listItem, id: `cus_${n + 1}` }], nextCursor: next, total: 6 });
    const { client, requests } = scripted([page(1, 'c2'), page(3, 'c3'), page(5, null)]);
    const seen: string[] = [];
    for await (const c of client.customers.iterate({ limit: 2 })) {
      seen.push(c.id);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(['cus_1', 'cus_2', 'cus_3']);
    expect(requests.map((r) => new URL(r.url).searchParams.get('cursor'))).toEqual([null, 'c2']);
  });
});

describe('addresses.lookupCep', () => {
  const address = { postalCode: '01310100', street: 'Avenida Paulista', district: 'Bela Vista', city: 'São Paulo', state: 'SP' };

  it('refuses an invalid CEP before any request', async () => {
    const { client, requests } = scripted([json(address)], { locale: 'en' });
    const error = await rejection(client.addresses.lookupCep('123'));
    expect(isValidationError(error)).toBe(true);
    expect((error as ValidationError).problem.errors).toEqual([{ path: 'cep', code: 'invalid_cep', message: 'Invalid CEP (postal code).' }]);
    expect((error as ValidationError).fieldErrors).toEqual({ cep: ['Invalid CEP (postal code).'] });
    expect(requests).toHaveLength(0);
  });

  it('normalizes the CEP and caches answers, not-found included', async () => {
    const { client, requests } = scripted([json(address), problem(404)]);
    expect(await client.addresses.lookupCep(' 01310-100 ')).toEqual(address);
    expect(await client.addresses.lookupCep('01310100')).toEqual(address);
    expect(isNotFoundError(await rejection(client.addresses.lookupCep('99999-999')))).toBe(true);
    expect(isNotFoundError(await rejection(client.addresses.lookupCep('99999999')))).toBe(true);
    expect(requests.map((r) => r.url)).toEqual(['http://api.test/v1/cep/01310100', 'http://api.test/v1/cep/99999999']);
  });

  it('does not cache a failure that may pass', async () => {
    const { client, requests } = scripted([problem(500), json(address)]);
    await rejection(client.addresses.lookupCep('01310100'));
    expect(await client.addresses.lookupCep('01310100')).toEqual(address);
    expect(requests).toHaveLength(2);
  });
});

describe('files', () => {
  it('exports.download returns the blob and the filename from Content-Disposition', async () => {
    const csv = 'nome;email\r\nAna;ana@example.com\r\n';
    const { client, requests } = scripted([
      new Response(csv, { headers: { 'content-type': 'text/csv', 'content-disposition': `attachment; filename="x.csv"; filename*=UTF-8''clientes%20%C3%A1.csv` } }),
      new Response(csv, { headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="clientes-2026.csv"' } }),
      new Response(csv, { headers: { 'content-type': 'text/csv' } }),
    ]);
    const first = await client.exports.download({ format: 'csv', columns: ['name', 'email'] });
    expect(first.filename).toBe('clientes á.csv');
    expect(await first.blob.text()).toBe(csv);
    expect(await requests[0]!.json()).toEqual({ format: 'csv', columns: ['name', 'email'] });
    expect((await client.exports.download({ format: 'csv' })).filename).toBe('clientes-2026.csv');
    const streamed = await client.exports.stream({ format: 'csv' });
    expect(streamed.filename).toBe('clientes.csv');
    expect(await new Response(streamed.stream).text()).toBe(csv);
  });

  it('imports.upload sends the file with its content type and dryRun', async () => {
    const report = { dryRun: true, totalRows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, errors: [], rows: [] };
    const { client, requests } = scripted([json(report)]);
    await client.imports.upload('documento;nome\r\n', { dryRun: true });
    await client.imports.upload(new Blob([new Uint8Array([80, 75])]), { filename: 'clientes.XLSX' });
    expect(requests.map((r) => [r.url, r.headers.get('content-type')])).toEqual([
      ['http://api.test/v1/imports?dryRun=true', 'text/csv'],
      ['http://api.test/v1/imports?dryRun=false', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    expect(await requests[0]!.text()).toBe('documento;nome\r\n');
  });
});
