import { cityKey } from '@clientela/core/format';
import type { Locale } from '@clientela/core/i18n';
import {
  FilterConditionSchema,
  parseWith,
  type CategoryMatch,
  type CustomerKind,
  type FilterChannel,
  type FilterCondition,
  type FilterConditionType,
} from '@clientela/core/schemas';

// What the condition editor's fields hold while a person types, and how it becomes a condition
// (checked by core's schema, so the editor refuses exactly what the server would). No DOM: the
// editor renders a draft and reads it back; Node tests cover the conversions.

/** The editor's fields, as typed (money and numbers as text in the reader's locale). */
export interface ConditionDraft {
  min: string;
  max: string;
  from: string;
  to: string;
  days: string;
  months: number[];
  /** UFs, statuses, sources or category ids, as the condition type calls for. */
  values: string[];
  /** City names, one per line or separated by commas. */
  cities: string;
  /** Unit ids, separated by commas. */
  units: string;
  kind: CustomerKind;
  match: CategoryMatch;
  channel: FilterChannel;
  granted: boolean;
}

/** Which fields a condition type edits. */
export type DraftShape = 'money' | 'count' | 'days-range' | 'none' | 'days' | 'months' | 'cities' | 'units' | 'choices' | 'kind' | 'categories' | 'consent';

export const SHAPES: Record<FilterConditionType, DraftShape> = {
  totalSpent: 'money',
  averageTicket: 'money',
  ordersCount: 'count',
  lastPurchase: 'days-range',
  customerSince: 'days-range',
  neverPurchased: 'none',
  purchasedWithin: 'days',
  notPurchasedWithin: 'days',
  birthdayWithin: 'days',
  birthdayMonth: 'months',
  city: 'cities',
  state: 'choices',
  status: 'choices',
  source: 'choices',
  kind: 'kind',
  categories: 'categories',
  consent: 'consent',
  activeCredits: 'none',
  creditsExpiring: 'days',
  unit: 'units',
};

/** The order of the "add a condition" menu: what people filter by most first. */
export const CONDITION_TYPES: readonly FilterConditionType[] = [
  'notPurchasedWithin', 'purchasedWithin', 'neverPurchased', 'lastPurchase', 'totalSpent', 'ordersCount', 'averageTicket',
  'birthdayMonth', 'birthdayWithin', 'state', 'city', 'categories', 'status', 'kind', 'source', 'consent', 'customerSince',
  'activeCredits', 'creditsExpiring', 'unit',
];

const DECIMAL: Record<Locale, { group: string; decimal: string }> = {
  'pt-BR': { group: '.', decimal: ',' },
  es: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** A sum typed in the locale's way ("1.000,50", "R$ 1000", "1,000.50" in English) in cents; NaN when it is not one. */
export function parseMoney(text: string, locale: Locale): number {
  const { group, decimal } = DECIMAL[locale];
  const plain = text.replace(/R\$|\s/g, '').split(group).join('').replace(decimal, '.');
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(plain)) return Number.NaN;
  const [whole, cents = ''] = plain.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

/** Cents as the editor shows them: "1.000,50" (no currency sign, the field's label has it). */
export function moneyText(cents: number | undefined, locale: Locale): string {
  if (cents === undefined) return '';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: cents % 100 ? 2 : 0, maximumFractionDigits: 2 }).format(cents / 100);
}

/** The draft of a condition (a new one of `type` when none), for the editor to show. */
export function draftOf(type: FilterConditionType, c: FilterCondition | undefined, locale: Locale): ConditionDraft {
  const d: ConditionDraft = { min: '', max: '', from: '', to: '', days: '', months: [], values: [], cities: '', units: '', kind: 'person', match: 'any', channel: 'email', granted: true };
  if (!c) {
    if (type === 'notPurchasedWithin' || type === 'purchasedWithin') d.days = '90';
    if (type === 'birthdayWithin') d.days = '7';
    if (type === 'creditsExpiring') d.days = '30';
    return d;
  }
  switch (c.type) {
    case 'totalSpent':
    case 'averageTicket':
      return { ...d, min: moneyText(c.min, locale), max: moneyText(c.max, locale) };
    case 'ordersCount':
      return { ...d, min: c.min === undefined ? '' : String(c.min), max: c.max === undefined ? '' : String(c.max) };
    case 'lastPurchase':
    case 'customerSince':
      return { ...d, from: c.from ?? '', to: c.to ?? '' };
    case 'purchasedWithin':
    case 'notPurchasedWithin':
    case 'birthdayWithin':
    case 'creditsExpiring':
      return { ...d, days: String(c.days) };
    case 'unit':
      return { ...d, units: c.ids.join(', ') };
    case 'birthdayMonth':
      return { ...d, months: [...c.months] };
    case 'city':
      return { ...d, cities: c.cities.join(', ') };
    case 'state':
      return { ...d, values: [...c.states] };
    case 'status':
      return { ...d, values: [...c.statuses] };
    case 'source':
      return { ...d, values: [...c.sources] };
    case 'kind':
      return { ...d, kind: c.kind };
    case 'categories':
      return { ...d, match: c.match, values: [...c.ids] };
    case 'consent':
      return { ...d, channel: c.channel, granted: c.granted };
    case 'neverPurchased':
    case 'activeCredits':
      return d;
  }
}

