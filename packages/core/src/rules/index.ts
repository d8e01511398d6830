// The customer's vocabularies and the rules a browser checks without a schema, importable alone as
// `@clientela/core/rules`: kinds, statuses, sources, the registration settings' fields, rules and
// defaults, and the password rules. No zod is reachable from here, so an element that only lists
// the statuses or renders the registration fields does not pull the schemas in (`/schemas`
// re-exports all of this too).
export {
  ACCOUNT_STATUSES,
  DUPLICATE_REASONS,
  MERGE_COMPANY_FIELDS,
  MERGE_FIELDS,
  MERGE_MAX_PAIRS,
  MERGE_PERSON_FIELDS,
  countsAsPurchase,
  CREDIT_EXPIRING_DAYS,
  CREDIT_KINDS,
  CREDIT_STATES,
  CUSTOMER_KINDS,
  CUSTOMER_SOURCES,
  CUSTOMER_STATUSES,
  holdsIdentity,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  SETTABLE_STATUSES,
  sourcesOf,
  EVENT_TYPES,
  WEBHOOK_RETRY_SCHEDULE,
  MESSAGE_CHANNELS,
  AUTOMATION_MAX_DELAY_HOURS,
  AUTOMATION_TRIGGERS,
  MESSAGE_RECIPIENT_STATUSES,
  MESSAGE_SKIP_REASONS,
  DEVICE_PLATFORMS,
  DEVICES_PER_CUSTOMER,
  MESSAGE_VARIABLES,
  CATEGORY_MATCHES,
  FILTER_CHANNELS,
  FILTER_MAX_ALTERNATIVES,
  FILTER_MAX_BIRTHDAY_DAYS,
  FILTER_MAX_CENTS,
  FILTER_MAX_COUNT,
  FILTER_MAX_DAYS,
  FILTER_MAX_LENGTH,
  FILTER_MAX_TERMS,
  FILTER_MAX_VALUES,
  AUDIT_ACTIONS,
  PASSWORD_RESET_TTL_MINUTES,
} from './constants.js';
export type { EventType, MessageVariable, OrderStatusName, SettableStatus } from './constants.js';
export { benefitsOf } from './benefits.js';
export { fieldRules } from './field-rules.js';
export type { CompanyRulePath, PersonRulePath } from './field-rules.js';
export { COMPANY_SETTING_FIELDS, DEFAULT_REGISTRATION_SETTINGS, FIELD_RULES, PERSON_SETTING_FIELDS } from './registration-fields.js';
export type { CompanySettingField, PersonSettingField } from './registration-fields.js';
export { isTrivialPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordIssue } from './password-rules.js';
// The 27 UFs are a vocabulary too (a state menu); their home is the validation folder.
export { UFS } from '../validation/places.js';
export type { Uf } from '../validation/places.js';
// LGPD (#18 §1–§2): consent and data-subject requests.
export {
  ANONYMIZE_CONFIRMATION,
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  CONSENT_SOURCES,
  PRIVACY_REQUEST_DEADLINE_DAYS,
  PRIVACY_REQUEST_STATUSES,
  PRIVACY_REQUEST_TYPES,
} from './constants.js';
export { currentConsent, marketingConsentOf, privacyDaysLeft, privacyDueAt } from './privacy-rules.js';
// Guest to registered (#18 §3).
export { isRegistrationPending } from './registration-claim.js';
