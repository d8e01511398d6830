import type { Key } from './automation-manager.messages.js';

/** English words of `<cl-automation-manager>`. */
export const table: Record<Key, string> = {
  title: 'Automations',
  note: 'Messages the store sends by itself, once per customer and occasion (a birthday once a year, each cart once), only to those who consented to the channel.',
  newFlow: 'New automation', editFlow: 'Edit “{name}”', name: 'Name', trigger: 'When', days: 'Days', hours: 'Hours',
  filter: 'Filter (optional)', filterHint: 'Conditions as in the customer list. No conditions: every customer.', filterIs: 'Who is in: {filter}.', filterEveryone: 'every customer', delete: 'Delete', deleteLabel: 'Delete “{name}”', deleteTitle: 'Delete the automation “{name}”?', deleteText: 'It stops sending. The messages it already sent stay in Messages.', deleted: 'Automation “{name}” deleted. The messages it already sent stay in Messages.',
  delay: 'Wait (hours)', delayHint: 'After the occasion, 0 to 720 hours.',
  channel: 'Channel', subject: 'Subject', text: 'Message', variables: 'Variables: {list}', enabled: 'On',
  create: 'Create automation', save: 'Save', cancel: 'Cancel', edit: 'Edit', preview: 'Who would receive it now',
  empty: 'No automations yet.', loading: 'Loading…', status: 'Status', on: 'On', off: 'Paused',
  switchLabel: 'Turn on “{name}”', sent: 'Sent', delivered: 'Delivered', orders: 'Orders within 7 days', figures: 'Results', actions: 'Actions',
  t_customer_registered: 'Customer registered (welcome)', t_birthday: 'Birthday', t_no_purchase: 'No purchase in N days',
  t_credit_expiring: 'Credit expiring within N days', t_cart_abandoned: 'Cart abandoned for N hours',
  d_customer_registered: 'Welcome on registration', d_birthday: 'On the birthday', d_no_purchase: 'No purchase in {n} days',
  d_credit_expiring: 'Credit expires within {n} days', d_cart_abandoned: 'Cart abandoned for {n} hours',
  c_email: 'E-mail', c_sms: 'SMS', c_whatsapp: 'WhatsApp', c_push: 'Push',
  created: 'Automation “{name}” created.', saved: 'Automation “{name}” saved.', paused: 'Automation “{name}” paused.', resumed: 'Automation “{name}” turned on.',
  stale: 'Someone else changed this automation. The list was reloaded; check and try again.',
  previewResult: '“{name}”: {count} customers would receive it now; {excluded} would be left out (no consent or contact).',
  previewNames: 'For example: {names}.', previewNone: 'Nobody would receive it now.', required: 'Fill in this field.',
};
