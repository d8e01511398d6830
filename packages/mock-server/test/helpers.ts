import { createApp, type MockServer, type MockServerOptions } from '../src/index.js';

export interface CallOptions {
  body?: unknown;
  raw?: BodyInit;
  key?: string | null;
  headers?: Record<string, string>;
}

export interface Called {
  status: number;
  headers: Headers;
  json: any;
  text: string;
}

/** Calls the app in process with the secret key unless told otherwise. */
export async function call(server: MockServer, method: string, path: string, opts: CallOptions = {}): Promise<Called> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  const key = opts.key === undefined ? server.keys.secret : opts.key;
  if (key) headers.Authorization = `Bearer ${key}`;
  let body: BodyInit | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await server.fetch(new Request(`http://mock.test${path}`, { method, headers, body }));
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export function app(options: MockServerOptions = {}): MockServer {
  return createApp({ now: () => new Date('2026-11-22T12:00:00.000Z'), ...options });
}

export const PERSON = {
  kind: 'person',
  document: '529.982.247-25',
  firstName: 'João',
  lastName: 'da Conceição',
  email: 'joao.conceicao@example.com.br',
  phone: '(11) 98765-4321',
  address: { postalCode: '01310-100', street: 'Avenida Paulista', number: '1000', city: 'São Paulo', state: 'SP' },
};

export const COMPANY = {
  kind: 'company',
  document: '12.ABC.345/01DE-35',
  legalName: 'Empório Gonçalves Ltda',
  email: 'contato@emporio.com.br',
};
