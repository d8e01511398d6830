// The registration settings' vocabulary and defaults, with no zod in this file: the form renders
// its fields from these before (and without) loading any schema; settings.ts builds the schema.
import type { RegistrationSettings } from '../schemas/settings.js';

export const FIELD_RULES = ['required', 'optional', 'hidden'] as const;

/**
 * Fields a store may configure per kind. The document and the name (first and last name of a
 * person, razão social of a company) are always required: a customer cannot be told apart
 * without them, so they are not listed here.
 */
export const PERSON_SETTING_FIELDS = ['email', 'phone', 'birthDate', 'address'] as const;
export const COMPANY_SETTING_FIELDS = [
  'email',
  'phone',
  'responsible',
  'tradeName',
  'stateRegistration',
  'municipalRegistration',
  'address',
] as const;

/** Sensible defaults: e-mail required (it is how customers sign in), the rest optional. */
export const DEFAULT_REGISTRATION_SETTINGS: RegistrationSettings = {
  person: { email: 'required', phone: 'optional', birthDate: 'optional', address: 'optional' },
  company: {
    email: 'required',
    phone: 'optional',
    responsible: 'optional',
    tradeName: 'optional',
    stateRegistration: 'optional',
    municipalRegistration: 'optional',
    address: 'optional',
  },
};

export type PersonSettingField = (typeof PERSON_SETTING_FIELDS)[number];
export type CompanySettingField = (typeof COMPANY_SETTING_FIELDS)[number];
