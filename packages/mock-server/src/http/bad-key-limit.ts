import { purgeExpired, sha256, type ServerContext } from '../context.js';

/** Default limit of refused keys per client address: 20 in 10 minutes. */
export const BAD_KEY_LIMIT = { windowMs: 10 * 60_000, max: 20 } as const;

/**
 * How the data log names a refused key without keeping it: its prefix (`sk_live_…`, `pk_test_…`),
 * or its first three characters when it has none. A refused key is no one's key, but it may be a
 * real key with a typo, so no more of it is written down.
 */
export function triedKeyLabel(key: string): string {
  const prefix = /^[A-Za-z]{1,8}_(?:[A-Za-z]{1,8}_)?/.exec(key)?.[0] ?? key.slice(0, 3);
  return `${prefix}…`;
}

/**
 * Counts one request refused for its key (unknown, revoked, expired or malformed) from a client
 * address, and returns the seconds that address must wait when it is over the limit (else 0).
 * Counted in the store (an expiring record), so every process sharing the store shares the count
 * and a restart does not reset it. Only refused keys are counted: a valid key costs nothing here
 * and is never refused, whatever its address sent before — the limit slows key guessing, not the
 * integrations behind the same NAT.
 *
 * The request that trips the limit (the count's first step past it, which the store's atomic
 * count gives to exactly one request on any process) writes one `api_key.bad_keys` entry in the
 * data log, naming the address and the prefix of the key it tried; the refusals after it in the
 * same window write nothing, so a guessing client cannot flood the log.
 */
export async function countBadKey(ctx: ServerContext, address: string, key: string, limit: { windowMs: number; max: number } = BAD_KEY_LIMIT): Promise<number> {
  const now = ctx.now().getTime();
  // Hashed, so the store keeps no list of the addresses that tried.
  const w = await ctx.store.countHit(`badkey:${sha256(address)}`, new Date(now).toISOString(), new Date(now + limit.windowMs).toISOString());
  if (w.count === 1) await purgeExpired(ctx);
  if (w.count <= limit.max) return 0;
  if (w.count === limit.max + 1) {
    await ctx.store.appendAudit({
      at: new Date(now).toISOString(),
      action: 'api_key.bad_keys',
      actor: { keyId: triedKeyLabel(key) },
      address,
      count: w.count,
      until: w.resetAt,
    });
  }
  return Math.max(1, Math.ceil((Date.parse(w.resetAt) - now) / 1000));
}
