import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../schemas/operations.js';
import { describeAuditEntry } from './audit.js';
import { loadLocale } from './load.js';
import { fieldLabel } from './labels.js';

const base = { id: 'aud_1', at: '2026-11-30T12:00:00.000Z', actor: { keyId: 'sk_test_…tela' }, count: 1 } as const;
const entry = (e: Partial<AuditEntry>): AuditEntry => ({ ...base, action: 'customer.reveal', ...e }) as AuditEntry;

// en and es are loaded on demand (pt-BR is built in).
beforeAll(() => Promise.all([loadLocale('en'), loadLocale('es')]));

describe('describeAuditEntry', () => {
  it('names customers and categories and counts through Intl, in each language', () => {
    const bulk = entry({ action: 'bulk', operation: 'addCategories', categories: [{ id: 'cat_1', name: 'VIP' }], count: 1456, updated: 1456 });
    expect(describeAuditEntry(bulk, 'pt-BR')).toBe('Adicionou a categoria VIP a 1.456 clientes');
    expect(describeAuditEntry(bulk, 'en')).toBe('Added the category VIP to 1,456 customers');
    expect(describeAuditEntry(bulk, 'es')).toBe('Agregó la categoría VIP a 1456 clientes');
    const two = entry({ action: 'bulk', operation: 'removeCategories', categories: [{ id: 'a', name: 'VIP' }, { id: 'b', name: 'Atacado' }], count: 5, updated: 3 });
    expect(describeAuditEntry(two, 'pt-BR')).toBe('Removeu as categorias VIP e Atacado de 3 clientes (de 5 selecionados)');
  });

  it('says what an update changed, by whom it was made', () => {
    const admin = entry({ action: 'customer.update', target: 'cus_1', targetName: 'Ana Souza', changes: ['phone', 'whatsapp', 'address.postalCode'] });
    expect(describeAuditEntry(admin, 'pt-BR')).toBe('Alterou Telefone, WhatsApp e CEP de Ana Souza');
    const shopper = entry({ action: 'customer.update', targetName: 'Ana Souza', changes: ['password'], source: 'storefront' });
    expect(describeAuditEntry(shopper, 'pt-BR')).toBe('Ana Souza alterou Senha em Minha conta');
    expect(describeAuditEntry(entry({ action: 'customer.update', targetName: 'Ana Souza', changes: [] }), 'en')).toBe('Saved the record of Ana Souza without changes');
  });

  it('falls back to readable words for entries written before names were kept', () => {
    expect(describeAuditEntry(entry({ action: 'customer.reveal', target: 'cus_9' }), 'pt-BR')).toBe('Visualizou o documento de cus_9');
    expect(describeAuditEntry(entry({ action: 'customer.update', targetName: 'Bia' }), 'pt-BR')).toBe('Alterou o cadastro de Bia');
    expect(describeAuditEntry(entry({ action: 'settings.update' }), 'es')).toBe('Modificó los campos obligatorios del registro');
  });

  it('reads an export of credits and a dry-run import', () => {
    const credits = entry({ action: 'export', format: 'csv', count: 2, filter: { resource: 'credits' }, columns: ['Nome', 'Validade'] });
    expect(describeAuditEntry(credits, 'pt-BR')).toBe('Baixou planilha CSV de 2 créditos: colunas Nome e Validade');
    const dry = entry({ action: 'import', count: 1, outcome: { dryRun: true, created: 1, updated: 0, unchanged: 0, rejected: 0 } });
    expect(describeAuditEntry(dry, 'pt-BR')).toBe('Conferiu planilha de 1 linha, sem gravar: 1 novo, 0 atualizados, 0 sem alteração, 0 com erro');
  });

  it('names the customers left out of "all matching" by how many', () => {
    const bulk = entry({ action: 'bulk', operation: 'setStatus', status: 'blocked', count: 98, updated: 98, filter: { status: 'active', exceptIds: ['cus_1', 'cus_2'] } });
    expect(describeAuditEntry(bulk, 'pt-BR')).toBe('Mudou a situação de 98 clientes para Bloqueado (filtro: Situação Ativo, exceto 2 clientes)');
    const one = entry({ action: 'export', format: 'csv', count: 9, filter: { resource: 'customers', q: 'ana', exceptIds: ['cus_1'] }, columns: ['name'] });
    expect(describeAuditEntry(one, 'en')).toContain('(filter: search “ana”, except 1 customer)');
    const segment = entry({ action: 'export', format: 'csv', count: 115, filter: { resource: 'customers', filter: 'last-notwithin-90.uf-SP' }, columns: ['name'] });
    expect(describeAuditEntry(segment, 'pt-BR')).toContain('(filtro: Sem compra há 90 dias, UF: SP)');
    expect(describeAuditEntry(one, 'es')).toContain('salvo 1 cliente)');
  });
});

