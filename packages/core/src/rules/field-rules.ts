import type { CustomerKind } from '../schemas/customer.js';
import type { FieldRule, RegistrationSettings } from '../schemas/settings.js';

/** The customer fields a rule applies to, by their path in a create body. */
export type PersonRulePath = 'firstName' | 'lastName' | 'document' | 'birthDate' | 'email' | 'phone' | 'address';
export type CompanyRulePath =
  | 'legalName'
  | 'document'
  | 'tradeName'
  | 'stateRegistration'
  | 'municipalRegistration'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'address';

/**
 * The rule (`required`, `optional`, `hidden`) of each field of a customer of `kind` under a store's
 * registration settings, by the field's path in a create body. The document and the name (first
 * and last name of a person, razão social of a company) are always required; a company's
 * `responsible` setting rules its contact's first and last name. The server checks a create
 * against this, and the form renders and validates from it, so the two cannot disagree. The keys
 * come in the order the form shows the fields, which is the order its error summary lists them.
 *
 * @example
 * fieldRules(DEFAULT_REGISTRATION_SETTINGS, 'company').firstName; // 'optional' (the responsible's)
 */
export function fieldRules(settings: RegistrationSettings, kind: 'person'): Record<PersonRulePath, FieldRule>;
export function fieldRules(settings: RegistrationSettings, kind: 'company'): Record<CompanyRulePath, FieldRule>;
export function fieldRules(settings: RegistrationSettings, kind: CustomerKind): Partial<Record<PersonRulePath | CompanyRulePath, FieldRule>>;
export function fieldRules(settings: RegistrationSettings, kind: CustomerKind): Partial<Record<PersonRulePath | CompanyRulePath, FieldRule>> {
  if (kind === 'person') {
    const p = settings.person;
    return { firstName: 'required', lastName: 'required', document: 'required', birthDate: p.birthDate, email: p.email, phone: p.phone, address: p.address };
  }
  const c = settings.company;
  return {
    legalName: 'required',
    document: 'required',
    tradeName: c.tradeName,
    stateRegistration: c.stateRegistration,
    municipalRegistration: c.municipalRegistration,
    firstName: c.responsible,
    lastName: c.responsible,
    email: c.email,
    phone: c.phone,
    address: c.address,
  };
}
