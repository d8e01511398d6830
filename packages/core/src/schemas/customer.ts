import * as z from 'zod/mini';
import {
  isValidCep,
  isValidCnpj,
  isValidCpf,
  isValidPhoneBR,
  isValidStateRegistration,
  UFS,
} from '../validation/documents.js';
import { coded, rule } from './rules.js';

export const CUSTOMER_KINDS = ['person', 'company'] as const;
export const CUSTOMER_STATUSES = ['active', 'inactive', 'blocked', 'deleted'] as const;
export const CUSTOMER_SOURCES = ['admin', 'storefront', 'pos', 'import', 'api'] as const;
export const ACCOUNT_STATUSES = ['none', 'invited', 'active'] as const;

export const CustomerKindSchema = coded(z.enum(CUSTOMER_KINDS), 'invalid_kind');
export const CustomerStatusSchema = z.enum(CUSTOMER_STATUSES);
export const CustomerSourceSchema = z.enum(CUSTOMER_SOURCES);
export const UfSchema = coded(z.enum(UFS), 'invalid_uf');

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));
const datetime = () => z.iso.datetime({ offset: true });

const cpfCheck = z.check<string>((ctx) => {
  if (isValidCpf(ctx.value)) return;
  ctx.issues.push({ code: 'custom', input: ctx.value, params: { code: isValidCnpj(ctx.value) ? 'cnpj_on_person' : 'invalid_cpf' } });
});
const cnpjCheck = z.check<string>((ctx) => {
  if (isValidCnpj(ctx.value)) return;
  ctx.issues.push({ code: 'custom', input: ctx.value, params: { code: isValidCpf(ctx.value) ? 'cpf_on_company' : 'invalid_cnpj' } });
});

/** A CPF as typed by a person (punctuation allowed); the server stores it normalized. */
export const CpfSchema = z.string().check(cpfCheck);
/** A numeric or alphanumeric CNPJ as typed (punctuation, lowercase allowed). */
export const CnpjSchema = z.string().check(cnpjCheck);
/** A CEP as typed, `01310-100` or `01310100`. */
export const CepSchema = z.string().check(rule('invalid_cep', isValidCep));
/** A Brazilian phone in any usual format; stored as E.164. */
export const PhoneSchema = z.string().check(rule('invalid_phone', isValidPhoneBR));

export const AddressSchema = z.strictObject({
  postalCode: CepSchema,
  street: text(120),
  number: z.optional(z.string().check(z.trim(), z.maxLength(20))),
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
  lastPurchaseAt: z.nullable(datetime()),
  visitsCount: z.int().check(z.nonnegative()),
  firstVisitAt: z.nullable(datetime()),
  lastVisitAt: z.nullable(datetime()),
  averageRating: z.nullable(z.number().check(z.gte(1), z.lte(5))),
});

export const AccountSchema = z.strictObject({ status: z.enum(ACCOUNT_STATUSES) });

/** Fields a person or a company may both carry, as written by a client. */
const writableCommon = {
  status: z.optional(CustomerStatusSchema),
  email: z.optional(z.email()),
  phone: z.optional(PhoneSchema),
  whatsapp: z.optional(z.boolean()),
  address: z.optional(AddressSchema),
  categoryIds: z.optional(z.array(z.string().check(z.minLength(1)))),
  marketingConsent: z.optional(z.strictObject({ email: z.boolean(), sms: z.boolean(), whatsapp: z.boolean() })),
  source: z.optional(CustomerSourceSchema),
  loyaltyCard: optionalText(40),
  discountPercent: z.optional(z.number().check(z.gte(0), z.lte(100))),
  notes: optionalText(2000),
};

const writablePerson = {
  firstName: text(80),
  lastName: text(120),
  birthDate: z.optional(z.iso.date()),
};

const writableCompany = {
  legalName: text(160),
  tradeName: optionalText(160),
  stateRegistration: optionalText(20),
  municipalRegistration: optionalText(20),
  firstName: optionalText(80),
  lastName: optionalText(120),
};

