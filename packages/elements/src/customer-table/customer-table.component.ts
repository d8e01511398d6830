import type { Category, ClientChange, Customer, ExportColumn } from '@clientela/core';
import { customerDisplayName, formatDocument, formatPhoneBR, initials, maskDocument, whatsappUrl } from '@clientela/core/format';
import { CUSTOMER_STATUSES } from '@clientela/core/schemas';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CustomerOpenEvent, ResultsEvent, ViewChangeEvent } from '../events/events.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import type { CustomerTableClient } from './customer-table.client.js';
import { errorText } from '../internal/error-text.js';
import { formatDate, formatMoney, formatNumber } from '../internal/localize.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { tokens } from '../internal/tokens.js';
import { COLUMN_BY_KEY, parseLayout, visibleColumns, withMoved, withPinned, withVisible, type ColumnDef, type ColumnKey, type ColumnLayout } from './columns.js';
import { loadMessages, messages, type MessageKey } from './customer-table.messages.js';
import { styles } from './customer-table.styles.js';
import { DataController } from './data.controller.js';
import { gridMove } from './grid-keys.js';
import { renderNotice, type Notice } from './notice.js';
import type { BulkAction, BulkActionEvent, LayoutChangeEvent } from './parts.events.js';
import { SelectionController } from './selection.controller.js';
import { LIST_ROW, ViewportController } from './viewport.controller.js';
import type { PageSource } from './page-source.js';
import { TabCounts } from './tab-counts.js';

const SEARCH_DEBOUNCE = 250;
/** The fields a row of the list layout shows. */
const LIST_COLUMNS: readonly ColumnKey[] = ['name', 'document', 'phone'];
/** Width of the selection column. */
const SELECT_W = 48;
/** The button each bulk action comes from, named in its failure message. */
const BULK_LABEL = { addCategories: 'addCategory', removeCategories: 'removeCategory', setStatus: 'setStatus', delete: 'delete' } as const;

type Kind = '' | 'person' | 'company';

/** Empty strings are not reflected, so an unset filter leaves no attribute behind. */
const optionalString = { fromAttribute: (v: string | null) => v ?? '', toAttribute: (v: string) => v || null };
const idList = {
  fromAttribute: (v: string | null) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []),
  toAttribute: (v: string[]) => (v?.length ? v.join(',') : null),
};

const bone = html`<span class="bone"></span>`;

