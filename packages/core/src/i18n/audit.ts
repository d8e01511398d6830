import type { CustomerStatus } from '../schemas/customer.js';
import type { AuditEntry } from '../schemas/operations.js';
import { COLUMN_LABELS, CUSTOMER_KIND_LABELS, CUSTOMER_STATUS_LABELS, fieldLabel } from './labels.js';
import type { Locale } from './locale.js';

/** What {@link describeAuditEntry} may look up that an entry holds only by id. */
export interface DescribeAuditOptions {
  /** A category's current name, for the `categoryId` of an entry's filter. */
  categoryName?: (id: string) => string | undefined;
}

/** Numbers as the locale writes them, and whether each is one (for the plural). */
type Counts = Record<'created' | 'updated' | 'unchanged' | 'rejected', [text: string, one: boolean]>;

interface Words {
  customers(n: string, one: boolean): string;
  rows(n: string, one: boolean): string;
  credits(n: string, one: boolean): string;
  reveal(name: string): string;
  create(name: string): string;
  selfRegister(name: string): string;
  update(fields: string, name: string): string;
  selfUpdate(name: string, fields: string): string;
  updateUnknown(name: string): string;
  updateNothing(name: string): string;
  delete(name: string): string;
  invite(name: string): string;
  addCategories(cats: string, many: boolean, whom: string): string;
  removeCategories(cats: string, many: boolean, whom: string): string;
  setStatus(whom: string, status: string): string;
  deleteMany(whom: string): string;
  ofMatched(matched: string): string;
  export(format: string, what: string, columns: string): string;
  import(rows: string, outcome: string): string;
  importDry(rows: string, outcome: string): string;
  outcome(n: Counts): string;
  settings: string;
  categoryCreate(name: string): string;
  categoryRename(from: string, to: string): string;
  categoryInactivate(name: string): string;
  categoryReactivate(name: string): string;
  categoryRecolour(name: string): string;
  categoryUpdate(name: string): string;
  filter(parts: string): string;
  search(q: string): string;
  category(names: string): string;
  selected(n: string): string;
  aCustomer: string;
  aCategory: string;
}

const pt: Words = {
  customers: (n, one) => `${n} ${one ? 'cliente' : 'clientes'}`,
  rows: (n, one) => `${n} ${one ? 'linha' : 'linhas'}`,
  credits: (n, one) => `${n} ${one ? 'crédito' : 'créditos'}`,
  reveal: (name) => `Visualizou o documento de ${name}`,
  create: (name) => `Cadastrou o cliente ${name}`,
  selfRegister: (name) => `${name} se cadastrou pela loja`,
  update: (fields, name) => `Alterou ${fields} de ${name}`,
  selfUpdate: (name, fields) => `${name} alterou ${fields} em Minha conta`,
  updateUnknown: (name) => `Alterou o cadastro de ${name}`,
  updateNothing: (name) => `Salvou o cadastro de ${name} sem alterações`,
  delete: (name) => `Excluiu o cliente ${name}`,
  invite: (name) => `Criou um link de acesso para ${name}`,
  addCategories: (cats, many, whom) => `Adicionou ${many ? 'as categorias' : 'a categoria'} ${cats} a ${whom}`,
  removeCategories: (cats, many, whom) => `Removeu ${many ? 'as categorias' : 'a categoria'} ${cats} de ${whom}`,
  setStatus: (whom, status) => `Mudou a situação de ${whom} para ${status}`,
  deleteMany: (whom) => `Excluiu ${whom}`,
  ofMatched: (m) => `de ${m} selecionados`,
  export: (format, what, columns) => `Baixou planilha ${format} de ${what}: colunas ${columns}`,
  import: (rows, outcome) => `Importou planilha de ${rows}: ${outcome}`,
  importDry: (rows, outcome) => `Conferiu planilha de ${rows}, sem gravar: ${outcome}`,
  outcome: ({ created: [c, c1], updated: [u, u1], unchanged: [s], rejected: [r] }) =>
    `${c} ${c1 ? 'novo' : 'novos'}, ${u} ${u1 ? 'atualizado' : 'atualizados'}, ${s} sem alteração, ${r} com erro`,
  settings: 'Alterou os campos obrigatórios do cadastro',
  categoryCreate: (name) => `Criou a categoria ${name}`,
  categoryRename: (from, to) => `Renomeou a categoria ${from} para ${to}`,
  categoryInactivate: (name) => `Inativou a categoria ${name}`,
  categoryReactivate: (name) => `Reativou a categoria ${name}`,
  categoryRecolour: (name) => `Mudou a cor da categoria ${name}`,
  categoryUpdate: (name) => `Alterou a categoria ${name}`,
  filter: (parts) => `filtro: ${parts}`,
  search: (q) => `busca “${q}”`,
  category: (names) => `categoria ${names}`,
  selected: (n) => `${n} selecionados`,
  aCustomer: 'um cliente',
  aCategory: 'uma categoria',
};

