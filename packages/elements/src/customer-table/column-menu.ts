import { TableColumnMenu } from './column-menu.component.js';

export { TableColumnMenu };

// Internal to <cl-customer-table>, which loads it after its first rows (customer-table.parts.ts).
if (!customElements.get('cl-table-column-menu')) customElements.define('cl-table-column-menu', TableColumnMenu);

declare global {
  interface HTMLElementTagNameMap {
    'cl-table-column-menu': TableColumnMenu;
  }
}
