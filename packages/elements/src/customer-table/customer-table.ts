import { CustomerTable } from './customer-table.component.js';

export { CustomerTable };
// The events it dispatches, typed for `addEventListener` (their map is declared with them).
export type { CustomerOpenEvent, SelectionChangeEvent, ResultsEvent, ViewChangeEvent } from '../events/events.js';
export type { ColumnKey, ColumnLayout } from './columns.js';

if (!customElements.get('cl-customer-table')) customElements.define('cl-customer-table', CustomerTable);

declare global {
  interface HTMLElementTagNameMap {
    'cl-customer-table': CustomerTable;
  }
}
