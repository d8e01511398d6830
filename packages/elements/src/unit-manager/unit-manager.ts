import { UnitManager } from './unit-manager.component.js';

export { UnitManager };

if (!customElements.get('cl-unit-manager')) customElements.define('cl-unit-manager', UnitManager);

declare global {
  interface HTMLElementTagNameMap {
    'cl-unit-manager': UnitManager;
  }
}
