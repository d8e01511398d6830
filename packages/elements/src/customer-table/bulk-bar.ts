import { TableBulkBar } from './bulk-bar.component.js';

export { TableBulkBar };

// Internal to <cl-customer-table>, which loads it after its first rows (customer-table.parts.ts).
if (!customElements.get('cl-table-bulk-bar')) customElements.define('cl-table-bulk-bar', TableBulkBar);

declare global {
  interface HTMLElementTagNameMap {
    'cl-table-bulk-bar': TableBulkBar;
  }
}
