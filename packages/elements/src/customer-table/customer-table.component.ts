import type { Category, ClientChange, Customer, CustomerSource, Unit } from '@clientela/core';
import { encodeFilter } from '@clientela/core/client';
import { formatDocument, formatPhoneBR, maskDocument } from '@clientela/core/format';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CustomerOpenEvent, ResultsEvent, ViewChangeEvent } from '../events/events.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import { formatNumber } from '../internal/localize.js';
import type { CustomerTableClient } from './customer-table.client.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { QuietTask } from '../internal/quiet-task.js';
import { tokens } from '../internal/tokens.js';
import { COLUMN_BY_KEY, parseLayout, visibleColumns, withMoved, withPinned, withVisible, type ColumnDef, type ColumnKey, type ColumnLayout } from './columns.js';
import { loadMessages, messages } from './customer-table.messages.js';
import { styles } from './customer-table.styles.js';
import { ActionsController, type Target } from './actions.controller.js';
import { AnnouncerController } from './announcer.controller.js';
import { DataController } from './data.controller.js';
import { GridFocusController } from './grid-focus.controller.js';
import { renderNotice } from './notice.js';
import type { PageSource } from './page-source.js';
import type { BulkActionEvent, LayoutChangeEvent } from './parts.events.js';
import { RowActions } from './row-actions.js';
import { renderHeader, renderRow, type RowView } from './row.js';
import { SelectionController } from './selection.controller.js';
import { TabCounts } from './tab-counts.js';
import { renderTabs, renderToolbar, type Kind, type ToolbarActions } from './toolbar.js';
import { LIST_ROW, ViewportController } from './viewport.controller.js';

const SEARCH_DEBOUNCE = 250;
/** The fields a row of the list layout shows. */
const LIST_COLUMNS: readonly ColumnKey[] = ['name', 'document', 'phone'];
/** Width of the selection column. */
const SELECT_W = 48;


