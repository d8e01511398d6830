/**
 * A first-come, first-served lock. The embedded stores hold it for a whole transaction, so a
 * transaction that awaits between its reads and writes is never interleaved with another write.
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();
  #held = false;

  get held(): boolean {
    return this.#held;
  }

  /** Resolves once the lock is ours; call the returned function to release it. */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const before = this.#tail;
    this.#tail = before.then(() => next);
    await before;
    this.#held = true;
    return () => {
      this.#held = false;
      release();
    };
  }

  /** Resolves when no one holds the lock (at once when it is free). */
  async idle(): Promise<void> {
    while (this.#held) await this.#tail;
  }
}
