/** The server's largest page: used while catching up with a far scroll. */
export const MAX_LIMIT = 200;
/** Rows kept in memory around the view; more are dropped and re-fetched from their page's cursor. */
export const KEEP_ROWS = 4000;
/**
 * Pages (of {@link MAX_LIMIT}) a gap may span and still be walked by cursor; past a farther gap
 * the page holding the wanted row is fetched by `offset` instead.
 */
export const WALK_PAGES = 2;
/** After a page failed with rows on screen, it is tried once more on its own after this long (ms). */
export const RETRY_AFTER = 3000;

export type LoadState = 'loading' | 'ready' | 'error';

/** Where a page starts: the first page (`{}`), a page's cursor, or an offset for a far jump. */
export type PageAt = { cursor?: string; offset?: number };

/** One page as the list endpoint answers it. */
export interface PageAnswer<T> {
  items: readonly T[];
  nextCursor?: string | null | undefined;
  total: number;
}

export interface PageSourceOptions<T> {
  /** Fetches one page of the current query. */
  fetch(request: { limit: number } & PageAt, signal: AbortSignal): Promise<PageAnswer<T>>;
  /** The rows in view, `[start, end)`: asked at every step, since the view moves during a walk. */
  view(): { start: number; end: number };
  /** Rows, total or state changed: render. */
  changed(): void;
  /** The first page of query `gen` arrived: `total` rows match. */
  loaded?(total: number, gen: number): void;
  /** A page of query `gen` failed (the rows already shown stay). */
  failed?(gen: number): void;
  /** Waits until the rows just set may have been painted (default: a macrotask). */
  frame?(): Promise<void>;
  /** Lets the event loop run during a long walk (default: a macrotask). */
  yield?(): Promise<void>;
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

/**
 * The rows of one query, by position, filled from pages; no DOM. Page k starts at a fixed
 * offset (0, then pageSize + (k - 1) × 200). A page near a known one is fetched by that page's
 * cursor (every cursor is kept: coming back re-fetches one page); a far jump fetches the page
 * holding the row by `offset`, whose `nextCursor` then continues from that island. Pages between
 * islands stay unknown (placeholders) until scrolled to.
 *
 * Every answer is checked against the generation of the query it was asked for: a slow answer to
 * an earlier query never sets a row, a total or a state of the current one ({@link isCurrent}
 * lets the caller guard its own follow-ups, such as an announcement, the same way).
 */
export class PageSource<T> {
  #o: PageSourceOptions<T>;
  #rows = new Map<number, T>();
  /** The cursor that fetches page k: `''` for the first, `null` past the end, unset if unknown. */
  #cursors: (string | null | undefined)[] = [''];
  #pageSize = 50;
  #gen = 0;
  #running = -1;
  #abort: AbortController | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** Rows matching the query (as far as the pages fetched tell). */
  total = 0;
  state: LoadState = 'loading';
  /** A page failed after rows were shown: a retry is offered (and tried on its own soon). */
  pageFailed = false;

  constructor(options: PageSourceOptions<T>) {
    this.#o = options;
  }

  /** The generation of the query being loaded; it changes with every {@link reset}. */
  get gen(): number {
    return this.#gen;
  }

  /** Whether pages of the current query are being fetched (a first page, a jump, a walk). */
  get running(): boolean {
    return this.#running === this.#gen;
  }

  /** Whether `gen` is still the query on screen. */
  isCurrent(gen: number): boolean {
    return gen === this.#gen;
  }

  /** The loaded rows, by position. */
  get rows(): ReadonlyMap<number, T> {
    return this.#rows;
  }

  get(index: number): T | undefined {
    return this.#rows.get(index);
  }

  /** Replaces in place every loaded row for which `match` holds; true if any did. */
  replace(match: (row: T) => boolean, next: T): boolean {
    let any = false;
    for (const [i, row] of this.#rows) {
      if (match(row)) {
        this.#rows.set(i, next);
        any = true;
      }
    }
    return any;
  }

