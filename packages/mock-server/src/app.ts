import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import { resolveLocale } from '@clientela/core/i18n';
import { registerAllLocales } from '@clientela/core/i18n/all';
import { inTransaction, keyIdOf, purgeExpired, type ServerContext } from './context.js';
import { countBadKey } from './http/bad-key-limit.js';
import { HttpProblem, problem, problemBody, problemResponse } from './http/problem.js';
import { buildOpenApi, createRouter, type AppEnv, type RecordedRoute } from './openapi/define-route.js';
import { registerCategories } from './routes/categories.js';
import { registerCredits } from './routes/credits.js';
import { registerCustomers } from './routes/customers.js';
import { registerSync } from './routes/sync.js';
import { registerOrders } from './routes/orders.js';
import { registerExports } from './routes/exports.js';
import { registerImports } from './routes/imports.js';
import { registerApprovals } from './routes/approvals.js';
import { registerMe } from './routes/me.js';
import { registerDevices } from './routes/devices.js';
import { registerChannelSettings } from './routes/channel-settings.js';
import { defaultChannelSettings, readChannelSettings, resealChannelSettings, writeChannelSettings, type StoredChannelSettings } from './service/channel-settings.js';
import { parseSecretsKeys, SecretBox } from './service/secrets.js';
import { resealWebhookEndpoints } from './service/webhook-secrets.js';
import { resealWebPushKeys } from './service/web-push-keys.js';
import { registerConsent } from './routes/consent.js';
import { registerPrivacy } from './routes/privacy.js';
import { registerPasswordChecks } from './routes/passwords.js';
import { registerPublic } from './routes/public.js';
import { CepLookup, type CepOptions } from './service/cep.js';
import { registerSettingsAndAudit } from './routes/settings.js';
import { registerUnits } from './routes/units.js';
import { registerViews } from './routes/views.js';
import { registerEvents } from './routes/events.js';
import { registerDuplicates } from './routes/duplicates.js';
import { registerWebhooks } from './routes/webhooks.js';
import { registerApiKeys } from './routes/api-keys.js';
import { ApiKeyAuthenticator, apiKeyLabel } from './service/api-keys.js';
import { WebhookDispatcher, type WebhookOptions } from './service/webhook-dispatcher.js';
import { registerMessages } from './routes/messages.js';
import { MessageDispatcher, type MessageDispatchOptions } from './service/message-dispatcher.js';
import { registerAutomations } from './routes/automations.js';
import { clientAddress } from './http/client-address.js';
import { registerPasswordResets } from './routes/password-resets.js';
import { AutomationScheduler, type AutomationSchedulerOptions } from './service/automation-scheduler.js';
import { generateSeed } from './seed/seed.js';
import { writeSeed } from './seed/write.js';
import { createPasswordHasher, type ScryptDerive } from './service/passwords.js';
import { maintainRules } from './service/rules.js';
import { MemoryStore } from './store/memory.js';
import { SyncStoreAdapter } from './store/sync-adapter.js';
import { StoreConflict, type Store } from './store/types.js';
import { conflictProblem } from './http/conflict.js';

// The server answers each request in the language it asks for (Accept-Language), so core's texts
// of every language are in place before the first request, not loaded on demand.
registerAllLocales();

/**
 * Options of the platform-neutral app (`@clientela/mock-server/browser` takes these). The Node
 * entry adds `db` (a SQLite file) on top, so this module never imports better-sqlite3.
 */
