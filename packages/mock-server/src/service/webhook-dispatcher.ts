import { WEBHOOK_RETRY_SCHEDULE, type WebhookAttempt } from '@clientela/core/schemas';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '@clientela/core/webhooks';
import type { DeliveryOutcome, Store, StoredDelivery } from '../store/types.js';
import { randomBytes, toBase64Url } from '../util/bytes.js';
import { Poller } from './poller.js';
import { SecretBox } from './secrets.js';
import { openEndpoint } from './webhook-secrets.js';

/** How a server's webhook dispatcher runs. Every part is injectable, so tests neither sleep nor wait for the real schedule. */
export interface WebhookOptions {
  /** Poll for due deliveries on a timer (the CLI does; default false: call `runOnce` yourself). */
  autoStart?: boolean;
  /** The `fetch` that sends deliveries (default the global one). */
  fetch?: (request: Request) => Promise<Response>;
  /** The clock of the schedule and the leases (default the server's). */
  now?: () => Date;
  /** Seconds before each retry (default `WEBHOOK_RETRY_SCHEDULE`: 14 retries over about 33 hours). */
  schedule?: readonly number[];
  /** A number in [0, 1) for the jitter (default `Math.random`). */
  random?: () => number;
  /** Milliseconds a lease lasts; must outlast a delivery's timeout (default 60 s). */
  leaseMs?: number;
  /** Milliseconds a receiver has to answer (default 10 s). */
  timeoutMs?: number;
  /** Milliseconds between polls with `autoStart` while there is work (default 1 s). */
  pollMs?: number;
  /**
   * The bound of the idle backoff (default 10 s): polls that find nothing wait longer each time,
   * up to this. An event emitted in this process wakes the dispatcher at once; deliveries made by
   * another process, and retries that come due, wait at most this long.
   */
  maxPollMs?: number;
  /** Deliveries leased per round (default 20). */
  batch?: number;
  /** Opens the endpoints' sealed signing secrets (the server's; default none: plain secrets only). */
  secrets?: SecretBox;
}

/** The share of a retry's wait that is random, either way: 0.2 waits between 80 % and 120 % of it. */
const JITTER = 0.2;

/**
 * Sends pending webhook deliveries: leases the due ones (one process at a time holds a delivery,
 * until its lease lapses), POSTs each event signed with its endpoint's secret
 * (`Clientela-Signature: t=…,v1=…`, core's `signWebhook`), and records the attempt. A 2xx ends
 * the delivery (`succeeded`, never sent again unless redelivered by hand); anything else is
 * retried after the next wait of the schedule, with jitter, until the schedule runs out
 * (`failed`). Redirects are not followed: a 3xx is a failure, so a delivery never lands
 * somewhere its endpoint does not name.
 *
 * @example
 * const dispatcher = new WebhookDispatcher(store, { now: () => clock.now(), schedule: [1, 2] });
 * await dispatcher.runOnce(); // sends what is due now
 */
export class WebhookDispatcher {
  readonly owner = `disp_${toBase64Url(randomBytes(9))}`;
  readonly #store: Store;
  readonly #fetch: (request: Request) => Promise<Response>;
  readonly #now: () => Date;
  readonly #schedule: readonly number[];
  readonly #random: () => number;
  readonly #leaseMs: number;
  readonly #timeoutMs: number;
  readonly #batch: number;
  readonly #poller: Poller;
  readonly #secrets: SecretBox;

  constructor(store: Store, options: WebhookOptions = {}) {
    this.#store = store;
    this.#fetch = options.fetch ?? ((request) => fetch(request));
    this.#now = options.now ?? (() => new Date());
    this.#schedule = options.schedule ?? WEBHOOK_RETRY_SCHEDULE;
    this.#random = options.random ?? Math.random;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#leaseMs = Math.max(options.leaseMs ?? 60_000, this.#timeoutMs * 2);
    this.#batch = options.batch ?? 20;
    this.#secrets = options.secrets ?? SecretBox.none();
    const pollMs = options.pollMs ?? 1000;
    this.#poller = new Poller(() => this.#round(), { name: 'webhook dispatcher', intervalMs: pollMs, maxIntervalMs: options.maxPollMs ?? Math.max(pollMs, 10_000) });
  }

  /** Polls until {@link stop}, backing off while idle. */
  start(): void {
    this.#poller.start();
  }

  /** A write emitted an event: look for due deliveries now (after its transaction commits), not at the next poll. */
  wake(): void {
    this.#poller.wake();
  }

