// Helpers shared by the elements' browser tests (never imported by the elements themselves).
import { createClient } from '@clientela/core/client';

/** One request as a fake route sees it. */
export interface FakeRequest {
  method: string;
  /** Path after `/v1`, e.g. `/customers/cus_1`. */
  path: string;
  url: URL;
  request: Request;
  json: () => Promise<any>;
}

export type FakeHandler = (req: FakeRequest) => Response | Promise<Response>;

/** A JSON response. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** An RFC 9457 problem response. */
export const problem = (status: number, extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: `HTTP ${status}`, status, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });

/**
 * A client whose requests are answered in-process by `routes`, keyed `'METHOD /path'` (path after
 * `/v1`, `:param` segments match anything). Unmatched requests get a 404 problem. `calls` records
 * every request (`'METHOD /path?query'`). Retries are off so a test sees each answer once.
 *
 * @example
 * const { client, calls } = fakeClient({ 'POST /public/sessions': () => json(session) });
 */
export function fakeClient(routes: Record<string, FakeHandler>, options: { locale?: string } = {}) {
  const calls: string[] = [];
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const regex = new RegExp(`^${pattern.replace(/:[a-zA-Z]+/g, '[^/]+')}$`);
    return { method, regex, handler };
  });
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/v1/, '');
    calls.push(`${request.method} ${path}${url.search}`);
    const route = table.find((r) => r.method === request.method && r.regex.test(path));
    if (!route) return problem(404);
    return route.handler({ method: request.method, path, url, request, json: () => request.clone().json() });
  };
  const client = createClient({ baseUrl: 'http://fake.test', apiKey: 'sk_test_fake', fetch, retry: 0, locale: options.locale ?? 'pt-BR' });
  return { client, calls };
}

/** A valid CPF (11 digits) derived from `seed`, for records that must not collide between tests. */
export function validCpf(seed: number): string {
  const base = String(Math.abs(Math.trunc(seed)) % 1e9).padStart(9, '0').split('').map(Number);
  if (base.every((d) => d === base[0])) base[8] = (base[8]! + 1) % 10;
  const digit = (ds: number[]) => {
    const sum = ds.reduce((s, d, i) => s + d * (ds.length + 1 - i), 0);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  const d1 = digit(base);
  const d2 = digit([...base, d1]);
  return [...base, d1, d2].join('');
}

/** A unique-enough number for this test run (for names, documents and e-mails). */
export const uniqueSeed = () => Math.floor(Math.random() * 1e9);

/**
 * A valid CNPJ derived from `seed`; `alpha` makes it alphanumeric (letters in the root, as the
 * CNPJs issued since July 2026 may have), returned bare and uppercase.
 */
export function validCnpj(seed: number, alpha = false): string {
  const digits = String(Math.abs(Math.trunc(seed)) % 1e8).padStart(8, '0');
  const root = alpha ? `${digits.slice(0, 2)}${String.fromCharCode(65 + (seed % 26))}${String.fromCharCode(65 + ((seed >> 3) % 26))}${digits.slice(4)}` : digits;
  const base = `${root}0001`;
  const dv = (s: string, weights: number[]) => {
    const sum = [...s].reduce((acc, ch, i) => acc + (ch.charCodeAt(0) - 48) * weights[i]!, 0);
    const r = sum % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const d1 = dv(base, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const d2 = dv(`${base}${d1}`, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${base}${d1}${d2}`;
}

/**
 * Clients for the mock server the browser project's globalSetup started (real HTTP and CORS).
 * Records created through them must carry unique names and documents: every test file shares it.
 */
export async function serverClients() {
  const { inject } = await import('vitest');
  const url = inject('mockServerUrl');
  const keys = inject('mockServerKeys');
  return {
    url,
    secret: createClient({ baseUrl: url, apiKey: keys?.secret || 'sk_test_clientela', actor: 'teste@loja.example' }),
    publishable: createClient({ baseUrl: url, apiKey: keys?.publishable || 'pk_test_clientela' }),
  };
}