  /**
   * Starts over (a new query, or the same one reloaded): requests in flight are aborted and
   * their answers ignored. The total stays unless `clearTotal` (a refresh keeps the scroll range).
   */
  reset(pageSize: number, clearTotal: boolean): void {
    this.#abort?.abort();
    this.#abort = new AbortController();
    this.#gen++;
    this.#pageSize = pageSize;
    this.#rows = new Map();
    this.#cursors = [''];
    this.pageFailed = false;
    clearTimeout(this.#retryTimer);
    if (clearTotal) this.total = 0;
    this.state = 'loading';
  }

  /** Stops: aborts what is in flight and the pending retry. */
  dispose(): void {
    this.#abort?.abort();
    clearTimeout(this.#retryTimer);
  }

  pageStart(k: number): number {
    return k === 0 ? 0 : this.#pageSize + (k - 1) * MAX_LIMIT;
  }

  pageOf(i: number): number {
    return i < this.#pageSize ? 0 : 1 + Math.floor((i - this.#pageSize) / MAX_LIMIT);
  }

  /** Rows wanted in memory: the visible ones and a page-size margin either side. */
  wanted(): [number, number] {
    if (this.state !== 'ready') return [0, this.#pageSize];
    const { start, end } = this.#o.view();
    return [Math.max(0, start - this.#pageSize), Math.min(this.total, end + this.#pageSize)];
  }

  /** Whether a row in view is not loaded yet. */
  viewMissing(): boolean {
    if (this.state !== 'ready') return true;
    const { start, end } = this.#o.view();
    for (let i = start; i < end; i++) if (!this.#rows.has(i)) return true;
    return false;
  }

  /**
   * The next page to fetch for the wanted rows, or undefined: by the cursor of the nearest known
   * page at or before it when that is at most {@link WALK_PAGES} pages back, else by `offset`.
   */
  nextPage(): { k: number; cursor?: string } | undefined {
    const [a, b] = this.wanted();
    for (let i = a; i < b; i++) {
      if (this.#rows.has(i)) continue;
      const k = this.pageOf(i);
      let known = Math.min(k, this.#cursors.length - 1);
      while (this.#cursors[known] === undefined) known--; // page 0's cursor is always known
      const cursor = this.#cursors[known];
      if (cursor === null) return undefined;
      if (k - known > WALK_PAGES) return { k };
      return { k: known, cursor };
    }
    return undefined;
  }

  /**
   * Fetches pages until the wanted rows are loaded: a far row's page by offset, nearby pages by
   * cursor. Pages fetched but no longer wanted (the view moved on) are not kept, so memory stays
   * flat at a million rows. Calling it while it runs for the same query does nothing.
   */
  async run(): Promise<void> {
    const gen = this.#gen;
    if (this.#running === gen || !this.#abort) return;
    this.#running = gen;
    const signal = this.#abort.signal;
    const o = this.#o;
    let lastYield = performance.now();
    try {
      // No frame is awaited before fetching: a far row is one page by offset away, so a fast
      // source paints its data in the first frame, and a slow one paints placeholders meanwhile.
      let viewMissing = this.viewMissing();
      for (let next = this.nextPage(); next && gen === this.#gen; next = this.nextPage()) {
        const { k, cursor } = next;
        const start = this.pageStart(k);
        const limit = k === 0 ? this.#pageSize : MAX_LIMIT;
        const at: PageAt = cursor ? { cursor } : cursor === '' ? {} : { offset: start };
        const page = await o.fetch({ limit, ...at }, signal);
        if (gen !== this.#gen) return;
        const first = this.state !== 'ready';
        const end = start + page.items.length;
        const totalBefore = this.total;
        this.#cursors[k + 1] = page.nextCursor ?? null;
        // An empty page by offset is past the end (the rows shrank): its total is the count.
        this.total = page.nextCursor ? Math.max(page.total, end) : page.items.length || !('offset' in at) ? end : Math.min(start, page.total);
        if (first) this.state = 'ready';
        const [a, b] = this.wanted();
        if (start < b && end > a) {
          page.items.forEach((item, j) => this.#rows.set(start + j, item));
          this.#evict(a, b);
          // Only a page with rows in view changes what is shown: the margin fetched after a jump
          // is kept without rendering again (in the frame where the jumped-to rows paint), and a
          // scroll into it renders it anyway.
          const view = o.view();
          if ((start < view.end && end > view.start) || this.total !== totalBefore) o.changed();
        }
        if (viewMissing && !this.viewMissing()) {
          // The rows in view are all here: let them paint before fetching the margin around them.
          viewMissing = false;
          if (!first && this.nextPage()) {
            await (o.frame ?? macrotask)();
            lastYield = performance.now();
            continue;
          }
        }
        if (first) {
          o.changed();
          o.loaded?.(this.total, gen);
        }
        // A fast source answers in microtasks, so a long walk would starve rendering and input:
        // yield now and then, so the placeholders paint and scrolling stays live meanwhile.
        if (performance.now() - lastYield > 24) {
          await (o.yield ?? macrotask)();
          lastYield = performance.now();
        }
      }
    } catch {
      if (gen !== this.#gen || signal.aborted) return;
      o.failed?.(gen);
      if (this.state !== 'ready') {
        // Nothing to show yet: the error state, with a retry.
        this.state = 'error';
      } else {
        // A page failed after rows were shown (a long walk over a busy network): keep the rows
        // and the walked cursors, offer a retry, and try once more on our own.
        this.pageFailed = true;
        this.#retryTimer = setTimeout(() => this.retry(), RETRY_AFTER);
      }
      o.changed();
    } finally {
      if (this.#running === gen) this.#running = -1;
    }
  }

  /** Fetches again the pages that failed (after {@link pageFailed}). */
  retry(): void {
    clearTimeout(this.#retryTimer);
    if (!this.pageFailed) return;
    this.pageFailed = false;
    this.#o.changed();
    void this.run();
  }

  /** Keeps at most a few thousand rows in memory, dropping those farthest from the view. */
  #evict(a: number, b: number): void {
    if (this.#rows.size <= KEEP_ROWS) return;
    for (const i of this.#rows.keys()) if (i < a - KEEP_ROWS / 2 || i >= b + KEEP_ROWS / 2) this.#rows.delete(i);
  }
}
