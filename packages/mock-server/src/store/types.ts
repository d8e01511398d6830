import type {
  AuditAction,
  AuditEntry,
  Category,
  Customer,
  CustomerKind,
  CustomerSortField,
  CustomerSource,
  CustomerStatus,
  CreditEntry,
  Order,
  OrderStatus,
  ResolvedFilter,
  Unit,
  View,
  Event,
  EventType,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  MessageBatch,
  MessageChannel,
  MessageRecipient,
  MessageRecipientStatus,
  MessageProgress,
  Automation,
  CartEventType,
  ConsentRecord,
  PrivacyRequest,
  PrivacyRequestStatus,
  ApiKey,
  Device,
} from '@clientela/core/schemas';
import type { DuplicateKeyRow, DuplicateListParams, StoredDuplicatePair } from './duplicate-rows.js';

// ---- LGPD (#18 §1–§2): consent records and data-subject requests ----
/** A data-subject request as stored, with its position in the queue. */
export type StoredPrivacyRequest = PrivacyRequest & { seq: number };

export interface PrivacyRequestListParams {
  status?: PrivacyRequestStatus | undefined;
  customerId?: string | undefined;
  /** Requests older than this position (the previous page's last `seq`). */
  beforeSeq?: number | undefined;
  limit: number;
}

// ---- managed API keys (#16 §4) ----
/**
 * An API key as stored: its record without the status (computed when read, from the clock) and
 * the SHA-256 of the key, never the key. `lastUsedAt` is written apart from the record, at most
 * about once a minute per key and process (see `touchApiKey`).
 */
export type StoredApiKey = Omit<ApiKey, 'status'> & { hash: string };

// ---- push devices (#17) ----
/** A push device as stored: with its token (never answered; lists show `tokenEnd`). */
export type StoredDevice = Omit<Device, 'tokenEnd' | 'webPush'> & { token: string; subscription?: StoredWebPushSubscription };
/** A browser's Web Push subscription as kept with its device (#17): the endpoint (also the token) and the keys payloads are encrypted to. */
export type StoredWebPushSubscription = { endpoint: string; keys: { p256dh: string; auth: string } };

/** Background work a store announces to every process (see `Store.listenForWork`). */
export type QueuedWork = 'webhooks' | 'messages';

// ---- messages (#17): batches and the outbox ----
/** A batch as stored: its progress is counted from its recipients when read. */
export type StoredMessageBatch = Omit<MessageBatch, 'progress'> & { seq: number };
/** One outbox row: a recipient, when it is next due (`null`: nothing left to do), when the provider took it. */
export type StoredRecipient = MessageRecipient & { seq: number; nextAttemptAt: string | null; sentAt?: string | undefined };

export interface RecipientListParams {
  messageId?: string | undefined;
  customerId?: string | undefined;
  status?: MessageRecipientStatus | undefined;
  /** Rows after this position (oldest first). */
  afterSeq?: number | undefined;
  limit: number;
}

/** What a dispatcher writes after trying a recipient (only while it holds the lease). */
export type RecipientOutcome = Pick<StoredRecipient, 'status' | 'attempts' | 'nextAttemptAt' | 'updatedAt'> &
  Partial<Pick<StoredRecipient, 'error' | 'skipReason' | 'providerMessageId' | 'sentAt' | 'address'>>;

// ---- automations (#17 §3): flows, the occasions they acted on, carts ----
/** A flow as stored: its figures are counted from its occasions and their outbox rows when read. */
export type StoredAutomation = Omit<Automation, 'figures'>;

/**
 * One occasion a flow acted on for a customer (`birthday:2026`, `cart:c_123`…), unique per flow:
 * inserted in the same transaction as the message's outbox row, so a second scheduler (another
 * process, or a retry after a crash) finds it taken and sends nothing.
 */
export interface AutomationOccasion {
  automationId: string;
  occasion: string;
  customerId: string;
  messageId: string;
  recipientId: string;
  at: string;
}

/** A cart as its last event left it. */
export interface StoredCart {
  id: string;
  customerId: string;
  status: 'open' | 'checked_out' | 'emptied';
  lastEvent: CartEventType;
  lastEventAt: string;
  itemsCount?: number | undefined;
  totalCents?: number | undefined;
  createdAt: string;
  updatedAt: string;
}

