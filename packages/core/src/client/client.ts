import { NotFoundError, ValidationError } from '../errors/errors.js';
import { digitsOnly, normalizeDocument } from '../format/format.js';
import { loadLocale } from '../i18n/load.js';
import { issueMessage } from '../i18n/messages.js';
import type { Benefits } from '../schemas/benefits.js';
import type { CategoryFiguresList } from '../schemas/category-figures.js';
import type { Category, CategoryCreate, CategoryPatch, CategoryStatus } from '../schemas/category.js';
import type { Customer, CustomerStatus } from '../schemas/customer.js';
import type { CustomerCreate, CustomerPatch, CustomerSync, PublicRegistration } from '../schemas/customer-write.js';
import type {
  AuditEntry,
  AuditPage,
  AuditQuery,
  BulkRequest,
  BulkResult,
  CepAddress,
  CreditWalletEntry,
  CreditWalletPage,
  CreditWalletQuery,
  CustomerPage,
  ExportRequest,
  ImportReport,
  Invitation,
  Session,
  SessionCreate,
} from '../schemas/operations.js';
import type { CustomerListQuery } from '../schemas/query.js';
import type { FilterExpression } from '../schemas/filter.js';
import { encodeFilter } from '../schemas/filter-encode.js';
import type {
  Credit,
  CreditGrant,
  CreditGrantEntry,
  CreditList,
  CreditRedeem,
  CreditRedemption,
  Order,
  OrderCreate,
  OrderListQuery,
  OrderPage,
  OrderPatch,
} from '../schemas/order.js';
import type {
  CatalogSettings,
  RegistrationRequest,
  InvitationInfo,
  PasswordChange,
  PasswordCheckResult,
  ProfilePatch,
} from '../schemas/account.js';
import type { RegistrationSettings } from '../schemas/settings.js';
import type { ChannelSettings, ChannelSettingsUpdate } from '../schemas/channel-settings.js';
import type { Unit, UnitCreate, UnitPatch, UnitStatus } from '../schemas/unit.js';
import type { View, ViewCreate, ViewPatch } from '../schemas/view.js';
import type { Event, EventPage } from '../schemas/event.js';
import type { EventType } from '../rules/constants.js';
import type {
  WebhookDelivery,
  WebhookDeliveryListQuery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointPatch,
  WebhookEndpointWithSecret,
} from '../schemas/webhook.js';
import { isValidCep } from '../validation/places.js';
import { ChangeFeed, type ClientChange } from './changes.js';
import { checkResponse } from './responses.js';
import { messages } from './messages.js';
import { duplicates } from './duplicates.js';
import { consents, privacyRequests } from './privacy.js';
import { automations } from './automations.js';
import { devices } from './devices.js';
import type { AccountLinkSettings, PasswordResetAccepted, PasswordResetRequest } from '../schemas/password-reset.js';
import type { RegistrationPending } from '../schemas/registration-claim.js';
import { apiKeys } from './api-keys.js';
import {
  createTransport,
  type CallOptions,
  type ClientOptions,
  type IdempotentCallOptions,
  type Transport,
  type Version,
  type WriteCallOptions,
} from './request.js';

/**
 * `customers.list` query: `status` and `categoryId` also take arrays; `filter` a
 * {@link FilterExpression} or its text. `offset` (not with `cursor`) starts the page at that row;
 * the page's `nextCursor` continues after it.
 */
export type CustomerQuery = Omit<CustomerListQuery, 'status' | 'categoryId' | 'limit' | 'offset' | 'filter'> & {
  status?: string | readonly CustomerStatus[];
  categoryId?: string | readonly string[];
  filter?: string | FilterExpression;
  limit?: number;
  offset?: number;
};

/** The customers a bulk action or an export selects: the list's parameters without paging, `filter` typed or as text. */
export type CustomerSelection = Omit<NonNullable<BulkRequest['filter']>, 'filter'> & { filter?: string | FilterExpression };
/** `customers.bulk`: like {@link BulkRequest}, its `filter.filter` typed or as text. */
export type BulkActionRequest = Omit<BulkRequest, 'filter'> & { filter?: CustomerSelection };
/** `exports.download` / `exports.stream`: like {@link ExportRequest}, its `filter.filter` typed or as text. */
export type ExportFileRequest = Omit<ExportRequest, 'filter'> & { filter?: CustomerSelection };

/** A filter as it travels: its one text form. */
function filterText(filter: string | FilterExpression | undefined): string | undefined {
  return filter === undefined || typeof filter === 'string' ? filter : encodeFilter(filter);
}

/** A request whose `filter.filter` may be typed, with it written as text. */
function withFilterText<R extends { filter?: CustomerSelection | undefined }>(request: R): Omit<R, 'filter'> & { filter?: Omit<CustomerSelection, 'filter'> & { filter?: string } } {
  if (!request.filter || request.filter.filter === undefined || typeof request.filter.filter === 'string') return request as never;
  return { ...request, filter: { ...request.filter, filter: filterText(request.filter.filter) } };
}

/** A cursor page query (`customers.orders`, `audit.list`, `credits.list`). */
export interface PageQuery {
  cursor?: string;
  limit?: number;
}

/** `customers.retrieve` options: the call's, and whether the document comes masked. */
export interface RetrieveOptions extends CallOptions {
  /** `masked`: the document masked and the read not logged as a reveal (default `full`). */
  document?: 'full' | 'masked' | undefined;
}

/** A downloaded file. */
export interface Download {
  blob: Blob;
  /** From `Content-Disposition`, or a default such as `clientes.csv`. */
  filename: string;
}

/** A file as a stream, for large exports that should not sit in memory. */
export interface DownloadStream {
  stream: ReadableStream<Uint8Array>;
  filename: string;
  contentType: string;
}

/** What `update` and `delete` accept as the target: an id, or the record read before. */
export type Target = string | { id: string; version: number };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const enc = encodeURIComponent;

/** The path of `target` under `base`, and the record itself (its version is the `If-Match`). */
const ref = (base: string, target: Target) =>
  typeof target === 'string' ? { path: base + enc(target) } : { path: base + enc(target.id), target };

