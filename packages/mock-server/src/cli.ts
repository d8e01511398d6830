#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { parseSecretsKeys } from './service/secrets.js';
import { SchemaTooNewError, SecretsKeyError, startServer, type StartedServer, type StoredChannelSettings } from './index.js';
import { redact } from './store/postgres.js';

const HELP = `Usage: clientela-mock-server [options]

  --port <n>              port (default 4010; 0 picks a free one)
  --host <addr>           interface (default 127.0.0.1)
  --seed <n>              customers to seed into an empty store (default 0)
  --seed-value <n>        PRNG seed; the same value gives the same data (default 1)
  --db <file>             SQLite file (data survives restarts); in memory without it
  --database-url <url>    PostgreSQL (postgres://…; also CLIENTELA_DATABASE_URL): many processes may share it
  --latency <min-max>     added latency in ms, e.g. 0-300
  --fail-rate <0..1>      share of requests answered 503 with Retry-After
  --cors <origins>        comma-separated allowed origins (or *)
  --secret-key <key>      default sk_test_clientela
  --publishable-key <key> default pk_test_clientela
  --rate-limit <max/ms>   public routes, e.g. 600/60000 (the default)
  --bad-key-limit <max/ms> requests with an unknown, revoked or expired key one address may send before
                          429 too_many_bad_keys, e.g. 20/600000 (the default); the address that trips it
                          is written once per window in the data log; also CLIENTELA_BAD_KEY_LIMIT
  --webhook-retries <s,…> seconds before each retry of a webhook delivery, e.g. 2,2,5 for
                          development (default 30,60,120,… over about 33 hours)
  --cep <mode>            offline (default: the bundled table, else the city or UF of the CEP's range) or online
                          (ViaCEP and BrasilAPI, cached in the store; offline answer when they fail);
                          also CLIENTELA_CEP
  --cep-service-url <url> send the CEP services' requests to <url>/viacep/… and <url>/brasilapi/… (a
                          local fake of them; also CLIENTELA_CEP_SERVICE_URL)
  --smtp <url>            send e-mail messages over SMTP: smtp://user:pass@host:587 (STARTTLS when offered)
                          or smtps://…:465; with --smtp-from. Without it, messages go to the offline
                          development provider (kept in the outbox, marked delivered)
  --smtp-from <address>   the sender of e-mail messages, e.g. "Loja <contato@loja.com.br>"
  --message-webhook <url> send SMS, WhatsApp and push messages as signed POSTs to a gateway at <url>;
                          the signing secret from CLIENTELA_MESSAGE_WEBHOOK_SECRET
  --message-rate <c=n,…>  messages per minute per channel across processes, e.g. email=600,sms=60
  --web-push-subject <s>  the VAPID contact push services see for this store's Web Push messages:
                          mailto:contato@loja.com.br or https://loja.com.br (default
                          mailto:push@clientela.invalid); the push channel sends Web Push when set
                          to webpush (/v1/settings/channels)
  --secrets-key <key>     the key that seals the secrets kept in the store (SMTP password, signing
                          secrets, the Web Push private key): 32 random bytes in base64
                          (openssl rand -base64 32); while rotating, new,old (the first seals, all
                          open). Also CLIENTELA_SECRETS_KEY. Without it: memory uses a key of this
                          process, --db a key file created beside the database (<file>.secrets-key,
                          mode 0600), and --database-url keeps no new secret (give the same key to
                          every process)
  --automation-poll <s>   seconds between the automations' rounds (default 60; a small value for
                          development and end-to-end tests)
  --help`;

function fail(message: string): never {
  console.error(`clientela-mock-server: ${message}\n\n${HELP}`);
  process.exit(2);
}

function num(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) fail(`--${name} must be a non-negative number`);
  return n;
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        smtp: { type: 'string' },
        'smtp-from': { type: 'string' },
        'message-webhook': { type: 'string' },
        'message-rate': { type: 'string' },
        'automation-poll': { type: 'string' },
        'secrets-key': { type: 'string' },
        'web-push-subject': { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        'seed-value': { type: 'string' },
        db: { type: 'string' },
        'database-url': { type: 'string' },
        latency: { type: 'string' },
        'fail-rate': { type: 'string' },
        cors: { type: 'string' },
        'secret-key': { type: 'string' },
        'publishable-key': { type: 'string' },
        'rate-limit': { type: 'string' },
        'bad-key-limit': { type: 'string' },
        'webhook-retries': { type: 'string' },
        cep: { type: 'string' },
        'cep-service-url': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
})();

