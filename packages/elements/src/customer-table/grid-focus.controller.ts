import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { gridMove } from './grid-keys.js';

export interface GridFocusOptions {
  /** Data rows, columns (the selection column included) and rows per page, for the grid keys. */
  size(): { rows: number; cols: number; page: number };
  /** Scrolls the least needed for data row `row` to be in view. */
  reveal(row: number): void;
  /** Space (`select`) or Enter on the cell at `row` (-1: the header) and `col`. */
  activate(row: number, col: number, select: boolean): void;
}

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The grid's keyboard and focus (the ARIA grid pattern): one cell is in the tab order, arrows,
 * Home/End and Page keys move it (grid-keys.ts), F2 enters a cell's buttons and Escape leaves
 * them. Rows are recycled while scrolling, so the focused cell is remembered by row and column
 * and focus is put back on it after each update.
 */
export class GridFocusController implements ReactiveController {
  /** The focused cell's data row (-1: the header) and column (0: the selection column). */
  row = -1;
  col = 1;
  /** Whether the keyboard is in the grid (focus is restored after updates only then). */
  #inGrid = false;
  #host: Host;
  #o: GridFocusOptions;

  constructor(host: Host, options: GridFocusOptions) {
    this.#host = host;
    this.#o = options;
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.#inGrid) this.#restore();
  }

  /** 0 for the one cell in the tab order; when its row scrolled away, its column's header cell keeps Tab working. */
  tabIndex(row: number, col: number, rowRendered: boolean): number {
    if (row === this.row && col === this.col) return 0;
    if (!rowRendered && row === -1 && col === this.col) return 0;
    return -1;
  }

  /** A new query: the remembered data row no longer means anything (the header cell stays). */
  reset(): void {
    this.row = Math.min(this.row, -1);
  }

  /** Focuses the remembered cell (scrolling it into view), or the grid. */
  focus(total: number, options?: FocusOptions): void {
    const root = this.#root();
    if (this.row >= 0 && this.row < total) this.#o.reveal(this.row);
    (this.#cell() ?? root.querySelector<HTMLElement>('[role=grid]'))?.focus(options);
    this.#inGrid = true;
  }

  readonly onKeydown = (e: KeyboardEvent): void => {
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
    const moved = gridMove(e.key, e.ctrlKey || e.metaKey, { row: this.row, col: this.col }, this.#o.size());
    if (!moved) {
      if ((e.key === ' ' || e.key === 'Enter') && !inControl) {
        e.preventDefault();
        this.#o.activate(this.row, this.col, e.key === ' ');
      }
      return;
    }
    e.preventDefault();
    this.row = moved.row;
    this.col = moved.col;
    this.#inGrid = true;
    if (moved.row >= 0) this.#o.reveal(moved.row);
    this.#host.requestUpdate();
  };

  readonly onFocusIn = (e: FocusEvent): void => {
    this.#inGrid = true;
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-c]');
    const row = cell?.closest<HTMLElement>('[data-r]');
    if (!cell || !row) return;
    const r = Number(row.dataset['r']);
    const c = Number(cell.dataset['c']);
    if (r !== this.row || c !== this.col) {
      this.row = r;
      this.col = c;
      this.#host.requestUpdate();
    }
  };

  readonly onFocusOut = (e: FocusEvent): void => {
    const next = e.relatedTarget as Node | null;
    const grid = this.#root().querySelector('[role=grid]');
    // A recycled row removes the focused cell without a relatedTarget: keep the intent to refocus.
    if (next && !grid?.contains(next)) this.#inGrid = false;
  };

  #root(): ShadowRoot {
    return this.#host.renderRoot as ShadowRoot;
  }

  #cell(): HTMLElement | null {
    return this.#root().querySelector<HTMLElement>(`[data-r="${this.row}"] [data-c="${this.col}"]`);
  }

  /** Puts focus back on the remembered cell, or on the grid when its row is not rendered. */
  #restore(): void {
    const root = this.#root();
    const cell = this.#cell();
    const active = root.activeElement as HTMLElement | null;
    if (cell) {
      if (active !== cell && !cell.contains(active)) cell.focus({ preventScroll: true });
    } else if (!active || !active.closest('[role=grid]')) {
      root.querySelector<HTMLElement>('[role=grid]')?.focus({ preventScroll: true });
    }
  }
}
