import type { Customer, RegistrationSettings } from '@clientela/core';
import { DEFAULT_REGISTRATION_SETTINGS } from '@clientela/core/schemas';
import { describe, expect, it } from 'vitest';
import { affectedPaths, fieldsOf, maskFor, requestBody, rulesFor, type FormState } from './form-model.js';
import { fieldErrors } from './form-validation.js';

// The form's rules without a browser: the body made from what was typed, the field errors, and
// a stored record back into fields.

const person = (values: Record<string, string>, checks: Record<string, boolean> = {}): FormState => ({
  kind: 'person',
  values: { document: '529.982.247-25', firstName: ' Ana ', lastName: 'Souza', ...values },
  checks,
});
const rules = rulesFor(undefined, 'person');

describe('requestBody', () => {
  it('normalizes what the masks added and sends a dd/mm/aaaa birth date as ISO', () => {
    const body = requestBody(person({ birthDate: '15/03/1990', 'address.postalCode': '01310-100', 'address.street': 'Av. Paulista', 'address.city': 'São Paulo', 'address.state': 'SP' }, { whatsapp: true }), { mode: 'storefront', rules });
    expect(body).toMatchObject({ kind: 'person', document: '52998224725', firstName: 'Ana', birthDate: '1990-03-15', whatsapp: true });
    expect(body['address']).toEqual({ country: 'BR', postalCode: '01310100', street: 'Av. Paulista', city: 'São Paulo', state: 'SP' });
    expect(body).not.toHaveProperty('categoryIds');
    expect(requestBody(person({ birthDate: '31/02/1990' }), { mode: 'storefront', rules })['birthDate']).toBe('31/02/1990');
  });

  it('leaves hidden fields out, sends an exempt IE as ISENTO, and categories only for the admin', () => {
    const settings: RegistrationSettings = { ...DEFAULT_REGISTRATION_SETTINGS, company: { ...DEFAULT_REGISTRATION_SETTINGS.company, phone: 'hidden' } };
    const company: FormState = { kind: 'company', values: { document: '11.222.333/0001-81', legalName: 'ACME Ltda', phone: '(11) 98765-4321', stateRegistration: '123' }, checks: { ieExempt: true, whatsapp: true } };
    const body = requestBody(company, { mode: 'admin', rules: rulesFor(settings, 'company'), categoryIds: ['cat_1'] });
    expect(body).toMatchObject({ kind: 'company', document: '11222333000181', stateRegistration: 'ISENTO', categoryIds: ['cat_1'] });
    expect(body).not.toHaveProperty('phone');
    expect(body).not.toHaveProperty('whatsapp');
  });

  it('an edit clears emptied optional fields and never resends a masked or unchanged document', () => {
    const edit = requestBody(person({ email: '' }), { mode: 'admin', rules, patch: true, storedDocument: '52998224725' });
    expect(edit['email']).toBeNull();
    expect(edit['address']).toBeNull();
    expect(edit).not.toHaveProperty('document');
    expect(requestBody(person({ document: '***.982.247-**' }), { mode: 'admin', rules, patch: true, docMasked: true })).not.toHaveProperty('document');
    expect(requestBody(person({ document: '111.444.777-35' }), { mode: 'admin', rules, patch: true, storedDocument: '52998224725' })['document']).toBe('11144477735');
  });
});

describe('fieldErrors', () => {
  it('names the required fields the settings ask for, then what core says of the values', () => {
    const required = rulesFor({ ...DEFAULT_REGISTRATION_SETTINGS, person: { ...DEFAULT_REGISTRATION_SETTINGS.person, phone: 'required', address: 'required' } }, 'person');
    const errors = fieldErrors(person({ document: '111.111.111-11', email: 'ana@' }), { mode: 'storefront', rules: required }, 'pt-BR');
    expect(errors).toMatchObject({ phone: 'Campo obrigatório.', 'address.postalCode': 'Campo obrigatório.', document: 'CPF inválido.', email: 'Informe um e-mail válido.' });
    expect(fieldErrors(person({ email: 'ana@example.com' }), { mode: 'storefront', rules }, 'pt-BR')).toEqual({});
  });

  it('does not check a masked document, which is the stored one', () => {
    expect(fieldErrors(person({ document: '***.982.247-**' }), { mode: 'admin', rules, docMasked: true }, 'pt-BR')).not.toHaveProperty('document');
  });
});

describe('fields of a stored record', () => {
  const record = {
    id: 'cus_1', kind: 'company', status: 'active', document: '11222333000181', legalName: 'ACME Ltda', stateRegistration: 'Isento', whatsapp: true,
    phone: '+5511987654321', address: { postalCode: '01310100', street: 'Av. Paulista', city: 'São Paulo', state: 'SP', country: 'BR' },
    marketingConsent: { email: true, sms: false, whatsapp: false }, categoryIds: ['cat_1'],
  } as unknown as Customer;

  it('shows values as typed, ISENTO as the exempt box, and round-trips to the same body', () => {
    const fields = fieldsOf(record, false);
    expect(fields.values).toMatchObject({ document: '11.222.333/0001-81', stateRegistration: '', 'address.postalCode': '01310-100', phone: '(11) 98765-4321' });
    expect(fields.checks).toMatchObject({ ieExempt: true, whatsapp: true, 'consent.email': true });
    expect(fields.categoryIds).toEqual(['cat_1']);
    const body = requestBody(fields, { mode: 'admin', rules: rulesFor(undefined, 'company'), categoryIds: fields.categoryIds });
    expect(body).toMatchObject({ document: '11222333000181', stateRegistration: 'ISENTO', address: { postalCode: '01310100', street: 'Av. Paulista' } });
    expect(fieldsOf(record, true).values['document']).toContain('*');
  });
});

describe('masks and related fields', () => {
  it('masks the document by kind and re-checks the fields a change affects', () => {
    expect([maskFor('document', 'person'), maskFor('document', 'company'), maskFor('phone', 'person'), maskFor('email', 'person')]).toEqual(['cpf', 'cnpj', 'phone', undefined]);
    expect(affectedPaths('address.state')).toEqual(['stateRegistration', 'address.state']);
    expect(affectedPaths('password')).toEqual(['password', 'passwordConfirm']);
  });
});
