import type { FilterCondition, FilterConditionType, FilterTerm } from '../schemas/filter.js';
import { readShownFilter } from '../schemas/filter-grammar.js';
import type { BuiltInViewId } from '../schemas/view.js';
import { CUSTOMER_KIND_LABELS, CUSTOMER_SOURCE_LABELS, CUSTOMER_STATUS_LABELS } from './labels.js';
import { localeTables } from './load.js';
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
  /** A unit's name by id (the id itself when unknown). */
  unitName?: (id: string) => string | undefined;
}

/** The words of the filter conditions in one language. */
export interface FilterWords {
  conditions: ConditionWords;
  /** The name of each kind of condition, for the builder's "add a condition" menu. */
  labels: Record<FilterConditionType, string>;
  /** Names of the built-in saved views. */
  views: Record<BuiltInViewId, string>;
}

export type ConditionWords = {
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
  creditsActive: string; creditsExpiring: string; unit: string;
  email: string; sms: string; whatsapp: string;
  or: string;
};

const pt: FilterWords = {
  conditions: {
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
    creditsActive: 'Com créditos ativos', creditsExpiring: 'Créditos a vencer em {n} dias', unit: 'Unidade: {list}',
    email: 'e-mail', sms: 'SMS', whatsapp: 'WhatsApp',
    or: 'ou',
  },
  labels: {
    totalSpent: 'Total gasto', ordersCount: 'Número de pedidos', averageTicket: 'Ticket médio', lastPurchase: 'Data da última compra',
    neverPurchased: 'Nunca comprou', purchasedWithin: 'Comprou nos últimos dias', notPurchasedWithin: 'Sem compra há dias',
    customerSince: 'Cliente desde', birthdayMonth: 'Aniversariantes do mês', birthdayWithin: 'Aniversário nos próximos dias',
    city: 'Cidade', state: 'UF', kind: 'Tipo', status: 'Situação', categories: 'Categorias', source: 'Origem', consent: 'Consentimento',
    activeCredits: 'Créditos ativos', creditsExpiring: 'Créditos a vencer', unit: 'Unidade',
  },
  views: { builtin_no_purchase_90: 'Sem compra há 90 dias', builtin_birthdays_month: 'Aniversariantes do mês', builtin_top_buyers: 'Maiores compradores', builtin_credits_expiring_30: 'Créditos a vencer em 30 dias' },
};

/** The words of `locale` once loaded (see `loadLocale`), else pt-BR's. */
const wordsOf = (locale: Locale): FilterWords => localeTables(locale)?.filters ?? pt;

/**
 * The name of each kind of condition in `locale`, for an "add a condition" menu.
 *
 * @example
 * filterConditionLabels('pt-BR').notPurchasedWithin; // 'Sem compra há dias'
 */
export function filterConditionLabels(locale: Locale): Record<FilterConditionType, string> {
  return wordsOf(locale).labels;
}

/**
 * Names of the built-in saved views in `locale`.
 *
 * @example
 * builtInViewNames('pt-BR').builtin_top_buyers; // 'Maiores compradores'
 */
export function builtInViewNames(locale: Locale): Record<BuiltInViewId, string> {
  return wordsOf(locale).views;
}

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

function ranged(w: ConditionWords, prefix: 'spent' | 'orders' | 'ticket', c: { min?: number | undefined; max?: number | undefined }, show: (n: number) => string): string {
  const a = c.min === undefined ? '' : show(c.min);
  const b = c.max === undefined ? '' : show(c.max);
  const key = c.min !== undefined && c.max !== undefined ? 'Range' : c.min !== undefined ? 'Min' : 'Max';
  return fill(w[`${prefix}${key}`], { a, b });
}

function dayRanged(w: ConditionWords, prefix: 'last' | 'since', c: { from?: string | undefined; to?: string | undefined }, locale: Locale): string {
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
  const w = wordsOf(locale).conditions;
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
    case 'activeCredits':
      return w.creditsActive;
    case 'creditsExpiring':
      return fill(w.creditsExpiring, { n: num(c.days) });
    case 'unit':
      return fill(w.unit, { list: orList(c.ids.map((id) => options.unitName?.(id) ?? id), locale) });
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
  return term.or.map((c) => describeFilterCondition(c, locale, options)).join(` ${wordsOf(locale).conditions.or} `);
}

/**
 * A whole filter in plain words: its terms, all of which must hold, as one list (an automatic
 * category's rule, read by a person).
 *
 * @example
 * describeFilter([{ type: 'totalSpent', min: 500001 }, { type: 'state', states: ['SP'] }], 'pt-BR'); // 'Gastou R$ 5.000,01 ou mais e UF: SP'
 */
export function describeFilter(filter: readonly FilterTerm[], locale: Locale, options: DescribeFilterOptions = {}): string {
  return andList(filter.map((t) => describeFilterTerm(t, locale, options)), locale);
}

/**
 * A filter's text (one the server accepted: a category's rule, a saved view) in words, read
 * without the schemas (`readShownFilter`, no zod); the text itself when it cannot be read.
 *
 * @example
 * describeFilterText('last-notwithin-90.uf-SP', 'pt-BR'); // 'Sem compra há 90 dias e Estado SP' (as the chips say it)
 */
export function describeFilterText(text: string, locale: Locale, options: DescribeFilterOptions = {}): string {
  const filter = readShownFilter(text);
  return filter ? describeFilter(filter, locale, options) : text;
}
