import { CustomerCard } from './customer-card.component.js';

export { CustomerCard };

if (!customElements.get('cl-customer-card')) customElements.define('cl-customer-card', CustomerCard);

declare global {
  interface HTMLElementTagNameMap {
    'cl-customer-card': CustomerCard;
  }
}
