import { AccountAccess } from './account-access.component.js';

export { AccountAccess };
// The events it dispatches, typed for `addEventListener` (their map is declared with them).
export type { SignedInEvent, SignedOutEvent } from '../events/events.js';

if (!customElements.get('cl-account-access')) customElements.define('cl-account-access', AccountAccess);

declare global {
  interface HTMLElementTagNameMap {
    'cl-account-access': AccountAccess;
  }
}
