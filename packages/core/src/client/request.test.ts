import { describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import { isNetworkError, isResponseValidationError, isValidationError, type ValidationError } from '../errors/errors.js';

const customer = {
  id: 'cus_1', kind: 'person', status: 'active', whatsapp: false, document: '52998224725', firstName: 'Ana', lastName: 'Souza',
  categoryIds: [], marketingConsent: { email: false, sms: false, whatsapp: false }, source: 'api', account: { status: 'none' },
  stats: { ordersCount: 0, totalSpentCents: 0, lastPurchaseAt: null, visitsCount: 0, firstVisitAt: null, lastVisitAt: null, averageRating: null },
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 3,
};

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function recorder(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    return answer(request);
  };
  return { requests, fetch };
}

describe('the transport, against a fake fetch', () => {
  it('sends the key, locale, actor and If-Match, under /v1', async () => {
    const { requests, fetch } = recorder(() => json(customer));
    const client = createClient({ baseUrl: 'http://api.test/', apiKey: 'sk_test', fetch, locale: 'en-US', actor: 'Maria' });
    const saved = await client.customers.update(customer as never, { email: 'ana@example.com' });
    expect(saved.version).toBe(3);
    const [request] = requests;
    expect(request?.url).toBe('http://api.test/v1/customers/cus_1');
    expect(request?.method).toBe('PATCH');
    expect(request?.headers.get('authorization')).toBe('Bearer sk_test');
    expect(request?.headers.get('accept-language')).toBe('en');
    expect(request?.headers.get('x-actor')).toBe('Maria');
    expect(request?.headers.get('if-match')).toBe('"3"');
    expect(await request?.json()).toEqual({ email: 'ana@example.com' });
  });

  it('names the path of a response that does not match the schema', async () => {
    const { fetch } = recorder(() => json({ ...customer, version: 'x' }));
    const client = createClient({ baseUrl: 'http://api.test', apiKey: 'sk', fetch, locale: 'en' });
    const error = await client.customers.retrieve('cus_1').catch((e: unknown) => e);
    expect(isResponseValidationError(error)).toBe(true);
    expect((error as Error).message).toContain('version');
    expect((error as Error).message).toContain('GET /v1/customers/cus_1');
  });

  it('turns a 422 problem into a ValidationError with field errors', async () => {
    const problem = { type: 'about:blank', title: 'Invalid', status: 422, errors: [{ path: 'address.postalCode', code: 'invalid_cep', message: 'CEP inválido.' }] };
    const { fetch } = recorder(() => json(problem, 422, { 'content-type': 'application/problem+json' }));
    const client = createClient({ baseUrl: 'http://api.test', apiKey: 'sk', fetch });
    const error = await client.customers.create({ kind: 'person', document: '52998224725', firstName: 'A', lastName: 'B' }).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as ValidationError).fieldErrors).toEqual({ 'address.postalCode': ['CEP inválido.'] });
  });

  it('turns a failed fetch into a NetworkError after retrying a GET', async () => {
    const { requests, fetch } = recorder(() => {
      throw new TypeError('fetch failed');
    });
    const client = createClient({ baseUrl: 'http://api.test', apiKey: 'sk', fetch, retry: { limit: 2, backoffLimit: 1 } });
    const error = await client.customers.list().catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
    expect(requests).toHaveLength(3);
  });
});
