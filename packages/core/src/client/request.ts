import ky, { type Hooks } from 'ky';
import { apiErrorFor, NetworkError, ResponseValidationError, TimeoutError } from '../errors/errors.js';
import { clientMessage } from '../errors/messages.js';
import { loadLocale } from '../i18n/load.js';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import type { Problem } from '../schemas/problem.js';
import type { ParseResult } from '../schemas/rules.js';
import type { ResponseKind, ResponseOf } from './responses.js';

/** How `createClient` is configured. */
export interface ClientOptions {
  /** The server's root, e.g. `http://localhost:4010`; the client adds `/v1`. */
  baseUrl: string;
  /** `sk_…` (secret: every route) or `pk_…` (publishable: the public routes only). */
  apiKey: string;
  /**
   * The `fetch` to use, called as `fetch(request)`; defaults to the global one. Tests pass an
   * in-process server's `fetch` here.
   */
  fetch?: (request: Request) => Promise<Response>;
  /** Milliseconds per attempt before a `TimeoutError`; `false` for none. Default 10 000. */
  timeout?: number | false;
  /**
   * Retries after the first attempt of a retryable call (default 2), or `{ limit, backoffLimit }`
   * (`backoffLimit`: the longest wait between attempts, in ms). `0` disables retries.
   */
  retry?: number | { limit?: number; backoffLimit?: number };
  /** `pt-BR` (default), `en` or `es` (any BCP 47 tag is resolved); sent as `Accept-Language`. */
  locale?: string;
  /** Who acts, for the audit log (`X-Actor`), e.g. the signed-in operator's name. */
  actor?: string;
  /** ky hooks, e.g. for logging. */
  hooks?: Hooks;
}

/** Options every call accepts. */
export interface CallOptions {
  /** Aborts the call; the promise rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal | undefined;
  /** Milliseconds per attempt for this call, overriding the client's default. */
  timeout?: number | false | undefined;
}

/** Options of calls that create something: the same key makes the server do it only once. */
export interface IdempotentCallOptions extends CallOptions {
  /** Sent as `Idempotency-Key`. A call that is retried on its own generates one when omitted. */
  idempotencyKey?: string | undefined;
}

/** A record's version: the number, the ETag (`"3"`), or the record itself. */
export type Version = number | string | { version: number };

/** Options of writes guarded by optimistic concurrency. */
export interface WriteCallOptions extends CallOptions {
  /** Sent as `If-Match`; taken from the record when the call is given one. */
  ifMatch?: Version | undefined;
  /**
   * Sent as `Idempotency-Key` on a PATCH; generated when omitted, so a retry whose first attempt
   * landed (its answer lost) gets that attempt's answer instead of a 412 against its own write.
   */
  idempotencyKey?: string | undefined;
}

/** One call, as a resource method describes it; the caller's options are spread over it. */
export interface RequestSpec extends IdempotentCallOptions, WriteCallOptions {
  method?: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  query?: object | undefined;
  json?: unknown;
  body?: BodyInit;
  /** `Content-Type` of `body`. */
  type?: string;
  /** Generate an `Idempotency-Key` when the caller gives none. */
  idem?: boolean;
  /** A record whose version is the `If-Match` when the caller gives none. */
  target?: unknown;
  /** What a 412's `current` record is (checked like an answer of that kind). */
  current?: ResponseKind;
  /** A signed-in shopper's session token, sent as `Clientela-Session` (routes under `/public/me`). */
  session?: string;
}

/** `If-Match` value for a version, an ETag or a record. */
export function etag(version: unknown): string | undefined {
  const v = (version as { version?: number } | undefined)?.version ?? version;
  return typeof v === 'number' ? `"${v}"` : typeof v === 'string' ? (v[0] === '"' ? v : `"${v}"`) : undefined;
}

/** `Retry-After` in seconds (a delta or an HTTP date), or `undefined`. */
function retryAfterOf(response: Response | undefined): number | undefined {
  const header = response?.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isNaN(seconds) ? Math.max(0, Math.ceil((Date.parse(header) - Date.now()) / 1000)) || undefined : seconds;
}

/**
 * Checks an answer of `kind` against its schema (`checkResponse` in `responses.ts`). A transport
 * without one trusts the server's contract and bundles no schema: see `composeClient`.
 */
export type ResponseCheck = (kind: ResponseKind, body: unknown, locale: Locale) => ParseResult<unknown>;

const isText = (v: unknown): v is string => typeof v === 'string';

/**
 * `body` as a problem (RFC 9457) when it has the members `ProblemSchema` requires, else
 * `undefined`. Checked by hand rather than with the schema so that a client that checks no
 * answers bundles no zod; `problem.test.ts` holds the two to the same verdicts.
 */
export function problemOf(body: unknown): Problem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const p = body as Record<string, unknown>;
  if (!isText(p['type']) || !isText(p['title']) || !Number.isSafeInteger(p['status'])) return undefined;
  if ((p['detail'] !== undefined && !isText(p['detail'])) || (p['instance'] !== undefined && !isText(p['instance']))) return undefined;
  const errors = p['errors'];
  if (errors !== undefined) {
    if (!Array.isArray(errors)) return undefined;
    for (const e of errors as unknown[]) {
      const f = e as Record<string, unknown> | null;
      if (typeof f !== 'object' || f === null || !isText(f['path']) || !isText(f['code']) || !isText(f['message'])) return undefined;
    }
  }
  return p as Problem;
}

/**
 * The client's one transport: builds the ky call (auth, locale, actor, idempotency, `If-Match`,
 * retry policy), turns failures into the typed errors, and checks answers with `check` when it
 * is given one (`createClient` does).
 */
