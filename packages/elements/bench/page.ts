/**
 * The benchmark page: mounts either <cl-customer-table> (over the fake in-memory client) or
 * <vaadin-grid> (a data provider over the same generated rows) and exposes `window.bench` for
 * run.mjs to drive. Both get the same rows from `listItem(i)`, the same size of stage and the
 * same ten visible columns plus a selection column.
 */
import type { Customer } from '@clientela/core';
import { customerDisplayName, formatPhoneBR } from '@clientela/core/format';
import '../src/customer-table/customer-table.js';
import type { CustomerTable } from '../src/customer-table/customer-table.component.js';
import { formatDate, formatMoney, formatNumber } from '../src/internal/localize.js';
import { CATEGORIES, fakeClient, listItem } from './fake-client.js';

const params = new URLSearchParams(location.search);
const impl = params.get('impl') ?? 'cl';
const n = Number(params.get('n') ?? 10_000);
const stage = document.querySelector<HTMLElement>('#stage')!;

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
/** Resolves once `check` holds, checked every animation frame, then after the next frame is painted. */
async function painted(check: () => boolean, t0: number): Promise<number> {
  for (let i = 0; i < 60 * 60; i++) {
    if (check()) {
      await frame();
      return performance.now() - t0;
    }
    await frame();
  }
  throw new Error('never painted');
}

/** Element nodes in `root`, shadow roots included. */
function countNodes(root: Element | ShadowRoot): number {
  let count = 0;
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      count++;
      walk(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  if (root instanceof Element) {
    count++;
    if (root.shadowRoot) walk(root.shadowRoot);
  }
  walk(root);
  return count;
}

const categoryName = new Map(CATEGORIES.map((c) => [c.id, c.name]));

interface Bench {
  firstRows(): Promise<number>;
  /** Jumps to a row; resolves with [ms until rows (or placeholders) are painted there, ms until their data is painted]. */
  jump(index: number): Promise<[number, number]>;
  nodes(): number;
}

/**
 * `eager`: the table as it was before its preload waited for quiet — the parts imported 200 ms
 * after the first page, whatever the person (or the bench) does then. Measured beside the table
 * in the same run (BENCH_AB=1), so the cost of that schedule is a figure, not a guess.
 */
async function customerTable(eager = false): Promise<Bench> {
  const fake = fakeClient({ count: n });
  let el!: CustomerTable;
  const rowsIn = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=row][aria-rowindex]:not(.header)')];
  return {
    async firstRows() {
      const t0 = performance.now();
      el = document.createElement('cl-customer-table');
      el.client = fake.client;
      if (eager) el.addEventListener('cl-results', () => setTimeout(() => void import('../src/customer-table/customer-table.parts.js'), 200), { once: true });
      stage.append(el);
      return painted(() => !!el.shadowRoot?.querySelector('[data-id]'), t0);
    },
    async jump(index) {
      const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
      const t0 = performance.now();
      el.scrollToIndex(index);
      const at = () => rowsIn().some((r) => Number(r.dataset['r']) === index);
      // Both checked on the same frames (as vaadin's one check is): rows and data that appear in
      // the same frame get the same time, rather than the data being timed a frame later.
      // Each time is that of the frame after the one where its check first held (as painted()).
      let placed: number | undefined;
      let placedSeen = false;
      const loaded = await painted(() => {
        if (placedSeen && placed === undefined) placed = performance.now() - t0;
        placedSeen ||= at();
        return at() && !el.shadowRoot!.querySelector('.row.skeleton');
      }, t0);
      void scroller;
      return [placed ?? loaded, loaded];
    },
    nodes: () => countNodes(el),
  };
}

async function vaadinGrid(): Promise<Bench> {
  await import('@vaadin/grid/all-imports.js');
  const locale = 'pt-BR' as const;
  const row = (i: number) => {
    const c = listItem(i);
    return {
      name: customerDisplayName(c),
      document: c.document,
      email: c.email,
      phone: c.phone ? formatPhoneBR(c.phone) : '',
      categories: c.categoryIds.map((id) => categoryName.get(id)).join(', '),
      createdAt: formatDate(c.createdAt, locale),
      lastPurchase: formatDate(c.stats.lastPurchaseAt, locale),
      orders: formatNumber(c.stats.ordersCount, locale),
      totalSpent: formatMoney(c.stats.totalSpentCents, locale),
      status: c.status,
    };
  };
  let grid!: HTMLElement & { scrollToIndex(i: number): void; dataProvider: unknown; size: number };
  const hasText = (text: string) => [...grid.querySelectorAll('vaadin-grid-cell-content')].some((c) => c.textContent === text);
  return {
    async firstRows() {
      const t0 = performance.now();
      grid = document.createElement('vaadin-grid') as typeof grid;
      grid.innerHTML = `<vaadin-grid-selection-column></vaadin-grid-selection-column>
        ${['name', 'document', 'email', 'phone', 'categories', 'createdAt', 'lastPurchase', 'orders', 'totalSpent', 'status']
          .map((p) => `<vaadin-grid-column path="${p}" header="${p}" width="160px" flex-grow="0"></vaadin-grid-column>`)
          .join('')}`;
      grid.size = n;
      grid.dataProvider = (p: { page: number; pageSize: number }, callback: (items: unknown[], size: number) => void) => {
        const items = [];
        for (let i = p.page * p.pageSize; i < Math.min(n, (p.page + 1) * p.pageSize); i++) items.push(row(i));
        callback(items, n);
      };
      stage.append(grid);
      const first = row(0).name;
      return painted(() => hasText(first), t0);
    },
    async jump(index) {
      const t0 = performance.now();
      grid.scrollToIndex(index);
      const name = row(index).name;
      const t = await painted(() => hasText(name), t0);
      return [t, t];
    },
    nodes: () => countNodes(grid),
  };
}

(window as unknown as { bench: Promise<Bench> }).bench = impl === 'vaadin' ? vaadinGrid() : customerTable(impl === 'cl-eager');
