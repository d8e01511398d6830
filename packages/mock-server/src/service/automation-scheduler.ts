import type { ServerContext } from '../context.js';
import { randomBytes, toBase64Url } from '../util/bytes.js';
import { actOn, dueOccasions } from './automations.js';
import { Poller } from './poller.js';

export interface AutomationSchedulerOptions {
  /** Run on a timer (the CLI does; default false: call `runOnce` yourself). */
  autoStart?: boolean;
  now?: () => Date;
  /** Milliseconds between rounds (default 60 s). */
  pollMs?: number;
  /** Milliseconds a process holds a flow's round; a crashed process's lease lapses after it (default 5 min). */
  leaseMs?: number;
}

/**
 * Runs the enabled automations: each round, for each flow, takes the flow's lease (a record that
 * expires, so two processes do not walk the same flow at once and a crashed one's flow is taken
 * over after `leaseMs`), walks the occasions due now and acts on each — claiming the occasion's
 * unique row in the transaction that writes its outbox row, so whatever the leases do (a lapsed
 * lease, a restart in the middle) an occasion is acted on exactly once. The message dispatcher
 * then sends the outbox.
 *
 * @example
 * const scheduler = new AutomationScheduler(ctx, { now: () => clock });
 * await scheduler.runOnce(); // queues every message due now
 */
export class AutomationScheduler {
  readonly owner = `autos_${toBase64Url(randomBytes(9))}`;
  readonly #ctx: ServerContext;
  readonly #now: () => Date;
  readonly #leaseMs: number;
  readonly #queued: () => void;
  readonly #poller: Poller;

  /** `queued` is called after a round queued messages (the dispatcher's `wake`). */
  constructor(ctx: ServerContext, options: AutomationSchedulerOptions = {}, queued: () => void = () => undefined) {
    this.#ctx = ctx;
    this.#now = options.now ?? (() => ctx.now());
    this.#leaseMs = options.leaseMs ?? 5 * 60_000;
    this.#queued = queued;
    // Occasions come due with time, not with a write, so there is nothing to wake it and no
    // backoff: one round a minute (a list of the flows while none is enabled) costs nothing.
    this.#poller = new Poller(() => this.#round(), { name: 'automation scheduler', intervalMs: options.pollMs ?? 60_000, repeatWhileBusy: false });
  }

  /** Runs a round now and then every `pollMs` until {@link stop}. */
  start(): void {
    this.#poller.start();
  }

  /** Stops the timer and waits for the round in flight. */
  stop(): Promise<void> {
    return this.#poller.stop();
  }

  /** One round over every enabled flow; resolves with how many occasions it acted on. Rounds do not overlap in a process. */
  runOnce(): Promise<number> {
    return this.#poller.runOnce();
  }

  async #round(): Promise<number> {
    let acted = 0;
    for (const flow of await this.#ctx.store.listAutomations()) {
      if (!flow.enabled) continue;
      const now = this.#now();
      const lease = `automation-lease:${flow.id}`;
      if (!(await this.#ctx.store.claimMeta(lease, this.owner, now.toISOString(), new Date(now.getTime() + this.#leaseMs).toISOString()))) continue;
      try {
        for await (const due of dueOccasions(this.#ctx, flow, now)) {
          if (await actOn(this.#ctx, flow, due)) acted++;
        }
      } finally {
        if ((await this.#ctx.store.getMeta<string>(lease)) === this.owner) await this.#ctx.store.deleteMeta(lease);
      }
    }
    if (acted) this.#queued();
    return acted;
  }
}
