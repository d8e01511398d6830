import { MessageComposer } from './message-composer.component.js';

export { MessageComposer };

if (!customElements.get('cl-message-composer')) customElements.define('cl-message-composer', MessageComposer);

declare global {
  interface HTMLElementTagNameMap {
    'cl-message-composer': MessageComposer;
  }
}
