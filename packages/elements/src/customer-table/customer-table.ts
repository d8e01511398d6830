import { CustomerTable } from './customer-table.component.js';

export { CustomerTable };
export type { ColumnKey, ColumnLayout } from './columns.js';

if (!customElements.get('cl-customer-table')) customElements.define('cl-customer-table', CustomerTable);

declare global {
  interface HTMLElementTagNameMap {
    'cl-customer-table': CustomerTable;
  }
}
