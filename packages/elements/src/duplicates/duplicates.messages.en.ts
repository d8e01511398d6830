import type { Key } from './duplicates.messages.js';

/** English words of `<cl-duplicates>`, loaded only when a page asks for `en`. */
export const table: Record<Key, string> = {
  title: 'Possible duplicates', note: 'Customers who may be the same person, most likely first. Compare and merge the records, or dismiss the pair.',
  rescan: 'Search again', scanning: 'Searching for duplicates: {done} of {total} customers', scanDone: 'Search finished.',
  pair: 'Customers', reasons: 'Reasons', score: 'Score', actions: 'Actions', select: 'Select {a} and {b}',
  compare: 'Compare and merge', dismiss: 'Dismiss', dismissed: 'Pair dismissed: {a} and {b} will not be shown again.',
  mergeSelected: 'Merge selected ({n})', maxPairs: 'Up to {n} pairs at a time.', empty: 'No possible duplicates.', loading: 'Loading…',
  more: 'Load more', orders: '{n} orders', compareTitle: 'Compare and merge', keep: 'Record that stays', keepHint: 'The other record will point to this one.',
  fieldsHint: 'Choose the value of each field that differs.', sameFields: 'The other fields are the same in both records.', none: '(empty)',
  yes: 'Yes', no: 'No', moves: 'Moves to the record that stays', movesOrders: 'Orders', movesCredits: 'Credits', movesConsent: 'Consent records',
  movesMessages: 'Messages', after: 'After the merge: {orders} orders, {total} in total.', merge: 'Merge', cancel: 'Cancel',
  merged: 'Records merged: {name} now holds everything.', mergedMany: '{n} records merged.', bulkTitle: 'Merge the selected pairs',
  bulkInto: '{merged} will be merged into {survivor}', bulkConfirm: 'Merge {n}', similar: '{label} ({pct})',
  retry: 'Try again', categories: 'Categories', catSurvivor: 'Record that stays ({n})', catMerged: 'Other record ({n})',
  catAfter: 'After the merge ({n})', catLeft: 'Do not move ({n})', catNone: 'none', catAutomatic: '{name} (automatic: its rule decides)',
  catInactive: '{name} (inactive)', catHint: 'The record that stays keeps its categories and gets the other one’s manual ones.',
};