const en: Words = {
  customers: (n, one) => `${n} ${one ? 'customer' : 'customers'}`,
  rows: (n, one) => `${n} ${one ? 'row' : 'rows'}`,
  credits: (n, one) => `${n} ${one ? 'credit' : 'credits'}`,
  reveal: (name) => `Viewed the document of ${name}`,
  create: (name) => `Registered the customer ${name}`,
  selfRegister: (name) => `${name} registered on the store`,
  update: (fields, name) => `Changed ${fields} of ${name}`,
  selfUpdate: (name, fields) => `${name} changed ${fields} in My account`,
  updateUnknown: (name) => `Changed the record of ${name}`,
  updateNothing: (name) => `Saved the record of ${name} without changes`,
  delete: (name) => `Deleted the customer ${name}`,
  invite: (name) => `Created an access link for ${name}`,
  addCategories: (cats, many, whom) => `Added the ${many ? 'categories' : 'category'} ${cats} to ${whom}`,
  removeCategories: (cats, many, whom) => `Removed the ${many ? 'categories' : 'category'} ${cats} from ${whom}`,
  setStatus: (whom, status) => `Changed the status of ${whom} to ${status}`,
  deleteMany: (whom) => `Deleted ${whom}`,
  ofMatched: (m) => `of ${m} selected`,
  export: (format, what, columns) => `Downloaded an ${format} spreadsheet of ${what}: columns ${columns}`,
  import: (rows, outcome) => `Imported a spreadsheet of ${rows}: ${outcome}`,
  importDry: (rows, outcome) => `Checked a spreadsheet of ${rows} without saving: ${outcome}`,
  outcome: ({ created: [c], updated: [u], unchanged: [s], rejected: [r] }) => `${c} new, ${u} updated, ${s} unchanged, ${r} with errors`,
  settings: 'Changed the required registration fields',
  categoryCreate: (name) => `Created the category ${name}`,
  categoryRename: (from, to) => `Renamed the category ${from} to ${to}`,
  categoryInactivate: (name) => `Inactivated the category ${name}`,
  categoryReactivate: (name) => `Reactivated the category ${name}`,
  categoryRecolour: (name) => `Changed the colour of the category ${name}`,
  categoryUpdate: (name) => `Changed the category ${name}`,
  filter: (parts) => `filter: ${parts}`,
  search: (q) => `search “${q}”`,
  category: (names) => `category ${names}`,
  selected: (n) => `${n} selected`,
  aCustomer: 'a customer',
  aCategory: 'a category',
};

