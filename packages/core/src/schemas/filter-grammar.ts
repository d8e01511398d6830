import { CATEGORY_MATCHES, CUSTOMER_KINDS, FILTER_CHANNELS, FILTER_MAX_ALTERNATIVES, FILTER_MAX_LENGTH, FILTER_MAX_TERMS } from '../rules/constants.js';
import type { IssueCode } from '../i18n/messages.js';
import type { FilterCondition, FilterExpression, FilterTerm } from './filter.js';

// The one text form of a filter, for the query string: only letters, digits and `- . _ *`, the
// characters `encodeURIComponent` and `URLSearchParams` both leave alone, so a filter reads the
// same in the address bar as in code.
//
//   filter      = "" | term *( "." term )          terms that must all hold
//   term        = condition *( "*" condition )      alternatives: one must hold
//   condition   = word *( "-" argument )
//
//   spent-min-100000   spent-max-N   spent-range-A-B     total spent, cents (also orders-, ticket-)
//   last-from-20250101 last-to-D     last-range-D-D      last purchase on those days (aaaammdd)
//   last-never         last-within-30 last-notwithin-90  never / in / not in the last N days
//   since-from-D       since-to-D    since-range-D-D     customer since
//   bday-month-12-1    bday-next-7                       birthday in a month / in the next N days
//   city-sao_paulo-campinas  uf-SP-RJ  kind-company  status-active-blocked  source-pos-storefront
//   cat-any-ID-ID      cat-all-ID    cat-none-ID         categories
//   consent-email-yes  consent-whatsapp-no               marketing consent per channel
//   credits-active     credits-expiring-30               credit with balance left / expiring in N days
//   unit-ID-ID                                           bought at one of these units
//
// Example: `last-notwithin-90.uf-SP` is "no purchase in the last 90 days, in São Paulo state";
// `uf-SP*uf-RJ.spent-min-500000` is "in SP or RJ, and spent at least R$ 5.000,00".
// Numbers are written without leading zeros and lists keep their order, so reading a text and
// writing it back gives the same text: there is one spelling of each filter.

// No zod here: a page that only shows a filter in words (a category's rule, a data-log entry)
// reads it with `readShownFilter` and does not bundle the schemas; filter-codec.ts reads input with
// every condition checked against the schema.

const RANGES = { spent: 'totalSpent', orders: 'ordersCount', ticket: 'averageTicket' } as const;
const DAY_RANGES = { last: 'lastPurchase', since: 'customerSince' } as const;
const LISTS = { city: ['city', 'cities'], uf: ['state', 'states'], status: ['status', 'statuses'], source: ['source', 'sources'] } as const;

const NUMBER = /^(0|[1-9][0-9]{0,15})$/;
const DAY = /^([0-9]{4})([0-9]{2})([0-9]{2})$/;

/** A part of the text that is not a condition; `unknown` when its word is not one. */
class Unreadable {
  constructor(readonly unknown: boolean) {}
}

function num(arg: string | undefined): number {
  if (arg === undefined || !NUMBER.test(arg)) throw new Unreadable(false);
  return Number(arg);
}

