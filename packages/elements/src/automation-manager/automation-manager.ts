import { AutomationManager } from './automation-manager.component.js';

export { AutomationManager };

if (!customElements.get('cl-automation-manager')) customElements.define('cl-automation-manager', AutomationManager);

declare global {
  interface HTMLElementTagNameMap {
    'cl-automation-manager': AutomationManager;
  }
}
