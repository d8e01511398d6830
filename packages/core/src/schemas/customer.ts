import * as z from 'zod/mini';
import { isMasked } from '../format/format.js';
import { isValidCep, UFS } from '../validation/places.js';
import { ACCOUNT_STATUSES, CUSTOMER_KINDS, CUSTOMER_SOURCES, CUSTOMER_STATUSES, SETTABLE_STATUSES } from '../rules/constants.js';
import { coded, plainMultilineText, plainText, rule } from './rules.js';

// The customer as the API returns it, and the parts a create or a patch shares with it. What only
// writes need (check digits of CPF, CNPJ, phone and inscrição estadual) lives in customer-write.ts,
// so code that only reads customers (the API client) does not carry those rules.

export const CustomerKindSchema = coded(z.enum(CUSTOMER_KINDS), 'invalid_kind');
export const CustomerStatusSchema = z.enum(CUSTOMER_STATUSES);
/** A status a client may set (`deleted` comes only from a delete). */
export const SettableStatusSchema = z.enum(SETTABLE_STATUSES);
export const CustomerSourceSchema = z.enum(CUSTOMER_SOURCES);
export const UfSchema = coded(z.enum(UFS), 'invalid_uf');

/** An id of a customer in another system (a point of sale's code): trimmed, 1 to 100 characters. */
export const ExternalIdSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(100), plainText());
/** A customer's id per system that synced it. */
export const ExternalIdsSchema = z.partialRecord(CustomerSourceSchema, ExternalIdSchema);

/** Required text: trimmed, 1 to `max` characters, no control or bidi-override characters. */
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max), plainText());
/** Optional text: trimmed, at most `max` characters, no control characters (line breaks when `multiline`). */
export const optionalText = (max: number, options: { multiline?: boolean } = {}) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max), options.multiline ? plainMultilineText() : plainText()));
const datetime = () => z.iso.datetime({ offset: true });

/** A CEP as typed, `01310-100` or `01310100`. */
export const CepSchema = z.string().check(rule('invalid_cep', isValidCep));
export const AddressSchema = z.strictObject({
  postalCode: CepSchema,
  street: text(120),
  number: z.optional(z.string().check(z.trim(), z.maxLength(20), plainText())),
  complement: optionalText(120),
  district: optionalText(80),
  city: text(80),
  state: UfSchema,
  country: z.optional(z.literal('BR')),
});

export const MarketingConsentSchema = z.strictObject({
  email: z.boolean(),
  sms: z.boolean(),
  whatsapp: z.boolean(),
  updatedAt: z.optional(datetime()),
});

export const CustomerStatsSchema = z.strictObject({
  ordersCount: z.int().check(z.nonnegative()),
  totalSpentCents: z.int().check(z.nonnegative()),
  /**
   * The first and last purchase: the oldest and newest order that was not returned or cancelled.
   * The server always sends `firstPurchaseAt`; it is optional here so records written before it
   * existed (and fixtures) still read.
   */
  firstPurchaseAt: z.optional(z.nullable(datetime())),
  lastPurchaseAt: z.nullable(datetime()),
  visitsCount: z.int().check(z.nonnegative()),
  firstVisitAt: z.nullable(datetime()),
  lastVisitAt: z.nullable(datetime()),
  averageRating: z.nullable(z.number().check(z.gte(1), z.lte(5))),
});

export const AccountSchema = z.strictObject({ status: z.enum(ACCOUNT_STATUSES) });

// ---- read model -------------------------------------------------------------------------------

const readCommon = {
  id: z.string(),
  status: CustomerStatusSchema,
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  whatsapp: z.boolean(),
  /** Normalized in a full record; masked (`***.456.789-**`) in a list item. */
  document: z.string(),
  address: z.optional(AddressSchema),
  categoryIds: z.array(z.string()),
  marketingConsent: MarketingConsentSchema,
  /** The system the customer came from first (its origin); never changes. */
  source: CustomerSourceSchema,
  /**
   * Every system that knows the customer, the origin first (a point of sale and an online store
   * that both sync the same person). Optional so records written before it existed (and
   * fixtures) still read: the server always sends it; {@link sourcesOf} reads either.
   */
  sources: z.optional(z.array(CustomerSourceSchema)),
  /** The customer's id in each system that synced it (`{ pos: '1234' }`); one customer per id and system. */
  externalIds: z.optional(ExternalIdsSchema),
  account: AccountSchema,
  loyaltyCard: z.optional(z.string()),
  discountPercent: z.optional(z.number()),
  stats: CustomerStatsSchema,
  notes: z.optional(z.string()),
  /** A `merged` record: the customer it was merged into (the one that holds its orders and history now). */
  mergedInto: z.optional(z.string()),
  /** When the customer was anonymized (LGPD erasure): personal fields replaced, orders and figures kept. */
  anonymizedAt: z.optional(datetime()),
  createdAt: datetime(),
  updatedAt: datetime(),
  version: z.int().check(z.positive()),
};

export const PersonCustomerSchema = z.strictObject({
  ...readCommon,
  kind: z.literal('person'),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.optional(z.string()),
});

export const CompanyCustomerSchema = z.strictObject({
  ...readCommon,
  kind: z.literal('company'),
  legalName: z.string(),
  tradeName: z.optional(z.string()),
  stateRegistration: z.optional(z.string()),
  municipalRegistration: z.optional(z.string()),
  firstName: z.optional(z.string()),
  lastName: z.optional(z.string()),
});

/** A customer as the API returns it. */
export const CustomerSchema = z.discriminatedUnion('kind', [PersonCustomerSchema, CompanyCustomerSchema]);

/**
 * A document as a list shows it: masked (`***.456.789-**`, `**.345.678/0001-**`). The full one is
 * read, and audited, one customer at a time.
 */
export const MaskedDocumentSchema = z.string().check(z.refine(isMasked, { params: { code: 'invalid_format' } }));

/** A customer as a list returns it: the record with its document masked. */
export const CustomerListItemSchema = z.discriminatedUnion('kind', [
  z.extend(PersonCustomerSchema, { document: MaskedDocumentSchema }),
  z.extend(CompanyCustomerSchema, { document: MaskedDocumentSchema }),
]);

export type CustomerKind = z.infer<typeof CustomerKindSchema>;
export type CustomerStatus = z.infer<typeof CustomerStatusSchema>;
export type CustomerSource = z.infer<typeof CustomerSourceSchema>;
export type ExternalIds = z.infer<typeof ExternalIdsSchema>;

export type Address = z.infer<typeof AddressSchema>;
export type MarketingConsent = z.infer<typeof MarketingConsentSchema>;
export type CustomerStats = z.infer<typeof CustomerStatsSchema>;
export type PersonCustomer = z.infer<typeof PersonCustomerSchema>;
export type CompanyCustomer = z.infer<typeof CompanyCustomerSchema>;
export type Customer = z.infer<typeof CustomerSchema>;
/** A list item: a {@link Customer} whose `document` is masked. */
export type CustomerListItem = z.infer<typeof CustomerListItemSchema>;
