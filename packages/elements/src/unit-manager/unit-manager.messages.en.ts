import type { Key } from './unit-manager.messages.js';

/** English words of `<cl-unit-manager>`, loaded only when a page asks for `en`. */
export const table: Record<Key, string> = {
  title: 'Units',
  note: 'Every unit (physical stores and the online store) shares one customer base; each order records the unit where it was placed. A unit with orders is never deleted, only inactivated: it takes no new orders, and the ones it has stay.',
  newUnit: 'New unit', name: 'Name', code: 'Code (optional)', codeHint: 'Unaccented letters, digits and _. Without a code, one is made from the name.',
  create: 'Create unit', status: 'Status', actions: 'Actions', active: 'Active', inactive: 'Inactive',
  edit: 'Rename', editing: 'Rename {name}', save: 'Save', cancel: 'Cancel', inactivate: 'Inactivate', reactivate: 'Reactivate',
  empty: 'No units yet.', loading: 'Loading…',
  stale: 'This unit was changed by someone else. The list was reloaded; check it and try again.',
  created: 'Unit “{name}” created.', saved: 'Unit “{name}” saved.', inactivated: 'Unit “{name}” inactivated.', reactivated: 'Unit “{name}” reactivated.',
};
