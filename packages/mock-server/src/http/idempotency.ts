import type { Context } from 'hono';
import type { ServerContext } from '../context.js';
import { inTransaction, purgeExpired, sha256 } from '../context.js';
import { StoreConflict } from '../store/types.js';
import { conflictProblem } from './conflict.js';
import type { AppEnv } from '../openapi/define-route.js';
import { fieldIssue, HttpProblem, problem, problemBody } from './problem.js';

export interface Outcome {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The body holds a secret shown once (a webhook endpoint's signing secret): kept sealed for the replay (service/secrets.ts). */
  sealBody?: boolean;
}

interface Saved extends Outcome {
  hash: string;
  /** The body, sealed, when the outcome asked for it (`body` is then absent). */
  sealedBody?: string;
}

/** The answer to store for replays: the body sealed when it holds a secret. */
async function toSaved(t: ServerContext, o: Outcome, hash: string, metaKey: string): Promise<Saved> {
  if (!o.sealBody) return { ...o, hash };
  const { body, sealBody: _seal, ...rest } = o;
  return { ...rest, body: undefined, hash, sealedBody: await t.secrets.seal(JSON.stringify(body), metaKey) };
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

/**
 * Runs `run`, turning a thrown {@link HttpProblem} (or a uniqueness conflict the store refused)
 * into an outcome.
 */
export async function attempt(c: Context<AppEnv>, run: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (e) {
    const known = e instanceof StoreConflict ? conflictProblem(e, c.get('locale')) : e;
    if (!(known instanceof HttpProblem)) throw e;
    return { status: known.status, body: problemBody(known.kind, known.status, c.get('locale'), known.extra), headers: known.headers };
  }
}

interface Pending {
  pending: true;
  hash: string;
}

/** A claimed key whose request never finished (a crashed process) frees itself after this. */
const PENDING_TTL_MS = 60_000;
/** How long a request waits for the first one with its key to finish before answering 409. */
const WAIT_FOR_FIRST_MS = 10_000;

/**
 * Honours `Idempotency-Key`: the same key on the same request (method, path, query and body)
 * replays the first successful response (status, body, headers) for 24 hours; with another
 * request it is a 422. Only answers of work done are stored: a 4xx refused the request before
 * anything was written, and a 5xx may be retried, so both run again on a retry.
 *
 * The key is claimed in the store (an insert that only one request can win) before any work, so
 * two requests with one key never both run, whichever processes they reach; the loser waits for
 * the winner's answer and replays it. The work and its saved answer commit in one transaction,
 * so a crash keeps both or neither. `run` gets a context bound to that transaction.
 */
export async function idempotent(ctx: ServerContext, c: Context<AppEnv>, scope: string, run: (t: ServerContext) => Promise<Outcome>): Promise<Response> {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return respond(await attempt(c, () => inTransaction(ctx, run)));
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
  const mismatch = () => problem(c, 'idempotency_mismatch', 422, { errors: [fieldIssue('Idempotency-Key', 'idempotency_key_reused', locale)] });

  const started = Date.now();
  for (;;) {
    const now = ctx.now();
    const claim: Pending = { pending: true, hash: requestHash };
    if (await ctx.store.claimMeta(metaKey, claim, now.toISOString(), new Date(now.getTime() + PENDING_TTL_MS).toISOString())) break;
    const saved = await ctx.store.getMeta<Saved | Pending>(metaKey, now.toISOString());
    if (!saved) continue; // expired meanwhile: claim it again
    if (saved.hash !== requestHash) return mismatch();
    if (!('pending' in saved)) return respond(saved.sealedBody ? { ...saved, body: JSON.parse(await ctx.secrets.open(saved.sealedBody, metaKey)) } : saved, true);
    if (Date.now() - started > WAIT_FOR_FIRST_MS) return problem(c, 'idempotency_in_progress', 409, {}, { 'Retry-After': '1' });
    await new Promise((resolve) => setTimeout(resolve, 25));
  }

  let outcome: Outcome;
  try {
    outcome = await attempt(c, () =>
      inTransaction(ctx, async (t) => {
        const o = await run(t);
        if (o.status < 300) await t.store.setMeta(metaKey, await toSaved(t, o, requestHash, metaKey), new Date(ctx.now().getTime() + IDEMPOTENCY_TTL_MS).toISOString());
        return o;
      }),
    );
  } catch (e) {
    await ctx.store.deleteMeta(metaKey);
    throw e;
  }
  if (outcome.status >= 300) await ctx.store.deleteMeta(metaKey);
  else await purgeExpired(ctx);
  return respond(outcome);
}