/** The filename of `Content-Disposition` (RFC 6266: `filename*` first), or `fallback`. */
export function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const name = (/filename\*=[^']*'[^']*'([^;]+)/i.exec(header) ?? /filename="?([^";]+)/i.exec(header))?.[1];
  try {
    return name ? decodeURIComponent(name.trim()) : fallback;
  } catch {
    return name!; // a plain filename with a stray "%"
  }
}

/** Resolves with `value` after telling `feed` about the change it made. */
function told<T>(feed: ChangeFeed, change: (value: T) => ClientChange) {
  return (value: T): T => {
    feed.emit(change(value));
    return value;
  };
}

/** Walks cursor pages lazily, one request per page, stopping as soon as the loop breaks. */
async function* paginate<T>(
  load: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): AsyncGenerator<T, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

function customers(t: Transport, feed: ChangeFeed) {
  const list = (query: CustomerQuery = {}, options?: CallOptions): Promise<CustomerPage> =>
    t.request('customerPage', { ...options, path: 'customers', query: query.filter === undefined ? query : { ...query, filter: filterText(query.filter) } });
  return {
    /**
     * One page of customers. `status` defaults to all but `deleted`; list items carry the
     * document masked.
     *
     * @example
     * const { items, nextCursor, total } = await client.customers.list({ q: 'joao', kind: 'person', limit: 20 });
     * // random access: the page starting at row 90,000, then on by `nextCursor`
     * const far = await client.customers.list({ sort: 'name', offset: 90_000, limit: 200 });
     * // a segment: no purchase in the last 90 days, in São Paulo state (or its text, 'last-notwithin-90.uf-SP')
     * const idle = await client.customers.list({ filter: [{ type: 'notPurchasedWithin', days: 90 }, { type: 'state', states: ['SP'] }] });
     */
    list,

    /**
     * Every customer matching `query`, page after page, each page requested only when the loop
     * needs it; breaking out of the loop stops the requests.
     *
     * @example
     * for await (const customer of client.customers.iterate({ status: ['active'] })) console.log(customer.id);
     */
    iterate: (query: CustomerQuery = {}, options?: CallOptions): AsyncGenerator<Customer, void, undefined> =>
      paginate((cursor) => list(cursor ? { ...query, offset: undefined, cursor } : query, options)),

    /**
     * The full record (document unmasked; the read is written to the audit log as a reveal). A
     * page that only shows the customer passes `{ document: 'masked' }`: the document comes
     * masked and nothing is logged, so the log keeps only deliberate reveals. Its `version` is
     * the ETag that `update` sends back.
     *
     * @example
     * const customer = await client.customers.retrieve('cus_123');
     * const shown = await client.customers.retrieve('cus_123', { document: 'masked' });
     */
    retrieve: (id: string, options?: RetrieveOptions): Promise<Customer> => {
      const { document, ...call } = options ?? {};
      return t.request('customer', { ...call, ...ref('customers/', id), ...(document === 'masked' ? { query: { document } } : {}) });
    },

    /**
     * Creates a customer. An `Idempotency-Key` is generated unless given, so a retried create
     * never makes two customers. A document already in use gives a `ConflictError` with
     * `existingId`.
     *
     * @example
     * const ana = await client.customers.create({ kind: 'person', document: '529.982.247-25', firstName: 'Ana', lastName: 'Souza' });
     */
    create: (body: CustomerCreate, options?: IdempotentCallOptions): Promise<Customer> =>
      t.request('customer', { ...options, method: 'post', path: 'customers', json: body, idem: true }).then(told(feed, (customer) => ({ type: 'customer.created', customer }))),

    /**
     * Creates or updates the customer who holds `document` (CPF/CNPJ, punctuation allowed), as
     * another system knows them: `source` names the system (`pos`, `ecommerce`, `seller`…) and
     * `externalId` its own id for the customer. The fields sent replace the stored ones, the
     * others stay; the system joins the customer's `sources`. Sending the same body again changes
     * nothing (same version). An id of the system that another customer holds gives a
     * `ConflictError` with `existingId`. An `Idempotency-Key` is generated unless given.
     *
     * @example
     * const ana = await client.customers.sync('529.982.247-25', { kind: 'person', source: 'pos', externalId: 'PDV-0042', firstName: 'Ana', lastName: 'Souza' });
     * ana.sources; // ['pos'] — or ['ecommerce', 'pos'] when the online store knew her first
     */
    sync: (document: string, body: CustomerSync, options?: IdempotentCallOptions): Promise<Customer> =>
      t
        .request('customer', { ...options, method: 'put', path: `customers/by-document/${enc(normalizeDocument(document))}`, json: body, idem: true })
        .then(told(feed, (customer) => (customer.version === 1 ? { type: 'customer.created', customer } : { type: 'customer.updated', customer }))),

    /**
     * Changes some fields (`null` clears an optional one), guarded by `If-Match`: pass the record
     * you read (its `version` is sent) or `{ ifMatch }`. A stale version gives a
     * `PreconditionFailedError` whose `current` is the server's record; no version gives a
     * `PreconditionRequiredError` (428).
     *
     * @example
     * const saved = await client.customers.update(customer, { email: 'ana@example.com' });
     */
    update: (target: Target, patch: CustomerPatch, options?: WriteCallOptions): Promise<Customer> =>
      t
        .request('customer', { ...options, ...ref('customers/', target), method: 'patch', json: patch, current: 'customer' })
        .then(told(feed, (customer) => ({ type: 'customer.updated', customer }))),

    /**
     * Soft-deletes: the status becomes `deleted`; the record and its history remain. `If-Match`
     * is sent when given, or taken from a record passed as `target`.
     *
     * @example
     * await client.customers.delete('cus_123');
     */
    delete: async (target: Target, options?: WriteCallOptions): Promise<void> => {
      await t.send({ ...options, ...ref('customers/', target), method: 'delete', current: 'customer' });
      feed.emit({ type: 'customer.deleted', id: typeof target === 'string' ? target : target.id });
    },

    /**
     * One action on the given `ids`, or on every customer matching `filter` but `exceptIds` (what
     * a list sends when all matching rows are selected and some were unticked). An
     * `Idempotency-Key` is generated unless given, so it is safe to retry.
     *
     * @example
     * const { matched, updated } = await client.customers.bulk({ ids, action: 'addCategories', categoryIds: ['cat_vip'] });
     * await client.customers.bulk({ filter: { status: 'active', q: 'silva' }, exceptIds: ['cus_8f2k'], action: 'setStatus', status: 'blocked' });
     */
    bulk: (request: BulkActionRequest, options?: IdempotentCallOptions): Promise<BulkResult> => {
      const body = withFilterText(request) as BulkRequest;
      return t.request('bulkResult', { ...options, method: 'post', path: 'customers/bulk', json: body, idem: true }).then(told(feed, (result) => ({ type: 'customer.bulk', request: body, result })));
    },

    /**
     * One page of a customer's orders (walk on with `nextCursor`).
     *
     * @example
     * const { items, nextCursor } = await client.customers.orders('cus_123', { limit: 10 });
     */
    orders: (id: string, query: PageQuery = {}, options?: CallOptions): Promise<OrderPage> =>
      t.request('orderPage', { ...options, path: `customers/${enc(id)}/orders`, query }),

    /**
     * A customer's credits (referral credit, cashback bonus with expiry).
     *
     * @example
     * const credits = await client.customers.credits('cus_123');
     */
    credits: async (id: string, options?: CallOptions): Promise<Credit[]> =>
      (await t.request('creditList', { ...options, path: `customers/${enc(id)}/credits` })).items,

    /**
     * Self-registrations of a private catalog waiting for (or given) a decision, newest first.
     *
     * @example
     * const pending = await client.customers.registrationRequests({ status: 'pending' });
     */
    registrationRequests: async (query: { status?: RegistrationRequest['status'] } = {}, options?: CallOptions): Promise<RegistrationRequest[]> =>
      (await t.request('registrationRequestList', { ...options, path: 'registration-requests', query })).items,

    /**
     * Approves (the shopper can sign in, and is told so) or refuses a self-registration of a
     * private catalog (secret key).
     *
     * @example
     * await client.customers.decideRegistration('cus_123', 'approve');
     */
    decideRegistration: (id: string, decision: 'approve' | 'refuse', options?: CallOptions): Promise<Customer> =>
      t.request('customer', { ...options, method: 'post', path: `registration-requests/${enc(id)}/decision`, json: { decision } }),

    /**
     * A one-time token with which the customer sets a password (catalog scenarios 2–4); needs a
     * secret key and sends no e-mail. An `Idempotency-Key` is generated unless given, so a retry
     * returns the same token instead of minting a second one.
     *
     * @example
     * const { token, url } = await client.customers.invite('cus_123');
     */
    invite: (id: string, options?: IdempotentCallOptions): Promise<Invitation> =>
      t.request('invitation', { ...options, method: 'post', path: `customers/${enc(id)}/invitations`, idem: true }),
  };
}

