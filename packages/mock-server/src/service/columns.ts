import { customerDisplayName, searchKey } from '@clientela/core/format';
import type { Locale } from '@clientela/core/i18n';
import { EXPORT_COLUMNS, type Customer, type ExportColumn } from '@clientela/core/schemas';

type Labels = Record<ExportColumn, string>;

const PT: Labels = {
  id: 'ID', kind: 'Tipo', status: 'Situação', name: 'Nome', firstName: 'Nome (primeiro)', lastName: 'Sobrenome',
  legalName: 'Razão social', tradeName: 'Nome fantasia', document: 'CPF/CNPJ', email: 'E-mail', phone: 'Telefone',
  whatsapp: 'WhatsApp', stateRegistration: 'Inscrição estadual', municipalRegistration: 'Inscrição municipal',
  birthDate: 'Data de nascimento', postalCode: 'CEP', street: 'Logradouro', number: 'Número', complement: 'Complemento',
  district: 'Bairro', city: 'Cidade', state: 'UF', categories: 'Categorias', source: 'Origem', loyaltyCard: 'Cartão fidelidade',
  discountPercent: 'Desconto (%)', ordersCount: 'Pedidos', totalSpent: 'Total gasto (R$)', lastPurchaseAt: 'Última compra',
  visitsCount: 'Visitas', firstVisitAt: 'Primeira visita', lastVisitAt: 'Última visita', createdAt: 'Cliente desde',
};
const EN: Labels = {
  id: 'ID', kind: 'Kind', status: 'Status', name: 'Name', firstName: 'First name', lastName: 'Last name',
  legalName: 'Legal name', tradeName: 'Trade name', document: 'CPF/CNPJ', email: 'E-mail', phone: 'Phone',
  whatsapp: 'WhatsApp', stateRegistration: 'State registration', municipalRegistration: 'Municipal registration',
  birthDate: 'Birth date', postalCode: 'CEP', street: 'Street', number: 'Number', complement: 'Complement',
  district: 'District', city: 'City', state: 'State', categories: 'Categories', source: 'Source', loyaltyCard: 'Loyalty card',
  discountPercent: 'Discount (%)', ordersCount: 'Orders', totalSpent: 'Total spent (BRL)', lastPurchaseAt: 'Last purchase',
  visitsCount: 'Visits', firstVisitAt: 'First visit', lastVisitAt: 'Last visit', createdAt: 'Customer since',
};
const ES: Labels = {
  id: 'ID', kind: 'Tipo', status: 'Estado', name: 'Nombre', firstName: 'Nombre (primero)', lastName: 'Apellido',
  legalName: 'Razón social', tradeName: 'Nombre comercial', document: 'CPF/CNPJ', email: 'Correo', phone: 'Teléfono',
  whatsapp: 'WhatsApp', stateRegistration: 'Inscripción estatal', municipalRegistration: 'Inscripción municipal',
  birthDate: 'Fecha de nacimiento', postalCode: 'CEP', street: 'Calle', number: 'Número', complement: 'Complemento',
  district: 'Barrio', city: 'Ciudad', state: 'UF', categories: 'Categorías', source: 'Origen', loyaltyCard: 'Tarjeta de fidelidad',
  discountPercent: 'Descuento (%)', ordersCount: 'Pedidos', totalSpent: 'Total gastado (R$)', lastPurchaseAt: 'Última compra',
  visitsCount: 'Visitas', firstVisitAt: 'Primera visita', lastVisitAt: 'Última visita', createdAt: 'Cliente desde',
};
export const COLUMN_LABELS: Record<Locale, Labels> = { 'pt-BR': PT, en: EN, es: ES };

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

const KIND_LABEL: Record<Locale, Record<'person' | 'company', string>> = {
  'pt-BR': { person: 'Pessoa física', company: 'Pessoa jurídica' },
  en: { person: 'Person', company: 'Company' },
  es: { person: 'Persona física', company: 'Persona jurídica' },
};

export function kindFromCell(value: string): 'person' | 'company' | undefined {
  const k = searchKey(value);
  for (const labels of Object.values(KIND_LABEL)) {
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
    case 'kind': return KIND_LABEL[locale][c.kind];
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

/** Cells an attacker could turn into a spreadsheet formula get a leading apostrophe. */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? escapeFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
