import { beforeAll, describe, expect, it } from 'vitest';
import { parseFilter } from '../schemas/filter-codec.js';
import { BUILT_IN_VIEW_IDS, builtInViews, ViewCreateSchema } from '../schemas/view.js';
import { parseWith } from '../schemas/rules.js';
import { readShownFilter } from '../schemas/filter-grammar.js';
import { builtInViewNames, describeFilter, describeFilterCondition, describeFilterTerm, describeFilterText } from './filter-text.js';
import { loadLocale } from './load.js';

beforeAll(() => Promise.all([loadLocale('en'), loadLocale('es')]));

const nb = (s: string) => s.replace(/\u00a0/g, ' ');

describe('describeFilterCondition', () => {
  it('says money through Intl in each locale', () => {
    expect(nb(describeFilterCondition({ type: 'totalSpent', min: 100000 }, 'pt-BR'))).toBe('Gastou R$ 1.000,00 ou mais');
    expect(nb(describeFilterCondition({ type: 'totalSpent', min: 100000, max: 250050 }, 'en'))).toBe('Spent between R$1,000.00 and R$2,500.50');
    expect(nb(describeFilterCondition({ type: 'averageTicket', max: 9990 }, 'es'))).toBe('Ticket medio hasta 99,90 BRL');
  });

  it('says the conditions of the issue in plain pt-BR', () => {
    expect(describeFilterCondition({ type: 'notPurchasedWithin', days: 90 }, 'pt-BR')).toBe('Sem compra há 90 dias');
    expect(describeFilterCondition({ type: 'birthdayMonth', months: [12] }, 'pt-BR')).toBe('Aniversariantes de dezembro');
    expect(describeFilterCondition({ type: 'birthdayMonth', months: [12, 1] }, 'pt-BR')).toBe('Aniversariantes de dezembro ou janeiro');
    expect(describeFilterCondition({ type: 'state', states: ['SP'] }, 'pt-BR')).toBe('UF: SP');
    expect(describeFilterCondition({ type: 'ordersCount', min: 1000 }, 'pt-BR')).toBe('1.000 ou mais pedidos');
  });

  it('formats calendar days without moving them across time zones', () => {
    expect(describeFilterCondition({ type: 'lastPurchase', from: '2026-01-01', to: '2026-01-31' }, 'pt-BR')).toBe('Última compra entre 01/01/2026 e 31/01/2026');
    expect(describeFilterCondition({ type: 'customerSince', to: '2025-12-31' }, 'en')).toBe('Customer since 12/31/25 or earlier');
  });

  it('names categories and cities through the options, and falls back to readable keys', () => {
    const names = new Map([['cat_vip', 'VIP']]);
    expect(describeFilterCondition({ type: 'categories', match: 'none', ids: ['cat_vip'] }, 'pt-BR', { categoryName: (id) => names.get(id) })).toBe('Sem a categoria: VIP');
    expect(describeFilterCondition({ type: 'city', cities: ['sao_paulo', 'campinas'] }, 'pt-BR')).toBe('Cidade: Sao Paulo ou Campinas');
    expect(describeFilterCondition({ type: 'city', cities: ['sao_paulo'] }, 'pt-BR', { cityName: () => 'São Paulo' })).toBe('Cidade: São Paulo');
  });

  it('says credits and units', () => {
    expect(describeFilterCondition({ type: 'creditsExpiring', days: 30 }, 'pt-BR')).toBe('Créditos a vencer em 30 dias');
    expect(describeFilterCondition({ type: 'activeCredits' }, 'es')).toBe('Con créditos activos');
    expect(describeFilterCondition({ type: 'unit', ids: ['u_1', 'u_2'] }, 'pt-BR', { unitName: (id) => (id === 'u_1' ? 'Loja Centro' : undefined) })).toBe('Unidade: Loja Centro ou u_2');
  });

  it('describes an OR group and every condition the codec can read', () => {
    expect(describeFilterTerm({ or: [{ type: 'state', states: ['SP'] }, { type: 'neverPurchased' }] }, 'pt-BR')).toBe('UF: SP ou Nunca comprou');
    const text = 'spent-min-1.orders-max-2.ticket-range-1-2.last-from-20250101.last-never.last-within-3.last-notwithin-4.since-to-20250101.bday-month-1.bday-next-0.city-rio.uf-RJ.kind-company.status-active.cat-all-a.source-pos.consent-sms-no.credits-active.credits-expiring-30.unit-u_1';
    const parsed = parseFilter(text);
    if (!parsed.success) throw new Error('unreadable');
    for (const locale of ['pt-BR', 'en', 'es'] as const) {
      for (const term of parsed.data) expect(describeFilterTerm(term, locale)).not.toMatch(/\{|undefined/);
    }
  });
});

describe('built-in views', () => {
  it('are named in each locale, and the birthdays view names the month of São Paulo', () => {
    // 1 January 01:00 UTC is still 31 December in São Paulo.
    const views = builtInViews(new Date('2027-01-01T01:00:00Z'), builtInViewNames('pt-BR'));
    expect(views.map((v) => v.id)).toEqual([...BUILT_IN_VIEW_IDS]);
    expect(views.find((v) => v.id === 'builtin_birthdays_month')!.filter).toBe('bday-month-12');
    expect(views.map((v) => v.name)).toEqual(['Sem compra há 90 dias', 'Aniversariantes do mês', 'Maiores compradores', 'Créditos a vencer em 30 dias']);
    for (const v of views) expect(parseFilter(v.filter).success).toBe(true);
  });

  it('a view to create needs a readable filter', () => {
    expect(parseWith(ViewCreateSchema, { name: 'SP', filter: 'last-notwithin-90.uf-SP' }).success).toBe(true);
    const bad = parseWith(ViewCreateSchema, { name: 'SP', filter: 'uf-XX' }, 'en');
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.issues[0]).toMatchObject({ path: 'filter', code: 'invalid_filter' });
  });
});

describe('describeFilterText (a stored filter read without the schemas)', () => {
  it('reads every accepted text as parseFilter does and says it as describeFilter does', () => {
    const texts = [
      'last-notwithin-90.uf-SP',
      'uf-SP*uf-RJ.spent-min-500000',
      'bday-month-12-1.kind-company',
      'cat-none-cat_vip.consent-email-yes.credits-expiring-30.unit-loja_1-loja_2',
      'last-never.since-range-20250101-20251231.status-active-blocked.source-pos',
    ];
    for (const text of texts) {
      const parsed = parseFilter(text);
      expect(parsed.success).toBe(true);
      expect(readShownFilter(text)).toEqual(parsed.success && parsed.data);
      expect(describeFilterText(text, 'pt-BR')).toBe(describeFilter(parsed.success ? parsed.data : [], 'pt-BR'));
    }
  });

  it('gives the text back when it cannot read it, or a word that names no label', () => {
    for (const text of ['spent-min-dez', 'nada-1', 'kind-robot', 'cat-some-x', 'consent-fax-yes', 'last-within']) {
      expect(readShownFilter(text)).toBeUndefined();
      expect(describeFilterText(text, 'en')).toBe(text);
    }
  });
});