/** Empty strings are not reflected, so an unset filter leaves no attribute behind. */
const optionalString = { fromAttribute: (v: string | null) => v ?? '', toAttribute: (v: string) => v || null };
const idList = {
  fromAttribute: (v: string | null) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []),
  toAttribute: (v: string[]) => (v?.length ? v.join(',') : null),
};


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
    source: { type: String, reflect: true, converter: optionalString },
    categoryIds: { attribute: 'category-ids', reflect: true, converter: idList },
    filter: { type: String, reflect: true, converter: optionalString },
    sort: { type: String, reflect: true, converter: optionalString },
    unit: { type: String, reflect: true, converter: optionalString },
    storageKey: { type: String, attribute: 'storage-key' },
    pageSize: { type: Number, attribute: 'page-size' },
    messageHref: { type: String, attribute: 'message-href' },
  };

  /** Search text over name, e-mail, phone and CPF/CNPJ (attribute `q`). */
  declare q: string;
  /** `person`, `company`, or empty for both. */
  declare kind: Kind;
  /** A status, or a comma-separated list; empty means every status but `deleted`. */
  declare status: string;
  /** Customers known to this system (`pos`, `ecommerce`…: any of their `sources`); empty means any. */
  declare source: string;
  /** Categories to filter by (attribute `category-ids`, comma-separated). */
  declare categoryIds: string[];
  /** A filter in its text form (`last-notwithin-90.uf-SP`, see core's `encodeFilter`), with the other filters by AND; a `<cl-filter-builder for=…>` sets it. */
  declare filter: string;
  /** Server sort: `name`, `createdAt`, `lastPurchaseAt`, `totalSpent`, `ordersCount`, `visitsCount`, `status`, `-` prefix for descending. */
  declare sort: string;
  /** A unit's id: the figure columns (orders, total spent, last purchase…) show each customer's figures there, and sort by them; empty for all units. */
  declare unit: string;
  /** localStorage key under which the column layout is kept; none means not persisted. */
  declare storageKey: string | undefined;
  /** Rows fetched by the first page (1–200). */
  declare pageSize: number;
  /** Where the message composer's "Acompanhar o envio" leads after a send from the bulk bar: `{id}` is replaced by the batch's id. */
  declare messageHref: string;

  // Data: the rows of the query, by position, from cursor and offset pages (page-source.ts).
  #data = new DataController(this, {
    query: () => this.#query(),
    view: () => this.#range(),
    loaded: (total, gen) => {
      this.#preload.start();
      this.dispatchEvent(new ResultsEvent({ total }));
      this.#live.announce(total === 1 ? this.#t('result1') : this.#t('results', { n: formatNumber(total, this.resolvedLocale) }), () => this.#src.isCurrent(gen));
    },
    failed: (gen) => this.#live.announce(this.#t('error'), () => this.#src.isCurrent(gen)),
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
  // Reveal and copy buttons inside rows (row-actions.ts).
  #rowActions = new RowActions({
    api: () => this.api,
    changed: () => this.requestUpdate(),
    report: (o) => this.#live.announce('failed' in o ? this.#t('actionFailed', { message: o.failed }) : this.#t(o.copied ? 'copied' : 'copyFailed')),
  });

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
      if (this.#actions.notice?.origin === 'bulk' && this.#actions.notice.state !== 'running') this.#actions.notice = undefined;
    },
  });

  // Keyboard: the grid's focused cell and keys (grid-focus.controller.ts).
  #focus = new GridFocusController(this, {
    size: () => ({ rows: this.#src.total, cols: this.#columns().length + 1, page: this.#vp.pageRows() }),
    reveal: (row) => this.#ensureVisible(row),
    activate: (row, col, select) => this.#activate(row, col, select),
  });

  // Bulk actions and exports with their notice; the column menu, bulk bar, delete dialog and export
  // are loaded after the first rows (actions.controller.ts, customer-table.parts.ts).
  #actions = new ActionsController(this, {
    api: () => this.api,
    t: () => this.#t,
    locale: () => this.resolvedLocale,
    target: () => this.#target(),
    exportScope: () => {
      const count = this.#sel.count();
      const columns = [...new Set(visibleColumns(this.#layout).flatMap((c) => c.export))];
      return { target: count ? this.#target() : { filter: this.#filter() }, rows: count || this.#src.total, columns };
    },
    deleted: () => this.#sel.clear(),
    refresh: () => this.refresh(),
    announce: (text) => this.#live.announce(text),
  });

  // The parts are loaded ahead of need once the table is quiet: not inside a jump or a scroll made
  // right after the first rows (the import and the parts' definitions would slow it), and still
  // long before a person reaches a checkbox or the column menu (a render that needs them earlier
  // loads them at once, through the actions' `load`).
  #preload = new QuietTask(() => this.#actions.preload(), { busy: () => this.#src.running });

  // Feedback
  #live = new AnnouncerController(this);
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #reloadQueued = false;

  constructor() {
    super();
    this.q = '';
    this.kind = '';
    this.status = '';
    this.source = '';
    this.categoryIds = [];
    this.filter = '';
    this.sort = '';
    this.unit = '';
    this.pageSize = 50;
    this.messageHref = '';
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

  /** Clears the search and every filter (kind, status, categories, the filter builder's). */
  clearFilters(): void {
    this.q = '';
    this.filter = '';
    this.status = '';
    this.source = '';
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
    this.#focus.focus(this.#src.total, options);
  }

  /** Scrolls so that row `index` is in view (and loads the pages up to it). */
  scrollToIndex(index: number): void {
    this.#ensureVisible(Math.max(0, Math.min(index, this.#src.total - 1)));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#counts.dispose();
    this.#preload.cancel();
    clearTimeout(this.#searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storageKey')) this.#layout = parseLayout(this.#readStorage());
    const connection = this.connectionChanged(changed);
    if (connection) this.#loadCategories();
    if (connection) void this.#loadUnits();
    const query = changed.has('q') || changed.has('kind') || changed.has('status') || changed.has('source') || changed.has('categoryIds') || changed.has('filter') || changed.has('sort') || changed.has('unit');
    if (connection || query) this.#queueReload();
    if (connection || changed.has('q') || changed.has('status') || changed.has('source') || changed.has('categoryIds') || changed.has('filter')) this.#loadCounts();
  }

  protected override firstUpdated(): void {
    // The observer's first call (before the first paint) measures: no forced layout here.
    this.#vp.observe(this.renderRoot.querySelector('.scroller'));
  }

  // ---------------------------------------------------------------- data

  #query(): Record<string, unknown> {
    const query: Record<string, unknown> = {};
    if (this.q.trim()) query['q'] = this.q.trim();
    if (this.kind) query['kind'] = this.kind;
    if (this.status) query['status'] = this.status;
    if (this.categoryIds.length) query['categoryId'] = this.categoryIds;
    // The source menu is one more term of the filter text, ANDed with the builder's filter.
    const filter = [this.filter, this.source && encodeFilter([{ type: 'source', sources: [this.source as CustomerSource] }])].filter(Boolean).join('.');
    if (filter) query['filter'] = filter;
    if (this.sort) query['sort'] = this.sort;
    if (this.unit) query['unit'] = this.unit;
    return query;
  }

  /** The filter sent to bulk actions and exports ("all matching"). */
  #filter(): Record<string, unknown> {
    // The unit changes the figures shown, not which customers: bulk actions and exports leave it out.
    const { sort: _sort, unit: _unit, ...filter } = this.#query();
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
      this.#focus.reset();
      if (!this.#sel.model.empty) this.#sel.clear();
    }
    this.#rowActions.revealed.clear();
    // An announcement still pending belongs to the query being replaced.
    this.#live.clear();
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
      case 'unit.created':
      case 'unit.updated':
      case 'unit.deleted':
        void this.#loadUnits();
        return;
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
          this.#rowActions.revealed.delete(customer.id);
          this.requestUpdate();
        }
        return;
      }
      case 'customer.bulk':
        // This table's own bulk action: its change comes back through the feed, and is already handled.
        if (this.#actions.busy) return;
        this.refresh();
        return;
      case 'customer.created':
      case 'customer.deleted':
      case 'import.completed':
        this.refresh();
        return;
    }
  }

  /** The units to show figures for (the unit selector); none when the server has none or cannot say. */
  #units: Unit[] = [];

  async #loadUnits(): Promise<void> {
    try {
      const list = await this.api?.units.list();
      if (!list) return;
      this.#units = list;
      this.requestUpdate();
    } catch {
      // Without the list there is no selector; the figures stay those of all units.
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
    this.#preload.poke();
    this.#data.load();
    // Rows in view still loading: a fast source answers before the frame, and rendering now would
    // build placeholders only to replace them. At the frame, render the placeholders only if the
    // rows have not come by then: a page that arrived with rows in view rendered them already, and
    // a second render in the frame that paints them changed nothing and delayed the paint.
    if (this.#src.state === 'ready' && this.#src.viewMissing()) requestAnimationFrame(() => this.#src.viewMissing() && this.requestUpdate());
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

  /** Whether the message dialog's module has loaded (on the first "Enviar mensagem"). */
  #messageDialog = false;

  /**
   * Opens the composer for the selection. Its module (the composer and its client) is imported
   * only now: a table whose bulk bar never sends a message never loads it.
   */
  async #openMessage(): Promise<void> {
    const target = this.#target();
    await import('./message-dialog.js');
    this.#messageDialog = true;
    this.requestUpdate();
    await this.updateComplete;
    await this.renderRoot.querySelector('cl-table-message-dialog')?.show(target);
  }

  /** These ids, or the filter less the rows unticked out of "all matching" (sent as is: no id is resolved here). */
  #target(): Target {
    return this.#sel.model.target(() => this.#filter());
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

  /** Space (`select`) or Enter on the focused cell: a row is selected or opened; a header cell selects the loaded rows or sorts. */
  #activate(row: number, col: number, select: boolean): void {
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
      ${renderToolbar(
        {
          t,
          list,
          q: this.q,
          status: this.status,
          source: this.source,
          locale: this.resolvedLocale,
          categoryIds: this.categoryIds,
          categories: this.#categories.values(),
          unit: this.unit,
          // An inactive unit is still offered while chosen (its figures stay true), else only active ones.
          units: this.#units.filter((u) => u.status === 'active' || u.id === this.unit),
          filtered: !!(this.q || this.status || this.source || this.categoryIds.length || this.kind || this.filter),
          menuOpen: this.#menuOpen,
          columnMenu: list || !this.#menuOpen ? nothing : this.#renderColumnMenu(),
        },
        this.#toolbarActions,
      )}
      ${renderTabs({ t, locale: this.resolvedLocale, list, kind: this.kind, counts: this.#counts.for(this.#countsQuery()) }, this.#chooseKind)}
      ${count > 0 ? this.#renderBulkBar(count) : nothing} ${renderNotice(this.#actions.notice, { retry: t('retry'), cancel: t('cancel'), dismiss: t('dismiss') }, () => this.#actions.notify(undefined))}
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
          @keydown=${this.#focus.onKeydown}
          @focusin=${this.#focus.onFocusIn}
          @focusout=${this.#focus.onFocusOut}
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
      <div class="visually-hidden" role="status" aria-live="polite">${this.#live.text}</div>
      ${this.#messageDialog
        ? html`<cl-table-message-dialog
            .client=${this.client}
            .apiBase=${this.apiBase}
            .apiKey=${this.apiKey}
            .locale=${this.resolvedLocale}
            .batchHref=${this.messageHref}
          ></cl-table-message-dialog>`
        : nothing}
      ${this.#actions.parts && count > 0
        ? html`<cl-table-delete-dialog .count=${count} .locale=${this.resolvedLocale} @bulk-action=${(e: BulkActionEvent) => void this.#actions.bulk(e.request)}></cl-table-delete-dialog>`
        : nothing}
    `;
  }

  #renderBulkBar(count: number): TemplateResult | typeof nothing {
    if (!this.#actions.parts) {
      void this.#actions.load();
      return nothing;
    }
    return html`<cl-table-bulk-bar
      .count=${count}
      .total=${this.#src.total}
      .allMatching=${this.#sel.model.all}
      .selectedSize=${this.#sel.model.size}
      .excepted=${this.#sel.model.exceptIds.length}
      .categories=${[...this.#categories.values()]}
      .locale=${this.resolvedLocale}
      @bulk-action=${(e: BulkActionEvent) => void this.#actions.bulk(e.request)}
      @select-all-matching=${() => this.#sel.selectAll()}
      @clear-selection=${() => this.#sel.clear()}
      @delete-request=${() => this.renderRoot.querySelector('cl-table-delete-dialog')?.show()}
      @message-request=${() => void this.#openMessage()}
    ></cl-table-bulk-bar>`;
  }

  /** The toolbar's controls (toolbar.ts), made once. */
  #toolbarActions: ToolbarActions = {
    search: (value, now) => {
      clearTimeout(this.#searchTimer);
      if (now) {
        if (value !== this.q) this.q = value;
      } else this.#searchTimer = setTimeout(() => this.#toolbarActions.search(value, true), SEARCH_DEBOUNCE);
    },
    status: (value) => (this.status = value),
    source: (value) => (this.source = value),
    category: (id, on) => (this.categoryIds = on ? [...this.categoryIds, id] : this.categoryIds.filter((c) => c !== id)),
    unit: (id) => (this.unit = id),
    clear: () => this.clearFilters(),
    export: (format) => {
      // From the folded menu: close it, so the notice with the progress is not hidden under it.
      const more = this.renderRoot.querySelector<HTMLDetailsElement>('details.more');
      if (more) more.open = false;
      void this.#actions.export(format);
    },
    toggleColumns: () => this.#toggleMenu(),
  };

  /** The column menu (an internal element, once the parts are loaded). */
  #renderColumnMenu(): TemplateResult | typeof nothing {
    if (!this.#actions.parts) {
      void this.#actions.load();
      return nothing;
    }
    return html`<cl-table-column-menu
      .layout=${this.#layout}
      .locale=${this.resolvedLocale}
      @layout-change=${(e: LayoutChangeEvent) => this.#setLayout(e.layout)}
      @menu-close=${() => this.#toggleMenu(false)}
    ></cl-table-column-menu>`;
  }

  /** A tab chosen by click or by the tab keys (which also move the focus to it). */
  #chooseKind = (kind: Kind, focus: boolean): void => {
    this.kind = kind;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[role=tab][data-kind="${kind}"]`)?.focus());
  };

  #toggleMenu(open = !this.#menuOpen): void {
    this.#menuOpen = open;
    this.requestUpdate();
    if (!open) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#columns-button')?.focus());
  }

  #renderHeader(cols: ColumnDef[], lefts: number[], pinnedCount: number): TemplateResult {
    const { start, end } = this.#range();
    // When the focused row scrolled away, its column's header cell keeps Tab working.
    const rendered = this.#focus.row >= start && this.#focus.row < end && this.#src.state === 'ready';
    return renderHeader(
      { cols, lefts, pinnedCount },
      { t: this.#t, sort: this.sort, kind: this.kind, allLoaded: this.#sel.allLoaded(), any: !this.#sel.model.empty, tabIndex: (col) => this.#focus.tabIndex(-1, col, rendered) },
      { selectLoaded: (on) => this.#sel.setLoaded(on), sortBy: (col) => this.#sortBy(col) },
    );
  }

  #renderBody(cols: ColumnDef[], lefts: number[], pinnedCount: number): TemplateResult | typeof nothing {
    if (this.#src.state === 'error') return nothing;
    const { start, end, offset } = this.#src.state === 'ready' ? this.#range() : { start: 0, end: Math.ceil(this.#vp.height / this.#rowH), offset: 0 };
    const view: RowView = {
      t: this.#t,
      locale: this.resolvedLocale,
      revealed: this.#rowActions.revealed,
      categories: this.#categories,
      selected: (id) => this.#sel.model.has(id),
      tabIndex: (row, col, rendered) => this.#focus.tabIndex(row, col, rendered),
    };
    const rows: TemplateResult[] = [];
    for (let i = start; i < end; i++) {
      const c = this.#src.state === 'ready' ? this.#src.rows.get(i) : undefined;
      rows.push(renderRow(c, i, { cols, lefts, pinnedCount }, view));
    }
    return html`<div class="rows" style="transform:translateY(${offset}px)">${rows}</div>`;
  }

  /** One delegated listener for every row: cheaper than a listener per cell when rows recycle. */
  #onGridClick = (e: MouseEvent): void => {
    const target = e.target as HTMLElement;
    const rowEl = target.closest<HTMLElement>('[data-id]');
    if (!rowEl) return;
    const c = this.#src.rows.get(Number(rowEl.dataset['r']));
    if (!c) return;
    const action = target.closest<HTMLElement>('[data-action]')?.dataset['action'];
    const row = this.#rowActions;
    if (action === 'copy-id') return void row.copy(c.id);
    if (action === 'copy-phone') return void row.copy(c.phone ? formatPhoneBR(c.phone) : '');
    if (action === 'reveal') return void row.toggleReveal(c);
    if (action === 'copy-document') return void row.copy(row.fullDocument(c).then((d) => (d ? formatDocument(d) : d)));
    if (target.closest('a')) return;
    if (target.closest('.select')) {
      // The checkbox's own toggle stands (cancelling it would undo the state after Lit set it).
      this.#sel.toggle(c.id);
      return;
    }
    this.#open(c);
  };
}
