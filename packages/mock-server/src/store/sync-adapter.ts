import { searchKey } from '@clientela/core/format';
import type { AuditEntry, CreditEntry, Customer, CustomerSource, Order, Unit, View } from '@clientela/core/schemas';
import { Mutex } from './lock.js';
import type { AutomationOccasion, StoredAutomation, StoredCart } from './types.js';
import {
  StoreConflict,
  type AuditQueryParams,
  type CustomerQuery,
  type ListJsonResult,
  type ListParams,
  type ListResult,
  type OrderListParams,
  type SortSpec,
  type Store,
  type StoredAudit,
  type StoredCategory,
  type SyncStore,
} from './types.js';
import type { RecipientListParams, RecipientOutcome, StoredMessageBatch, StoredRecipient } from './types.js';
import type { MessageChannel } from '@clientela/core/schemas';
import type { ConsentRecord, PrivacyRequest } from '@clientela/core/schemas';
import type { PrivacyRequestListParams } from './types.js';
import type { DeliveryListParams, DeliveryOutcome, EventListParams, NewEvent, StoredApiKey, StoredWebhookEndpoint } from './types.js';
import { deliveriesFor } from './webhook-rows.js';
import type { FiguresWindow } from './types.js';
import type { StoredDevice } from './types.js';
import { refreshDuplicatesSync, type DuplicateListParams } from './duplicate-rows.js';

/**
 * The asynchronous {@link Store} over an embedded {@link SyncStore} (memory, SQLite). Each call
 * runs the synchronous one, so a single call is atomic; a transaction holds a lock from its first
 * to its last call, and calls from outside wait for it, so nothing interleaves with a transaction
 * however often it awaits. The uniqueness rules and version checks are made here, inside those
 * atomic calls.
 */
export class SyncStoreAdapter implements Store {
  readonly kind;
  readonly #lock: Mutex;
  /** Set on the view handed to a transaction's function: its calls must not wait for the lock. */
  readonly #inside: boolean;

  constructor(
    /** The embedded store (seeding and tests reach it directly). */
    readonly inner: SyncStore,
    lock = new Mutex(),
    inside = false,
  ) {
    this.kind = inner.kind;
    this.#lock = lock;
    this.#inside = inside;
  }

  async #run<T>(fn: () => T): Promise<T> {
    if (!this.#inside && this.#lock.held) await this.#lock.idle();
    return fn();
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.#inside) return fn(this);
    const release = await this.#lock.acquire();
    const inner = this.inner;
    try {
      inner.begin?.();
      let result: T;
      try {
        result = await fn(new SyncStoreAdapter(inner, this.#lock, true));
      } catch (e) {
        inner.rollback?.();
        throw e;
      }
      inner.commit?.();
      return result;
    } finally {
      release();
    }
  }

  customerCount() {
    return this.#run(() => this.inner.customerCount());
  }
  getCustomer(id: string) {
    return this.#run(() => this.inner.getCustomer(id));
  }
  findByDocument(document: string) {
    return this.#run(() => this.inner.findByDocument(document));
  }
  findByEmail(email: string) {
    return this.#run(() => this.inner.findByEmail(email));
  }

  insertCustomer(customer: Customer): Promise<void> {
    return this.#run(() => {
      if (customer.status !== 'deleted') {
        const holder = this.inner.findByDocument(customer.document);
        if (holder) throw new StoreConflict('document', holder.id);
        this.#checkExternalIds(customer);
      }
      this.inner.transaction(() => {
        this.inner.insertCustomer(customer);
        refreshDuplicatesSync(this.inner, [customer]);
      });
    });
  }

