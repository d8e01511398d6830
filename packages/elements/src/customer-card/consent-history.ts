import { ConsentHistoryView } from './consent-history.component.js';

export { ConsentHistoryView };

// Registered by <cl-customer-card> (its consent section).
if (!customElements.get('cl-consent-history')) customElements.define('cl-consent-history', ConsentHistoryView);

declare global {
  interface HTMLElementTagNameMap {
    'cl-consent-history': ConsentHistoryView;
  }
}
