import { MESSAGE_CHANNELS, type ChannelSettings, type ChannelSettingsUpdate, type FieldIssue, type MessageChannel } from '@clientela/core/schemas';
import type { Locale } from '@clientela/core/i18n';
import type { ServerContext } from '../context.js';
import { fail422, fieldIssue } from '../http/problem.js';
import { DevelopmentProvider, ProviderError, type MessageProvider, type OutgoingMessage, type ProviderReceipt } from './message-providers.js';
import type { WebPushKeys } from './web-push-keys.js';
import { WebhookMessageProvider } from './webhook-message-provider.js';

// Channel settings (#17 §2): which provider sends each channel, and how fast, kept in the store so
// every server process sends the same way and a change made in the admin holds at once. Secrets
// (the SMTP password, the gateways' signing secrets) are sealed at rest (service/secrets.ts) and
// never answered: reads mask them.

/** Where the settings live in the store's meta. */
export const CHANNEL_SETTINGS_KEY = 'settings:channels';

type WithSecret<T> = Omit<T, 'secret'> & { secret?: string | undefined };

/** The settings as stored: the update's shape, secrets included. */
export type StoredChannelSettings = {
  email: Omit<ChannelSettingsUpdate['email'], 'password'> & { password?: string | undefined };
  sms: WithSecret<ChannelSettingsUpdate['sms']>;
  whatsapp: WithSecret<ChannelSettingsUpdate['whatsapp']>;
  push: WithSecret<ChannelSettingsUpdate['push']>;
};

/** Every channel through the development provider, no limit: what a store starts with. */
export function defaultChannelSettings(): StoredChannelSettings {
  return { email: { provider: 'development' }, sms: { provider: 'development' }, whatsapp: { provider: 'development' }, push: { provider: 'development' } };
}

/** Where each secret of the settings is bound (the associated data of its seal). */
const SEALED_AT = 'settings:channels';

/** The stored settings with `fn` applied to each secret present. */
async function mapSecrets(s: StoredChannelSettings, fn: (value: string) => Promise<string>): Promise<StoredChannelSettings> {
  const gateway = async <K extends 'sms' | 'whatsapp' | 'push'>(ch: K): Promise<StoredChannelSettings[K]> => ({ ...s[ch], ...(s[ch].secret ? { secret: await fn(s[ch].secret) } : {}) });
  return {
    email: { ...s.email, ...(s.email.password ? { password: await fn(s.email.password) } : {}) },
    sms: await gateway('sms'),
    whatsapp: await gateway('whatsapp'),
    push: await gateway('push'),
  };
}

/** The settings, secrets opened; a {@link SecretsKeyError} when the configured keys cannot open them. */
export async function readChannelSettings(ctx: ServerContext): Promise<StoredChannelSettings | undefined> {
  const stored = await ctx.store.getMeta<StoredChannelSettings>(CHANNEL_SETTINGS_KEY);
  return stored && mapSecrets(stored, (v) => ctx.secrets.open(v, SEALED_AT));
}

/** Stores the settings, secrets sealed (`secrets_key_required` without a key, when there is a secret to keep). */
export async function writeChannelSettings(ctx: ServerContext, settings: StoredChannelSettings): Promise<void> {
  await ctx.store.setMeta(CHANNEL_SETTINGS_KEY, await mapSecrets(settings, (v) => ctx.secrets.seal(v, SEALED_AT)));
}

/** Re-seals the stored settings' secrets under the current key (plain ones from before sealing, an older key's); true when it wrote. */
export async function resealChannelSettings(ctx: ServerContext): Promise<boolean> {
  const stored = await ctx.store.getMeta<StoredChannelSettings>(CHANNEL_SETTINGS_KEY);
  if (!stored) return false;
  let stale = false;
  const next = await mapSecrets(stored, async (v) => {
    if (ctx.secrets.isStale(v)) stale = true;
    return ctx.secrets.reseal(v, SEALED_AT);
  });
  if (stale) await ctx.store.setMeta(CHANNEL_SETTINGS_KEY, next);
  return stale;
}

/** `••••••ab12`: enough to recognise a secret, not to use it. */
function mask(secret: string | undefined): string | undefined {
  return secret ? `••••••${secret.slice(-4)}` : undefined;
}

/** The settings as answered: secrets masked. */
export function publicChannelSettings(s: StoredChannelSettings): ChannelSettings {
  const { password, ...email } = s.email;
  const gateway = <K extends 'sms' | 'whatsapp' | 'push'>(ch: K): ChannelSettings[K] => {
    const { secret, ...rest } = s[ch];
    return { ...rest, ...(secret ? { secretMasked: mask(secret)! } : {}) } as ChannelSettings[K];
  };
  return { email: { ...email, ...(password ? { passwordMasked: mask(password)! } : {}) }, sms: gateway('sms'), whatsapp: gateway('whatsapp'), push: gateway('push') };
}

