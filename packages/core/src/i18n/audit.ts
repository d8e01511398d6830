import { formatMoney } from '../format/format.js';
import type { CustomerStatus } from '../schemas/customer.js';
import type { AuditEntry } from '../schemas/operations.js';
import { COLUMN_LABELS, CREDIT_KIND_LABELS, CUSTOMER_KIND_LABELS, CUSTOMER_STATUS_LABELS, fieldLabel, ORDER_STATUS_LABELS } from './labels.js';
import { localeTables } from './load.js';
import { CONSENT_CHANNEL_LABELS, CONSENT_PURPOSE_LABELS, CONSENT_SOURCE_LABELS, PRIVACY_REQUEST_STATUS_LABELS, PRIVACY_REQUEST_TYPE_LABELS } from './privacy-labels.js';
import type { Locale } from './locale.js';
import { readShownFilter } from '../schemas/filter-grammar.js';
import { describeFilterTerm } from './filter-text.js';

/** What {@link describeAuditEntry} may look up that an entry holds only by id. */
export interface DescribeAuditOptions {
  /** A category's current name, for the `categoryId` of an entry's filter. */
  categoryName?: (id: string) => string | undefined;
}

/** Numbers as the locale writes them, and whether each is one (for the plural). */
type Counts = Record<'created' | 'updated' | 'unchanged' | 'rejected', [text: string, one: boolean]>;

export interface AuditWords {
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
  except(whom: string): string;
  aCustomer: string;
  aCategory: string;
  orderCreate(number: string, amount: string, name: string): string;
  orderStatus(number: string, name: string, from: string, to: string): string;
  orderUpdate(number: string, name: string): string;
  creditGrant(kind: string, amount: string, name: string): string;
  creditRedeem(amount: string, name: string): string;
  messageSend(channel: string, whom: string, noConsent: string, noContact: string): string;
  automation(action: 'create' | 'update' | 'delete', name: string): string;
  // LGPD (#18 §1–§2)
  consentGrant(channel: string, purpose: string, name: string, source: string): string;
  consentRevoke(channel: string, purpose: string, name: string, source: string): string;
  privacyRequest(type: string, name: string): string;
  privacyUpdate(type: string, name: string, status: string): string;
  privacyArchive(name: string): string;
  anonymize(name: string): string;
  apiKeyCreate(name: string): string;
  apiKeyRotate(name: string, until: string): string;
  apiKeyRevoke(name: string): string;
  badKeys(address: string, count: string, prefix: string, until: string): string;
  webhookCreate(url: string): string;
  webhookUpdate(url: string): string;
  webhookEnable(url: string): string;
  webhookDisable(url: string): string;
  webhookDelete(url: string): string;
  webhookRotate(url: string): string;
  unitCreate(name: string): string;
  unitRename(from: string, to: string): string;
  unitInactivate(name: string): string;
  unitReactivate(name: string): string;
  unitUpdate(name: string): string;
  unitDelete(name: string): string;
  duplicateDismiss(a: string, b: string): string;
  merge(merged: string, into: string): string;
  claim(name: string): string;
}

