import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { Locale } from '@clientela/core/i18n';
import { parseWith, ProblemSchema, type FieldIssue } from '@clientela/core/schemas';
import { invalid, problem } from '../http/problem.js';

/** `application/json`, or a `+json` type such as `application/merge-patch+json`. */
const JSON_TYPE = /^\s*application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/** Who may call a route: `secret` key only, `public` (publishable or secret key), or anyone (`none`). */
export type Access = 'secret' | 'public' | 'none';
export type KeyKind = 'secret' | 'publishable';

export interface AppEnv {
  Variables: {
    locale: Locale;
    keyKind: KeyKind | undefined;
    /** The key's label for the audit log and for personal views (`sk_live_…a1B2`). */
    keyId: string;
    /** A managed key's name and record id (absent for the configured development keys). */
    keyName: string | undefined;
    apiKeyId: string | undefined;
    /** A read-only secret key: every route that writes answers 403 `read_only_key`. */
    keyReadOnly: boolean;
    actorName: string | undefined;
  };
}

type AnySchema = z.ZodMiniType;
type Out<S> = S extends AnySchema ? z.output<S> : undefined;

export interface ResponseSpec {
  description: string;
  /** JSON body schema (`application/json`, or problem+json for 4xx/5xx). */
  schema?: AnySchema;
  /** Non-JSON bodies: content type → description (exports, templates). */
  files?: string[];
  headers?: string[];
}

export interface RouteSpec<P extends AnySchema | undefined = undefined, Q extends AnySchema | undefined = undefined, B extends AnySchema | undefined = undefined> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Full path in Hono syntax, e.g. `/v1/customers/:id`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  /**
   * A POST that changes no data (an export, a preview): a read-only key may call it. Every other
   * route but GET writes, and answers a read-only key 403.
   */
  reads?: boolean;
  request?: {
    params?: P;
    query?: Q;
    body?: B;
    /** A non-JSON body the handler reads itself (imports). */
    raw?: string[];
    /** Request headers the route reads (documented as parameters). */
    headers?: { name: string; required?: boolean; description: string }[];
  };
  responses: Record<number, ResponseSpec>;
  handler: (c: Context<AppEnv>, input: { params: Out<P>; query: Out<Q>; body: Out<B> }) => Response | Promise<Response>;
}

/** A route as recorded for the OpenAPI document. */
export type RecordedRoute = RouteSpec<AnySchema | undefined, AnySchema | undefined, AnySchema | undefined>;

/** Per-route hook run before validation (rate limiting of public routes). */
export type RouteGuard = (c: Context<AppEnv>, route: RecordedRoute) => Response | undefined | Promise<Response | undefined>;

/**
 * Registers routes on a Hono app from one declaration: the access rule, the schemas that validate
 * params, query and body (every failure becomes the same 422 problem+json, malformed JSON a 400),
 * and the responses, all of which feed the OpenAPI document. One source for types, validation and
 * documentation, in the spirit of @hono/zod-openapi, which needs classic zod (ours is zod/mini).
 *
 * @example
 * const router = createRouter(app);
 * router.define({ method: 'get', path: '/v1/cep/:cep', summary: 'Look up a CEP', tag: 'addresses', access: 'public',
 *   request: { params: z.object({ cep: z.string() }) }, responses: { 200: { description: 'Address', schema: CepAddressSchema } },
 *   handler: (c, { params }) => c.json(lookup(params.cep)) });
 */
export function createRouter(app: Hono<AppEnv>, guard?: RouteGuard) {
  const routes: RecordedRoute[] = [];

  function define<P extends AnySchema | undefined = undefined, Q extends AnySchema | undefined = undefined, B extends AnySchema | undefined = undefined>(
    spec: RouteSpec<P, Q, B>,
  ): void {
    const recorded = spec as unknown as RecordedRoute;
    routes.push(recorded);
    app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      if (spec.access !== 'none') {
        const kind = c.get('keyKind');
        if (!kind) return problem(c, 'unauthorized', 401, {}, { 'WWW-Authenticate': 'Bearer' });
        if (spec.access === 'secret' && kind !== 'secret') return problem(c, 'forbidden', 403);
        if (c.get('keyReadOnly') && spec.method !== 'get' && !spec.reads) return problem(c, 'read_only_key', 403);
      }
      const blocked = await guard?.(c, recorded);
      if (blocked) return blocked;
      const locale = c.get('locale');
      const issues: FieldIssue[] = [];
      const input = { params: undefined, query: undefined, body: undefined } as Record<'params' | 'query' | 'body', unknown>;
      const req = spec.request;
      if (req?.params) {
        const r = parseWith(req.params, c.req.param(), locale);
        if (r.success) input.params = r.data;
        else issues.push(...r.issues);
      }
      if (req?.query) {
        const r = parseWith(req.query, c.req.query(), locale);
        if (r.success) input.query = r.data;
        else issues.push(...r.issues);
      }
      if (req?.body) {
        const text = await c.req.text();
        let json: unknown;
        if (text !== '' && !JSON_TYPE.test(c.req.header('Content-Type') ?? '')) return problem(c, 'json_required', 415);
        if (text.trim() !== '') {
          try {
            json = JSON.parse(text);
          } catch {
            return problem(c, 'malformed_json', 400);
          }
        }
        const r = parseWith(req.body, json, locale);
        if (r.success) input.body = r.data;
        else issues.push(...r.issues);
      }
      if (issues.length) return invalid(c, issues);
      return spec.handler(c, input as { params: Out<P>; query: Out<Q>; body: Out<B> });
    });
  }

  return { define, routes };
}