/**
 * Categories have no `delete`: a category is never deleted, only inactivated, so that it stays
 * on the customers that have it (the server answers 405). Use `update(category, { status:
 * 'inactive' })`.
 */
function categories(t: Transport, feed: ChangeFeed) {
  return {
    /**
     * Every category, or only those with `status`.
     *
     * @example
     * const active = await client.categories.list({ status: 'active' });
     */
    list: async (query: { status?: CategoryStatus } = {}, options?: CallOptions): Promise<Category[]> =>
      (await t.request('categoryList', { ...options, path: 'categories', query })).items,

    /**
     * Creates a category (the name is unique ignoring case and accents, else `ConflictError`).
     * An `Idempotency-Key` is generated unless given, so a retry never makes two.
     *
     * @example
     * const vip = await client.categories.create({ name: 'VIP', color: '#7c3aed' });
     */
    create: (body: CategoryCreate, options?: IdempotentCallOptions): Promise<Category> =>
      t.request('category', { ...options, method: 'post', path: 'categories', json: body, idem: true }).then(told(feed, (category) => ({ type: 'category.created', category }))),

    /**
     * Every category's figures in one request: members, total spent, average ticket, orders in
     * the last 30 days and the 30 before (`trend`), computed by the server from stored orders.
     *
     * @example
     * const { items } = await client.categories.figures();
     */
    figures: (options?: CallOptions): Promise<CategoryFiguresList> => t.request('categoryFigures', { ...options, path: 'categories/figures' }),

    /**
     * Renames, recolours, inactivates or reactivates; sets or (`null`) removes the rule of an
     * automatic category and the discount; guarded by `If-Match` like `customers.update`.
     *
     * @example
     * await client.categories.update(vip, { status: 'inactive' });
     */
    update: (target: Target, patch: CategoryPatch, options?: WriteCallOptions): Promise<Category> =>
      t
        .request('category', { ...options, ...ref('categories/', target), method: 'patch', json: patch, current: 'category' })
        .then(told(feed, (category) => ({ type: 'category.updated', category }))),
  };
}