const es: Words = {
  customers: (n, one) => `${n} ${one ? 'cliente' : 'clientes'}`,
  rows: (n, one) => `${n} ${one ? 'fila' : 'filas'}`,
  credits: (n, one) => `${n} ${one ? 'crédito' : 'créditos'}`,
  reveal: (name) => `Vio el documento de ${name}`,
  create: (name) => `Registró al cliente ${name}`,
  selfRegister: (name) => `${name} se registró en la tienda`,
  update: (fields, name) => `Modificó ${fields} de ${name}`,
  selfUpdate: (name, fields) => `${name} modificó ${fields} en Mi cuenta`,
  updateUnknown: (name) => `Modificó el registro de ${name}`,
  updateNothing: (name) => `Guardó el registro de ${name} sin cambios`,
  delete: (name) => `Eliminó al cliente ${name}`,
  invite: (name) => `Creó un enlace de acceso para ${name}`,
  addCategories: (cats, many, whom) => `Agregó ${many ? 'las categorías' : 'la categoría'} ${cats} a ${whom}`,
  removeCategories: (cats, many, whom) => `Quitó ${many ? 'las categorías' : 'la categoría'} ${cats} de ${whom}`,
  setStatus: (whom, status) => `Cambió el estado de ${whom} a ${status}`,
  deleteMany: (whom) => `Eliminó ${whom}`,
  ofMatched: (m) => `de ${m} seleccionados`,
  export: (format, what, columns) => `Descargó una planilla ${format} de ${what}: columnas ${columns}`,
  import: (rows, outcome) => `Importó una planilla de ${rows}: ${outcome}`,
  importDry: (rows, outcome) => `Revisó una planilla de ${rows} sin guardar: ${outcome}`,
  outcome: ({ created: [c, c1], updated: [u, u1], unchanged: [s], rejected: [r] }) =>
    `${c} ${c1 ? 'nuevo' : 'nuevos'}, ${u} ${u1 ? 'actualizado' : 'actualizados'}, ${s} sin cambios, ${r} con error`,
  settings: 'Modificó los campos obligatorios del registro',
  categoryCreate: (name) => `Creó la categoría ${name}`,
  categoryRename: (from, to) => `Renombró la categoría ${from} a ${to}`,
  categoryInactivate: (name) => `Inactivó la categoría ${name}`,
  categoryReactivate: (name) => `Reactivó la categoría ${name}`,
  categoryRecolour: (name) => `Cambió el color de la categoría ${name}`,
  categoryUpdate: (name) => `Modificó la categoría ${name}`,
  filter: (parts) => `filtro: ${parts}`,
  search: (q) => `búsqueda “${q}”`,
  category: (names) => `categoría ${names}`,
  selected: (n) => `${n} seleccionados`,
  aCustomer: 'un cliente',
  aCategory: 'una categoría',
};

const WORDS: Record<Locale, Words> = { 'pt-BR': pt, en, es };

