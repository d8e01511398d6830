import type { Key } from './message-log.messages.js';

/** English words of `<cl-message-log>`, loaded only when a page asks for `en`. */
export const table: Record<Key, string> = {
  title: 'Messages', when: 'When', who: 'Sent by', channel: 'Channel', message: 'Message', recipients: 'Recipients',
  progress: 'Delivery status', open: 'See recipients', back: 'Back to messages', key: 'key',
  ch_email: 'E-mail', ch_sms: 'SMS', ch_whatsapp: 'WhatsApp', ch_push: 'Push',
  st_queued: 'Queued', st_sent: 'Sent', st_delivered: 'Delivered', st_failed: 'Failed', st_skipped: 'Not sent',
  allStatuses: 'All statuses', status: 'Status',
  sk_no_consent: 'No consent for this channel', sk_no_contact: 'No contact on this channel', sk_no_app: 'Does not have the app', sk_inactive: 'Customer inactive or blocked',
  customer: 'Customer', address: 'Sent to', reason: 'Reason', attempts: 'Attempts', updated: 'Updated', filter: 'Filter',
  empty: 'No messages sent yet.', emptyRecipients: 'No recipients with this status.', loading: 'Loading…',
  failed: 'Could not load the messages.', retry: 'Try again', previous: 'Previous', next: 'Next', page: 'Page {n}',
  sending: 'Sending; the list updates by itself.', batchTitle: 'Message of {date}', counted: '{n} {status}', notFound: 'Message not found.',
};
