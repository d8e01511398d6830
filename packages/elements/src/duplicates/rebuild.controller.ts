import type { DuplicateRebuild } from '@clientela/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How the controller reads and starts the full run (the element's client). */
export interface RebuildSource {
  status(): Promise<DuplicateRebuild> | undefined;
  start(): Promise<DuplicateRebuild> | undefined;
}

/**
 * "Procurar de novo": starts the server's full recomputation of duplicates and follows its
 * progress, reading its state every `interval` ms while it runs and only while the element is
 * in the page; `onDone` runs when a run this controller saw running finishes.
 */
export class RebuildController implements ReactiveController {
  /** The run's state as last read; `undefined` before the first read. */
  state: DuplicateRebuild | undefined;
  error: unknown;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: RebuildSource,
    private readonly onDone: () => void,
    public interval = 1000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.state?.status === 'running') this.#schedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    clearTimeout(this.#timer);
  }

  get running(): boolean {
    return this.state?.status === 'running';
  }

  /** Reads where a run stands (a run started elsewhere is followed too). */
  async read(): Promise<void> {
    const request = this.source.status();
    if (request) await this.#take(request);
  }

  /** Starts (or takes up) a full run. */
  async start(): Promise<void> {
    const request = this.source.start();
    if (request) await this.#take(request);
  }

  async #take(request: Promise<DuplicateRebuild>): Promise<void> {
    const was = this.state?.status;
    try {
      this.state = await request;
      this.error = undefined;
    } catch (e) {
      this.error = e;
    }
    this.host.requestUpdate();
    if (this.state?.status === 'running') this.#schedule();
    else if (was === 'running' && this.state?.status === 'done') this.onDone();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (this.#connected) this.#timer = setTimeout(() => void this.read(), this.interval);
  }
}