/** What a customer query selects, after the HTTP layer has parsed and defaulted it. */
export interface CustomerQuery {
  q?: string | undefined;
  kind?: CustomerKind | undefined;
  statuses: readonly CustomerStatus[];
  categoryIds?: readonly string[] | undefined;
  ids?: readonly string[] | undefined;
  /** Customers left out whatever else matches ("all matching, except these"). */
  exceptIds?: readonly string[] | undefined;
  /** The `filter` parameter, resolved at the request's time (see core's `resolveFilter`). */
  filter?: ResolvedFilter | undefined;
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
  /**
   * A unit's id: each row's purchase figures are its orders' at that unit (none: zero), and a sort
   * by them sorts by those (see {@link unitStats}).
   */
  unit?: string | undefined;
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

/** What a customer's stored orders add up to (orders returned or cancelled left out of all but the ratings). */
export interface OrderFigures {
  /** Orders that count as purchases (not returned or cancelled). */
  count: number;
  totalCents: number;
  /** `placedAt` of the oldest and newest counted order. */
  firstAt: string | null;
  lastAt: string | null;
  /** Ratings of every rated order. */
  ratingSum: number;
  ratingCount: number;
}

/** A page of orders, newest first (`placedAt` then `id`, both descending). */
/** The order windows of the category figures: counted orders placed in [start, split) and [split, at). */
export interface FiguresWindow {
  start: string;
  split: string;
  at: string;
}

/** One category's sums over its members that are not deleted (see `categoryFigureSums`). */
export interface CategoryFigureSums {
  categoryId: string;
  members: number;
  /** The members' own figures (orders count, total spent), as their orders' writes keep them. */
  ordersCount: number;
  totalSpentCents: number;
  /** The members' counted orders placed in the window's later and earlier half. */
  ordersLast: number;
  ordersPrevious: number;
}

export interface OrderListParams {
  customerId?: string | undefined;
  status?: OrderStatus | undefined;
  /** The `placedAt` and id of the last order of the previous page. */
  after?: { placedAt: string; id: string } | undefined;
  limit: number;
}

export interface OrderListResult {
  items: Order[];
  hasMore: boolean;
}

/** A write that breaks a uniqueness rule the store enforces. */
export class StoreConflict extends Error {
  override name = 'StoreConflict';
  constructor(
    /**
     * Which rule: a live document, a category name (ignoring case and accents), an order number
     * within its unit, a unit's name or id, a system's external id (one live customer per id and system).
     */
    readonly rule: 'document' | 'category_name' | 'order_number' | 'unit_name' | 'unit_id' | 'external_id',
    /** The record that holds the value, when the store can tell. */
    readonly holderId?: string,
  ) {
    super(`unique ${rule} already held${holderId ? ` by ${holderId}` : ''}`);
  }
}

export type StoreKind = 'memory' | 'sqlite' | 'postgres';

// ---- events and webhooks (the change feed, webhook endpoints and their deliveries) ----

/** An event as a service emits it; the store gives it its sequence number. */
export type NewEvent = Omit<Event, 'sequence'>;

export interface EventListParams {
  /** Sequence number already read (0: from the start). */
  after: number;
  types?: readonly EventType[] | undefined;
  limit: number;
}

export interface EventListResult {
  items: Event[];
  /**
   * Where the next read starts: the last item's sequence number, or (fewer than `limit` matched)
   * the highest sequence number this read could see, so a filtered poll moves past other types.
   */
  cursor: number;
  hasMore: boolean;
}

/** A webhook endpoint as stored: with its signing secret, and after a rotation the previous one and until when it still signs. */
export type StoredWebhookEndpoint = WebhookEndpoint & { secret: string; previousSecret?: string; previousSecretUntil?: string };

/** A delivery as stored, with its place in the endpoint's list and whether its next attempt was asked for by hand. */
export type StoredDelivery = WebhookDelivery & { seq: number; manual: boolean };

export interface DeliveryListParams {
  endpointId: string;
  status?: WebhookDeliveryStatus | undefined;
  /** Deliveries older than this position (the previous page's last `seq`). */
  beforeSeq?: number | undefined;
  limit: number;
}

/** The outcome of one attempt, written by the process that holds the delivery's lease. */
export interface DeliveryOutcome {
  attempt: WebhookAttempt;
  status: WebhookDeliveryStatus;
  nextAttemptAt: string | null;
}

/**
 * Storage of the server, asynchronous so a store may live in another process (PostgreSQL). Every
 * invariant is the store's, not the event loop's: an insert or update that would give a document
 * two live holders, or a category name two holders, throws {@link StoreConflict}; an update with
 * an expected version writes only if the stored version still is that one; {@link claimMeta}
 * inserts only when no live record holds the key. {@link transaction} runs its function against a
 * store bound to one transaction, which nothing else interleaves with; in SQLite and PostgreSQL a
 * throw undoes all of it. (The memory store, which keeps nothing across a restart, does not undo
 * the writes a failed transaction already made; the routes check before they write.)
 */
export interface Store {
  readonly kind: StoreKind;
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  customerCount(): Promise<number>;
  getCustomer(id: string): Promise<Customer | undefined>;
  /** The customer that holds this normalized document (neither deleted nor merged: `holdsIdentity`). */
  findByDocument(document: string): Promise<Customer | undefined>;
  /** Customers with this e-mail (compared lowercase) that hold it: neither deleted nor merged. */
  findByEmail(email: string): Promise<Customer[]>;
  /** Throws {@link StoreConflict} (`document`) when a customer that is not deleted holds the document. */
  insertCustomer(customer: Customer): Promise<void>;
  /** Seeding and imports: many inserts at once. */
  insertCustomers(customers: readonly Customer[]): Promise<void>;
  /**
   * Writes `customer` when the stored version is `expectedVersion` (always, without one); returns
   * whether it wrote. Throws {@link StoreConflict} (`document`) like an insert.
   */
  updateCustomer(customer: Customer, expectedVersion?: number): Promise<boolean>;
  listCustomers(params: ListParams): Promise<ListResult>;
  /** The same page as {@link listCustomers}, as masked list-item JSON. */
  listCustomersJson(params: ListParams): Promise<ListJsonResult>;
  countCustomers(query: CustomerQuery): Promise<number>;
  /** Every matching customer, in `sort` order (exports, bulk actions), read in pages. */
  scanCustomers(query: CustomerQuery, sort: SortSpec): AsyncIterable<Customer>;
  /** Number of customers that are not deleted, per category id. */
  categoryCounts(): Promise<Map<string, number>>;

