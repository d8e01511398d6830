import { describe, expect, it } from 'vitest';
import { encodeCondition, parseFilter, type FilterCondition } from '@clientela/core/schemas';
import { CONDITION_TYPES, conditionOf, draftOf, moneyText, parseMoney } from './condition-draft.js';

describe('money typed in the reader’s locale', () => {
  it('reads Brazilian and English sums into cents', () => {
    expect(parseMoney('1.000,50', 'pt-BR')).toBe(100050);
    expect(parseMoney('R$ 1000', 'pt-BR')).toBe(100000);
    expect(parseMoney('1,000.5', 'en')).toBe(100050);
    expect(parseMoney('12,345', 'pt-BR')).toBeNaN();
    expect(parseMoney('dez', 'pt-BR')).toBeNaN();
    expect(moneyText(100050, 'pt-BR')).toBe('1.000,50');
    expect(moneyText(100000, 'pt-BR')).toBe('1.000');
  });
});

describe('conditionOf', () => {
  const blank = draftOf('totalSpent', undefined, 'pt-BR');

  it('builds the conditions of the issue from what a person types', () => {
    expect(conditionOf('totalSpent', { ...blank, min: '1.000,00' }, 'pt-BR')).toEqual({ condition: { type: 'totalSpent', min: 100000 } });
    expect(conditionOf('notPurchasedWithin', { ...blank, days: '90' }, 'pt-BR')).toEqual({ condition: { type: 'notPurchasedWithin', days: 90 } });
    expect(conditionOf('birthdayMonth', { ...blank, months: [12] }, 'pt-BR')).toEqual({ condition: { type: 'birthdayMonth', months: [12] } });
    expect(conditionOf('state', { ...blank, values: ['SP'] }, 'pt-BR')).toEqual({ condition: { type: 'state', states: ['SP'] } });
    expect(conditionOf('city', { ...blank, cities: 'São Paulo, Santa Bárbara d’Oeste' }, 'pt-BR')).toEqual({ condition: { type: 'city', cities: ['sao_paulo', 'santa_barbara_d_oeste'] } });
  });

  it('names the field to fix, with core’s localized message where the schema refused', () => {
    expect(conditionOf('totalSpent', { ...blank, min: 'mil' }, 'pt-BR')).toEqual({ error: { field: 'min', code: 'money' } });
    expect(conditionOf('totalSpent', blank, 'pt-BR')).toMatchObject({ error: { field: 'min', code: 'required' } });
    expect(conditionOf('ordersCount', { ...blank, min: '5', max: '2' }, 'pt-BR')).toMatchObject({ error: { field: 'min', code: 'invalid_value' } });
    expect(conditionOf('notPurchasedWithin', { ...blank, days: '0' }, 'en')).toMatchObject({ error: { field: 'days' } });
    expect(conditionOf('state', blank, 'pt-BR')).toMatchObject({ error: { field: 'values' } });
    expect(conditionOf('unit', { ...blank, units: 'loja 1' }, 'pt-BR')).toEqual({ condition: { type: 'unit', ids: ['loja', '1'] } });
    expect(conditionOf('unit', { ...blank, units: 'loja-centro' }, 'pt-BR')).toMatchObject({ error: { field: 'units' } });
  });

  it('a condition read into a draft and back is the same condition, for every type', () => {
    const samples = parseFilter(
      'spent-range-100050-200000.orders-min-3.ticket-max-9990.last-range-20250101-20250131.last-never.last-within-30.last-notwithin-90.since-from-20240101.bday-month-1-12.bday-next-7.city-sao_paulo.uf-SP-RJ.kind-company.status-active-blocked.cat-none-cat_1.source-pos.consent-whatsapp-no.credits-active.credits-expiring-30.unit-loja_1-loja_2',
    );
    if (!samples.success) throw new Error('unreadable sample');
    const seen = new Set<string>();
    for (const locale of ['pt-BR', 'en', 'es'] as const) {
      for (const c of samples.data as FilterCondition[]) {
        seen.add(c.type);
        const back = conditionOf(c.type, draftOf(c.type, c, locale), locale);
        expect('condition' in back && encodeCondition(back.condition)).toBe(encodeCondition(c));
      }
    }
    expect([...seen].sort()).toEqual([...CONDITION_TYPES].sort());
  });
});
