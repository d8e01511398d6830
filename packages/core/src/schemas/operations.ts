import * as z from 'zod/mini';
import { CategorySchema } from './category.js';
import { AUDIT_ACTIONS, CREDIT_STATES, SETTABLE_STATUSES } from '../rules/constants.js';
import { CreditSchema } from './order.js';
import { CustomerListItemSchema, CustomerSourceSchema, CustomerStatusSchema, SettableStatusSchema, UfSchema } from './customer.js';
import { PasswordSchema } from './password.js';
import { CustomerListQuerySchema } from './query.js';

const datetime = () => z.iso.datetime({ offset: true });

/** One page of `GET /customers`: list items, each with its document masked. */
export const CustomerPageSchema = z.strictObject({
  items: z.array(CustomerListItemSchema),
  nextCursor: z.nullable(z.string()),
  total: z.int().check(z.nonnegative()),
});

export const CategoryListSchema = z.strictObject({ items: z.array(CategorySchema) });

/**
 * The filter of a bulk action or an export: the list query without paging (`q`, `kind`, `status`,
 * `categoryId`, and `filter`, a filter in its text form).
 */
export const CustomerFilterSchema = z.omit(CustomerListQuerySchema, { cursor: true, limit: true, sort: true, offset: true, unit: true });

const ids = z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(100_000));

/**
 * Which customers a bulk action or an export applies to: these `ids`, or every customer matching
 * `filter` except `exceptIds` — what a list sends when "all matching" is selected and some rows
 * were unticked since, so the ids of the rest never have to be fetched. `exceptIds` needs
 * `filter` (422 `except_without_filter`); `ids` and `filter` together select the ids that match.
 */
export const CustomerTargetSchema = z.strictObject({
  ids: z.optional(ids),
  filter: z.optional(CustomerFilterSchema),
  exceptIds: z.optional(ids),
});

/** `POST /customers/bulk`: `ids`, or `filter` (with `exceptIds`), one action and its argument. */
export const BulkRequestSchema = z.strictObject({
  ...CustomerTargetSchema.def.shape,
  action: z.enum(['addCategories', 'removeCategories', 'setStatus', 'delete']),
  categoryIds: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
  status: z.optional(SettableStatusSchema),
});

export const BulkResultSchema = z.strictObject({
  matched: z.int().check(z.nonnegative()),
  updated: z.int().check(z.nonnegative()),
});

export const EXPORT_COLUMNS = [
  'id', 'kind', 'status', 'name', 'firstName', 'lastName', 'legalName', 'tradeName', 'document', 'email', 'phone',
  'whatsapp', 'stateRegistration', 'municipalRegistration', 'birthDate', 'postalCode', 'street', 'number',
  'complement', 'district', 'city', 'state', 'categories', 'source', 'loyaltyCard', 'discountPercent',
  'ordersCount', 'totalSpent', 'lastPurchaseAt', 'visitsCount', 'firstVisitAt', 'lastVisitAt', 'createdAt',
  // Marketing consent per channel (LGPD): exported as it stands, imported as consent records of source `import`.
  'consentEmail', 'consentSms', 'consentWhatsapp',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportDialect = (typeof EXPORT_DIALECTS)[number];

/**
 * How an export writes its cells. `br` (the default) is what Excel in pt-BR opens as intended:
 * CSV separated by `;`, decimal comma, dates `dd/mm/aaaa` in the store's time zone, labels
 * ("Ativo", "Pessoa física", "Sim"), formatted phones and documents; XLSX cells typed (money as
 * numbers in reais with a currency format, dates as dates). `machine` is for integrations: `,`,
 * decimal point, ISO 8601 dates, codes (`active`, `person`, `true`), E.164 phones, bare
 * documents, column keys as headers. The import reads both.
 */
export const EXPORT_DIALECTS = ['br', 'machine'] as const;

/** An IANA time zone this runtime knows (`America/Sao_Paulo`). */
const TimeZoneSchema = z.string().check(
  z.refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }),
);

