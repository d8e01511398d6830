// Locales and validation messages, importable alone as `@clientela/core/i18n`.
export { DEFAULT_LOCALE, LOCALES, resolveLocale } from './locale.js';
export type { Locale } from './locale.js';
export { issueMessage } from './messages.js';
export type { IssueCode, IssueTable } from './messages.js';
export { loadLocale } from './load.js';
export {
  COLUMN_LABELS,
  CREDIT_KIND_LABELS,
  CREDIT_STATUS_LABELS,
  CUSTOMER_KIND_LABELS,
  CUSTOMER_SOURCE_LABELS,
  CUSTOMER_STATUS_LABELS,
  ORDER_STATUS_LABELS,
  fieldLabel,
} from './labels.js';
export { DUPLICATE_REASON_LABELS } from './duplicate-labels.js';
export { describeAuditEntry } from './audit.js';
export type { AuditWords, DescribeAuditOptions } from './audit.js';
export { builtInViewNames, describeFilter, describeFilterCondition, describeFilterText, describeFilterTerm, filterConditionLabels } from './filter-text.js';
export type { ConditionWords, DescribeFilterOptions, FilterWords } from './filter-text.js';
export { ANONYMIZED_NAME, CONSENT_CHANNEL_LABELS, CONSENT_PURPOSE_LABELS, CONSENT_SOURCE_LABELS, PRIVACY_REQUEST_STATUS_LABELS, PRIVACY_REQUEST_TYPE_LABELS } from './privacy-labels.js';