function settings(t: Transport) {
  return {
    /**
     * Which registration fields are required, optional or hidden, per kind.
     *
     * @example
     * const { person, company } = await client.settings.retrieve();
     */
    retrieve: (options?: CallOptions): Promise<RegistrationSettings> =>
      t.request('registrationSettings', { ...options, path: 'settings/registration' }),

    /**
     * Replaces the registration settings (secret key).
     *
     * @example
     * await client.settings.update({ ...settings, person: { ...settings.person, phone: 'required' } });
     */
    update: (body: RegistrationSettings, options?: CallOptions): Promise<RegistrationSettings> =>
      t.request('registrationSettings', { ...options, method: 'put', path: 'settings/registration', json: body }),

    /**
     * Which provider sends each message channel, and its rate per minute; secrets come masked.
     *
     * @example
     * const { email, sms } = await client.settings.channels();
     */
    channels: (options?: CallOptions): Promise<ChannelSettings> => t.request('channelSettings', { ...options, path: 'settings/channels' }),

    /**
     * Replaces the channel settings (secret key); a `password` or `secret` left out keeps the stored one.
     *
     * @example
     * await client.settings.updateChannels({ ...current, email: { provider: 'smtp', host: 'smtp.loja.com.br', port: 587, from: 'Loja <contato@loja.com.br>', password: 's3nha' } });
     */
    updateChannels: (body: ChannelSettingsUpdate, options?: CallOptions): Promise<ChannelSettings> =>
      t.request('channelSettings', { ...options, method: 'put', path: 'settings/channels', json: body }),

    /**
     * The account page that access links (recovery, first access) open, or `null`.
     *
     * @example
     * const { accountUrl } = await client.settings.accountLinks();
     */
    accountLinks: (options?: CallOptions): Promise<AccountLinkSettings> => t.request('accountLinkSettings', { ...options, path: 'settings/account-links' }),

    /**
     * Sets the account page that access links open (secret key).
     *
     * @example
     * await client.settings.updateAccountLinks({ accountUrl: 'https://loja.example/conta' });
     */
    updateAccountLinks: (body: AccountLinkSettings, options?: CallOptions): Promise<AccountLinkSettings> =>
      t.request('accountLinkSettings', { ...options, method: 'put', path: 'settings/account-links', json: body }),

    /**
     * The same settings through the public route, for a storefront form holding a `pk_` key.
     *
     * @example
     * const rules = await client.settings.retrievePublic();
     */
    retrievePublic: (options?: CallOptions): Promise<RegistrationSettings> =>
      t.request('registrationSettings', { ...options, path: 'public/settings/registration' }),

    /**
     * Who may self-register: `open`, `approval` (a private catalog with a request queue) or `off`.
     * Works with a `pk_` key (the storefront reads it) as with a secret one.
     *
     * @example
     * const { selfRegistration } = await client.settings.retrieveCatalog();
     */
    retrieveCatalog: (options?: CallOptions): Promise<CatalogSettings> =>
      t.request('catalogSettings', { ...options, path: 'public/settings/catalog' }),

    /**
     * Sets who may self-register (secret key).
     *
     * @example
     * await client.settings.updateCatalog({ selfRegistration: 'approval' });
     */
    updateCatalog: (body: CatalogSettings, options?: CallOptions): Promise<CatalogSettings> =>
      t.request('catalogSettings', { ...options, method: 'put', path: 'settings/catalog', json: body }),
  };
}

function addresses(t: Transport) {
  const cache = new Map<string, CepAddress | NotFoundError>();
  return {
    /**
     * The address of a CEP (`01310-100` or `01310100`). An invalid CEP is refused before any
     * request with a `ValidationError` (code `invalid_cep`, path `cep`); answers, "not found"
     * included, are cached for the client's life.
     *
     * @example
     * const { street, district, city, state } = await client.addresses.lookupCep('01310-100');
     */
    lookupCep: async (cep: string, options?: CallOptions): Promise<CepAddress> => {
      const key = digitsOnly(cep);
      if (!isValidCep(cep)) {
        await loadLocale(t.locale).catch(() => undefined); // pt-BR stands in when offline
        const message = issueMessage('invalid_cep', t.locale);
        throw new ValidationError({ type: 'about:blank', title: message, status: 422, errors: [{ path: 'cep', code: 'invalid_cep', message }] });
      }
      let hit = cache.get(key);
      if (!hit) {
        try {
          hit = await t.request('cepAddress', { ...options, path: 'cep/' + key });
        } catch (error) {
          if ((error as Error).name !== 'NotFoundError') throw error;
          hit = error as NotFoundError;
        }
        cache.set(key, hit);
      }
      if (hit instanceof Error) throw hit;
      return hit;
    },
  };
}

function exports_(t: Transport) {
  const post = async (request: ExportFileRequest, options?: IdempotentCallOptions) => {
    const response = await t.send({ ...options, method: 'post', path: 'exports', json: withFilterText(request) });
    return { response, filename: filenameOf(response, `${request.resource === 'credits' ? 'creditos' : 'clientes'}.${request.format}`) };
  };
  return {
    /**
     * Exports customers (or the credit wallet) as CSV or XLSX with the chosen columns. The server
     * writes an audit entry (who, when, filter, columns, rows, SHA-256), so the call is retried
     * only when `idempotencyKey` is given.
     *
     * @example
     * const { blob, filename } = await client.exports.download({ format: 'csv', filter: { status: 'active' }, columns: ['name', 'email'] });
     */
    download: async (request: ExportFileRequest, options?: IdempotentCallOptions): Promise<Download> => {
      const { response, filename } = await post(request, options);
      return { blob: await response.blob(), filename };
    },

    /**
     * Like `download`, but hands over the response body as a stream, for files too large to hold
     * in memory.
     *
     * @example
     * const { stream, filename } = await client.exports.stream({ format: 'csv' });
     * await stream.pipeTo(writable);
     */
    stream: async (request: ExportFileRequest, options?: IdempotentCallOptions): Promise<DownloadStream> => {
      const { response, filename } = await post(request, options);
      return { stream: response.body!, filename, contentType: response.headers.get('content-type') ?? '' };
    },
  };
}

function imports(t: Transport, feed: ChangeFeed) {
  return {
    /**
     * Imports a CSV or XLSX spreadsheet (a `File`, a `Blob`, or CSV text); XLSX is recognized by
     * the file's name or type. With `dryRun: true` nothing is written and the report says what
     * would happen to each row. Rows are keyed by document, so importing the same file twice
     * changes nothing the second time; an `Idempotency-Key` is generated unless given, so a retry
     * of an import whose answer was lost reports what that import did.
     *
     * @example
     * const report = await client.imports.upload(input.files[0], { dryRun: true });
     */
    upload: (file: Blob | string, options: IdempotentCallOptions & { dryRun?: boolean; filename?: string } = {}): Promise<ImportReport> => {
      const xlsx = /\.xlsx$/i.test(options.filename ?? (file as File).name ?? '') || (file as Blob).type === XLSX;
      const report = t.request('importReport', {
        ...options,
        method: 'post',
        path: 'imports',
        query: { dryRun: !!options.dryRun },
        body: file,
        type: xlsx ? XLSX : 'text/csv',
        // A retry of an import whose answer was lost gets the first report, not "unchanged".
        idem: true,
      });
      return options.dryRun ? report : report.then(told(feed, (r) => ({ type: 'import.completed', report: r })));
    },

    /**
     * The import template: the expected header row, in CSV or XLSX.
     *
     * @example
     * const { blob, filename } = await client.imports.template('xlsx');
     */
    template: async (format: 'csv' | 'xlsx' = 'csv', options?: CallOptions): Promise<Download> => {
      const response = await t.send({ ...options, path: 'imports/template', query: { format } });
      return { blob: await response.blob(), filename: filenameOf(response, 'modelo-clientes.' + format) };
    },
  };
}

