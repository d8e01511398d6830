import type { CustomerSortField, ExportColumn } from '@clientela/core';
import type { MessageKey } from './customer-table.messages.js';

/** Keys of the table's configurable columns (the selection column is not one of them). */
export const COLUMN_KEYS = [
  'name',
  'document',
  'email',
  'phone',
  'categories',
  'createdAt',
  'lastPurchase',
  'orders',
  'totalSpent',
  'status',
  'visits',
  'firstVisit',
  'lastVisit',
  'discount',
  'loyaltyCard',
  'source',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface ColumnDef {
  key: ColumnKey;
  label: MessageKey;
  /** Width in px: fixed widths keep rows cheap to lay out and pinned offsets exact. */
  width: number;
  /** The server's sort field, when the column can be sorted. */
  sort?: CustomerSortField;
  /** Hidden until the user shows it in the column menu. */
  hidden?: boolean;
  /** Export columns (`POST /exports`) that carry this column's data. */
  export: ExportColumn[];
  numeric?: boolean;
}

export const COLUMNS: readonly ColumnDef[] = [
  { key: 'name', label: 'colName', width: 280, sort: 'name', export: ['id', 'name'] },
  { key: 'document', label: 'colDocument', width: 230, export: ['document'] },
  { key: 'email', label: 'colEmail', width: 240, export: ['email'] },
  { key: 'phone', label: 'colPhone', width: 220, export: ['phone'] },
  { key: 'categories', label: 'colCategories', width: 220, export: ['categories'] },
  { key: 'createdAt', label: 'colCreatedAt', width: 140, sort: 'createdAt', export: ['createdAt'] },
  { key: 'lastPurchase', label: 'colLastPurchase', width: 140, sort: 'lastPurchaseAt', export: ['lastPurchaseAt'] },
  { key: 'orders', label: 'colOrders', width: 110, sort: 'ordersCount', export: ['ordersCount'], numeric: true },
  { key: 'totalSpent', label: 'colTotalSpent', width: 150, sort: 'totalSpent', export: ['totalSpent'], numeric: true },
  { key: 'status', label: 'colStatus', width: 130, sort: 'status', export: ['status'] },
  { key: 'visits', label: 'colVisits', width: 100, sort: 'visitsCount', hidden: true, export: ['visitsCount'], numeric: true },
  { key: 'firstVisit', label: 'colFirstVisit', width: 140, hidden: true, export: ['firstVisitAt'] },
  { key: 'lastVisit', label: 'colLastVisit', width: 140, hidden: true, export: ['lastVisitAt'] },
  { key: 'discount', label: 'colDiscount', width: 110, hidden: true, export: ['discountPercent'], numeric: true },
  { key: 'loyaltyCard', label: 'colLoyalty', width: 170, hidden: true, export: ['loyaltyCard'] },
  { key: 'source', label: 'colSource', width: 200, export: ['source'] },
];

export const COLUMN_BY_KEY = new Map(COLUMNS.map((c) => [c.key, c]));

/** At most this many columns can be pinned at the start. */
export const MAX_PINNED = 5;

/** What the column menu changes, and what is persisted per `storage-key`. */
export interface ColumnLayout {
  order: ColumnKey[];
  hidden: ColumnKey[];
  pinned: ColumnKey[];
}

export const defaultLayout = (): ColumnLayout => ({
  order: COLUMNS.map((c) => c.key),
  hidden: COLUMNS.filter((c) => c.hidden).map((c) => c.key),
  pinned: [],
});

/**
 * Reads a persisted layout, keeping only known keys (a stored layout from an older version may
 * lack new columns or name removed ones), so a bad entry never breaks the table.
 */
export function parseLayout(raw: string | null): ColumnLayout {
  const base = defaultLayout();
  if (!raw) return base;
  try {
    const data = JSON.parse(raw) as Partial<ColumnLayout>;
    const known = (list: unknown): ColumnKey[] =>
      Array.isArray(list) ? [...new Set(list.filter((k): k is ColumnKey => COLUMN_BY_KEY.has(k as ColumnKey)))] : [];
    const order = known(data.order);
    for (const key of base.order) if (!order.includes(key)) order.push(key);
    return {
      order,
      hidden: Array.isArray(data.hidden) ? known(data.hidden) : base.hidden,
      pinned: known(data.pinned).slice(0, MAX_PINNED),
    };
  } catch {
    return base;
  }
}

/** The columns shown, in display order: pinned ones first (in their order), then the rest. */
export function visibleColumns(layout: ColumnLayout): ColumnDef[] {
  const pinned = layout.order.filter((k) => layout.pinned.includes(k));
  const rest = layout.order.filter((k) => !layout.pinned.includes(k) && !layout.hidden.includes(k));
  return [...pinned, ...rest].map((k) => COLUMN_BY_KEY.get(k)!);
}

/** The layout with `key` shown or hidden (a hidden column is unpinned too). */
export function withVisible(layout: ColumnLayout, key: ColumnKey, visible: boolean): ColumnLayout {
  const { hidden, pinned, order } = layout;
  return {
    order,
    hidden: visible ? hidden.filter((k) => k !== key) : [...new Set([...hidden, key])],
    pinned: visible ? pinned : pinned.filter((k) => k !== key),
  };
}

/** The layout with `key` pinned at the start (shown, at most {@link MAX_PINNED}) or unpinned; unchanged when no more fit. */
export function withPinned(layout: ColumnLayout, key: ColumnKey, pin: boolean): ColumnLayout {
  const { hidden, pinned, order } = layout;
  if (pin && (pinned.includes(key) || pinned.length >= MAX_PINNED)) return layout;
  return {
    order,
    hidden: pin ? hidden.filter((k) => k !== key) : hidden,
    pinned: pin ? [...pinned, key] : pinned.filter((k) => k !== key),
  };
}

/** The column menu's order: pinned first, then the others in their order (hidden ones included). */
export function menuColumns(layout: ColumnLayout): ColumnDef[] {
  const { order, pinned } = layout;
  return [...order.filter((k) => pinned.includes(k)), ...order.filter((k) => !pinned.includes(k))].map((k) => COLUMN_BY_KEY.get(k)!);
}

/** The layout with `key` moved one place earlier (-1) or later (+1) in the menu's order; unchanged at an end. */
export function withMoved(layout: ColumnLayout, key: ColumnKey, delta: -1 | 1): ColumnLayout {
  const shown = menuColumns(layout).map((c) => c.key);
  const at = shown.indexOf(key);
  const swap = shown[at + delta];
  if (at < 0 || !swap) return layout;
  const order = [...layout.order];
  const i = order.indexOf(key);
  const j = order.indexOf(swap);
  [order[i], order[j]] = [order[j]!, order[i]!];
  return { ...layout, order };
}