export interface AppOptions {
  /** Customers to seed into an empty store (default 0). */
  seed?: number;
  /** PRNG seed: the same value gives the same customers (default 1). */
  seedValue?: number;
  /**
   * `false` seeds the customers alone: they carry the figures their history adds up to, without
   * the order and credit rows behind them. Only for benchmarks of the list and its search (which
   * read customers, not orders): writing 100,000 customers' histories through the services takes
   * minutes. Never for a store a person looks at. Default `true`.
   */
  seedHistory?: boolean;
  /** The store to serve (default: a new in-memory store). */
  store?: Store;
  /** Added latency, a random number of ms in [min, max] (off by default). */
  latency?: [number, number];
  /** Share of requests answered 503 with Retry-After (0–1, off by default). */
  failRate?: number;
  /** Origins allowed by CORS (`*` for any). */
  cors?: string[];
  secretKey?: string;
  publishableKey?: string;
  /** Rate limit of the public routes, per key and client address (default 600 per minute). */
  rateLimit?: { windowMs: number; max: number };
  /** Requests with an unknown or revoked key a client address may send before 429 (default 20 in 10 minutes). */
  badKeyLimit?: { windowMs: number; max: number };
  /** Clock (tests). */
  now?: () => Date;
  /** Body limit of JSON routes in bytes (default 1 MB; imports take up to 10 MB). */
  bodyLimit?: number;
  /**
   * The scrypt used for passwords. Default: the portable pure-JS one (it blocks the calling
   * thread, fine in a page); the Node entry passes node:crypto's, which runs off the main thread.
   */
  scrypt?: ScryptDerive;
  /**
   * The webhook dispatcher (`server.webhooks`). It polls for due deliveries only with
   * `autoStart` (`startServer` and the CLI turn it on); otherwise call `server.webhooks.runOnce()`.
   */
  webhooks?: WebhookOptions;
  /** How `GET /v1/cep/{cep}` answers: offline by default, or the real CEP services (`mode: 'online'`). */
  cep?: CepOptions;
  /**
   * The message outbox's dispatcher (`server.messages`): providers per channel (default the
   * offline development provider), rate limits. It polls only with `autoStart`; otherwise call
   * `server.messages.runOnce()` or `drain()`.
   */
  messages?: MessageDispatchOptions;
  /**
   * The automations' scheduler (`server.automations`). It runs on a timer only with `autoStart`
   * (`startServer` and the CLI turn it on); otherwise call `server.automations.runOnce()`.
   */
  automations?: AutomationSchedulerOptions;
  /**
   * The key that seals the secrets kept in the store (SMTP password, gateway and webhook signing
   * secrets, the Web Push private key): 32 random bytes in base64 (`openssl rand -base64 32`),
   * several comma-separated while rotating (the first seals, all open; values sealed with an older
   * one are re-sealed at start). Without it: the in-memory store uses a random key of this
   * process (its data goes with it); any other store refuses to keep a new secret
   * (`secrets_key_required`). The Node entry gives a SQLite file a key file of its own.
   */
  secretsKey?: string;
}

export interface MockServerOptions extends AppOptions {
  /** SQLite file; omit for an in-memory store (Node entry only). */
  db?: string;
  /** The Web Push provider's options, the keys aside (Node entry only): `subject` (VAPID `sub`), `ttlSeconds`, `timeoutMs`, `fetch`. */
  webPush?: Omit<import('./platform/web-push-provider.js').WebPushOptions, 'keys'>;
}

export interface MockServer {
  /** The Hono app. */
  app: Hono<AppEnv>;
  fetch(request: Request): Promise<Response>;
  keys: { secret: string; publishable: string };
  store: Store;
  /** Resolves once the store is seeded (requests wait for it) and, when a dispatcher runs on PostgreSQL, listens for work other processes queue. */
  ready: Promise<void>;
  /** The OpenAPI 3.1 document. */
  openapi(): Record<string, unknown>;
  /** Routes as declared (method, path, schemas): the source of the OpenAPI document. */
  routes: readonly RecordedRoute[];
  /**
   * Runs the background work now and resolves when it is done: work routes started after their
   * answer (a recovery e-mail), automatic categories' walks left
   * unfinished, and those of time-relative rules that are due (requests start it too, at most
   * once a minute, without waiting for it).
   */
  maintain(): Promise<void>;
  /** Sends pending webhook deliveries of this server's store. */
  webhooks: WebhookDispatcher;
  /** Sends the message outbox of this server's store. */
  messages: MessageDispatcher;
  /** Runs the automations due, queueing their messages in the outbox. */
  automations: AutomationScheduler;
  /** Stops the dispatcher and closes the store. */
  close(): Promise<void>;
}

/** How often requests look for due background work (automatic categories). */
const RULE_CHECK_MS = 60_000;

export const DEFAULT_SECRET_KEY = 'sk_test_clientela';
export const DEFAULT_PUBLISHABLE_KEY = 'pk_test_clientela';
const IMPORT_LIMIT = 10 * 1024 * 1024;

/**
 * 413 with `Connection: close`: the rest of the oversized body is never read, so the connection
 * cannot carry another request; saying so stops a keep-alive client from reusing a dead socket.
 */
