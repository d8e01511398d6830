import type { ApiKey, ApiKeyKind, ApiKeyStatus } from '@clientela/core/schemas';
import type { ServerContext } from '../context.js';
import type { StoredApiKey } from '../store/types.js';
import { randomBytes, sha256Hex, toBase64Url } from '../util/bytes.js';

// Managed API keys: how a key is made, hashed, labelled and checked on every request.

/** The first characters of every managed key of a kind (the development keys are `sk_test_…`). */
export const KEY_PREFIX: Record<ApiKeyKind, string> = { secret: 'sk_live_', publishable: 'pk_live_' };

/**
 * A new key: the kind's prefix and 32 random bytes (256 bits) in base64url. Its SHA-256 is what
 * the store keeps.
 */
export function newApiKey(kind: ApiKeyKind): string {
  return `${KEY_PREFIX[kind]}${toBase64Url(randomBytes(32))}`;
}

/**
 * The stored form of a key: a plain SHA-256. Not scrypt (as passwords are): scrypt's cost is
 * there to slow the guessing of a low-entropy secret a person chose, but a key is 256 random bits
 * that no amount of guessing finds, so a fast hash is as safe, and it lets every request be
 * checked by one indexed lookup instead of tens of milliseconds of CPU per call.
 */
export function hashApiKey(key: string): string {
  return sha256Hex(key);
}

/** `sk_live_…a1B2`: how a person and the audit log name a key without holding it. */
export function apiKeyLabel(key: Pick<StoredApiKey, 'prefix' | 'last4'>): string {
  return `${key.prefix}…${key.last4}`;
}

/** Where a key stands at `now`. */
export function apiKeyStatus(key: Pick<StoredApiKey, 'revokedAt' | 'expiresAt' | 'rotatedTo'>, now: Date): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt && Date.parse(key.expiresAt) <= now.getTime()) return 'expired';
  return key.rotatedTo ? 'expiring' : 'active';
}

/** What the API shows of a key: never its hash. */
export function publicApiKey({ hash: _hash, ...key }: StoredApiKey, now: Date): ApiKey {
  return { ...key, status: apiKeyStatus(key, now) };
}

/** How stale a key's stored `lastUsedAt` may get before a request writes it again. */
const TOUCH_EVERY_MS = 60_000;

/** Who a request authenticated as. */
export interface Authenticated {
  kind: ApiKeyKind;
  /** The label (`sk_live_…a1B2`, or the development key's short form). */
  keyId: string;
  /** Managed keys only. */
  record?: StoredApiKey;
}

/**
 * Checks `key` against the store on every request: no process keeps a copy, so a revoke (or the
 * end of a rotation's overlap) takes effect on every process at the next request. The price is
 * one indexed read per request, small beside the request's own reads.
 *
 * `lastUsedAt` is written at most about once a minute per key and process, and only moved
 * forward, so two processes serving one key never write it backwards or per request.
 */
export class ApiKeyAuthenticator {
  readonly #touched = new Map<string, number>();
  readonly #writing = new Set<Promise<void>>();

  constructor(private readonly ctx: ServerContext) {}

  async authenticate(key: string): Promise<StoredApiKey | undefined> {
    if (!key.startsWith(KEY_PREFIX.secret) && !key.startsWith(KEY_PREFIX.publishable)) return undefined;
    const record = await this.ctx.store.findApiKeyByHash(hashApiKey(key));
    if (!record) return undefined;
    const now = this.ctx.now();
    const status = apiKeyStatus(record, now);
    if (status === 'revoked' || status === 'expired') return undefined;
    this.#touch(record, now);
    return record;
  }

  #touch(record: StoredApiKey, now: Date): void {
    const at = now.getTime();
    const stored = record.lastUsedAt ? Date.parse(record.lastUsedAt) : -Infinity;
    const mine = this.#touched.get(record.id) ?? -Infinity;
    if (at - Math.max(stored, mine) < TOUCH_EVERY_MS) return;
    this.#touched.set(record.id, at);
    // Off the request's path: a failed touch costs only the freshness of `lastUsedAt`.
    const write = this.ctx.store
      .touchApiKey(record.id, now.toISOString())
      .catch((err: unknown) => console.error('clientela: api key last use', err))
      .finally(() => this.#writing.delete(write));
    this.#writing.add(write);
  }

  /** Resolves when the `lastUsedAt` writes under way are done (before the store closes). */
  async idle(): Promise<void> {
    await Promise.all([...this.#writing]);
  }
}