/** `POST /exports`. */
export const ExportRequestSchema = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  dialect: z.optional(z.enum(EXPORT_DIALECTS)),
  /** The time zone whose calendar day a timestamp is written as (default `America/Sao_Paulo`). */
  timeZone: z.optional(TimeZoneSchema),
  resource: z.optional(z.enum(['customers', 'credits'])),
  ...CustomerTargetSchema.def.shape,
  columns: z.optional(z.array(z.enum(EXPORT_COLUMNS)).check(z.minLength(1))),
});

export const ImportRowErrorSchema = z.strictObject({
  row: z.int(),
  path: z.string(),
  code: z.string(),
  message: z.string(),
});

/** `POST /imports`: what happened (or would happen, on a dry run) to each row. */
export const ImportReportSchema = z.strictObject({
  dryRun: z.boolean(),
  totalRows: z.int(),
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  rejected: z.int(),
  errors: z.array(ImportRowErrorSchema),
  rows: z.array(
    z.strictObject({
      row: z.int(),
      outcome: z.enum(['create', 'update', 'unchanged', 'reject']),
      document: z.optional(z.string()),
      name: z.optional(z.string()),
      id: z.optional(z.string()),
      /** The marketing consent the row carries (its consent columns; the others as stored, or off). */
      marketingConsent: z.optional(z.strictObject({ email: z.boolean(), sms: z.boolean(), whatsapp: z.boolean() })),
    }),
  ),
});

// The actions of the data log are a zod-free list in rules/constants.ts (the log's action menu reads
// it without the schemas); re-exported here under its name.
export { AUDIT_ACTIONS } from '../rules/constants.js';

/** A record an audit entry names, with its name at the time of the action. */
export const AuditRefSchema = z.strictObject({ id: z.string(), name: z.string() });

/**
 * One entry of the data log. Besides who, when and how many, an entry keeps what a person needs
 * to read it as a sentence (`describeAuditEntry`): the names of the customer or categories it is
 * about as they were then, the fields an update changed, the bulk operation, the file format.
 */
export const AuditEntrySchema = z.strictObject({
  id: z.string(),
  at: datetime(),
  action: z.enum(AUDIT_ACTIONS),
  /**
   * Who acted: the key's label (`sk_live_…a1B2`: its prefix and last four), the managed key's name
   * (`keyName`; absent for the server's configured development keys) and the `X-Actor` name.
   */
  actor: z.strictObject({ keyId: z.string(), keyName: z.optional(z.string()), name: z.optional(z.string()) }),
  /** The customer or category acted on (its id). */
  target: z.optional(z.string()),
  /** Its display name (razão social, first + last name, category name) at the time. */
  targetName: z.optional(z.string()),
  /** The category's name before a rename. */
  previousName: z.optional(z.string()),
  /** The fields an update changed (`phone`, `address.city`, `categoryIds`, `name`, `status`…). */
  changes: z.optional(z.array(z.string())),
  /** How a customer was created (`storefront` for a self-registration). */
  source: z.optional(CustomerSourceSchema),
  /** A bulk action's operation, the categories it added or removed, the status it set. */
  operation: z.optional(z.enum(['addCategories', 'removeCategories', 'setStatus', 'delete'])),
  categories: z.optional(z.array(AuditRefSchema)),
  /** The status a bulk action set: a settable one, or `deleted` (a bulk delete). */
  status: z.optional(z.enum([...SETTABLE_STATUSES, 'deleted'])),
  /** Of the `count` records an action matched, how many it changed. */
  updated: z.optional(z.int()),
  /** An export's file format. */
  format: z.optional(z.enum(['csv', 'xlsx'])),
  /** An import's outcome per row. */
  outcome: z.optional(
    z.strictObject({ dryRun: z.boolean(), created: z.int(), updated: z.int(), unchanged: z.int(), rejected: z.int() }),
  ),
  filter: z.optional(z.record(z.string(), z.unknown())),
  columns: z.optional(z.array(z.string())),
  count: z.int(),
  sha256: z.optional(z.string()),
  detail: z.optional(z.string()),
  /** An order or credit write: the order (its number) or the grant, its amount and status change. */
  order: z.optional(z.strictObject({ id: z.string(), number: z.string() })),
  amountCents: z.optional(z.int()),
  fromStatus: z.optional(z.string()),
  toStatus: z.optional(z.string()),
  /** A message batch's channel, and the customers it left out (`count`: those it goes to). */
  channel: z.optional(z.enum(['email', 'sms', 'whatsapp', 'push'])),
  excluded: z.optional(z.strictObject({ noConsent: z.int(), noContact: z.int() })),
  /**
   * An API key's rotation: until when the old key keeps working. `api_key.bad_keys`: until when
   * the address's further unknown keys are refused.
   */
  until: z.optional(datetime()),
  /** `api_key.bad_keys`: the client address that sent more unknown, revoked or expired keys than the limit allows. */
  address: z.optional(z.string()),
  /** The other customers an action names: a dismissed pair's second one, the records merged into `target`. */
  customers: z.optional(z.array(AuditRefSchema)),
});

