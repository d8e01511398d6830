import type { Context } from 'hono';
import type { ServerContext } from '../context.js';
import { purgeExpired, sha256 } from '../context.js';
import type { AppEnv } from '../openapi/define-route.js';
import { fieldIssue, HttpProblem, problem, problemBody } from './problem.js';

export interface Outcome {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface Saved extends Outcome {
  hash: string;
}

/** How long a stored answer replays: a client retrying later than this sends a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const MAX_KEY_LENGTH = 255;

export function respond(outcome: Outcome, replayed = false): Response {
  const isProblem = outcome.status >= 400;
  return new Response(outcome.body === undefined ? null : JSON.stringify(outcome.body), {
    status: outcome.status,
    headers: {
      'Content-Type': isProblem ? 'application/problem+json; charset=utf-8' : 'application/json; charset=utf-8',
      ...(outcome.headers ?? {}),
      ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    },
  });
}

/** Runs `run`, turning a thrown {@link HttpProblem} into an outcome. */
function attempt(c: Context<AppEnv>, run: () => Outcome): Outcome {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof HttpProblem)) throw e;
    return { status: e.status, body: problemBody(e.kind, e.status, c.get('locale'), e.extra), headers: e.headers };
  }
}

/**
 * Honours `Idempotency-Key`: the same key on the same request (method, path, query and body)
 * replays the first successful response (status, body, headers) for 24 hours; with another
 * request it is a 422. Only answers of work done are stored: a 4xx refused the request before
 * anything was written, and a 5xx may be retried, so both run again on a retry.
 *
 * `run` is synchronous on purpose: the check, the write and the saved response happen in one
 * store transaction without yielding, so two concurrent requests with one key cannot both run,
 * and a crash cannot keep the write and lose the answer (or the reverse).
 */
export async function idempotent(ctx: ServerContext, c: Context<AppEnv>, scope: string, run: () => Outcome): Promise<Response> {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return respond(attempt(c, run));
  const locale = c.get('locale');
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return problem(c, 'validation', 422, { errors: [fieldIssue('Idempotency-Key', 'invalid_value', locale)] });
  const url = new URL(c.req.url);
  // Raw bodies (imports) are read as bytes so binary uploads hash exactly.
  const raw = new Uint8Array(await c.req.arrayBuffer());
  const head = new TextEncoder().encode(`${c.req.method} ${url.pathname}${url.search}\n`);
  const all = new Uint8Array(head.length + raw.length);
  all.set(head);
  all.set(raw, head.length);
  const requestHash = sha256(all);
  const metaKey = `idem:${c.get('keyId')}:${scope}:${key}`;
  const now = ctx.now();
  return ctx.store.transaction(() => {
    const saved = ctx.store.getMeta<Saved>(metaKey, now.toISOString());
    if (saved) {
      if (saved.hash !== requestHash) return problem(c, 'idempotency_mismatch', 422, { errors: [fieldIssue('Idempotency-Key', 'idempotency_key_reused', locale)] });
      return respond(saved, true);
    }
    const outcome = attempt(c, run);
    if (outcome.status < 300) {
      purgeExpired(ctx);
      ctx.store.setMeta(metaKey, { ...outcome, hash: requestHash } satisfies Saved, new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString());
    }
    return respond(outcome);
  });
}
