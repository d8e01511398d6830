import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Poller } from '../src/service/poller.js';

// The loop of every background worker. Timers are vitest's fake ones: the tests move the clock,
// so none sleeps and none depends on how fast the machine is.

/** A round whose every call waits until the test settles it, recording how many run at once. */
function gatedRound() {
  const calls: { settle: (found: number) => void; fail: (e: Error) => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const round = () =>
    new Promise<number>((resolve, reject) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const done = () => inFlight--;
      calls.push({ settle: (n) => (done(), resolve(n)), fail: (e) => (done(), reject(e)) });
    });
  return { round, calls, get maxInFlight() { return maxInFlight; } };
}

/** Lets the promise callbacks queued so far run (fake timers do not advance for them). */
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('Poller', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('never runs two rounds at once: runOnce during a round runs after it, in order', async () => {
    const g = gatedRound();
    const poller = new Poller(g.round, { name: 'test', intervalMs: 1000 });
    const first = poller.runOnce();
    const second = poller.runOnce();
    await flush();
    expect(g.calls).toHaveLength(1);
    g.calls[0]!.settle(3);
    expect(await first).toBe(3);
    await flush();
    expect(g.calls).toHaveLength(2);
    g.calls[1]!.settle(0);
    expect(await second).toBe(0);
    expect(g.maxInFlight).toBe(1);
  });

  it('the loop and runOnce share the rounds: a wake-up during a runOnce waits for it', async () => {
    const g = gatedRound();
    const poller = new Poller(g.round, { name: 'test', intervalMs: 1000 });
    poller.start();
    await flush();
    g.calls[0]!.settle(0);
    await flush();
    const manual = poller.runOnce();
    await flush();
    expect(g.calls).toHaveLength(2);
    poller.wake();
    await vi.advanceTimersByTimeAsync(50);
    expect(g.calls).toHaveLength(2); // the woken round waits for the manual one
    g.calls[1]!.settle(0);
    await manual;
    await flush();
    expect(g.calls).toHaveLength(3);
    expect(g.maxInFlight).toBe(1);
    g.calls[2]!.settle(0);
    await poller.stop();
  });

  it('stop() waits for the round in flight and no round starts after it', async () => {
    const g = gatedRound();
    const poller = new Poller(g.round, { name: 'test', intervalMs: 1000 });
    poller.start();
    await flush();
    expect(g.calls).toHaveLength(1);
    let stopped = false;
    const stopping = poller.stop().then(() => (stopped = true));
    await flush();
    expect(stopped).toBe(false);
    g.calls[0]!.settle(5); // found work: a running loop would go again at once
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    poller.wake();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(g.calls).toHaveLength(1);
  });

  it('a round that throws is logged and the loop goes on', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const g = gatedRound();
    const poller = new Poller(g.round, { name: 'webhook dispatcher', intervalMs: 1000 });
    poller.start();
    await flush();
    g.calls[0]!.fail(new Error('database went away'));
    await flush();
    expect(error).toHaveBeenCalledWith('webhook dispatcher:', expect.objectContaining({ message: 'database went away' }));
    await vi.advanceTimersByTimeAsync(1000);
    expect(g.calls).toHaveLength(2);
    g.calls[1]!.settle(0);
    await poller.stop();
  });

  it('backs off while idle, doubling up to the bound; a wake-up runs a round at once and starts the wait over', async () => {
    const starts: number[] = [];
    const found: number[] = [];
    const poller = new Poller(
      async () => {
        starts.push(Date.now());
        return found.shift() ?? 0;
      },
      { name: 'test', intervalMs: 1000, maxIntervalMs: 8000 },
    );
    const t0 = Date.now();
    poller.start();
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000 + 8000 + 8000);
    expect(starts.map((t) => t - t0)).toEqual([0, 1000, 3000, 7000, 15000, 23000]);
    expect(poller.idleWaitMs).toBe(8000);

    // Work enqueued here: a round within the wake delay, not at the end of the idle wait.
    starts.length = 0;
    const t1 = Date.now();
    poller.wake();
    await vi.advanceTimersByTimeAsync(20);
    expect(starts.map((t) => t - t1)).toEqual([20]);
    expect(poller.idleWaitMs).toBe(2000); // this round found nothing: 1 s wait, then 2 s

    // A round that finds work runs the next at once, until one finds nothing.
    starts.length = 0;
    found.push(2, 1);
    poller.wake();
    await vi.advanceTimersByTimeAsync(100);
    expect(starts).toHaveLength(3); // 2 found, 1 found, then none: the next waits 1 s
    expect(poller.idleWaitMs).toBe(2000);
    await poller.stop();
  });

  it('a wake-up during the loop\'s round runs another right after it (the round may have passed the new work)', async () => {
    const g = gatedRound();
    const poller = new Poller(g.round, { name: 'test', intervalMs: 1000, maxIntervalMs: 60_000 });
    poller.start();
    await flush();
    poller.wake();
    g.calls[0]!.settle(0);
    await flush();
    expect(g.calls).toHaveLength(2);
    g.calls[1]!.settle(0);
    await poller.stop();
  });

  it('without a bound it polls at its interval; without repeatWhileBusy a busy round waits the interval too', async () => {
    const starts: number[] = [];
    const poller = new Poller(
      async () => {
        starts.push(Date.now());
        return 1;
      },
      { name: 'test', intervalMs: 60_000, repeatWhileBusy: false },
    );
    const t0 = Date.now();
    poller.start();
    await vi.advanceTimersByTimeAsync(180_000);
    expect(starts.map((t) => t - t0)).toEqual([0, 60_000, 120_000, 180_000]);
    await poller.stop();
  });

  it('its timer does not keep the process alive', async () => {
    vi.useRealTimers();
    const poller = new Poller(async () => 0, { name: 'test', intervalMs: 60_000 });
    const spy = vi.spyOn(globalThis, 'setTimeout');
    poller.start();
    const timer = spy.mock.results[0]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    await poller.stop();
  });
});