  insertCustomers(customers: readonly Customer[]) {
    return this.#run(() =>
      this.inner.transaction(() => {
        this.inner.insertCustomers(customers);
        for (let i = 0; i < customers.length; i += 1000) refreshDuplicatesSync(this.inner, customers.slice(i, i + 1000));
      }),
    );
  }

  updateCustomer(customer: Customer, expectedVersion?: number): Promise<boolean> {
    return this.#run(() => {
      if (expectedVersion !== undefined && this.inner.getCustomer(customer.id)?.version !== expectedVersion) return false;
      if (customer.status !== 'deleted') {
        const holder = this.inner.findByDocument(customer.document);
        if (holder && holder.id !== customer.id) throw new StoreConflict('document', holder.id);
        this.#checkExternalIds(customer);
      }
      this.inner.transaction(() => {
        this.inner.updateCustomer(customer);
        refreshDuplicatesSync(this.inner, [customer]);
      });
      return true;
    });
  }

  /** A live customer's external ids must not be another live customer's. */
  #checkExternalIds(customer: Customer): void {
    for (const [source, id] of Object.entries(customer.externalIds ?? {})) {
      if (id === undefined) continue;
      const holder = this.inner.findByExternalId(source as CustomerSource, id);
      if (holder && holder.id !== customer.id) throw new StoreConflict('external_id', holder.id);
    }
  }

  // ---- sync by document (#16 §2) ----
  findByExternalId(source: CustomerSource, externalId: string) {
    return this.#run(() => this.inner.findByExternalId(source, externalId));
  }

  async lockDocument(_document: string): Promise<void> {
    // A transaction here holds the store's one lock from start to end: nothing to add.
  }

  listCustomers(params: ListParams): Promise<ListResult> {
    return this.#run(() => this.inner.listCustomers(params));
  }
  listCustomersJson(params: ListParams): Promise<ListJsonResult> {
    return this.#run(() => this.inner.listCustomersJson(params));
  }
  countCustomers(query: CustomerQuery) {
    return this.#run(() => this.inner.countCustomers(query));
  }

  async *scanCustomers(query: CustomerQuery, sort: SortSpec): AsyncIterable<Customer> {
    // The embedded stores already read in pages of 500; hand them on in batches so a long export
    // yields to other requests between batches.
    if (!this.#inside && this.#lock.held) await this.#lock.idle();
    let batch: Customer[] = [];
    for (const c of this.inner.scanCustomers(query, sort)) {
      batch.push(c);
      if (batch.length === 500) {
        yield* batch;
        batch = [];
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      }
    }
    yield* batch;
  }

  categoryCounts() {
    return this.#run(() => this.inner.categoryCounts());
  }
  listCategories() {
    return this.#run(() => this.inner.listCategories());
  }
  getCategory(id: string) {
    return this.#run(() => this.inner.getCategory(id));
  }

  putCategory(category: StoredCategory, expectedVersion?: number): Promise<boolean> {
    return this.#run(() => {
      if (expectedVersion !== undefined && this.inner.getCategory(category.id)?.version !== expectedVersion) return false;
      const key = searchKey(category.name);
      const clash = this.inner.listCategories().find((cat) => cat.id !== category.id && searchKey(cat.name) === key);
      if (clash) throw new StoreConflict('category_name', clash.id);
      this.inner.putCategory(category);
      return true;
    });
  }

  listViews() {
    return this.#run(() => this.inner.listViews());
  }
  getView(id: string) {
    return this.#run(() => this.inner.getView(id));
  }
  putView(view: View, expectedVersion?: number): Promise<boolean> {
    return this.#run(() => {
      if (expectedVersion !== undefined && this.inner.getView(view.id)?.version !== expectedVersion) return false;
      this.inner.putView(view);
      return true;
    });
  }
  deleteView(id: string, expectedVersion?: number): Promise<boolean> {
    return this.#run(() => {
      const stored = this.inner.getView(id);
      if (!stored || (expectedVersion !== undefined && stored.version !== expectedVersion)) return false;
      this.inner.deleteView(id);
      return true;
    });
  }
  insertOrders(orders: readonly Order[]): Promise<void> {
    return this.#run(() => {
      // Every number is checked before the first write, so a refused batch writes nothing.
      const seen = new Map<string, string>();
      for (const order of orders) {
        const key = `${order.unitId ?? ''}\u0000${order.number}`;
        const holder = this.inner.findOrderByNumber(order.number, order.unitId)?.id ?? seen.get(key);
        if (holder) throw new StoreConflict('order_number', holder);
        seen.set(key, order.id);
      }
      for (const order of orders) this.inner.insertOrder(order);
    });
  }
  getOrder(id: string) {
    return this.#run(() => this.inner.getOrder(id));
  }
  findOrderByNumber(number: string, unitId?: string) {
    return this.#run(() => this.inner.findOrderByNumber(number, unitId));
  }
  updateOrder(order: Order, expectedVersion?: number): Promise<boolean> {
    return this.#run(() => {
      const current = this.inner.getOrder(order.id);
      if (!current || (expectedVersion !== undefined && current.version !== expectedVersion)) return false;
      const holder = this.inner.findOrderByNumber(order.number, order.unitId);
      if (holder && holder.id !== order.id) throw new StoreConflict('order_number', holder.id);
      this.inner.updateOrder(order);
      return true;
    });
  }
  listOrders(params: OrderListParams) {
    return this.#run(() => this.inner.listOrders(params));
  }
  orderFigures(customerId: string) {
    return this.#run(() => this.inner.orderFigures(customerId));
  }
  categoryFigureSums(window: FiguresWindow) {
    return this.#run(() => this.inner.categoryFigureSums(window));
  }
  appendCreditEntries(entries: readonly CreditEntry[]) {
    return this.#run(() => this.inner.appendCreditEntries(entries));
  }
  creditEntries(customerId: string) {
    return this.#run(() => this.inner.creditEntries(customerId));
  }
  async *scanCreditEntries(): AsyncIterable<CreditEntry> {
    if (!this.#inside && this.#lock.held) await this.#lock.idle();
    // Read whole before yielding, so a write between two batches cannot tear the wallet.
    yield* [...this.inner.scanCreditEntries()];
  }

  getMeta<T>(key: string, now?: string) {
    return this.#run(() => this.inner.getMeta<T>(key, now));
  }
  setMeta(key: string, value: unknown, expiresAt?: string) {
    return this.#run(() => this.inner.setMeta(key, value, expiresAt));
  }
  claimMeta(key: string, value: unknown, now: string, expiresAt?: string): Promise<boolean> {
    return this.#run(() => {
      if (this.inner.getMeta(key, now) !== undefined) return false;
      this.inner.setMeta(key, value, expiresAt);
      return true;
    });
  }
  countHit(key: string, now: string, windowEnd: string): Promise<{ count: number; resetAt: string }> {
    return this.#run(() => {
      const live = this.inner.getMeta<{ count: number; resetAt: string }>(key, now);
      const next = live ? { count: live.count + 1, resetAt: live.resetAt } : { count: 1, resetAt: windowEnd };
      this.inner.setMeta(key, next, next.resetAt);
      return next;
    });
  }
  deleteMeta(key: string) {
    return this.#run(() => this.inner.deleteMeta(key));
  }
  purgeExpiredMeta(now: string) {
    return this.#run(() => this.inner.purgeExpiredMeta(now));
  }

  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    return this.#run(() => this.inner.appendAudit(entry));
  }
  listAudit(params: AuditQueryParams): Promise<StoredAudit[]> {
    return this.#run(() => this.inner.listAudit(params));
  }

  // ---- erasure in the data log (#18 §2) ----
  scrubAudit(needles: readonly string[], rewrite: (entry: AuditEntry) => AuditEntry): Promise<number> {
    return this.#run(() => this.inner.scrubAudit(needles, rewrite));
  }

  // ---- units (stores) ----
  listUnits() {
    return this.#run(() => this.inner.listUnits());
  }
  getUnit(id: string) {
    return this.#run(() => this.inner.getUnit(id));
  }
  #unitNameClash(unit: Unit): void {
    const key = searchKey(unit.name);
    const clash = this.inner.listUnits().find((u) => u.id !== unit.id && searchKey(u.name) === key);
    if (clash) throw new StoreConflict('unit_name', clash.id);
  }
  insertUnit(unit: Unit): Promise<void> {
    return this.#run(() => {
      if (this.inner.getUnit(unit.id)) throw new StoreConflict('unit_id', unit.id);
      this.#unitNameClash(unit);
      this.inner.putUnit(unit);
    });
  }
  updateUnit(unit: Unit, expectedVersion: number): Promise<boolean> {
    return this.#run(() => {
      if (this.inner.getUnit(unit.id)?.version !== expectedVersion) return false;
      this.#unitNameClash(unit);
      this.inner.putUnit(unit);
      return true;
    });
  }
  deleteUnit(id: string): Promise<'deleted' | 'in_use' | 'missing'> {
    return this.#run(() => {
      if (!this.inner.getUnit(id)) return 'missing';
      if (this.inner.unitInUse(id)) return 'in_use';
      this.inner.deleteUnit(id);
      return 'deleted';
    });
  }
  // ---- events and webhooks ----
  appendEvent(event: NewEvent): Promise<void> {
    return this.#run(() => {
      this.inner.appendEvent(event);
      const deliveries = deliveriesFor(event, this.inner.listWebhookEndpoints());
      if (deliveries.length) this.inner.insertDeliveries(deliveries);
    });
  }
  listEvents(params: EventListParams) {
    return this.#run(() => this.inner.listEvents(params));
  }
  getEvent(id: string) {
    return this.#run(() => this.inner.getEvent(id));
  }
  listWebhookEndpoints() {
    return this.#run(() => this.inner.listWebhookEndpoints());
  }
  getWebhookEndpoint(id: string) {
    return this.#run(() => this.inner.getWebhookEndpoint(id));
  }
  putWebhookEndpoint(endpoint: StoredWebhookEndpoint, expectedVersion?: number): Promise<boolean> {
    return this.#run(() => {
      if (expectedVersion !== undefined && this.inner.getWebhookEndpoint(endpoint.id)?.version !== expectedVersion) return false;
      this.inner.putWebhookEndpoint(endpoint);
      return true;
    });
  }
  deleteWebhookEndpoint(id: string, expectedVersion?: number): Promise<boolean> {
    return this.#run(() => {
      const stored = this.inner.getWebhookEndpoint(id);
      if (!stored || (expectedVersion !== undefined && stored.version !== expectedVersion)) return false;
      this.inner.deleteWebhookEndpoint(id);
      return true;
    });
  }
  listDeliveries(params: DeliveryListParams) {
    return this.#run(() => this.inner.listDeliveries(params));
  }
  getDelivery(id: string) {
    return this.#run(() => this.inner.getDelivery(id));
  }
  leaseDeliveries(owner: string, now: string, leaseUntil: string, limit: number) {
    return this.#run(() => this.inner.leaseDeliveries(owner, now, leaseUntil, limit));
  }
  finishDelivery(id: string, owner: string, outcome: DeliveryOutcome) {
    return this.#run(() => this.inner.finishDelivery(id, owner, outcome));
  }
  requeueDelivery(id: string, now: string) {
    return this.#run(() => this.inner.requeueDelivery(id, now));
  }

  // ---- messages (#17) ----
  insertMessageBatch(batch: Omit<StoredMessageBatch, 'seq'>, recipients: readonly Omit<StoredRecipient, 'seq'>[]) {
    return this.#run(() => this.inner.insertMessageBatch(batch, recipients));
  }
  listMessageBatches(params: { beforeSeq?: number | undefined; limit: number }) {
    return this.#run(() => this.inner.listMessageBatches(params));
  }
  getMessageBatch(id: string) {
    return this.#run(() => this.inner.getMessageBatch(id));
  }
  messageProgress(messageIds: readonly string[]) {
    return this.#run(() => this.inner.messageProgress(messageIds));
  }
  listMessageRecipients(params: RecipientListParams) {
    return this.#run(() => this.inner.listMessageRecipients(params));
  }
  leaseMessageRecipients(owner: string, channel: MessageChannel, now: string, leaseUntil: string, limit: number) {
    return this.#run(() => this.inner.leaseMessageRecipients(owner, channel, now, leaseUntil, limit));
  }
  finishMessageRecipient(id: string, owner: string, outcome: RecipientOutcome) {
    return this.#run(() => this.inner.finishMessageRecipient(id, owner, outcome));
  }
  countMessagesSentSince(channel: MessageChannel, since: string) {
    return this.#run(() => this.inner.countMessagesSentSince(channel, since));
  }

  // ---- automations (#17 §3) ----
  listAutomations() {
    return this.#run(() => this.inner.listAutomations());
  }
  getAutomation(id: string) {
    return this.#run(() => this.inner.getAutomation(id));
  }
  putAutomation(automation: StoredAutomation, expectedVersion?: number): Promise<boolean> {
    return this.#run(() => {
      if (expectedVersion !== undefined && this.inner.getAutomation(automation.id)?.version !== expectedVersion) return false;
      this.inner.putAutomation(automation);
      return true;
    });
  }
  deleteAutomation(id: string, expectedVersion?: number): Promise<boolean> {
    return this.#run(() => {
      const stored = this.inner.getAutomation(id);
      if (!stored || (expectedVersion !== undefined && stored.version !== expectedVersion)) return false;
      this.inner.deleteAutomation(id);
      return true;
    });
  }
  claimAutomationOccasion(occasion: AutomationOccasion): Promise<boolean> {
    return this.#run(() => {
      if (this.inner.getAutomationOccasion(occasion.automationId, occasion.occasion)) return false;
      this.inner.insertAutomationOccasion(occasion);
      return true;
    });
  }
  listAutomationOccasions(automationId: string) {
    return this.#run(() => this.inner.listAutomationOccasions(automationId));
  }
  putCart(cart: StoredCart): Promise<boolean> {
    return this.#run(() => {
      const stored = this.inner.getCart(cart.id);
      if (stored && !(cart.lastEventAt > stored.lastEventAt || (cart.lastEventAt === stored.lastEventAt && cart.lastEvent !== stored.lastEvent))) return false;
      this.inner.putCart(cart);
      return true;
    });
  }
  getCart(id: string) {
    return this.#run(() => this.inner.getCart(id));
  }
  listIdleCarts(idleSince: string, afterId: string | undefined, limit: number) {
    return this.#run(() => this.inner.listIdleCarts(idleSince, afterId, limit));
  }

  // ---- LGPD (#18 §1–§2) ----
  appendConsentRecords(records: readonly ConsentRecord[]) {
    return this.#run(() => this.inner.appendConsentRecords(records));
  }
  listConsentRecords(customerId: string) {
    return this.#run(() => this.inner.listConsentRecords(customerId));
  }
  putPrivacyRequest(request: PrivacyRequest, expectedVersion?: number): Promise<boolean> {
    return this.#run(() => {
      if (expectedVersion !== undefined && this.inner.getPrivacyRequest(request.id)?.version !== expectedVersion) return false;
      this.inner.putPrivacyRequest(request);
      return true;
    });
  }
  getPrivacyRequest(id: string) {
    return this.#run(() => this.inner.getPrivacyRequest(id));
  }
  listPrivacyRequests(params: PrivacyRequestListParams) {
    return this.#run(() => this.inner.listPrivacyRequests(params));
  }
  redactMessageRecipients(customerId: string, name: string, text: string) {
    return this.#run(() => this.inner.redactMessageRecipients(customerId, name, text));
  }
  // ---- managed API keys (#16 §4) ----
  listApiKeys() {
    return this.#run(() => this.inner.listApiKeys());
  }
  getApiKey(id: string) {
    return this.#run(() => this.inner.getApiKey(id));
  }
  findApiKeyByHash(hash: string) {
    return this.#run(() => this.inner.findApiKeyByHash(hash));
  }
  insertApiKey(key: StoredApiKey): Promise<void> {
    return this.#run(() => {
      if (this.inner.getApiKey(key.id) || this.inner.findApiKeyByHash(key.hash)) throw new Error(`api key ${key.id} already stored`);
      this.inner.putApiKey(key);
    });
  }
  updateApiKey(key: StoredApiKey, expectedVersion: number): Promise<boolean> {
    return this.#run(() => {
      if (this.inner.getApiKey(key.id)?.version !== expectedVersion) return false;
      this.inner.putApiKey(key);
      return true;
    });
  }
  touchApiKey(id: string, at: string): Promise<void> {
    return this.#run(() => this.inner.touchApiKey(id, at));
  }

  // ---- duplicates (#18 §3) ----
  refreshDuplicates(customers: readonly Customer[]): Promise<void> {
    return this.#run(() => this.inner.transaction(() => refreshDuplicatesSync(this.inner, customers)));
  }
  listDuplicatePairs(params: DuplicateListParams) {
    return this.#run(() => this.inner.listDuplicatePairs(params));
  }
  getDuplicatePair(a: string, b: string) {
    return this.#run(() => this.inner.getDuplicatePair(a, b));
  }
  dismissDuplicatePair(a: string, b: string, at: string) {
    return this.#run(() => this.inner.dismissDuplicatePair(a, b, at));
  }
  moveCustomerRecords(fromId: string, toId: string) {
    return this.#run(() => this.inner.transaction(() => this.inner.moveCustomerRecords(fromId, toId)));
  }

  addToMessageBatch(batch: Omit<StoredMessageBatch, 'seq'>, recipient: Omit<StoredRecipient, 'seq'>): Promise<void> {
    return this.#run(() => this.inner.transaction(() => this.inner.addToMessageBatch(batch, recipient)));
  }

  // ---- push devices (#17) ----
  saveDevice(device: StoredDevice): Promise<{ device: StoredDevice; movedFrom?: string | undefined }> {
    return this.#run(() => this.#saveDevice(device));
  }
  #saveDevice(device: StoredDevice): { device: StoredDevice; movedFrom?: string | undefined } {
    const known = this.inner.getDeviceByToken(device.token);
    const stored = known ? { ...device, id: known.id, createdAt: known.createdAt } : device;
    this.inner.putDevice(stored);
    return { device: stored, ...(known && known.customerId !== device.customerId ? { movedFrom: known.customerId } : {}) };
  }
  listDevices(customerId: string) {
    return this.#run(() => this.inner.listDevices(customerId));
  }
  deleteDevice(customerId: string, id: string) {
    return this.#run(() => this.inner.deleteDevice(customerId, id));
  }
  deleteDevicesOf(customerId: string) {
    return this.#run(() => this.inner.deleteDevicesOf(customerId));
  }
  countDevices(customerIds: readonly string[]) {
    return this.#run(() => this.inner.countDevices(customerIds));
  }

  // ---- push devices in batches (the seed, #17) ----
  saveDevices(devices: readonly StoredDevice[]): Promise<{ device: StoredDevice; movedFrom?: string | undefined }[]> {
    return this.#run(() => this.inner.transaction(() => devices.map((device) => this.#saveDevice(device))));
  }
  trimDevices(customerIds: readonly string[], keep: number) {
    return this.#run(() => this.inner.trimDevices(customerIds, keep));
  }

  /** Closes at once when no transaction runs (a test may reopen the file right after). */
  close(): Promise<void> {
    if (!this.#lock.held) {
      this.inner.close();
      return Promise.resolve();
    }
    return this.#lock.idle().then(() => this.inner.close());
  }
}
