import type { FilterCondition, FilterConditionType, FilterTerm } from '../schemas/filter.js';
import type { BuiltInViewId } from '../schemas/view.js';
import { CUSTOMER_KIND_LABELS, CUSTOMER_SOURCE_LABELS, CUSTOMER_STATUS_LABELS } from './labels.js';
import type { Locale } from './locale.js';

// A filter condition in plain words ("Gastou R$ 1.000,00 ou mais", "Sem compra há 90 dias",
// "Aniversariantes de dezembro", "UF: SP"): one home for the wording, so the filter builder's
// chips, a saved view's default name and the data log say the same thing. Money, numbers, dates
// and lists go through Intl in the reader's locale.

/** What a description needs that the filter text does not carry: names for ids and keys. */
export interface DescribeFilterOptions {
  /** A category's name by id (the id itself when unknown). */
  categoryName?: (id: string) => string | undefined;
  /** A city's name by its key (`sao_paulo`); default: the key's words capitalized. */
  cityName?: (key: string) => string | undefined;
}

type Words = {
  spentMin: string; spentMax: string; spentRange: string;
  ordersMin: string; ordersMax: string; ordersRange: string;
  ticketMin: string; ticketMax: string; ticketRange: string;
  lastFrom: string; lastTo: string; lastRange: string;
  never: string; within: string; notWithin: string;
  sinceFrom: string; sinceTo: string; sinceRange: string;
  bdayMonth: string; bdayToday: string; bdayNext: string;
  city: string; state: string; status: string; source: string;
  catAny: string; catAll: string; catNone: string;
  consentYes: string; consentNo: string;
  email: string; sms: string; whatsapp: string;
  or: string;
};

const WORDS: Record<Locale, Words> = {
  'pt-BR': {
    spentMin: 'Gastou {a} ou mais', spentMax: 'Gastou até {b}', spentRange: 'Gastou entre {a} e {b}',
    ordersMin: '{a} ou mais pedidos', ordersMax: 'Até {b} pedidos', ordersRange: 'Entre {a} e {b} pedidos',
    ticketMin: 'Ticket médio de {a} ou mais', ticketMax: 'Ticket médio até {b}', ticketRange: 'Ticket médio entre {a} e {b}',
    lastFrom: 'Última compra a partir de {a}', lastTo: 'Última compra até {b}', lastRange: 'Última compra entre {a} e {b}',
    never: 'Nunca comprou', within: 'Comprou nos últimos {n} dias', notWithin: 'Sem compra há {n} dias',
    sinceFrom: 'Cliente desde {a} ou depois', sinceTo: 'Cliente desde {b} ou antes', sinceRange: 'Cliente desde entre {a} e {b}',
    bdayMonth: 'Aniversariantes de {months}', bdayToday: 'Aniversariantes de hoje', bdayNext: 'Aniversário nos próximos {n} dias',
    city: 'Cidade: {list}', state: 'UF: {list}', status: 'Situação: {list}', source: 'Origem: {list}',
    catAny: 'Categoria: {list}', catAll: 'Todas as categorias: {list}', catNone: 'Sem a categoria: {list}',
    consentYes: 'Aceita {channel}', consentNo: 'Não aceita {channel}',
    email: 'e-mail', sms: 'SMS', whatsapp: 'WhatsApp',
    or: 'ou',
  },
  en: {
    spentMin: 'Spent {a} or more', spentMax: 'Spent up to {b}', spentRange: 'Spent between {a} and {b}',
    ordersMin: '{a} or more orders', ordersMax: 'Up to {b} orders', ordersRange: 'Between {a} and {b} orders',
    ticketMin: 'Average ticket {a} or more', ticketMax: 'Average ticket up to {b}', ticketRange: 'Average ticket between {a} and {b}',
    lastFrom: 'Last purchase on or after {a}', lastTo: 'Last purchase on or before {b}', lastRange: 'Last purchase between {a} and {b}',
    never: 'Never purchased', within: 'Purchased in the last {n} days', notWithin: 'No purchase in {n} days',
    sinceFrom: 'Customer since {a} or later', sinceTo: 'Customer since {b} or earlier', sinceRange: 'Customer since between {a} and {b}',
    bdayMonth: 'Birthdays in {months}', bdayToday: 'Birthdays today', bdayNext: 'Birthday in the next {n} days',
    city: 'City: {list}', state: 'State: {list}', status: 'Status: {list}', source: 'Source: {list}',
    catAny: 'Category: {list}', catAll: 'All categories: {list}', catNone: 'Not in category: {list}',
    consentYes: 'Accepts {channel}', consentNo: 'Does not accept {channel}',
    email: 'e-mail', sms: 'SMS', whatsapp: 'WhatsApp',
    or: 'or',
  },
  es: {
    spentMin: 'Gastó {a} o más', spentMax: 'Gastó hasta {b}', spentRange: 'Gastó entre {a} y {b}',
    ordersMin: '{a} pedidos o más', ordersMax: 'Hasta {b} pedidos', ordersRange: 'Entre {a} y {b} pedidos',
    ticketMin: 'Ticket medio de {a} o más', ticketMax: 'Ticket medio hasta {b}', ticketRange: 'Ticket medio entre {a} y {b}',
    lastFrom: 'Última compra desde {a}', lastTo: 'Última compra hasta {b}', lastRange: 'Última compra entre {a} y {b}',
    never: 'Nunca compró', within: 'Compró en los últimos {n} días', notWithin: 'Sin compras hace {n} días',
    sinceFrom: 'Cliente desde {a} o después', sinceTo: 'Cliente desde {b} o antes', sinceRange: 'Cliente desde entre {a} y {b}',
    bdayMonth: 'Cumpleaños en {months}', bdayToday: 'Cumpleaños hoy', bdayNext: 'Cumpleaños en los próximos {n} días',
    city: 'Ciudad: {list}', state: 'Estado: {list}', status: 'Estado: {list}', source: 'Origen: {list}',
    catAny: 'Categoría: {list}', catAll: 'Todas las categorías: {list}', catNone: 'Sin la categoría: {list}',
    consentYes: 'Acepta {channel}', consentNo: 'No acepta {channel}',
    email: 'e-mail', sms: 'SMS', whatsapp: 'WhatsApp',
    or: 'o',
  },
};