export const AuditQuerySchema = z.strictObject({
  action: z.optional(z.enum(AUDIT_ACTIONS)),
  since: z.optional(datetime()),
  until: z.optional(datetime()),
  cursor: z.optional(z.string()),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
});

export const AuditPageSchema = z.strictObject({
  items: z.array(AuditEntrySchema),
  nextCursor: z.nullable(z.string()),
});

/** `GET /credits`: customers holding credit, nearest expiry first. */
export const CreditWalletEntrySchema = z.strictObject({
  customerId: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
  credit: CreditSchema,
});
export const CreditWalletPageSchema = z.strictObject({
  items: z.array(CreditWalletEntrySchema),
  nextCursor: z.nullable(z.string()),
  total: z.int(),
});
export const CreditWalletQuerySchema = z.strictObject({
  status: z.optional(z.enum(CREDIT_STATES)),
  expiringBefore: z.optional(datetime()),
  cursor: z.optional(z.string()),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
});

/** `GET /cep/:cep`. */
export const CepAddressSchema = z.strictObject({
  postalCode: z.string(),
  /** Empty when the CEP covers a whole city, or only its UF is known. */
  street: z.string(),
  district: z.string(),
  /** Empty when only the UF is known (an offline answer from the CEP's range). */
  city: z.string(),
  state: UfSchema,
  /** What the answer knows: the street (`address`), the city (`city`), or only the UF (`state`). */
  precision: z.optional(z.enum(['address', 'city', 'state'])),
  /** The municipality's 7-digit IBGE code, when the city is known to be one of the IBGE list. */
  ibgeCode: z.optional(z.string().check(z.regex(/^\d{7}$/))),
});


export const SessionCreateSchema = z.strictObject({ email: z.email(), password: z.string().check(z.minLength(1)) });
export const SessionSchema = z.strictObject({
  token: z.string(),
  customerId: z.string(),
  name: z.string(),
  expiresAt: datetime(),
  /** `approved`: the first sign-in after the store approved this self-registration (private catalog). */
  notice: z.optional(z.enum(['approved'])),
});
export const InvitationSchema = z.strictObject({
  token: z.string(),
  customerId: z.string(),
  expiresAt: datetime(),
  url: z.optional(z.string()),
});
/** `POST /public/password`: the invitation's token, the e-mail it was made for, and the new password. */
export const PasswordSetSchema = z.strictObject({ token: z.string().check(z.minLength(1)), email: z.email(), password: PasswordSchema });

export const CustomerStatusChangeSchema = z.strictObject({ status: CustomerStatusSchema });

export type CustomerPage = z.infer<typeof CustomerPageSchema>;
export type CustomerFilter = z.input<typeof CustomerFilterSchema>;
export type CustomerTarget = z.input<typeof CustomerTargetSchema>;
export type BulkRequest = z.input<typeof BulkRequestSchema>;
export type BulkResult = z.infer<typeof BulkResultSchema>;
export type ExportRequest = z.input<typeof ExportRequestSchema>;
export type ImportReport = z.infer<typeof ImportReportSchema>;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditRef = z.infer<typeof AuditRefSchema>;
export type AuditQuery = z.input<typeof AuditQuerySchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;
export type CreditWalletEntry = z.infer<typeof CreditWalletEntrySchema>;
export type CreditWalletPage = z.infer<typeof CreditWalletPageSchema>;
export type CreditWalletQuery = z.input<typeof CreditWalletQuerySchema>;
export type CepAddress = z.infer<typeof CepAddressSchema>;
export type SessionCreate = z.input<typeof SessionCreateSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type Invitation = z.infer<typeof InvitationSchema>;
