import { AccountPrivacy } from './account-privacy.component.js';

export { AccountPrivacy };

// Registered by <cl-account-area> (the privacy tab of "Minha conta").
if (!customElements.get('cl-account-privacy')) customElements.define('cl-account-privacy', AccountPrivacy);

declare global {
  interface HTMLElementTagNameMap {
    'cl-account-privacy': AccountPrivacy;
  }
}