/** The name of each kind of condition, for the builder's "add a condition" menu. */
export const FILTER_CONDITION_LABELS: Record<Locale, Record<FilterConditionType, string>> = {
  'pt-BR': {
    totalSpent: 'Total gasto', ordersCount: 'Número de pedidos', averageTicket: 'Ticket médio', lastPurchase: 'Data da última compra',
    neverPurchased: 'Nunca comprou', purchasedWithin: 'Comprou nos últimos dias', notPurchasedWithin: 'Sem compra há dias',
    customerSince: 'Cliente desde', birthdayMonth: 'Aniversariantes do mês', birthdayWithin: 'Aniversário nos próximos dias',
    city: 'Cidade', state: 'UF', kind: 'Tipo', status: 'Situação', categories: 'Categorias', source: 'Origem', consent: 'Consentimento',
  },
  en: {
    totalSpent: 'Total spent', ordersCount: 'Number of orders', averageTicket: 'Average ticket', lastPurchase: 'Last purchase date',
    neverPurchased: 'Never purchased', purchasedWithin: 'Purchased in the last days', notPurchasedWithin: 'No purchase in days',
    customerSince: 'Customer since', birthdayMonth: 'Birthdays in a month', birthdayWithin: 'Birthday in the next days',
    city: 'City', state: 'State', kind: 'Kind', status: 'Status', categories: 'Categories', source: 'Source', consent: 'Consent',
  },
  es: {
    totalSpent: 'Total gastado', ordersCount: 'Número de pedidos', averageTicket: 'Ticket medio', lastPurchase: 'Fecha de la última compra',
    neverPurchased: 'Nunca compró', purchasedWithin: 'Compró en los últimos días', notPurchasedWithin: 'Sin compras hace días',
    customerSince: 'Cliente desde', birthdayMonth: 'Cumpleaños del mes', birthdayWithin: 'Cumpleaños en los próximos días',
    city: 'Ciudad', state: 'Estado', kind: 'Tipo', status: 'Estado', categories: 'Categorías', source: 'Origen', consent: 'Consentimiento',
  },
};

/** Names of the built-in saved views. */
export const BUILT_IN_VIEW_NAMES: Record<Locale, Record<BuiltInViewId, string>> = {
  'pt-BR': { builtin_no_purchase_90: 'Sem compra há 90 dias', builtin_birthdays_month: 'Aniversariantes do mês', builtin_top_buyers: 'Maiores compradores' },
  en: { builtin_no_purchase_90: 'No purchase in 90 days', builtin_birthdays_month: 'Birthdays this month', builtin_top_buyers: 'Top buyers' },
  es: { builtin_no_purchase_90: 'Sin compras hace 90 días', builtin_birthdays_month: 'Cumpleaños del mes', builtin_top_buyers: 'Mayores compradores' },
};

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

function money(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'BRL' }).format(cents / 100);
}

function day(iso: string, locale: Locale): string {
  // A calendar day: formatted at noon UTC in UTC so no time zone moves it to another day.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T12:00:00Z`));
}