  listCategories(): Promise<StoredCategory[]>;
  getCategory(id: string): Promise<StoredCategory | undefined>;
  /**
   * Inserts or replaces a category; with `expectedVersion`, only over that stored version (returns
   * whether it wrote). Throws {@link StoreConflict} (`category_name`) when another category holds
   * the name, ignoring case and accents.
   */
  putCategory(category: StoredCategory, expectedVersion?: number): Promise<boolean>;

  /** Saved views (the built-in ones are not stored), in the order they were created. */
  listViews(): Promise<View[]>;
  getView(id: string): Promise<View | undefined>;
  /** Inserts or replaces a view; with `expectedVersion`, only over that stored version (returns whether it wrote). */
  putView(view: View, expectedVersion?: number): Promise<boolean>;
  /** Deletes a view; with `expectedVersion`, only that stored version (returns whether it deleted). */
  deleteView(id: string, expectedVersion?: number): Promise<boolean>;
  /**
   * Stores new orders (one statement in PostgreSQL: the seed writes a customer's history at once).
   * Throws {@link StoreConflict} (`order_number`), writing none, when another order of the same
   * unit holds one's number.
   */
  insertOrders(orders: readonly Order[]): Promise<void>;
  /** The order; in a transaction (PostgreSQL) its row stays locked until the end. */
  getOrder(id: string): Promise<Order | undefined>;
  /** The order holding `number` in a unit (no unit: the orders without one). */
  findOrderByNumber(number: string, unitId?: string): Promise<Order | undefined>;
  /** Writes `order` when the stored version is `expectedVersion` (always, without one); returns whether it wrote. */
  updateOrder(order: Order, expectedVersion?: number): Promise<boolean>;
  listOrders(params: OrderListParams): Promise<OrderListResult>;
  /** What the customer's stored orders add up to, computed from the rows. */
  orderFigures(customerId: string): Promise<OrderFigures>;
  /**
   * Per category that has members: the sums of the category figures over its members that are not
   * deleted, made where the rows are (one aggregate query in SQL), not by reading every customer.
   * Members are today's: an order counts for the categories its customer holds now.
   */
  categoryFigureSums(window: FiguresWindow): Promise<CategoryFigureSums[]>;

  /**
   * Appends entries to the credits ledger. Each redemption or expiry takes its amount from its
   * grant's remaining balance in the same step; a step that would leave a grant below zero throws
   * and writes nothing. An expiry is written at most once per grant.
   */
  appendCreditEntries(entries: readonly CreditEntry[]): Promise<void>;
  /** A customer's ledger, in the order written. */
  creditEntries(customerId: string): Promise<CreditEntry[]>;
  /** Every ledger entry, by customer and then in the order written (the wallet). */
  scanCreditEntries(): AsyncIterable<CreditEntry>;

