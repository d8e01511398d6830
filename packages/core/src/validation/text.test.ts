import { beforeAll, describe, expect, it } from 'vitest';
import { CategoryCreateSchema, CustomerCreateSchema, CustomerPatchSchema } from '../schemas/index.js';
import { loadLocale } from '../i18n/load.js';
import { parseWith } from '../schemas/rules.js';
import { isPlainText } from './text.js';

const PERSON = { kind: 'person', document: '529.982.247-25', firstName: 'João', lastName: 'Silva' };

// en and es are loaded on demand (pt-BR is built in).
beforeAll(() => Promise.all([loadLocale('en'), loadLocale('es')]));

describe('isPlainText and the invalid_characters code', () => {
  it('refuses control characters, bidi overrides and lone surrogates; keeps accents, emoji and (multiline) line breaks', () => {
    for (const bad of ['a\u0000b', 'a\u001bb', 'a\u007fb', 'a\u0085b', 'abc\u202Etxt.exe', 'a\u2066b', 'a\uD800b', 'a\uDC00', 'a\nb', 'a\tb']) {
      expect(isPlainText(bad), JSON.stringify(bad)).toBe(false);
    }
    for (const good of ['João Conceição', 'Ølsen 😀', "D'Ávila-Souza", 'שלום', '']) expect(isPlainText(good), good).toBe(true);
    expect(isPlainText('linha 1\r\nlinha 2\tfim', { multiline: true })).toBe(true);
    expect(isPlainText('linha\u0000', { multiline: true })).toBe(false);
  });

  it('every text field of the write schemas refuses them with a localized 422 code', () => {
    const cases: [typeof CustomerCreateSchema | typeof CustomerPatchSchema | typeof CategoryCreateSchema, Record<string, unknown>, string][] = [
      [CustomerCreateSchema, { ...PERSON, firstName: 'Jo\u0000ão' }, 'firstName'],
      [CustomerCreateSchema, { ...PERSON, lastName: 'Silva\u202Egpj.exe' }, 'lastName'],
      [CustomerCreateSchema, { ...PERSON, notes: 'ok\n\u001b[31m' }, 'notes'],
      [CustomerCreateSchema, { ...PERSON, address: { postalCode: '01310-100', street: 'Rua \uD800', city: 'São Paulo', state: 'SP' } }, 'address.street'],
      [CustomerPatchSchema, { firstName: 'A\u0007' }, 'firstName'],
      [CustomerPatchSchema, { notes: 'x\u0000' }, 'notes'],
      [CategoryCreateSchema, { name: 'VIP\u202E' }, 'name'],
    ];
    for (const [schema, input, path] of cases) {
      const r = parseWith(schema, input, 'en');
      expect(r.success, path).toBe(false);
      if (!r.success) expect(r.issues).toContainEqual({ path, code: 'invalid_characters', message: 'Contains characters that are not allowed (control or text-direction characters).' });
    }
    expect(parseWith(CustomerCreateSchema, { ...PERSON, notes: 'linha 1\nlinha 2' }).success).toBe(true);
    expect(parseWith(CustomerPatchSchema, { notes: 'linha 1\nlinha 2' }).success).toBe(true);
  });
});
