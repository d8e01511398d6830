import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../i18n/locale.js';
import { loadLocale } from '../i18n/load.js';
import { resolveLocale } from '../i18n/locale.js';
import { CategoryCreateSchema, CategoryPatchSchema } from './category.js';
import { SETTABLE_STATUSES } from '../rules/constants.js';
import { CustomerListItemSchema, CustomerSchema } from './customer.js';
import { CustomerCreateSchema, CustomerPatchSchema } from './customer-write.js';
import { CustomerListQuerySchema } from './query.js';
import { parseWith } from './rules.js';
import { fieldRules } from '../rules/field-rules.js';
import { AuditEntrySchema, BulkRequestSchema } from './operations.js';
import { DEFAULT_REGISTRATION_SETTINGS } from '../rules/registration-fields.js';
import { RegistrationSettingsSchema, type RegistrationSettings } from './settings.js';

const person = {
  kind: 'person',
  document: '529.982.247-25',
  firstName: 'João',
  lastName: 'da Silva',
  email: 'joao@example.com.br',
  phone: '(11) 98765-4321',
  address: { postalCode: '01310-100', street: 'Avenida Paulista', number: '1578', city: 'São Paulo', state: 'SP' },
};

const company = {
  kind: 'company',
  document: '12.abc.345/01de-35',
  legalName: 'Comércio de Calçados Ltda',
  stateRegistration: '110.042.490.114',
  address: { postalCode: '01310-100', street: 'Avenida Paulista', city: 'São Paulo', state: 'SP' },
};

function codes(schema: Parameters<typeof parseWith>[0], input: unknown, locale: Locale = 'pt-BR') {
  const result = parseWith(schema, input, locale);
  if (result.success) return [];
  return result.issues.map((i) => `${i.path}:${i.code}`);
}

// en and es are loaded on demand (pt-BR is built in).
beforeAll(() => Promise.all([loadLocale('en'), loadLocale('es')]));

describe('CustomerCreateSchema', () => {
  it('accepts a valid person and a company with an alphanumeric CNPJ', () => {
    expect(parseWith(CustomerCreateSchema, person).success).toBe(true);
    expect(parseWith(CustomerCreateSchema, company).success).toBe(true);
  });

  it('trims text', () => {
    const r = parseWith(CustomerCreateSchema, { ...person, firstName: '  João  ' });
    expect(r.success && r.data.kind === 'person' && r.data.firstName).toBe('João');
  });

  it.each([
    [{ ...person, document: '529.982.247-26' }, 'document:invalid_cpf'],
    [{ ...company, document: '11.222.333/0001-82' }, 'document:invalid_cnpj'],
    [{ ...person, document: '11.222.333/0001-81' }, 'document:cnpj_on_person'],
    [{ ...company, document: '529.982.247-25' }, 'document:cpf_on_company'],
    [{ ...person, phone: '(20) 98765-4321' }, 'phone:invalid_phone'],
    [{ ...person, email: 'joao@' }, 'email:invalid_email'],
    [{ ...person, address: { ...person.address, postalCode: '0131-0100' } }, 'address.postalCode:invalid_cep'],
    [{ ...person, address: { ...person.address, state: 'XX' } }, 'address.state:invalid_uf'],
    [{ ...company, stateRegistration: '110.042.490.113' }, 'stateRegistration:invalid_state_registration'],
    [{ ...company, address: { ...company.address, state: 'RJ' } }, 'stateRegistration:invalid_state_registration'],
    [{ ...person, firstName: '   ' }, 'firstName:required'],
    [{ ...person, birthDate: '1990-02-30' }, 'birthDate:invalid_date'],
    [{ ...person, nickname: 'Jo' }, 'nickname:unrecognized_key'],
    [{ ...person, kind: 'alien' }, 'kind:invalid_kind'],
  ])('rejects with a stable code (%#: %s)', (input, expected) => {
    expect(codes(CustomerCreateSchema, input)).toContain(expected);
  });

  it('accepts ISENTO as inscrição estadual', () => {
    expect(parseWith(CustomerCreateSchema, { ...company, stateRegistration: 'Isento' }).success).toBe(true);
  });

  it('reports a missing required field as required', () => {
    const { firstName: _omit, ...rest } = person;
    expect(codes(CustomerCreateSchema, rest)).toEqual(['firstName:required']);
  });

  it.each([
    ['pt-BR', 'CPF inválido.'],
    ['en', 'Invalid CPF.'],
    ['es', 'CPF no válido.'],
  ] as const)('localizes messages in %s', (locale, message) => {
    const r = parseWith(CustomerCreateSchema, { ...person, document: '111.111.111-11' }, locale);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]).toEqual({ path: 'document', code: 'invalid_cpf', message });
  });

  it.each(['pt-BR', 'en', 'es'] as const)('every message is a real sentence in %s', (locale) => {
    const r = parseWith(CustomerCreateSchema, { kind: 'person', document: 'x', email: 'y', phone: 'z', extra: 1 }, locale);
    expect(r.success).toBe(false);
    if (!r.success) for (const issue of r.issues) expect(issue.message).toMatch(/^[A-ZÁÉÍÓÚ].+\.$/);
  });
});

