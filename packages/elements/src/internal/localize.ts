import type { Locale } from '@clientela/core';
import { resolveLocale } from '@clientela/core/i18n';

/** A message table: every key in every locale (pt-BR is the source language). */
export type Messages<K extends string> = Record<Locale, Record<K, string>>;

/**
 * The locale an element speaks: its `locale` property, else its own or its nearest ancestor's
 * `lang` (so `<html lang="en">` is honoured), else `pt-BR`.
 */
export function elementLocale(el: HTMLElement, explicit?: string | null): Locale {
  if (explicit) return resolveLocale(explicit);
  const lang = el.closest('[lang]')?.getAttribute('lang');
  return resolveLocale(lang || null);
}

/**
 * An element's messages with pt-BR shipped and English and Spanish loaded on first use (most pages
 * speak one language, and each table is a few kB). Until a table arrives its slot holds pt-BR, so a
 * translator always has every key; `loadMessages` resolves once the locale's table is in place
 * (at once for pt-BR), loading each table once however many elements ask.
 *
 * @example
 * export const { messages, loadMessages } = lazyMessages(ptBR, (locale) =>
 *   locale === 'en' ? import('./x.messages.en.js').then((m) => m.en) : import('./x.messages.es.js').then((m) => m.es));
 */
export function lazyMessages<K extends string>(
  ptBR: Record<K, string>,
  load: (locale: Exclude<Locale, 'pt-BR'>) => Promise<Record<K, string>>,
): { messages: Messages<K>; loadMessages: (locale: Locale) => Promise<void> } {
  const messages: Messages<K> = { 'pt-BR': ptBR, en: ptBR, es: ptBR };
  const loading = new Map<Locale, Promise<void>>();
  const loadMessages = (locale: Locale): Promise<void> => {
    if (locale === 'pt-BR') return Promise.resolve();
    let p = loading.get(locale);
    if (!p) {
      p = load(locale).then(
        (table) => {
          messages[locale] = table;
        },
        (error: unknown) => {
          // A failed load (offline) is not remembered: the next element to ask tries again.
          loading.delete(locale);
          throw error;
        },
      );
      loading.set(locale, p);
    }
    return p;
  };
  return { messages, loadMessages };
}

/** A translator: `t('key', { n: 3 })` gives the message with `{n}` filled. */
export type Translate<K extends string = string> = (key: K, values?: Record<string, string | number>) => string;

/** One translator per message table, so an element reading `t` on every render makes none. */
const translators = new WeakMap<object, Translate>();

/**
 * The translator over `messages` for a locale: `t('key', { n: 3 })` fills `{n}`. It is made once
 * per table and reused (elements ask for it on every render). Numbers given as values are not
 * formatted here; format them with Intl first.
 *
 * @example
 * const t = translator(messages, 'en');
 * t('results', { count: '1,024' });
 */
export function translator<K extends string>(messages: Messages<K>, locale: Locale): Translate<K> {
  const table: Record<string, string> = messages[locale] ?? messages['pt-BR'];
  let t = translators.get(table);
  if (!t) {
    const fallback: Record<string, string> = messages['pt-BR'];
    t = (key, values) => {
      const template = table[key] ?? fallback[key] ?? key;
      return values ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')) : template;
    };
    translators.set(table, t);
  }
  return t;
}

/** Cached Intl formatters per locale: creating them is slow and rows call them thousands of times. */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** `R$ 1.234,56` from cents, in the locale's conventions (always BRL). */
export function formatMoney(cents: number, locale: Locale): string {
  return cached(`money:${locale}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'BRL' })).format(cents / 100);
}

/** A change as a signed percentage (`0.25` → `+25%`, `-0.1` → `-10%`), in the locale's conventions. */
export function formatTrend(ratio: number, locale: Locale): string {
  return cached(`trend:${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 })).format(ratio);
}

/** A plain number in the locale's conventions. */
export function formatNumber(value: number, locale: Locale): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A date (no time) in the locale's conventions; empty for null. */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return '';
  return cached(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'America/Sao_Paulo' })).format(date);
}

/** A date and time in the locale's conventions. */
export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return cached(`datetime:${locale}`, () =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'America/Sao_Paulo' }),
  ).format(date);
}
