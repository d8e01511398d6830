import { customerDisplayName, maskDocument, normalizeDocument, searchKey } from '@clientela/core/format';
import { CUSTOMER_STATUSES, type Customer, type CustomerSortField, type CustomerStatus } from '@clientela/core/schemas';
import type { CustomerQuery, ListParams, ListResult, SortKey, SortSpec } from './types.js';

/**
 * The text a customer is found by: folded names, e-mail, phone digits, document and loyalty card,
 * separated by a character no query token contains, so a token never spans two fields.
 */
export function searchTextOf(c: Customer): string {
  const names = c.kind === 'person' ? [c.firstName, c.lastName] : [c.legalName, c.tradeName ?? '', c.firstName ?? '', c.lastName ?? ''];
  return [
    searchKey(names.filter(Boolean).join(' ')),
    (c.email ?? '').toLowerCase(),
    (c.phone ?? '').replace(/\D/g, ''),
    c.document.toLowerCase(),
    (c.loyaltyCard ?? '').toLowerCase(),
  ].join('|');
}

/**
 * Splits a query into tokens that must all occur in the search text. A query that looks like a
 * document or a phone (digits, punctuation, maybe the letters of an alphanumeric CNPJ) becomes one
 * token without punctuation, so `123.456` and `123456` find the same rows.
 */
export function queryTokens(q: string | undefined): string[] {
  if (!q) return [];
  const trimmed = q.trim();
  if (!trimmed) return [];
  if (/\d/.test(trimmed) && /^[0-9A-Za-z.\-/()+\s]+$/.test(trimmed) && !/[A-Za-z]{3,}\s/.test(trimmed)) {
    const t = normalizeDocument(trimmed).replace(/\*/g, '').toLowerCase();
    return t ? [t] : [];
  }
  return searchKey(trimmed).replace(/\|/g, ' ').split(' ').filter(Boolean);
}

export function matchesTokens(text: string, tokens: readonly string[]): boolean {
  for (const t of tokens) if (!text.includes(t)) return false;
  return true;
}

/** A status's place when sorting by status: the order of CUSTOMER_STATUSES (active first). */
export const STATUS_RANK = Object.fromEntries(CUSTOMER_STATUSES.map((s, i) => [s, i + 1])) as Record<CustomerStatus, number>;

export function sortKeyOf(c: Customer, field: CustomerSortField): SortKey {
  switch (field) {
    case 'name':
      return searchKey(customerDisplayName(c));
    case 'createdAt':
      return c.createdAt;
    case 'lastPurchaseAt':
      return c.stats.lastPurchaseAt ?? '';
    case 'totalSpent':
      return c.stats.totalSpentCents;
    case 'ordersCount':
      return c.stats.ordersCount;
    case 'visitsCount':
      return c.stats.visitsCount;
    case 'status':
      return STATUS_RANK[c.status];
  }
}

export function compareKeys(a: SortKey, b: SortKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether a customer passes the parameters of a query besides the text and the filter (a store
 * tests the filter on the fields it keeps per row: core's `filterTest` over `filterFieldsOf`).
 */
export function queryPredicate(query: CustomerQuery): (c: Customer) => boolean {
  const statuses = new Set(query.statuses);
  const cats = query.categoryIds?.length ? new Set(query.categoryIds) : undefined;
  const ids = query.ids ? new Set(query.ids) : undefined;
  const except = query.exceptIds?.length ? new Set(query.exceptIds) : undefined;
  const kind = query.kind;
  return (c) =>
    statuses.has(c.status) &&
    (kind === undefined || c.kind === kind) &&
    (ids === undefined || ids.has(c.id)) &&
    (except === undefined || !except.has(c.id)) &&
    (cats === undefined || c.categoryIds.some((id) => cats.has(id)));
}

/** A key of the non-text parts of a query, for caches of counts and narrowed indexes. */
export function queryKey(query: CustomerQuery): string {
  return JSON.stringify([query.kind, query.statuses, query.categoryIds, query.ids, query.exceptIds, query.filter]);
}

/**
 * A customer's JSON with the document masked, by replacing the one top-level `"document":"…"`
 * (a string value cannot contain an unescaped quote, so the pattern occurs once). Built from two
 * slices of the JSON around the masked value rather than a copy of it: a list page masks 50 of
 * them per request, and the copies were a tenth of what the list route allocated.
 */
export function maskJson(json: string, document: string): string {
  const whole = `"document":"${document}"`;
  const at = json.indexOf(whole);
  if (at < 0) return json;
  return `${json.slice(0, at)}"document":"${maskDocument(document)}"${json.slice(at + whole.length)}`;
}

/**
 * Every customer matching `query` in `sort` order, read in keyset pages of 500 from a store's
 * `listCustomers`, so exports and bulk actions over a whole filter never hold one huge page.
 */
export function* scanByPages(
  store: { listCustomers(params: ListParams): ListResult },
  query: CustomerQuery,
  sort: SortSpec,
): Iterable<Customer> {
  let after: ListParams['after'];
  for (;;) {
    const page = store.listCustomers({ query, sort, after, limit: 500 });
    yield* page.items;
    const last = page.items[page.items.length - 1];
    if (!page.hasMore || !last) return;
    after = { key: sortKeyOf(last, sort.field), id: last.id };
  }
}
