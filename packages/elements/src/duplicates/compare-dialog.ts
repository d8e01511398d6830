import { DuplicatesCompare } from './compare-dialog.component.js';

export { DuplicatesCompare };

// Internal to <cl-duplicates>, which loads it on first use or when the page is idle (duplicates.parts.ts).
if (!customElements.get('cl-duplicates-compare')) customElements.define('cl-duplicates-compare', DuplicatesCompare);

declare global {
  interface HTMLElementTagNameMap {
    'cl-duplicates-compare': DuplicatesCompare;
  }
}
