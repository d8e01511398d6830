import { CategoryPicker } from './category-picker.component.js';

export { CategoryPicker };

if (!customElements.get('cl-category-picker')) customElements.define('cl-category-picker', CategoryPicker);

declare global {
  interface HTMLElementTagNameMap {
    'cl-category-picker': CategoryPicker;
  }
}
