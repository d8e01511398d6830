import ky, { type Hooks } from 'ky';
import * as z from 'zod/mini';
import { clientMessage } from '../errors/messages.js';
import { apiErrorFor, NetworkError, ResponseValidationError, TimeoutError } from '../errors/errors.js';
import { resolveLocale, type Locale } from '../i18n/locale.js';
import { ProblemSchema, type Problem } from '../schemas/problem.js';
import { parseWith } from '../schemas/rules.js';

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
  /** Milliseconds per attempt before a {@link TimeoutError}; `false` for none. Default 10 000. */
  timeout?: number | false;
  /**
   * Attempts after the first for retryable calls (default 2), or `{ limit, backoffLimit }`
   * (`backoffLimit`: the longest wait between attempts, in ms). `0` disables retries.
   */
  retry?: number | { limit?: number; backoffLimit?: number };
  /** `pt-BR` (default), `en` or `es`, or any BCP 47 tag; sent as `Accept-Language`. */
  locale?: string;
  /** Who acts, for the audit log (`X-Actor`), e.g. the signed-in operator's name. */
  actor?: string;
  /** ky hooks, for logging or extra headers. */
  hooks?: Hooks;
}

/** Options every call accepts. */
export interface CallOptions {
  /** Aborts the call; the promise rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  /** Milliseconds per attempt for this call, overriding the client's default. */
  timeout?: number | false;
}

/** Options of calls that create something: the same key makes the server do it only once. */
export interface IdempotentCallOptions extends CallOptions {
  /** Sent as `Idempotency-Key`; a random UUID is generated when omitted. */
  idempotencyKey?: string;
}

/** A record's version: the number, the ETag (`"3"`), or the record itself. */
export type Version = number | string | { version: number };

