import type { CustomerKind, CustomerSource, CustomerStatus } from '../schemas/customer.js';
import type { ExportColumn } from '../schemas/operations.js';
import type { Credit, OrderStatus } from '../schemas/order.js';
import type { Locale } from './locale.js';

// The words a person reads for the customer model's codes and columns: in spreadsheets (export
// headers and cells, import errors), in the data log. One table per concept and language, so an
// exported file, an import report and a sentence of the log call a thing by the same name.

export const CUSTOMER_STATUS_LABELS: Record<Locale, Record<CustomerStatus, string>> = {
  'pt-BR': { active: 'Ativo', inactive: 'Inativo', blocked: 'Bloqueado', deleted: 'Excluído', merged: 'Mesclado' },
  en: { active: 'Active', inactive: 'Inactive', blocked: 'Blocked', deleted: 'Deleted', merged: 'Merged' },
  es: { active: 'Activo', inactive: 'Inactivo', blocked: 'Bloqueado', deleted: 'Eliminado', merged: 'Fusionado' },
};

export const CUSTOMER_KIND_LABELS: Record<Locale, Record<CustomerKind, string>> = {
  'pt-BR': { person: 'Pessoa física', company: 'Pessoa jurídica' },
  en: { person: 'Person', company: 'Company' },
  es: { person: 'Persona física', company: 'Persona jurídica' },
};

export const CUSTOMER_SOURCE_LABELS: Record<Locale, Record<CustomerSource, string>> = {
  'pt-BR': { admin: 'Painel', storefront: 'Loja online', pos: 'Ponto de venda', ecommerce: 'E-commerce', seller: 'Vendedor', import: 'Importação', api: 'API' },
  en: { admin: 'Admin', storefront: 'Online store', pos: 'Point of sale', ecommerce: 'E-commerce', seller: 'Seller', import: 'Import', api: 'API' },
  es: { admin: 'Panel', storefront: 'Tienda online', pos: 'Punto de venta', ecommerce: 'E-commerce', seller: 'Vendedor', import: 'Importación', api: 'API' },
};

export const CREDIT_KIND_LABELS: Record<Locale, Record<Credit['kind'], string>> = {
  'pt-BR': { referral: 'Indique e Ganhe', cashback: 'Bônus (cashback)' },
  en: { referral: 'Referral', cashback: 'Cashback bonus' },
  es: { referral: 'Recomienda y gana', cashback: 'Bono (cashback)' },
};

export const CREDIT_STATUS_LABELS: Record<Locale, Record<Credit['status'], string>> = {
  'pt-BR': { active: 'Ativo', expiring: 'A vencer', used: 'Usado', expired: 'Vencido' },
  en: { active: 'Active', expiring: 'Expiring soon', used: 'Used', expired: 'Expired' },
  es: { active: 'Activo', expiring: 'Por vencer', used: 'Usado', expired: 'Vencido' },
};

export const ORDER_STATUS_LABELS: Record<Locale, Record<OrderStatus, string>> = {
  'pt-BR': { pending: 'Pendente', paid: 'Pago', shipped: 'Enviado', delivered: 'Entregue', returned: 'Devolvido', cancelled: 'Cancelado' },
  en: { pending: 'Pending', paid: 'Paid', shipped: 'Shipped', delivered: 'Delivered', returned: 'Returned', cancelled: 'Cancelled' },
  es: { pending: 'Pendiente', paid: 'Pagado', shipped: 'Enviado', delivered: 'Entregado', returned: 'Devuelto', cancelled: 'Cancelado' },
};

