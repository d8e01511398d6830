// Writes a filter in its one text form (the grammar is in filter-grammar.ts; filter-codec.ts reads it back, checked).
// Apart from the reader because it needs no schema: the client sends a typed filter as text and
// so bundles neither zod nor the reader.
import type { FilterCondition, FilterExpression } from './filter.js';

const compactDay = (iso: string) => iso.replace(/-/g, '');

function writeRange(word: string, c: { min?: number | undefined; max?: number | undefined }): string {
  if (c.min !== undefined && c.max !== undefined) return `${word}-range-${c.min}-${c.max}`;
  return c.min !== undefined ? `${word}-min-${c.min}` : `${word}-max-${c.max}`;
}

function writeDays(word: string, c: { from?: string | undefined; to?: string | undefined }): string {
  if (c.from !== undefined && c.to !== undefined) return `${word}-range-${compactDay(c.from)}-${compactDay(c.to)}`;
  return c.from !== undefined ? `${word}-from-${compactDay(c.from)}` : `${word}-to-${compactDay(c.to!)}`;
}

/** The text of one condition (see {@link encodeFilter}). */
export function encodeCondition(c: FilterCondition): string {
  switch (c.type) {
    case 'totalSpent':
      return writeRange('spent', c);
    case 'ordersCount':
      return writeRange('orders', c);
    case 'averageTicket':
      return writeRange('ticket', c);
    case 'lastPurchase':
      return writeDays('last', c);
    case 'neverPurchased':
      return 'last-never';
    case 'purchasedWithin':
      return `last-within-${c.days}`;
    case 'notPurchasedWithin':
      return `last-notwithin-${c.days}`;
    case 'customerSince':
      return writeDays('since', c);
    case 'birthdayMonth':
      return `bday-month-${c.months.join('-')}`;
    case 'birthdayWithin':
      return `bday-next-${c.days}`;
    case 'city':
      return `city-${c.cities.join('-')}`;
    case 'state':
      return `uf-${c.states.join('-')}`;
    case 'kind':
      return `kind-${c.kind}`;
    case 'status':
      return `status-${c.statuses.join('-')}`;
    case 'categories':
      return `cat-${c.match}-${c.ids.join('-')}`;
    case 'source':
      return `source-${c.sources.join('-')}`;
    case 'consent':
      return `consent-${c.channel}-${c.granted ? 'yes' : 'no'}`;
    case 'activeCredits':
      return 'credits-active';
    case 'creditsExpiring':
      return `credits-expiring-${c.days}`;
    case 'unit':
      return `unit-${c.ids.join('-')}`;
  }
}

/**
 * The one text form of a filter, for the `filter` query parameter; {@link parseFilter} reads it
 * back to the same expression, and `encodeFilter(parseFilter(text).data)` is `text`.
 *
 * @example
 * encodeFilter([{ type: 'notPurchasedWithin', days: 90 }, { type: 'state', states: ['SP'] }]); // 'last-notwithin-90.uf-SP'
 */
export function encodeFilter(filter: FilterExpression): string {
  return filter.map((t) => ('or' in t ? t.or.map(encodeCondition).join('*') : encodeCondition(t))).join('.');
}
