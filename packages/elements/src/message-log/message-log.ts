import { MessageLog } from './message-log.component.js';

export { MessageLog };
// The events it dispatches, typed for `addEventListener` (their map is declared with them).
export type { MessageBatchOpenEvent } from '../events/events.js';

if (!customElements.get('cl-message-log')) customElements.define('cl-message-log', MessageLog);

declare global {
  interface HTMLElementTagNameMap {
    'cl-message-log': MessageLog;
  }
}