  /** Small durable records; with `now` (ISO time), an expired record reads as absent. */
  getMeta<T>(key: string, now?: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown, expiresAt?: string): Promise<void>;
  /** Stores `value` only when no record that is live at `now` holds the key; returns whether it did. */
  claimMeta(key: string, value: unknown, now: string, expiresAt?: string): Promise<boolean>;
  deleteMeta(key: string): Promise<void>;
  purgeExpiredMeta(now: string): Promise<number>;
  /**
   * Counts one more hit in the window held under `key` (a new window, ending at `windowEnd`, when
   * none is live at `now`) and returns the count and the window's end: one atomic step, so
   * processes sharing the store share the count.
   */
  countHit(key: string, now: string, windowEnd: string): Promise<{ count: number; resetAt: string }>;

  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  listAudit(params: AuditQueryParams): Promise<StoredAudit[]>;

  // ---- erasure in the data log (#18 §2) ----
  /**
   * Rewrites, with `rewrite`, every audit entry whose stored JSON holds one of `needles`
   * (compared case-insensitively, as JSON string content); returns how many entries changed. An
   * anonymization uses it in its transaction so no entry keeps the erased person's data.
   */
  scrubAudit(needles: readonly string[], rewrite: (entry: AuditEntry) => AuditEntry): Promise<number>;

  // ---- units (stores) ----
  /** Every unit, in the order they were created. */
  listUnits(): Promise<Unit[]>;
  /** The unit; in a transaction (PostgreSQL) its row stays share-locked until the end, so it cannot be deleted under an order being written. */
  getUnit(id: string): Promise<Unit | undefined>;
  /** Throws {@link StoreConflict}: `unit_id` when a unit holds the id, `unit_name` when one holds the name (ignoring case and accents). */
  insertUnit(unit: Unit): Promise<void>;
  /** Writes `unit` when the stored version is `expectedVersion`; returns whether it wrote. Throws {@link StoreConflict} (`unit_name`). */
  updateUnit(unit: Unit, expectedVersion: number): Promise<boolean>;
  /** Deletes a unit that no order references: `in_use` (nothing deleted) when one does. */
  deleteUnit(id: string): Promise<'deleted' | 'in_use' | 'missing'>;
  // ---- events and webhooks ----
  /**
   * Stores an event in the caller's transaction, with the next sequence number, and a pending
   * delivery (due at once) for every enabled webhook endpoint subscribed to its type. Sequence
   * numbers follow commit order: a reader that has seen an event has seen every event numbered
   * before it that will ever be readable (PostgreSQL numbers a transaction's events at its
   * commit, under a lock; the embedded stores run one transaction at a time).
   */
  appendEvent(event: NewEvent): Promise<void>;
  /** Committed events after a position, oldest first. */
  listEvents(params: EventListParams): Promise<EventListResult>;
  getEvent(id: string): Promise<Event | undefined>;
  /** Every endpoint, oldest first. */
  listWebhookEndpoints(): Promise<StoredWebhookEndpoint[]>;
  getWebhookEndpoint(id: string): Promise<StoredWebhookEndpoint | undefined>;
  /** Inserts or replaces an endpoint; with `expectedVersion`, only over that stored version (returns whether it wrote). */
  putWebhookEndpoint(endpoint: StoredWebhookEndpoint, expectedVersion?: number): Promise<boolean>;
  /** Deletes an endpoint and its deliveries; with `expectedVersion`, only that stored version (returns whether it deleted). */
  deleteWebhookEndpoint(id: string, expectedVersion?: number): Promise<boolean>;
  /** An endpoint's deliveries, newest first. */
  listDeliveries(params: DeliveryListParams): Promise<{ items: StoredDelivery[]; hasMore: boolean }>;
  getDelivery(id: string): Promise<StoredDelivery | undefined>;
  /**
   * Takes up to `limit` pending deliveries due at `now` whose lease is free or lapsed and whose
   * endpoint is enabled (a disabled endpoint's pending deliveries wait for it to be enabled again), leasing
   * them to `owner` until `leaseUntil` (one step: two processes never lease the same delivery
   * at once; a crashed process's lease lapses and another takes the delivery).
   */
  leaseDeliveries(owner: string, now: string, leaseUntil: string, limit: number): Promise<StoredDelivery[]>;
  /** Records an attempt and the delivery's next state, and frees the lease, only if `owner` still holds it (returns whether it wrote). */
  finishDelivery(id: string, owner: string, outcome: DeliveryOutcome): Promise<boolean>;
  /** Makes a delivery pending and due at `now`, its next attempt marked as asked for by hand. */
  requeueDelivery(id: string, now: string): Promise<StoredDelivery | undefined>;

