import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from '../i18n/load.js';
import { UFS } from '../validation/places.js';
import { CUSTOMER_SOURCES, CUSTOMER_STATUSES } from '../rules/constants.js';
import type { Customer } from './customer.js';
import { FilterExpressionSchema, type FilterCondition, type FilterExpression } from './filter.js';
import { encodeFilter, parseFilter } from './filter-codec.js';
import { filterFieldsOf, matchesFilter, resolveFilter } from './filter-eval.js';
import { CustomerListQuerySchema } from './query.js';
import { parseWith } from './rules.js';

const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const sortedPair = <T>(a: fc.Arbitrary<T>) => fc.tuple(a, a).map(([x, y]) => (x <= y ? [x, y] : [y, x]) as [T, T]);
const bounds = <T>(a: fc.Arbitrary<T>, lo: string, hi: string) =>
  fc.oneof(
    a.map((v) => ({ [lo]: v })),
    a.map((v) => ({ [hi]: v })),
    sortedPair(a).map(([x, y]) => ({ [lo]: x, [hi]: y })),
  );
const cents = fc.integer({ min: 0, max: 10_000_000_000 });
const id = fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/);
const cityKeyArb = fc.stringMatching(/^[a-z0-9]{1,8}(_[a-z0-9]{1,8}){0,2}$/);
const some = <T>(a: fc.Arbitrary<T>) => fc.array(a, { minLength: 1, maxLength: 4 });

export const conditionArb: fc.Arbitrary<FilterCondition> = fc.oneof(
  bounds(cents, 'min', 'max').map((b) => ({ type: 'totalSpent', ...b }) as FilterCondition),
  bounds(fc.integer({ min: 0, max: 1_000_000 }), 'min', 'max').map((b) => ({ type: 'ordersCount', ...b }) as FilterCondition),
  bounds(cents, 'min', 'max').map((b) => ({ type: 'averageTicket', ...b }) as FilterCondition),
  bounds(day, 'from', 'to').map((b) => ({ type: 'lastPurchase', ...b }) as FilterCondition),
  bounds(day, 'from', 'to').map((b) => ({ type: 'customerSince', ...b }) as FilterCondition),
  fc.constant({ type: 'neverPurchased' } as FilterCondition),
  fc.integer({ min: 1, max: 3650 }).map((days) => ({ type: 'purchasedWithin', days }) as FilterCondition),
  fc.integer({ min: 1, max: 3650 }).map((days) => ({ type: 'notPurchasedWithin', days }) as FilterCondition),
  some(fc.integer({ min: 1, max: 12 })).map((months) => ({ type: 'birthdayMonth', months }) as FilterCondition),
  fc.integer({ min: 0, max: 365 }).map((days) => ({ type: 'birthdayWithin', days }) as FilterCondition),
  some(cityKeyArb).map((cities) => ({ type: 'city', cities }) as FilterCondition),
  some(fc.constantFrom(...UFS)).map((states) => ({ type: 'state', states }) as FilterCondition),
  fc.constantFrom('person', 'company').map((kind) => ({ type: 'kind', kind }) as FilterCondition),
  some(fc.constantFrom(...CUSTOMER_STATUSES)).map((statuses) => ({ type: 'status', statuses }) as FilterCondition),
  fc.record({ match: fc.constantFrom('any', 'all', 'none'), ids: some(id) }).map((r) => ({ type: 'categories', ...r }) as FilterCondition),
  some(fc.constantFrom(...CUSTOMER_SOURCES)).map((sources) => ({ type: 'source', sources }) as FilterCondition),
  fc.record({ channel: fc.constantFrom('email', 'sms', 'whatsapp'), granted: fc.boolean() }).map((r) => ({ type: 'consent', ...r }) as FilterCondition),
  fc.constant({ type: 'activeCredits' } as FilterCondition),
  fc.integer({ min: 1, max: 3650 }).map((days) => ({ type: 'creditsExpiring', days }) as FilterCondition),
  some(id).map((ids) => ({ type: 'unit', ids }) as FilterCondition),
);