export function createTransport(options: ClientOptions, check?: ResponseCheck) {
  const locale: Locale = resolveLocale(options.locale);
  const { limit = 2, backoffLimit } = typeof options.retry === 'object' ? options.retry : { limit: options.retry };
  const userFetch = options.fetch;
  const headers: Record<string, string> = { authorization: `Bearer ${options.apiKey}`, 'accept-language': locale };
  if (options.actor) headers['x-actor'] = options.actor;

  const api = ky.create({
    prefixUrl: `${options.baseUrl.replace(/\/+$/, '')}/v1`,
    headers,
    timeout: options.timeout ?? 10_000,
    hooks: options.hooks ?? {},
    retry: {
      // Which calls may retry is decided per call (see `send`), so every method is listed here.
      methods: ['get', 'put', 'delete', 'post', 'patch'],
      statusCodes: [408, 429, 502, 503, 504],
      afterStatusCodes: [429, 503],
      backoffLimit: backoffLimit ?? Infinity,
      // A UI should not hang silently: past 10 s of Retry-After the caller gets the error, with
      // `retryAfter`, and can say "try again in N s".
      shouldRetry: ({ error }) => ((retryAfterOf((error as { response?: Response }).response) ?? 0) > 10 ? false : undefined),
    },
    // ky passes a second `init` argument that an in-process server would take for its `env`, so
    // only the Request is forwarded. Racing the signal makes abort work even with a fetch that
    // ignores it (an in-process app does).
    fetch: (input) =>
      new Promise<Response>((resolve, reject) => {
        const { signal } = input as Request;
        const abort = () => reject(signal.reason);
        if (signal.aborted) return abort();
        signal.addEventListener('abort', abort);
        (userFetch ? userFetch(input as Request) : globalThis.fetch(input))
          .then(resolve, reject)
          .finally(() => signal.removeEventListener('abort', abort));
      }),
  });

  /** Sends the call; resolves with a 2xx response or rejects with a typed error. */
  async function send(spec: RequestSpec): Promise<Response> {
    const { method = 'get', signal, timeout } = spec;
    const extra: Record<string, string> = {};
    const ifMatch = etag(spec.ifMatch ?? spec.target);
    // A PATCH carries a key too: If-Match alone keeps a retry from applying twice, but a retry of
    // an attempt that landed would then answer 412 against the caller's own write; with the key
    // the server replays that attempt's answer.
    const keyed = spec.idem || (method === 'patch' && ifMatch !== undefined && limit > 0);
    const key = spec.idempotencyKey ?? (keyed ? globalThis.crypto.randomUUID() : undefined);
    if (ifMatch) extra['if-match'] = ifMatch;
    if (key) extra['idempotency-key'] = key;
    if (spec.type) extra['content-type'] = spec.type;
    if (spec.session) extra['clientela-session'] = spec.session;
    // GET, PUT and DELETE are idempotent; a POST is with an Idempotency-Key; a PATCH with If-Match
    // can never apply twice.
    const retryable = method === 'post' ? key : method === 'patch' ? ifMatch : true;
    const query: Record<string, string> = {};
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined && value !== '') query[name] = String(value); // arrays join with commas
    }
    try {
      return await api(spec.path, {
        method,
        headers: extra,
        searchParams: query,
        json: spec.json,
        body: spec.body,
        ...(signal && { signal }),
        ...(timeout !== undefined && { timeout }),
        retry: { limit: retryable ? limit : 0 },
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'HTTPError') {
        const response = (error as { response: Response }).response;
        const status = response.status;
        let body: unknown;
        try {
          body = JSON.parse(await response.text());
        } catch {
          // not JSON: a proxy's HTML page, an empty body
        }
        const problem = problemOf(body) ?? { type: 'about:blank', title: clientMessage('http', locale, status), status };
        const current = status === 412 && spec.current ? checked(spec.current, problem['current']) : undefined;
        throw apiErrorFor(problem, retryAfterOf(response), current);
      }
      if (signal?.aborted) throw signal.reason;
      if (name === 'TimeoutError') throw new TimeoutError(clientMessage('timeout', locale), { cause: error });
      if (error instanceof TypeError) throw new NetworkError(clientMessage('network', locale), { cause: error });
      throw error;
    }
  }

  /** A 412's `current` record when it is one of `kind` (as is, without a check). */
  function checked(kind: ResponseKind, value: unknown): unknown {
    if (!check) return typeof value === 'object' && value !== null ? value : undefined;
    const result = check(kind, value, locale);
    return result.success ? result.data : undefined;
  }

  /**
   * Sends the call and reads the JSON body, an answer of `kind`; with a `check`, a body that
   * does not match gives a `ResponseValidationError` naming the paths.
   */
  async function request<K extends ResponseKind>(kind: K, spec: RequestSpec): Promise<ResponseOf<K>> {
    const text = await (await send(spec)).text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // leave undefined: the schema reports it
    }
    if (!check) return body as ResponseOf<K>;
    let result = check(kind, body, locale);
    if (result.success) return result.data as ResponseOf<K>;
    // The issues name their problem in the client's language: load it (once) and say them again.
    if (locale !== 'pt-BR') {
      await loadLocale(locale).catch(() => undefined);
      result = check(kind, body, locale);
      if (result.success) return result.data as ResponseOf<K>;
    }
    const detail = result.issues.slice(0, 3).map((i) => `${i.path || '(body)'}: ${i.message}`);
    throw new ResponseValidationError(
      `${clientMessage('response', locale)} (${(spec.method ?? 'get').toUpperCase()} /v1/${spec.path}): ${detail.join('; ')}`,
      result.issues,
    );
  }

  return { send, request, locale };
}

export type Transport = ReturnType<typeof createTransport>;