  // ---- sync by document (#16 §2) ----
  // Inserts and updates also keep each live customer's `externalIds` unique per system: one that
  // another live customer holds throws {@link StoreConflict} (`external_id`).
  /** The customer that is not deleted and whose id in `source` is `externalId`. */
  findByExternalId(source: CustomerSource, externalId: string): Promise<Customer | undefined>;
  /**
   * Inside a transaction, holds writes of this document by other transactions (in any process)
   * until it ends, so "find by document, then insert or update" cannot run twice at once. The
   * embedded stores' transactions are serialized already.
   */
  lockDocument(document: string): Promise<void>;

  // ---- messages (#17): batches and the outbox ----
  /** Stores a batch and its recipients (queued ones due at once), in the caller's transaction. */
  insertMessageBatch(batch: Omit<StoredMessageBatch, 'seq'>, recipients: readonly Omit<StoredRecipient, 'seq'>[]): Promise<void>;
  /** Batches, newest first. */
  listMessageBatches(params: { beforeSeq?: number | undefined; limit: number }): Promise<{ items: StoredMessageBatch[]; hasMore: boolean }>;
  getMessageBatch(id: string): Promise<StoredMessageBatch | undefined>;
  /** Each batch's recipients counted by status. */
  messageProgress(messageIds: readonly string[]): Promise<Map<string, MessageProgress>>;
  /** Recipients of a batch or of a customer, oldest first. */
  listMessageRecipients(params: RecipientListParams): Promise<{ items: StoredRecipient[]; hasMore: boolean }>;
  /**
   * Leases up to `limit` queued recipients of `channel` due at `now` whose lease is free or lapsed
   * to `owner` until `leaseUntil`, in one step (two processes never hold one recipient at once).
   */
  leaseMessageRecipients(owner: string, channel: MessageChannel, now: string, leaseUntil: string, limit: number): Promise<StoredRecipient[]>;
  /** Writes an attempt's outcome and frees the lease, only while `owner` holds it (returns whether it wrote). */
  finishMessageRecipient(id: string, owner: string, outcome: RecipientOutcome): Promise<boolean>;
  /** How many recipients of `channel` a provider took at or after `since` (for the rate limit, across processes). */
  countMessagesSentSince(channel: MessageChannel, since: string): Promise<number>;
  /**
   * Automated messages (#17 §4): adds one recipient to the batch with this id, creating the batch
   * as given when there is none; otherwise the given counts are added to the batch's. One batch per
   * flow and day thus gathers that day's messages, also when several processes add at once.
   */
  addToMessageBatch(batch: Omit<StoredMessageBatch, 'seq'>, recipient: Omit<StoredRecipient, 'seq'>): Promise<void>;

