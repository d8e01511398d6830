import { FilterBuilder } from './filter-builder.component.js';

export { FilterBuilder };

if (!customElements.get('cl-filter-builder')) customElements.define('cl-filter-builder', FilterBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'cl-filter-builder': FilterBuilder;
  }
}
