import { CustomerForm } from './customer-form.component.js';

export { CustomerForm };

if (!customElements.get('cl-customer-form')) customElements.define('cl-customer-form', CustomerForm);

declare global {
  interface HTMLElementTagNameMap {
    'cl-customer-form': CustomerForm;
  }
}
