import type { BulkRequest, SettableStatus } from '@clientela/core';
import type { ColumnLayout } from './columns.js';

/** A bulk action and its argument, as the bulk bar or the delete dialog asks for it. */
export type BulkAction =
  | { action: Extract<BulkRequest['action'], 'addCategories' | 'removeCategories'>; categoryIds: string[] }
  | { action: 'setStatus'; status: SettableStatus }
  | { action: 'delete' };

/*
 * Events the table's internal parts (column menu, bulk bar, delete dialog) send to the table.
 * None bubbles: they are heard on the part itself and never leave the table's shadow root.
 */

/** The column menu changed the layout (shown, pinned, order). */
export class LayoutChangeEvent extends Event {
  static readonly type = 'layout-change';
  constructor(readonly layout: ColumnLayout) {
    super(LayoutChangeEvent.type);
  }
}

/** The bulk bar (or the delete dialog, once confirmed) asks for a bulk action on the selection. */
export class BulkActionEvent extends Event {
  static readonly type = 'bulk-action';
  constructor(readonly request: BulkAction) {
    super(BulkActionEvent.type);
  }
}

/** Plain requests without data: close the column menu, select all matching, clear, ask to delete, ask to send a message. */
export type PartRequest = 'menu-close' | 'select-all-matching' | 'clear-selection' | 'delete-request' | 'message-request';

/** A request without data (see {@link PartRequest}). */
export const partRequest = (type: PartRequest): Event => new Event(type);
