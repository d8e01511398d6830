import { cityKey } from '../format/format.js';
import { sourcesOf } from '../rules/constants.js';
import type { Customer } from './customer.js';
import type { FilterCondition, FilterExpression } from './filter.js';

// What a filter means at a given time. `resolveFilter` turns the relative parts ("in the last 90
// days", "birthday in the next 7 days", calendar days of the store's time zone) into absolute
// bounds once per request; `matchesFilterFields` tests a customer's filterable fields against
// them. The server's SQL stores compile the same resolved filter to SQL over columns written from
// `filterFieldsOf`, so every store answers alike.

/** The time zone whose calendar days the day conditions (`from`, `to`, birthdays) count in. */
export const FILTER_TIME_ZONE = 'America/Sao_Paulo';

const DAY_MS = 86_400_000;

/** The fields a filter reads, as plain values (the SQL stores keep them as columns). */
export interface FilterFields {
  kind: string;
  status: string;
  /** The origin (first source). */
  source: string;
  /** Every system that knows the customer ({@link sourcesOf}): the `source` condition matches any of them. */
  sources: readonly string[];
  /** UF of the address, `''` without one. */
  state: string;
  /** {@link cityKey} of the address's city, `''` without one. */
  city: string;
  /** `mm-dd` of the birth date, `''` without one. */
  birthday: string;
  categoryIds: readonly string[];
  /** Consent bits: e-mail 1, SMS 2, WhatsApp 4. */
  consent: number;
  totalSpent: number;
  ordersCount: number;
  /** ISO instant of the last purchase, `''` for never. */
  lastPurchaseAt: string;
  createdAt: string;
  /**
   * When each credit grant with balance left expires (ISO instants). Not part of the customer
   * record: a store fills it from the credits ledger; absent, the customer holds no credit.
   */
  credits?: readonly string[] | undefined;
  /** Units of the customer's orders that count (not returned or cancelled), from the store's orders. */
  units?: readonly string[] | undefined;
}

/** The bit of a channel in {@link FilterFields.consent}. */
export const CONSENT_BITS = { email: 1, sms: 2, whatsapp: 4 } as const;

/** A condition with its time made absolute. */
export type ResolvedCondition =
  | { op: 'range'; field: 'totalSpent' | 'ordersCount'; min?: number | undefined; max?: number | undefined }
  /** Average ticket, as `min × orders ≤ total ≤ max × orders` over customers with orders (exact in integers). */
  | { op: 'ticket'; min?: number | undefined; max?: number | undefined }
  /** `from ≤ t < before` over ISO instants; a never-bought customer (`''`) matches only with `orNone`. */
  | { op: 'time'; field: 'lastPurchaseAt' | 'createdAt'; from?: string | undefined; before?: string | undefined; orNone?: boolean }
  | { op: 'never' }
  /** Birthday (`mm-dd`) within one of these inclusive ranges. */
  | { op: 'birthday'; ranges: [string, string][] }
  | { op: 'in'; field: 'state' | 'city' | 'kind' | 'status' | 'source'; values: string[] }
  /** Known to at least one of these systems (any of its `sources`). */
  | { op: 'sources'; values: string[] }
  | { op: 'categories'; match: 'any' | 'all' | 'none'; ids: string[] }
  | { op: 'consent'; bit: number; granted: boolean }
  /** Holds a grant with balance left that expires after `after` (and, with `until`, at or before it). */
  | { op: 'credits'; after: string; until?: string | undefined }
  | { op: 'unit'; ids: string[] };

/** A filter at a time: terms that must all hold, each a list of alternatives of which one must. */
export type ResolvedFilter = ResolvedCondition[][];

/**
 * The fields of a customer that filters read.
 *
 * @example
 * filterFieldsOf(customer).city; // 'sao_paulo'
 */
export function filterFieldsOf(c: Customer): FilterFields {
  const birth = c.kind === 'person' && c.birthDate ? /^\d{4}-(\d{2}-\d{2})$/.exec(c.birthDate) : null;
  const consent = c.marketingConsent;
  return {
    kind: c.kind,
    status: c.status,
    source: c.source,
    sources: sourcesOf(c),
    state: c.address?.state ?? '',
    city: c.address ? cityKey(c.address.city) : '',
    birthday: birth ? birth[1]! : '',
    categoryIds: c.categoryIds,
    consent: (consent.email ? 1 : 0) | (consent.sms ? 2 : 0) | (consent.whatsapp ? 4 : 0),
    totalSpent: c.stats.totalSpentCents,
    ordersCount: c.stats.ordersCount,
    lastPurchaseAt: c.stats.lastPurchaseAt ?? '',
    createdAt: c.createdAt,
  };
}

// ---- calendar days in a time zone --------------------------------------------------------------

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Year, month, day, hour, minute, second of an instant in `zone`. */
function partsIn(ms: number, zone: string): number[] {
  let f = zoneFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    zoneFormats.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(new Date(ms))) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return [p.year!, p.month!, p.day!, p.hour! % 24, p.minute!, p.second!];
}