  // ---- automations (#17 §3) ----
  /** Every flow, in the order created. */
  listAutomations(): Promise<StoredAutomation[]>;
  getAutomation(id: string): Promise<StoredAutomation | undefined>;
  /** Inserts or replaces a flow; with `expectedVersion`, only over that stored version (returns whether it wrote). */
  putAutomation(automation: StoredAutomation, expectedVersion?: number): Promise<boolean>;
  /** Deletes a flow (its occasions stay, as history); with `expectedVersion`, only that version. */
  deleteAutomation(id: string, expectedVersion?: number): Promise<boolean>;
  /**
   * Records that a flow acted on an occasion, only if no row holds the flow and occasion yet
   * (returns whether it did). In PostgreSQL a concurrent claim waits for the first transaction
   * and then finds the row: call it in the transaction that writes the outbox row.
   */
  claimAutomationOccasion(occasion: AutomationOccasion): Promise<boolean>;
  /** The occasions a flow acted on, oldest first. */
  listAutomationOccasions(automationId: string): Promise<AutomationOccasion[]>;
  /**
   * Writes a cart's new state when it has none, or when `cart` is newer than the stored one (a
   * later `lastEventAt`, or the same time and another event); returns whether it wrote. A repeated
   * or out-of-order event changes nothing.
   */
  putCart(cart: StoredCart): Promise<boolean>;
  getCart(id: string): Promise<StoredCart | undefined>;
  /** Open carts whose last event is at or before `idleSince`, by id after `afterId`. */
  listIdleCarts(idleSince: string, afterId: string | undefined, limit: number): Promise<StoredCart[]>;
  // ---- LGPD (#18 §1–§2): consent records and data-subject requests ----
  /**
   * Appends consent records, in the caller's transaction. The history is append-only: no method
   * changes or removes a record (SQLite and PostgreSQL refuse an UPDATE or DELETE of one).
   */
  appendConsentRecords(records: readonly ConsentRecord[]): Promise<void>;
  /** A customer's consent records, in the order written. */
  listConsentRecords(customerId: string): Promise<ConsentRecord[]>;
  /** Inserts or replaces a request; with `expectedVersion`, only over that stored version (returns whether it wrote). */
  putPrivacyRequest(request: PrivacyRequest, expectedVersion?: number): Promise<boolean>;
  getPrivacyRequest(id: string): Promise<StoredPrivacyRequest | undefined>;
  /** Requests, newest first. */
  listPrivacyRequests(params: PrivacyRequestListParams): Promise<{ items: StoredPrivacyRequest[]; hasMore: boolean }>;
  /**
   * An anonymization: replaces the name and address a customer's outbox rows were sent to, and the
   * words rendered for them, with `name` and `text`; returns how many rows it changed.
   */
  redactMessageRecipients(customerId: string, name: string, text: string): Promise<number>;
  // ---- managed API keys (#16 §4) ----
  /** Every managed key, newest first (revoked and expired ones too). */
  listApiKeys(): Promise<StoredApiKey[]>;
  getApiKey(id: string): Promise<StoredApiKey | undefined>;
  /** The key whose SHA-256 is `hash` (one indexed read: authentication calls it on every request). */
  findApiKeyByHash(hash: string): Promise<StoredApiKey | undefined>;
  /** Inserts a new key (ids and hashes are unique). */
  insertApiKey(key: StoredApiKey): Promise<void>;
  /** Writes `key` when the stored version is `expectedVersion`; returns whether it wrote. `lastUsedAt` is not written. */
  updateApiKey(key: StoredApiKey, expectedVersion: number): Promise<boolean>;
  /** Moves the key's `lastUsedAt` forward to `at` (never back: two processes may touch it in any order). */
  touchApiKey(id: string, at: string): Promise<void>;

  // ---- duplicates (#18 §3) ----
  // insertCustomer, insertCustomers and updateCustomer also file each written customer under its
  // duplicate keys and replace its candidate pairs, in the same transaction as the write.
  /** Files `customers` under their keys anew and finds their pairs again (the full run, a page at a time). */
  refreshDuplicates(customers: readonly Customer[]): Promise<void>;
  /** Pairs not dismissed, by score (highest first), then ids. */
  listDuplicatePairs(params: DuplicateListParams): Promise<{ items: StoredDuplicatePair[]; hasMore: boolean }>;
  /** A stored pair (`a` < `b`), dismissed or not. */
  getDuplicatePair(a: string, b: string): Promise<StoredDuplicatePair | undefined>;
  /** Marks a stored pair as not a duplicate (it stays so whatever its customers' later writes); the pair, or undefined when there is none. */
  dismissDuplicatePair(a: string, b: string, at: string): Promise<StoredDuplicatePair | undefined>;
  /**
   * A merge: moves a customer's credit ledger (grants with their balances) and its message
   * recipients to another customer, in the caller's transaction (a recipient of a batch the other
   * customer also received stays where it is). Orders move through {@link updateOrder}.
   */
  moveCustomerRecords(fromId: string, toId: string): Promise<{ credits: number; messages: number }>;
  // ---- push devices (#17) ----
  // A token is one device: unique across customers (the database enforces it).
  /**
   * Registers a device by its token: a new token is inserted as given; a known one keeps its id
   * and `createdAt` and takes the rest (customer, platform, app, label, `lastSeenAt`) — a token
   * moving to another account leaves the first. Answers the stored device and, when it moved,
   * the customer that held it.
   */
  saveDevice(device: StoredDevice): Promise<{ device: StoredDevice; movedFrom?: string | undefined }>;
  /** A customer's devices, the last seen first. */
  listDevices(customerId: string): Promise<StoredDevice[]>;
  /** Removes one device of a customer; false when that customer holds no such device. */
  deleteDevice(customerId: string, id: string): Promise<boolean>;
  /** Removes every device of a customer (erasure); how many there were. */
  deleteDevicesOf(customerId: string): Promise<number>;
  /** How many devices each of these customers holds (customers without any are left out). */
  countDevices(customerIds: readonly string[]): Promise<Map<string, number>>;