function tooLarge(c: Context<AppEnv>): Response {
  return problem(c, 'payload_too_large', 413, {}, { Connection: 'close' });
}


/**
 * Seeds an empty store: customers, then their orders and credits through the routes' services
 * (see `writeSeed`). Requests wait for it (`ready`).
 */
async function seedStore(ctx: ServerContext, options: AppOptions): Promise<void> {
  const count = options.seed ?? 0;
  if (count <= 0) return;
  if ((await ctx.store.customerCount()) > 0) return;
  const data = generateSeed(count, options.seedValue ?? 1);
  await writeSeed(ctx, options.seedHistory === false ? { ...data, history: [] } : data);
}

/**
 * Re-seals the stored secrets under the current key: plain ones kept before sealing began (the
 * migration of an existing store) and those of an older key after a rotation. Without a key
 * (PostgreSQL without `--secrets-key`) plain values stay as they are and are still read.
 */
async function resealSecrets(ctx: ServerContext): Promise<void> {
  if (!ctx.secrets.configured) return;
  await inTransaction(ctx, (t) => resealChannelSettings(t));
  await inTransaction(ctx, (t) => resealWebPushKeys(t));
  await resealWebhookEndpoints(ctx);
}

/** The CLI's provider flags, written into the channel settings for the channels they name. */
async function seedChannelSettings(ctx: ServerContext, settings: Partial<StoredChannelSettings> | undefined): Promise<void> {
  if (!settings || !Object.keys(settings).length) return;
  await ctx.store.transaction(async (store) => {
    const t = Object.assign(Object.create(ctx) as ServerContext, { store });
    await writeChannelSettings(t, { ...((await readChannelSettings(t)) ?? defaultChannelSettings()), ...settings });
  });
}

/**
 * Creates the mock server in process: a Hono app over a seeded store. Requests wait until the
 * seed is written (`ready`).
 *
 * @example
 * const server = createApp({ seed: 200 });
 * const res = await server.fetch(new Request('http://x/v1/customers', { headers: { Authorization: `Bearer ${server.keys.secret}` } }));
 */
