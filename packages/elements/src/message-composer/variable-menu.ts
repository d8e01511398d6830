import { VariableMenu } from './variable-menu.component.js';

export { VariableMenu };

// Internal to <cl-message-composer> (and any element that edits a message template).
if (!customElements.get('cl-variable-menu')) customElements.define('cl-variable-menu', VariableMenu);

declare global {
  interface HTMLElementTagNameMap {
    'cl-variable-menu': VariableMenu;
  }
}
