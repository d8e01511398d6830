import { FilterBuilder } from './filter-builder.component.js';

export { FilterBuilder };
// The events it dispatches, typed for `addEventListener` (their map is declared with them).
export type { ViewSelectEvent } from '../events/events.js';

if (!customElements.get('cl-filter-builder')) customElements.define('cl-filter-builder', FilterBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'cl-filter-builder': FilterBuilder;
  }
}
