/**
 * The mock server for a browser page: the same Hono app over the in-memory store, with no Node
 * module (no port, no SQLite). Call its `fetch` directly, e.g. as the API client's `fetch`.
 *
 * @example
 * import { createApp } from '@clientela/mock-server/browser';
 * import { createClient } from '@clientela/core/client';
 *
 * const server = createApp({ seed: 300 });
 * const client = createClient({ baseUrl: 'https://mock.invalid', apiKey: server.keys.secret, fetch: (r) => server.fetch(r) });
 */
export { createApp, DEFAULT_PUBLISHABLE_KEY, DEFAULT_SECRET_KEY } from './app.js';
export type { AppOptions, MockServer } from './app.js';
export type { Store } from './store/types.js';