/** Why a draft is not a condition: a message for the field it is about (`min`, `max`, `from`, `to`, `days`, `values`…). */
export interface DraftError {
  field: string;
  /** `money` (not a sum), `number` (not a whole number), or the code of core's issue (`required`, `invalid_value`, `too_small`…). */
  code: string;
  /** Core's localized message, when the schema refused it. */
  message?: string;
}

const int = (text: string): number => (/^\s*\d{1,9}\s*$/.test(text) ? Number(text) : Number.NaN);

/** Reads a draft into the raw condition (not yet checked), or the field that cannot be read. */
function raw(type: FilterConditionType, d: ConditionDraft, locale: Locale): Record<string, unknown> | DraftError {
  const optional = (text: string, read: (t: string) => number, field: string, code: 'money' | 'number'): { value: number | undefined } | { error: DraftError } => {
    if (!text.trim()) return { value: undefined };
    const value = read(text);
    return Number.isNaN(value) ? { error: { field, code } as DraftError } : { value };
  };
  switch (SHAPES[type]) {
    case 'money':
    case 'count': {
      const read = SHAPES[type] === 'money' ? (t: string) => parseMoney(t, locale) : int;
      const code = SHAPES[type] === 'money' ? 'money' : 'number';
      const min = optional(d.min, read, 'min', code);
      if ('error' in min) return min.error;
      const max = optional(d.max, read, 'max', code);
      if ('error' in max) return max.error;
      return { type, ...(min.value !== undefined && { min: min.value }), ...(max.value !== undefined && { max: max.value }) };
    }
    case 'days-range':
      return { type, ...(d.from && { from: d.from }), ...(d.to && { to: d.to }) };
    case 'none':
      return { type };
    case 'days': {
      const days = int(d.days);
      return Number.isNaN(days) ? { field: 'days', code: 'number' } : { type, days };
    }
    case 'months':
      return { type, months: [...d.months].sort((a, b) => a - b) };
    case 'cities':
      return { type, cities: [...new Set(d.cities.split(/[,;\n]/).map(cityKey).filter(Boolean))] };
    case 'units':
      return { type, ids: [...new Set(d.units.split(/[,;\s]+/).filter(Boolean))] };
    case 'choices':
      return { type, [type === 'state' ? 'states' : type === 'status' ? 'statuses' : 'sources']: d.values };
    case 'kind':
      return { type, kind: d.kind };
    case 'categories':
      return { type, match: d.match, ids: d.values };
    case 'consent':
      return { type, channel: d.channel, granted: d.granted };
  }
}

/** Fields of the editor a schema path names (`min`, `states` → `values`, `months`…). */
const FIELD_OF: Record<string, string> = { states: 'values', statuses: 'values', sources: 'values', ids: 'values', cities: 'cities' };

/**
 * The condition a draft describes, checked by core's schema; or the field to fix, with core's
 * localized message (a range with neither bound, `min` above `max`, an empty list…).
 *
 * @example
 * conditionOf('totalSpent', { ...draft, min: '1.000' }, 'pt-BR'); // { condition: { type: 'totalSpent', min: 100000 } }
 */
export function conditionOf(type: FilterConditionType, d: ConditionDraft, locale: Locale): { condition: FilterCondition } | { error: DraftError } {
  const r = raw(type, d, locale);
  if (!('type' in r)) return { error: r as DraftError };
  const checked = parseWith(FilterConditionSchema, r, locale);
  if (checked.success) return { condition: checked.data };
  const issue = checked.issues[0]!;
  const top = issue.path.split('.')[0] ?? '';
  const field = (type === 'unit' ? 'units' : FIELD_OF[top]) ?? (top || (SHAPES[type] === 'days-range' ? 'from' : SHAPES[type] === 'money' || SHAPES[type] === 'count' ? 'min' : 'values'));
  return { error: { field, code: issue.code, message: issue.message } };
}
