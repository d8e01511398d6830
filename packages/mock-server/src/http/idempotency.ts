import type { Context } from 'hono';
import type { ServerContext } from '../context.js';
import { sha256 } from '../context.js';
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

/**
 * Honours `Idempotency-Key`: the same key with the same body replays the first response (status,
 * body, headers); with another body it is a 422. `run` is synchronous on purpose: the check, the
 * write and the saved response happen without yielding, so two concurrent requests with one key
 * cannot both run.
 */
/** Runs `run`, turning a thrown {@link HttpProblem} into an outcome so it can be saved too. */
function attempt(c: Context<AppEnv>, run: () => Outcome): Outcome {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof HttpProblem)) throw e;
    return { status: e.status, body: problemBody(e.kind, e.status, c.get('locale'), e.extra), headers: e.headers };
  }
}

export async function idempotent(ctx: ServerContext, c: Context<AppEnv>, scope: string, run: () => Outcome): Promise<Response> {
  const key = c.req.header('Idempotency-Key');
  if (!key) return respond(attempt(c, run));
  const bodyHash = sha256(await c.req.text());
  const metaKey = `idem:${c.get('keyId')}:${scope}:${key}`;
  const saved = ctx.store.getMeta<Saved>(metaKey);
  if (saved) {
    if (saved.hash !== bodyHash) return problem(c, 'idempotency_mismatch', 422, { errors: [fieldIssue('Idempotency-Key', 'idempotency_key_reused', c.get('locale'))] });
    return respond(saved, true);
  }
  const outcome = attempt(c, run);
  // Only final answers are remembered; a 5xx may be retried with the same key.
  if (outcome.status < 500) ctx.store.setMeta(metaKey, { ...outcome, hash: bodyHash } satisfies Saved);
  return respond(outcome);
}
