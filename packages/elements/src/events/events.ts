import type { Customer, ImportReport, MessageBatch, Session, View } from '@clientela/core';

/** Options shared by every Clientela event: they bubble and cross shadow roots. */
const init = { bubbles: true, composed: true } as const;

/** A row was activated (click or Enter): the page should open this customer. */
export class CustomerOpenEvent extends Event {
  static readonly type = 'cl-customer-open';
  constructor(readonly detail: { id: string }) {
    super(CustomerOpenEvent.type, init);
  }
}

/** A customer was created or updated by a form. */
export class CustomerSavedEvent extends Event {
  static readonly type = 'cl-customer-saved';
  constructor(readonly detail: { customer: Customer; created: boolean }) {
    super(CustomerSavedEvent.type, init);
  }
}

/**
 * The selection of a table changed. `all` is true when "all N matching" is selected; then
 * `exceptIds` are the rows unticked out of it, and `ids` the loaded rows still selected.
 */
export class SelectionChangeEvent extends Event {
  static readonly type = 'cl-selection-change';
  constructor(readonly detail: { ids: string[]; all: boolean; exceptIds: string[]; count: number }) {
    super(SelectionChangeEvent.type, init);
  }
}

/** A form was submitted with errors; `errors` maps field paths to messages. */
export class InvalidEvent extends Event {
  static readonly type = 'cl-invalid';
  constructor(readonly detail: { errors: Record<string, string[]> }) {
    super(InvalidEvent.type, init);
  }
}

/** A shopper signed in (or set a password and was signed in). */
export class SignedInEvent extends Event {
  static readonly type = 'cl-signed-in';
  constructor(readonly detail: { session: Session }) {
    super(SignedInEvent.type, init);
  }
}

/**
 * A shopper's session ended: they signed out (`signed-out`), or the server no longer accepts it
 * (`expired`: time over, signed out elsewhere, password changed, account blocked).
 */
export class SignedOutEvent extends Event {
  static readonly type = 'cl-signed-out';
  constructor(readonly detail: { reason: 'signed-out' | 'expired' }) {
    super(SignedOutEvent.type, init);
  }
}

/** The customer card asks the page to edit this customer (the page opens its form). */
export class CustomerEditEvent extends Event {
  static readonly type = 'cl-customer-edit';
  constructor(readonly detail: { id: string }) {
    super(CustomerEditEvent.type, init);
  }
}

/** A spreadsheet import was confirmed and written (not sent for dry runs); `detail.report`. */
export class ImportCompleteEvent extends Event {
  static readonly type = 'cl-import-complete';
  constructor(readonly detail: { report: ImportReport }) {
    super(ImportCompleteEvent.type, init);
  }
}

/** A table's list loaded: `total` customers match its query (search, tabs, filters). */
export class ResultsEvent extends Event {
  static readonly type = 'cl-results';
  constructor(readonly detail: { total: number }) {
    super(ResultsEvent.type, init);
  }
}

/** A person changed a table's sort or columns (shown, order, pinned): a page that keeps the view in its URL writes it. */
export class ViewChangeEvent extends Event {
  static readonly type = 'cl-view-change';
  constructor(readonly detail: { sort: string }) {
    super(ViewChangeEvent.type, init);
  }
}

/** A saved view was chosen in a filter builder (its filter, sort and columns are applied). */
export class ViewSelectEvent extends Event {
  static readonly type = 'cl-view-select';
  constructor(readonly detail: { view: View }) {
    super(ViewSelectEvent.type, init);
  }
}

/** A message composer sent its message: the batch is queued (its recipients are sent in the background). */
export class MessageSentEvent extends Event {
  static readonly type = 'cl-message-sent';
  constructor(readonly detail: { batch: MessageBatch }) {
    super(MessageSentEvent.type, init);
  }
}

/** "Cancelar" was pressed in a message composer: the dialog holding it closes. */
export class MessageCancelEvent extends Event {
  static readonly type = 'cl-message-cancel';
  constructor() {
    super(MessageCancelEvent.type, init);
  }
}

/** The message log opened a batch, or went back to the list (`id` is `''`): a page may keep it in its address. */
export class MessageBatchOpenEvent extends Event {
  static readonly type = 'cl-message-batch-open';
  constructor(readonly detail: { id: string }) {
    super(MessageBatchOpenEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cl-message-batch-open': MessageBatchOpenEvent;
    'cl-message-sent': MessageSentEvent;
    'cl-message-cancel': MessageCancelEvent;
    'cl-results': ResultsEvent;
    'cl-view-change': ViewChangeEvent;
    'cl-view-select': ViewSelectEvent;
    'cl-customer-open': CustomerOpenEvent;
    'cl-customer-saved': CustomerSavedEvent;
    'cl-selection-change': SelectionChangeEvent;
    'cl-invalid': InvalidEvent;
    'cl-signed-in': SignedInEvent;
    'cl-signed-out': SignedOutEvent;
    'cl-customer-edit': CustomerEditEvent;
    'cl-import-complete': ImportCompleteEvent;
  }
}