  // ---- push devices in batches (the seed, #17) ----
  /**
   * {@link saveDevice} for many devices in one write (each token at most once in a call): what
   * registering them one by one answers, in the same order.
   */
  saveDevices(devices: readonly StoredDevice[]): Promise<{ device: StoredDevice; movedFrom?: string | undefined }[]>;
  /** Lets go, for each of these customers, every device but the `keep` seen last (as {@link listDevices} orders them); how many went. */
  trimDevices(customerIds: readonly string[], keep: number): Promise<number>;

  // ---- cross-process wake-ups (#14) ----
  /**
   * Calls `listener` whenever any process sharing the store (this one too) commits background
   * work: webhook deliveries or message recipients. Resolves once listening, with a function
   * that stops. Only a store several processes share (PostgreSQL) has it; the dispatchers' polls
   * stay the guarantee, this only makes them prompt.
   */
  listenForWork?(listener: (work: QueuedWork) => void): Promise<() => Promise<void>>;

  close(): Promise<void>;
}

/**
 * An embedded store whose calls return at once (memory, SQLite through better-sqlite3). The
 * server never uses one directly: {@link SyncStoreAdapter} gives it the asynchronous {@link Store}
 * interface, serializing transactions with a lock.
 */
export interface SyncStore {
  readonly kind: 'memory' | 'sqlite';
  /** Opens a transaction that {@link commit} or {@link rollback} ends (SQLite: BEGIN IMMEDIATE). */
  begin?(): void;
  commit?(): void;
  rollback?(): void;
  /** Runs `fn` atomically: everything it wrote is kept, or (on a throw) nothing. */
  transaction<T>(fn: () => T): T;

  customerCount(): number;
  getCustomer(id: string): Customer | undefined;
  /** The customer that holds this normalized document (neither deleted nor merged: `holdsIdentity`). */
  findByDocument(document: string): Customer | undefined;
  /** Customers with this e-mail (compared lowercase) that hold it: neither deleted nor merged. */
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

  /** Saved views, in the order they were created. */
  listViews(): View[];
  getView(id: string): View | undefined;
  putView(view: View): void;
  deleteView(id: string): void;
  insertOrder(order: Order): void;
  getOrder(id: string): Order | undefined;
  findOrderByNumber(number: string, unitId?: string): Order | undefined;
  updateOrder(order: Order): void;
  listOrders(params: OrderListParams): OrderListResult;
  orderFigures(customerId: string): OrderFigures;
  categoryFigureSums(window: FiguresWindow): CategoryFigureSums[];
  /** Appends entries, taking redemptions and expiries from their grants' remaining balance (throws, writing nothing, below zero). */
  appendCreditEntries(entries: readonly CreditEntry[]): void;
  creditEntries(customerId: string): CreditEntry[];
  scanCreditEntries(): Iterable<CreditEntry>;

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

  // ---- erasure in the data log (#18 §2) (see Store) ----
  scrubAudit(needles: readonly string[], rewrite: (entry: AuditEntry) => AuditEntry): number;

  // ---- units (stores); the adapter checks names and ids before writing ----
  listUnits(): Unit[];
  getUnit(id: string): Unit | undefined;
  putUnit(unit: Unit): void;
  /** Whether any order references the unit. */
  unitInUse(id: string): boolean;
  deleteUnit(id: string): void;
  // ---- events and webhooks (see Store; the adapter adds version checks and the fan-out) ----
  /** Stores the event with the next sequence number. */
  appendEvent(event: NewEvent): void;
  listEvents(params: EventListParams): EventListResult;
  getEvent(id: string): Event | undefined;
  listWebhookEndpoints(): StoredWebhookEndpoint[];
  getWebhookEndpoint(id: string): StoredWebhookEndpoint | undefined;
  putWebhookEndpoint(endpoint: StoredWebhookEndpoint): void;
  deleteWebhookEndpoint(id: string): void;
  /** Inserts deliveries (their `seq` is assigned). */
  insertDeliveries(deliveries: readonly Omit<StoredDelivery, 'seq'>[]): void;
  listDeliveries(params: DeliveryListParams): { items: StoredDelivery[]; hasMore: boolean };
  getDelivery(id: string): StoredDelivery | undefined;
  leaseDeliveries(owner: string, now: string, leaseUntil: string, limit: number): StoredDelivery[];
  finishDelivery(id: string, owner: string, outcome: DeliveryOutcome): boolean;
  requeueDelivery(id: string, now: string): StoredDelivery | undefined;

  // ---- sync by document (#16 §2) ----
  /** The customer that is not deleted and whose id in `source` is `externalId`. */
  findByExternalId(source: CustomerSource, externalId: string): Customer | undefined;