const expressionArb: fc.Arbitrary<FilterExpression> = fc.array(
  fc.oneof({ arbitrary: conditionArb, weight: 3 }, { arbitrary: fc.array(conditionArb, { minLength: 2, maxLength: 4 }).map((or) => ({ or })), weight: 1 }),
  { maxLength: 8 },
);

// en and es are loaded on demand (pt-BR is built in).
beforeAll(() => Promise.all([loadLocale('en'), loadLocale('es')]));

describe('filter text', () => {
  it('reads the documented examples', () => {
    expect(parseFilter('last-notwithin-90.uf-SP')).toEqual({
      success: true,
      data: [{ type: 'notPurchasedWithin', days: 90 }, { type: 'state', states: ['SP'] }],
    });
    expect(parseFilter('uf-SP*uf-RJ.spent-min-500000')).toEqual({
      success: true,
      data: [{ or: [{ type: 'state', states: ['SP'] }, { type: 'state', states: ['RJ'] }] }, { type: 'totalSpent', min: 500000 }],
    });
    expect(parseFilter('since-range-20240101-20241231.cat-none-cat_0001-cat_0002.consent-whatsapp-yes.bday-month-12')).toMatchObject({
      success: true,
      data: [
        { type: 'customerSince', from: '2024-01-01', to: '2024-12-31' },
        { type: 'categories', match: 'none', ids: ['cat_0001', 'cat_0002'] },
        { type: 'consent', channel: 'whatsapp', granted: true },
        { type: 'birthdayMonth', months: [12] },
      ],
    });
    expect(parseFilter('')).toEqual({ success: true, data: [] });
  });

  it('round-trips: every expression written reads back equal, and every text read is written back unchanged', () => {
    fc.assert(
      fc.property(expressionArb, (expr) => {
        expect(parseWith(FilterExpressionSchema, expr).success).toBe(true);
        const text = encodeFilter(expr);
        expect(text).toMatch(/^[A-Za-z0-9._*-]*$/);
        expect(encodeURIComponent(text)).toBe(text);
        expect(new URLSearchParams({ f: text }).toString()).toBe(`f=${text}`);
        const back = parseFilter(text);
        expect(back).toEqual({ success: true, data: expr });
        expect(encodeFilter((back as { data: FilterExpression }).data)).toBe(text);
      }),
      { seed: 15, numRuns: 500 },
    );
  });

  it('any text it accepts is already canonical', () => {
    const piece = fc.constantFrom('credits', 'active', 'expiring', 'unit', 'loja_1', 'spent', 'orders', 'ticket', 'last', 'since', 'bday', 'min', 'max', 'range', 'from', 'to', 'never', 'within', 'notwithin', 'month', 'next', 'uf', 'SP', 'city', 'cat', 'any', 'consent', 'email', 'yes', 'no', '0', '1', '07', '12', '20240101', '20241301', '-', '.', '*', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), (text) => {
        const r = parseFilter(text);
        if (r.success) expect(encodeFilter(r.data)).toBe(text);
      }),
      { seed: 16, numRuns: 3000 },
    );
  });

  it('refuses a bad filter with a localized message naming the condition', () => {
    const bad = parseFilter('uf-SP.spent-min-dez', 'en');
    expect(bad).toEqual({ success: false, issues: [{ path: 'filter', code: 'invalid_filter', message: 'Invalid filter condition: “spent-min-dez”.' }] });
    expect(parseFilter('idade-min-18')).toMatchObject({ success: false, issues: [{ code: 'filter_unknown_condition', message: 'Condição de filtro desconhecida: “idade-min-18”.' }] });
    expect(parseFilter('uf-XX', 'es')).toMatchObject({ success: false, issues: [{ code: 'invalid_filter', message: 'Condición de filtro no válida: “uf-XX”.' }] });
    for (const text of ['spent-range-5-3', 'spent-min-007', 'last-within-0', 'bday-next-366', 'bday-month-13', 'since-from-20240230', 'uf-SP..uf-RJ', 'uf-', 'consent-email-maybe', 'cat-some-a', 'kind-person-company', 'city-São']) {
      expect(parseFilter(text).success, text).toBe(false);
    }
    expect(parseFilter('uf-SP.'.repeat(400))).toMatchObject({ success: false, issues: [{ code: 'too_long' }] });
  });

  it('is a checked parameter of the list query: a 422-ready issue at `filter`', () => {
    expect(parseWith(CustomerListQuerySchema, { filter: 'last-never' }).success).toBe(true);
    expect(parseWith(CustomerListQuerySchema, { filter: 'last-nunca' }, 'en')).toEqual({
      success: false,
      issues: [{ path: 'filter', code: 'invalid_filter', message: 'Invalid filter condition: “last-nunca”.' }],
    });
  });
});

