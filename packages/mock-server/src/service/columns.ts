import { customerDisplayName, searchKey } from '@clientela/core/format';
import { COLUMN_LABELS, CUSTOMER_KIND_LABELS, type Locale } from '@clientela/core/i18n';
import { EXPORT_COLUMNS, type Customer, type ExportColumn } from '@clientela/core/schemas';

export const DEFAULT_EXPORT_COLUMNS: ExportColumn[] = ['id', 'kind', 'status', 'name', 'document', 'email', 'phone', 'city', 'state', 'categories', 'ordersCount', 'totalSpent', 'lastPurchaseAt', 'createdAt'];

/** Columns of the import template: the writable ones. */
export const IMPORT_COLUMNS: ExportColumn[] = [
  'kind', 'document', 'firstName', 'lastName', 'legalName', 'tradeName', 'email', 'phone', 'whatsapp', 'birthDate',
  'stateRegistration', 'municipalRegistration', 'postalCode', 'street', 'number', 'complement', 'district', 'city', 'state',
  'categories', 'loyaltyCard', 'discountPercent', 'status',
];

/** Header text (any locale, or the column key itself) → column. */
export const HEADER_LOOKUP: Map<string, ExportColumn> = (() => {
  const map = new Map<string, ExportColumn>();
  for (const col of EXPORT_COLUMNS) {
    map.set(searchKey(col), col);
    for (const labels of Object.values(COLUMN_LABELS)) if (!map.has(searchKey(labels[col]))) map.set(searchKey(labels[col]), col);
  }
  return map;
})();

export function kindFromCell(value: string): 'person' | 'company' | undefined {
  const k = searchKey(value);
  for (const labels of Object.values(CUSTOMER_KIND_LABELS)) {
    if (searchKey(labels.person) === k) return 'person';
    if (searchKey(labels.company) === k) return 'company';
  }
  if (k === 'person' || k === 'pf') return 'person';
  if (k === 'company' || k === 'pj') return 'company';
  return undefined;
}

/** The value of one cell of an exported row. */
export function cellOf(c: Customer, col: ExportColumn, locale: Locale, categoryNames: Map<string, string>): string | number | boolean | null {
  const a = c.address;
  switch (col) {
    case 'kind': return CUSTOMER_KIND_LABELS[locale][c.kind];
    case 'name': return customerDisplayName(c);
    case 'legalName': return c.kind === 'company' ? c.legalName : null;
    case 'tradeName': return c.kind === 'company' ? (c.tradeName ?? null) : null;
    case 'stateRegistration': return c.kind === 'company' ? (c.stateRegistration ?? null) : null;
    case 'municipalRegistration': return c.kind === 'company' ? (c.municipalRegistration ?? null) : null;
    case 'birthDate': return c.kind === 'person' ? (c.birthDate ?? null) : null;
    case 'firstName': return c.firstName ?? null;
    case 'lastName': return c.lastName ?? null;
    case 'postalCode': case 'street': case 'number': case 'complement': case 'district': case 'city': case 'state':
      return a?.[col] ?? null;
    case 'categories': return c.categoryIds.map((id) => categoryNames.get(id) ?? id).join('; ');
    case 'ordersCount': return c.stats.ordersCount;
    case 'totalSpent': return (c.stats.totalSpentCents / 100).toFixed(2);
    case 'lastPurchaseAt': return c.stats.lastPurchaseAt;
    case 'visitsCount': return c.stats.visitsCount;
    case 'firstVisitAt': return c.stats.firstVisitAt;
    case 'lastVisitAt': return c.stats.lastVisitAt;
    case 'whatsapp': return c.whatsapp;
    case 'id': case 'status': case 'document': case 'email': case 'phone': case 'source': case 'loyaltyCard': case 'discountPercent': case 'createdAt':
      return (c[col] as string | number | undefined) ?? null;
  }
}