function monthName(month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, month - 1, 15)));
}

function orList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(items);
}

function andList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

/** `sao_paulo` → `Sao Paulo`: the key's words capitalized, when no name is known. */
function cityFromKey(key: string): string {
  return key
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

function ranged(w: Words, prefix: 'spent' | 'orders' | 'ticket', c: { min?: number | undefined; max?: number | undefined }, show: (n: number) => string): string {
  const a = c.min === undefined ? '' : show(c.min);
  const b = c.max === undefined ? '' : show(c.max);
  const key = c.min !== undefined && c.max !== undefined ? 'Range' : c.min !== undefined ? 'Min' : 'Max';
  return fill(w[`${prefix}${key}`], { a, b });
}

function dayRanged(w: Words, prefix: 'last' | 'since', c: { from?: string | undefined; to?: string | undefined }, locale: Locale): string {
  const a = c.from === undefined ? '' : day(c.from, locale);
  const b = c.to === undefined ? '' : day(c.to, locale);
  const key = c.from !== undefined && c.to !== undefined ? 'Range' : c.from !== undefined ? 'From' : 'To';
  return fill(w[`${prefix}${key}`], { a, b });
}

/**
 * One condition in plain words, in `locale`.
 *
 * @example
 * describeFilterCondition({ type: 'totalSpent', min: 100000 }, 'pt-BR'); // 'Gastou R$ 1.000,00 ou mais'
 * describeFilterCondition({ type: 'notPurchasedWithin', days: 90 }, 'pt-BR'); // 'Sem compra há 90 dias'
 * describeFilterCondition({ type: 'birthdayMonth', months: [12] }, 'pt-BR'); // 'Aniversariantes de dezembro'
 */
export function describeFilterCondition(c: FilterCondition, locale: Locale, options: DescribeFilterOptions = {}): string {
  const w = WORDS[locale];
  const num = (n: number) => new Intl.NumberFormat(locale).format(n);
  const m = (n: number) => money(n, locale);
  switch (c.type) {
    case 'totalSpent':
      return ranged(w, 'spent', c, m);
    case 'ordersCount':
      return ranged(w, 'orders', c, num);
    case 'averageTicket':
      return ranged(w, 'ticket', c, m);
    case 'lastPurchase':
      return dayRanged(w, 'last', c, locale);
    case 'neverPurchased':
      return w.never;
    case 'purchasedWithin':
      return fill(w.within, { n: num(c.days) });
    case 'notPurchasedWithin':
      return fill(w.notWithin, { n: num(c.days) });
    case 'customerSince':
      return dayRanged(w, 'since', c, locale);
    case 'birthdayMonth':
      return fill(w.bdayMonth, { months: orList(c.months.map((n) => monthName(n, locale)), locale) });
    case 'birthdayWithin':
      return c.days === 0 ? w.bdayToday : fill(w.bdayNext, { n: num(c.days) });
    case 'city':
      return fill(w.city, { list: orList(c.cities.map((k) => options.cityName?.(k) ?? cityFromKey(k)), locale) });
    case 'state':
      return fill(w.state, { list: orList(c.states, locale) });
    case 'kind':
      return CUSTOMER_KIND_LABELS[locale][c.kind];
    case 'status':
      return fill(w.status, { list: orList(c.statuses.map((s) => CUSTOMER_STATUS_LABELS[locale][s]), locale) });
    case 'categories': {
      const names = c.ids.map((id) => options.categoryName?.(id) ?? id);
      if (c.match === 'any') return fill(w.catAny, { list: orList(names, locale) });
      if (c.match === 'all') return fill(w.catAll, { list: andList(names, locale) });
      return fill(w.catNone, { list: orList(names, locale) });
    }
    case 'source':
      return fill(w.source, { list: orList(c.sources.map((s) => CUSTOMER_SOURCE_LABELS[locale][s]), locale) });
    case 'consent':
      return fill(c.granted ? w.consentYes : w.consentNo, { channel: w[c.channel] });
  }
}

/**
 * One term (a condition, or alternatives of which one must hold) in plain words.
 *
 * @example
 * describeFilterTerm({ or: [{ type: 'state', states: ['SP'] }, { type: 'neverPurchased' }] }, 'pt-BR'); // 'UF: SP ou Nunca comprou'
 */
export function describeFilterTerm(term: FilterTerm, locale: Locale, options: DescribeFilterOptions = {}): string {
  if (!('or' in term)) return describeFilterCondition(term, locale, options);
  return term.or.map((c) => describeFilterCondition(c, locale, options)).join(` ${WORDS[locale].or} `);
}