function utcMs(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  t.setUTCHours(h, mi, s, 0);
  return t.getTime();
}

/** The instant a calendar day (`aaaa-mm-dd`) starts in `zone`. */
function dayStart(iso: string, zone: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const wall = utcMs(y, m, d);
  // The zone's offset at a guess, then at the instant it gives (right across an offset change).
  const offsetAt = (ms: number) => {
    const [py, pm, pd, ph, pmi, ps] = partsIn(ms, zone) as [number, number, number, number, number, number];
    return utcMs(py, pm, pd, ph, pmi, ps) - Math.floor(ms / 1000) * 1000;
  };
  // Where midnight does not exist (clocks jumped forward at 00:00), the day starts at the jump:
  // of the two candidates, the earliest instant that already falls on the day.
  const first = wall - offsetAt(wall);
  const second = wall - offsetAt(first);
  const onDay = (ms: number) => {
    const [py, pm, pd] = partsIn(ms, zone) as [number, number, number];
    return py === y && pm === m && pd === d;
  };
  const candidates = [first, second].filter(onDay).sort((a, b) => a - b);
  return candidates[0] ?? first;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `aaaa-mm-dd` of the day after `iso`, or undefined past year 9999. */
function nextDay(iso: string): string | undefined {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const next = utcMs(y, m, d + 1);
  return new Date(next).getUTCFullYear() > 9999 ? undefined : isoDay(next);
}

/** Every `mm-dd` of a leap year, in order (also the order of the strings). */
const ALL_BIRTHDAYS = Array.from({ length: 366 }, (_, i) => isoDay(utcMs(2000, 1, 1 + i)).slice(5));

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The `mm-dd` ranges of birthdays from today (in `zone`) to `days` days later. */
function birthdayRanges(now: Date, days: number, zone: string): [string, string][] {
  const [y, m, d] = partsIn(now.getTime(), zone) as [number, number, number];
  const hit = new Set<string>();
  for (let i = 0; i <= days; i++) {
    const t = new Date(utcMs(y, m, d + i));
    const md = t.toISOString().slice(5, 10);
    hit.add(md);
    // Born on 29 February: in a year without one, the birthday is 1 March.
    if (md === '03-01' && !isLeap(t.getUTCFullYear())) hit.add('02-29');
  }
  const ranges: [string, string][] = [];
  let start: string | undefined;
  for (let i = 0; i <= ALL_BIRTHDAYS.length; i++) {
    const md = ALL_BIRTHDAYS[i];
    if (md !== undefined && hit.has(md)) start ??= md;
    else if (start !== undefined) {
      ranges.push([start, ALL_BIRTHDAYS[i - 1]!]);
      start = undefined;
    }
  }
  return ranges;
}

// ---- resolving and matching --------------------------------------------------------------------

function resolveCondition(c: FilterCondition, now: Date, zone: string): ResolvedCondition {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
  const days = (from: string | undefined, to: string | undefined) => {
    const after = to === undefined ? undefined : nextDay(to);
    return {
      from: from === undefined ? undefined : new Date(dayStart(from, zone)).toISOString(),
      before: after === undefined ? undefined : new Date(dayStart(after, zone)).toISOString(),
    };
  };
  switch (c.type) {
    case 'totalSpent':
    case 'ordersCount':
      return { op: 'range', field: c.type, min: c.min, max: c.max };
    case 'averageTicket':
      return { op: 'ticket', min: c.min, max: c.max };
    case 'lastPurchase':
      return { op: 'time', field: 'lastPurchaseAt', ...days(c.from, c.to) };
    case 'customerSince':
      return { op: 'time', field: 'createdAt', ...days(c.from, c.to) };
    case 'neverPurchased':
      return { op: 'never' };
    case 'purchasedWithin':
      return { op: 'time', field: 'lastPurchaseAt', from: ago(c.days) };
    case 'notPurchasedWithin':
      return { op: 'time', field: 'lastPurchaseAt', before: ago(c.days), orNone: true };
    case 'birthdayMonth':
      return { op: 'birthday', ranges: c.months.map((m) => [`${String(m).padStart(2, '0')}-01`, `${String(m).padStart(2, '0')}-31`]) };
    case 'birthdayWithin':
      return { op: 'birthday', ranges: birthdayRanges(now, c.days, zone) };
    case 'city':
      return { op: 'in', field: 'city', values: c.cities };
    case 'state':
      return { op: 'in', field: 'state', values: c.states };
    case 'kind':
      return { op: 'in', field: 'kind', values: [c.kind] };
    case 'status':
      return { op: 'in', field: 'status', values: c.statuses };
    case 'source':
      return { op: 'sources', values: c.sources };
    case 'categories':
      return { op: 'categories', match: c.match, ids: c.ids };
    case 'consent':
      return { op: 'consent', bit: CONSENT_BITS[c.channel], granted: c.granted };
    case 'activeCredits':
      return { op: 'credits', after: now.toISOString() };
    case 'creditsExpiring':
      return { op: 'credits', after: now.toISOString(), until: new Date(now.getTime() + c.days * DAY_MS).toISOString() };
    case 'unit':
      return { op: 'unit', ids: c.ids };
  }
}

/**
 * A filter with its relative parts made absolute at `now` (the request's time): "in the last N
 * days" from `now`, calendar days and birthdays in {@link FILTER_TIME_ZONE}.
 *
 * @example
 * resolveFilter([{ type: 'purchasedWithin', days: 30 }], new Date('2026-11-30T12:00:00Z'));
 * // [[{ op: 'time', field: 'lastPurchaseAt', from: '2026-10-31T12:00:00.000Z' }]]
 */
export function resolveFilter(filter: FilterExpression, now: Date, zone: string = FILTER_TIME_ZONE): ResolvedFilter {
  return filter.map((t) => ('or' in t ? t.or : [t]).map((c) => resolveCondition(c, now, zone)));
}

/** One condition as a test of fields, with its constants bound once (a store runs it on every row). */
function conditionTest(c: ResolvedCondition): (f: FilterFields) => boolean {
  switch (c.op) {
    case 'range': {
      const { field } = c;
      const min = c.min ?? -Infinity;
      const max = c.max ?? Infinity;
      return (f) => f[field] >= min && f[field] <= max;
    }
    case 'ticket': {
      const { min, max } = c;
      return (f) => f.ordersCount > 0 && (min === undefined || f.totalSpent >= min * f.ordersCount) && (max === undefined || f.totalSpent <= max * f.ordersCount);
    }
    case 'time': {
      const { field, from, before } = c;
      const orNone = c.orNone === true;
      return (f) => {
        const v = f[field];
        if (v === '') return orNone;
        return (from === undefined || v >= from) && (before === undefined || v < before);
      };
    }
    case 'never':
      return (f) => f.lastPurchaseAt === '';
    case 'birthday': {
      const { ranges } = c;
      return (f) => {
        const b = f.birthday;
        if (b === '') return false;
        for (const [lo, hi] of ranges) if (b >= lo && b <= hi) return true;
        return false;
      };
    }
    case 'in': {
      const { field } = c;
      const values = new Set<string>(c.values);
      return (f) => values.has(f[field]);
    }
    case 'sources': {
      const values = new Set<string>(c.values);
      return (f) => f.sources.some((s) => values.has(s));
    }
    case 'categories': {
      const ids = [...new Set(c.ids)];
      const set = new Set(ids);
      const anyOf = (f: FilterFields) => {
        for (const id of f.categoryIds) if (set.has(id)) return true;
        return false;
      };
      if (c.match === 'any') return anyOf;
      if (c.match === 'none') return (f) => !anyOf(f);
      return (f) => ids.every((id) => f.categoryIds.includes(id));
    }
    case 'consent': {
      const { bit, granted } = c;
      return (f) => ((f.consent & bit) !== 0) === granted;
    }
    case 'credits': {
      const { after, until } = c;
      return (f) => f.credits?.some((at) => at > after && (until === undefined || at <= until)) ?? false;
    }
    case 'unit': {
      const ids = new Set(c.ids);
      return (f) => f.units?.some((u) => ids.has(u)) ?? false;
    }
  }
}

/**
 * A resolved filter as one test of fields (from {@link filterFieldsOf}), built once and run on
 * many customers.
 *
 * @example
 * const test = filterTest(resolveFilter(filter, now));
 * const matches = customers.filter((c) => test(filterFieldsOf(c)));
 */
export function filterTest(filter: ResolvedFilter): (fields: FilterFields) => boolean {
  const terms = filter.map((alternatives) => alternatives.map(conditionTest));
  return (f) => {
    for (const alternatives of terms) {
      let one = false;
      for (const test of alternatives) if ((one = test(f))) break;
      if (!one) return false;
    }
    return true;
  };
}

/** Whether fields (from {@link filterFieldsOf}) pass a resolved filter. */
export function matchesFilterFields(fields: FilterFields, filter: ResolvedFilter): boolean {
  return filterTest(filter)(fields);
}

/** Whether a resolved filter reads the credits ledger (a store then fills {@link FilterFields.credits}). */
export function filterReadsCredits(filter: ResolvedFilter): boolean {
  return filter.some((alternatives) => alternatives.some((c) => c.op === 'credits'));
}

/** Whether a resolved filter reads the orders' units (a store then fills {@link FilterFields.units}). */
export function filterReadsUnits(filter: ResolvedFilter): boolean {
  return filter.some((alternatives) => alternatives.some((c) => c.op === 'unit'));
}

/**
 * Whether a customer passes a filter at a time. Credit and unit conditions read `extra` (what the
 * store knows of the customer's ledger and orders); without it they do not hold.
 *
 * @example
 * matchesFilter(customer, resolveFilter(parseFilter('uf-SP').data, new Date())); // true for a customer in SP
 */
export function matchesFilter(customer: Customer, filter: ResolvedFilter, extra: Pick<FilterFields, 'credits' | 'units'> = {}): boolean {
  return matchesFilterFields({ ...filterFieldsOf(customer), ...extra }, filter);
}
