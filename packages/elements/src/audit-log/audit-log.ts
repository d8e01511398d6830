import { AuditLog } from './audit-log.component.js';

export { AuditLog };

if (!customElements.get('cl-audit-log')) customElements.define('cl-audit-log', AuditLog);

declare global {
  interface HTMLElementTagNameMap {
    'cl-audit-log': AuditLog;
  }
}