/** The inscrição estadual is checked against the address's UF, so it is an object-level rule. */
export const stateRegistrationCheck = z.check<{ stateRegistration?: string | undefined; address?: { state?: string } | undefined }>((ctx) => {
  const ie = ctx.value.stateRegistration;
  if (!ie) return;
  const uf = ctx.value.address?.state;
  if (uf === undefined ? /^isento$/i.test(ie.trim()) : isValidStateRegistration(ie, uf)) return;
  ctx.issues.push({ code: 'custom', input: ie, path: ['stateRegistration'], params: { code: 'invalid_state_registration' } });
});

// ---- read model -------------------------------------------------------------------------------

const readCommon = {
  id: z.string(),
  status: CustomerStatusSchema,
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  whatsapp: z.boolean(),
  /** Normalized, or masked (`***.456.789-**`) in list items. */
  document: z.string(),
  address: z.optional(AddressSchema),
  categoryIds: z.array(z.string()),
  marketingConsent: MarketingConsentSchema,
  source: CustomerSourceSchema,
  account: AccountSchema,
  loyaltyCard: z.optional(z.string()),
  discountPercent: z.optional(z.number()),
  stats: CustomerStatsSchema,
  notes: z.optional(z.string()),
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

// ---- create and patch -------------------------------------------------------------------------

export const PersonCustomerCreateSchema = z.strictObject({
  kind: z.literal('person'),
  document: CpfSchema,
  ...writableCommon,
  ...writablePerson,
});

export const CompanyCustomerCreateSchema = z
  .strictObject({
    kind: z.literal('company'),
    document: CnpjSchema,
    ...writableCommon,
    ...writableCompany,
  })
  .check(stateRegistrationCheck);

/** The body of `POST /customers`: a person (CPF) or a company (CNPJ). */
export const CustomerCreateSchema = coded(
  z.discriminatedUnion('kind', [PersonCustomerCreateSchema, CompanyCustomerCreateSchema]),
  'invalid_kind',
);

function clearable<T extends z.ZodMiniType>(schema: T) {
  return z.optional(z.nullable(schema));
}

/**
 * The body of `PATCH /customers/:id`: any writable field; `null` clears an optional one. The kind
 * cannot change; the document is checked against the stored kind by the server.
 */
export const CustomerPatchSchema = z.strictObject({
  document: z.optional(z.string().check(z.minLength(1))),
  status: z.optional(CustomerStatusSchema),
  email: clearable(z.email()),
  phone: clearable(PhoneSchema),
  whatsapp: z.optional(z.boolean()),
  address: clearable(AddressSchema),
  categoryIds: z.optional(z.array(z.string().check(z.minLength(1)))),
  marketingConsent: z.optional(z.strictObject({ email: z.boolean(), sms: z.boolean(), whatsapp: z.boolean() })),
  loyaltyCard: clearable(z.string().check(z.trim(), z.maxLength(40))),
  discountPercent: clearable(z.number().check(z.gte(0), z.lte(100))),
  notes: clearable(z.string().check(z.maxLength(2000))),
  firstName: clearable(z.string().check(z.trim(), z.minLength(1), z.maxLength(80))),
  lastName: clearable(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
  birthDate: clearable(z.iso.date()),
  legalName: z.optional(text(160)),
  tradeName: clearable(z.string().check(z.trim(), z.maxLength(160))),
  stateRegistration: clearable(z.string().check(z.trim(), z.maxLength(20))),
  municipalRegistration: clearable(z.string().check(z.trim(), z.maxLength(20))),
});

/** Schemas the server uses to check a merged record of each kind after a patch. */
export const CustomerWritableByKind = {
  person: PersonCustomerCreateSchema,
  company: CompanyCustomerCreateSchema,
} as const;

export type CustomerKind = z.infer<typeof CustomerKindSchema>;
export type CustomerStatus = z.infer<typeof CustomerStatusSchema>;
export type CustomerSource = z.infer<typeof CustomerSourceSchema>;
export type Address = z.infer<typeof AddressSchema>;
export type MarketingConsent = z.infer<typeof MarketingConsentSchema>;
export type CustomerStats = z.infer<typeof CustomerStatsSchema>;
export type PersonCustomer = z.infer<typeof PersonCustomerSchema>;
export type CompanyCustomer = z.infer<typeof CompanyCustomerSchema>;
export type Customer = z.infer<typeof CustomerSchema>;
export type CustomerCreate = z.input<typeof CustomerCreateSchema>;
export type CustomerPatch = z.input<typeof CustomerPatchSchema>;
