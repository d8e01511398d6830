import { CustomerCard } from './customer-card.component.js';

export { CustomerCard };
// The events it dispatches, typed for `addEventListener` (their map is declared with them).
export type { CustomerEditEvent, CustomerSavedEvent } from '../events/events.js';

if (!customElements.get('cl-customer-card')) customElements.define('cl-customer-card', CustomerCard);

declare global {
  interface HTMLElementTagNameMap {
    'cl-customer-card': CustomerCard;
  }
}
