import { purgeExpired, sha256, type ServerContext } from '../context.js';

/** Default limit of refused keys per client address: 20 in 10 minutes. */
export const BAD_KEY_LIMIT = { windowMs: 10 * 60_000, max: 20 } as const;

/**
 * Counts one request refused for its key (unknown, revoked, expired or malformed) from a client
 * address, and returns the seconds that address must wait when it is over the limit (else 0).
 * Counted in the store (an expiring record), so every process sharing the store shares the count
 * and a restart does not reset it. Only refused keys are counted: a valid key costs nothing here
 * and is never refused, whatever its address sent before — the limit slows key guessing, not the
 * integrations behind the same NAT.
 */
export async function countBadKey(ctx: ServerContext, address: string, limit: { windowMs: number; max: number } = BAD_KEY_LIMIT): Promise<number> {
  const now = ctx.now().getTime();
  // Hashed, so the store keeps no list of the addresses that tried.
  const w = await ctx.store.countHit(`badkey:${sha256(address)}`, new Date(now).toISOString(), new Date(now + limit.windowMs).toISOString());
  if (w.count === 1) await purgeExpired(ctx);
  return w.count > limit.max ? Math.max(1, Math.ceil((Date.parse(w.resetAt) - now) / 1000)) : 0;
}
