import * as z from 'zod/mini';
import { isValidCnpj, isValidCpf, isValidPhoneBR, isValidStateRegistration } from '../validation/documents.js';
import {
  AddressSchema,
  CustomerSourceSchema,
  ExternalIdSchema,
  CustomerStatusSchema,
  optionalText,
  text,
} from './customer.js';
import { birthDateProblem } from '../format/date.js';
import { PasswordSchema } from './password.js';
import { coded, plainMultilineText, plainText, rule } from './rules.js';

// What a client may write: create and patch bodies, with the Brazilian document rules.

/** A birth date: a real ISO date, not in the future, and not more than 120 years ago. */
const BirthDateSchema = z.iso.date().check(
  z.check<string>((ctx) => {
    const problem = birthDateProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, params: { code: problem } });
  }),
);

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
/** A Brazilian phone in any usual format; stored as E.164. */
export const PhoneSchema = z.string().check(rule('invalid_phone', isValidPhoneBR));

/**
 * Fields a create may leave out because the server fills a default (status `active`, no
 * categories, no consent): a patch may set them but not clear them.
 */
const defaulted = {
  status: z.optional(CustomerStatusSchema),
  whatsapp: z.optional(z.boolean()),
  categoryIds: z.optional(z.array(z.string().check(z.minLength(1), plainText()))),
  marketingConsent: z.optional(z.strictObject({ email: z.boolean(), sms: z.boolean(), whatsapp: z.boolean() })),
};

/** A discount in percent, 0 to 100 (a customer's own, a category's). */
export const DiscountPercentSchema = z.number().check(z.gte(0), z.lte(100));

/** Optional fields a person or a company may both carry: a patch clears one with `null`. */
const optionalCommon = {
  email: z.optional(z.email()),
  phone: z.optional(PhoneSchema),
  address: z.optional(AddressSchema),
  loyaltyCard: optionalText(40),
  discountPercent: z.optional(DiscountPercentSchema),
  notes: optionalText(2000, { multiline: true }),
};

/** Fields a person or a company may both carry, as written by a client. */
const writableCommon = {
  ...defaulted,
  source: z.optional(CustomerSourceSchema),
  ...optionalCommon,
};

const writablePerson = {
  firstName: text(80),
  lastName: text(120),
  birthDate: z.optional(BirthDateSchema),
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

/** `schema`, or `null` to clear the field, or absent to leave it. */
function clearable<T extends z.ZodMiniType>(schema: T) {
  return z.optional(z.nullable(schema));
}

/** Each field of `shape` made {@link clearable}, its own rules unchanged. */
function clearableShape<S extends Record<string, z.ZodMiniType>>(shape: S): { [K in keyof S]: z.ZodMiniOptional<z.ZodMiniNullable<S[K]>> } {
  const out: Record<string, z.ZodMiniType> = {};
  for (const [key, schema] of Object.entries(shape)) out[key] = clearable(schema);
  return out as { [K in keyof S]: z.ZodMiniOptional<z.ZodMiniNullable<S[K]>> };
}

/**
 * The body of `PATCH /customers/:id`: any writable field; `null` clears an optional one. The kind
 * and the source cannot change; the document is checked against the stored kind by the server,
 * which also checks the merged record against {@link CustomerWritableByKind}. Every limit here is
 * the writable shape's own.
 */
export const CustomerPatchSchema = z.strictObject({
  document: z.optional(z.string().check(z.minLength(1), plainText())),
  ...defaulted,
  ...clearableShape(optionalCommon),
  ...clearableShape({
    firstName: writablePerson.firstName,
    lastName: writablePerson.lastName,
    birthDate: writablePerson.birthDate,
    tradeName: writableCompany.tradeName,
    stateRegistration: writableCompany.stateRegistration,
    municipalRegistration: writableCompany.municipalRegistration,
  }),
  legalName: z.optional(writableCompany.legalName),
});

/** Schemas the server uses to check a merged record of each kind after a patch. */
export const CustomerWritableByKind = {
  person: PersonCustomerCreateSchema,
  company: CompanyCustomerCreateSchema,
} as const;

export type CustomerCreate = z.input<typeof CustomerCreateSchema>;
export type CustomerPatch = z.input<typeof CustomerPatchSchema>;

/** `POST /public/registrations`: a create body plus an optional password. */
/** The version of the marketing consent text the form showed (LGPD #18: recorded with the consent; default: the current one). */
const consentTextVersion = z.optional(z.int().check(z.positive()));

export const PublicRegistrationSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...PersonCustomerCreateSchema.shape, password: z.optional(PasswordSchema), consentTextVersion }),
  z.strictObject({ ...CompanyCustomerCreateSchema.shape, password: z.optional(PasswordSchema), consentTextVersion }).check(stateRegistrationCheck),
]);

export type PublicRegistration = z.input<typeof PublicRegistrationSchema>;

// ---- sync by document (#16 §2) ----------------------------------------------------------------

/**
 * What a syncing system says of a customer: which system it is (`source`, required) and its own
 * id for the customer (`externalId`), then the fields it knows. The document is the path's; a
 * `document` in the body must be the same one.
 */
const syncCommon = {
  source: CustomerSourceSchema,
  externalId: z.optional(ExternalIdSchema),
  ...defaulted,
  ...optionalCommon,
};

/**
 * The body of `PUT /customers/by-document/{document}`: a person (CPF) or a company (CNPJ) as the
 * syncing system knows them. A new customer is created from it; an existing one gets the fields
 * the body carries (the others stay), the system added to its `sources` and `externalId` stored
 * under `externalIds[source]`.
 */
export const CustomerSyncSchema = coded(
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('person'), document: z.optional(CpfSchema), ...syncCommon, ...writablePerson }),
    z.strictObject({ kind: z.literal('company'), document: z.optional(CnpjSchema), ...syncCommon, ...writableCompany }).check(stateRegistrationCheck),
  ]),
  'invalid_kind',
);

export type CustomerSync = z.input<typeof CustomerSyncSchema>;
