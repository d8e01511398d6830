import type { ExportColumn, ExportRequest, Locale } from '@clientela/core';
import type { ReactiveControllerHost } from 'lit';
import type { Client } from '../internal/clientela-element.js';

/** The part of a client bulk actions and exports call. */
type ActionsClient = Pick<Client, 'customers' | 'exports'>;
import { errorText } from '../internal/error-text.js';
import { formatNumber, type Translate } from '../internal/localize.js';
import type { MessageKey } from './customer-table.messages.js';
import type { Notice } from './notice.js';
import type { BulkAction } from './parts.events.js';

/** The customers an action applies to: these ids, or the filter less the rows unticked out of it. */
export type Target = Pick<ExportRequest, 'ids' | 'filter' | 'exceptIds'>;

/** The button each bulk action comes from, named in its failure message. */
const BULK_LABEL = { addCategories: 'addCategory', removeCategories: 'removeCategory', setStatus: 'setStatus', delete: 'delete' } as const;

type Parts = typeof import('./customer-table.parts.js');

export interface ActionsOptions {
  api(): ActionsClient | undefined;
  t(): Translate<MessageKey>;
  locale(): Locale;
  /** What a bulk action applies to: the selection. */
  target(): Target;
  /** What an export holds: the selection (or, with none, the whole filter), its row count and columns. */
  exportScope(): { target: Target; rows: number; columns: ExportColumn[] };
  /** A bulk delete ended (the deleted rows leave the selection). */
  deleted(): void;
  /** A bulk action changed customers: the list reloads. */
  refresh(): void;
  announce(text: string): void;
}

/**
 * The table's actions on its selection: bulk actions through `customers.bulk` and exports, each
 * shown in the notice bar while it runs and when it ends (a failure with "Tentar novamente"),
 * and the lazily loaded parts (column menu, bulk bar, delete dialog, export) they need. It needs
 * no lifecycle hook, so it is not registered with the host.
 */
export class ActionsController {
  /** The notice bar's content. */
  notice: Notice | undefined;
  /** The loaded parts module, once loaded. */
  parts: Parts | undefined;
  #loading: Promise<Parts> | undefined;
  /** A render asked for the parts before they arrived. */
  #wanted = false;
  /** Bulk actions of this table still running (their change comes back through the client's feed). */
  #running = 0;
  #host: ReactiveControllerHost;
  #o: ActionsOptions;

  constructor(host: ReactiveControllerHost, options: ActionsOptions) {
    this.#host = host;
    this.#o = options;
  }

  /** Whether a bulk action of this table is running. */
  get busy(): boolean {
    return this.#running > 0;
  }

  /** Loads the parts (once) for a render that needs them; the host renders again when they arrive. */
  load(): Promise<Parts> {
    this.#wanted = true;
    return this.#import();
  }

  /**
   * Loads the parts ahead of need (after the first rows) without rendering the table again when
   * they arrive: nothing on screen uses them until a selection or the column menu asks for them
   * (through `load`). A render on arrival landed in whatever the person was doing then — in the
   * bench, the jump to the middle, which paid for a whole table update and the delete dialog's
   * first render.
   */
  preload(): void {
    void this.#import();
  }

  #import(): Promise<Parts> {
    this.#loading ??= import('./customer-table.parts.js').then((m) => {
      this.parts = m;
      if (this.#wanted) this.#host.requestUpdate();
      return m;
    });
    return this.#loading;
  }

  /** Shows an action's progress or outcome; its start and end are also announced. */
  notify(notice: Notice | undefined): void {
    const announce = notice && (notice.state !== 'running' || this.notice?.state !== 'running');
    this.notice = notice;
    this.#host.requestUpdate();
    if (announce) this.#o.announce(notice.text);
  }

  /**
   * Runs one bulk action. The idempotency key is made once per user action, so the client's
   * retries after a network failure never apply it twice.
   */
  async bulk(
    bulk: BulkAction,
    // "Tentar novamente" sends the same request with the same key: if the first one did reach
    // the server before the failure, the retry replays its answer instead of applying it twice.
    request = { target: this.#o.target(), key: crypto.randomUUID() },
  ): Promise<void> {
    const api = this.#o.api();
    if (!api || (request.target.ids && request.target.ids.length === 0)) return;
    const t = this.#o.t();
    const locale = this.#o.locale();
    this.notify({ origin: 'bulk', state: 'running', text: t('working') });
    this.#running++;
    try {
      const result = await api.customers.bulk({ ...request.target, ...bulk }, { idempotencyKey: request.key }).finally(() => this.#running--);
      if (bulk.action === 'delete') this.#o.deleted();
      this.notify({ origin: 'bulk', state: 'done', text: t('updated', { n: formatNumber(result.updated, locale) }) });
      this.#o.refresh();
    } catch (error) {
      this.notify({
        origin: 'bulk',
        state: 'failed',
        text: `${t('bulkFailed', { what: t(BULK_LABEL[bulk.action]) })} ${errorText(error, locale)}`,
        retry: () => void this.bulk(bulk, request),
      });
    }
  }

  /** Exports the scope (loading the parts first if a click beats the preload); one export at a time. */
  async export(format: 'csv' | 'xlsx'): Promise<void> {
    if (this.notice?.origin === 'export' && this.notice.state === 'running') return;
    const { exportFile } = await this.load();
    const { target, rows, columns } = this.#o.exportScope();
    await exportFile({
      request: { format, columns, ...target },
      rows,
      locale: this.#o.locale(),
      stream: (request, signal) => this.#o.api()!.exports.stream(request, { signal }),
      notify: (notice) => this.notify(notice),
      again: () => void this.export(format),
    });
  }
}
