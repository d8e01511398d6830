import type { ApiKey, ApiKeyCreate, ApiKeyRotate, ApiKeyRotation, ApiKeyWithSecret } from '../schemas/api-key.js';
import type { CallOptions, IdempotentCallOptions, Transport } from './request.js';

const enc = encodeURIComponent;

/** `client.apiKeys`: managed API keys (a secret key that is not read-only is required). */
export function apiKeys(t: Transport) {
  return {
    /**
     * Every managed key, newest first: prefix and last four characters, never the key.
     *
     * @example
     * const keys = await client.apiKeys.list();
     */
    list: async (options?: CallOptions): Promise<ApiKey[]> => (await t.request('apiKeyList', { ...options, path: 'api-keys' })).items,

    /**
     * One key.
     *
     * @example
     * const key = await client.apiKeys.retrieve('ak_123');
     */
    retrieve: (id: string, options?: CallOptions): Promise<ApiKey> => t.request('apiKey', { ...options, path: `api-keys/${enc(id)}` }),

    /**
     * Creates a key. The answer's `key` is the only time the key is shown: keep it where the
     * system that uses it reads it. Retried (same idempotency key), it answers the same key.
     *
     * @example
     * const { key } = await client.apiKeys.create({ name: 'ERP', kind: 'secret', readOnly: true });
     */
    create: (body: ApiKeyCreate, options?: IdempotentCallOptions): Promise<ApiKeyWithSecret> =>
      t.request('apiKeyWithSecret', { ...options, method: 'post', path: 'api-keys', json: body, idem: true }),

    /**
     * Rotates a key: `successor.key` is shown only this once; the old key keeps working until
     * `previous.expiresAt` (24 hours by default, `overlapHours` 0–168).
     *
     * @example
     * const { successor, previous } = await client.apiKeys.rotate('ak_123', { overlapHours: 2 });
     */
    rotate: (id: string, body: ApiKeyRotate = {}, options?: IdempotentCallOptions): Promise<ApiKeyRotation> =>
      t.request('apiKeyRotation', { ...options, method: 'post', path: `api-keys/${enc(id)}/rotate`, json: body, idem: true }),

    /**
     * Revokes a key at once; the answer is the key, `revoked`. A key cannot revoke itself.
     *
     * @example
     * await client.apiKeys.revoke('ak_123');
     */
    revoke: (id: string, options?: CallOptions): Promise<ApiKey> => t.request('apiKey', { ...options, method: 'delete', path: `api-keys/${enc(id)}` }),
  };
}