if (values.help) {
  console.log(HELP);
  process.exit(0);
}

let latency: [number, number] | undefined;
if (values.latency) {
  const m = /^(\d+)(?:-(\d+))?$/.exec(values.latency);
  if (!m) fail('--latency takes min-max in ms, e.g. 0-300');
  latency = [Number(m[1]), Number(m[2] ?? m[1])];
}
/** `max/windowMs` (both whole numbers, at least 1), or a failure naming the flag (or variable) and an example. */
function limitOf(name: string, value: string, example: string): { windowMs: number; max: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) fail(`${name} takes max/windowMs, e.g. ${example}`);
  return { max: Number(m[1]), windowMs: Number(m[2]) };
}
const rateLimit = values['rate-limit'] ? limitOf('--rate-limit', values['rate-limit'], '600/60000') : undefined;
const badKeyLimit = values['bad-key-limit']
  ? limitOf('--bad-key-limit', values['bad-key-limit'], '20/600000')
  : process.env.CLIENTELA_BAD_KEY_LIMIT
    ? limitOf('CLIENTELA_BAD_KEY_LIMIT', process.env.CLIENTELA_BAD_KEY_LIMIT, '20/600000')
    : undefined;
let webhookRetries: number[] | undefined;
if (values['webhook-retries']) {
  webhookRetries = values['webhook-retries'].split(',').map((v) => Number(v.trim()));
  if (!webhookRetries.length || webhookRetries.some((n) => !Number.isFinite(n) || n <= 0)) fail('--webhook-retries takes seconds separated by commas, e.g. 2,2,5');
}
const failRate = num('fail-rate', values['fail-rate'], 0);
if (failRate > 1) fail('--fail-rate is a share between 0 and 1');

const databaseUrl = values['database-url'] ?? process.env.CLIENTELA_DATABASE_URL;
if (databaseUrl && values.db) fail('--db and --database-url name two stores: give one');
if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) fail('--database-url takes a postgres:// URL');

const secretsKey = values['secrets-key'] ?? process.env.CLIENTELA_SECRETS_KEY;
if (secretsKey !== undefined) {
  try {
    parseSecretsKeys(secretsKey);
  } catch (e) {
    fail((e as Error).message);
  }
}
if (databaseUrl && !secretsKey && values['message-webhook']) fail('--message-webhook with --database-url needs --secrets-key (or CLIENTELA_SECRETS_KEY): every process reads the gateway secret sealed with it');
if (databaseUrl && !secretsKey && values.smtp && URL.canParse(values.smtp) && new URL(values.smtp).password) fail('--smtp with a password and --database-url needs --secrets-key (or CLIENTELA_SECRETS_KEY): every process reads the password sealed with it');

const webPushSubject = values['web-push-subject'];
if (webPushSubject !== undefined && !/^(mailto:\S+@\S+|https:\/\/\S+)$/.test(webPushSubject)) fail('--web-push-subject takes mailto:address or an https:// URL');

