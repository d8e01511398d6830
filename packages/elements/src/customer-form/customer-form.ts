import { CustomerForm } from './customer-form.component.js';

export { CustomerForm };
// The events it dispatches, typed for `addEventListener` (their map is declared with them).
export type { CustomerSavedEvent, InvalidEvent, CustomerOpenEvent, SignedInEvent, SignedOutEvent } from '../events/events.js';

if (!customElements.get('cl-customer-form')) customElements.define('cl-customer-form', CustomerForm);

declare global {
  interface HTMLElementTagNameMap {
    'cl-customer-form': CustomerForm;
  }
}
