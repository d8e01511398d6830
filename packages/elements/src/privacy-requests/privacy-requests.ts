import { PrivacyRequests } from './privacy-requests.component.js';

export { PrivacyRequests };

if (!customElements.get('cl-privacy-requests')) customElements.define('cl-privacy-requests', PrivacyRequests);

declare global {
  interface HTMLElementTagNameMap {
    'cl-privacy-requests': PrivacyRequests;
  }
}
