import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressLine,
  customerDisplayName,
  formatCep,
  formatCnpj,
  formatCpf,
  formatDocument,
  formatPhoneBR,
  initials,
  isMasked,
  maskDocument,
  normalizeDocument,
  searchKey,
  toE164BR,
  whatsappUrl,
} from './format.js';

describe('formatters', () => {
  it('normalizes documents: punctuation out, letters uppercased', () => {
    expect(normalizeDocument(' 12.abc.345/01de-35 ')).toBe('12ABC34501DE35');
    expect(normalizeDocument('529.982.247-25')).toBe('52998224725');
  });

  it('formats CPF, CNPJ (numeric and alphanumeric) and CEP', () => {
    expect(formatCpf('52998224725')).toBe('529.982.247-25');
    expect(formatCnpj('11222333000181')).toBe('11.222.333/0001-81');
    expect(formatCnpj('12abc34501de35')).toBe('12.ABC.345/01DE-35');
    expect(formatCep('01310100')).toBe('01310-100');
  });

  it('formats partial input as far as it goes, for masks as you type', () => {
    expect(formatCpf('5299')).toBe('529.9');
    expect(formatCpf('529982247')).toBe('529.982.247');
    expect(formatCnpj('12ABC')).toBe('12.ABC');
    expect(formatCep('013101')).toBe('01310-1');
    expect(formatPhoneBR('11')).toBe('(11');
    expect(formatPhoneBR('1198')).toBe('(11) 98');
  });

  it('formats phones, mobile and landline, from any input', () => {
    expect(formatPhoneBR('+5511987654321')).toBe('(11) 98765-4321');
    expect(formatPhoneBR('11987654321')).toBe('(11) 98765-4321');
    expect(formatPhoneBR('1134567890')).toBe('(11) 3456-7890');
    expect(formatPhoneBR('+55 (61) 2345-6789')).toBe('(61) 2345-6789');
  });

  it('converts to E.164 and WhatsApp links', () => {
    expect(toE164BR('(11) 98765-4321')).toBe('+5511987654321');
    expect(toE164BR('+55 11 98765-4321')).toBe('+5511987654321');
    expect(toE164BR('5511987654321')).toBe('+5511987654321');
    expect(whatsappUrl('(11) 98765-4321')).toBe('https://wa.me/5511987654321');
  });

  it('masks documents keeping only the middle digits', () => {
    expect(maskDocument('123.456.789-09')).toBe('***.456.789-**');
    expect(maskDocument('12345678000195')).toBe('**.345.678/0001-**');
    expect(maskDocument('12ABC34501DE35')).toBe('**.ABC.345/01DE-**');
  });

  it('formats any document by its length, masked or not, and keeps a mask it is given', () => {
    expect(formatDocument('52998224725')).toBe('529.982.247-25');
    expect(formatDocument('11222333000181')).toBe('11.222.333/0001-81');
    expect(formatDocument(' 12.abc.345/01de-35 ')).toBe('12.ABC.345/01DE-35');
    expect(formatDocument('1234')).toBe('1234');
    expect(formatDocument('52998224725', { masked: true })).toBe('***.982.247-**');
    expect(formatDocument('11.222.333/0001-81', { masked: true })).toBe('**.222.333/0001-**');
    // A list item's document is masked already: shown as it is, with or without `masked`.
    expect(formatDocument('***.982.247-**')).toBe('***.982.247-**');
    expect(formatDocument('**.222.333/0001-**', { masked: true })).toBe('**.222.333/0001-**');
    expect(formatDocument('***982247**')).toBe('***.982.247-**');
  });

  it('tells a masked document from a full one', () => {
    expect(isMasked('***.982.247-**')).toBe(true);
    expect(isMasked(maskDocument('12ABC34501DE35'))).toBe(true);
    expect(isMasked('529.982.247-25')).toBe(false);
    expect(isMasked('12.ABC.345/01DE-35')).toBe(false);
  });

  it('names a person by first and last name and a company by its razão social', () => {
    expect(customerDisplayName({ kind: 'person', firstName: 'Ana', lastName: 'Souza' })).toBe('Ana Souza');
    expect(customerDisplayName({ kind: 'company', legalName: 'Padaria Pão Quente Ltda' })).toBe('Padaria Pão Quente Ltda');
    // A company's contact names are not its display name.
    expect(customerDisplayName({ kind: 'company', legalName: 'ACME', firstName: 'Rui', lastName: 'Lima' } as never)).toBe('ACME');
  });

  it('takes initials, skipping particles', () => {
    expect(initials('Maria da Conceição')).toBe('MC');
    expect(initials('joão')).toBe('J');
    expect(initials('Ana Luíza dos Santos')).toBe('AS');
    expect(initials('   ')).toBe('');
  });

  it('folds case and accents for search', () => {
    expect(searchKey('  João  CONCEIÇÃO ')).toBe('joao conceicao');
    expect(searchKey('Ângela Müller')).toBe('angela muller');
  });

  it('round-trips phones: format then E.164 gives the same number (property)', () => {
    const ddd = fc.constantFrom('11', '21', '31', '41', '51', '61', '71', '81', '91', '92');
    const mobile = fc.tuple(ddd, fc.integer({ min: 10_000_000, max: 99_999_999 })).map(([a, n]) => `${a}9${n}`);
    fc.assert(
      fc.property(mobile, (national) => {
        expect(toE164BR(formatPhoneBR(national))).toBe(`+55${national}`);
        expect(formatPhoneBR(toE164BR(national))).toBe(formatPhoneBR(national));
      }),
    );
  });

  it('search keys are idempotent (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(searchKey(searchKey(s))).toBe(searchKey(s));
      }),
    );
  });
});

describe('addressLine', () => {
  it('writes the parts an address has on one line, CEP formatted', () => {
    expect(addressLine({ street: 'Avenida Paulista', number: '1000', complement: 'ap 5', district: 'Bela Vista', city: 'São Paulo', state: 'SP', postalCode: '01310100' })).toBe(
      'Avenida Paulista, 1000, ap 5 — Bela Vista — São Paulo/SP — 01310-100',
    );
    expect(addressLine({ city: 'Recife', state: 'PE', postalCode: '50030-230' })).toBe('Recife/PE — 50030-230');
    expect(addressLine({})).toBe('');
  });
});
