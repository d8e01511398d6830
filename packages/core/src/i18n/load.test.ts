import { describe, expect, it } from 'vitest';
import { CustomerCreateSchema } from '../schemas/customer-write.js';
import { parseWith } from '../schemas/rules.js';
import { registerAllLocales } from './all.js';
import { loadLocale, localeTables } from './load.js';
import { issueMessage } from './messages.js';

describe('core languages', () => {
  it('has pt-BR built in and loads en on demand, once', async () => {
    expect(issueMessage('invalid_cpf', 'pt-BR')).toBe('CPF inválido.');
    // Not loaded yet: pt-BR stands in rather than a code.
    expect(localeTables('en')).toBeUndefined();
    expect(issueMessage('invalid_cpf', 'en')).toBe('CPF inválido.');
    await Promise.all([loadLocale('en'), loadLocale('en')]);
    const tables = localeTables('en');
    expect(issueMessage('invalid_cpf', 'en')).toBe('Invalid CPF.');
    await loadLocale('en');
    expect(localeTables('en')).toBe(tables);
    const r = parseWith(CustomerCreateSchema, { kind: 'person', document: '111.111.111-11', firstName: 'Ana', lastName: 'Souza' }, 'en');
    expect(r.success ? [] : r.issues.map((i) => i.message)).toContain('Invalid CPF.');
  });

  it('puts every language in place at once for a server', () => {
    registerAllLocales();
    expect(issueMessage('too_long', 'es', { max: 3 })).toBe('Debe tener como máximo 3 caracteres.');
    expect(issueMessage('too_long', 'en', { max: 3 })).toBe('Must be at most 3 characters.');
  });
});
