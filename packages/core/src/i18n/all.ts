// Every language of core, bundled: for a server (or a script) that answers in whichever language
// each request asks for and cannot wait for a load. Browser code uses `loadLocale` instead, so a
// page downloads only the languages it speaks.
import * as en from './en.js';
import * as es from './es.js';
import { addLocaleTables } from './load.js';

/**
 * Puts English and Spanish in place at once, so `issueMessage`, `parseWith` and
 * `describeAuditEntry` answer in every language synchronously. Call it once at start.
 *
 * @example
 * import { registerAllLocales } from '@clientela/core/i18n/all';
 * registerAllLocales();
 */
export function registerAllLocales(): void {
  addLocaleTables('en', en);
  addLocaleTables('es', es);
}
