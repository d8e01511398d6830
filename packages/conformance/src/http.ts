/** The keys a conformance run holds, and the server it calls. */
export interface Target {
  /** The server's root, e.g. `https://api.example.com` (routes are under `/v1`). */
  baseUrl: string;
  secretKey: string;
  publishableKey: string;
}

/** Which credential a request carries: one of the two keys, none, or a literal header value. */
export type KeyChoice = 'secret' | 'publishable' | 'none' | { bearer: string };

export interface RequestOptions {
  key?: KeyChoice;
  /** Sent as JSON (`Content-Type: application/json`). */
  body?: unknown;
  /** Sent as is (set its `Content-Type` in `headers`). */
  raw?: BodyInit;
  headers?: Record<string, string>;
}

/** A response read whole: status, headers, body as bytes, text and (when it parses) JSON. */
export interface Reply {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  bytes: Uint8Array<ArrayBuffer>;
  text: string;
  // The suite checks shapes itself; `any` keeps the checks readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** Every request the suite makes names itself in `X-Actor`, so a backend's audit log shows it. */
export const ACTOR = 'clientela-conformance';

/** A small fetch wrapper: the suite is an outside client and speaks plain HTTP, no SDK. */
export class Http {
  readonly #target: Target;
  readonly #root: string;

  constructor(target: Target) {
    this.#target = target;
    this.#root = target.baseUrl.replace(/\/+$/, '');
  }

  async call(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { 'X-Actor': ACTOR, ...(options.headers ?? {}) };
    const key = options.key ?? 'secret';
    if (key === 'secret') headers.Authorization = `Bearer ${this.#target.secretKey}`;
    else if (key === 'publishable') headers.Authorization = `Bearer ${this.#target.publishableKey}`;
    else if (key !== 'none') headers.Authorization = `Bearer ${key.bearer}`;
    let body = options.raw;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(`${this.#root}${path}`, { method, headers, body, redirect: 'manual' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { method, path, status: res.status, headers: res.headers, bytes, text, json };
  }

  get(path: string, options?: RequestOptions) {
    return this.call('GET', path, options);
  }
  post(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.call('POST', path, { ...options, ...(body === undefined ? {} : { body }) });
  }
  patch(path: string, body: unknown, options: RequestOptions = {}) {
    return this.call('PATCH', path, { ...options, body });
  }
  put(path: string, body: unknown, options: RequestOptions = {}) {
    return this.call('PUT', path, { ...options, body });
  }
  delete(path: string, options?: RequestOptions) {
    return this.call('DELETE', path, options);
  }
}
