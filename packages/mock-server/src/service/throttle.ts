import { inTransaction, sha256, type ServerContext } from '../context.js';

/** Failed sign-ins an account may have before each further attempt waits. */
export const FREE_ATTEMPTS = 5;
/** The longest wait between attempts (the backoff doubles from one second up to this). */
export const MAX_BACKOFF_MS = 15 * 60_000;
/** A quiet day forgets the failures. */
const FORGET_AFTER_MS = 24 * 3_600_000;

interface Attempts {
  /** Attempts since the last success (counted when they start, so concurrent ones count too). */
  count: number;
  /** No attempt is examined before this time (ISO). */
  blockedUntil: string;
}

function keyOf(email: string): string {
  // Hashed, so the store holds no list of the e-mails people tried.
  return `signin:${sha256(email.trim().toLowerCase())}`;
}

/**
 * Per-account sign-in throttle, beside the per-address rate limit of the public routes: after
 * {@link FREE_ATTEMPTS} attempts without a success, each further attempt first waits 1 s, 2 s,
 * 4 s … up to {@link MAX_BACKOFF_MS}. Counted per e-mail whether or not an account holds it, so
 * the answer tells nothing about which e-mails exist. Kept in the store, so a restart or a second
 * process sees the same counters.
 *
 * Returns the seconds to wait when the account is blocked now; otherwise records this attempt
 * (before the password is checked, so thirty concurrent guesses count as thirty) and returns 0.
 */
export function takeSignInAttempt(ctx: ServerContext, email: string): Promise<number> {
  const key = keyOf(email);
  const now = ctx.now();
  const nowIso = now.toISOString();
  return inTransaction(ctx, async (t) => {
    const prev = await t.store.getMeta<Attempts>(key, nowIso);
    if (prev && prev.blockedUntil > nowIso) return Math.max(1, Math.ceil((Date.parse(prev.blockedUntil) - now.getTime()) / 1000));
    const count = (prev?.count ?? 0) + 1;
    const wait = count < FREE_ATTEMPTS ? 0 : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (count - FREE_ATTEMPTS));
    const next: Attempts = { count, blockedUntil: new Date(now.getTime() + wait).toISOString() };
    await t.store.setMeta(key, next, new Date(now.getTime() + Math.max(wait, FORGET_AFTER_MS)).toISOString());
    return 0;
  });
}

/** A successful sign-in clears the account's failures. */
export async function clearSignInAttempts(ctx: ServerContext, email: string): Promise<void> {
  await ctx.store.deleteMeta(keyOf(email));
}