  /** Stops polling and waits for the round in flight. */
  stop(): Promise<void> {
    return this.#poller.stop();
  }

  /**
   * One round: leases the deliveries due now and sends them all; resolves with how many were
   * attempted. Rounds do not overlap within a process (a second call waits for the first).
   */
  runOnce(): Promise<number> {
    return this.#poller.runOnce();
  }

  async #round(): Promise<number> {
    const now = this.#now();
    const leased = await this.#store.leaseDeliveries(this.owner, now.toISOString(), new Date(now.getTime() + this.#leaseMs).toISOString(), this.#batch);
    await Promise.all(leased.map((d) => this.#deliver(d)));
    return leased.length;
  }

  async #deliver(delivery: StoredDelivery): Promise<void> {
    const stored = await this.#store.getWebhookEndpoint(delivery.endpointId);
    // A secret the configured keys cannot open is a failed attempt that says so, retried on schedule (the key may be given meanwhile).
    const endpoint = stored && (await openEndpoint(this.#secrets, stored).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
    const event = await this.#store.getEvent(delivery.eventId);
    const at = this.#now();
    const started = performance.now();
    let attempt: WebhookAttempt;
    if (endpoint instanceof Error) {
      attempt = { at: at.toISOString(), durationMs: 0, error: endpoint.message };
    } else if (!endpoint || !event) {
      attempt = { at: at.toISOString(), durationMs: 0, error: endpoint ? 'event not found' : 'endpoint deleted' };
    } else {
      const body = JSON.stringify(event);
      const timestamp = Math.floor(at.getTime() / 1000);
      let signature = await signWebhook(endpoint.secret, body, timestamp);
      // Within a day of a rotation the old secret signs too: one more v1, which a receiver that
      // still holds the old secret verifies.
      if (endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > at.toISOString()) {
        const old = await signWebhook(endpoint.previousSecret, body, timestamp);
        signature += `,${old.slice(old.indexOf('v1='))}`;
      }
      try {
        const response = await this.#fetch(
          new Request(endpoint.url, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'User-Agent': 'Clientela-Webhooks/1.0',
              [WEBHOOK_SIGNATURE_HEADER]: signature,
              'Clientela-Event-Id': event.id,
              'Clientela-Event-Type': event.type,
              'Clientela-Delivery-Id': delivery.id,
            },
            body,
            redirect: 'manual',
            signal: AbortSignal.timeout(this.#timeoutMs),
          }),
        );
        // The answer's body is not kept; reading it frees the connection.
        await response.body?.cancel().catch(() => undefined);
        const durationMs = Math.round(performance.now() - started);
        attempt = { at: at.toISOString(), statusCode: response.status, durationMs, ...(response.ok ? {} : { error: `HTTP ${response.status}` }) };
      } catch (e) {
        const durationMs = Math.round(performance.now() - started);
        const error = (e as Error).name === 'TimeoutError' ? `no answer within ${this.#timeoutMs} ms` : describeNetworkError(e);
        attempt = { at: at.toISOString(), durationMs, error };
      }
    }
    if (delivery.manual) attempt.manual = true;
    await this.#store.finishDelivery(delivery.id, this.owner, this.#outcome(delivery, attempt, at));
  }

  /** `succeeded` on a 2xx; else the next wait of the schedule (counted since the last redelivery by hand), or `failed` past its end. */
  #outcome(delivery: StoredDelivery, attempt: WebhookAttempt, at: Date): DeliveryOutcome {
    if (attempt.statusCode !== undefined && attempt.statusCode >= 200 && attempt.statusCode < 300) return { attempt, status: 'succeeded', nextAttemptAt: null };
    const all = [...delivery.attempts, attempt];
    const restart = all.findLastIndex((a) => a.manual);
    const failures = all.slice(Math.max(0, restart)).length;
    const wait = this.#schedule[failures - 1];
    if (wait === undefined) return { attempt, status: 'failed', nextAttemptAt: null };
    const jittered = wait * 1000 * (1 - JITTER + 2 * JITTER * this.#random());
    return { attempt, status: 'pending', nextAttemptAt: new Date(at.getTime() + Math.round(jittered)).toISOString() };
  }
}

/** "connect ECONNREFUSED 127.0.0.1:9" from undici's `fetch failed` and its cause. */
function describeNetworkError(e: unknown): string {
  const cause = (e as { cause?: { message?: string; code?: string } }).cause;
  return (cause?.message ?? cause?.code ?? (e as Error).message ?? 'network error').slice(0, 300);
}
