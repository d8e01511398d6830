import type { Locale } from '@clientela/core/i18n';
import type { ExportDialect } from '@clientela/core/schemas';

// How one exported value is written into a spreadsheet cell, by dialect: `br` is what Excel in
// pt-BR opens as intended (decimal comma, dd/mm/aaaa in the store's time zone, labels, typed XLSX
// cells with a currency or date format); `machine` is for integrations (decimal point, ISO 8601,
// codes). The export decides what a column holds (a `SheetValue`); this file, how it is written.

/** A value of an exported cell, before the dialect writes it. */
export type SheetValue =
  | string
  | number
  | boolean
  | null
  /** An amount in reais. */
  | { money: number }
  /** An instant (ISO 8601): the calendar day in the store's time zone for people, the instant for machines. */
  | { at: string }
  /** A calendar date, `aaaa-mm-dd` (a birth date). */
  | { day: string }
  /** A code and the words a person reads for it (status, kind, a formatted phone or document). */
  | { code: string; label: string };

export interface SheetStyle {
  dialect: ExportDialect;
  locale: Locale;
  timeZone: string;
}

/** A value as an XLSX cell: typed, with its number format when it has one. */
export interface XlsxCell {
  value: string | number | boolean | Date | null;
  numFmt?: string;
}

const YES_NO: Record<Locale, [string, string]> = { 'pt-BR': ['Sim', 'Não'], en: ['Yes', 'No'], es: ['Sí', 'No'] };
/** Excel's own code for "R$ 1.234,56" whatever the reader's language ([$R$-416] is pt-BR's real). */
const MONEY_FORMAT = '[$R$-416] #,##0.00';
const BR_DATE_FORMAT = 'dd/mm/yyyy';
const ISO_DATE_FORMAT = 'yyyy-mm-dd';

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** `aaaa-mm-dd` of an instant in `timeZone`. */
function dayIn(iso: string, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

const brNumber = new Intl.NumberFormat('pt-BR', { useGrouping: false, maximumFractionDigits: 2 });
const brMoney = new Intl.NumberFormat('pt-BR', { useGrouping: false, minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `1990-03-15` → `15/03/1990`. */
function brDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** Midnight UTC of a calendar day: a spreadsheet date has no time zone, so the day is kept as is. */
function dateOf(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The text (or plain number) of a CSV cell; the CSV encoder quotes and escapes it. */
export function csvValue(v: SheetValue, s: SheetStyle): string | number | null {
  if (v === null) return null;
  const br = s.dialect === 'br';
  if (typeof v === 'number') return br ? brNumber.format(v) : v;
  if (typeof v === 'boolean') return br ? YES_NO[s.locale][v ? 0 : 1] : String(v);
  if (typeof v === 'string') return v;
  if ('money' in v) return br ? brMoney.format(v.money) : v.money.toFixed(2);
  if ('at' in v) return br ? brDay(dayIn(v.at, s.timeZone)) : v.at;
  if ('day' in v) return br ? brDay(v.day) : v.day;
  return br ? v.label : v.code;
}

/** The typed XLSX cell: numbers as numbers, money with a currency format, dates as dates. */
export function xlsxCell(v: SheetValue, s: SheetStyle): XlsxCell {
  if (v === null) return { value: null };
  const br = s.dialect === 'br';
  if (typeof v === 'number' || typeof v === 'string') return { value: v };
  if (typeof v === 'boolean') return { value: br ? YES_NO[s.locale][v ? 0 : 1] : v };
  if ('money' in v) return { value: v.money, numFmt: MONEY_FORMAT };
  if ('at' in v) return br ? { value: dateOf(dayIn(v.at, s.timeZone)), numFmt: BR_DATE_FORMAT } : { value: v.at };
  if ('day' in v) return { value: dateOf(v.day), numFmt: br ? BR_DATE_FORMAT : ISO_DATE_FORMAT };
  return { value: br ? v.label : v.code };
}