function jsonSchema(schema: AnySchema, io: 'input' | 'output'): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

function parameters(schema: AnySchema | undefined, where: 'path' | 'query'): unknown[] {
  if (!schema) return [];
  const js = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

const STANDARD_ERRORS: Record<number, string> = {
  400: 'Malformed request (invalid JSON)',
  415: 'The body is not JSON (send Content-Type: application/json)',
  401: 'Missing or unknown API key',
  413: 'Body too large',
  422: 'Validation failed: `errors` lists each field with a stable code',
  503: 'Simulated failure (fault injection), with Retry-After',
};

/** Builds the OpenAPI 3.1 document from the recorded routes. */
export function buildOpenApi(routes: readonly RecordedRoute[], serverUrl?: string): Record<string, unknown> {
  const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(r.responses)) {
      const code = Number(status);
      const content: Record<string, unknown> = {};
      if (spec.schema) content[code >= 400 ? 'application/problem+json' : 'application/json'] = { schema: jsonSchema(spec.schema, 'output') };
      for (const type of spec.files ?? []) content[type] = { schema: { type: 'string', format: 'binary' } };
      if (code >= 400 && !spec.schema) Object.assign(content, problemContent);
      responses[status] = {
        description: spec.description,
        ...(Object.keys(content).length ? { content } : {}),
        ...(spec.headers ? { headers: Object.fromEntries(spec.headers.map((h) => [h, { schema: { type: 'string' } }])) } : {}),
      };
    }
    const extra: Record<number, string> = { ...STANDARD_ERRORS };
    if (r.access === 'secret') extra[403] = 'A publishable key on a secret route';
    if (r.access !== 'none' && r.method !== 'get' && !r.reads) extra[403] = r.access === 'secret' ? 'A publishable key on a secret route, or a read-only key (`read_only_key`)' : 'A read-only key (`read_only_key`)';
    if (r.access === 'public') extra[429] = 'Rate limit of public routes, with Retry-After';
    if (!r.request?.body && !r.request?.raw) delete extra[400];
    if (!r.request?.body) delete extra[415];
    if (r.access === 'none') (delete extra[401], delete extra[503]);
    for (const [status, description] of Object.entries(extra)) {
      if (!(status in responses)) responses[status] = { description, content: problemContent };
    }
    const op: Record<string, unknown> = {
      operationId: `${r.method}${r.path.replace(/\/v1/, '').replace(/[^A-Za-z0-9]+(\w)/g, (_, ch: string) => ch.toUpperCase()).replace(/[^A-Za-z0-9]/g, '')}`,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      security: r.access === 'secret' ? [{ secretKey: [] }] : r.access === 'public' ? [{ publishableKey: [] }, { secretKey: [] }] : [],
      parameters: [
        ...parameters(r.request?.params, 'path'),
        ...parameters(r.request?.query, 'query'),
        ...(r.request?.headers ?? []).map((h) => ({ name: h.name, in: 'header', required: h.required ?? false, description: h.description, schema: { type: 'string' } })),
      ],
      responses,
    };
    if (r.request?.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(r.request.body, 'input') } } };
    if (r.request?.raw) op.requestBody = { required: true, content: Object.fromEntries(r.request.raw.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) };
    (paths[path] ??= {})[r.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Clientela API (mock server)', version: '1.0.0', description: 'Generated from @clientela/core schemas.' },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Problem: jsonSchema(ProblemSchema, 'output') },
      securitySchemes: {
        secretKey: { type: 'http', scheme: 'bearer', description: 'Secret key `sk_…`: every route.' },
        publishableKey: { type: 'http', scheme: 'bearer', description: 'Publishable key `pk_…`: public routes only.' },
      },
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