describe('CustomerPatchSchema', () => {
  it('makes everything optional and lets null clear a field', () => {
    expect(parseWith(CustomerPatchSchema, {}).success).toBe(true);
    expect(parseWith(CustomerPatchSchema, { phone: null, notes: null }).success).toBe(true);
  });
  it('still validates what is given, and rejects kind and unknown fields', () => {
    expect(codes(CustomerPatchSchema, { phone: '123' })).toEqual(['phone:invalid_phone']);
    expect(codes(CustomerPatchSchema, { kind: 'company' })).toEqual(['kind:unrecognized_key']);
    expect(codes(CustomerPatchSchema, { id: 'x', version: 2 })).toEqual(['id:unrecognized_key', 'version:unrecognized_key']);
  });
});

describe('CustomerPatchSchema, derived from the writable shapes', () => {
  // The patch has no limits of its own: each field fails in a patch exactly where it fails in a
  // create. A limit changed in the writable shape reaches the patch, or this fails.
  const cases: Array<[kind: 'person' | 'company', field: string, value: unknown]> = [
    ['person', 'firstName', 'x'.repeat(81)],
    ['person', 'firstName', '  '],
    ['person', 'lastName', 'x'.repeat(121)],
    ['person', 'birthDate', '2026-13-01'],
    ['person', 'email', 'not-an-email'],
    ['person', 'phone', '123'],
    ['person', 'loyaltyCard', 'x'.repeat(41)],
    ['person', 'discountPercent', 101],
    ['person', 'notes', 'x'.repeat(2001)],
    ['person', 'address', { ...person.address, postalCode: '123' }],
    ['person', 'status', 'gone'],
    ['company', 'legalName', 'x'.repeat(161)],
    ['company', 'tradeName', 'x'.repeat(161)],
    ['company', 'stateRegistration', 'x'.repeat(21)],
    ['company', 'municipalRegistration', 'x'.repeat(21)],
  ];
  for (const [kind, field, value] of cases) {
    it(`rejects ${field} = ${JSON.stringify(value).slice(0, 12)} as a create of a ${kind} does`, () => {
      const base = kind === 'person' ? person : company;
      const create = codes(CustomerCreateSchema, { ...base, [field]: value });
      expect(create.length).toBeGreaterThan(0);
      // The field's own rules; a create also runs object-level checks (the IE against the UF).
      const patch = codes(CustomerPatchSchema, { [field]: value });
      expect(patch[0]).toBe(create[0]);
      for (const code of patch) expect(create).toContain(code);
    });
  }

  it('accepts in a patch what a create accepts, trimmed the same way', () => {
    const r = parseWith(CustomerPatchSchema, { firstName: '  Ana ', notes: ' vip ', loyaltyCard: 'x'.repeat(40) });
    expect(r.success && r.data).toEqual({ firstName: 'Ana', notes: 'vip', loyaltyCard: 'x'.repeat(40) });
  });

  it('clears optional fields with null but not the ones the server defaults or requires', () => {
    expect(parseWith(CustomerPatchSchema, { email: null, address: null, birthDate: null, tradeName: null, lastName: null }).success).toBe(true);
    expect(codes(CustomerPatchSchema, { status: null, whatsapp: null, legalName: null })).toEqual([
      'status:invalid_value', 'whatsapp:required', 'legalName:required',
    ]);
    expect(codes(CustomerPatchSchema, { source: 'pos' })).toEqual(['source:unrecognized_key']);
  });
});

describe('CustomerListItemSchema', () => {
  const base = {
    id: 'cus_1', status: 'active', whatsapp: true, categoryIds: [],
    marketingConsent: { email: true, sms: false, whatsapp: true }, source: 'pos', account: { status: 'none' },
    stats: { ordersCount: 0, totalSpentCents: 0, lastPurchaseAt: null, visitsCount: 0, firstVisitAt: null, lastVisitAt: null, averageRating: null },
    createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-02T03:04:05.000Z', version: 1,
    kind: 'person', firstName: 'A', lastName: 'B',
  };
  it('accepts a masked document and refuses a full one', () => {
    expect(parseWith(CustomerListItemSchema, { ...base, document: '***.982.247-**' }).success).toBe(true);
    expect(codes(CustomerListItemSchema, { ...base, document: '52998224725' })).toEqual(['document:invalid_format']);
    expect(parseWith(CustomerSchema, { ...base, document: '52998224725' }).success).toBe(true);
  });
});

