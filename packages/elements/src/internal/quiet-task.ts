/** Runs `fn` in an idle period of the browser (at the latest after `timeout` ms); where there is no `requestIdleCallback` (Safari), in a task of its own. */
function onIdle(fn: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn);
  return () => clearTimeout(id);
}

export interface QuietTaskOptions {
  /** Whether the host is doing something the task must not land in (a page request in flight). */
  busy(): boolean;
  /** Quiet wanted before the task runs: ms since {@link QuietTask.start} or the last {@link QuietTask.poke}. */
  quiet?: number;
  /** Longest wait for an idle period once quiet (a page busy with other work still gets the task). */
  timeout?: number;
}

/**
 * Work ahead of need that must yield to the person: it runs once, after `quiet` ms without a
 * {@link poke} (a scroll, a jump), with the host not {@link QuietTaskOptions.busy busy}, in an
 * idle period of the browser. Started work is not interrupted; a task still waiting waits again.
 */
export class QuietTask {
  #task: () => void;
  #o: Required<QuietTaskOptions>;
  #armed = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #cancelIdle: (() => void) | undefined;

  constructor(task: () => void, options: QuietTaskOptions) {
    this.#task = task;
    this.#o = { quiet: 200, timeout: 1000, ...options };
  }

  /** Whether the task is waiting to run. */
  get pending(): boolean {
    return this.#armed;
  }

  /** Arms the task (again, if it is waiting: the quiet starts over). */
  start(): void {
    this.#armed = true;
    this.#wait();
  }

  /** The person did something: a task still waiting starts its quiet over. */
  poke(): void {
    if (this.#armed) this.#wait();
  }

  /** Drops the task if it has not run yet. */
  cancel(): void {
    this.#armed = false;
    this.#clear();
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.#cancelIdle?.();
    this.#cancelIdle = undefined;
  }

  #wait(): void {
    this.#clear();
    this.#timer = setTimeout(() => {
      this.#cancelIdle = onIdle(() => {
        this.#cancelIdle = undefined;
        if (!this.#armed) return;
        if (this.#o.busy()) return this.#wait();
        this.#armed = false;
        this.#task();
      }, this.#o.timeout);
    }, this.#o.quiet);
  }
}