/** Spreadsheet column headers (exports, the import template, import errors). */
export const COLUMN_LABELS: Record<Locale, Record<ExportColumn, string>> = {
  'pt-BR': {
    id: 'ID', kind: 'Tipo', status: 'Situação', name: 'Nome', firstName: 'Nome (primeiro)', lastName: 'Sobrenome',
    legalName: 'Razão social', tradeName: 'Nome fantasia', document: 'CPF/CNPJ', email: 'E-mail', phone: 'Telefone',
    whatsapp: 'WhatsApp', stateRegistration: 'Inscrição estadual', municipalRegistration: 'Inscrição municipal',
    birthDate: 'Data de nascimento', postalCode: 'CEP', street: 'Logradouro', number: 'Número', complement: 'Complemento',
    district: 'Bairro', city: 'Cidade', state: 'UF', categories: 'Categorias', source: 'Origem', loyaltyCard: 'Cartão fidelidade',
    discountPercent: 'Desconto (%)', ordersCount: 'Pedidos', totalSpent: 'Total gasto (R$)', lastPurchaseAt: 'Última compra',
    visitsCount: 'Visitas', firstVisitAt: 'Primeira visita', lastVisitAt: 'Última visita', createdAt: 'Cliente desde',
    consentEmail: 'Aceita e-mail', consentSms: 'Aceita SMS', consentWhatsapp: 'Aceita WhatsApp',
  },
  en: {
    id: 'ID', kind: 'Kind', status: 'Status', name: 'Name', firstName: 'First name', lastName: 'Last name',
    legalName: 'Legal name', tradeName: 'Trade name', document: 'CPF/CNPJ', email: 'E-mail', phone: 'Phone',
    whatsapp: 'WhatsApp', stateRegistration: 'State registration', municipalRegistration: 'Municipal registration',
    birthDate: 'Birth date', postalCode: 'CEP', street: 'Street', number: 'Number', complement: 'Complement',
    district: 'District', city: 'City', state: 'State', categories: 'Categories', source: 'Source', loyaltyCard: 'Loyalty card',
    discountPercent: 'Discount (%)', ordersCount: 'Orders', totalSpent: 'Total spent (BRL)', lastPurchaseAt: 'Last purchase',
    visitsCount: 'Visits', firstVisitAt: 'First visit', lastVisitAt: 'Last visit', createdAt: 'Customer since',
    consentEmail: 'Accepts e-mail', consentSms: 'Accepts SMS', consentWhatsapp: 'Accepts WhatsApp',
  },
  es: {
    id: 'ID', kind: 'Tipo', status: 'Estado', name: 'Nombre', firstName: 'Nombre (primero)', lastName: 'Apellido',
    legalName: 'Razón social', tradeName: 'Nombre comercial', document: 'CPF/CNPJ', email: 'Correo', phone: 'Teléfono',
    whatsapp: 'WhatsApp', stateRegistration: 'Inscripción estatal', municipalRegistration: 'Inscripción municipal',
    birthDate: 'Fecha de nacimiento', postalCode: 'CEP', street: 'Calle', number: 'Número', complement: 'Complemento',
    district: 'Barrio', city: 'Ciudad', state: 'UF', categories: 'Categorías', source: 'Origen', loyaltyCard: 'Tarjeta de fidelidad',
    discountPercent: 'Descuento (%)', ordersCount: 'Pedidos', totalSpent: 'Total gastado (R$)', lastPurchaseAt: 'Última compra',
    visitsCount: 'Visitas', firstVisitAt: 'Primera visita', lastVisitAt: 'Última visita', createdAt: 'Cliente desde',
    consentEmail: 'Acepta correo', consentSms: 'Acepta SMS', consentWhatsapp: 'Acepta WhatsApp',
  },
};

/** Fields of a customer that are not spreadsheet columns. */
const OTHER_FIELDS: Record<Locale, Record<string, string>> = {
  'pt-BR': { marketingConsent: 'Consentimento de marketing', notes: 'Observações', address: 'Endereço', file: 'Arquivo', country: 'País', password: 'Senha', row: 'Linha' },
  en: { marketingConsent: 'Marketing consent', notes: 'Notes', address: 'Address', file: 'File', country: 'Country', password: 'Password', row: 'Row' },
  es: { marketingConsent: 'Consentimiento de marketing', notes: 'Observaciones', address: 'Dirección', file: 'Archivo', country: 'País', password: 'Contraseña', row: 'Fila' },
};

/**
 * The name a person reads for a field of a customer, by its path in the JSON model: the
 * spreadsheet column it fills (`address.postalCode` → "CEP", `categoryIds.2` → "Categorias"), or
 * its own label; an unknown path is returned as is.
 *
 * @example
 * fieldLabel('address.postalCode', 'pt-BR'); // 'CEP'
 * fieldLabel('birthDate', 'en'); // 'Birth date'
 */
export function fieldLabel(path: string, locale: Locale): string {
  const columns = COLUMN_LABELS[locale] as Record<string, string>;
  const [head = '', second] = path.split('.');
  if (head === 'address' && second && columns[second]) return columns[second]!;
  if (head === 'categoryIds') return columns['categories']!;
  if (head === 'marketingConsent' && second && ['email', 'sms', 'whatsapp'].includes(second)) {
    return `${OTHER_FIELDS[locale]['marketingConsent']} (${second === 'email' ? columns['email'] : second === 'sms' ? 'SMS' : 'WhatsApp'})`;
  }
  return columns[head] ?? OTHER_FIELDS[locale][head] ?? path;
}