function day(arg: string | undefined): string {
  const m = arg === undefined ? null : DAY.exec(arg);
  if (!m) throw new Unreadable(false);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function args(parts: string[], n: number): string[] {
  if (parts.length !== n) throw new Unreadable(false);
  return parts;
}

function values(parts: string[]): string[] {
  if (!parts.length || parts.some((p) => !p)) throw new Unreadable(false);
  return parts;
}

/** The raw condition a piece of text names, not yet checked against the schema. */
function readCondition(text: string): Record<string, unknown> {
  const [word = '', ...rest] = text.split('-');
  if (word in RANGES) {
    const type = RANGES[word as keyof typeof RANGES];
    const [op, ...a] = rest;
    if (op === 'min') return { type, min: num(args(a, 1)[0]) };
    if (op === 'max') return { type, max: num(args(a, 1)[0]) };
    if (op === 'range') return { type, min: num(args(a, 2)[0]), max: num(a[1]) };
    throw new Unreadable(false);
  }
  if (word in DAY_RANGES) {
    const type = DAY_RANGES[word as keyof typeof DAY_RANGES];
    const [op, ...a] = rest;
    if (op === 'from') return { type, from: day(args(a, 1)[0]) };
    if (op === 'to') return { type, to: day(args(a, 1)[0]) };
    if (op === 'range') return { type, from: day(args(a, 2)[0]), to: day(a[1]) };
    if (word === 'last' && op === 'never' && !a.length) return { type: 'neverPurchased' };
    if (word === 'last' && op === 'within') return { type: 'purchasedWithin', days: num(args(a, 1)[0]) };
    if (word === 'last' && op === 'notwithin') return { type: 'notPurchasedWithin', days: num(args(a, 1)[0]) };
    throw new Unreadable(false);
  }
  if (word in LISTS) {
    const [type, key] = LISTS[word as keyof typeof LISTS];
    return { type, [key]: values(rest) };
  }
  switch (word) {
    case 'bday': {
      const [op, ...a] = rest;
      if (op === 'month') return { type: 'birthdayMonth', months: values(a).map(num) };
      if (op === 'next') return { type: 'birthdayWithin', days: num(args(a, 1)[0]) };
      throw new Unreadable(false);
    }
    case 'kind':
      return { type: 'kind', kind: args(rest, 1)[0] };
    case 'cat': {
      const [match, ...ids] = rest;
      return { type: 'categories', match, ids: values(ids) };
    }
    case 'credits': {
      const [op, ...a] = rest;
      if (op === 'active' && !a.length) return { type: 'activeCredits' };
      if (op === 'expiring') return { type: 'creditsExpiring', days: num(args(a, 1)[0]) };
      throw new Unreadable(false);
    }
    case 'unit':
      return { type: 'unit', ids: values(rest) };
    case 'consent': {
      const [channel, answer] = args(rest, 2);
      if (answer !== 'yes' && answer !== 'no') throw new Unreadable(false);
      return { type: 'consent', channel, granted: answer === 'yes' };
    }
  }
  throw new Unreadable(true);
}

/** Why a filter text could not be read: a code and the part of the text it is about. */
export interface Unread {
  code: IssueCode;
  near: string;
}

/**
 * Reads a filter's text by the grammar above; `check` turns each condition as read into a checked
 * one, or `undefined` when it is out of range (the codec checks with the schema, the display with
 * the vocabularies only).
 */
export function readFilterText(text: string, check: (raw: Record<string, unknown>) => FilterCondition | undefined): { data: FilterExpression } | Unread {
  if (text.length > FILTER_MAX_LENGTH) return { code: 'too_long', near: text.slice(0, 40) };
  if (text === '') return { data: [] };
  const terms: FilterTerm[] = [];
  const termTexts = text.split('.');
  if (termTexts.length > FILTER_MAX_TERMS) return { code: 'invalid_filter', near: termTexts[FILTER_MAX_TERMS]! };
  for (const termText of termTexts) {
    const alternatives: FilterCondition[] = [];
    const parts = termText.split('*');
    if (parts.length > FILTER_MAX_ALTERNATIVES) return { code: 'invalid_filter', near: termText };
    for (const part of parts) {
      let raw: Record<string, unknown>;
      try {
        raw = readCondition(part);
      } catch (e) {
        if (!(e instanceof Unreadable)) throw e;
        return { code: e.unknown ? 'filter_unknown_condition' : 'invalid_filter', near: part };
      }
      const checked = check(raw);
      if (!checked) return { code: 'invalid_filter', near: part };
      alternatives.push(checked);
    }
    terms.push(alternatives.length === 1 ? alternatives[0]! : { or: alternatives });
  }
  return { data: terms };
}

/** Every condition type the grammar reads (made on first use, so a bundle that never shows a filter drops it). */
let types: Set<string> | undefined;
const knownType = (type: unknown) =>
  (types ??= new Set<string>([
    ...Object.values(RANGES),
    ...Object.values(DAY_RANGES),
    ...Object.values(LISTS).map(([t]) => t),
    'neverPurchased', 'purchasedWithin', 'notPurchasedWithin', 'birthdayMonth', 'birthdayWithin', 'kind', 'categories',
    'activeCredits', 'creditsExpiring', 'unit', 'consent',
  ])).has(type as string);
const inList = (list: readonly string[], value: unknown) => typeof value === 'string' && list.includes(value);

/**
 * A filter text the server has already accepted (a category's rule, the filter of a data-log
 * entry), read for showing it in words: the grammar, and the words that name a label (kind,
 * category match, consent channel), without the schema's range checks, so no zod is bundled.
 * `undefined` when the text cannot be read. Input a person typed is read with `parseFilter`.
 *
 * @example
 * readShownFilter('last-notwithin-90.uf-SP'); // [{ type: 'notPurchasedWithin', days: 90 }, { type: 'state', states: ['SP'] }]
 */
export function readShownFilter(text: string): FilterExpression | undefined {
  const r = readFilterText(text, (raw) => {
    if (!knownType(raw['type'])) return undefined;
    if (raw['type'] === 'kind' && !inList(CUSTOMER_KINDS, raw['kind'])) return undefined;
    if (raw['type'] === 'categories' && !inList(CATEGORY_MATCHES, raw['match'])) return undefined;
    if (raw['type'] === 'consent' && !inList(FILTER_CHANNELS, raw['channel'])) return undefined;
    return raw as FilterCondition;
  });
  return 'data' in r ? r.data : undefined;
}