/** `['A', 'B', 'C']` → `A, B e C` (the locale's own conjunction). */
function list(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

function statusWords(value: unknown, locale: Locale): string {
  const statuses = (Array.isArray(value) ? value : String(value).split(',')).map((s) => String(s).trim()).filter(Boolean);
  const labels = CUSTOMER_STATUS_LABELS[locale] as Record<string, string>;
  return list(statuses.map((s) => labels[s] ?? s), locale);
}

/** `{ q: 'ana', status: 'blocked' }` → `filtro: busca “ana”, Situação Bloqueado`. */
function describeFilter(entry: AuditEntry, locale: Locale, options: DescribeAuditOptions): string {
  const w = WORDS[locale];
  const f = entry.filter ?? {};
  const num = new Intl.NumberFormat(locale);
  const parts: string[] = [];
  const columns = COLUMN_LABELS[locale];
  if (typeof f['q'] === 'string' && f['q']) parts.push(w.search(f['q']));
  if (f['kind'] === 'person' || f['kind'] === 'company') parts.push(CUSTOMER_KIND_LABELS[locale][f['kind']]);
  if (f['status']) parts.push(`${columns.status} ${statusWords(f['status'], locale)}`);
  if (f['categoryId']) {
    const ids = (Array.isArray(f['categoryId']) ? f['categoryId'] : String(f['categoryId']).split(',')).map(String).filter(Boolean);
    parts.push(w.category(list(ids.map((id) => options.categoryName?.(id) ?? id), locale)));
  }
  if (typeof f['ids'] === 'number') parts.push(w.selected(num.format(f['ids'])));
  return parts.length ? ` (${w.filter(parts.join(', '))})` : '';
}

/**
 * The data log entry as a sentence a person reads, in `locale`: who the entry is about by name
 * (as it was named then), what changed by field label, counts through `Intl`.
 *
 * @example
 * describeAuditEntry({ action: 'bulk', operation: 'addCategories', categories: [{ id: 'cat_1', name: 'VIP' }], count: 456, updated: 456, … }, 'pt-BR');
 * // 'Adicionou a categoria VIP a 456 clientes'
 */
export function describeAuditEntry(entry: AuditEntry, locale: Locale, options: DescribeAuditOptions = {}): string {
  const w = WORDS[locale];
  const num = new Intl.NumberFormat(locale);
  const customerName = entry.targetName ?? entry.target ?? w.aCustomer;
  const categoryName = entry.targetName ?? entry.target ?? w.aCategory;
  const whom = (n: number) => w.customers(num.format(n), n === 1);
  switch (entry.action) {
    case 'customer.reveal':
      return w.reveal(customerName);
    case 'customer.create':
      return entry.source === 'storefront' ? w.selfRegister(customerName) : w.create(customerName);
    case 'customer.update': {
      if (!entry.changes) return w.updateUnknown(customerName);
      if (!entry.changes.length) return w.updateNothing(customerName);
      const fields = list([...new Set(entry.changes.map((path) => fieldLabel(path, locale)))], locale);
      return entry.source === 'storefront' ? w.selfUpdate(customerName, fields) : w.update(fields, customerName);
    }
    case 'customer.delete':
      return w.delete(customerName);
    case 'customer.invite':
      return w.invite(customerName);
    case 'bulk': {
      const changed = entry.updated ?? entry.count;
      const matched = entry.updated !== undefined && entry.updated !== entry.count ? ` (${w.ofMatched(num.format(entry.count))})` : '';
      const tail = `${matched}${describeFilter(entry, locale, options)}`;
      const cats = entry.categories ?? [];
      const catNames = list(cats.map((c) => c.name), locale);
      switch (entry.operation) {
        case 'addCategories':
          return w.addCategories(catNames, cats.length > 1, whom(changed)) + tail;
        case 'removeCategories':
          return w.removeCategories(catNames, cats.length > 1, whom(changed)) + tail;
        case 'setStatus':
          return w.setStatus(whom(changed), entry.status ? CUSTOMER_STATUS_LABELS[locale][entry.status as CustomerStatus] : '') + tail;
        case 'delete':
          return w.deleteMany(whom(changed)) + tail;
        default:
          return `${entry.detail ?? 'bulk'}${tail}`;
      }
    }
    case 'export': {
      const credits = entry.filter?.['resource'] === 'credits';
      const format = (entry.format ?? (entry.detail === 'xlsx' || entry.detail === 'csv' ? entry.detail : 'csv')).toUpperCase();
      const what = credits ? w.credits(num.format(entry.count), entry.count === 1) : whom(entry.count);
      const labels = COLUMN_LABELS[locale] as Record<string, string>;
      const columns = list((entry.columns ?? []).map((c) => labels[c] ?? c), locale);
      return w.export(format, what, columns) + (credits ? '' : describeFilter(entry, locale, options));
    }
    case 'import': {
      const o = entry.outcome;
      if (!o) return `${w.rows(num.format(entry.count), entry.count === 1)}${entry.detail ? ` — ${entry.detail}` : ''}`;
      const say = o.dryRun ? w.importDry : w.import;
      const n = (x: number): [string, boolean] => [num.format(x), x === 1];
      const counts: Counts = { created: n(o.created), updated: n(o.updated), unchanged: n(o.unchanged), rejected: n(o.rejected) };
      return say(w.rows(num.format(entry.count), entry.count === 1), w.outcome(counts));
    }
    case 'settings.update':
      return w.settings;
    case 'category.create':
      return w.categoryCreate(categoryName);
    case 'category.update': {
      const changes = entry.changes ?? [];
      const said: string[] = [];
      if (changes.includes('name') && entry.previousName) said.push(w.categoryRename(entry.previousName, categoryName));
      if (changes.includes('status')) said.push(entry.status === 'inactive' ? w.categoryInactivate(categoryName) : w.categoryReactivate(categoryName));
      if (changes.includes('color')) said.push(w.categoryRecolour(categoryName));
      return said.length ? said.join('; ') : w.categoryUpdate(categoryName);
    }
  }
}