function audit(t: Transport) {
  const list = (query: AuditQuery & PageQuery = {}, options?: CallOptions): Promise<AuditPage> =>
    t.request('auditPage', { ...options, path: 'audit', query });
  return {
    /**
     * One page of the data log, newest first: who revealed, exported, imported or changed what.
     *
     * @example
     * const { items } = await client.audit.list({ action: 'export', limit: 20 });
     */
    list,

    /**
     * Every audit entry matching `query`, fetched page by page as the loop asks.
     *
     * @example
     * for await (const entry of client.audit.iterate({ since: '2026-01-01T00:00:00Z' })) rows.push(entry);
     */
    iterate: (query: AuditQuery & PageQuery = {}, options?: CallOptions): AsyncGenerator<AuditEntry, void, undefined> =>
      paginate((cursor) => list({ ...query, cursor }, options)),
  };
}

// ---- units (stores) --------------------------------------------------------------------------
function units(t: Transport, feed: ChangeFeed) {
  return {
    /**
     * The business's units (stores), by name; only those with `status` when given.
     *
     * @example
     * const open = await client.units.list({ status: 'active' });
     */
    list: async (query: { status?: UnitStatus } = {}, options?: CallOptions): Promise<Unit[]> =>
      (await t.request('unitList', { ...options, path: 'units', query })).items,

    /**
     * One unit.
     *
     * @example
     * const unit = await client.units.retrieve('loja_centro');
     */
    retrieve: (id: string, options?: CallOptions): Promise<Unit> => t.request('unit', { ...options, path: `units/${enc(id)}` }),

    /**
     * Creates a unit (the name is unique ignoring case and accents, else `ConflictError`); its id
     * is the one given or made from the name. An `Idempotency-Key` is generated unless given.
     *
     * @example
     * const mall = await client.units.create({ name: 'Loja Shopping Iguatemi' });
     */
    create: (body: UnitCreate, options?: IdempotentCallOptions): Promise<Unit> =>
      t.request('unit', { ...options, method: 'post', path: 'units', json: body, idem: true }).then(told(feed, (unit) => ({ type: 'unit.created', unit }))),

    /**
     * Renames, inactivates or reactivates a unit, guarded by `If-Match` like `customers.update`.
     *
     * @example
     * await client.units.update(mall, { status: 'inactive' });
     */
    update: (target: Target, patch: UnitPatch, options?: WriteCallOptions): Promise<Unit> =>
      t.request('unit', { ...options, ...ref('units/', target), method: 'patch', json: patch, current: 'unit' }).then(told(feed, (unit) => ({ type: 'unit.updated', unit }))),

    /**
     * Deletes a unit no order references; one with orders answers 409 (`unit_in_use`): inactivate
     * it instead.
     *
     * @example
     * await client.units.delete('loja_teste');
     */
    delete: async (target: Target, options?: WriteCallOptions): Promise<void> => {
      await t.send({ ...options, ...ref('units/', target), method: 'delete', current: 'unit' });
      feed.emit({ type: 'unit.deleted', id: typeof target === 'string' ? target : target.id });
    },
  };
}

function views(t: Transport) {
  return {
    /**
     * The saved views this key and actor can use: the built-in ones first, then the shared and
     * personal ones by name.
     *
     * @example
     * const views = await client.views.list();
     */
    list: async (options?: CallOptions): Promise<View[]> => (await t.request('viewList', { ...options, path: 'views' })).items,

    /**
     * Saves a view (a filter's text, a sort, columns), personal unless `shared`. An
     * `Idempotency-Key` is generated unless given, so a retry never saves two.
     *
     * @example
     * const view = await client.views.create({ name: 'SP sem compra', filter: 'last-notwithin-90.uf-SP', shared: true });
     */
    create: (body: ViewCreate, options?: IdempotentCallOptions): Promise<View> =>
      t.request('view', { ...options, method: 'post', path: 'views', json: body, idem: true }),

    /**
     * Renames a view or changes what it shows, guarded by `If-Match` (the record read, or its id
     * with `ifMatch`); built-in views cannot be changed.
     *
     * @example
     * await client.views.update(view, { name: 'Clientes de SP sem compra' });
     */
    update: (target: Target, patch: ViewPatch, options?: WriteCallOptions): Promise<View> =>
      t.request('view', { ...options, ...ref('views/', target), method: 'patch', json: patch, current: 'view' }),

    /**
     * Deletes a saved view (built-in views cannot be deleted).
     *
     * @example
     * await client.views.delete(view);
     */
    delete: async (target: Target, options?: WriteCallOptions): Promise<void> => {
      await t.send({ ...options, ...ref('views/', target), method: 'delete', current: 'view' });
    },
  };
}

