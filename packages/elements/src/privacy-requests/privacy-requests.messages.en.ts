import type { Key } from './privacy-requests.messages.js';

/** English words of `<cl-privacy-requests>`, loaded only when a page asks for `en`. */
export const table: Record<Key, string> = {
  title: 'Data subject requests (LGPD)',
  note: 'Requests for access, portability, correction, anonymization and deletion of data. The LGPD (art. 19) gives 15 days to answer.',
  filter: 'Status', all: 'All', customer: 'Customer', type: 'Request', status: 'Status', opened: 'Opened', due: 'Legal deadline',
  openedBy: 'Opened by', handledBy: 'Handled by', actions: 'Actions', shopper: 'The customer',
  daysLeft: '{n} days left', dueToday: 'Due today', overdue: 'Overdue by {n} days',
  start: 'Start', complete: 'Complete', reject: 'Refuse', download: 'Download data', anonymize: 'Anonymize…',
  confirmTitle: 'Anonymize {name}', confirmText: 'The personal data will be erased for good. Orders and totals stay. Type {word} to confirm.',
  confirmLabel: 'Confirmation', confirmButton: 'Anonymize for good', cancel: 'Cancel', mismatch: 'Type {word} to confirm.',
  resolution: 'Reason or answer (optional)',
  empty: 'No requests.', loading: 'Loading…',
  stale: 'This request was changed by someone else. The list was reloaded; check it and try again.',
  started: 'Request of {name} in progress.', completed: 'Request of {name} completed.', rejected: 'Request of {name} refused.',
  downloaded: 'Archive of {name}’s data downloaded.', anonymized: 'Customer anonymized; the request was completed.', more: 'Load more',
  newTitle: 'New request from {name}', newTitleUnnamed: 'New request from this customer', newType: 'Request', newOpen: 'Open request',
  opened_: '{type} request opened. Legal deadline: {date}.',
};
