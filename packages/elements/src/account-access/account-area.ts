import { AccountArea } from './account-area.component.js';

export { AccountArea };

// Registered by <cl-account-access> when a shopper is signed in (loaded on demand).
if (!customElements.get('cl-account-area')) customElements.define('cl-account-area', AccountArea);

declare global {
  interface HTMLElementTagNameMap {
    'cl-account-area': AccountArea;
  }
}