const pt: AuditWords = {
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
  except: (whom) => `exceto ${whom}`,
  aCustomer: 'um cliente',
  aCategory: 'uma categoria',
  orderCreate: (number, amount, name) => `Registrou o pedido ${number} (${amount}) de ${name}`,
  orderStatus: (number, name, from, to) => `Mudou o pedido ${number} de ${name} de ${from} para ${to}`,
  orderUpdate: (number, name) => `Alterou o pedido ${number} de ${name}`,
  creditGrant: (kind, amount, name) => `Concedeu ${kind} de ${amount} a ${name}`,
  creditRedeem: (amount, name) => `Resgatou ${amount} em créditos de ${name}`,
  messageSend: (channel, whom, noConsent, noContact) =>
    `Enviou mensagem por ${channel} para ${whom}, ciente da responsabilidade legal (fora: ${noConsent} sem consentimento, ${noContact} sem contato)`,
  automation: (action, name) => `${action === 'create' ? 'Criou' : action === 'update' ? 'Alterou' : 'Excluiu'} a automação ${name}`,
  consentGrant: (channel, purpose, name, source) => `Registrou o consentimento de ${name} para ${purpose} por ${channel} (${source})`,
  consentRevoke: (channel, purpose, name, source) => `Registrou a revogação do consentimento de ${name} para ${purpose} por ${channel} (${source})`,
  privacyRequest: (type, name) => `Abriu uma solicitação de ${type} (LGPD) de ${name}`,
  privacyUpdate: (type, name, status) => `Mudou a solicitação de ${type} (LGPD) de ${name} para ${status}`,
  privacyArchive: (name) => `Gerou o arquivo com os dados de ${name} (LGPD)`,
  anonymize: (name) => `Anonimizou o cliente ${name} (LGPD)`,
  apiKeyCreate: (name) => `Criou a chave de API ${name}`,
  apiKeyRotate: (name, until) => `Trocou a chave de API ${name}; a anterior funciona até ${until}`,
  apiKeyRevoke: (name) => `Revogou a chave de API ${name}`,
  badKeys: (address, count, prefix, until) => `O endereço ${address} enviou ${count} chaves de API inválidas (${prefix}); novas chaves inválidas dele são recusadas até ${until}`,
  webhookCreate: (url) => `Cadastrou o webhook ${url}`,
  webhookUpdate: (url) => `Alterou o webhook ${url}`,
  webhookEnable: (url) => `Ativou o webhook ${url}`,
  webhookDisable: (url) => `Desativou o webhook ${url}`,
  webhookDelete: (url) => `Excluiu o webhook ${url}`,
  webhookRotate: (url) => `Trocou a chave de assinatura do webhook ${url}`,
  unitCreate: (name) => `Cadastrou a unidade ${name}`,
  unitRename: (from, to) => `Renomeou a unidade ${from} para ${to}`,
  unitInactivate: (name) => `Inativou a unidade ${name}`,
  unitReactivate: (name) => `Reativou a unidade ${name}`,
  unitUpdate: (name) => `Alterou a unidade ${name}`,
  unitDelete: (name) => `Excluiu a unidade ${name}`,
  duplicateDismiss: (a, b) => `Marcou ${a} e ${b} como não duplicados`,
  merge: (merged, into) => `Mesclou ${merged} em ${into}`,
  claim: (name) => `${name} assumiu o cadastro que a loja já tinha (pelo link enviado ao e-mail do cadastro) e criou a senha`,
};



