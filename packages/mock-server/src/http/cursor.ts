import type { Locale } from '@clientela/core/i18n';
import { CUSTOMER_SORTS, type CustomerSortField } from '@clientela/core/schemas';
import type { KeysetPosition, SortSpec } from '../store/types.js';
import { fail422, fieldIssue } from './problem.js';
import { base64UrlToText, textToBase64Url } from '../util/bytes.js';

/** `-createdAt` → { field: 'createdAt', desc: true }. */
export function parseSort(sort: string | undefined): SortSpec {
  const s = sort ?? '-createdAt';
  const desc = s.startsWith('-');
  return { field: (desc ? s.slice(1) : s) as CustomerSortField, desc };
}

/**
 * An opaque keyset cursor: the sort it belongs to, and the sort key and id of the last row
 * returned. Not an offset, so rows inserted between two pages neither shift nor repeat rows.
 */
export function encodeCursor(sort: SortSpec, pos: KeysetPosition): string {
  return textToBase64Url(JSON.stringify([`${sort.desc ? '-' : ''}${sort.field}`, pos.key, pos.id]));
}

export function decodeCursor(cursor: string | undefined, sort: SortSpec, locale: Locale): KeysetPosition | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(base64UrlToText(cursor)) as unknown;
    if (Array.isArray(v) && v.length === 3) {
      const [s, key, id] = v as [unknown, unknown, unknown];
      const field = typeof s === 'string' ? s.replace(/^-/, '') : '';
      if (
        s === `${sort.desc ? '-' : ''}${sort.field}` &&
        (CUSTOMER_SORTS as readonly string[]).includes(field) &&
        (typeof key === 'string' || typeof key === 'number') &&
        typeof id === 'string'
      ) {
        return { key, id };
      }
    }
  } catch {
    // fall through to the 422
  }
  return fail422([fieldIssue('cursor', 'invalid_cursor', locale)]);
}

/** A generic cursor over any tuple (orders, credits, audit). */
export function encodeTuple(values: readonly (string | number)[]): string {
  return textToBase64Url(JSON.stringify(values));
}

export function decodeTuple(cursor: string | undefined, length: number, locale: Locale): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(base64UrlToText(cursor)) as unknown;
    if (Array.isArray(v) && v.length === length && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v as (string | number)[];
  } catch {
    // fall through
  }
  return fail422([fieldIssue('cursor', 'invalid_cursor', locale)]);
}
