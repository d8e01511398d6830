import { AutomationListSchema, AutomationPreviewSchema, AutomationSchema, CartEventResultSchema } from '../schemas/automation.js';
import { AccountLinkSettingsSchema, PasswordResetAcceptedSchema } from '../schemas/password-reset.js';
import { RegistrationResultSchema } from '../schemas/registration-claim.js';
import { ConsentHistorySchema, ConsentRecordSchema, ConsentTextSchema, ConsentTextsSchema, PrivacyRequestPageSchema, PrivacyRequestSchema, PrivacySettingsSchema } from '../schemas/privacy.js';
import { CustomerMergePreviewSchema, CustomerMergeResultSchema, DuplicatePageSchema, DuplicatePairSchema, DuplicateRebuildSchema } from '../schemas/duplicate.js';
import { MessageBatchPageSchema, MessageBatchSchema, MessagePreviewSchema, MessageRecipientPageSchema } from '../schemas/message.js';
import type * as z from 'zod/mini';
import type { Locale } from '../i18n/locale.js';
import { CatalogSettingsSchema, InvitationInfoSchema, PasswordCheckResultSchema, RegistrationRequestListSchema } from '../schemas/account.js';
import { BenefitsSchema } from '../schemas/benefits.js';
import { CategorySchema } from '../schemas/category.js';
import { CategoryFiguresListSchema } from '../schemas/category-figures.js';
import { CustomerSchema } from '../schemas/customer.js';
import {
  AuditPageSchema,
  BulkResultSchema,
  CategoryListSchema,
  CepAddressSchema,
  CreditWalletPageSchema,
  CustomerPageSchema,
  ImportReportSchema,
  InvitationSchema,
  SessionSchema,
} from '../schemas/operations.js';
import { CreditGrantEntrySchema, CreditListSchema, CreditRedemptionSchema, OrderPageSchema, OrderSchema } from '../schemas/order.js';
import { parseWith, type ParseResult } from '../schemas/rules.js';
import { RegistrationSettingsSchema } from '../schemas/settings.js';
import { UnitListSchema, UnitSchema } from '../schemas/unit.js';
import { ViewListSchema, ViewSchema } from '../schemas/view.js';
import { EventPageSchema } from '../schemas/event.js';
import {
  WebhookDeliveryPageSchema,
  WebhookDeliverySchema,
  WebhookEndpointListSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from '../schemas/webhook.js';
import { DeviceListSchema, DeviceSchema, WebPushKeySchema } from '../schemas/device.js';
import { ChannelSettingsSchema } from '../schemas/channel-settings.js';
import { ApiKeyListSchema, ApiKeyRotationSchema, ApiKeyWithSecretSchema, ApiKeySchema } from '../schemas/api-key.js';

/**
 * The schema of every answer the client reads, by name. Resource methods name what they expect
 * (`'category'`, `'customerPage'`…); `createClient` checks each answer against its schema here,
 * so a malformed one is a `ResponseValidationError`. A client composed of only some resources
 * (`composeClient`) may leave the checks out: it then bundles neither these schemas nor zod,
 * and trusts the server's contract.
 */
export const RESPONSE_SCHEMAS = {
  apiKey: ApiKeySchema,
  apiKeyList: ApiKeyListSchema,
  apiKeyRotation: ApiKeyRotationSchema,
  apiKeyWithSecret: ApiKeyWithSecretSchema,
  auditPage: AuditPageSchema,
  benefits: BenefitsSchema,
  bulkResult: BulkResultSchema,
  catalogSettings: CatalogSettingsSchema,
  category: CategorySchema,
  categoryFigures: CategoryFiguresListSchema,
  categoryList: CategoryListSchema,
  cepAddress: CepAddressSchema,
  creditGrantEntry: CreditGrantEntrySchema,
  creditList: CreditListSchema,
  creditRedemption: CreditRedemptionSchema,
  creditWalletPage: CreditWalletPageSchema,
  customer: CustomerSchema,
  customerPage: CustomerPageSchema,
  eventPage: EventPageSchema,
  importReport: ImportReportSchema,
  invitation: InvitationSchema,
  invitationInfo: InvitationInfoSchema,
  order: OrderSchema,
  orderPage: OrderPageSchema,
  passwordCheckResult: PasswordCheckResultSchema,
  registrationRequestList: RegistrationRequestListSchema,
  registrationSettings: RegistrationSettingsSchema,
  session: SessionSchema,
  unit: UnitSchema,
  unitList: UnitListSchema,
  view: ViewSchema,
  viewList: ViewListSchema,
  webhookDelivery: WebhookDeliverySchema,
  messageBatch: MessageBatchSchema,
  accountLinkSettings: AccountLinkSettingsSchema,
  passwordResetAccepted: PasswordResetAcceptedSchema,
  automation: AutomationSchema,
  automationList: AutomationListSchema,
  automationPreview: AutomationPreviewSchema,
  cartEventResult: CartEventResultSchema,
  messageBatchPage: MessageBatchPageSchema,
  messagePreview: MessagePreviewSchema,
  messageRecipientPage: MessageRecipientPageSchema,
  // push devices (#17)
  device: DeviceSchema,
  deviceList: DeviceListSchema,
  webPushKey: WebPushKeySchema,
  // channel settings (#17 §2)
  channelSettings: ChannelSettingsSchema,
  webhookDeliveryPage: WebhookDeliveryPageSchema,
  webhookEndpoint: WebhookEndpointSchema,
  webhookEndpointList: WebhookEndpointListSchema,
  webhookEndpointWithSecret: WebhookEndpointWithSecretSchema,
  // duplicates and merge (#18 §3)
  duplicatePage: DuplicatePageSchema,
  duplicatePair: DuplicatePairSchema,
  duplicateRebuild: DuplicateRebuildSchema,
  customerMergePreview: CustomerMergePreviewSchema,
  customerMergeResult: CustomerMergeResultSchema,
  // a storefront registration: the new customer (201), or "check your e-mail to finish" (202, #18 §3)
  registration: RegistrationResultSchema,
  // LGPD (#18 §1–§2)
  consentHistory: ConsentHistorySchema,
  consentRecord: ConsentRecordSchema,
  consentText: ConsentTextSchema,
  consentTexts: ConsentTextsSchema,
  privacyRequest: PrivacyRequestSchema,
  privacyRequestPage: PrivacyRequestPageSchema,
  privacySettings: PrivacySettingsSchema,
};

/** The name of an answer's shape. */
export type ResponseKind = keyof typeof RESPONSE_SCHEMAS;
/** The answer a name stands for, as its schema outputs it. */
export type ResponseOf<K extends ResponseKind> = z.output<(typeof RESPONSE_SCHEMAS)[K]>;

/**
 * Checks an answer against the schema of its kind, with localized issues (the `check` that
 * `createClient` gives its transport).
 */
export function checkResponse(kind: ResponseKind, body: unknown, locale: Locale): ParseResult<unknown> {
  return parseWith(RESPONSE_SCHEMAS[kind], body, locale);
}