const safeColor = (color: string | undefined): string => (color && /^#[0-9a-f]{6}$/i.test(color) ? color : '#6b7280');

/**
 * @summary The customer panel's list: search, filters, person/company tabs, sortable and
 * configurable columns, masked documents with an audited reveal, selection with bulk actions and
 * export, and virtualized infinite scroll over cursor pages (fast with a million rows).
 *
 * @event cl-customer-open - A row was clicked or Enter was pressed on it; `detail.id`.
 * @event cl-selection-change - The selection changed; `detail` is `{ ids, all, exceptIds, count }` (`exceptIds`: the rows unticked out of "all matching").
 * @event cl-results - The list loaded; `detail.total` customers match.
 * @event cl-view-change - A person changed the sort or the columns (a page keeping the view in its URL writes it).
 *
 * @csspart toolbar - The search and filter bar.
 * @csspart search - The search input.
 * @csspart tabs - The person / company tabs.
 * @csspart grid - The scrolling grid.
 * @csspart header - The header row.
 * @csspart row - A data row.
 * @csspart cell - A data cell.
 * @csspart bulk-bar - The bar of actions on the selection.
 * @csspart column-menu - The column configuration panel.
 * @csspart dialog - The delete confirmation dialog.
 * @csspart notice - The outcome of the last action (also `notice-running`, `notice-done`, `notice-failed`).
 * @csspart menu - The folded "Filtros e ações" menu of the list layout (narrow screens).
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 *
 * @cssproperty --cl-customer-table-height - Height of the element (default `70vh`).
 * @cssproperty --cl-color-accent - Accent colour (buttons, selection).
 * @cssproperty --cl-color-surface - Background.
 * @cssproperty --cl-color-surface-alt - Header, hover and skeleton background.
 * @cssproperty --cl-color-border - Lines.
 * @cssproperty --cl-color-text - Text.
 * @cssproperty --cl-color-text-muted - Secondary text.
 * @cssproperty --cl-color-whatsapp - The WhatsApp link's icon.
 *
 * Keyboard: the ARIA grid pattern (arrows, Home/End, Ctrl+Home/End, PageUp/PageDown); Space
 * selects the row, Enter opens it; F2 enters a cell's buttons (copy, reveal, WhatsApp), arrows
 * move between them and Escape returns to the cell.
 */
export class CustomerTable extends ClientelaElement<CustomerTableClient> {
  protected override clientModule(): ClientModule<CustomerTableClient> {
    return import('./customer-table.client.js');
  }

  static override styles = [tokens, styles];
  static override properties = {
    ...ClientelaElement.properties,
    q: { type: String, reflect: true, converter: optionalString },
    kind: { type: String, reflect: true, converter: optionalString },
    status: { type: String, reflect: true, converter: optionalString },
    categoryIds: { attribute: 'category-ids', reflect: true, converter: idList },
    filter: { type: String, reflect: true, converter: optionalString },
    sort: { type: String, reflect: true, converter: optionalString },
    storageKey: { type: String, attribute: 'storage-key' },
    pageSize: { type: Number, attribute: 'page-size' },
  };

  /** Search text over name, e-mail, phone and CPF/CNPJ (attribute `q`). */
  declare q: string;
  /** `person`, `company`, or empty for both. */
  declare kind: Kind;
  /** A status, or a comma-separated list; empty means every status but `deleted`. */
  declare status: string;
  /** Categories to filter by (attribute `category-ids`, comma-separated). */
  declare categoryIds: string[];
  /** A filter in its text form (`last-notwithin-90.uf-SP`, see core's `encodeFilter`), with the other filters by AND; a `<cl-filter-builder for=…>` sets it. */
  declare filter: string;
  /** Server sort: `name`, `createdAt`, `lastPurchaseAt`, `totalSpent`, `ordersCount`, `visitsCount`, `status`, `-` prefix for descending. */
  declare sort: string;
  /** localStorage key under which the column layout is kept; none means not persisted. */
  declare storageKey: string | undefined;
  /** Rows fetched by the first page (1–200). */
  declare pageSize: number;

  // Data: the rows of the query, by position, from cursor and offset pages (page-source.ts).
  #data = new DataController(this, {
    query: () => this.#query(),
    view: () => this.#range(),
    loaded: (total, gen) => {
      setTimeout(() => this.#loadActions(), 200);
      this.dispatchEvent(new ResultsEvent({ total }));
      this.#announce(total === 1 ? this.#t('result1') : this.#t('results', { n: formatNumber(total, this.resolvedLocale) }), gen);
    },
    failed: (gen) => this.#announce(this.#t('error'), gen),
  });
  get #src(): PageSource<Customer> {
    return this.#data.source;
  }
  /** Tab counts, with the query they were counted for: shown only while that query is on screen. */
  #counts = new TabCounts({
    count: async (query, kind, signal) => (await this.api!.customers.list({ ...query, kind, limit: 1 }, { signal })).total,
    changed: () => this.requestUpdate(),
  });
  #categories = new Map<string, Category>();
  /** While this table's own bulk action runs: its change comes back through the feed, and is already handled. */
  #ownBulk = 0;
  #revealed = new Map<string, string>();

  // Viewport: height, scroll offset, table or list layout, rows in view (viewport.ts).
  #vp = new ViewportController(this, {
    total: () => this.#src.total,
    resized: () => this.#data.load(),
    layoutChanged: () => {
      this.#menuOpen = false;
    },
  });

  // Columns
  #layout: ColumnLayout = parseLayout(null);
  #menuOpen = false;

  // Selection: these ids, or all matching (selection.ts).
  #sel = new SelectionController(this, {
    loaded: () => this.#loadedIds(),
    total: () => this.#src.total,
    // "3 atualizados" speaks of the previous selection: a new one starts without it.
    changed: () => {
      if (this.#notice?.origin === 'bulk' && this.#notice.state !== 'running') this.#notice = undefined;
    },
  });

  // Focus: a row index (-1 = header) and a column index (0 = selection column).
  #focusRow = -1;
  #focusCol = 1;
  #focusInGrid = false;

  // Column menu, bulk bar, delete dialog and export: loaded after the first rows (customer-table.parts.ts).
  #actions: typeof import('./customer-table.parts.js') | undefined;
  #actionsLoading = false;

  // Feedback
  #announcement = '';
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #notice: Notice | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #reloadQueued = false;

  constructor() {
    super();
    this.q = '';
    this.kind = '';
    this.status = '';
    this.categoryIds = [];
    this.filter = '';
    this.sort = '';
    this.pageSize = 50;
  }

  // The table's words in its locale; en and es load on first use (see LocalizeController).
  readonly #l10n = new LocalizeController(this, { messages, loadMessages });
  get #t() {
    return this.#l10n.t;
  }

  /** Ids of the selected rows (when "all matching" is selected, the loaded ones among them). */
  get selectedIds(): string[] {
    return this.#sel.ids();
  }

  /** True when every customer matching the filter is selected, not only the loaded ones (less {@link exceptedIds}). */
  get allMatchingSelected(): boolean {
    return this.#sel.model.all;
  }

  /** While all matching customers are selected: the ones unticked since (bulk actions and exports leave them out). */
  get exceptedIds(): string[] {
    return this.#sel.model.exceptIds;
  }

  /** Number of customers matching the current query (0 until the first page arrives). */
  get total(): number {
    return this.#src.total;
  }

  /** Reloads from the server, keeping the filter, the scroll position and the selection. */
  refresh(): void {
    this.#reload(false);
    this.#loadCounts();
  }

  /** Clears the search and every filter (kind, status, categories). */
  clearFilters(): void {
    this.q = '';
    this.status = '';
    this.categoryIds = [];
    this.kind = '';
    const input = this.renderRoot.querySelector<HTMLInputElement>('#search');
    if (input) input.value = '';
  }

  /**
   * Puts focus back in the grid, on the cell last focused (the row a customer was opened from),
   * so a page that closes the customer's card can return the keyboard where it was.
   */
  override focus(options?: FocusOptions): void {
    const root = this.renderRoot as ShadowRoot | undefined;
    if (!root) return super.focus(options);
    if (this.#focusRow >= 0 && this.#focusRow < this.#src.total) this.#ensureVisible(this.#focusRow);
    const cell = root.querySelector<HTMLElement>(`[data-r="${this.#focusRow}"] [data-c="${this.#focusCol}"]`);
    (cell ?? root.querySelector<HTMLElement>('[role=grid]'))?.focus(options);
    this.#focusInGrid = true;
  }

  /** Scrolls so that row `index` is in view (and loads the pages up to it). */
  scrollToIndex(index: number): void {
    this.#ensureVisible(Math.max(0, Math.min(index, this.#src.total - 1)));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#counts.dispose();
    clearTimeout(this.#searchTimer);
    clearTimeout(this.#announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storageKey')) this.#layout = parseLayout(this.#readStorage());
    const connection = this.connectionChanged(changed);
    if (connection) this.#loadCategories();
    const query = changed.has('q') || changed.has('kind') || changed.has('status') || changed.has('categoryIds') || changed.has('filter') || changed.has('sort');
    if (connection || query) this.#queueReload();
    if (connection || changed.has('q') || changed.has('status') || changed.has('categoryIds') || changed.has('filter')) this.#loadCounts();
  }

  protected override firstUpdated(): void {
    // The observer's first call (before the first paint) measures: no forced layout here.
    this.#vp.observe(this.renderRoot.querySelector('.scroller'));
  }

  protected override updated(): void {
    if (this.#focusInGrid) this.#restoreFocus();
  }

  // ---------------------------------------------------------------- data

  #query(): Record<string, unknown> {
    const query: Record<string, unknown> = {};
    if (this.q.trim()) query['q'] = this.q.trim();
    if (this.kind) query['kind'] = this.kind;
    if (this.status) query['status'] = this.status;
    if (this.categoryIds.length) query['categoryId'] = this.categoryIds;
    if (this.filter) query['filter'] = this.filter;
    if (this.sort) query['sort'] = this.sort;
    return query;
  }

  /** The filter sent to bulk actions and exports ("all matching"). */
  #filter(): Record<string, unknown> {
    const { sort: _sort, ...filter } = this.#query();
    if (Array.isArray(filter['categoryId'])) filter['categoryId'] = (filter['categoryId'] as string[]).join(',');
    return filter;
  }

  /** Several properties often change together (clearFilters): reload once, after them all. */
  #queueReload(): void {
    if (this.#reloadQueued) return;
    this.#reloadQueued = true;
    queueMicrotask(() => {
      this.#reloadQueued = false;
      this.#reload(true);
    });
  }

  /**
   * Starts over for a new query. The previous requests are aborted and every response checks
   * its generation, so a slow answer to an old search can never overwrite a newer one.
   */
  #reload(newQuery: boolean): void {
    this.#src.reset(this.pageSize, newQuery);
    if (newQuery) {
      this.#vp.setScroll(0);
      this.#focusRow = Math.min(this.#focusRow, -1);
      if (!this.#sel.model.empty) this.#sel.clear();
    }
    this.#revealed.clear();
    // An announcement still pending belongs to the query being replaced.
    clearTimeout(this.#announceTimer);
    this.#announcement = '';
    this.requestUpdate();
    this.#data.load();
  }

  /** The query the tab counts depend on (every filter but the kind). */
  #countsQuery(): Record<string, unknown> {
    const { kind: _kind, sort: _sort, ...query } = this.#query();
    return query;
  }

  #loadCounts(): void {
    if (this.api) void this.#counts.load(this.#countsQuery());
  }

  /**
   * A write made through the shared client, by this element or another: a category created,
   * renamed or inactivated reaches the filter, the bulk select and the chips; a saved customer
   * replaces its row in place (the scroll position stays); anything that may change which rows
   * match (a new customer, a delete, a bulk action elsewhere, an import) reloads the list.
   */
  protected override clientChanged(change: ClientChange): void {
    switch (change.type) {
      case 'category.created':
      case 'category.updated': {
        const known = this.#categories.get(change.category.id);
        if (known && known.version > change.category.version) return;
        this.#categories = new Map(this.#categories).set(change.category.id, change.category);
        this.requestUpdate();
        return;
      }
      case 'customer.updated': {
        const customer = change.customer;
        const masked = { ...customer, document: maskDocument(customer.document) };
        if (this.#src.replace((row) => row.id === customer.id && row.version <= customer.version, masked)) {
          this.#revealed.delete(customer.id);
          this.requestUpdate();
        }
        return;
      }
      case 'customer.bulk':
        if (this.#ownBulk) return;
        this.refresh();
        return;
      case 'customer.created':
      case 'customer.deleted':
      case 'import.completed':
        this.refresh();
        return;
    }
  }

  async #loadCategories(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      const list = await api.categories.list();
      this.#categories = new Map(list.map((c) => [c.id, c]));
      this.requestUpdate();
    } catch {
      // Chips then show nothing for unknown ids; the list still works.
    }
  }

  // ---------------------------------------------------------------- viewport

  /** Height of one row in the current layout. */
  get #rowH(): number {
    return this.#vp.rowHeight;
  }

  /** The columns shown: the layout's (table), or name, document and phone (list). */
  #columns(): ColumnDef[] {
    return this.#vp.list ? LIST_COLUMNS.map((k) => COLUMN_BY_KEY.get(k)!) : visibleColumns(this.#layout);
  }

  #range(): { start: number; end: number; offset: number } {
    return this.#vp.range();
  }

  #onScroll = (): void => {
    if (this.#vp.scrolled()) this.#afterScroll();
  };

  #afterScroll(): void {
    this.#data.load();
    // Rows in view still loading: a fast source answers before the frame, and rendering now would
    // build placeholders only to replace them. Render at the frame instead (placeholders if the
    // rows have not come by then); the page's arrival renders them anyway.
    if (this.#src.state === 'ready' && this.#src.viewMissing()) requestAnimationFrame(() => this.requestUpdate());
    else this.requestUpdate();
  }

  /** Scrolls the least needed for row `index` to be fully in view. */
  #ensureVisible(index: number): void {
    if (this.#vp.reveal(index)) this.#afterScroll();
  }

  // ---------------------------------------------------------------- columns

  #readStorage(): string | null {
    if (!this.storageKey) return null;
    try {
      return localStorage.getItem(this.storageKey);
    } catch {
      return null;
    }
  }

  #setLayout(layout: ColumnLayout, byUser = true): void {
    if (layout === this.#layout) return;
    if (byUser) queueMicrotask(() => this.dispatchEvent(new ViewChangeEvent({ sort: this.sort })));
    this.#layout = layout;
    if (this.storageKey) {
      try {
        localStorage.setItem(this.storageKey, JSON.stringify(layout));
      } catch {
        // Storage full or blocked: the layout still applies to this page.
      }
    }
    this.requestUpdate();
  }

  /** Shows or hides a column. */
  setColumnVisible(key: ColumnKey, visible: boolean): void {
    this.#setLayout(withVisible(this.#layout, key, visible));
  }

  /** Pins a column at the start (at most five) or unpins it. */
  setColumnPinned(key: ColumnKey, pin: boolean): void {
    this.#setLayout(withPinned(this.#layout, key, pin));
  }

  /** Moves a column one place earlier (-1) or later (+1) among the shown columns. */
  moveColumn(key: ColumnKey, delta: -1 | 1): void {
    this.#setLayout(withMoved(this.#layout, key, delta));
  }

  /** The column layout in use (order, hidden, pinned). */
  get columnLayout(): ColumnLayout {
    return structuredClone(this.#layout);
  }

  /** Sets the column layout (a saved view's, a shared link's); unknown keys are dropped. */
  set columnLayout(layout: ColumnLayout) {
    this.#setLayout(parseLayout(JSON.stringify(layout)), false);
  }

  // ---------------------------------------------------------------- selection

  *#loadedIds(): Iterable<string> {
    for (const c of this.#src.rows.values()) yield c.id;
  }

  // ---------------------------------------------------------------- actions

  /** These ids, or the filter less the rows unticked out of "all matching" (sent as is: no id is resolved here). */
  #target(): { ids: string[] } | { filter: Record<string, unknown>; exceptIds?: string[] } {
    return this.#sel.model.target(() => this.#filter());
  }

  /**
   * Runs one bulk action through `customers.bulk`. The idempotency key is made once per user
   * action, so the client's retries after a network failure never apply it twice.
   */
  async #bulk(
    bulk: BulkAction,
    // "Tentar novamente" sends the same request with the same key: if the first one did reach
    // the server before the failure, the retry replays its answer instead of applying it twice.
    request = { target: this.#target(), key: crypto.randomUUID() },
  ): Promise<void> {
    const api = this.api;
    if (!api || ('ids' in request.target && request.target.ids.length === 0)) return;
    const t = this.#t;
    const { action } = bulk;
    const what = t(BULK_LABEL[action]);
    this.#notify({ origin: 'bulk', state: 'running', text: t('working') });
    this.#ownBulk++;
    try {
      const result = await api.customers.bulk({ ...request.target, ...bulk }, { idempotencyKey: request.key }).finally(() => this.#ownBulk--);
      if (action === 'delete') this.#sel.clear();
      this.#notify({ origin: 'bulk', state: 'done', text: t('updated', { n: formatNumber(result.updated, this.resolvedLocale) }) });
      this.refresh();
    } catch (error) {
      this.#notify({
        origin: 'bulk',
        state: 'failed',
        text: `${t('bulkFailed', { what })} ${errorText(error, this.resolvedLocale)}`,
        retry: () => void this.#bulk(bulk, request),
      });
    }
  }

  #exportColumns(): ExportColumn[] {
    return [...new Set(visibleColumns(this.#layout).flatMap((c) => c.export))];
  }

  /** Shows an action's progress or outcome; its start and end are also announced. */
  #notify(notice: Notice | undefined): void {
    const announce = notice && (notice.state !== 'running' || this.#notice?.state !== 'running');
    this.#notice = notice;
    this.requestUpdate();
    if (announce) this.#announce(notice.text);
  }

  /**
   * Puts `text` in the live region. With `gen`, only while that query is still the one on screen
   * (the text is set a moment later, and a new search may start meanwhile).
   */
  #announce(text: string, gen?: number): void {
    // Re-announce identical text by clearing first (a live region ignores unchanged content).
    this.#announcement = '';
    this.requestUpdate();
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      if (gen !== undefined && !this.#src.isCurrent(gen)) return;
      this.#announcement = text;
      this.requestUpdate();
    }, 50);
  }

  /** Reveals (or hides again) the full document; retrieve is what the server audits. */
  async #toggleReveal(c: Customer): Promise<void> {
    if (this.#revealed.has(c.id)) {
      this.#revealed.delete(c.id);
      this.requestUpdate();
      return;
    }
    const full = await this.#fullDocument(c);
    if (full) {
      this.#revealed.set(c.id, full);
      this.requestUpdate();
    }
  }

  async #fullDocument(c: Customer): Promise<string | undefined> {
    const known = this.#revealed.get(c.id);
    if (known) return known;
    try {
      const full = await this.api!.customers.retrieve(c.id);
      return full.document;
    } catch (error) {
      this.#announce(this.#t('actionFailed', { message: (error as Error).message }));
      return undefined;
    }
  }

  async #copy(text: string | Promise<string | undefined>): Promise<void> {
    try {
      const value = await text;
      if (!value) return;
      await navigator.clipboard.writeText(value);
      this.#announce(this.#t('copied'));
    } catch {
      this.#announce(this.#t('copyFailed'));
    }
  }

  #open(c: Customer): void {
    this.dispatchEvent(new CustomerOpenEvent({ id: c.id }));
  }

  #sortBy(col: ColumnDef): void {
    if (!col.sort) return;
    this.sort = this.sort === col.sort ? `-${col.sort}` : col.sort;
    this.dispatchEvent(new ViewChangeEvent({ sort: this.sort }));
  }

  // ---------------------------------------------------------------- keyboard

  #cols(): number {
    return this.#columns().length + 1;
  }

  #onGridKeydown = (e: KeyboardEvent): void => {
    const target = e.target as HTMLElement;
    const inControl = target.matches('button, a, input, select');
    // Copy, reveal and WhatsApp live inside cells: F2 enters the cell's controls, arrows move
    // between them, Escape goes back to the cell (the grid pattern's "interactive cell" mode).
    const cellEl = target.closest<HTMLElement>('[data-c]');
    if (cellEl && e.key === 'F2' && !inControl) {
      const control = cellEl.querySelector<HTMLElement>('button, a');
      if (control) {
        e.preventDefault();
        control.focus();
      }
      return;
    }
    if (cellEl && target.matches('button, a')) {
      const controls = [...cellEl.querySelectorAll<HTMLElement>('button, a')];
      const at = controls.indexOf(target);
      if (e.key === 'Escape' || e.key === 'F2') cellEl.focus();
      else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') controls[Math.max(0, Math.min(controls.length - 1, at + (e.key === 'ArrowRight' ? 1 : -1)))]!.focus();
      else return;
      e.preventDefault();
      return;
    }
    const page = this.#vp.pageRows();
    const moved = gridMove(e.key, e.ctrlKey || e.metaKey, { row: this.#focusRow, col: this.#focusCol }, { rows: this.#src.total, cols: this.#cols(), page });
    if (!moved) {
      if ((e.key === ' ' || e.key === 'Enter') && !inControl) {
        e.preventDefault();
        this.#activate(e.key === ' ');
      }
      return;
    }
    const { row, col } = moved;
    e.preventDefault();
    this.#focusRow = row;
    this.#focusCol = col;
    this.#focusInGrid = true;
    if (row >= 0) this.#ensureVisible(row);
    this.requestUpdate();
  };

  /** Space (`select`) or Enter on the focused cell: a row is selected or opened; a header cell selects the loaded rows or sorts. */
  #activate(select: boolean): void {
    const row = this.#focusRow;
    const col = this.#focusCol;
    if (row < 0) {
      const column = this.#columns()[col - 1];
      if (col === 0) this.#sel.setLoaded(!this.#sel.allLoaded());
      else if (column) this.#sortBy(column);
      return;
    }
    const c = this.#src.rows.get(row);
    if (!c) return;
    if (select) this.#sel.toggle(c.id);
    else this.#open(c);
  }

  #onGridFocusIn = (e: FocusEvent): void => {
    this.#focusInGrid = true;
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-c]');
    const row = cell?.closest<HTMLElement>('[data-r]');
    if (!cell || !row) return;
    const r = Number(row.dataset['r']);
    const c = Number(cell.dataset['c']);
    if (r !== this.#focusRow || c !== this.#focusCol) {
      this.#focusRow = r;
      this.#focusCol = c;
      this.requestUpdate();
    }
  };

  #onGridFocusOut = (e: FocusEvent): void => {
    const next = e.relatedTarget as Node | null;
    const grid = this.renderRoot.querySelector('[role=grid]');
    // A recycled row removes the focused cell without a relatedTarget: keep the intent to refocus.
    if (next && !grid?.contains(next)) this.#focusInGrid = false;
  };

  /** Rows are recycled while scrolling, so put focus back on the cell of the remembered row + column. */
  #restoreFocus(): void {
    const root = this.renderRoot as ShadowRoot;
    const cell = root.querySelector<HTMLElement>(`[data-r="${this.#focusRow}"] [data-c="${this.#focusCol}"]`);
    const active = root.activeElement as HTMLElement | null;
    if (cell) {
      if (active !== cell && !cell.contains(active)) cell.focus({ preventScroll: true });
    } else if (!active || !active.closest('[role=grid]')) {
      root.querySelector<HTMLElement>('[role=grid]')?.focus({ preventScroll: true });
    }
  }

  // ---------------------------------------------------------------- render

  override render() {
    const t = this.#t;
    const list = this.#vp.list;
    const cols = this.#columns();
    const template = `${SELECT_W}px ${cols.map((c) => `${c.width}px`).join(' ')}`;
    const width = SELECT_W + cols.reduce((sum, c) => sum + c.width, 0);
    const pinnedCount = list ? 0 : cols.filter((c) => this.#layout.pinned.includes(c.key)).length;
    const lefts: number[] = [0];
    for (let i = 0, x = SELECT_W; i < cols.length; i++) {
      lefts.push(x);
      x += cols[i]!.width;
    }
    const count = this.#sel.count();
    return html`
      ${this.#renderToolbar()} ${this.#renderTabs()}
      ${count > 0 ? this.#renderBulkBar(count) : nothing} ${renderNotice(this.#notice, { retry: t('retry'), cancel: t('cancel'), dismiss: t('dismiss') }, () => this.#notify(undefined))}
      <div class="scroller" part="grid" @scroll=${this.#onScroll}>
        <div
          role="grid"
          tabindex="-1"
          aria-label=${t('grid')}
          aria-rowcount=${this.#src.state === 'ready' ? this.#src.total + 1 : -1}
          aria-colcount=${cols.length + 1}
          aria-multiselectable="true"
          aria-busy=${this.#src.state === 'loading' ? 'true' : 'false'}
          class=${list ? 'list' : 'table'}
          style=${list ? `--row-height:${LIST_ROW}px` : `--cols:${template};width:${width}px`}
          @keydown=${this.#onGridKeydown}
          @focusin=${this.#onGridFocusIn}
          @focusout=${this.#onGridFocusOut}
          @click=${this.#onGridClick}
        >
          <div role="rowgroup" class="head">${this.#renderHeader(cols, lefts, pinnedCount)}</div>
          <div role="rowgroup" class="body" style="height:${this.#src.state === 'ready' ? this.#vp.spacer() : this.#vp.height}px">
            <div class="layer" style="height:${this.#vp.height}px">${this.#renderBody(cols, lefts, pinnedCount)}</div>
          </div>
        </div>
        ${this.#src.state === 'ready' && this.#src.total === 0
          ? html`<div class="state" part="empty">
              <p class="state-title">${t('empty')}</p>
              <p>${t('emptyHint')}</p>
              <button type="button" @click=${() => this.clearFilters()}>${t('clearFilters')}</button>
            </div>`
          : nothing}
        ${this.#src.pageFailed
          ? html`<div class="page-error" part="error" role="alert">
              ${t('error')} <button type="button" @click=${() => this.#src.retry()}>${t('retry')}</button>
            </div>`
          : nothing}
        ${this.#src.state === 'error'
          ? html`<div class="state" part="error" role="alert">
              <p class="state-title">${t('error')}</p>
              <button type="button" @click=${() => this.#reload(false)}>${t('retry')}</button>
            </div>`
          : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</div>
      ${this.#actions
        ? html`<cl-table-delete-dialog .count=${count} .locale=${this.resolvedLocale} @bulk-action=${(e: BulkActionEvent) => void this.#bulk(e.request)}></cl-table-delete-dialog>`
        : nothing}
    `;
  }

  #renderBulkBar(count: number): TemplateResult | typeof nothing {
    if (!this.#actions) return this.#loadActions();
    return html`<cl-table-bulk-bar
      .count=${count}
      .total=${this.#src.total}
      .allMatching=${this.#sel.model.all}
      .selectedSize=${this.#sel.model.size}
      .excepted=${this.#sel.model.exceptIds.length}
      .categories=${[...this.#categories.values()]}
      .locale=${this.resolvedLocale}
      @bulk-action=${(e: BulkActionEvent) => void this.#bulk(e.request)}
      @select-all-matching=${() => this.#sel.selectAll()}
      @clear-selection=${() => this.#sel.clear()}
      @delete-request=${() => this.renderRoot.querySelector('cl-table-delete-dialog')?.show()}
    ></cl-table-bulk-bar>`;
  }

  /**
   * Search, filters, export and columns. In the list layout (narrow screens) only the search stays
   * in view; the filters and exports fold into one "Filtros e ações" menu, and the column menu,
   * which configures the table layout only, is left out.
   */
  #renderToolbar(): TemplateResult {
    const t = this.#t;
    const statuses = this.status ? this.status.split(',') : [];
    const filtered = !!(this.q || this.status || this.categoryIds.length || this.kind || this.filter);
    const search = html`<label class="search">
      <span class="visually-hidden">${t('search')}</span>
      <input
        id="search"
        part="search"
        type="search"
        .value=${this.q}
        placeholder=${t('searchPlaceholder')}
        autocomplete="off"
        @input=${this.#onSearchInput}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.#commitSearch((e.target as HTMLInputElement).value)}
      />
    </label>`;
    const status = html`<label class="field">
      <span>${t('status')}</span>
      <select id="status" @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!statuses.length}>${t('statusAll')}</option>
        ${CUSTOMER_STATUSES.map((s) => html`<option value=${s} ?selected=${statuses.length === 1 && statuses[0] === s}>${t(s)}</option>`)}
      </select>
    </label>`;
    const categoryChecks = [...this.#categories.values()].map(
      (c) => html`<label class="check">
        <input
          type="checkbox"
          .checked=${this.categoryIds.includes(c.id)}
          @change=${(e: Event) => this.#toggleCategoryFilter(c.id, (e.target as HTMLInputElement).checked)}
        />
        <span class="dot" style="--chip:${safeColor(c.color)}"></span>
        ${c.status === 'inactive' ? t('inactiveCategory', { name: c.name }) : c.name}
      </label>`,
    );
    const categoriesLabel = this.categoryIds.length ? t('categoriesCount', { n: this.categoryIds.length }) : t('categories');
    const clear = filtered ? html`<button type="button" class="link" @click=${() => this.clearFilters()}>${t('clearFilters')}</button>` : nothing;
    const exports = html`<button type="button" id="export-csv" title=${t('exportHint')} @click=${() => this.#export('csv')}>${t('exportCsv')}</button>
      <button type="button" id="export-xlsx" title=${t('exportHint')} @click=${() => this.#export('xlsx')}>${t('exportXlsx')}</button>`;

    if (this.#vp.list) {
      return html`<div class="toolbar list" part="toolbar" role="search" aria-label=${t('toolbar')}>
        ${search}
        <details class="menu more" @keydown=${this.#closeDetailsOnEscape}>
          <summary id="more-button">${t('actions')}${this.status || this.categoryIds.length ? html` <span class="dot-badge" aria-hidden="true"></span>` : nothing}</summary>
          <div class="popover more-panel" part="menu">
            ${status}
            <fieldset class="categories-list">
              <legend>${categoriesLabel}</legend>
              ${categoryChecks}
            </fieldset>
            ${clear}
            <div class="more-actions">${exports}</div>
          </div>
        </details>
      </div>`;
    }
    return html`<div class="toolbar" part="toolbar" role="search" aria-label=${t('toolbar')}>
      ${search} ${status}
      <details class="menu categories" @keydown=${this.#closeDetailsOnEscape}>
        <summary>${categoriesLabel}</summary>
        <fieldset class="popover">
          <legend class="visually-hidden">${t('categories')}</legend>
          ${categoryChecks}
        </fieldset>
      </details>
      ${clear}
      <span class="spacer"></span>
      ${exports}
      <div class="menu">
        <button
          type="button"
          id="columns-button"
          aria-expanded=${this.#menuOpen ? 'true' : 'false'}
          aria-controls="column-menu"
          @click=${() => this.#toggleMenu()}
        >
          <span aria-hidden="true">⚙ </span>${t('columns')}
        </button>
        ${this.#menuOpen
          ? this.#actions
            ? html`<cl-table-column-menu
                .layout=${this.#layout}
                .locale=${this.resolvedLocale}
                @layout-change=${(e: LayoutChangeEvent) => this.#setLayout(e.layout)}
                @menu-close=${() => this.#toggleMenu(false)}
              ></cl-table-column-menu>`
            : this.#loadActions()
          : nothing}
      </div>
    </div>`;
  }

  /** A menu made of <details> closes on Escape, and the keyboard goes back to its summary. */
  #closeDetailsOnEscape = (e: KeyboardEvent): void => {
    const details = e.currentTarget as HTMLDetailsElement;
    if (e.key !== 'Escape' || !details.open) return;
    e.preventDefault();
    e.stopPropagation();
    details.open = false;
    details.querySelector('summary')?.focus();
  };

  #onSearchInput = (e: Event): void => {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#commitSearch(value), SEARCH_DEBOUNCE);
  };

  #commitSearch(value: string): void {
    clearTimeout(this.#searchTimer);
    if (value !== this.q) this.q = value;
  }

  #toggleCategoryFilter(id: string, on: boolean): void {
    this.categoryIds = on ? [...this.categoryIds, id] : this.categoryIds.filter((c) => c !== id);
  }

  #toggleMenu(open = !this.#menuOpen): void {
    this.#menuOpen = open;
    this.requestUpdate();
    if (!open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#columns-button')?.focus());
  }

  /** Exports through the action module (loading it first if a click beats the preload). */
  async #export(format: 'csv' | 'xlsx'): Promise<void> {
    if (this.#notice?.origin === 'export' && this.#notice.state === 'running') return;
    // From the folded menu: close it, so the notice with the progress is not hidden under it.
    const more = this.renderRoot.querySelector<HTMLDetailsElement>('details.more');
    if (more) more.open = false;
    const { exportFile } = this.#actions ?? (await import('./customer-table.parts.js'));
    const count = this.#sel.count();
    await exportFile({
      request: { format, columns: this.#exportColumns(), ...(count ? this.#target() : { filter: this.#filter() }) },
      rows: count || this.#src.total,
      locale: this.resolvedLocale,
      stream: (request, signal) => this.api!.exports.stream(request, { signal }),
      notify: (notice) => this.#notify(notice),
      again: () => void this.#export(format),
    });
  }

  /** Starts loading the action UI (once); renders nothing meanwhile. */
  #loadActions(): typeof nothing {
    if (!this.#actionsLoading) {
      this.#actionsLoading = true;
      void import('./customer-table.parts.js').then((m) => {
        this.#actions = m;
        this.requestUpdate();
      });
    }
    return nothing;
  }

  #renderTabs(): TemplateResult {
    const t = this.#t;
    const n = (v: number | undefined) => (v === undefined ? '' : ` (${formatNumber(v, this.resolvedLocale)})`);
    // Counts of another query are never shown, even before the reload clears them.
    const counts = this.#counts.for(this.#countsQuery());
    const tabs: [Kind, string][] = [
      ['', t('kindAll') + n(counts.all)],
      ['person', t('person') + n(counts.person)],
      ['company', t('company') + n(counts.company)],
    ];
    return html`<div class="tabs ${this.#vp.list ? 'list' : ''}" part="tabs" role="tablist" aria-label=${t('kinds')} @keydown=${this.#onTabsKeydown}>
      ${tabs.map(
        ([kind, label]) =>
          html`<button type="button" role="tab" data-kind=${kind} aria-selected=${this.kind === kind ? 'true' : 'false'} tabindex=${this.kind === kind ? 0 : -1} @click=${() => (this.kind = kind)}>
            ${label}
          </button>`,
      )}
    </div>`;
  }

  #onTabsKeydown = (e: KeyboardEvent): void => {
    const kinds: Kind[] = ['', 'person', 'company'];
    const at = kinds.indexOf(this.kind);
    const next = e.key === 'ArrowRight' ? (at + 1) % 3 : e.key === 'ArrowLeft' ? (at + 2) % 3 : e.key === 'Home' ? 0 : e.key === 'End' ? 2 : -1;
    if (next < 0) return;
    e.preventDefault();
    this.kind = kinds[next]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[role=tab][data-kind="${kinds[next]}"]`)?.focus());
  };

  #tabIndex(row: number, col: number, rendered: boolean): number {
    if (row === this.#focusRow && col === this.#focusCol) return 0;
    // When the remembered row scrolled away, the header cell of its column keeps Tab working.
    if (!rendered && row === -1 && col === this.#focusCol) return 0;
    return -1;
  }

  #renderHeader(cols: ColumnDef[], lefts: number[], pinnedCount: number): TemplateResult {
    const t = this.#t;
    const { start, end } = this.#range();
    const rendered = this.#focusRow >= start && this.#focusRow < end && this.#src.state === 'ready';
    const all = this.#sel.allLoaded();
    return html`<div role="row" aria-rowindex="1" part="header" class="row header" data-r="-1">
      <div role="columnheader" class="cell pinned select" data-c="0" style="left:0" tabindex=${this.#tabIndex(-1, 0, rendered)}>
        <input
          type="checkbox"
          tabindex="-1"
          aria-label=${t('selectPage')}
          .checked=${all}
          .indeterminate=${!all && !this.#sel.model.empty}
          @click=${(e: Event) => {
            e.stopPropagation();
            this.#sel.setLoaded((e.target as HTMLInputElement).checked);
          }}
        />
      </div>
      ${cols.map((col, i) => {
        const dir = this.sort === col.sort ? 'ascending' : col.sort && this.sort === `-${col.sort}` ? 'descending' : undefined;
        const pinned = i < pinnedCount;
        return html`<div
          role="columnheader"
          class="cell ${pinned ? 'pinned' : ''} ${col.sort ? 'sortable' : ''} ${col.numeric ? 'num' : ''} ${i === pinnedCount - 1 ? 'pin-edge' : ''}"
          data-c=${i + 1}
          data-key=${col.key}
          style=${pinned ? `left:${lefts[i + 1]}px` : ''}
          aria-sort=${dir ?? nothing}
          tabindex=${this.#tabIndex(-1, i + 1, rendered)}
          @click=${() => this.#sortBy(col)}
        >
          <span class="label">${t(this.#label(col))}</span>
          ${col.sort ? html`<span class="arrow" aria-hidden="true">${dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}</span>` : nothing}
        </div>`;
      })}
    </div>`;
  }

  /** On the company tab the name is the razão social and the document a CNPJ; on the person tab, a CPF. */
  #label(col: ColumnDef): MessageKey {
    if (col.key === 'name' && this.kind === 'company') return 'colLegalName';
    if (col.key === 'document' && this.kind) return this.kind === 'company' ? 'colCnpj' : 'colCpf';
    return col.label;
  }

  #renderBody(cols: ColumnDef[], lefts: number[], pinnedCount: number): TemplateResult | typeof nothing {
    if (this.#src.state === 'error') return nothing;
    const { start, end, offset } = this.#src.state === 'ready' ? this.#range() : { start: 0, end: Math.ceil(this.#vp.height / this.#rowH), offset: 0 };
    const rows: TemplateResult[] = [];
    for (let i = start; i < end; i++) {
      const c = this.#src.state === 'ready' ? this.#src.rows.get(i) : undefined;
      rows.push(this.#renderRow(c, i, cols, lefts, pinnedCount));
    }
    return html`<div class="rows" style="transform:translateY(${offset}px)">${rows}</div>`;
  }

  /**
   * One template for loaded and loading rows, so a row that fills in (or is recycled for a far
   * jump) keeps its row and cell elements and only their contents change.
   */
  #renderRow(c: Customer | undefined, i: number, cols: ColumnDef[], lefts: number[], pinnedCount: number): TemplateResult {
    const selected = !!c && this.#sel.model.has(c.id);
    const name = c ? customerDisplayName(c) : '';
    return html`<div
      role="row"
      part="row"
      class="row ${c ? (selected ? 'selected' : '') : 'skeleton'}"
      aria-rowindex=${i + 2}
      aria-selected=${c ? (selected ? 'true' : 'false') : nothing}
      aria-busy=${c ? nothing : 'true'}
      data-r=${i}
      data-id=${c?.id ?? nothing}
    >
      <div role="gridcell" part="cell" class="cell pinned select" data-c="0" style="left:0" tabindex=${this.#tabIndex(i, 0, true)}>
        ${c
          ? html`<input type="checkbox" tabindex="-1" aria-label=${this.#t('selectRow', { name })} .checked=${selected} />`
          : html`<span class="visually-hidden">${this.#t('loadingRow')}</span>`}
      </div>
      ${cols.map(
        (col, j) =>
          html`<div
            role="gridcell"
            part="cell"
            class="cell ${j < pinnedCount ? 'pinned' : ''} ${col.numeric ? 'num' : ''} ${j === pinnedCount - 1 ? 'pin-edge' : ''}"
            data-c=${j + 1}
            data-key=${col.key}
            style=${j < pinnedCount ? `left:${lefts[j + 1]}px` : ''}
            tabindex=${this.#tabIndex(i, j + 1, true)}
          >${c ? this.#cell(col.key, c, name) : bone}</div>`,
      )}
    </div>`;
  }

  #cell(key: ColumnKey, c: Customer, name: string): TemplateResult | string {
    const t = this.#t;
    const loc = this.resolvedLocale;
    switch (key) {
      case 'name':
        return html`<span class="avatar" aria-hidden="true">${initials(name)}</span><span class="stack"><span class="name">${name}</span><span class="id">${c.id}<button type="button" class="icon-btn icon-copy" tabindex="-1" data-action="copy-id" aria-label=${t('copyId', { name })}></button></span></span>`;
      case 'document': {
        const full = this.#revealed.get(c.id);
        return html`<span class="doc">${formatDocument(full ?? c.document, { masked: !full })}</span><button
            type="button"
            class="icon-btn icon-eye"
            tabindex="-1"
            data-action="reveal"
            aria-pressed=${full ? 'true' : 'false'}
            aria-label=${t(full ? 'hide' : 'reveal', { name })}
          ></button><button type="button" class="icon-btn icon-copy" tabindex="-1" data-action="copy-document" aria-label=${t('copyDocument', { name })}></button>`;
      }
      case 'email':
        return c.email ?? '';
      case 'phone':
        return c.phone
          ? html`<span>${formatPhoneBR(c.phone)}</span><button type="button" class="icon-btn icon-copy" tabindex="-1" data-action="copy-phone" aria-label=${t('copyPhone', { name })}></button>${c.whatsapp
                ? html`<a class="icon-btn icon-whatsapp" tabindex="-1" href=${whatsappUrl(c.phone)} target="_blank" rel="noopener noreferrer" aria-label=${t('whatsapp', { name })}></a>`
                : nothing}`
          : '';
      case 'categories':
        return html`${c.categoryIds.map((id) => {
          const cat = this.#categories.get(id);
          if (!cat) return nothing;
          return html`<span class="chip ${cat.status === 'inactive' ? 'inactive' : ''}" style="--chip:${safeColor(cat.color)}">${cat.status === 'inactive' ? t('inactiveCategory', { name: cat.name }) : cat.name}</span>`;
        })}`;
      case 'createdAt':
        return formatDate(c.createdAt, loc);
      case 'lastPurchase':
        return formatDate(c.stats.lastPurchaseAt, loc);
      case 'orders':
        return formatNumber(c.stats.ordersCount, loc);
      case 'totalSpent':
        return formatMoney(c.stats.totalSpentCents, loc);
      case 'status':
        return html`<span class="badge ${c.status}">${t(c.status)}</span>`;
      case 'visits':
        return formatNumber(c.stats.visitsCount, loc);
      case 'firstVisit':
        return formatDate(c.stats.firstVisitAt, loc);
      case 'lastVisit':
        return formatDate(c.stats.lastVisitAt, loc);
      case 'discount':
        return c.discountPercent === undefined ? '' : `${formatNumber(c.discountPercent, loc)} %`;
      case 'loyaltyCard':
        return c.loyaltyCard ?? '';
      case 'source':
        return t(`source${c.source.charAt(0).toUpperCase()}${c.source.slice(1)}` as MessageKey);
    }
  }

  /** One delegated listener for every row: cheaper than a listener per cell when rows recycle. */
  #onGridClick = (e: MouseEvent): void => {
    const target = e.target as HTMLElement;
    const rowEl = target.closest<HTMLElement>('[data-id]');
    if (!rowEl) return;
    const c = this.#src.rows.get(Number(rowEl.dataset['r']));
    if (!c) return;
    const action = target.closest<HTMLElement>('[data-action]')?.dataset['action'];
    if (action === 'copy-id') return void this.#copy(c.id);
    if (action === 'copy-phone') return void this.#copy(c.phone ? formatPhoneBR(c.phone) : '');
    if (action === 'reveal') return void this.#toggleReveal(c);
    if (action === 'copy-document') return void this.#copy(this.#fullDocument(c).then((d) => (d ? formatDocument(d) : d)));
    if (target.closest('a')) return;
    if (target.closest('.select')) {
      // The checkbox's own toggle stands (cancelling it would undo the state after Lit set it).
      this.#sel.toggle(c.id);
      return;
    }
    this.#open(c);
  };
}
