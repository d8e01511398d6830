import type { ReactiveControllerHost } from 'lit';
import { SelectionChangeEvent } from '../events/events.js';
import { Selection } from './selection.js';

export interface SelectionOptions {
  /** Ids of the loaded rows. */
  loaded(): Iterable<string>;
  /** Rows matching the query. */
  total(): number;
  /** Called on every change, before the host renders and the event is sent. */
  changed?(): void;
}

/**
 * The table's {@link Selection}: every change renders the host and sends `cl-selection-change`
 * (`{ ids, all, exceptIds, count }`). It needs no lifecycle hook, so it is not registered with the host.
 */
export class SelectionController {
  readonly model = new Selection();
  #host: ReactiveControllerHost & EventTarget;
  #o: SelectionOptions;

  constructor(host: ReactiveControllerHost & EventTarget, options: SelectionOptions) {
    this.#host = host;
    this.#o = options;
  }

  /** The selected ids (while "all matching", the loaded ones). */
  ids(): string[] {
    return this.model.ids(this.#o.loaded());
  }

  count(): number {
    return this.model.count(this.#o.total());
  }

  allLoaded(): boolean {
    return this.model.allLoaded(this.#o.loaded());
  }

  toggle(id: string): void {
    this.model.toggle(id);
    this.#changed();
  }

  setLoaded(on: boolean): void {
    this.model.setLoaded(on, this.#o.loaded());
    this.#changed();
  }

  selectAll(): void {
    this.model.selectAll();
    this.#changed();
  }

  clear(): void {
    this.model.clear();
    this.#changed();
  }

  #changed(): void {
    this.#o.changed?.();
    this.#host.requestUpdate();
    this.#host.dispatchEvent(new SelectionChangeEvent({ ids: this.ids(), all: this.model.all, exceptIds: this.model.exceptIds, count: this.count() }));
  }
}