export function createApp(options: AppOptions = {}): MockServer {
  const keys = { secret: options.secretKey ?? DEFAULT_SECRET_KEY, publishable: options.publishableKey ?? DEFAULT_PUBLISHABLE_KEY };
  const store: Store = options.store ?? new SyncStoreAdapter(new MemoryStore());
  const secrets = options.secretsKey ? SecretBox.fromKeys(parseSecretsKeys(options.secretsKey)) : store.kind === 'memory' ? SecretBox.processLocal() : SecretBox.none();
  const ctx: ServerContext = { store, now: options.now ?? (() => new Date()), keys, version: 0, passwords: createPasswordHasher(options.scrypt), background: new Set(), secrets };
  const webhooks = new WebhookDispatcher(store, { now: ctx.now, secrets, ...options.webhooks });
  ctx.webhooks = webhooks;
  const messages = new MessageDispatcher(ctx, { now: ctx.now, ...options.messages });
  const automations = new AutomationScheduler(ctx, { now: ctx.now, ...options.automations }, () => messages.wake());

  // Secrets stored plain (before sealing) or under an older key are re-sealed first; one the keys
  // cannot open stops the start with a SecretsKeyError that names the key it needs.
  const ready = resealSecrets(ctx)
    .then(() => seedStore(ctx, options))
    .then(() => seedChannelSettings(ctx, options.messages?.channelSettings));
  // A failed seed is reported by every request (through `ready`), not as an unhandled rejection.
  ready.catch(() => undefined);

  // Automatic categories' walks run after requests, never in their way: at most one at a time per
  // process and one check a minute (the in-page server has no timers; see service/rules.ts).
  let maintaining: Promise<void> | undefined;
  let maintainedAt = -Infinity;
  const maintain = (): Promise<void> => {
    maintaining ??= maintainRules(ctx)
      .catch((err: unknown) => console.error('clientela: automatic categories', err))
      .finally(() => {
        maintaining = undefined;
      });
    return maintaining;
  };

  const app = new Hono<AppEnv>();
  app.use('*', async (_c, next) => {
    await ready;
    await next();
    const now = ctx.now().getTime();
    if (now - maintainedAt >= RULE_CHECK_MS) {
      maintainedAt = now;
      void maintain();
    }
  });

  app.onError((err, c) => {
    if (err instanceof StoreConflict) err = conflictProblem(err, c.get('locale') ?? 'pt-BR');
    if (err instanceof HttpProblem) return problemResponse(err.status, problemBody(err.kind, err.status, c.get('locale') ?? 'pt-BR', err.extra), err.headers);
    const status = (err as { status?: number }).status;
    if (status === 413) return tooLarge(c);
    console.error(err);
    return problemResponse(500, problemBody('internal', 500, c.get('locale') ?? 'pt-BR'));
  });
  app.notFound((c) => problem(c, 'route_not_found', 404));

  app.use('*', async (c, next) => {
    c.set('locale', resolveLocale(c.req.header('Accept-Language')));
    await next();
  });

  if (options.cors?.length) {
    const list = options.cors;
    app.use(
      '*',
      cors({
        origin: list.includes('*') ? '*' : list,
        allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Actor', 'Accept-Language', 'Clientela-Session'],
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        exposeHeaders: ['ETag', 'Content-Disposition', 'Retry-After', 'Location', 'Idempotent-Replayed'],
        maxAge: 600,
      }),
    );
  }

  const [minLatency, maxLatency] = options.latency ?? [0, 0];
  const failRate = options.failRate ?? 0;
  if (maxLatency > 0 || failRate > 0) {
    // Fault injection for widget developers; never on the health check or the document.
    app.use('*', async (c, next) => {
      if (c.req.path === '/healthz' || c.req.path === '/openapi.json' || c.req.method === 'OPTIONS') return next();
      if (maxLatency > 0) await new Promise((r) => setTimeout(r, minLatency + Math.random() * (maxLatency - minLatency)));
      if (failRate > 0 && Math.random() < failRate) return problem(c, 'unavailable', 503, {}, { 'Retry-After': '1' });
      return next();
    });
  }

  // The development keys (configuration, always valid: on a fresh store they are how the first
  // managed key is made), else a managed key looked up in the store on every request.
  const authenticator = new ApiKeyAuthenticator(ctx);
  app.use('/v1/*', async (c, next) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
    const key = m?.[1];
    if (!key) return problem(c, 'unauthorized', 401, {}, { 'WWW-Authenticate': 'Bearer' });
    c.set('keyReadOnly', false);
    if (key === keys.secret || key === keys.publishable) {
      c.set('keyKind', key === keys.secret ? 'secret' : 'publishable');
      c.set('keyId', keyIdOf(key));
    } else {
      const record = await authenticator.authenticate(key);
      if (!record) {
        // Key guessing from one address is slowed (counted in the store, shared by processes).
        const wait = await countBadKey(ctx, clientAddress(c), key, options.badKeyLimit);
        if (wait > 0) return problem(c, 'too_many_bad_keys', 429, {}, { 'Retry-After': String(wait) });
        return problem(c, 'unauthorized', 401, {}, { 'WWW-Authenticate': 'Bearer' });
      }
      c.set('keyKind', record.kind);
      c.set('keyId', apiKeyLabel(record));
      c.set('keyName', record.name);
      c.set('apiKeyId', record.id);
      c.set('keyReadOnly', record.readOnly);
    }
    const actor = c.req.header('X-Actor')?.trim().slice(0, 120);
    c.set('actorName', actor || undefined);
    return next();
  });

  const jsonLimit = options.bodyLimit ?? 1024 * 1024;
  const limitJson = bodyLimit({ maxSize: jsonLimit, onError: (c) => tooLarge(c as Context<AppEnv>) });
  const limitImport = bodyLimit({ maxSize: IMPORT_LIMIT, onError: (c) => tooLarge(c as Context<AppEnv>) });
  // A GET or HEAD has no body to limit, and asking for one (`c.req.raw.body`) makes the Node
  // adapter build a whole WHATWG Request with its AbortSignal for every list page.
  app.use('/v1/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : c.req.path === '/v1/imports' ? limitImport(c, next) : limitJson(c, next)));

  const rate = options.rateLimit ?? { windowMs: 60_000, max: 600 };
  // Counted in the store (expiring records), so every process sharing it shares the limit.
  const router = createRouter(app, async (c, route) => {
    if (route.access !== 'public') return undefined;
    const now = Date.now();
    const w = await store.countHit(`rate:${c.get('keyId')}|${clientAddress(c)}`, new Date(now).toISOString(), new Date(now + rate.windowMs).toISOString());
    if (w.count === 1) await purgeExpired(ctx);
    if (w.count > rate.max) return problem(c, 'rate_limited', 429, {}, { 'Retry-After': String(Math.max(1, Math.ceil((Date.parse(w.resetAt) - now) / 1000))) });
    return undefined;
  });

  router.define({
    method: 'get',
    path: '/healthz',
    tag: 'system',
    summary: 'Liveness',
    access: 'none',
    responses: { 200: { description: 'OK', schema: z.object({ status: z.literal('ok'), store: z.enum(['memory', 'sqlite', 'postgres']), customers: z.int() }) } },
    handler: async (c) => c.json({ status: 'ok' as const, store: store.kind, customers: await store.customerCount() }),
  });
  router.define({
    method: 'get',
    path: '/openapi.json',
    tag: 'system',
    summary: 'This OpenAPI 3.1 document',
    access: 'none',
    responses: { 200: { description: 'The document', schema: z.record(z.string(), z.unknown()) } },
    handler: (c) => c.json(buildOpenApi(router.routes, new URL(c.req.url).origin)),
  });
  registerSync(router, ctx);
  registerCustomers(router, ctx);
  registerOrders(router, ctx);
  registerCredits(router, ctx);
  registerCategories(router, ctx);
  registerSettingsAndAudit(router, ctx);
  registerPublic(router, ctx, new CepLookup(options.cep), () => messages.wake());
  registerPasswordChecks(router, ctx);
  registerMe(router, ctx);
  registerDevices(router, ctx);
  registerChannelSettings(router, ctx, () => messages.wake());
  registerConsent(router, ctx);
  registerPrivacy(router, ctx);
  registerApprovals(router, ctx);
  registerExports(router, ctx);
  registerImports(router, ctx);
  registerViews(router, ctx);
  registerUnits(router, ctx);
  registerMessages(router, ctx, () => messages.wake());
  registerAutomations(router, ctx);
  registerPasswordResets(router, ctx, () => messages.wake());
  registerEvents(router, ctx);
  registerWebhooks(router, ctx);
  registerApiKeys(router, ctx);
  registerDuplicates(router, ctx);

  // Deliveries start once the seed is written (the seed emits no events, but a store reopened
  // with pending deliveries resumes them).
  if (options.webhooks?.autoStart) void ready.then(() => webhooks.start(), () => undefined);
  if (options.messages?.autoStart) void ready.then(() => messages.start(), () => undefined);
  // Work another process queued wakes these dispatchers at once (PostgreSQL's NOTIFY at commit),
  // not at their next poll, which backs off to maxPollMs while idle. Without it, polls still find it.
  const listening =
    (options.webhooks?.autoStart || options.messages?.autoStart) && store.listenForWork
      ? store
          .listenForWork((work) => (work === 'webhooks' ? webhooks.wake() : messages.wake()))
          .catch((err: unknown) => {
            console.error('clientela: not listening for work queued by other processes; polling finds it', err);
            return undefined;
          })
      : undefined;
  if (options.automations?.autoStart) void ready.then(() => automations.start(), () => undefined);
  // Whoever awaits `ready` hears of a failed start; nobody awaiting it is not an unhandled rejection.
  const started = Promise.all([ready, listening]).then(() => undefined);
  started.catch(() => undefined);

  return {
    app,
    fetch: async (request) => app.fetch(request),
    keys,
    store,
    ready: started,
    routes: router.routes,
    openapi: () => buildOpenApi(router.routes),
    maintain: async () => {
      await ready;
      await Promise.all(ctx.background ?? []);
      await maintaining;
      // This run is the minute's check: a request right after it does not start another one in
      // the background (which would hold a rule's lease while the caller reads the result).
      maintainedAt = ctx.now().getTime();
      await maintain();
    },
    webhooks,
    messages,
    automations,
    close: async () => {
      // A close during the start lets the seed finish rather than closing the store under it.
      await ready.catch(() => undefined);
      await (await listening)?.();
      await Promise.all(ctx.background ?? []);
      await maintaining;
      await webhooks.stop();
      await automations.stop();
      await messages.stop();
      await authenticator.idle();
      await store.close();
    },
  };
}