describe('fieldLabel', () => {
  it('names a field by the spreadsheet column it fills', () => {
    expect(fieldLabel('address.postalCode', 'pt-BR')).toBe('CEP');
    expect(fieldLabel('categoryIds.2', 'pt-BR')).toBe('Categorias');
    expect(fieldLabel('birthDate', 'en')).toBe('Birth date');
    expect(fieldLabel('legalName', 'pt-BR')).toBe('Razão social');
    expect(fieldLabel('somethingElse', 'pt-BR')).toBe('somethingElse');
  });
  it('names an API key created, rotated (until when the old one works, through Intl) and revoked', () => {
    const named = { target: 'ak_1', targetName: 'ERP (sk_live_…a1B2)' };
    expect(describeAuditEntry(entry({ action: 'api_key.create', ...named }), 'pt-BR')).toBe('Criou a chave de API ERP (sk_live_…a1B2)');
    expect(describeAuditEntry(entry({ action: 'api_key.revoke', ...named }), 'en')).toBe('Revoked the API key ERP (sk_live_…a1B2)');
    expect(describeAuditEntry(entry({ action: 'api_key.create', ...named }), 'es')).toBe('Creó la clave de API ERP (sk_live_…a1B2)');
    const until = '2026-12-01T12:00:00.000Z';
    const rotate = entry({ action: 'api_key.rotate', ...named, until });
    const when = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(until));
    expect(describeAuditEntry(rotate, 'pt-BR')).toBe(`Trocou a chave de API ERP (sk_live_…a1B2); a anterior funciona até ${when('pt-BR')}`);
    expect(describeAuditEntry(rotate, 'en')).toBe(`Rotated the API key ERP (sk_live_…a1B2); the old one works until ${when('en')}`);
    expect(describeAuditEntry(rotate, 'es')).toBe(`Rotó la clave de API ERP (sk_live_…a1B2); la anterior funciona hasta ${when('es')}`);
  });
  it('names the address that tripped the limit of refused keys, how many it sent, the key prefix it tried and until when', () => {
    const until = '2026-12-01T12:10:00.000Z';
    const tripped = entry({ action: 'api_key.bad_keys', actor: { keyId: 'sk_live_…' }, address: '203.0.113.7', count: 1021, until });
    const when = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(until));
    expect(describeAuditEntry(tripped, 'pt-BR')).toBe(`O endereço 203.0.113.7 enviou 1.021 chaves de API inválidas (sk_live_…); novas chaves inválidas dele são recusadas até ${when('pt-BR')}`);
    expect(describeAuditEntry(tripped, 'en')).toBe(`The address 203.0.113.7 sent 1,021 invalid API keys (sk_live_…); its further invalid keys are refused until ${when('en')}`);
    expect(describeAuditEntry(tripped, 'es')).toBe(`La dirección 203.0.113.7 envió 1021 claves de API inválidas (sk_live_…); sus nuevas claves inválidas se rechazan hasta ${when('es')}`);
  });
});