/** Options of writes guarded by optimistic concurrency. */
export interface WriteCallOptions extends CallOptions {
  /** Sent as `If-Match`; taken from the record when the call is given one. */
  ifMatch?: Version;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

/** One call, as the resources describe it. */
export interface RequestSpec extends CallOptions {
  method?: Method;
  path: string;
  query?: Query | undefined;
  json?: unknown;
  body?: BodyInit;
  contentType?: string | undefined;
  idempotencyKey?: string | undefined;
  ifMatch?: Version | undefined;
  /** Schema of a 412's `current`. */
  current?: z.ZodMiniType;
}

const RETRY_STATUS = [408, 429, 502, 503, 504];

/** `If-Match` value for a version, record or ETag. */
export function etag(version: Version | undefined): string | undefined {
  if (version === undefined) return undefined;
  const v = typeof version === 'object' ? version.version : version;
  return typeof v === 'string' && v.startsWith('"') ? v : `"${v}"`;
}

/** `Retry-After` in seconds (delta or HTTP date), or `undefined`. */
function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (!Number.isNaN(seconds)) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** Serializes a query: arrays become comma lists, empty values are dropped. */
function searchParams(query: Query = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    out[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return out;
}

/**
 * The client's one transport: builds the ky call (auth, locale, actor, idempotency, `If-Match`,
 * retry policy), turns failures into the typed errors, and parses bodies with core's schemas.
 */
export function createTransport(options: ClientOptions) {
  const locale: Locale = resolveLocale(options.locale);
  const retry = typeof options.retry === 'object' ? options.retry : { limit: options.retry ?? 2 };
  const userFetch = options.fetch;
  const headers: Record<string, string> = { authorization: `Bearer ${options.apiKey}`, 'accept-language': locale };
  if (options.actor) headers['x-actor'] = options.actor;

  const api = ky.create({
    prefixUrl: `${options.baseUrl.replace(/\/+$/, '')}/v1`,
    headers,
    timeout: options.timeout ?? 10_000,
    ...(options.hooks && { hooks: options.hooks }),
    // ky passes a second `init` argument that an in-process server would take for its `env`, so
    // only the Request is forwarded. Racing the signal makes abort work even with a fetch that
    // ignores it (an in-process app does).
    fetch: (input) =>
      new Promise<Response>((resolve, reject) => {
        const request = input as Request;
        const { signal } = request;
        const abort = () => reject(signal.reason);
        if (signal.aborted) return abort();
        signal.addEventListener('abort', abort, { once: true });
        (userFetch ? userFetch(request) : globalThis.fetch(request))
          .then(resolve, reject)
          .finally(() => signal.removeEventListener('abort', abort));
      }),
  });

  /** Sends the call; resolves with a 2xx response or rejects with a typed error. */
  async function send(spec: RequestSpec): Promise<Response> {
    const method = spec.method ?? 'get';
    const extra: Record<string, string> = {};
    const ifMatch = etag(spec.ifMatch);
    if (ifMatch) extra['if-match'] = ifMatch;
    if (spec.idempotencyKey) extra['idempotency-key'] = spec.idempotencyKey;
    if (spec.contentType) extra['content-type'] = spec.contentType;
    // GET, PUT and DELETE are idempotent. A POST is only with an Idempotency-Key. A PATCH with
    // If-Match can never apply twice: if a lost first attempt did land, the retry gets a 412.
    const retryable = method === 'post' ? !!spec.idempotencyKey : method === 'patch' ? !!ifMatch : true;
    try {
      return await api(spec.path.replace(/^\//, ''), {
        method,
        headers: extra,
        searchParams: searchParams(spec.query),
        ...(spec.json !== undefined && { json: spec.json }),
        ...(spec.body !== undefined && { body: spec.body }),
        ...(spec.signal && { signal: spec.signal }),
        ...(spec.timeout !== undefined && { timeout: spec.timeout }),
        retry: {
          limit: retryable ? (retry.limit ?? 2) : 0,
          ...(retry.backoffLimit !== undefined && { backoffLimit: retry.backoffLimit }),
          methods: [method],
          statusCodes: RETRY_STATUS,
          afterStatusCodes: [429, 503],
          // Never retry after the caller aborted, and do not sit out a Retry-After longer than
          // a minute: the caller gets the RateLimitError with `retryAfter` and decides.
          shouldRetry: ({ error }) => {
            if (spec.signal?.aborted) return false;
            const response = (error as { response?: Response }).response;
            const after = response && retryAfterOf(response);
            return after !== undefined && after > 60 ? false : undefined;
          },
        },
      });
    } catch (error) {
      throw await toClientError(error, spec);
    }
  }

  async function toClientError(error: unknown, spec: RequestSpec): Promise<unknown> {
    const name = (error as Error | undefined)?.name;
    if (name === 'HTTPError') {
      const response = (error as { response: Response }).response;
      let body: unknown;
      try {
        body = JSON.parse(await response.text());
      } catch {
        // not JSON: a proxy's HTML page, an empty body
      }
      const parsed = z.safeParse(ProblemSchema, body);
      const problem: Problem = parsed.success
        ? parsed.data
        : { type: 'about:blank', title: clientMessage('http', locale, response.status), status: response.status };
      const current =
        problem.status === 412 && spec.current ? z.safeParse(spec.current, problem['current']).data : undefined;
      return apiErrorFor(problem, retryAfterOf(response), current);
    }
    if (spec.signal?.aborted) return spec.signal.reason;
    if (name === 'TimeoutError') return new TimeoutError(clientMessage('timeout', locale), { cause: error });
    if (error instanceof TypeError) return new NetworkError(clientMessage('network', locale), { cause: error });
    return error;
  }

  /**
   * Sends the call and parses the JSON body with `schema`; a body that does not match gives a
   * {@link ResponseValidationError} naming the paths.
   */
  async function request<S extends z.ZodMiniType>(schema: S, spec: RequestSpec): Promise<z.output<S>> {
    const response = await send(spec);
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      body = undefined;
    }
    const result = parseWith(schema, body, locale);
    if (result.success) return result.data;
    const where = `${(spec.method ?? 'get').toUpperCase()} /v1/${spec.path.replace(/^\//, '')}`;
    const detail = result.issues.slice(0, 3).map((i) => `${i.path || '(body)'}: ${i.message}`);
    throw new ResponseValidationError(`${clientMessage('response', locale)} (${where}): ${detail.join('; ')}`, result.issues);
  }

  return { send, request, locale };
}

export type Transport = ReturnType<typeof createTransport>;
