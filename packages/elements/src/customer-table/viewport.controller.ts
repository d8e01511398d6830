import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { revealOffset, scrollScale, spacerHeight, visibleRange, type ViewportSize } from './viewport.js';

/** Row height in px. Fixed, so that row index ↔ scroll offset is arithmetic, not measurement. */
export const ROW = 44;
/** Row height of the list layout (name, document and phone stacked). */
export const LIST_ROW = 92;
/** Below this width (px) the table becomes a list: one row per customer, its fields stacked. */
const LIST_WIDTH = 600;
/** Header height in px. */
const HEAD = 44;

export interface ViewportOptions {
  /** Rows in the list. */
  total(): number;
  /** The visible area's height changed. */
  resized(): void;
  /** The layout switched between table and list (narrow). */
  layoutChanged(): void;
}

/**
 * The table's virtual viewport: the scroller's height (by a ResizeObserver), the scroll offset,
 * the table or list layout chosen by the element's own width, and the rows in view, through
 * the arithmetic of viewport.ts (a scaled scroll range past 15M px).
 */
export class ViewportController implements ReactiveController {
  #host: ReactiveControllerHost;
  #o: ViewportOptions;
  #scroller: HTMLElement | null = null;
  #resize: ResizeObserver | undefined;
  /** Height of the visible rows' area. */
  height = 440;
  /** The scroll offset (in scroll px, not virtual px). */
  scrollTop = 0;
  /** The list layout (narrow screens), chosen by the element's own width, not the window's. */
  list = false;

  constructor(host: ReactiveControllerHost, options: ViewportOptions) {
    this.#host = host;
    this.#o = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#resize ??= new ResizeObserver(() => this.#measure());
    if (this.#scroller) this.#resize.observe(this.#scroller);
  }

  hostDisconnected(): void {
    this.#resize?.disconnect();
  }

  /** Follows `scroller`'s size; the observer's first call (before the first paint) measures. */
  observe(scroller: HTMLElement | null): void {
    this.#scroller = scroller;
    if (scroller) this.#resize?.observe(scroller);
  }

  /** Height of one row in the current layout. */
  get rowHeight(): number {
    return this.list ? LIST_ROW : ROW;
  }

  size(): ViewportSize {
    return { total: this.#o.total(), row: this.rowHeight, viewport: this.height };
  }

  /** Height of the scrollable body. */
  spacer(): number {
    return spacerHeight(this.size());
  }

  /** The rows in view, `[start, end)`, and the first one's offset. */
  range(): { start: number; end: number; offset: number } {
    return visibleRange(this.scrollTop, this.size());
  }

  /** Rows a PageUp/PageDown moves by. */
  pageRows(): number {
    return Math.max(1, Math.floor(this.height / this.rowHeight) - 1);
  }

  /** Reads the scroller's offset; true if it moved. */
  scrolled(): boolean {
    const el = this.#scroller;
    if (!el || el.scrollTop === this.scrollTop) return false;
    this.scrollTop = el.scrollTop;
    return true;
  }

  setScroll(top: number): void {
    this.scrollTop = Math.max(0, top);
    if (this.#scroller) this.#scroller.scrollTop = this.scrollTop;
  }

  /** Scrolls the least needed for row `index` to be fully in view; true if it scrolled. */
  reveal(index: number): boolean {
    const top = revealOffset(index, this.scrollTop, this.size());
    if (top === undefined) return false;
    this.setScroll(top);
    // The browser may clamp the offset; read back what it applied.
    if (this.#scroller) this.scrollTop = this.#scroller.scrollTop;
    return true;
  }

  #measure(): void {
    const el = this.#scroller;
    if (!el) return;
    const list = el.clientWidth > 0 && el.clientWidth < LIST_WIDTH;
    if (list !== this.list) {
      // Switched at the next frame, not inside the observer's callback: the new layout changes
      // the scroller's size, and doing it here would loop the observer within one frame.
      requestAnimationFrame(() => {
        if (list === this.list || !this.#scroller) return;
        // The same row stays at the top when the row height changes.
        const top = Math.floor((this.scrollTop * scrollScale(this.size())) / this.rowHeight);
        this.list = list;
        this.#o.layoutChanged();
        this.setScroll((top * this.rowHeight) / scrollScale(this.size()));
        this.#host.requestUpdate();
      });
    }
    const height = Math.max(this.rowHeight, el.clientHeight - HEAD);
    if (height !== this.height) {
      this.height = height;
      this.#o.resized();
      this.#host.requestUpdate();
    }
  }
}
