// The schemas and `parseWith`, importable alone as `@clientela/core/schemas`.
export { parseWith } from './rules.js';
export type { FieldIssue, ParseResult } from './rules.js';
// The vocabularies and zod-free rules (kinds, statuses, events, the registration fields, the
// password rules…) have their home and their one list in `../rules`; this barrel passes them on.
export * from '../rules/index.js';
export {
  AddressSchema,
  CepSchema,
  CompanyCustomerSchema,
  CustomerKindSchema,
  CustomerListItemSchema,
  CustomerSchema,
  CustomerSourceSchema,
  CustomerStatsSchema,
  CustomerStatusSchema,
  ExternalIdSchema,
  ExternalIdsSchema,
  MarketingConsentSchema,
  MaskedDocumentSchema,
  PersonCustomerSchema,
  SettableStatusSchema,
  UfSchema,
} from './customer.js';
export {
  CnpjSchema,
  CompanyCustomerCreateSchema,
  CpfSchema,
  CustomerCreateSchema,
  CustomerPatchSchema,
  CustomerSyncSchema,
  CustomerWritableByKind,
  DiscountPercentSchema,
  PersonCustomerCreateSchema,
  PhoneSchema,
  PublicRegistrationSchema,
} from './customer-write.js';
export { PasswordSchema } from './password.js';
export type {
  Address,
  CompanyCustomer,
  Customer,
  CustomerKind,
  CustomerListItem,
  CustomerSource,
  CustomerStats,
  CustomerStatus,
  ExternalIds,
  MarketingConsent,
  PersonCustomer,
} from './customer.js';
export type { CustomerCreate, CustomerPatch, CustomerSync, PublicRegistration } from './customer-write.js';
export {
  CATEGORY_STATUSES,
  CategoryCreateSchema,
  CategoryListQuerySchema,
  CategoryPatchSchema,
  CategoryRuleSchema,
  CategorySchema,
  CategoryStatusSchema,
  ColorSchema,
} from './category.js';
export type { Category, CategoryCreate, CategoryPatch, CategoryStatus } from './category.js';
export { BenefitsSchema, DiscountSourceSchema } from './benefits.js';
export type { Benefits, DiscountSource } from './benefits.js';
export { CATEGORY_FIGURES_WINDOW_DAYS, CategoryFiguresListSchema, CategoryFiguresSchema } from './category-figures.js';
export type { CategoryFigures, CategoryFiguresList } from './category-figures.js';
export { FieldRuleSchema, RegistrationSettingsSchema } from './settings.js';
export type { FieldRule, RegistrationSettings } from './settings.js';
export { CUSTOMER_SORTS, CustomerListQuerySchema, MAX_LIST_OFFSET } from './query.js';
export {
  FilterConditionSchema,
  FilterExpressionSchema,
  FilterGroupSchema,
  FilterTermSchema,
} from './filter.js';
export type { CategoryMatch, FilterChannel, FilterCondition, FilterConditionType, FilterExpression, FilterGroup, FilterTerm } from './filter.js';
export { encodeCondition, encodeFilter, FilterTextSchema, parseFilter } from './filter-codec.js';
export { readShownFilter } from './filter-grammar.js';
export { CONSENT_BITS, FILTER_TIME_ZONE, filterFieldsOf, filterReadsCredits, filterReadsUnits, filterTest, matchesFilter, matchesFilterFields, resolveFilter } from './filter-eval.js';
export type { FilterFields, ResolvedCondition, ResolvedFilter } from './filter-eval.js';
export type { CustomerListQuery, CustomerSort, CustomerSortField } from './query.js';
export { ProblemFieldErrorSchema, ProblemSchema } from './problem.js';
export type { Problem, ProblemFieldError } from './problem.js';
export {
  AUDIT_ACTIONS,
  AuditEntrySchema,
  AuditPageSchema,
  AuditQuerySchema,
  AuditRefSchema,
  BulkRequestSchema,
  CustomerTargetSchema,
  BulkResultSchema,
  CategoryListSchema,
  CepAddressSchema,
  CreditWalletEntrySchema,
  CreditWalletPageSchema,
  CreditWalletQuerySchema,
  CustomerFilterSchema,
  CustomerPageSchema,
  CustomerStatusChangeSchema,
  EXPORT_COLUMNS,
  EXPORT_DIALECTS,
  ExportRequestSchema,
  ImportReportSchema,
  ImportRowErrorSchema,
  InvitationSchema,
  PasswordSetSchema,
  SessionCreateSchema,
  SessionSchema,
} from './operations.js';
export type {
  AuditAction,
  AuditEntry,
  AuditPage,
  AuditQuery,
  AuditRef,
  BulkRequest,
  CustomerTarget,
  BulkResult,
  CepAddress,
  CreditWalletEntry,
  CreditWalletPage,
  CreditWalletQuery,
  CustomerFilter,
  CustomerPage,
  ExportColumn,
  ExportDialect,
  ExportRequest,
  ImportReport,
  Invitation,
  Session,
  SessionCreate,
} from './operations.js';
export {
  CatalogSettingsSchema,
  InvitationInfoSchema,
  PasswordChangeSchema,
  PasswordCheckResultSchema,
  PasswordCheckSchema,
  ProfilePatchSchema,
  RegistrationDecisionSchema,
  RegistrationRequestListSchema,
  RegistrationRequestSchema,
  SELF_REGISTRATION,
} from './account.js';
export type { CatalogSettings, InvitationInfo, PasswordChange, PasswordCheckResult, ProfilePatch, RegistrationRequest, SelfRegistration } from './account.js';
export { BUILT_IN_VIEW_IDS, builtInViews, VIEW_MAX_COLUMNS, VIEW_MAX_PINNED, ViewCreateSchema, ViewListSchema, ViewOwnerSchema, ViewPatchSchema, ViewSchema } from './view.js';
export type { BuiltInViewId, View, ViewCreate, ViewOwner, ViewPatch } from './view.js';
export {
  CreditEntrySchema,
  CreditExpiryEntrySchema,
  CreditGrantEntrySchema,
  CreditGrantSchema,
  CreditKindSchema,
  CreditListQuerySchema,
  CreditListSchema,
  CreditRedeemSchema,
  CreditRedemptionEntrySchema,
  CreditRedemptionSchema,
  CreditSchema,
  OrderCreateSchema,
  OrderListQuerySchema,
  OrderPageSchema,
  OrderPatchSchema,
  OrderSchema,
  OrderStatusSchema,
} from './order.js';
export type {
  Credit,
  CreditEntry,
  CreditExpiryEntry,
  CreditGrant,
  CreditGrantEntry,
  CreditKind,
  CreditList,
  CreditRedeem,
  CreditRedemption,
  CreditRedemptionEntry,
  Order,
  OrderCreate,
  OrderListQuery,
  OrderPage,
  OrderPatch,
  OrderStatus,
} from './order.js';
export {
  UNIT_ID_MAX_LENGTH,
  UNIT_STATUSES,
  UnitCreateSchema,
  UnitIdSchema,
  UnitListQuerySchema,
  UnitListSchema,
  UnitPatchSchema,
  UnitSchema,
  UnitStatusSchema,
  unitIdFrom,
} from './unit.js';
export type { Unit, UnitCreate, UnitPatch, UnitStatus } from './unit.js';
// ---- events and webhooks ----
export { EventCategorySchema, EventListQuerySchema, EventPageSchema, EventSchema, EventTypeSchema } from './event.js';
export type { Event, EventCategory, EventData, EventListQuery, EventOf, EventPage } from './event.js';
export {
  isWebhookUrl,
  WEBHOOK_DELIVERY_STATUSES,
  WebhookAttemptSchema,
  WebhookDeliveryListQuerySchema,
  WebhookDeliveryPageSchema,
  WebhookDeliverySchema,
  WebhookEndpointCreateSchema,
  WebhookEndpointListSchema,
  WebhookEndpointPatchSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from './webhook.js';
export type {
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryListQuery,
  WebhookDeliveryPage,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointPatch,
  WebhookEndpointWithSecret,
} from './webhook.js';
// ---- messages (#17) ----
export {
  MessageBatchPageSchema,
  MessageBatchSchema,
  MessageChannelSchema,
  MessageContentSchema,
  MessageCountsSchema,
  MessageCreateSchema,
  MessageListQuerySchema,
  MessagePreviewSchema,
  MessageProgressSchema,
  MessageRecipientListQuerySchema,
  MessageRecipientPageSchema,
  MessageRecipientSchema,
  MessageRecipientStatusSchema,
  MessageSkipReasonSchema,
} from './message.js';
export type {
  MessageBatch,
  MessageBatchPage,
  MessageChannel,
  MessageContent,
  MessageCounts,
  MessageCreate,
  MessagePreview,
  MessageProgress,
  MessageRecipient,
  MessageRecipientPage,
  MessageRecipientStatus,
  MessageSkipReason,
} from './message.js';
// ---- push devices (#17) ----
export { DeviceListSchema, DevicePlatformSchema, DeviceRegisterSchema, DeviceSchema, WebPushKeySchema, WebPushSubscriptionSchema } from './device.js';
export type { Device, DeviceList, DevicePlatform, DeviceRegister, WebPushKey, WebPushSubscription } from './device.js';
// ---- channel settings (#17 §2) ----
export { ChannelSettingsSchema, ChannelSettingsUpdateSchema } from './channel-settings.js';
export type { ChannelSettings, ChannelSettingsUpdate } from './channel-settings.js';
// ---- automations (#17 §3) ----
export {
  AUTOMATION_MAX_DELAY_HOURS,
  AUTOMATION_TRIGGERS,
  AutomationCreateSchema,
  AutomationFiguresSchema,
  AutomationListSchema,
  AutomationPatchSchema,
  AutomationPreviewRequestSchema,
  AutomationPreviewSchema,
  AutomationSchema,
  AutomationTriggerSchema,
  CART_EVENTS,
  CartEventResultSchema,
  CartEventSchema,
} from './automation.js';
export type {
  Automation,
  AutomationCreate,
  AutomationFigures,
  AutomationPatch,
  AutomationPreview,
  AutomationPreviewRequest,
  AutomationTrigger,
  AutomationTriggerType,
  CartEvent,
  CartEventResult,
  CartEventType,
} from './automation.js';
// LGPD (#18 §1–§2): consent records, consent texts and data-subject requests (the vocabularies and
// rules come with `../rules/index.js` above).
export {
  AnonymizeRequestSchema,
  ConsentChannelSchema,
  ConsentChoiceSchema,
  ConsentEvidenceSchema,
  ConsentHistorySchema,
  ConsentPurposeSchema,
  ConsentRecordCreateSchema,
  ConsentRecordSchema,
  ConsentSourceSchema,
  ConsentStateSchema,
  ConsentTextSchema,
  ConsentTextsSchema,
  ConsentTextWriteSchema,
  CurrentConsentSchema,
  PrivacyActorSchema,
  PrivacyRequestCreateSchema,
  PrivacyRequestListQuerySchema,
  PrivacyRequestPageSchema,
  PrivacyRequestPatchSchema,
  PrivacyRequestSchema,
  PrivacyRequestStatusSchema,
  PrivacyRequestTypeSchema,
  PrivacySettingsSchema,
  PublicPrivacyRequestCreateSchema,
} from './privacy.js';
export type {
  ConsentChannel,
  ConsentChoice,
  ConsentEvidence,
  ConsentHistory,
  ConsentPurpose,
  ConsentRecord,
  ConsentRecordCreate,
  ConsentSource,
  ConsentState,
  ConsentText,
  ConsentTexts,
  CurrentConsent,
  PrivacyActor,
  PrivacyRequest,
  PrivacyRequestCreate,
  PrivacyRequestPatch,
  PrivacyRequestStatus,
  PrivacyRequestType,
  PrivacySettings,
} from './privacy.js';
// ---- account recovery (#17 §4) ----
export { AccountLinkSettingsSchema, PASSWORD_RESET_TTL_MINUTES, PasswordResetAcceptedSchema, PasswordResetRequestSchema } from './password-reset.js';
export type { AccountLinkSettings, PasswordResetAccepted, PasswordResetRequest } from './password-reset.js';
// ---- guest to registered: claiming a record (#18 §3) ----
export { RegistrationPendingSchema, RegistrationResultSchema } from './registration-claim.js';
export type { RegistrationPending, RegistrationResult } from './registration-claim.js';
// ---- managed API keys (#16 §4) ----
export {
  API_KEY_KINDS,
  API_KEY_OVERLAP_HOURS,
  API_KEY_STATUSES,
  ApiKeyCreateSchema,
  ApiKeyKindSchema,
  ApiKeyListSchema,
  ApiKeyRotateSchema,
  ApiKeyRotationSchema,
  ApiKeySchema,
  ApiKeyStatusSchema,
  ApiKeyWithSecretSchema,
} from './api-key.js';
export type { ApiKey, ApiKeyCreate, ApiKeyKind, ApiKeyRotate, ApiKeyRotation, ApiKeyStatus, ApiKeyWithSecret } from './api-key.js';
// ---- duplicates and merge (#18 §3) ----
export {
  DuplicateDismissSchema,
  DuplicateListQuerySchema,
  DuplicatePageSchema,
  DuplicatePairSchema,
  DuplicateReasonSchema,
  DuplicateReasonTypeSchema,
  DuplicateRebuildSchema,
  CustomerMergeItemSchema,
  CustomerMergeOutcomeSchema,
  CustomerMergePreviewRequestSchema,
  CustomerMergePreviewSchema,
  MergeCategorySchema,
  CustomerMergeResultSchema,
  CustomerMergeSchema,
  MergeFieldSchema,
} from './duplicate.js';
export type { CustomerMerge, CustomerMergeItem, CustomerMergeOutcome, CustomerMergePreview, CustomerMergeResult, MergeCategory, MergeField, DuplicateDismiss, DuplicateListQuery, DuplicatePage, DuplicatePair, DuplicateReason, DuplicateReasonType, DuplicateRebuild } from './duplicate.js';
