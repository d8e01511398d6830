import { describe, expect, it } from 'vitest';
import { formatPercent } from '../format/format.js';
import { describeFilter } from '../i18n/filter-text.js';
import { benefitsOf } from '../rules/benefits.js';
import { parseFilter } from './filter-codec.js';

const cat = (id: string, name: string, discountPercent?: number, status: 'active' | 'inactive' = 'active') => ({ id, name, status, ...(discountPercent !== undefined ? { discountPercent } : {}) });

describe('benefitsOf', () => {
  it('the largest discount applies; the customer’s own first on a tie, then categories by name; inactive categories and 0 give none', () => {
    const cats = [cat('b', 'Bronze', 5), cat('o', 'Ouro', 10), cat('a', 'Atacado', 10), cat('x', 'Extinta', 50, 'inactive'), cat('z', 'Zero', 0), cat('n', 'Não tenho', 90)];
    const r = benefitsOf({ discountPercent: 10, categoryIds: ['b', 'o', 'a', 'x', 'z'] }, cats);
    expect(r.discountPercent).toBe(10);
    expect(r.appliedFrom).toEqual({ source: 'customer', discountPercent: 10 });
    expect(r.discounts.map((d) => d.categoryId ?? 'own')).toEqual(['own', 'a', 'o', 'b']);
    expect(benefitsOf({ categoryIds: ['b', 'o'] }, cats).appliedFrom).toEqual({ source: 'category', categoryId: 'o', name: 'Ouro', discountPercent: 10 });
    expect(benefitsOf({ categoryIds: [] }, cats)).toEqual({ discountPercent: 0, appliedFrom: null, discounts: [] });
  });
});

describe('formatPercent and describeFilter', () => {
  it('writes points as a percentage through Intl, and a rule as one sentence', () => {
    expect(formatPercent(12.5, 'pt-BR')).toBe('12,5%');
    expect(formatPercent(10, 'en')).toBe('10%');
    const rule = parseFilter('spent-min-500001.uf-SP*uf-RJ');
    if (!rule.success) throw new Error('unreadable');
    expect(describeFilter(rule.data, 'pt-BR')).toBe('Gastou R$\u00a05.000,01 ou mais e UF: SP ou UF: RJ');
  });
});
