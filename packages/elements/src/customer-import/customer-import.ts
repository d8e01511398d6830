import { CustomerImport } from './customer-import.component.js';

export { CustomerImport };

if (!customElements.get('cl-customer-import')) customElements.define('cl-customer-import', CustomerImport);

declare global {
  interface HTMLElementTagNameMap {
    'cl-customer-import': CustomerImport;
  }
}
