import { AccountAccess } from './account-access.component.js';

export { AccountAccess };

if (!customElements.get('cl-account-access')) customElements.define('cl-account-access', AccountAccess);

declare global {
  interface HTMLElementTagNameMap {
    'cl-account-access': AccountAccess;
  }
}