/**
 * The update applied to what is stored: a secret left out keeps the stored one; what a provider
 * needs is required (SMTP: host, port, sender; webhook: URL and a signing secret), 422 otherwise.
 */
export function applyChannelUpdate(current: StoredChannelSettings | undefined, body: ChannelSettingsUpdate, locale: Locale): StoredChannelSettings {
  const issues: FieldIssue[] = [];
  const password = body.email.password ?? current?.email.password;
  const email = { ...body.email, ...(password ? { password } : {}) };
  if (email.provider === 'smtp') {
    for (const f of ['host', 'port', 'from'] as const) if (email[f] === undefined || email[f] === '') issues.push(fieldIssue(`email.${f}`, 'required', locale));
  }
  const gateway = <K extends 'sms' | 'whatsapp' | 'push'>(ch: K): StoredChannelSettings[K] => {
    const secret = body[ch].secret ?? current?.[ch].secret;
    const out: StoredChannelSettings[K] = { ...body[ch], ...(secret ? { secret } : {}) };
    if (out.provider === 'webhook') {
      if (!out.url) issues.push(fieldIssue(`${ch}.url`, 'required', locale));
      if (!out.secret) issues.push(fieldIssue(`${ch}.secret`, 'required', locale));
    }
    // Web Push: the app devices' gateway is optional, but a URL needs its signing secret.
    if (out.provider === 'webpush' && out.url && !out.secret) issues.push(fieldIssue(`${ch}.secret`, 'required', locale));
    return out;
  };
  const next = { email, sms: gateway('sms'), whatsapp: gateway('whatsapp'), push: gateway('push') };
  if (issues.length) fail422(issues);
  return next;
}

/** Makes an SMTP provider (Node only: the browser build of the server has none). */
export type SmtpFactory = (options: { host: string; port: number; secure?: boolean; auth?: { user: string; pass: string }; from: string }) => MessageProvider;

/** Makes the Web Push provider over the store's VAPID keys (Node only: the browser build of the server has none). */
export type WebPushFactory = (keys: () => Promise<WebPushKeys>) => MessageProvider;

/**
 * Push set to `webpush`: a browser's subscription goes over Web Push, an app device's token to the
 * gateway when one is set; otherwise the device is refused for good, saying why.
 */
class PushRouter implements MessageProvider {
  readonly name = 'webpush';
  constructor(
    readonly webPush: MessageProvider | undefined,
    readonly gateway: MessageProvider | undefined,
  ) {}

  send(message: OutgoingMessage): Promise<ProviderReceipt> {
    if (message.device?.subscription) {
      if (!this.webPush) return Promise.reject(new ProviderError('Web Push is not available in this server (the in-page build sends none)', true));
      return this.webPush.send(message);
    }
    if (this.gateway) return this.gateway.send(message);
    return Promise.reject(new ProviderError('an app device (not a browser subscription) needs the push gateway: set the push channel’s webhook URL and secret', true));
  }
}

/**
 * The providers the stored settings name, per channel (`undefined`: the channel was not set, so
 * the dispatcher's own choice stands). SMTP without a factory (the browser) stays in development.
 */
export function providersFrom(s: StoredChannelSettings, smtp: SmtpFactory | undefined, webPush?: { factory: WebPushFactory | undefined; keys: () => Promise<WebPushKeys> }): Record<MessageChannel, MessageProvider> {
  const dev = new DevelopmentProvider();
  const out = {} as Record<MessageChannel, MessageProvider>;
  for (const ch of MESSAGE_CHANNELS) {
    if (ch === 'email') {
      const e = s.email;
      out.email =
        e.provider === 'smtp' && smtp && e.host && e.port && e.from
          ? smtp({ host: e.host, port: e.port, secure: e.secure ?? e.port === 465, ...(e.user ? { auth: { user: e.user, pass: e.password ?? '' } } : {}), from: e.from })
          : dev;
    } else {
      const g = s[ch];
      const gateway = g.url && g.secret ? new WebhookMessageProvider({ url: g.url, secret: g.secret }) : undefined;
      out[ch] = g.provider === 'webpush' ? new PushRouter(webPush?.factory && webPush.factory(webPush.keys), gateway) : g.provider === 'webhook' && gateway ? gateway : dev;
    }
  }
  return out;
}

/** The rate per minute of each channel that has one. */
export function ratesFrom(s: StoredChannelSettings): Partial<Record<MessageChannel, number>> {
  const out: Partial<Record<MessageChannel, number>> = {};
  for (const ch of MESSAGE_CHANNELS) {
    const r = s[ch].ratePerMinute;
    if (r) out[ch] = r;
  }
  return out;
}
