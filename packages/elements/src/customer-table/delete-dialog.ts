import { TableDeleteDialog } from './delete-dialog.component.js';

export { TableDeleteDialog };

// Internal to <cl-customer-table>, which loads it after its first rows (customer-table.parts.ts).
if (!customElements.get('cl-table-delete-dialog')) customElements.define('cl-table-delete-dialog', TableDeleteDialog);

declare global {
  interface HTMLElementTagNameMap {
    'cl-table-delete-dialog': TableDeleteDialog;
  }
}
