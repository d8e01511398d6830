import { MessageComposer } from './message-composer.component.js';

export { MessageComposer };
// The events it dispatches, typed for `addEventListener` (their map is declared with them).
export type { MessageSentEvent, MessageCancelEvent } from '../events/events.js';
export type { MessageTarget } from './message-composer.component.js';

if (!customElements.get('cl-message-composer')) customElements.define('cl-message-composer', MessageComposer);

declare global {
  interface HTMLElementTagNameMap {
    'cl-message-composer': MessageComposer;
  }
}