/** The words of `locale` once loaded (see `loadLocale`), else pt-BR's. */
const wordsOf = (locale: Locale): AuditWords => localeTables(locale)?.audit ?? pt;

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
  const w = wordsOf(locale);
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
  if (typeof f['filter'] === 'string' && f['filter']) {
    // The filter language in the same words as the filter builder's chips ("Sem compra há 90 dias").
    const parsed = readShownFilter(f['filter']);
    if (parsed) parts.push(...parsed.map((term) => describeFilterTerm(term, locale, { categoryName: (id) => options.categoryName?.(id) })));
  }
  if (typeof f['ids'] === 'number') parts.push(w.selected(num.format(f['ids'])));
  if (Array.isArray(f['exceptIds']) && f['exceptIds'].length) parts.push(w.except(w.customers(num.format(f['exceptIds'].length), f['exceptIds'].length === 1)));
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
  const w = wordsOf(locale);
  const num = new Intl.NumberFormat(locale);
  const customerName = entry.targetName ?? entry.target ?? w.aCustomer;
  const categoryName = entry.targetName ?? entry.target ?? w.aCategory;
  const whom = (n: number) => w.customers(num.format(n), n === 1);
  const apiKeyName = entry.targetName ?? entry.target ?? '';
  const targetName = entry.targetName ?? entry.target ?? '';
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
    case 'order.create':
      return w.orderCreate(entry.order?.number ?? '', formatMoney(entry.amountCents ?? 0, locale), customerName);
    case 'order.update': {
      const number = entry.order?.number ?? '';
      const labels = ORDER_STATUS_LABELS[locale] as Record<string, string>;
      if (entry.fromStatus && entry.toStatus && entry.fromStatus !== entry.toStatus) {
        return w.orderStatus(number, customerName, labels[entry.fromStatus] ?? entry.fromStatus, labels[entry.toStatus] ?? entry.toStatus);
      }
      return w.orderUpdate(number, customerName);
    }
    case 'credit.grant': {
      const kinds = CREDIT_KIND_LABELS[locale] as Record<string, string>;
      return w.creditGrant(kinds[entry.detail ?? ''] ?? entry.detail ?? '', formatMoney(entry.amountCents ?? 0, locale), customerName);
    }
    case 'credit.redeem':
      return w.creditRedeem(formatMoney(entry.amountCents ?? 0, locale), customerName);
    case 'message.send': {
      const channels: Record<string, string> = { email: 'e-mail', sms: 'SMS', whatsapp: 'WhatsApp', push: 'push' };
      return w.messageSend(
        channels[entry.channel ?? ''] ?? entry.channel ?? '',
        w.customers(num.format(entry.count), entry.count === 1),
        num.format(entry.excluded?.noConsent ?? 0),
        num.format(entry.excluded?.noContact ?? 0),
      );
    }
    case 'automation.create':
    case 'automation.update':
    case 'automation.delete':
      return w.automation(entry.action.slice('automation.'.length) as 'create' | 'update' | 'delete', entry.targetName ?? entry.target ?? '');
    case 'consent.record': {
      const channel = CONSENT_CHANNEL_LABELS[locale][entry.channel ?? 'email'];
      const purpose = (CONSENT_PURPOSE_LABELS[locale] as Record<string, string>)[entry.detail ?? ''] ?? entry.detail ?? '';
      const source = (CONSENT_SOURCE_LABELS[locale] as Record<string, string>)[entry.source ?? ''] ?? entry.source ?? '';
      return (entry.toStatus === 'revoked' ? w.consentRevoke : w.consentGrant)(channel, purpose.toLowerCase(), customerName, source);
    }
    case 'privacy.request':
    case 'privacy.update': {
      const type = ((PRIVACY_REQUEST_TYPE_LABELS[locale] as Record<string, string>)[entry.detail ?? ''] ?? entry.detail ?? '').toLowerCase();
      if (entry.action === 'privacy.request') return w.privacyRequest(type, customerName);
      return w.privacyUpdate(type, customerName, ((PRIVACY_REQUEST_STATUS_LABELS[locale] as Record<string, string>)[entry.toStatus ?? ''] ?? entry.toStatus ?? '').toLowerCase());
    }
    case 'privacy.archive':
      return w.privacyArchive(customerName);
    case 'customer.anonymize':
      return w.anonymize(customerName);
    case 'api_key.create':
      return w.apiKeyCreate(apiKeyName);
    case 'api_key.rotate': {
      const until = entry.until ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(entry.until)) : '';
      return w.apiKeyRotate(apiKeyName, until);
    }
    case 'api_key.revoke':
      return w.apiKeyRevoke(apiKeyName);
    case 'api_key.bad_keys': {
      const until = entry.until ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(entry.until)) : '';
      return w.badKeys(entry.address ?? '', num.format(entry.count), entry.actor.keyId, until);
    }
    case 'webhook_endpoint.create':
      return w.webhookCreate(targetName);
    case 'webhook_endpoint.update': {
      const changes = entry.changes ?? [];
      if (changes.length === 1 && changes[0] === 'enabled') return entry.toStatus === 'disabled' ? w.webhookDisable(targetName) : w.webhookEnable(targetName);
      return w.webhookUpdate(targetName);
    }
    case 'webhook_endpoint.delete':
      return w.webhookDelete(targetName);
    case 'webhook_endpoint.rotate_secret':
      return w.webhookRotate(targetName);
    case 'unit.create':
      return w.unitCreate(targetName);
    case 'unit.update': {
      const changes = entry.changes ?? [];
      const said: string[] = [];
      if (changes.includes('name') && entry.previousName) said.push(w.unitRename(entry.previousName, targetName));
      if (changes.includes('status')) said.push(entry.status === 'inactive' ? w.unitInactivate(targetName) : w.unitReactivate(targetName));
      return said.length ? said.join('; ') : w.unitUpdate(targetName);
    }
    case 'unit.delete':
      return w.unitDelete(targetName);
    case 'duplicate.dismiss':
      return w.duplicateDismiss(customerName, entry.customers?.[0]?.name ?? w.aCustomer);
    case 'customer.merge':
      return w.merge(list((entry.customers ?? []).map((r) => r.name), locale) || w.aCustomer, customerName);
    case 'customer.claim':
      return w.claim(customerName);
  }
}

