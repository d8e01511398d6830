import { serve } from '@hono/node-server';
import { createApp as createNeutralApp, type MockServer, type MockServerOptions } from './app.js';
import { loadCepCityRanges } from './platform/node-cep-cities.js';
import { nodeScrypt } from './platform/node-scrypt.js';
import { sqliteSecretsKey } from './platform/secrets-key-file.js';
import { WebPushProvider, type WebPushOptions } from './platform/web-push-provider.js';
import type { WebPushKeys } from './service/web-push-keys.js';
import { PostgresStore } from './store/postgres.js';
import { SqliteStore } from './store/sqlite.js';
import { SyncStoreAdapter } from './store/sync-adapter.js';
import { SmtpProvider, type SmtpOptions } from './platform/smtp-provider.js';

export { DEFAULT_PUBLISHABLE_KEY, DEFAULT_SECRET_KEY } from './app.js';
export type { AppOptions, MockServer, MockServerOptions } from './app.js';
export type { Store } from './store/types.js';
export { WebhookDispatcher, type WebhookOptions } from './service/webhook-dispatcher.js';
export { SchemaTooNewError } from './store/migrations.js';
export { MessageDispatcher, MESSAGE_RETRY_SCHEDULE, type MessageDispatchOptions } from './service/message-dispatcher.js';
export { DevelopmentProvider, ProviderError, type MessageProvider, type OutgoingMessage, type ProviderReceipt } from './service/message-providers.js';
export { SmtpProvider, type SmtpOptions };
export { WebhookMessageProvider, type WebhookProviderOptions } from './service/webhook-message-provider.js';
export { PostgresStore } from './store/postgres.js';
export { SecretsKeyError } from './service/secrets.js';
export { WebPushProvider, type WebPushOptions, type WebPushPayload } from './platform/web-push-provider.js';
export { DeviceGoneError } from './service/message-providers.js';
export type { StoredChannelSettings } from './service/channel-settings.js';

/**
 * Creates the mock server in process: a Hono app over a seeded store, in memory or, with `db`,
 * in a SQLite file. Seeding is synchronous, so the app answers as soon as this returns. (The
 * SQLite store is wired here, not in `app.ts`, so the browser entry pulls no Node module.)
 *
 * @example
 * const server = createApp({ seed: 200 });
 * const res = await server.fetch(new Request('http://x/v1/customers', { headers: { Authorization: `Bearer ${server.keys.secret}` } }));
 */
export function createApp(options: MockServerOptions = {}): MockServer {
  const { db, ...rest } = options;
  // Node: scrypt on libuv's thread pool, so sign-ins do not stall the event loop; the CEP ranges
  // per municipality read from the package's data/ (kept out of the browser entry).
  const withPlatform = {
    scrypt: nodeScrypt,
    ...rest,
    cep: { cityRanges: loadCepCityRanges, ...rest.cep },
    // SMTP (nodemailer) is Node's: the channel settings may name it here.
    // …and Web Push (the web-push library, node:crypto), for the push channel's `webpush` setting.
    messages: { smtp: (o: SmtpOptions) => new SmtpProvider(o), webPush: (keys: () => Promise<WebPushKeys>) => new WebPushProvider({ keys, ...rest.webPush }), ...rest.messages },
  };
  if (withPlatform.store || !db) return createNeutralApp(withPlatform);
  // A SQLite file without --secrets-key: a key file of its own beside it (platform/secrets-key-file.ts).
  return createNeutralApp({ ...withPlatform, store: new SyncStoreAdapter(new SqliteStore(db)), secretsKey: withPlatform.secretsKey ?? (db === ':memory:' ? undefined : sqliteSecretsKey(db)) });
}

export interface StartedServer {
  /** `http://127.0.0.1:PORT` with the real port (also when asked for port 0). */
  url: string;
  port: number;
  server: MockServer;
  close(): Promise<void>;
}

/**
 * Starts the mock server on a port (0 picks a free one) and resolves once it listens.
 *
 * @example
 * const { url, close } = await startServer({ port: 0, seed: 100 });
 */
export async function startServer(options: MockServerOptions & { port?: number; host?: string; databaseUrl?: string } = {}): Promise<StartedServer> {
  const { databaseUrl, ...rest } = options;
  // PostgreSQL is opened (and migrated) before the app: its store cannot be made synchronously.
  // A listening server sends its webhooks on its own.
  const withWebhooks = { ...rest, webhooks: { autoStart: true, ...rest.webhooks }, messages: { autoStart: true, ...rest.messages }, automations: { autoStart: true, ...rest.automations } };
  const server = createApp(databaseUrl && !withWebhooks.store ? { ...withWebhooks, store: await PostgresStore.open(databaseUrl) } : withWebhooks);
  const host = options.host ?? '127.0.0.1';
  // Listen only once seeded, so the first request a caller makes sees the seeded store.
  try {
    await server.ready;
  } catch (e) {
    await server.close();
    throw e;
  }
  return new Promise((resolve, reject) => {
    const http = serve({ fetch: server.app.fetch, port: options.port ?? 4010, hostname: host }, (info) => {
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        server,
        close: () =>
          new Promise<void>((done) => {
            http.close(() => {
              void server.close().then(done);
            });
            (http as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    http.once('error', reject);
  });
}
