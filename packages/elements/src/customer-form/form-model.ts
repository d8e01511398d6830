/**
 * The rules of `<cl-customer-form>` that need no DOM: which fields a kind shows and requires, the
 * request body made from what was typed, the required fields left empty, and the fields of a
 * stored record. None of it imports a schema: core's schema checks are in form-validation.ts,
 * which the form loads with its first input. The element keeps the rendering, the events
 * and the round trips; these are plain functions, tested in Node (`form-model.node.test.ts`).
 */
import type { Customer, FieldRule, Locale, RegistrationSettings } from '@clientela/core';
import { formatDateBR, formatDocument, isMasked, normalizeDocument, parseDateBR } from '@clientela/core/format';
import { issueMessage } from '@clientela/core/i18n';
import { DEFAULT_REGISTRATION_SETTINGS, fieldRules } from '@clientela/core/rules';
import { applyMask, type MaskKind } from './masks.js';

export type Kind = 'person' | 'company';
export type Mode = 'admin' | 'storefront' | 'account';

/** The parts of an address, in the order the form shows them. */
export const ADDRESS_FIELDS = ['postalCode', 'street', 'number', 'complement', 'district', 'city', 'state'] as const;

/** The address parts an address cannot be sent without. */
const ADDRESS_REQUIRED = ['postalCode', 'street', 'city', 'state'] as const;

/** The mask of each masked field but the document, whose mask follows the kind. */
const FIELD_MASKS: Record<string, MaskKind> = { phone: 'phone', 'address.postalCode': 'cep', birthDate: 'date' };

/** The mask of the field at `path` for `kind` (CPF or CNPJ for the document), if it has one. */
export function maskFor(path: string, kind: Kind): MaskKind | undefined {
  return path === 'document' ? (kind === 'person' ? 'cpf' : 'cnpj') : FIELD_MASKS[path];
}

/** What the fields hold: the kind, each text field's value by path, and each checkbox. */
export interface FormState {
  kind: Kind;
  values: Readonly<Record<string, string>>;
  checks: Readonly<Record<string, boolean>>;
}

/** Required, optional or hidden, for each field of `kind` under the registration settings (their defaults when none). */
export function rulesFor(settings: RegistrationSettings | undefined, kind: Kind): Record<string, FieldRule> {
  return fieldRules(settings ?? DEFAULT_REGISTRATION_SETTINGS, kind);
}

/** How a body is made: for whom (`mode`), an edit's `patch`, and what an edit must not resend. */
export interface BodyOptions {
  mode: Mode;
  rules: Readonly<Record<string, FieldRule>>;
  /** An edit: empty optional fields become `null` (cleared), and the document goes only when changed. */
  patch?: boolean;
  /** The categories chosen (admin). */
  categoryIds?: readonly string[];
  /** The document field shows the stored document masked: it is not the person's input. */
  docMasked?: boolean;
  /** The stored record's document (an edit does not send it back unchanged). */
  storedDocument?: string | undefined;
}

/**
 * The request body for what was typed. Hidden fields are left out; masks are presentation (the
 * CEP goes as 8 digits, the document normalized); a birth date typed dd/mm/aaaa goes as ISO,
 * while text that is no date goes as typed so that the schema names it (`invalid_date`).
 *
 * @example
 * requestBody({ kind: 'person', values: { document: '529.982.247-25', firstName: 'Ana', lastName: 'Souza' }, checks: {} }, { mode: 'storefront', rules });
 */
