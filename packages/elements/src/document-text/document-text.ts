import { DocumentText } from './document-text.component.js';

export { DocumentText };

if (!customElements.get('cl-document-text')) customElements.define('cl-document-text', DocumentText);

declare global {
  interface HTMLElementTagNameMap {
    'cl-document-text': DocumentText;
  }
}
