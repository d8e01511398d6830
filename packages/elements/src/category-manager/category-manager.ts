import { CategoryManager } from './category-manager.component.js';

export { CategoryManager };

if (!customElements.get('cl-category-manager')) customElements.define('cl-category-manager', CategoryManager);

declare global {
  interface HTMLElementTagNameMap {
    'cl-category-manager': CategoryManager;
  }
}
