import type { MergeField } from '@clientela/core';

/*
 * Events the internal dialogs of `<cl-duplicates>` send to it. None bubbles: they are heard on the
 * part itself and never leave the element's shadow root.
 */

/** The admin chose the other record to stay: the comparison must be read again for it. */
export class KeepChangeEvent extends Event {
  static readonly type = 'keep-change';
  constructor(readonly survivorId: string) {
    super(KeepChangeEvent.type);
  }
}

/** "Unir" in the comparison: `take` names the fields whose value comes from the other record. */
export class MergeConfirmEvent extends Event {
  static readonly type = 'merge-confirm';
  constructor(readonly take: MergeField[]) {
    super(MergeConfirmEvent.type);
  }
}

/** "Unir n" in the confirmation of a multiple merge. */
export class BulkConfirmEvent extends Event {
  static readonly type = 'bulk-confirm';
  constructor() {
    super(BulkConfirmEvent.type);
  }
}

/** A dialog closed (merged, cancelled or Esc). */
export class DialogCloseEvent extends Event {
  static readonly type = 'dialog-close';
  constructor() {
    super(DialogCloseEvent.type);
  }
}
