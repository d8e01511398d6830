import * as z from 'zod/mini';
import type { Locale } from '../i18n/locale.js';
import { DEFAULT_LOCALE } from '../i18n/locale.js';
import { issueMessage } from '../i18n/messages.js';
import { FILTER_MAX_LENGTH } from '../rules/constants.js';
import { FilterConditionSchema, type FilterExpression } from './filter.js';
import { readFilterText } from './filter-grammar.js';
import { parseWith, type ParseResult } from './rules.js';

// The grammar of the text form (and its description) is in filter-grammar.ts, which has no zod;
// this file checks each condition it reads against the schema.

/** Reads `text` with every condition checked against the schema (bounds, ids, vocabularies). */
const readFilter = (text: string) =>
  readFilterText(text, (raw) => {
    const checked = parseWith(FilterConditionSchema, raw);
    return checked.success ? checked.data : undefined;
  });

/**
 * Reads a filter's text (the `filter` query parameter) into a checked {@link FilterExpression}.
 * A failure is one issue at path `filter`, localized, naming the condition it could not read:
 * `filter_unknown_condition` (a word that is no condition), `invalid_filter` (a condition written
 * wrong or out of range), `too_long`.
 *
 * @example
 * parseFilter('last-notwithin-90.uf-SP');
 * // { success: true, data: [{ type: 'notPurchasedWithin', days: 90 }, { type: 'state', states: ['SP'] }] }
 * parseFilter('spent-min-dez', 'en').success; // false: 'Invalid filter condition: “spent-min-dez”.'
 */
export function parseFilter(text: string, locale: Locale = DEFAULT_LOCALE): ParseResult<FilterExpression> {
  const r = readFilter(text);
  if ('data' in r) return { success: true, data: r.data };
  return { success: false, issues: [{ path: 'filter', code: r.code, message: issueMessage(r.code, locale, { near: r.near, max: FILTER_MAX_LENGTH }) }] };
}

/**
 * The `filter` query parameter: a filter's text that {@link parseFilter} reads. A failure reports
 * the code and names the condition (`invalid_filter`: “spent-min-dez”).
 */
export const FilterTextSchema = z.string().check(
  z.superRefine((text, ctx) => {
    const r = readFilter(text);
    if ('data' in r) return;
    ctx.issues.push({ code: 'custom', input: text, params: { code: r.code, values: { near: r.near, max: FILTER_MAX_LENGTH } } });
  }),
);

// The writer lives apart (filter-encode.ts, no zod), so the client can send a filter without the reader's schemas.
export { encodeCondition, encodeFilter } from './filter-encode.js';

