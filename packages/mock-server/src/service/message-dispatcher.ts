import { MESSAGE_CHANNELS, type MessageChannel } from '@clientela/core/schemas';
import { inTransaction, type ServerContext } from '../context.js';
import type { RecipientOutcome, StoredDevice, StoredRecipient } from '../store/types.js';
import { randomBytes, toBase64Url } from '../util/bytes.js';
import { emit } from './events.js';
import { DevelopmentProvider, DeviceGoneError, ProviderError, type MessageProvider, type OutgoingMessage, type ProviderReceipt } from './message-providers.js';
import { addressFor, devicesFor, skipReason, transactionalSkipReason } from './messages.js';
import { Poller } from './poller.js';
import { providersFrom, ratesFrom, readChannelSettings, type SmtpFactory, type StoredChannelSettings, type WebPushFactory } from './channel-settings.js';
import { webPushKeys } from './web-push-keys.js';

/** Seconds before each retry of a message the provider did not accept (then `failed`). */
export const MESSAGE_RETRY_SCHEDULE = [30, 120, 600, 1_800, 3_600] as const;

export interface MessageDispatchOptions {
  /** Poll on a timer (the CLI does; default false: call `runOnce` yourself). */
  autoStart?: boolean;
  /** The provider of each channel (default: the development provider for all). */
  providers?: Partial<Record<MessageChannel, MessageProvider>>;
  /** Messages per minute per channel, across every process sharing the store (default: no limit). */
  ratePerMinute?: Partial<Record<MessageChannel, number>>;
  now?: () => Date;
  schedule?: readonly number[];
  random?: () => number;
  /** Milliseconds a lease lasts; must outlast a provider's answer (default 60 s). */
  leaseMs?: number;
  /** Milliseconds between rounds while there is work (default 1 s). */
  pollMs?: number;
  /**
   * The bound of the idle backoff (default 10 s): rounds that find nothing wait longer each time,
   * up to this. A batch queued in this process wakes the dispatcher at once; one queued by another
   * process, and retries that come due, wait at most this long.
   */
  maxPollMs?: number;
  /** Recipients leased per channel and round (default 50). */
  batch?: number;
  /**
   * Channel settings written into the store at start for the channels named (the CLI's flags);
   * the others keep what is stored. Once the store holds settings (`/v1/settings/channels`),
   * they choose each channel's provider and rate on every process, read each round;
   * `providers` and `ratePerMinute` apply only until then.
   */
  channelSettings?: Partial<StoredChannelSettings>;
  /** Makes the SMTP provider the settings name (Node; the browser build has none). */
  smtp?: SmtpFactory;
  /** Makes the Web Push provider the push channel's `webpush` setting uses (Node; the browser build has none). */
  webPush?: WebPushFactory;
}

const JITTER = 0.2;

/**
 * Sends the outbox: per channel, leases the due recipients (a lease expires, so a crashed
 * process's rows are taken by another after `leaseMs`), checks consent and contact again at send
 * time (revoked since the batch: `skipped`, with the reason), hands each to the channel's
 * provider and records the outcome — `delivered`/`sent`, a retry after the schedule's next wait
 * with jitter, or `failed` — with its `message.delivered`/`message.failed` event, in one
 * transaction and only while it still holds the lease.
 *
 * At-least-once edge: if a process stops after the provider accepted a message but before the
 * outcome is written, the lease lapses and another process sends it again. The row's id travels
 * as the provider's idempotency key (`Idempotency-Key` of the webhook provider, the e-mail's
 * `Message-ID`), so a provider that honours it drops the second copy.
 *
 * @example
 * const d = new MessageDispatcher(ctx, { providers: { email: smtp } });
 * await d.drain(); // sends everything due now
 */