function orders(t: Transport, feed: ChangeFeed) {
  const list = (query: OrderListQuery = {}, options?: CallOptions): Promise<OrderPage> => t.request('orderPage', { ...options, path: 'orders', query });
  return {
    /**
     * One page of orders, newest first, optionally of one customer or in one status.
     *
     * @example
     * const { items, nextCursor } = await client.orders.list({ customerId: 'cus_123', limit: 20 });
     */
    list,

    /**
     * Every order matching `query`, page by page.
     *
     * @example
     * for await (const order of client.orders.iterate({ status: 'pending' })) console.log(order.number);
     */
    iterate: (query: Omit<OrderListQuery, 'cursor'> = {}, options?: CallOptions): AsyncGenerator<Order, void, undefined> =>
      paginate((cursor) => list({ ...query, ...(cursor ? { cursor } : {}) }, options)),

    /**
     * One order; its `version` is the ETag `update` sends back.
     *
     * @example
     * const order = await client.orders.retrieve('ord_123');
     */
    retrieve: (id: string, options?: CallOptions): Promise<Order> => t.request('order', { ...options, ...ref('orders/', id) }),

    /**
     * Records an order for a customer; the customer's figures (orders count, total spent, first
     * and last purchase) follow on the server in the same transaction. An `Idempotency-Key` is
     * generated unless given, so a retried create never records the order twice; a number already
     * used in the unit gives a `ConflictError` with `existingId`.
     *
     * @example
     * const order = await client.orders.create({ customerId: 'cus_123', number: '10045', placedAt: new Date().toISOString(), itemsCount: 2, totalCents: 15990, status: 'paid', source: 'pos' });
     */
    create: (body: OrderCreate, options?: IdempotentCallOptions): Promise<Order> =>
      t.request('order', { ...options, method: 'post', path: 'orders', json: body, idem: true }).then(told(feed, (order) => ({ type: 'order.created', order }))),

    /**
     * Changes an order's status (or rating), guarded by `If-Match`: pass the order you read or
     * `{ ifMatch }`. A return or a cancellation takes the order out of the customer's figures. A
     * move the order cannot make (a cancelled order paid) is a `ValidationError`
     * (`invalid_transition`); a stale version a `PreconditionFailedError` with `current`.
     *
     * @example
     * const shipped = await client.orders.update(order, { status: 'shipped' });
     */
    update: (target: Target, patch: OrderPatch, options?: WriteCallOptions): Promise<Order> =>
      t
        .request('order', { ...options, ...ref('orders/', target), method: 'patch', json: patch, current: 'order' })
        .then(told(feed, (order) => ({ type: 'order.updated', order }))),
  };
}

function credits(t: Transport, feed: ChangeFeed) {
  const list = (query: CreditWalletQuery & PageQuery = {}, options?: CallOptions): Promise<CreditWalletPage> =>
    t.request('creditWalletPage', { ...options, path: 'credits', query });
  return {
    /**
     * Grants a referral credit or a cashback bonus (an amount and an expiry) to a customer: a
     * ledger entry. An `Idempotency-Key` is generated unless given, so a retry grants once.
     *
     * @example
     * await client.credits.grant('cus_123', { kind: 'referral', amountCents: 2000, expiresAt: '2027-03-31T23:59:59-03:00' });
     */
    grant: (customerId: string, body: CreditGrant, options?: IdempotentCallOptions): Promise<CreditGrantEntry> =>
      t
        .request('creditGrantEntry', { ...options, method: 'post', path: `customers/${enc(customerId)}/credits`, json: body, idem: true })
        .then(told(feed, () => ({ type: 'credit.granted', customerId }))),

    /**
     * Spends part of a customer's credit, nearest expiry first. More than the balance gives a
     * `ValidationError` (`insufficient_credit`, its message names the balance).
     *
     * @example
     * const { credits } = await client.credits.redeem('cus_123', { amountCents: 1500, orderId: 'ord_9' });
     */
    redeem: (customerId: string, body: CreditRedeem, options?: IdempotentCallOptions): Promise<CreditRedemption> =>
      t
        .request('creditRedemption', { ...options, method: 'post', path: `customers/${enc(customerId)}/credits/redemptions`, json: body, idem: true })
        .then(told(feed, () => ({ type: 'credit.redeemed', customerId }))),

    /**
     * A customer's credits with their balances, and the balance that can be spent now.
     *
     * @example
     * const { items, balanceCents } = await client.credits.of('cus_123', { expiringWithinDays: 15 });
     */
    of: (customerId: string, query: { expiringWithinDays?: number } = {}, options?: CallOptions): Promise<CreditList> =>
      t.request('creditList', { ...options, path: `customers/${enc(customerId)}/credits`, query }),

    /**
     * One page of the wallet: the customers' credits with balances, nearest expiry first.
     *
     * @example
     * const { items, total } = await client.credits.list({ status: 'active', expiringBefore: '2026-12-31T23:59:59Z' });
     */
    list,

    /**
     * Every wallet entry matching `query`, page by page.
     *
     * @example
     * for await (const entry of client.credits.iterate({ status: 'active' })) total += entry.credit.amountCents;
     */
    iterate: (query: CreditWalletQuery & PageQuery = {}, options?: CallOptions): AsyncGenerator<CreditWalletEntry, void, undefined> =>
      paginate((cursor) => list({ ...query, cursor }, options)),
  };
}

