import type { ServerContext } from '../context.js';
import { HttpProblem } from '../http/problem.js';
import { toBase64Url } from '../util/bytes.js';

// The store's VAPID keys (RFC 8292): one P-256 key pair made once per store and kept in its meta,
// so every process signs with the same key and a browser's subscription (made against the public
// key) stays valid across restarts. The private key is sealed at rest like every secret
// (service/secrets.ts); the public key is what the storefront subscribes with.

export const WEB_PUSH_KEYS_META = 'settings:web-push-keys';
const SEALED_AT = 'settings:web-push-keys';

/** The keys as stored: base64url, the private one sealed. */
interface StoredWebPushKeys {
  publicKey: string;
  privateKey: string;
  createdAt: string;
}

/** The VAPID key pair: the public key as the uncompressed P-256 point, the private scalar, both base64url. */
export interface WebPushKeys {
  publicKey: string;
  privateKey: string;
}

/** A new P-256 key pair through Web Crypto (Node and browsers alike). */
async function generateKeys(): Promise<WebPushKeys> {
  const pair = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const raw = new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', pair.publicKey));
  const jwk = await globalThis.crypto.subtle.exportKey('jwk', pair.privateKey);
  return { publicKey: toBase64Url(raw), privateKey: jwk.d! };
}

/**
 * The store's VAPID keys, made and kept the first time they are asked for (`claimMeta`: two
 * processes asking at once keep one pair). Without a secrets key (PostgreSQL without
 * `--secrets-key`) the private key cannot be kept: `web_push_unavailable` (503).
 */
export async function webPushKeys(ctx: ServerContext): Promise<WebPushKeys> {
  let stored = await ctx.store.getMeta<StoredWebPushKeys>(WEB_PUSH_KEYS_META);
  if (!stored) {
    if (!ctx.secrets.configured) throw new HttpProblem('web_push_unavailable', 503);
    const made = await generateKeys();
    const candidate: StoredWebPushKeys = { publicKey: made.publicKey, privateKey: await ctx.secrets.seal(made.privateKey, SEALED_AT), createdAt: ctx.now().toISOString() };
    await ctx.store.claimMeta(WEB_PUSH_KEYS_META, candidate, ctx.now().toISOString());
    stored = (await ctx.store.getMeta<StoredWebPushKeys>(WEB_PUSH_KEYS_META))!;
  }
  return { publicKey: stored.publicKey, privateKey: await ctx.secrets.open(stored.privateKey, SEALED_AT) };
}

/** Re-seals the VAPID private key under the current key (an older key's, after a rotation); true when it wrote. */
export async function resealWebPushKeys(ctx: ServerContext): Promise<boolean> {
  const stored = await ctx.store.getMeta<StoredWebPushKeys>(WEB_PUSH_KEYS_META);
  if (!stored || !ctx.secrets.isStale(stored.privateKey)) {
    if (stored) await ctx.secrets.open(stored.privateKey, SEALED_AT);
    return false;
  }
  await ctx.store.setMeta(WEB_PUSH_KEYS_META, { ...stored, privateKey: await ctx.secrets.reseal(stored.privateKey, SEALED_AT) });
  return true;
}
