import type { Locale } from '@clientela/core';
import { isPreconditionFailedError } from '@clientela/core/errors';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { errorText } from './error-text.js';

/** A record a list screen manages: named, active or not, versioned for `If-Match`. */
export interface ListedRecord {
  id: string;
  name: string;
  status: string;
  version: number;
}

/** The element that shows the list: it renders the controller's state and is told of changes. */
export type RecordListHost = ReactiveControllerHost & HTMLElement & { readonly resolvedLocale: Locale };

/** What a screen tells the controller: how to read the list, and its words. */
export interface RecordListOptions<T extends ListedRecord> {
  /** Reads every record; `undefined` while the element has no client yet. */
  list(): Promise<T[]> | undefined;
  /** The status line after a change: `done` is a message key (`created`, `saved`…), `name` the record's. */
  done(done: string, name: string): string;
  /** The status line after a 412: the list was reloaded. */
  stale(): string;
  /** What a refused edit says in the row being edited (default: `errorText`). */
  refusal?(error: unknown, locale: Locale): string;
}

/**
 * The state and the writes of a list screen (`<cl-category-manager>`, `<cl-unit-manager>`): the
 * records, active ones first and each group by name; which row is being edited and its error; the
 * create form's error; the busy flag and the status line. Every write reloads the list, says what
 * it did in the status line and fires `change` on the host; a 412 (someone changed the record
 * since the list was read) reloads the list and says so instead of overwriting their change.
 */
export class RecordListController<T extends ListedRecord> implements ReactiveController {
  /** The records shown; `undefined` until the first list arrives. */
  items: T[] | undefined = undefined;
  /** The id of the row being edited. */
  editing: string | undefined = undefined;
  /** A write is in flight: the buttons that start one are disabled. */
  busy = false;
  createError = '';
  editError = '';
  /** The status line (`role=status`): what the last write did, or why the list could not be read. */
  status = '';

  readonly #host: RecordListHost;
  readonly #options: RecordListOptions<T>;

  constructor(host: RecordListHost, options: RecordListOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Sets some of the state and renders again. */
  set(state: Partial<Pick<this, 'items' | 'editing' | 'busy' | 'createError' | 'editError' | 'status'>>): void {
    Object.assign(this, state);
    this.#host.requestUpdate();
  }

  /** `items` in the order shown: active first, then by name in the host's language. */
  sorted(items: T[]): T[] {
    const locale = this.#host.resolvedLocale;
    return items.sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name, locale) : a.status === 'active' ? -1 : 1));
  }

  /** Reads the list again from the server; a failure goes to the status line. */
  async reload(): Promise<void> {
    const request = this.#options.list();
    if (!request) return;
    try {
      this.set({ items: this.sorted(await request) });
    } catch (error) {
      this.set({ status: errorText(error, this.#host.resolvedLocale) });
    }
  }

  /** Says what a write did and tells the page (`change`). */
  changed(done: string, name: string): void {
    this.set({ status: this.#options.done(done, name) });
    this.#host.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /**
   * Creates a record with `call` (`undefined` when there is no client): on success the list is
   * reloaded and the status line says so; on failure `createError` says why. Resolves with the
   * created record, or `undefined`.
   */
  async create(call: () => Promise<T> | undefined): Promise<T | undefined> {
    const request = call();
    if (!request) return undefined;
    this.set({ busy: true });
    try {
      const created = await request;
      this.set({ createError: '' });
      await this.reload();
      this.changed('created', created.name);
      return created;
    } catch (error) {
      this.set({ createError: (this.#options.refusal ?? errorText)(error, this.#host.resolvedLocale) });
      return undefined;
    } finally {
      this.set({ busy: false });
    }
  }

  /**
   * Writes a change with `call` (guarded by the version read with the list): on success the list
   * is reloaded and the status line says `done`. A 412 stops the edit, reloads and says the record
   * changed meanwhile; another refusal goes to the row being edited (when `inRow`) or to the status
   * line. Resolves whether it was saved.
   */
  async update(call: () => Promise<T> | undefined, done: string, inRow = this.editing !== undefined): Promise<boolean> {
    const request = call();
    if (!request) return false;
    const locale = this.#host.resolvedLocale;
    this.set({ busy: true });
    try {
      const saved = await request;
      await this.reload();
      this.changed(done, saved.name);
      return true;
    } catch (error) {
      if (isPreconditionFailedError(error)) {
        this.set({ editing: undefined });
        await this.reload();
        this.set({ status: this.#options.stale() });
      } else if (inRow) this.set({ editError: (this.#options.refusal ?? errorText)(error, locale) });
      else this.set({ status: errorText(error, locale) });
      return false;
    } finally {
      this.set({ busy: false });
    }
  }

  /** Starts editing a row; once rendered, `select` (a selector in the host's root) is selected. */
  startEdit(id: string, select: string): void {
    this.set({ editing: id, editError: '' });
    void this.#host.updateComplete.then(() => this.#root().querySelector<HTMLInputElement>(select)?.select());
  }

  /** Stops editing; once rendered, `focus` (a selector in the host's root) gets the focus. */
  stopEdit(focus?: string): void {
    this.set({ editing: undefined, editError: '' });
    if (focus) void this.#host.updateComplete.then(() => this.#root().querySelector<HTMLElement>(focus)?.focus());
  }

  #root(): ParentNode {
    return (this.#host as HTMLElement & { renderRoot?: ParentNode }).renderRoot ?? this.#host;
  }
}