function account(t: Transport) {
  return {
    /**
     * Storefront self-registration (works with a `pk_` key), with an optional password. An
     * `Idempotency-Key` is generated unless given, so a retry never registers twice. Answers the
     * new customer, or — when the store already holds the document or e-mail (a customer a seller
     * registered, say) — `{ accepted: true, next: 'check_email' }`: nothing was created, and a
     * link to finish by claiming that record went to the e-mail the store has on file
     * (`isRegistrationPending` tells the two apart).
     *
     * @example
     * const me = await client.account.register({ kind: 'person', document: '52998224725', firstName: 'Ana', lastName: 'Souza', email: 'ana@example.com', password: 's3gura!23' });
     * if (isRegistrationPending(me)) showCheckYourEmail();
     */
    register: (body: PublicRegistration, options?: IdempotentCallOptions): Promise<Customer | RegistrationPending> =>
      t.request('registration', { ...options, method: 'post', path: 'public/registrations', json: body, idem: true }),

    /**
     * Signs a customer in with e-mail and password (private catalog); wrong credentials give an
     * `AuthError`.
     *
     * @example
     * const session = await client.account.signIn({ email: 'ana@example.com', password: 's3gura!23' });
     */
    signIn: (body: SessionCreate, options?: CallOptions): Promise<Session> =>
      t.request('session', { ...options, method: 'post', path: 'public/sessions', json: body }),

    /**
     * Sets a password with the one-time token of an invitation (scenarios 2–4); `email` must be
     * the one the invitation was made for (else a 422 `email_mismatch` on `email`).
     *
     * @example
     * const session = await client.account.setPassword({ token, email: 'ana@example.com', password: 'n0va-senha' });
     */
    setPassword: (body: { token: string; email: string; password: string }, options?: CallOptions): Promise<Session> =>
      t.request('session', { ...options, method: 'post', path: 'public/password', json: body }),

    /**
     * "Esqueci minha senha": asks for a link to set a new password (or, for a customer migrated
     * without one, the first-access link) to be e-mailed. The answer is the same whether or not
     * the e-mail has an account; too many requests give a `RateLimitError`.
     *
     * @example
     * await client.account.requestPasswordReset({ email: 'ana@example.com' });
     */
    requestPasswordReset: (body: PasswordResetRequest, options?: CallOptions): Promise<PasswordResetAccepted> =>
      t.request('passwordResetAccepted', { ...options, method: 'post', path: 'public/password-resets', json: body }),

    /**
     * Whether `password` would be accepted as a new password, with the localized reasons when
     * not (too short, a trivial pattern, one of the most common passwords). Stores nothing.
     *
     * @example
     * const { acceptable, errors } = await client.account.checkPassword({ password: '12345678' });
     */
    checkPassword: (body: { password: string }, options?: CallOptions): Promise<PasswordCheckResult> =>
      t.request('passwordCheckResult', { ...options, method: 'post', path: 'public/password-checks', json: body }),

    /**
     * What an invitation link may show before it is used: the e-mail it was made for.
     *
     * @example
     * const { email } = await client.account.invitation(token);
     */
    invitation: (token: string, options?: CallOptions): Promise<InvitationInfo> =>
      t.request('invitationInfo', { ...options, path: `public/invitations/${enc(token)}` }),

    /**
     * The signed-in shopper's own record (`session` is the token of {@link signIn}); an expired or
     * revoked session gives an `AuthError`.
     *
     * @example
     * const me = await client.account.profile(session.token);
     */
    profile: (session: string, options?: CallOptions): Promise<Customer> =>
      t.request('customer', { ...options, path: 'public/me', session }),

    /**
     * Changes the shopper's own data, with the registration rules; `If-Match` from `current`.
     *
     * @example
     * const me2 = await client.account.updateProfile(session.token, me, { phone: '11987654321' });
     */
    updateProfile: (session: string, current: Version, patch: ProfilePatch, options?: CallOptions): Promise<Customer> =>
      t.request('customer', { ...options, method: 'patch', path: 'public/me', json: patch, session, target: current, current: 'customer' }),

    /**
     * The shopper's orders, newest first, in cursor pages.
     *
     * @example
     * const { items } = await client.account.orders(session.token);
     */
    orders: (session: string, query: PageQuery = {}, options?: CallOptions): Promise<OrderPage> =>
      t.request('orderPage', { ...options, path: 'public/me/orders', query, session }),

    /**
     * The shopper's credits (referral, cashback), each with its state at the moment of reading.
     *
     * @example
     * const credits = await client.account.credits(session.token);
     */
    credits: async (session: string, options?: CallOptions): Promise<Credit[]> =>
      (await t.request('creditList', { ...options, path: 'public/me/credits', session })).items,

    /**
     * The shopper's discounts and the one that applies (the largest of their own and their
     * active categories'), with where it comes from.
     *
     * @example
     * const { discountPercent, appliedFrom } = await client.account.benefits(session.token);
     */
    benefits: (session: string, options?: CallOptions): Promise<Benefits> => t.request('benefits', { ...options, path: 'public/me/benefits', session }),

    /**
     * Changes the password (the current one is required); other sessions of the account end.
     *
     * @example
     * await client.account.changePassword(session.token, { currentPassword: 'old-pass-1', password: 'n0va-senha-longa' });
     */
    changePassword: async (session: string, body: PasswordChange, options?: CallOptions): Promise<void> => {
      await t.send({ ...options, method: 'put', path: 'public/me/password', json: body, session });
    },

    /**
     * Ends the session on the server (signing out); a session already gone is not an error.
     *
     * @example
     * await client.account.signOut(session.token);
     */
    signOut: async (session: string, options?: CallOptions): Promise<void> => {
      await t.send({ ...options, method: 'delete', path: 'public/me/session', session });
    },
  };
}

/** `events.list` / `events.iterate`: where to start, which types, how many per page. */
export interface EventQuery {
  /** A `nextCursor` read before; absent starts at the first event. */
  after?: string | undefined;
  types?: readonly EventType[] | undefined;
  limit?: number | undefined;
}

function events(t: Transport) {
  const list = (query: EventQuery = {}, options?: CallOptions): Promise<EventPage> =>
    t.request('eventPage', {
      ...options,
      path: 'events',
      query: { after: query.after, types: query.types?.length ? query.types.join(',') : undefined, limit: query.limit },
    });
  return {
    /**
     * One page of the change feed after `after`, oldest first. The page's `nextCursor` is always
     * given: keep it (durably, if you sync another system) and pass it back to read only what was
     * committed since. The feed never skips or repeats an event.
     *
     * @example
     * const page = await client.events.list({ after: savedCursor, types: ['customer.created', 'customer.updated'] });
     * for (const event of page.items) apply(event);
     * savedCursor = page.nextCursor;
     */
    list,

    /**
     * Every event after `after` that is readable now, page after page; it ends when the feed is
     * caught up (poll again later with the last event's position, or use `list`'s `nextCursor`).
     *
     * @example
     * for await (const event of client.events.iterate({ types: ['customer.updated'] })) {
     *   if (event.type === 'customer.updated') console.log(event.data.changedFields);
     * }
     */
    iterate: async function* (query: EventQuery = {}, options?: CallOptions): AsyncGenerator<Event, void, undefined> {
      let after = query.after;
      for (;;) {
        const page = await list({ ...query, after }, options);
        yield* page.items;
        if (!page.hasMore || page.nextCursor === after) return;
        after = page.nextCursor;
      }
    },
  };
}