  // ---- messages (#17) (see Store) ----
  insertMessageBatch(batch: Omit<StoredMessageBatch, 'seq'>, recipients: readonly Omit<StoredRecipient, 'seq'>[]): void;
  listMessageBatches(params: { beforeSeq?: number | undefined; limit: number }): { items: StoredMessageBatch[]; hasMore: boolean };
  getMessageBatch(id: string): StoredMessageBatch | undefined;
  messageProgress(messageIds: readonly string[]): Map<string, MessageProgress>;
  listMessageRecipients(params: RecipientListParams): { items: StoredRecipient[]; hasMore: boolean };
  leaseMessageRecipients(owner: string, channel: MessageChannel, now: string, leaseUntil: string, limit: number): StoredRecipient[];
  finishMessageRecipient(id: string, owner: string, outcome: RecipientOutcome): boolean;
  countMessagesSentSince(channel: MessageChannel, since: string): number;
  addToMessageBatch(batch: Omit<StoredMessageBatch, 'seq'>, recipient: Omit<StoredRecipient, 'seq'>): void;

  // ---- automations (#17 §3) (see Store; the adapter adds version checks, claims and the newer-cart rule) ----
  listAutomations(): StoredAutomation[];
  getAutomation(id: string): StoredAutomation | undefined;
  putAutomation(automation: StoredAutomation): void;
  deleteAutomation(id: string): void;
  getAutomationOccasion(automationId: string, occasion: string): AutomationOccasion | undefined;
  insertAutomationOccasion(occasion: AutomationOccasion): void;
  listAutomationOccasions(automationId: string): AutomationOccasion[];
  getCart(id: string): StoredCart | undefined;
  putCart(cart: StoredCart): void;
  listIdleCarts(idleSince: string, afterId: string | undefined, limit: number): StoredCart[];
  // ---- LGPD (#18 §1–§2) (see Store; the adapter adds the version check) ----
  appendConsentRecords(records: readonly ConsentRecord[]): void;
  listConsentRecords(customerId: string): ConsentRecord[];
  putPrivacyRequest(request: PrivacyRequest): void;
  getPrivacyRequest(id: string): StoredPrivacyRequest | undefined;
  listPrivacyRequests(params: PrivacyRequestListParams): { items: StoredPrivacyRequest[]; hasMore: boolean };
  redactMessageRecipients(customerId: string, name: string, text: string): number;
  // ---- managed API keys (#16 §4) (see Store; the adapter adds the version check) ----
  listApiKeys(): StoredApiKey[];
  getApiKey(id: string): StoredApiKey | undefined;
  findApiKeyByHash(hash: string): StoredApiKey | undefined;
  /** Inserts or replaces the record (keeping the stored `lastUsedAt`). */
  putApiKey(key: StoredApiKey): void;
  touchApiKey(id: string, at: string): void;

  // ---- duplicates (#18 §3) (see Store; the adapter files and pairs on every customer write) ----
  /** Replaces the keys of `customerIds` with `rows`. */
  putDuplicateKeys(customerIds: readonly string[], rows: readonly DuplicateKeyRow[]): void;
  /** Every row filed under one of `keys`. */
  duplicateKeyHolders(keys: readonly string[]): DuplicateKeyRow[];
  /** Replaces the pairs (not dismissed) that involve one of `customerIds` with `pairs`; a dismissed pair keeps its dismissal. */
  putDuplicatePairs(customerIds: readonly string[], pairs: readonly StoredDuplicatePair[]): void;
  listDuplicatePairs(params: DuplicateListParams): { items: StoredDuplicatePair[]; hasMore: boolean };
  getDuplicatePair(a: string, b: string): StoredDuplicatePair | undefined;
  dismissDuplicatePair(a: string, b: string, at: string): StoredDuplicatePair | undefined;
  moveCustomerRecords(fromId: string, toId: string): { credits: number; messages: number };
  // ---- push devices (#17) (see Store; the adapter keeps the id of a known token) ----
  getDeviceByToken(token: string): StoredDevice | undefined;
  /** Inserts or replaces the device with this id. */
  putDevice(device: StoredDevice): void;
  listDevices(customerId: string): StoredDevice[];
  deleteDevice(customerId: string, id: string): boolean;
  deleteDevicesOf(customerId: string): number;
  countDevices(customerIds: readonly string[]): Map<string, number>;
  /** Lets go, for each of these customers, every device but the `keep` seen last; how many went. */
  trimDevices(customerIds: readonly string[], keep: number): number;

  close(): void;
}
