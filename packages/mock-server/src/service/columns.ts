import { customerDisplayName, formatDocument, formatPhoneBR, searchKey } from '@clientela/core/format';
import { COLUMN_LABELS, CUSTOMER_KIND_LABELS, CUSTOMER_SOURCE_LABELS, CUSTOMER_STATUS_LABELS, type Locale } from '@clientela/core/i18n';
import { EXPORT_COLUMNS, type Customer, type ExportColumn } from '@clientela/core/schemas';
import type { SheetValue } from './sheet-cells.js';

export const DEFAULT_EXPORT_COLUMNS: ExportColumn[] = ['id', 'kind', 'status', 'name', 'document', 'email', 'phone', 'city', 'state', 'categories', 'ordersCount', 'totalSpent', 'lastPurchaseAt', 'createdAt'];

/** Columns of the import template: the writable ones. */
export const IMPORT_COLUMNS: ExportColumn[] = [
  'kind', 'document', 'firstName', 'lastName', 'legalName', 'tradeName', 'email', 'phone', 'whatsapp', 'birthDate',
  'stateRegistration', 'municipalRegistration', 'postalCode', 'street', 'number', 'complement', 'district', 'city', 'state',
  'categories', 'loyaltyCard', 'discountPercent', 'status', 'consentEmail', 'consentSms', 'consentWhatsapp',
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

/** The value of one cell of an exported row, before a dialect writes it (see sheet-cells.ts). */
export function cellOf(c: Customer, col: ExportColumn, locale: Locale, categoryNames: Map<string, string>): SheetValue {
  const a = c.address;
  switch (col) {
    case 'kind': return { code: c.kind, label: CUSTOMER_KIND_LABELS[locale][c.kind] };
    case 'status': return { code: c.status, label: CUSTOMER_STATUS_LABELS[locale][c.status] };
    case 'source': return { code: c.source, label: CUSTOMER_SOURCE_LABELS[locale][c.source] };
    case 'name': return customerDisplayName(c);
    case 'document': return { code: c.document, label: formatDocument(c.document) };
    case 'phone': return c.phone ? { code: c.phone, label: formatPhoneBR(c.phone) } : null;
    case 'legalName': return c.kind === 'company' ? c.legalName : null;
    case 'tradeName': return c.kind === 'company' ? (c.tradeName ?? null) : null;
    case 'stateRegistration': return c.kind === 'company' ? (c.stateRegistration ?? null) : null;
    case 'municipalRegistration': return c.kind === 'company' ? (c.municipalRegistration ?? null) : null;
    case 'birthDate': return c.kind === 'person' && c.birthDate ? { day: c.birthDate } : null;
    case 'firstName': return c.firstName ?? null;
    case 'lastName': return c.lastName ?? null;
    case 'postalCode': case 'street': case 'number': case 'complement': case 'district': case 'city': case 'state':
      return a?.[col] ?? null;
    case 'categories': return c.categoryIds.length ? { code: c.categoryIds.join('; '), label: c.categoryIds.map((id) => categoryNames.get(id) ?? id).join('; ') } : null;
    case 'ordersCount': return c.stats.ordersCount;
    case 'totalSpent': return { money: c.stats.totalSpentCents / 100 };
    case 'lastPurchaseAt': return c.stats.lastPurchaseAt ? { at: c.stats.lastPurchaseAt } : null;
    case 'visitsCount': return c.stats.visitsCount;
    case 'firstVisitAt': return c.stats.firstVisitAt ? { at: c.stats.firstVisitAt } : null;
    case 'lastVisitAt': return c.stats.lastVisitAt ? { at: c.stats.lastVisitAt } : null;
    case 'createdAt': return { at: c.createdAt };
    case 'whatsapp': return c.whatsapp;
    case 'consentEmail': return c.marketingConsent.email;
    case 'consentSms': return c.marketingConsent.sms;
    case 'consentWhatsapp': return c.marketingConsent.whatsapp;
    case 'discountPercent': return c.discountPercent ?? null;
    case 'id': case 'email': case 'loyaltyCard':
      return c[col] ?? null;
  }
}
