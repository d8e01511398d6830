import { Duplicates } from './duplicates.component.js';

export { Duplicates };

if (!customElements.get('cl-duplicates')) customElements.define('cl-duplicates', Duplicates);

declare global {
  interface HTMLElementTagNameMap {
    'cl-duplicates': Duplicates;
  }
}