function customer(over: Partial<Record<string, unknown>> & { stats?: Partial<Customer['stats']> } = {}): Customer {
  const base = {
    id: 'cus_1',
    kind: 'person',
    status: 'active',
    whatsapp: false,
    document: '52998224725',
    firstName: 'Ana',
    lastName: 'Souza',
    categoryIds: [],
    marketingConsent: { email: true, sms: false, whatsapp: false },
    source: 'pos',
    account: { status: 'none' },
    createdAt: '2025-01-01T03:00:00.000Z',
    updatedAt: '2025-01-01T03:00:00.000Z',
    version: 1,
  };
  const stats = { ordersCount: 0, totalSpentCents: 0, lastPurchaseAt: null, visitsCount: 0, firstVisitAt: null, lastVisitAt: null, averageRating: null, ...over.stats };
  return { ...base, ...over, stats } as Customer;
}

const at = (text: string, now: string) => resolveFilter((parseFilter(text) as { data: FilterExpression }).data, new Date(now));

describe('filter meaning', () => {
  it('"no purchase in the last N days" counts back from the request time and includes customers who never bought', () => {
    const now = '2026-11-30T12:00:00.000Z';
    const f = at('last-notwithin-90', now);
    expect(matchesFilter(customer(), f)).toBe(true);
    expect(matchesFilter(customer({ stats: { ordersCount: 1, totalSpentCents: 100, lastPurchaseAt: '2026-09-01T11:59:59.999Z' } }), f)).toBe(true);
    expect(matchesFilter(customer({ stats: { ordersCount: 1, totalSpentCents: 100, lastPurchaseAt: '2026-09-01T12:00:00.000Z' } }), f)).toBe(false);
    const within = at('last-within-90', now);
    expect(matchesFilter(customer(), within)).toBe(false);
    expect(matchesFilter(customer({ stats: { ordersCount: 1, totalSpentCents: 100, lastPurchaseAt: '2026-09-01T12:00:00.000Z' } }), within)).toBe(true);
    expect(matchesFilter(customer(), at('last-never', now))).toBe(true);
  });

  it('day bounds are calendar days in São Paulo', () => {
    const f = at('since-range-20250101-20250131', '2026-01-01T00:00:00Z');
    // 2025-01-01 00:00 in São Paulo is 03:00 UTC; 2025-01-31 ends at 2025-02-01 03:00 UTC.
    expect(matchesFilter(customer({ createdAt: '2025-01-01T02:59:59.999Z' }), f)).toBe(false);
    expect(matchesFilter(customer({ createdAt: '2025-01-01T03:00:00.000Z' }), f)).toBe(true);
    expect(matchesFilter(customer({ createdAt: '2025-02-01T02:59:59.999Z' }), f)).toBe(true);
    expect(matchesFilter(customer({ createdAt: '2025-02-01T03:00:00.000Z' }), f)).toBe(false);
    // 2018-11-04 began at 01:00 in São Paulo (daylight saving time then started at midnight).
    expect(at('since-from-20181104', '2026-01-01T00:00:00Z')).toEqual([[{ op: 'time', field: 'createdAt', from: '2018-11-04T03:00:00.000Z', before: undefined }]]);
  });

  it('birthdays in the next N days wrap at the end of the year, counted in São Paulo', () => {
    // 2026-12-29 01:00 UTC is still 28 December in São Paulo.
    const f = at('bday-next-7', '2026-12-29T01:00:00Z');
    expect(f).toEqual([[{ op: 'birthday', ranges: [['01-01', '01-04'], ['12-28', '12-31']] }]]);
    const born = (birthDate: string) => matchesFilter(customer({ birthDate }), f);
    expect(born('1990-12-28')).toBe(true);
    expect(born('1990-01-04')).toBe(true);
    expect(born('1990-01-05')).toBe(false);
    expect(born('1990-12-27')).toBe(false);
    expect(matchesFilter(customer({ kind: 'company', legalName: 'X' }), f)).toBe(false);
  });

  it('29 February is celebrated on 1 March in a year without it', () => {
    expect(at('bday-next-0', '2027-03-01T15:00:00Z')).toEqual([[{ op: 'birthday', ranges: [['02-29', '03-01']] }]]);
    expect(at('bday-next-0', '2028-03-01T15:00:00Z')).toEqual([[{ op: 'birthday', ranges: [['03-01', '03-01']] }]]);
    expect(at('bday-next-1', '2028-02-28T15:00:00Z')).toEqual([[{ op: 'birthday', ranges: [['02-28', '02-29']] }]]);
    expect(at('bday-next-365', '2027-06-01T15:00:00Z')).toEqual([[{ op: 'birthday', ranges: [['01-01', '12-31']] }]]);
    expect(matchesFilter(customer({ birthDate: '2000-12-05' }), at('bday-month-11-12', '2026-01-01T00:00:00Z'))).toBe(true);
  });

  it('average ticket, categories, consent, city and OR groups', () => {
    const c = customer({
      categoryIds: ['a', 'b'],
      address: { postalCode: '01310-100', street: 'Av. Paulista', city: 'São Paulo', state: 'SP' },
      stats: { ordersCount: 3, totalSpentCents: 30_000 },
    });
    const now = '2026-11-30T12:00:00Z';
    const yes = (t: string) => matchesFilter(c, at(t, now));
    expect(yes('ticket-min-10000')).toBe(true);
    expect(yes('ticket-min-10001')).toBe(false);
    expect(yes('ticket-range-9000-10000')).toBe(true);
    expect(matchesFilter(customer(), at('ticket-max-100000', now))).toBe(false);
    expect(yes('cat-any-b-c')).toBe(true);
    expect(yes('cat-all-a-c')).toBe(false);
    expect(yes('cat-none-c')).toBe(true);
    expect(yes('consent-email-yes.consent-sms-no')).toBe(true);
    expect(yes('city-sao_paulo.uf-SP')).toBe(true);
    expect(yes('city-campinas*uf-SP')).toBe(true);
    expect(yes('city-campinas*uf-RJ')).toBe(false);
    expect(filterFieldsOf(c).city).toBe('sao_paulo');
  });

  it('credits and units read what the store knows of the ledger and the orders', () => {
    const now = '2026-11-30T12:00:00.000Z';
    const c = customer();
    const credits = ['2026-12-20T12:00:00.000Z'];
    expect(matchesFilter(c, at('credits-active', now))).toBe(false);
    expect(matchesFilter(c, at('credits-active', now), { credits })).toBe(true);
    expect(matchesFilter(c, at('credits-active', now), { credits: ['2026-11-30T12:00:00.000Z'] })).toBe(false);
    expect(matchesFilter(c, at('credits-expiring-20', now), { credits })).toBe(true);
    expect(matchesFilter(c, at('credits-expiring-19', now), { credits })).toBe(false);
    expect(matchesFilter(c, at('unit-loja_1*unit-loja_2', now), { units: ['loja_2'] })).toBe(true);
    expect(matchesFilter(c, at('unit-loja_1', now), { units: ['loja_2'] })).toBe(false);
  });
});