export class MessageDispatcher {
  readonly owner = `msgd_${toBase64Url(randomBytes(9))}`;
  readonly #ctx: ServerContext;
  readonly #providers: Record<MessageChannel, MessageProvider>;
  readonly #rate: Partial<Record<MessageChannel, number>>;
  readonly #now: () => Date;
  readonly #schedule: readonly number[];
  readonly #random: () => number;
  readonly #leaseMs: number;
  readonly #batch: number;
  readonly #smtp: SmtpFactory | undefined;
  readonly #webPush: WebPushFactory | undefined;
  /** The providers and rates of the stored settings last read, and those settings as JSON. */
  #fromSettings: { key: string; providers: Record<MessageChannel, MessageProvider>; rate: Partial<Record<MessageChannel, number>> } | undefined;
  readonly #poller: Poller;

  constructor(ctx: ServerContext, options: MessageDispatchOptions = {}) {
    this.#ctx = ctx;
    const dev = new DevelopmentProvider();
    this.#providers = { email: dev, sms: dev, whatsapp: dev, push: dev, ...options.providers };
    this.#rate = options.ratePerMinute ?? {};
    this.#now = options.now ?? (() => ctx.now());
    this.#schedule = options.schedule ?? MESSAGE_RETRY_SCHEDULE;
    this.#random = options.random ?? Math.random;
    this.#leaseMs = options.leaseMs ?? 60_000;
    const pollMs = options.pollMs ?? 1000;
    this.#poller = new Poller(() => this.#round(), { name: 'message dispatcher', intervalMs: pollMs, maxIntervalMs: options.maxPollMs ?? Math.max(pollMs, 10_000) });
    this.#batch = options.batch ?? 50;
    this.#smtp = options.smtp;
    this.#webPush = options.webPush;
  }

