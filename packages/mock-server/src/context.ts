import type { Context } from 'hono';
import {
  DEFAULT_REGISTRATION_SETTINGS,
  type AuditEntry,
  type Category,
  type RegistrationSettings,
} from '@clientela/core/schemas';
import type { AppEnv } from './openapi/define-route.js';
import type { PasswordHasher } from './service/passwords.js';
import type { SecretBox } from './service/secrets.js';
import type { Store } from './store/types.js';
import { randomBytes, sha256Hex, toBase64Url } from './util/bytes.js';

export interface ServerContext {
  store: Store;
  now(): Date;
  keys: { secret: string; publishable: string };
  /** Bumped on every customer write (caches of derived data compare it). */
  version: number;
  /** scrypt hashing of the platform (node:crypto off the main thread in Node, portable in a page). */
  passwords: PasswordHasher;
  /** Seals and opens the secrets kept in the store (channel settings, webhook endpoints, VAPID key). */
  secrets: SecretBox;
  /** When expired meta records (idempotency answers, throttles) were last purged (ms). */
  purgedAt?: number;
  /** Writes history from before the change feed began (the seed): no events are emitted. */
  quiet?: boolean;
  /** The webhook dispatcher of this process, woken when an event is emitted (none: deliveries wait for a dispatcher's next poll). */
  webhooks?: { wake(): void } | undefined;
  /** Work a route started after answering (a recovery e-mail); `maintain()` and `close()` wait for it. */
  background?: Set<Promise<unknown>>;
}

const PURGE_EVERY_MS = 10 * 60_000;

/**
 * Deletes expired meta records at most every ten minutes: called from the write paths that create
 * expiring records, so the table stays bounded without a timer (the in-page server has none).
 */
export async function purgeExpired(ctx: ServerContext): Promise<void> {
  const now = ctx.now();
  if (ctx.purgedAt !== undefined && now.getTime() - ctx.purgedAt < PURGE_EVERY_MS) return;
  ctx.purgedAt = now.getTime();
  await ctx.store.purgeExpiredMeta(now.toISOString());
}

/**
 * Runs `fn` in one store transaction, handing it a context whose store is bound to that
 * transaction (everything else, the clock and keys, is the request's context).
 */
export function inTransaction<T>(ctx: ServerContext, fn: (t: ServerContext) => Promise<T>): Promise<T> {
  return ctx.store.transaction((tx) => fn(Object.assign(Object.create(ctx) as ServerContext, { store: tx })));
}

/** An audit entry as a route writes it; the id, time and actor are added. */
export type AuditInput = Omit<AuditEntry, 'id' | 'at' | 'actor'>;

/** Writes an audit entry for the request's actor: the key id plus the optional `X-Actor` name. */
export function audit(ctx: ServerContext, c: Context<AppEnv>, input: AuditInput): Promise<AuditEntry> {
  const name = c.get('actorName');
  const keyName = c.get('keyName');
  return ctx.store.appendAudit({
    at: ctx.now().toISOString(),
    actor: { keyId: c.get('keyId'), ...(keyName ? { keyName } : {}), ...(name ? { name } : {}) },
    ...input,
  });
}

export async function settingsOf(ctx: ServerContext): Promise<RegistrationSettings> {
  return (await ctx.store.getMeta<RegistrationSettings>('settings:registration')) ?? DEFAULT_REGISTRATION_SETTINGS;
}

export async function categoriesWithCounts(ctx: ServerContext): Promise<Category[]> {
  const counts = await ctx.store.categoryCounts();
  return (await ctx.store.listCategories()).map((cat) => ({ ...cat, customerCount: counts.get(cat.id) ?? 0 }));
}

export function newId(prefix: string): string {
  return `${prefix}_${toBase64Url(randomBytes(9)).replace(/[-_]/g, 'x')}`;
}

export function sha256(data: string | Uint8Array): string {
  return sha256Hex(data);
}

/** A short, non-secret id of an API key for the audit log (`sk_test_…tela`). */
export function keyIdOf(key: string): string {
  return key.length <= 12 ? key : `${key.slice(0, 8)}…${key.slice(-4)}`;
}

export function etag(version: number): string {
  return `"${version}"`;
}

/** The version an `If-Match` header names (`"3"`, `W/"3"`, `3`), `'*'`, or undefined when absent. */
export function ifMatchVersion(header: string | undefined): number | '*' | 'invalid' | undefined {
  if (header === undefined) return undefined;
  const v = header.trim();
  if (v === '*') return '*';
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(v);
  return m ? Number(m[1]) : 'invalid';
}
