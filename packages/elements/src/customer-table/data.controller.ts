import type { ClientelaClient as Client, Customer } from '@clientela/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PageSource } from './page-source.js';

/**
 * A macrotask, not scheduler.yield(): a yield continuation is run ahead of rendering, and the
 * point here is to let a frame with the placeholders be painted, and input be handled, during a
 * long cursor walk. (A MessageChannel task measured slower here: it starves the frames.)
 */
const yieldToBrowser = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

/** After the next frame (or 50 ms, as a hidden tab runs no frames), then a macrotask. */
const nextFrame = (): Promise<void> =>
  new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve);
    };
    requestAnimationFrame(go);
    setTimeout(go, 50);
  });

export interface DataOptions {
  /** The list query (filters and sort) the rows are fetched for. */
  query(): Record<string, unknown>;
  /** The rows in view, `[start, end)`. */
  view(): { start: number; end: number };
  /** The first page of query `gen` arrived. */
  loaded(total: number, gen: number): void;
  /** A page of query `gen` failed. */
  failed(gen: number): void;
}

/**
 * The table's rows: a {@link PageSource} over `customers.list`, fed from the host's client,
 * rendering the host when rows arrive and stopping when it leaves the page.
 */
export class DataController implements ReactiveController {
  readonly source: PageSource<Customer>;
  #host: ReactiveControllerHost & { readonly api: Pick<Client, 'customers'> | undefined };

  constructor(host: ReactiveControllerHost & { readonly api: Pick<Client, 'customers'> | undefined }, options: DataOptions) {
    this.#host = host;
    host.addController(this);
    this.source = new PageSource<Customer>({
      fetch: (request, signal) => this.#host.api!.customers.list({ ...options.query(), ...request }, { signal }),
      view: options.view,
      changed: () => host.requestUpdate(),
      loaded: options.loaded,
      failed: options.failed,
      frame: nextFrame,
      yield: yieldToBrowser,
    });
  }

  hostDisconnected(): void {
    this.source.dispose();
  }

  /** Starts over for the query (`newQuery`: a different one, so the old total goes too). */
  reload(pageSize: number, newQuery: boolean): void {
    this.source.reset(pageSize, newQuery);
    this.#host.requestUpdate();
    this.load();
  }

  /** Loads the rows the view wants (once the host has a client). */
  load(): void {
    if (this.#host.api) void this.source.run();
  }
}