export function requestBody(state: FormState, o: BodyOptions): Record<string, unknown> {
  const { kind, checks } = state;
  const { rules, patch = false } = o;
  const value = (path: string) => (state.values[path] ?? '').trim();
  const body: Record<string, unknown> = { kind, document: normalizeDocument(value('document')) };
  const put = (path: string, v: string | undefined) => {
    if (rules[path] === 'hidden') return;
    if (v) body[path] = v;
    else if (patch) body[path] = null;
  };
  if (kind === 'person') {
    body['firstName'] = value('firstName');
    body['lastName'] = value('lastName');
    const typed = value('birthDate');
    put('birthDate', typed && (parseDateBR(typed) ?? typed));
  } else {
    body['legalName'] = value('legalName');
    put('tradeName', value('tradeName'));
    put('stateRegistration', checks['ieExempt'] ? 'ISENTO' : value('stateRegistration'));
    put('municipalRegistration', value('municipalRegistration'));
    put('firstName', value('firstName'));
    put('lastName', value('lastName'));
  }
  put('email', value('email'));
  put('phone', value('phone'));
  if (rules['phone'] !== 'hidden') body['whatsapp'] = Boolean(checks['whatsapp']);
  if (rules['address'] !== 'hidden') {
    const any = ADDRESS_FIELDS.some((k) => value(`address.${k}`));
    if (any || rules['address'] === 'required') {
      const address: Record<string, string> = { country: 'BR' };
      for (const k of ADDRESS_FIELDS) {
        let v = value(`address.${k}`);
        // The mask's hyphen is presentation: send the 8 digits.
        if (k === 'postalCode' && /^\d{5}-\d{3}$/.test(v)) v = v.replace('-', '');
        if (v || (ADDRESS_REQUIRED as readonly string[]).includes(k)) address[k] = v;
      }
      body['address'] = address;
    } else if (patch) body['address'] = null;
  }
  body['marketingConsent'] = { email: Boolean(checks['consent.email']), sms: Boolean(checks['consent.sms']), whatsapp: Boolean(checks['consent.whatsapp']) };
  if (o.mode === 'admin') body['categoryIds'] = [...(o.categoryIds ?? [])];
  if (o.mode === 'storefront' && state.values['password']) body['password'] = state.values['password'];
  // An edit sends the document only when it changed: never a masked one, never the same one.
  if (patch && (o.docMasked || body['document'] === o.storedDocument)) delete body['document'];
  return body;
}

/**
 * The fields the settings require and are empty, by path (the "required" message). It needs no
 * schema, so the form can say it before core's schemas have loaded; `fieldErrors`
 * (form-validation.ts) adds what the schema says of the rest.
 *
 * @example
 * requiredErrors({ kind: 'person', values: {}, checks: {} }, { mode: 'storefront', rules }, 'pt-BR'); // { firstName: 'Campo obrigatório.', … }
 */
export function requiredErrors(state: FormState, o: BodyOptions, locale: Locale): Record<string, string> {
  const value = (path: string) => (state.values[path] ?? '').trim();
  const errors: Record<string, string> = {};
  const required = issueMessage('required', locale);
  for (const [path, rule] of Object.entries(o.rules)) {
    if (rule !== 'required') continue;
    if (path === 'address') {
      for (const k of ADDRESS_REQUIRED) if (!value(`address.${k}`)) errors[`address.${k}`] = required;
    } else if (path === 'stateRegistration') {
      if (!state.checks['ieExempt'] && !value(path)) errors[path] = required;
    } else if (!value(path)) errors[path] = required;
  }
  return errors;
}

/** The fields whose errors a change of `path` can change (a UF changes the IE's rule…). */
export function affectedPaths(path: string): string[] {
  if (path === 'ieExempt' || path === 'address.state') return ['stateRegistration', path];
  if (path === 'password') return ['password', 'passwordConfirm'];
  return [path];
}

/**
 * A stored record as the form shows it: values masked as typed (the document masked when it came
 * masked, `docMasked`), the birth date dd/mm/aaaa, `ISENTO` as the exempt box, and the checkboxes.
 */
export function fieldsOf(record: Customer, docMasked: boolean): FormState & { categoryIds: string[] } {
  const values: Record<string, string> = {
    document: docMasked ? formatDocument(record.document, { masked: true }) : applyMask(record.kind === 'person' ? 'cpf' : 'cnpj', record.document),
    email: record.email ?? '',
    phone: applyMask('phone', record.phone ?? ''),
    firstName: record.firstName ?? '',
    lastName: record.lastName ?? '',
  };
  const checks: Record<string, boolean> = {};
  if (record.kind === 'person') values['birthDate'] = record.birthDate ? formatDateBR(record.birthDate) : '';
  else {
    values['legalName'] = record.legalName;
    values['tradeName'] = record.tradeName ?? '';
    values['municipalRegistration'] = record.municipalRegistration ?? '';
    const ie = record.stateRegistration ?? '';
    values['stateRegistration'] = /^isento$/i.test(ie) ? '' : ie;
    checks['ieExempt'] = /^isento$/i.test(ie);
  }
  const a = record.address;
  for (const key of ADDRESS_FIELDS) values[`address.${key}`] = a ? String(a[key] ?? '') : '';
  if (a) values['address.postalCode'] = applyMask('cep', a.postalCode);
  checks['whatsapp'] = record.whatsapp;
  checks['consent.email'] = record.marketingConsent.email;
  checks['consent.sms'] = record.marketingConsent.sms;
  checks['consent.whatsapp'] = record.marketingConsent.whatsapp;
  return { kind: record.kind, values, checks, categoryIds: [...record.categoryIds] };
}

/** Whether a stored document came masked (a list item, or a record read masked). */
export const documentIsMasked = (record: Customer): boolean => isMasked(record.document);