const cepMode = values.cep ?? process.env.CLIENTELA_CEP ?? 'offline';
if (cepMode !== 'offline' && cepMode !== 'online') fail('--cep takes offline or online');
const cepServiceUrl = values['cep-service-url'] ?? process.env.CLIENTELA_CEP_SERVICE_URL;
if (cepServiceUrl && !/^https?:\/\//.test(cepServiceUrl)) fail('--cep-service-url takes an http(s) URL');

// Message providers per channel: SMTP for e-mail, a signed webhook for the others; the offline
// development provider for whatever is not configured. The flags are written into the store's
// channel settings (/v1/settings/channels) at start, for the channels they name; the channels
// they do not name keep what the admin set.
const channelSettings: Partial<StoredChannelSettings> = {};
if (values.smtp) {
  let u: URL;
  try {
    u = new URL(values.smtp);
  } catch {
    fail('--smtp takes smtp://user:pass@host:port or smtps://…');
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') fail('--smtp takes smtp://user:pass@host:port or smtps://…');
  if (!values['smtp-from']) fail('--smtp needs --smtp-from, the sender of the messages');
  const secure = u.protocol === 'smtps:';
  channelSettings.email = {
    provider: 'smtp',
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    ...(u.username ? { user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) } : {}),
    from: values['smtp-from'],
  };
}
if (values['message-webhook']) {
  if (!/^https?:\/\//.test(values['message-webhook'])) fail('--message-webhook takes an http(s) URL');
  const secret = process.env.CLIENTELA_MESSAGE_WEBHOOK_SECRET;
  if (!secret) fail('--message-webhook needs CLIENTELA_MESSAGE_WEBHOOK_SECRET, the secret its POSTs are signed with');
  for (const ch of ['sms', 'whatsapp', 'push'] as const) channelSettings[ch] = { provider: 'webhook', url: values['message-webhook'], secret };
}
const ratePerMinute: Record<string, number> = {};
for (const part of values['message-rate']?.split(',') ?? []) {
  const m = /^(email|sms|whatsapp|push)=(\d+)$/.exec(part.trim());
  if (!m || Number(m[2]) < 1) fail('--message-rate takes channel=perMinute pairs, e.g. email=600,sms=60');
  ratePerMinute[m[1]!] = Number(m[2]);
}
for (const [ch, n] of Object.entries(ratePerMinute) as [keyof StoredChannelSettings, number][]) {
  channelSettings[ch] = { ...(channelSettings[ch] ?? { provider: 'development' }), ratePerMinute: n } as never;
}

let started: StartedServer;
try {
  started = await startServer({
    port: num('port', values.port, 4010),
    host: values.host ?? '127.0.0.1',
    seed: num('seed', values.seed, 0),
    seedValue: num('seed-value', values['seed-value'], 1),
    ...(values.db ? { db: values.db } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(latency ? { latency } : {}),
    failRate,
    ...(values.cors ? { cors: values.cors.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    ...(values['secret-key'] ? { secretKey: values['secret-key'] } : {}),
    ...(secretsKey ? { secretsKey } : {}),
    ...(webPushSubject ? { webPush: { subject: webPushSubject } } : {}),
    ...(values['publishable-key'] ? { publishableKey: values['publishable-key'] } : {}),
    ...(rateLimit ? { rateLimit } : {}),
    ...(badKeyLimit ? { badKeyLimit } : {}),
    ...(webhookRetries ? { webhooks: { schedule: webhookRetries } } : {}),
    ...(Object.keys(channelSettings).length ? { messages: { channelSettings } } : {}),
    // At least a tenth of a second between rounds: 0 would make the scheduler spin.
    automations: { pollMs: Math.max(100, num('automation-poll', values['automation-poll'], 60) * 1000) },
    cep: { mode: cepMode, ...(cepServiceUrl ? { serviceUrl: cepServiceUrl } : {}) },
  });
} catch (e) {
  // A database this server cannot serve: one clear line, no stack.
  if (e instanceof SchemaTooNewError || e instanceof SecretsKeyError) {
    console.error(`clientela-mock-server: ${e.message}`);
    process.exit(1);
  }
  if (!databaseUrl) throw e;
  console.error(`clientela-mock-server: cannot open PostgreSQL at ${redact(databaseUrl)}: ${(e as Error).message}`);
  process.exit(1);
}

console.log(`Clientela mock server listening on ${started.url}`);
console.log(`  secret key:      ${started.server.keys.secret}`);
console.log(`  publishable key: ${started.server.keys.publishable}`);
console.log(`  OpenAPI:         ${started.url}/openapi.json`);
console.log(`  store:           ${started.server.store.kind}${values.db ? ` (${values.db})` : databaseUrl ? ` (${redact(databaseUrl)})` : ''}, ${await started.server.store.customerCount()} customers`);
console.log(
  `  secrets:         ${secretsKey ? 'sealed with --secrets-key' : databaseUrl ? 'no --secrets-key: passwords and signing secrets are refused (set CLIENTELA_SECRETS_KEY on every process)' : values.db ? `sealed with the key file ${values.db}.secrets-key` : 'sealed with a key of this process (memory)'}`,
);
console.log(`  CEP lookup:      ${cepMode === 'online' ? `online (ViaCEP, BrasilAPI${cepServiceUrl ? ` at ${cepServiceUrl}` : ''}; cached)` : 'offline (bundled table, city and UF ranges; --cep online asks the real services)'}`);

const stop = () => {
  void started.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
