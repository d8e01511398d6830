import type { ServerContext } from '../context.js';
import type { StoredWebhookEndpoint } from '../store/types.js';
import type { SecretBox } from './secrets.js';

// A webhook endpoint's signing secrets (the current one and, within a day of a rotation, the
// previous one) are sealed at rest like every stored secret (service/secrets.ts), bound to the
// endpoint's id: a sealed secret copied into another endpoint's row does not open there.

const sealedAt = (endpoint: StoredWebhookEndpoint) => `webhook-endpoint:${endpoint.id}`;

/** The endpoint with `fn` applied to its secrets. */
async function mapSecrets(endpoint: StoredWebhookEndpoint, fn: (value: string) => Promise<string>): Promise<StoredWebhookEndpoint> {
  return { ...endpoint, secret: await fn(endpoint.secret), ...(endpoint.previousSecret ? { previousSecret: await fn(endpoint.previousSecret) } : {}) };
}

/** The endpoint as stored: secrets sealed (`secrets_key_required` without a key). A secret already sealed is kept as is. */
export function sealEndpoint(secrets: SecretBox, endpoint: StoredWebhookEndpoint): Promise<StoredWebhookEndpoint> {
  return mapSecrets(endpoint, async (v) => (v.startsWith('sealed:') ? v : secrets.seal(v, sealedAt(endpoint))));
}

/** The endpoint with its secrets opened; a `SecretsKeyError` when the keys cannot. */
export function openEndpoint(secrets: SecretBox, endpoint: StoredWebhookEndpoint): Promise<StoredWebhookEndpoint> {
  return mapSecrets(endpoint, (v) => secrets.open(v, sealedAt(endpoint)));
}

/** Re-seals every endpoint's secrets under the current key (plain from before sealing, or an older key's); how many it rewrote. */
export async function resealWebhookEndpoints(ctx: ServerContext): Promise<number> {
  let count = 0;
  for (const endpoint of await ctx.store.listWebhookEndpoints()) {
    const stale = ctx.secrets.isStale(endpoint.secret) || (endpoint.previousSecret !== undefined && ctx.secrets.isStale(endpoint.previousSecret));
    const next = await mapSecrets(endpoint, (v) => ctx.secrets.reseal(v, sealedAt(endpoint)));
    // Same version: the secret did not change, only how it is kept; a concurrent edit wins and is re-sealed at the next start.
    if (stale && (await ctx.store.putWebhookEndpoint(next, endpoint.version))) count++;
  }
  return count;
}
