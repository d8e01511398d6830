import { TableMessageDialog } from './message-dialog.component.js';

export { TableMessageDialog };

// Internal to <cl-customer-table>, which loads it the first time "Enviar mensagem" is pressed.
if (!customElements.get('cl-table-message-dialog')) customElements.define('cl-table-message-dialog', TableMessageDialog);

declare global {
  interface HTMLElementTagNameMap {
    'cl-table-message-dialog': TableMessageDialog;
  }
}