  /** Each channel's provider and rate now: the store's settings when it holds any (rebuilt only when they changed). */
  async #current(): Promise<{ providers: Record<MessageChannel, MessageProvider>; rate: Partial<Record<MessageChannel, number>> }> {
    const stored = await readChannelSettings(this.#ctx);
    if (!stored) return { providers: this.#providers, rate: this.#rate };
    const key = JSON.stringify(stored);
    if (this.#fromSettings?.key !== key) this.#fromSettings = { key, providers: providersFrom(stored, this.#smtp, { factory: this.#webPush, keys: () => webPushKeys(this.#ctx) }), rate: ratesFrom(stored) };
    return this.#fromSettings;
  }

  /** Polls until {@link stop}, backing off while idle. */
  start(): void {
    this.#poller.start();
  }

  /** A batch was queued: look now rather than at the next poll. */
  wake(): void {
    this.#poller.wake();
  }

  /** Stops polling and waits for the round in flight. */
  stop(): Promise<void> {
    return this.#poller.stop();
  }

  /** One round over every channel; resolves with how many recipients were tried. Rounds do not overlap in a process. */
  runOnce(): Promise<number> {
    return this.#poller.runOnce();
  }

  /** Rounds until nothing is due now (tests; retries scheduled later are left for later). */
  async drain(): Promise<void> {
    while ((await this.runOnce()) > 0);
  }

  async #round(): Promise<number> {
    let tried = 0;
    const { providers, rate } = await this.#current();
    for (const channel of MESSAGE_CHANNELS) {
      const now = this.#now();
      let limit = this.#batch;
      const perMinute = rate[channel];
      if (perMinute !== undefined) {
        const used = await this.#ctx.store.countMessagesSentSince(channel, new Date(now.getTime() - 60_000).toISOString());
        limit = Math.min(limit, Math.max(0, perMinute - used));
      }
      if (!limit) continue;
      const leased = await this.#ctx.store.leaseMessageRecipients(this.owner, channel, now.toISOString(), new Date(now.getTime() + this.#leaseMs).toISOString(), limit);
      await Promise.all(leased.map((r) => this.#send(r, providers[channel])));
      tried += leased.length;
    }
    return tried;
  }

  async #send(r: StoredRecipient, provider: MessageProvider): Promise<void> {
    const customer = await this.#ctx.store.getCustomer(r.customerId);
    const at = this.#now().toISOString();
    const base = { attempts: r.attempts, updatedAt: at };
    const devices = customer ? await devicesFor(this.#ctx, customer.id, r.channel) : [];
    // Consent and contact are read again now: a customer who opted out (or removed the app) after the batch was made is skipped.
    const reason = customer ? (r.transactional ? transactionalSkipReason : skipReason)(customer, r.channel, devices.length) : 'inactive';
    const to = customer && addressFor(customer, r.channel);
    if (reason || (!to && !devices.length)) {
      await this.#finish(r, { ...base, status: 'skipped', skipReason: reason ?? 'no_contact', nextAttemptAt: null });
      return;
    }
    const message = { id: r.id, channel: r.channel, customerId: r.customerId, to: to ?? '', subject: r.subject, text: r.text };
    // The e-mail or phone it went to, as the record had it then: the person's own data, shown in
    // their access archive (push goes to the devices, which have no address).
    const addressed = to ? { address: to } : {};
    try {
      const retire = (d: StoredDevice) => this.#ctx.store.deleteDevice(d.customerId, d.id);
      const receipt = r.channel === 'push' ? await sendToDevices(provider, message, devices, retire) : await provider.send(message);
      await this.#finish(r, {
        attempts: r.attempts + 1,
        updatedAt: at,
        ...addressed,
        status: receipt.delivered ? 'delivered' : 'sent',
        nextAttemptAt: null,
        sentAt: at,
        ...(receipt.providerMessageId ? { providerMessageId: receipt.providerMessageId } : {}),
      });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const attempts = r.attempts + 1;
      const wait = this.#schedule[attempts - 1];
      if (wait === undefined || (e instanceof ProviderError && e.permanent)) {
        await this.#finish(r, { attempts, updatedAt: at, ...addressed, status: 'failed', error, nextAttemptAt: null });
      } else {
        const ms = wait * 1000 * (1 + JITTER * (2 * this.#random() - 1));
        await this.#finish(r, { attempts, updatedAt: at, ...addressed, status: 'queued', error, nextAttemptAt: new Date(Date.parse(at) + ms).toISOString() });
      }
    }
  }

  async #finish(r: StoredRecipient, outcome: RecipientOutcome): Promise<void> {
    await inTransaction(this.#ctx, async (t) => {
      if (!(await t.store.finishMessageRecipient(r.id, this.owner, outcome))) return;
      if (outcome.status === 'delivered') await emit(t, 'message.delivered', { messageId: r.messageId, customerId: r.customerId, channel: r.channel });
      if (outcome.status === 'failed') await emit(t, 'message.failed', { messageId: r.messageId, customerId: r.customerId, channel: r.channel, error: outcome.error ?? '' });
    });
  }
}

/**
 * A push message: once to each device, the row's id and the device's as the idempotency key (a
 * retry resends to every device; a gateway that keeps keys drops the copies already taken).
 * Accepted by at least one device and refused for good by the others: sent. Refused for good by
 * all: a permanent error. A passing failure on any device: thrown, so the row is retried.
 */
async function sendToDevices(provider: MessageProvider, message: OutgoingMessage, devices: readonly StoredDevice[], retire: (d: StoredDevice) => Promise<unknown>): Promise<ProviderReceipt> {
  const receipts: ProviderReceipt[] = [];
  const refused: string[] = [];
  let passing: unknown;
  for (const d of devices) {
    try {
      receipts.push(await provider.send({ ...message, id: `${message.id}.${d.id}`, to: d.token, device: { id: d.id, platform: d.platform, appName: d.appName, ...(d.subscription ? { subscription: d.subscription } : {}) } }));
    } catch (e) {
      // Gone for good (a Web Push subscription answered 404/410): the device is let go, so no later message tries it.
      if (e instanceof DeviceGoneError) await retire(d);
      if (e instanceof ProviderError && e.permanent) refused.push(e.message);
      else passing ??= e;
    }
  }
  if (passing !== undefined) throw passing;
  if (!receipts.length) throw new ProviderError(refused.join('; '), true);
  const ids = receipts.map((x) => x.providerMessageId).filter(Boolean);
  return { delivered: receipts.every((x) => x.delivered), ...(ids.length ? { providerMessageId: ids.join(',') } : {}) };
}
