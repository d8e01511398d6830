import type { AuditWords } from './audit.js';
import type { FilterWords } from './filter-text.js';
import type { Locale } from './locale.js';
import type { IssueTable } from './messages.js';

/** Core's texts in one language other than pt-BR (which is built in): `en.ts`, `es.ts`. */
export interface LocaleTables {
  issues: IssueTable;
  audit: AuditWords;
  filters: FilterWords;
}

const tables: Partial<Record<Locale, LocaleTables>> = {};
const loading = new Map<Locale, Promise<void>>();

/** The loaded texts of `locale`; `undefined` for pt-BR and for a language not loaded yet. */
export function localeTables(locale: Locale): LocaleTables | undefined {
  return tables[locale];
}

/** Puts a language's texts in place (used by `loadLocale` and `registerAllLocales`). */
export function addLocaleTables(locale: Exclude<Locale, 'pt-BR'>, texts: LocaleTables): void {
  tables[locale] ??= texts;
}

/**
 * Loads core's texts of `locale` (field messages, the data log's sentences) once; resolves at
 * once for pt-BR, which is built in, and for a language already here. A browser page downloads
 * only the languages it speaks; the client calls this before it reports an error. In a server
 * that answers in every language, call `registerAllLocales` (from `@clientela/core/i18n/all`)
 * at start instead.
 *
 * @example
 * await loadLocale('en');
 * parseWith(CustomerCreateSchema, body, 'en'); // issues in English
 */
export function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'pt-BR' || tables[locale]) return Promise.resolve();
  let p = loading.get(locale);
  if (!p) {
    p = (locale === 'en' ? import('./en.js') : import('./es.js')).then(
      (texts) => addLocaleTables(locale, texts),
      (error: unknown) => {
        loading.delete(locale); // offline: the next call tries again
        throw error;
      },
    );
    loading.set(locale, p);
  }
  return p;
}
