import { DuplicatesBulk } from './bulk-dialog.component.js';

export { DuplicatesBulk };

// Internal to <cl-duplicates>, which loads it on first use or when the page is idle (duplicates.parts.ts).
if (!customElements.get('cl-duplicates-bulk')) customElements.define('cl-duplicates-bulk', DuplicatesBulk);

declare global {
  interface HTMLElementTagNameMap {
    'cl-duplicates-bulk': DuplicatesBulk;
  }
}
