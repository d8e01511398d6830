import type { AuditAction, AuditEntry, Category, Customer, CustomerKind, CustomerSortField, CustomerStatus } from '@clientela/core';

/** What a customer query selects, after the HTTP layer has parsed and defaulted it. */
export interface CustomerQuery {
  q?: string | undefined;
  kind?: CustomerKind | undefined;
  statuses: readonly CustomerStatus[];
  categoryIds?: readonly string[] | undefined;
  ids?: readonly string[] | undefined;
}

export interface SortSpec {
  field: CustomerSortField;
  desc: boolean;
}

export type SortKey = string | number;

/** Keyset position: the sort key and id of the last row of the previous page. */
export interface KeysetPosition {
  key: SortKey;
  id: string;
}

export interface ListParams {
  query: CustomerQuery;
  sort: SortSpec;
  after?: KeysetPosition | undefined;
  /** Rows of the sorted matches to skip (random access; never together with `after`). */
  offset?: number | undefined;
  limit: number;
}

/** A page of list items already serialized (document masked), for the list route's hot path. */
export interface ListJsonResult {
  items: string[];
  last: KeysetPosition | undefined;
  hasMore: boolean;
  total: number;
}

export interface ListResult {
  items: Customer[];
  hasMore: boolean;
  total: number;
}

/** A category as stored: `customerCount` is computed when read. */
export type StoredCategory = Omit<Category, 'customerCount'>;

export interface AuditQueryParams {
  action?: AuditAction | undefined;
  since?: string | undefined;
  until?: string | undefined;
  /** Return entries older than this sequence number. */
  beforeSeq?: number | undefined;
  limit: number;
}

/** An audit entry with its position in the log. */
export interface StoredAudit {
  seq: number;
  entry: AuditEntry;
}

/**
 * Storage of the mock server. Both implementations (memory and SQLite) are synchronous: a request
 * handler checks and writes without yielding to the event loop, so two concurrent requests cannot
 * interleave between a uniqueness check and the insert it guards.
 */
export interface Store {
  readonly kind: 'memory' | 'sqlite';
  /** Runs `fn` atomically: everything it wrote is kept, or (on a throw) nothing. */
  transaction<T>(fn: () => T): T;

  customerCount(): number;
  getCustomer(id: string): Customer | undefined;
  /** The customer that is not deleted and holds this normalized document. */
  findByDocument(document: string): Customer | undefined;
  /** Customers that are not deleted with this e-mail (compared lowercase). */
  findByEmail(email: string): Customer[];
  insertCustomer(customer: Customer): void;
  /** Seeding: many inserts at once (one transaction, indexes built once). */
  insertCustomers(customers: readonly Customer[]): void;
  updateCustomer(customer: Customer): void;
  listCustomers(params: ListParams): ListResult;
  /** The same page as {@link listCustomers}, as masked list-item JSON (no parse/serialize per row). */
  listCustomersJson(params: ListParams): ListJsonResult;
  countCustomers(query: CustomerQuery): number;
  /** Every matching customer, in `sort` order (exports, bulk actions). */
  scanCustomers(query: CustomerQuery, sort: SortSpec): Iterable<Customer>;
  /** Number of customers that are not deleted, per category id. */
  categoryCounts(): Map<string, number>;

  listCategories(): StoredCategory[];
  getCategory(id: string): StoredCategory | undefined;
  putCategory(category: StoredCategory): void;

  /**
   * Small durable records (settings, credentials, tokens, idempotency answers, sign-in
   * throttles). With `now` (ISO time), a record whose expiry is at or before it reads as absent.
   */
  getMeta<T>(key: string, now?: string): T | undefined;
  /** Stores `value`; with `expiresAt` (ISO time) the record expires then (see {@link purgeExpiredMeta}). */
  setMeta(key: string, value: unknown, expiresAt?: string): void;
  deleteMeta(key: string): void;
  /** Deletes every record whose expiry is at or before `now` (ISO time); returns how many. */
  purgeExpiredMeta(now: string): number;

  appendAudit(entry: Omit<AuditEntry, 'id'>): AuditEntry;
  listAudit(params: AuditQueryParams): StoredAudit[];

  close(): void;
}
