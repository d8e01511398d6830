// Validators
export {
  UFS,
  isValidCep,
  isValidCnpj,
  isValidCpf,
  isValidPhoneBR,
  isValidStateRegistration,
  isValidUf,
} from './validation/documents.js';
export type { Uf } from './validation/documents.js';

// Formatters
export {
  digitsOnly,
  formatCep,
  formatCnpj,
  formatCpf,
  formatPhoneBR,
  initials,
  maskDocument,
  normalizeDocument,
  searchKey,
  toE164BR,
  whatsappUrl,
} from './format/format.js';

// Localisation
export { DEFAULT_LOCALE, LOCALES, resolveLocale } from './i18n/locale.js';
export type { Locale } from './i18n/locale.js';
export { issueMessage } from './i18n/messages.js';
export type { IssueCode } from './i18n/messages.js';

// Schemas
export { parseWith } from './schemas/rules.js';
export type { FieldIssue, ParseResult } from './schemas/rules.js';
export {
  ACCOUNT_STATUSES,
  AddressSchema,
  CepSchema,
  CnpjSchema,
  CompanyCustomerCreateSchema,
  CompanyCustomerSchema,
  CpfSchema,
  CUSTOMER_KINDS,
  CUSTOMER_SOURCES,
  CUSTOMER_STATUSES,
  CustomerCreateSchema,
  CustomerKindSchema,
  CustomerPatchSchema,
  CustomerSchema,
  CustomerSourceSchema,
  CustomerStatsSchema,
  CustomerStatusSchema,
  CustomerWritableByKind,
  MarketingConsentSchema,
  PersonCustomerCreateSchema,
  PersonCustomerSchema,
  PhoneSchema,
  UfSchema,
} from './schemas/customer.js';
export type {
  Address,
  CompanyCustomer,
  Customer,
  CustomerCreate,
  CustomerKind,
  CustomerPatch,
  CustomerSource,
  CustomerStats,
  CustomerStatus,
  MarketingConsent,
  PersonCustomer,
} from './schemas/customer.js';
export {
  CATEGORY_STATUSES,
  CategoryCreateSchema,
  CategoryListQuerySchema,
  CategoryPatchSchema,
  CategorySchema,
  CategoryStatusSchema,
  ColorSchema,
} from './schemas/category.js';
export type { Category, CategoryCreate, CategoryPatch, CategoryStatus } from './schemas/category.js';
export {
  COMPANY_SETTING_FIELDS,
  DEFAULT_REGISTRATION_SETTINGS,
  FIELD_RULES,
  FieldRuleSchema,
  PERSON_SETTING_FIELDS,
  RegistrationSettingsSchema,
} from './schemas/settings.js';
export type {
  CompanySettingField,
  FieldRule,
  PersonSettingField,
  RegistrationSettings,
} from './schemas/settings.js';
export { CUSTOMER_SORTS, CustomerListQuerySchema } from './schemas/query.js';
export type { CustomerListQuery, CustomerSort, CustomerSortField } from './schemas/query.js';
export { ProblemFieldErrorSchema, ProblemSchema } from './schemas/problem.js';
export type { Problem, ProblemFieldError } from './schemas/problem.js';
export {
  AUDIT_ACTIONS,
  AuditEntrySchema,
  AuditPageSchema,
  AuditQuerySchema,
  BulkRequestSchema,
  BulkResultSchema,
  CategoryListSchema,
  CepAddressSchema,
  CreditListSchema,
  CreditSchema,
  CreditWalletEntrySchema,
  CreditWalletPageSchema,
  CreditWalletQuerySchema,
  CustomerFilterSchema,
  CustomerPageSchema,
  CustomerStatusChangeSchema,
  EXPORT_COLUMNS,
  ExportRequestSchema,
  ImportReportSchema,
  ImportRowErrorSchema,
  InvitationSchema,
  OrderPageSchema,
  OrderSchema,
  PasswordSetSchema,
  PublicRegistrationSchema,
  SessionCreateSchema,
  SessionSchema,
} from './schemas/operations.js';
export type {
  AuditAction,
  AuditEntry,
  AuditPage,
  AuditQuery,
  BulkRequest,
  BulkResult,
  CepAddress,
  Credit,
  CreditWalletEntry,
  CreditWalletPage,
  CreditWalletQuery,
  CustomerFilter,
  CustomerPage,
  ExportColumn,
  ExportRequest,
  ImportReport,
  Invitation,
  Order,
  OrderPage,
  PublicRegistration,
  Session,
  SessionCreate,
} from './schemas/operations.js';

// Client
export { createClient } from './client/index.js';
export type {
  CallOptions,
  ClientelaClient,
  ClientOptions,
  CustomerQuery,
  Download,
  DownloadStream,
  IdempotentCallOptions,
  PageQuery,
  Target,
  Version,
  WriteCallOptions,
} from './client/index.js';

// Errors
export {
  ApiError,
  AuthError,
  ClientelaError,
  ConflictError,
  isApiError,
  isAuthError,
  isClientelaError,
  isConflictError,
  isNetworkError,
  isNotFoundError,
  isPreconditionFailedError,
  isPreconditionRequiredError,
  isRateLimitError,
  isResponseValidationError,
  isTimeoutError,
  isValidationError,
  NetworkError,
  NotFoundError,
  PreconditionFailedError,
  PreconditionRequiredError,
  RateLimitError,
  ResponseValidationError,
  TimeoutError,
  ValidationError,
} from './errors/index.js';
