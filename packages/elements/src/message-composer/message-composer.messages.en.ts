import type { Key } from './message-composer.messages.js';

/** English words of `<cl-message-composer>`, loaded only when a page asks for `en`. */
export const table: Record<Key, string> = {
  title: 'Send a message', channel: 'Channel', ch_email: 'E-mail', ch_sms: 'SMS', ch_whatsapp: 'WhatsApp', ch_push: 'Push (app)',
  subject: 'Subject', text: 'Text', textHint: 'Plain text. Variables such as {{primeiroNome}} are filled in for each customer.',
  preview: 'Preview', previewFor: 'How {name} will read it', previewNeedsText: 'Write the text (and the subject, for e-mail) to see the preview and how many customers will receive it.',
  previewLoading: 'Updating the preview…', previewFailed: 'Could not load the preview.', previewNobody: 'None of the selected customers will receive this message on this channel.',
  retry: 'Try again',
  willReceive: 'Will receive', noConsent: 'Left out: did not consent to this channel', noContact: 'Left out: no contact',
  noApp: 'Left out: do not have the app', inactive: 'Left out: inactive or blocked', matched: 'Customers selected',
  acknowledge: 'I have read and understand the responsibility for violating the law in force', send: 'Send to {n} customers', sending: 'Sending…',
  sendPlain: 'Send', cancel: 'Cancel',
  required: 'Fill in this field.', subjectRequired: 'Enter the e-mail subject.', unknownVariable: 'Unknown variable: {name}.',
  ackRequired: 'Tick the statement of responsibility to send.', sendFailed: 'The message was not sent.',
  fixErrors: 'Correct the fields shown.',
  sentTitle: 'Message sent', sentText: '{n} customers will receive the message; it is delivered in the background.',
  sentSkipped: '{n} customers were left out (no consent, no contact or inactive).', viewBatch: 'Follow the delivery', newMessage: 'New message',
};
