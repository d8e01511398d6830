import { CustomerImport } from './customer-import.component.js';

export { CustomerImport };
// The events it dispatches, typed for `addEventListener` (their map is declared with them).
export type { ImportCompleteEvent } from '../events/events.js';

if (!customElements.get('cl-customer-import')) customElements.define('cl-customer-import', CustomerImport);

declare global {
  interface HTMLElementTagNameMap {
    'cl-customer-import': CustomerImport;
  }
}