function webhookEndpoints(t: Transport) {
  const base = 'webhook-endpoints/';
  return {
    /**
     * Every webhook endpoint, oldest first (their secrets are never listed).
     *
     * @example
     * const endpoints = await client.webhookEndpoints.list();
     */
    list: async (options?: CallOptions): Promise<WebhookEndpoint[]> => (await t.request('webhookEndpointList', { ...options, path: 'webhook-endpoints' })).items,

    /**
     * One endpoint.
     *
     * @example
     * const endpoint = await client.webhookEndpoints.retrieve('we_123');
     */
    retrieve: (id: string, options?: CallOptions): Promise<WebhookEndpoint> => t.request('webhookEndpoint', { ...options, ...ref(base, id) }),

    /**
     * Registers an endpoint. The answer holds its signing `secret`, shown only this once: keep it
     * where your receiver reads it, and verify deliveries with `verifyWebhookSignature`.
     *
     * @example
     * const { secret } = await client.webhookEndpoints.create({ url: 'https://erp.example.com/hooks/clientela', eventTypes: ['customer.created', 'customer.updated'] });
     */
    create: (body: WebhookEndpointCreate, options?: IdempotentCallOptions): Promise<WebhookEndpointWithSecret> =>
      t.request('webhookEndpointWithSecret', { ...options, method: 'post', path: 'webhook-endpoints', json: body, idem: true }),

    /**
     * Changes the URL, the event types, the description, or enables and disables the endpoint
     * (guarded by `If-Match`: the record read, or its id with `ifMatch`).
     *
     * @example
     * await client.webhookEndpoints.update(endpoint, { enabled: false });
     */
    update: (target: Target, patch: WebhookEndpointPatch, options?: WriteCallOptions): Promise<WebhookEndpoint> =>
      t.request('webhookEndpoint', { ...options, ...ref(base, target), method: 'patch', json: patch, current: 'webhookEndpoint' }),

    /**
     * Deletes an endpoint; its pending deliveries are not sent.
     *
     * @example
     * await client.webhookEndpoints.delete('we_123');
     */
    delete: async (target: Target, options?: WriteCallOptions): Promise<void> => {
      await t.send({ ...options, ...ref(base, target), method: 'delete', current: 'webhookEndpoint' });
    },

    /**
     * A new signing secret, shown only in this answer; deliveries are signed with it from now on.
     *
     * @example
     * const { secret } = await client.webhookEndpoints.rotateSecret('we_123');
     */
    rotateSecret: (id: string, options?: IdempotentCallOptions): Promise<WebhookEndpointWithSecret> =>
      t.request('webhookEndpointWithSecret', { ...options, method: 'post', path: `${base}${enc(id)}/secret`, idem: true }),

    /**
     * One page of an endpoint's deliveries, newest first, each with every attempt.
     *
     * @example
     * const { items } = await client.webhookEndpoints.deliveries('we_123', { status: 'failed' });
     */
    deliveries: (id: string, query: WebhookDeliveryListQuery = {}, options?: CallOptions): Promise<WebhookDeliveryPage> =>
      t.request('webhookDeliveryPage', { ...options, path: `${base}${enc(id)}/deliveries`, query }),

    /**
     * Sends a delivery again now, whatever its status (a receiver that lost it, a `failed` one
     * after the receiver was fixed); the answer is the delivery, `pending` until it is sent.
     *
     * @example
     * await client.webhookEndpoints.redeliver('we_123', 'whd_456');
     */
    redeliver: (id: string, deliveryId: string, options?: IdempotentCallOptions): Promise<WebhookDelivery> =>
      t.request('webhookDelivery', { ...options, method: 'post', path: `${base}${enc(id)}/deliveries/${enc(deliveryId)}/redeliver`, idem: true }),
  };
}

/**
 * A typed client for the Clientela API, for browsers and Node 20. Every method takes a last
 * optional `{ signal, timeout }` (plus `idempotencyKey` or `ifMatch` where they apply), parses
 * the answer with core's schemas, and throws typed errors (`ApiError` and its subclasses,
 * `NetworkError`, `TimeoutError`, `ResponseValidationError`). Idempotent calls (GET, PUT,
 * DELETE, POSTs with an idempotency key, PATCHes with `If-Match`) are retried on network errors
 * and 408, 429, 502, 503, 504, with exponential backoff and `Retry-After`.
 *
 * @example
 * const client = createClient({ baseUrl: 'http://localhost:4010', apiKey: 'sk_test_…', locale: 'pt-BR' });
 * const { items } = await client.customers.list({ q: 'ana' });
 */
export function createClient(options: ClientOptions) {
  const t = createTransport(options, checkResponse);
  const changes = new ChangeFeed();
  return {
    customers: customers(t, changes),
    categories: categories(t, changes),
    settings: settings(t),
    addresses: addresses(t),
    exports: exports_(t),
    imports: imports(t, changes),
    audit: audit(t),
    orders: orders(t, changes),
    credits: credits(t, changes),
    views: views(t),
    units: units(t, changes),
    account: account(t),
    events: events(t),
    webhookEndpoints: webhookEndpoints(t),
    messages: messages(t),
    automations: automations(t),
    devices: devices(t),
    apiKeys: apiKeys(t),
    consents: consents(t),
    privacyRequests: privacyRequests(t),
    duplicates: duplicates(t, changes),
    /**
     * The writes made through this client (customers created, updated, deleted or changed in
     * bulk; categories created or updated; imports written), so every element on a page that
     * shares the client can keep what it shows current.
     */
    changes,
  };
}

/** What {@link createClient} returns. */
export type ClientelaClient = ReturnType<typeof createClient>;

// Each resource alone, for `composeClient`: an element that makes its own client bundles only the
// resources it calls.
export {
  account as accountResource,
  addresses as addressesResource,
  audit as auditResource,
  categories as categoriesResource,
  credits as creditsResource,
  customers as customersResource,
  events as eventsResource,
  exports_ as exportsResource,
  imports as importsResource,
  orders as ordersResource,
  settings as settingsResource,
  units as unitsResource,
  views as viewsResource,
  webhookEndpoints as webhookEndpointsResource,
  messages as messagesResource,
  automations as automationsResource,
  devices as devicesResource,
  apiKeys as apiKeysResource,
  consents as consentsResource,
  privacyRequests as privacyRequestsResource,
  duplicates as duplicatesResource,
};
