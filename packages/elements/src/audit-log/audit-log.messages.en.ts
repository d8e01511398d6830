import type { Key } from './audit-log.messages.js';

/** English words of `<cl-audit-log>`, loaded only when a page asks for `en`. */
export const table: Record<Key, string> = {
    title: 'Data log', action: 'Action', allActions: 'All actions', from: 'From', to: 'To', filter: 'Filter', clear: 'Clear',
    when: 'When', who: 'Who', what: 'What was done',
    empty: 'No log entries for this filter.', loading: 'Loading the log…', failed: 'Could not load the log.',
    retry: 'Try again', previous: 'Previous', next: 'Next', page: 'Page {n}',
    sha: 'SHA-256', badRange: 'The start date must come before the end date.', key: 'key',
    'a_customer.reveal': 'Revealed document', 'a_customer.create': 'Created customer', 'a_customer.update': 'Changed customer',
    'a_customer.delete': 'Deleted customer', 'a_customer.invite': 'Created access link', a_bulk: 'Bulk action', a_export: 'Spreadsheet download',
    a_import: 'Spreadsheet import', 'a_settings.update': 'Changed settings', 'a_category.create': 'Created category',
    'a_category.update': 'Changed category', 'a_order.create': 'Recorded order', 'a_order.update': 'Changed order',
    'a_credit.grant': 'Granted credit', 'a_credit.redeem': 'Redeemed credit', 'a_message.send': 'Sent a message',
    'a_automation.create': 'Created an automation', 'a_automation.update': 'Changed an automation', 'a_automation.delete': 'Deleted an automation',
    'a_consent.record': 'Recorded consent', 'a_privacy.request': 'Opened an LGPD request', 'a_privacy.update': 'Handled an LGPD request', 'a_privacy.archive': 'Produced a data archive (LGPD)', 'a_customer.anonymize': 'Anonymized a customer',
    'a_api_key.create': 'Created an API key', 'a_api_key.rotate': 'Rotated an API key', 'a_api_key.revoke': 'Revoked an API key', 'a_api_key.bad_keys': 'Refused invalid API keys',
    'a_webhook_endpoint.create': 'Registered a webhook', 'a_webhook_endpoint.update': 'Changed a webhook', 'a_webhook_endpoint.delete': 'Deleted a webhook', 'a_webhook_endpoint.rotate_secret': 'Rotated a webhook secret',
    'a_unit.create': 'Registered a unit', 'a_unit.update': 'Changed a unit', 'a_unit.delete': 'Deleted a unit',
    'a_duplicate.dismiss': 'Marked as not duplicates', 'a_customer.merge': 'Merged customers', 'a_customer.claim': 'Claimed a record',
};