describe('settable statuses', () => {
  it('are what a bulk action may set: every status but deleted', () => {
    for (const status of SETTABLE_STATUSES) expect(parseWith(BulkRequestSchema, { ids: ['c'], action: 'setStatus', status }).success).toBe(true);
    expect(codes(BulkRequestSchema, { ids: ['c'], action: 'setStatus', status: 'deleted' })).toEqual(['status:invalid_value']);
  });

  it('with deleted, are what a bulk entry of the data log says it set (not merged)', () => {
    const entry = (status: string) => ({ id: 'aud_1', at: '2026-01-01T00:00:00.000Z', action: 'bulk', actor: { keyId: 'sk_test_…' }, count: 3, operation: 'setStatus', status });
    for (const status of [...SETTABLE_STATUSES, 'deleted']) expect(parseWith(AuditEntrySchema, entry(status)).success, status).toBe(true);
    expect(codes(AuditEntrySchema, entry('merged'))).toEqual(['status:invalid_value']);
  });
});

describe('fieldRules', () => {
  it('always requires the document and the name, and maps the settings onto the fields', () => {
    expect(fieldRules(DEFAULT_REGISTRATION_SETTINGS, 'person')).toEqual({
      document: 'required', firstName: 'required', lastName: 'required',
      birthDate: 'optional', email: 'required', phone: 'optional', address: 'optional',
    });
    const settings: RegistrationSettings = {
      ...DEFAULT_REGISTRATION_SETTINGS,
      company: { ...DEFAULT_REGISTRATION_SETTINGS.company, responsible: 'required', tradeName: 'hidden' },
    };
    const company = fieldRules(settings, 'company');
    expect(company).toMatchObject({ document: 'required', legalName: 'required', firstName: 'required', lastName: 'required', tradeName: 'hidden' });
    expect(Object.keys(company)).not.toContain('responsible');
  });
});

describe('CustomerSchema (read)', () => {
  it('is discriminated on kind', () => {
    const base = {
      id: 'cus_1', status: 'active', whatsapp: true, document: '***.982.247-**', categoryIds: [],
      marketingConsent: { email: true, sms: false, whatsapp: true }, source: 'pos', account: { status: 'none' },
      stats: { ordersCount: 0, totalSpentCents: 0, lastPurchaseAt: null, visitsCount: 0, firstVisitAt: null, lastVisitAt: null, averageRating: null },
      createdAt: '2026-01-02T03:04:05.000Z', updatedAt: '2026-01-02T03:04:05.000Z', version: 1,
    };
    expect(parseWith(CustomerSchema, { ...base, kind: 'person', firstName: 'A', lastName: 'B' }).success).toBe(true);
    expect(parseWith(CustomerSchema, { ...base, kind: 'company', legalName: 'X' }).success).toBe(true);
    expect(parseWith(CustomerSchema, { ...base, kind: 'company', firstName: 'A', lastName: 'B' }).success).toBe(false);
  });
});

describe('categories, settings and query', () => {
  it('requires a category name and a #rrggbb colour', () => {
    expect(parseWith(CategoryCreateSchema, { name: 'Atacado', color: '#1f8a70' }).success).toBe(true);
    expect(codes(CategoryCreateSchema, { name: '' })).toEqual(['name:required']);
    expect(codes(CategoryCreateSchema, { name: 'x'.repeat(61) })).toEqual(['name:too_long']);
    expect(codes(CategoryPatchSchema, { color: 'red' })).toEqual(['color:invalid_color']);
  });

  it('accepts the default registration settings and rejects unknown rules', () => {
    expect(parseWith(RegistrationSettingsSchema, DEFAULT_REGISTRATION_SETTINGS).success).toBe(true);
    const bad = { ...DEFAULT_REGISTRATION_SETTINGS, person: { ...DEFAULT_REGISTRATION_SETTINGS.person, email: 'maybe' } };
    expect(codes(RegistrationSettingsSchema, bad)).toEqual(['person.email:invalid_value']);
  });

  it('coerces limit and checks its range, sorts and statuses', () => {
    const r = parseWith(CustomerListQuerySchema, { limit: '25', sort: '-totalSpent', status: 'active,blocked' });
    expect(r.success && r.data.limit).toBe(25);
    expect(codes(CustomerListQuerySchema, { limit: '0' })).toEqual(['limit:too_small']);
    expect(codes(CustomerListQuerySchema, { limit: '500' })).toEqual(['limit:too_big']);
    expect(codes(CustomerListQuerySchema, { sort: 'email' })).toEqual(['sort:invalid_value']);
    expect(codes(CustomerListQuerySchema, { status: 'active,gone' })).toEqual(['status:invalid_value']);
  });
});

describe('resolveLocale', () => {
  it.each([
    [undefined, 'pt-BR'],
    ['en-US,en;q=0.9', 'en'],
    ['es-AR', 'es'],
    ['pt', 'pt-BR'],
    ['fr-FR, es;q=0.5', 'es'],
    ['de', 'pt-BR'],
    ['en;q=0.2, es;q=0.8', 'es'],
  ])('%s → %s', (header, locale) => expect(resolveLocale(header)).toBe(locale));
});
