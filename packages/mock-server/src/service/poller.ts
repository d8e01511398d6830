/** How a {@link Poller} paces its rounds. */
export interface PollerOptions {
  /** Named in the line logged when a round throws. */
  name: string;
  /** Milliseconds after a round that found work (without `repeatWhileBusy`), and the first wait after one that found none. */
  intervalMs: number;
  /**
   * The bound of the idle backoff: each round in a row that finds nothing doubles the wait, up to
   * this (default `intervalMs`: no backoff). A {@link Poller.wake} or a round that finds work
   * starts again from `intervalMs`.
   */
  maxIntervalMs?: number;
  /** A round that found work is followed at once by another (a full batch may have left more). Default true. */
  repeatWhileBusy?: boolean;
  /** Milliseconds from a wake-up to its round, so the writer's transaction commits first (default 20). */
  wakeDelayMs?: number;
}

/**
 * Runs a round of background work on a timer: the one loop behind the webhook and message
 * dispatchers and the automations' scheduler, each of which supplies only its round (a function
 * that resolves with how much it found to do).
 *
 * Rounds never overlap within a process: {@link runOnce} called during a round runs after it.
 * A round that throws is logged and the loop goes on. While idle it backs off: each round in a
 * row that finds nothing doubles the wait up to `maxIntervalMs`, so a quiet server costs
 * almost nothing; a local write that enqueues work calls {@link wake}, which runs a round at once
 * (or right after the one in flight) and resets the wait. Correctness never depends on the
 * wake-up: work another process enqueued, retries that come due and leases that lapse are found
 * by the next round, at most `maxIntervalMs` later.
 *
 * @example
 * const poller = new Poller(() => dispatcher.round(), { name: 'webhook dispatcher', intervalMs: 1000, maxIntervalMs: 10_000 });
 * poller.start();
 * poller.wake(); // a delivery was just enqueued
 * await poller.stop(); // waits for the round in flight
 */
export class Poller {
  readonly #round: () => Promise<number>;
  readonly #name: string;
  readonly #intervalMs: number;
  readonly #maxIntervalMs: number;
  readonly #repeatWhileBusy: boolean;
  readonly #wakeDelayMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending timer fires (ms since the epoch), to tell whether a wake-up brings it forward. */
  #timerAt = 0;
  #running: Promise<number> | undefined;
  #started = false;
  /** A wake-up arrived during a round: run another right after it. */
  #again = false;
  /** The wait after the next round that finds nothing. */
  #idleMs: number;

  constructor(round: () => Promise<number>, options: PollerOptions) {
    this.#round = round;
    this.#name = options.name;
    this.#intervalMs = options.intervalMs;
    this.#maxIntervalMs = Math.max(options.intervalMs, options.maxIntervalMs ?? options.intervalMs);
    this.#repeatWhileBusy = options.repeatWhileBusy ?? true;
    this.#wakeDelayMs = options.wakeDelayMs ?? 20;
    this.#idleMs = this.#intervalMs;
  }

  /** Whether the loop runs (between {@link start} and {@link stop}). */
  get started(): boolean {
    return this.#started;
  }

  /** The wait after the next round that finds nothing, in ms (it grows while idle). */
  get idleWaitMs(): number {
    return this.#idleMs;
  }

  /** Starts the loop with a round now. Calling it again does nothing. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#idleMs = this.#intervalMs;
    this.#schedule(0);
  }

  /** Work was just enqueued here: a round soon (after the one in flight, if any), and the idle wait starts over. */
  wake(): void {
    if (!this.#started) return;
    this.#idleMs = this.#intervalMs;
    // A round in flight may have passed the new work already: the loop runs another after it.
    if (this.#running) this.#again = true;
    // The loop's own round is in flight (no timer): it schedules the next when it ends. Otherwise
    // the timer is brought forward; its round waits for any round in flight (a `runOnce` call).
    if (this.#timer ? this.#timerAt > Date.now() + this.#wakeDelayMs : !this.#running) this.#schedule(this.#wakeDelayMs);
  }

  /** Stops the loop and resolves once the round in flight has ended. */
  async stop(): Promise<void> {
    this.#started = false;
    this.#again = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }

  /**
   * One round now (after the one in flight, if any); resolves with what it found, or rejects with
   * its error. The loop and callers share it, so rounds never overlap.
   */
  runOnce(): Promise<number> {
    const round = (this.#running ?? Promise.resolve(0)).catch(() => 0).then(() => this.#round());
    this.#running = round;
    void round
      .finally(() => {
        if (this.#running === round) this.#running = undefined;
      })
      .catch(() => undefined);
    return round;
  }

  #schedule(ms: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timerAt = Date.now() + ms;
    this.#timer = setTimeout(() => void this.#tick(), ms);
    // A poller never keeps a process alive on its own.
    (this.#timer as { unref?: () => void }).unref?.();
  }

  async #tick(): Promise<void> {
    this.#timer = undefined;
    let found = 0;
    try {
      found = await this.runOnce();
    } catch (e) {
      console.error(`${this.#name}:`, e);
    }
    if (!this.#started) return;
    if (this.#again || (found > 0 && this.#repeatWhileBusy)) {
      this.#again = false;
      this.#idleMs = this.#intervalMs;
      this.#schedule(0);
    } else if (found > 0) {
      this.#idleMs = this.#intervalMs;
      this.#schedule(this.#intervalMs);
    } else {
      const wait = this.#idleMs;
      this.#idleMs = Math.min(this.#maxIntervalMs, this.#idleMs * 2);
      this.#schedule(wait);
    }
  }
}
