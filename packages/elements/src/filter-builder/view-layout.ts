import type { View } from '@clientela/core';
import { parseLayout, type ColumnLayout } from '../customer-table/columns.js';

// A saved view names the columns shown (in order) and those pinned; the table keeps a layout of
// every column's order, the hidden ones and the pinned ones. These convert between the two.

/** The columns a view saves from a table layout: the shown ones in order, and the pinned ones. */
export function viewColumns(layout: ColumnLayout): { columns: string[]; pinned: string[] } {
  return { columns: layout.order.filter((k) => !layout.hidden.includes(k)), pinned: [...layout.pinned] };
}

/**
 * The table layout a view asks for: its columns first in its order, every other column hidden
 * after them; unknown keys (a view saved by another version) are dropped. A view without columns
 * gives `undefined` (leave the table's layout as it is).
 */
export function layoutOfView(view: Pick<View, 'columns' | 'pinned'>): ColumnLayout | undefined {
  if (!view.columns) return undefined;
  const base = parseLayout(null);
  const shown = view.columns;
  const order = [...shown, ...base.order.filter((k) => !shown.includes(k))];
  return parseLayout(JSON.stringify({ order, hidden: base.order.filter((k) => !shown.includes(k)), pinned: (view.pinned ?? []).filter((k) => shown.includes(k)) }));
}
