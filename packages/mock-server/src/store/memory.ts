import {
  CUSTOMER_SORTS,
  countsAsPurchase,
  filterFieldsOf,
  filterReadsCredits,
  filterReadsUnits,
  filterTest,
  holdsIdentity,
  type AuditEntry,
  type CreditEntry,
  type FilterFields,
  type ResolvedFilter,
  type Customer,
  type CustomerSortField,
  type CustomerSource,
  type Order,
  type Unit,
  type View,
  type Event,
} from '@clientela/core/schemas';
import { applyToBalances, compareOrders, figuresOf, numberKey, pageOf, UNIT_SORT_FIELDS, withUnitFigures } from './ledger.js';
import { compareKeys, maskJson, matchesTokens, queryKey, queryPredicate, queryTokens, scanByPages, searchTextOf, sortKeyOf } from './search.js';
import type { AuditQueryParams, CustomerQuery, ListJsonResult, ListParams, ListResult, OrderFigures, OrderListParams, OrderListResult, SortKey, SortSpec, StoredAudit, StoredCategory, SyncStore } from './types.js';
import { auditNeedle } from './audit-needle.js';
import type { RecipientListParams, RecipientOutcome, StoredMessageBatch, StoredRecipient } from './types.js';
import type { AutomationOccasion, StoredAutomation, StoredCart } from './types.js';
import type { MessageChannel, MessageProgress } from '@clientela/core/schemas';
import { emptyProgress } from './message-rows.js';
import type { CategoryFigureSums, FiguresWindow } from './types.js';
import type { DeliveryListParams, DeliveryOutcome, EventListParams, EventListResult, NewEvent, StoredDelivery, StoredWebhookEndpoint } from './types.js';
import { afterAttempt } from './webhook-rows.js';
import type { ConsentRecord, PrivacyRequest } from '@clientela/core/schemas';
import type { PrivacyRequestListParams, StoredPrivacyRequest } from './types.js';
import type { StoredApiKey } from './types.js';
import type { StoredDevice } from './types.js';
import { afterPosition, comparePairs, firstInOrder, type DuplicateKeyRow, type DuplicateListParams, type StoredDuplicatePair } from './duplicate-rows.js';

interface Rec {
  seq: number;
  c: Customer;
  /** What filters read, computed once per write. */
  f: FilterFields;
  text: string;
  keys: Record<CustomerSortField, SortKey>;
}

const STATUS_CODES = { active: 1, inactive: 2, blocked: 3, deleted: 4, merged: 5 } as const;

/** Below this many text matches, sorting the matches beats walking a sorted index. */
const SMALL_MATCH_SET = 2000;

function gramCode(s: string, i: number): number {
  // Codes of folded text are mostly ASCII; folding higher ones into a byte only adds false
  // candidates, which the substring check removes.
  return ((s.charCodeAt(i) & 0xff) << 16) | ((s.charCodeAt(i + 1) & 0xff) << 8) | (s.charCodeAt(i + 2) & 0xff);
}

function gramsOf(text: string): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 3 <= text.length; i++) out.add(gramCode(text, i));
  return out;
}

function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cmpRec(a: Rec, b: Rec, field: CustomerSortField): number {
  return compareKeys(a.keys[field], b.keys[field]) || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0);
}

/** Position of the first record strictly after (key, id) in an ascending index. */
function upperBoundPos(index: readonly Rec[], field: CustomerSortField, key: SortKey, id: string): number {
  let lo = 0;
  let hi = index.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const r = index[mid] as Rec;
    const c = compareKeys(r.keys[field], key) || (r.c.id < id ? -1 : r.c.id > id ? 1 : 0);
    if (c <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * In-memory store: a sorted index per sort field (keyset pages are a binary search and a short
 * walk), and a trigram index over each customer's search text (a query intersects posting lists
 * instead of scanning every customer).
 */
export class MemoryStore implements SyncStore {
  readonly kind = 'memory' as const;
  private recs: Rec[] = [];
  private byId = new Map<string, Rec>();
  private byDocument = new Map<string, Rec>();
  /** Live customers by `source` + NUL + external id. */
  private byExternalId = new Map<string, Rec>();
  private byEmail = new Map<string, Rec[]>();
  private sorted: Partial<Record<CustomerSortField, Rec[]>> = {};
  private grams = new Map<number, number[]>();
  private catCounts = new Map<string, number>();
  private categories = new Map<string, StoredCategory>();
  private views = new Map<string, View>();
  private meta = new Map<string, string>();
  private metaExpiry = new Map<string, string>();
  private audit: AuditEntry[] = [];
  private countCache = new Map<string, number>();
  /** Sorted index narrowed to a filter (no search), for random access by offset; cleared on every write. */
  private filtered = new Map<string, Rec[]>();
  /** Columns by seq, so a search reads compact arrays instead of chasing record objects. */
  private texts: string[] = [];
  private statusCodes = new Uint8Array(1024);
  private kindCodes = new Uint8Array(1024);

  private setColumns(rec: Rec): void {
    const seq = rec.seq;
    if (seq >= this.statusCodes.length) {
      const grow = (a: Uint8Array) => {
        const b = new Uint8Array(Math.max(1024, seq * 2));
        b.set(a);
        return b;
      };
      this.statusCodes = grow(this.statusCodes);
      this.kindCodes = grow(this.kindCodes);
    }
    this.texts[seq] = rec.text;
    this.statusCodes[seq] = STATUS_CODES[rec.c.status];
    this.kindCodes[seq] = rec.c.kind === 'person' ? 1 : 2;
  }

  transaction<T>(fn: () => T): T {
    return fn();
  }

  customerCount(): number {
    return this.recs.length;
  }

  getCustomer(id: string): Customer | undefined {
    return this.byId.get(id)?.c;
  }

  findByDocument(document: string): Customer | undefined {
    return this.byDocument.get(document)?.c;
  }

  // ---- sync by document (#16 §2) ----
  findByExternalId(source: CustomerSource, externalId: string): Customer | undefined {
    return this.byExternalId.get(`${source}\0${externalId}`)?.c;
  }

  findByEmail(email: string): Customer[] {
    return (this.byEmail.get(email.toLowerCase()) ?? []).filter((r) => holdsIdentity(r.c.status)).map((r) => r.c);
  }

  private makeRec(c: Customer): Rec {
    const keys: Record<CustomerSortField, SortKey> = {
      name: sortKeyOf(c, 'name'),
      createdAt: c.createdAt,
      lastPurchaseAt: c.stats.lastPurchaseAt ?? '',
      totalSpent: c.stats.totalSpentCents,
      ordersCount: c.stats.ordersCount,
      visitsCount: sortKeyOf(c, 'visitsCount'),
      status: sortKeyOf(c, 'status'),
    };
    return { seq: this.recs.length, c, f: filterFieldsOf(c), text: searchTextOf(c), keys };
  }

  private indexSide(rec: Rec, add: boolean): void {
    const c = rec.c;
    if (holdsIdentity(c.status)) {
      if (add) this.byDocument.set(c.document, rec);
      else if (this.byDocument.get(c.document) === rec) this.byDocument.delete(c.document);
    }
    if (c.status !== 'deleted') {
      for (const [source, id] of Object.entries(c.externalIds ?? {})) {
        const key = `${source}\0${id}`;
        if (add) this.byExternalId.set(key, rec);
        else if (this.byExternalId.get(key) === rec) this.byExternalId.delete(key);
      }
      // Category counts are of live customers, as the table lists them: a merged record is not one.
      if (c.status !== 'merged') for (const id of c.categoryIds) this.catCounts.set(id, (this.catCounts.get(id) ?? 0) + (add ? 1 : -1));
    }
    if (c.email) {
      const key = c.email.toLowerCase();
      const list = this.byEmail.get(key) ?? [];
      if (add) list.push(rec);
      else list.splice(list.indexOf(rec) >>> 0, 1);
      this.byEmail.set(key, list);
    }
  }

  private addGrams(rec: Rec, appendOnly: boolean): void {
    const text = rec.text;
    const seq = rec.seq;
    if (appendOnly) {
      // The newest record: its seq is the largest, so appending keeps every list sorted, and a
      // repeated gram of this text is the list's last element.
      for (let i = 0; i + 3 <= text.length; i++) {
        const g = gramCode(text, i);
        const list = this.grams.get(g);
        if (!list) this.grams.set(g, [seq]);
        else if (list[list.length - 1] !== seq) list.push(seq);
      }
      return;
    }
    for (const g of gramsOf(text)) {
      let list = this.grams.get(g);
      if (!list) this.grams.set(g, (list = []));
      const at = lowerBound(list, seq);
      if (list[at] !== seq) list.splice(at, 0, seq);
    }
  }

  /** The sorted index of a field, built on first use (seeding 100,000 rows need not sort five times). */
  private index(field: CustomerSortField): Rec[] {
    let index = this.sorted[field];
    if (!index) {
      index = [...this.recs].sort((a, b) => cmpRec(a, b, field));
      this.sorted[field] = index;
    }
    return index;
  }

  insertCustomer(customer: Customer): void {
    const rec = this.makeRec(customer);
    this.recs.push(rec);
    this.byId.set(customer.id, rec);
    this.indexSide(rec, true);
    this.addGrams(rec, true);
    this.setColumns(rec);
    for (const f of CUSTOMER_SORTS) {
      const index = this.sorted[f];
      if (index) index.splice(upperBoundPos(index, f, rec.keys[f], rec.c.id), 0, rec);
    }
    this.countCache.clear();
    this.filtered.clear();
  }

  insertCustomers(customers: readonly Customer[]): void {
    for (const customer of customers) {
      const rec = this.makeRec(customer);
      this.recs.push(rec);
      this.byId.set(customer.id, rec);
      this.indexSide(rec, true);
      this.addGrams(rec, true);
      this.setColumns(rec);
    }
    this.sorted = {};
    this.countCache.clear();
    this.filtered.clear();
  }

  updateCustomer(customer: Customer): void {
    const rec = this.byId.get(customer.id);
    if (!rec) throw new Error(`unknown customer ${customer.id}`);
    this.indexSide(rec, false);
    const next = this.makeRec(customer);
    for (const f of CUSTOMER_SORTS) {
      if (next.keys[f] === rec.keys[f]) continue;
      const index = this.sorted[f];
      if (!index) {
        rec.keys[f] = next.keys[f];
        continue;
      }
      const at: number = upperBoundPos(index, f, rec.keys[f], rec.c.id) - 1;
      if (index[at] === rec) index.splice(at, 1);
      rec.keys[f] = next.keys[f];
      index.splice(upperBoundPos(index, f, rec.keys[f], rec.c.id), 0, rec);
    }
    rec.c = customer;
    rec.f = next.f;
    if (next.text !== rec.text) {
      // Stale grams of the old text stay: they only add candidates that the substring check drops.
      rec.text = next.text;
      this.addGrams(rec, false);
    }
    this.indexSide(rec, true);
    this.setColumns(rec);
    this.countCache.clear();
    this.filtered.clear();
  }

  /**
   * The filter as a test of a record: core's filterTest on the record's fields, with what the
   * ledger and the orders say of the customer when the filter reads them (gathered once per query).
   */
  private recordTest(query: CustomerQuery): ((r: Rec) => boolean) | undefined {
    const filter = query.filter;
    if (!filter?.length) return undefined;
    const test = filterTest(filter);
    const extras = this.filterExtras(filter);
    return extras ? (r) => test({ ...r.f, ...extras(r.c.id) }) : (r) => test(r.f);
  }

  /** Open credit grants' expiries and counted orders' units by customer, when `filter` reads them. */
  private filterExtras(filter: ResolvedFilter): ((customerId: string) => Pick<FilterFields, 'credits' | 'units'>) | undefined {
    const credits = filterReadsCredits(filter);
    const units = filterReadsUnits(filter);
    if (!credits && !units) return undefined;
    const open = new Map<string, string[]>();
    const add = (map: Map<string, string[]>, id: string, value: string) => {
      const list = map.get(id);
      if (list) list.push(value);
      else map.set(id, [value]);
    };
    if (credits) {
      for (const [customerId, entries] of this.ledger) {
        for (const e of entries) if (e.type === 'grant' && (this.grants.get(e.id)?.remaining ?? 0) > 0) add(open, customerId, e.expiresAt);
      }
    }
    const unitsOf = new Map<string, string[]>();
    if (units) {
      for (const [customerId, orders] of this.ordersByCustomer) {
        for (const o of orders) if (o.unitId !== undefined && countsAsPurchase(o.status)) add(unitsOf, customerId, o.unitId);
      }
    }
    return (id) => ({ credits: open.get(id), units: unitsOf.get(id) });
  }

  /** Whether counts and narrowed indexes of a query may be cached until the next customer write (not when it reads orders or credits). */
  private cacheable(query: CustomerQuery): boolean {
    return !query.filter?.length || (!filterReadsCredits(query.filter) && !filterReadsUnits(query.filter));
  }

  /** Whether a record passes every parameter of a query but its text. */
  private recPredicate(query: CustomerQuery): (r: Rec) => boolean {
    const pred = queryPredicate(query);
    const test = this.recordTest(query);
    return test ? (r) => test(r) && pred(r.c) : (r) => pred(r.c);
  }

  /** Whether a record passes a query's parameters besides its text and its status and kind (which a search reads from columns); undefined when there are none. */
  private accept(query: CustomerQuery): ((r: Rec) => boolean) | undefined {
    const needed = query.categoryIds?.length || query.ids || query.exceptIds?.length;
    const pred = needed ? queryPredicate(query) : undefined;
    const test = this.recordTest(query);
    if (!pred && !test) return undefined;
    if (!test) return (r) => pred!(r.c);
    if (!pred) return test;
    return (r) => test(r) && pred(r.c);
  }

  /**
   * Seqs matching the text and the filters, in one pass over the rarest trigram's posting list,
   * reading only the columns (text, status, kind); category and id filters look at the record.
   */
  private searchSeqs(tokens: readonly string[], query: CustomerQuery): number[] {
    let smallest: number[] | undefined;
    for (const t of tokens) {
      for (let i = 0; i + 3 <= t.length; i++) {
        const list = this.grams.get(gramCode(t, i));
        if (!list) return [];
        if (!smallest || list.length < smallest.length) smallest = list;
      }
    }
    const statusOk = new Uint8Array(8);
    for (const st of query.statuses) statusOk[STATUS_CODES[st]] = 1;
    const kind = query.kind ? (query.kind === 'person' ? 1 : 2) : 0;
    const accept = this.accept(query);
    const { texts, statusCodes, kindCodes } = this;
    const out: number[] = [];
    const check = (seq: number) => {
      if (statusOk[statusCodes[seq]!] !== 1 || (kind && kindCodes[seq] !== kind)) return;
      if (!matchesTokens(texts[seq]!, tokens)) return;
      if (accept && !accept(this.recs[seq] as Rec)) return;
      out.push(seq);
    };
    if (smallest) for (const seq of smallest) check(seq);
    else for (let seq = 0; seq < this.recs.length; seq++) check(seq);
    return out;
  }

  listCustomers(params: ListParams): ListResult {
    if (params.unit !== undefined) {
      const { keys: _keys, ...page } = this.listForUnit({ ...params, unit: params.unit });
      return page;
    }
    const { query, sort, after, offset = 0, limit } = params;
    const pred = this.recPredicate(query);
    const tokens = queryTokens(query.q);
    const field = sort.field;
    const items: Customer[] = [];
    let total: number;
    let hasMore = false;
    if (tokens.length) {
      const seqs = this.searchSeqs(tokens, query);
      total = seqs.length;
      if (seqs.length > SMALL_MATCH_SET) {
        const mark = this.nextMark();
        const stamps = this.stamps;
        for (const seq of seqs) stamps[seq] = mark;
        hasMore = this.walk(sort, after, limit, (r) => stamps[r.seq] === mark, items, offset);
        return { items, hasMore, total };
      }
      const matches = seqs.map((seq) => this.recs[seq] as Rec);
      {
        matches.sort((a, b) => (sort.desc ? -cmpRec(a, b, field) : cmpRec(a, b, field)));
        let start = offset;
        if (after) {
          const isPast = (r: Rec) => {
            const c = compareKeys(r.keys[field], after.key) || (r.c.id < after.id ? -1 : r.c.id > after.id ? 1 : 0);
            return sort.desc ? c < 0 : c > 0;
          };
          while (start < matches.length && !isPast(matches[start] as Rec)) start++;
        }
        for (const r of matches.slice(start, start + limit)) items.push(r.c);
        hasMore = start + limit < matches.length;
        return { items, hasMore, total };
      }
    }
    total = this.countCustomers(query);
    if (offset && !after) {
      // Random access: the sorted index narrowed to this filter (built once per write), where an
      // offset is a position.
      const rows = this.filteredIndex(query, field, pred, total);
      const n = rows.length;
      for (let k = offset; k < n && items.length < limit; k++) items.push((rows[sort.desc ? n - 1 - k : k] as Rec).c);
      return { items, hasMore: offset + items.length < n, total };
    }
    hasMore = this.walk(sort, after, limit, pred, items);
    return { items, hasMore, total };
  }

  private filteredIndex(query: CustomerQuery, field: CustomerSortField, pred: (r: Rec) => boolean, total: number): Rec[] {
    const index = this.index(field);
    if (total === index.length) return index; // every row matches
    if (!this.cacheable(query)) return index.filter(pred);
    const key = `${field}|${queryKey(query)}`;
    let rows = this.filtered.get(key);
    if (!rows) {
      rows = index.filter(pred);
      if (this.filtered.size >= 16) this.filtered.clear();
      this.filtered.set(key, rows);
    }
    return rows;
  }

  /** Serialized list items, cached per stored object (an update stores a new object). */
  private itemJson = new WeakMap<Customer, string>();

  listCustomersJson(params: ListParams): ListJsonResult {
    if (params.unit !== undefined) {
      const page = this.listForUnit({ ...params, unit: params.unit });
      const n = page.items.length;
      return {
        items: page.items.map((c) => maskJson(JSON.stringify(c), c.document)),
        last: n ? { key: page.keys[n - 1]!, id: page.items[n - 1]!.id } : undefined,
        hasMore: page.hasMore,
        total: page.total,
      };
    }
    const page = this.listCustomers(params);
    const items = page.items.map((c) => {
      let json = this.itemJson.get(c);
      if (json === undefined) {
        json = maskJson(JSON.stringify(c), c.document);
        this.itemJson.set(c, json);
      }
      return json;
    });
    const last = page.items[page.items.length - 1];
    return { items, last: last && { key: this.byId.get(last.id)!.keys[params.sort.field], id: last.id }, hasMore: page.hasMore, total: page.total };
  }

  /** Per-record marks of the current search; a new mark value each time saves clearing the array. */
  private stamps = new Uint32Array(0);
  private mark = 0;

  private nextMark(): number {
    if (this.stamps.length < this.recs.length) this.stamps = new Uint32Array(Math.max(1024, this.recs.length * 2));
    this.mark = (this.mark + 1) >>> 0 || 1;
    return this.mark;
  }

  /**
   * Walks the sorted index from the keyset position, skipping `skip` accepted rows (an offset),
   * then collecting up to `limit` accepted rows.
   */
  private walk(sort: SortSpec, after: ListParams['after'], limit: number, accept: (r: Rec) => boolean, out: Customer[], skip = 0): boolean {
    const index = this.index(sort.field);
    if (!sort.desc) {
      let i = after ? upperBoundPos(index, sort.field, after.key, after.id) : 0;
      for (; i < index.length; i++) {
        const r = index[i] as Rec;
        if (!accept(r)) continue;
        if (skip > 0) {
          skip--;
          continue;
        }
        if (out.length === limit) return true;
        out.push(r.c);
      }
      return false;
    }
    let i = after ? upperBoundPos(index, sort.field, after.key, after.id) - 1 : index.length - 1;
    if (after && i >= 0) {
      const r = index[i] as Rec;
      if (r.c.id === after.id && r.keys[sort.field] === after.key) i--;
    }
    for (; i >= 0; i--) {
      const r = index[i] as Rec;
      if (!accept(r)) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      if (out.length === limit) return true;
      out.push(r.c);
    }
    return false;
  }

  countCustomers(query: CustomerQuery): number {
    const tokens = queryTokens(query.q);
    const pred = this.recPredicate(query);
    if (tokens.length) return this.searchSeqs(tokens, query).length;
    const cacheKey = queryKey(query);
    const cached = this.countCache.get(cacheKey);
    if (cached !== undefined) return cached;
    let n = 0;
    for (const r of this.recs) if (pred(r)) n++;
    if (!this.cacheable(query)) return n;
    // A filter with relative time resolves differently at each request: keep the cache bounded.
    if (this.countCache.size >= 1000) this.countCache.clear();
    this.countCache.set(cacheKey, n);
    return n;
  }

  scanCustomers(query: CustomerQuery, sort: SortSpec): Iterable<Customer> {
    return scanByPages(this, query, sort);
  }

  categoryCounts(): Map<string, number> {
    return new Map(this.catCounts);
  }

  listCategories(): StoredCategory[] {
    return [...this.categories.values()];
  }

  getCategory(id: string): StoredCategory | undefined {
    return this.categories.get(id);
  }

  putCategory(category: StoredCategory): void {
    this.categories.set(category.id, category);
  }

  listViews(): View[] {
    return [...this.views.values()];
  }

  getView(id: string): View | undefined {
    return this.views.get(id);
  }

  putView(view: View): void {
    this.views.set(view.id, view);
  }

  deleteView(id: string): void {
    this.views.delete(id);
  }

  private orders = new Map<string, Order>();
  /** Each customer's orders, newest first. */
  private ordersByCustomer = new Map<string, Order[]>();
  private orderNumbers = new Map<string, string>();
  /** Every order, newest first, built on first use after a write. */
  private allOrders: Order[] | undefined;
  private ledger = new Map<string, CreditEntry[]>();
  private grants = new Map<string, { customerId: string; remaining: number; expired: boolean }>();

  private placeOrder(order: Order): void {
    const list = this.ordersByCustomer.get(order.customerId) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareOrders(list[mid] as Order, order) < 0) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, order);
    this.ordersByCustomer.set(order.customerId, list);
  }

  insertOrder(order: Order): void {
    this.orders.set(order.id, order);
    this.orderNumbers.set(numberKey(order.number, order.unitId), order.id);
    this.placeOrder(order);
    this.allOrders = undefined;
    this.refreshUnitFigures(order.customerId, order.unitId);
  }

  getOrder(id: string): Order | undefined {
    return this.orders.get(id);
  }

  findOrderByNumber(number: string, unitId?: string): Order | undefined {
    const id = this.orderNumbers.get(numberKey(number, unitId));
    return id === undefined ? undefined : this.orders.get(id);
  }

  updateOrder(order: Order): void {
    const old = this.orders.get(order.id);
    if (!old) throw new Error(`unknown order ${order.id}`);
    const list = this.ordersByCustomer.get(old.customerId) ?? [];
    list.splice(list.indexOf(old) >>> 0, 1);
    this.orderNumbers.delete(numberKey(old.number, old.unitId));
    this.insertOrder(order);
    if (old.unitId !== order.unitId || old.customerId !== order.customerId) this.refreshUnitFigures(old.customerId, old.unitId);
  }

  listOrders(params: OrderListParams): OrderListResult {
    if (params.customerId !== undefined) return pageOf(this.ordersByCustomer.get(params.customerId) ?? [], params);
    this.allOrders ??= [...this.orders.values()].sort(compareOrders);
    return pageOf(this.allOrders, params);
  }

  orderFigures(customerId: string): OrderFigures {
    return figuresOf(this.ordersByCustomer.get(customerId) ?? []);
  }

  categoryFigureSums({ start, split, at }: FiguresWindow): CategoryFigureSums[] {
    const sums = new Map<string, CategoryFigureSums>();
    const of = (categoryId: string) => {
      let f = sums.get(categoryId);
      if (!f) sums.set(categoryId, (f = { categoryId, members: 0, ordersCount: 0, totalSpentCents: 0, ordersLast: 0, ordersPrevious: 0 }));
      return f;
    };
    for (const { c } of this.recs) {
      if (c.status === 'deleted' || c.status === 'merged') continue;
      for (const id of c.categoryIds) {
        const f = of(id);
        f.members++;
        f.ordersCount += c.stats.ordersCount;
        f.totalSpentCents += c.stats.totalSpentCents;
      }
    }
    this.allOrders ??= [...this.orders.values()].sort(compareOrders);
    for (const o of this.allOrders) {
      if (o.placedAt < start) break;
      if (o.placedAt >= at || !countsAsPurchase(o.status)) continue;
      const c = this.byId.get(o.customerId)?.c;
      if (!c || c.status === 'deleted' || c.status === 'merged') continue;
      for (const id of c.categoryIds) {
        if (o.placedAt >= split) of(id).ordersLast++;
        else of(id).ordersPrevious++;
      }
    }
    return [...sums.values()];
  }

  appendCreditEntries(entries: readonly CreditEntry[]): void {
    // Every step is checked before anything is written, so a refused append leaves no trace.
    const balances = applyToBalances(entries, (id) => this.grants.get(id));
    for (const e of entries) {
      const list = this.ledger.get(e.customerId) ?? [];
      list.push(e);
      this.ledger.set(e.customerId, list);
      if (e.type === 'grant') this.grants.set(e.id, { customerId: e.customerId, remaining: e.amountCents, expired: false });
    }
    for (const [id, remaining] of balances) {
      const g = this.grants.get(id)!;
      g.remaining = remaining;
    }
    for (const e of entries) if (e.type === 'expiry') this.grants.get(e.grantId)!.expired = true;
  }

  creditEntries(customerId: string): CreditEntry[] {
    return [...(this.ledger.get(customerId) ?? [])];
  }

  *scanCreditEntries(): Iterable<CreditEntry> {
    for (const customerId of [...this.ledger.keys()].sort()) yield* this.ledger.get(customerId) ?? [];
  }

  getMeta<T>(key: string, now?: string): T | undefined {
    const raw = this.meta.get(key);
    if (raw === undefined) return undefined;
    const expiresAt = this.metaExpiry.get(key);
    if (now !== undefined && expiresAt !== undefined && expiresAt <= now) return undefined;
    return JSON.parse(raw) as T;
  }

  setMeta(key: string, value: unknown, expiresAt?: string): void {
    this.meta.set(key, JSON.stringify(value));
    if (expiresAt === undefined) this.metaExpiry.delete(key);
    else this.metaExpiry.set(key, expiresAt);
  }

  deleteMeta(key: string): void {
    this.meta.delete(key);
    this.metaExpiry.delete(key);
  }

  purgeExpiredMeta(now: string): number {
    let n = 0;
    for (const [key, expiresAt] of this.metaExpiry) {
      if (expiresAt > now) continue;
      this.meta.delete(key);
      this.metaExpiry.delete(key);
      n++;
    }
    return n;
  }

  appendAudit(entry: Omit<AuditEntry, 'id'>): AuditEntry {
    const full = { id: `aud_${String(this.audit.length + 1).padStart(8, '0')}`, ...entry };
    this.audit.push(full);
    return full;
  }

  listAudit({ action, since, until, beforeSeq, limit }: AuditQueryParams): StoredAudit[] {
    const out: StoredAudit[] = [];
    for (let i = Math.min(beforeSeq ?? Infinity, this.audit.length + 1) - 2; i >= 0 && out.length < limit; i--) {
      const e = this.audit[i] as AuditEntry;
      if (action && e.action !== action) continue;
      if (since && e.at < since) continue;
      if (until && e.at > until) continue;
      out.push({ seq: i + 1, entry: e });
    }
    return out;
  }

  // ---- erasure in the data log (#18 §2) ----
  scrubAudit(needles: readonly string[], rewrite: (entry: AuditEntry) => AuditEntry): number {
    const wanted = needles.map((x) => auditNeedle(x).toLowerCase());
    let n = 0;
    this.audit.forEach((e, i) => {
      const text = JSON.stringify(e).toLowerCase();
      if (!wanted.some((w) => text.includes(w))) return;
      const next = rewrite(e);
      if (JSON.stringify(next) === JSON.stringify(e)) return;
      this.audit[i] = next;
      n++;
    });
    return n;
  }

  // ---- figures per unit ----
  /** Each customer's figures per unit (unit id → customer id → figures), kept as its orders are written. */
  private unitFigures = new Map<string, Map<string, OrderFigures>>();

  private refreshUnitFigures(customerId: string, unitId: string | undefined): void {
    if (unitId === undefined) return;
    let byCustomer = this.unitFigures.get(unitId);
    if (!byCustomer) this.unitFigures.set(unitId, (byCustomer = new Map()));
    byCustomer.set(customerId, figuresOf((this.ordersByCustomer.get(customerId) ?? []).filter((o) => o.unitId === unitId)));
  }

  /**
   * A page of the list for one unit: each row with its figures there. Sorted by those figures,
   * the matches are sorted here for each page (no index per unit), which costs a sort of every
   * match; other sorts walk the usual indexes and only the rows shown change.
   */
  private listForUnit(params: ListParams & { unit: string }): ListResult & { keys: SortKey[] } {
    const figures = this.unitFigures.get(params.unit);
    const shown = (c: Customer) => withUnitFigures(c, figures?.get(c.id));
    const { sort, after, offset = 0, limit } = params;
    if (!UNIT_SORT_FIELDS.has(sort.field)) {
      const page = this.listCustomers({ ...params, unit: undefined });
      const items = page.items.map(shown);
      return { ...page, items, keys: page.items.map((c) => this.byId.get(c.id)!.keys[sort.field]) };
    }
    const tokens = queryTokens(params.query.q);
    const recs = tokens.length ? this.searchSeqs(tokens, params.query).map((seq) => this.recs[seq] as Rec) : this.recs.filter(this.recPredicate(params.query));
    const rows = recs.map((r) => {
      const c = shown(r.c);
      return { c, key: sortKeyOf(c, sort.field) };
    });
    const cmp = (a: { c: Customer; key: SortKey }, b: { c: Customer; key: SortKey }) => compareKeys(a.key, b.key) || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0);
    rows.sort((a, b) => (sort.desc ? -cmp(a, b) : cmp(a, b)));
    let start = offset;
    if (after) {
      const isPast = (r: { c: Customer; key: SortKey }) => {
        const c = cmp(r, { c: { id: after.id } as Customer, key: after.key });
        return sort.desc ? c < 0 : c > 0;
      };
      while (start < rows.length && !isPast(rows[start]!)) start++;
    }
    const page = rows.slice(start, start + limit);
    return { items: page.map((r) => r.c), keys: page.map((r) => r.key), hasMore: start + limit < rows.length, total: rows.length };
  }

  // ---- units (stores) ----
  private units = new Map<string, Unit>();

  listUnits(): Unit[] {
    return [...this.units.values()];
  }

  getUnit(id: string): Unit | undefined {
    return this.units.get(id);
  }

  putUnit(unit: Unit): void {
    this.units.set(unit.id, unit);
  }

  unitInUse(id: string): boolean {
    for (const o of this.orders.values()) if (o.unitId === id) return true;
    return false;
  }

  deleteUnit(id: string): void {
    this.units.delete(id);
  }

  // ---- events and webhooks ----
  private events: Event[] = [];
  private eventsById = new Map<string, Event>();
  private endpoints = new Map<string, StoredWebhookEndpoint>();
  private deliveries: (StoredDelivery & { lease?: { owner: string; until: string } })[] = [];
  private deliveriesById = new Map<string, StoredDelivery & { lease?: { owner: string; until: string } }>();

  appendEvent(event: NewEvent): void {
    const stored = { ...event, sequence: this.events.length + 1 } as Event;
    this.events.push(stored);
    this.eventsById.set(stored.id, stored);
  }

  listEvents({ after, types, limit }: EventListParams): EventListResult {
    const items: Event[] = [];
    let i = Math.max(0, after);
    for (; i < this.events.length && items.length <= limit; i++) {
      const e = this.events[i] as Event;
      if (!types || types.includes(e.type)) items.push(e);
    }
    const hasMore = items.length > limit;
    if (hasMore) items.length = limit;
    return { items, hasMore, cursor: hasMore ? (items.at(-1) as Event).sequence : Math.max(after, this.events.length) };
  }

  getEvent(id: string): Event | undefined {
    return this.eventsById.get(id);
  }

  listWebhookEndpoints(): StoredWebhookEndpoint[] {
    return [...this.endpoints.values()];
  }

  getWebhookEndpoint(id: string): StoredWebhookEndpoint | undefined {
    return this.endpoints.get(id);
  }

  putWebhookEndpoint(endpoint: StoredWebhookEndpoint): void {
    this.endpoints.set(endpoint.id, endpoint);
  }

  deleteWebhookEndpoint(id: string): void {
    this.endpoints.delete(id);
    this.deliveries = this.deliveries.filter((d) => {
      if (d.endpointId !== id) return true;
      this.deliveriesById.delete(d.id);
      return false;
    });
  }

  insertDeliveries(deliveries: readonly Omit<StoredDelivery, 'seq'>[]): void {
    for (const d of deliveries) {
      const row = { ...d, seq: (this.deliveries.at(-1)?.seq ?? 0) + 1 };
      this.deliveries.push(row);
      this.deliveriesById.set(row.id, row);
    }
  }

  listDeliveries({ endpointId, status, beforeSeq, limit }: DeliveryListParams): { items: StoredDelivery[]; hasMore: boolean } {
    const items: StoredDelivery[] = [];
    for (let i = this.deliveries.length - 1; i >= 0 && items.length <= limit; i--) {
      const d = this.deliveries[i]!;
      if (d.endpointId !== endpointId || (beforeSeq !== undefined && d.seq >= beforeSeq) || (status && d.status !== status)) continue;
      items.push(withoutLease(d));
    }
    const hasMore = items.length > limit;
    if (hasMore) items.length = limit;
    return { items, hasMore };
  }

  getDelivery(id: string): StoredDelivery | undefined {
    const d = this.deliveriesById.get(id);
    return d && withoutLease(d);
  }

  leaseDeliveries(owner: string, now: string, leaseUntil: string, limit: number): StoredDelivery[] {
    const due = this.deliveries
      .filter((d) => d.status === 'pending' && d.nextAttemptAt !== null && d.nextAttemptAt <= now && (!d.lease || d.lease.until <= now) && this.endpoints.get(d.endpointId)?.enabled === true)
      .sort((a, b) => (a.nextAttemptAt! < b.nextAttemptAt! ? -1 : a.nextAttemptAt! > b.nextAttemptAt! ? 1 : a.seq - b.seq))
      .slice(0, limit);
    for (const d of due) d.lease = { owner, until: leaseUntil };
    return due.map(withoutLease);
  }

  finishDelivery(id: string, owner: string, outcome: DeliveryOutcome): boolean {
    const d = this.deliveriesById.get(id);
    if (!d || d.lease?.owner !== owner) return false;
    const next = afterAttempt(withoutLease(d), outcome);
    Object.assign(d, next);
    delete d.lease;
    return true;
  }

  requeueDelivery(id: string, now: string): StoredDelivery | undefined {
    const d = this.deliveriesById.get(id);
    if (!d) return undefined;
    Object.assign(d, { status: 'pending', nextAttemptAt: now, manual: true, updatedAt: now });
    return withoutLease(d);
  }

  // ---- messages (#17) ----
  private batches: StoredMessageBatch[] = [];
  private recipients: (StoredRecipient & { lease?: { owner: string; until: string } })[] = [];
  private recipientsById = new Map<string, StoredRecipient & { lease?: { owner: string; until: string } }>();

  insertMessageBatch(batch: Omit<StoredMessageBatch, 'seq'>, recipients: readonly Omit<StoredRecipient, 'seq'>[]): void {
    this.batches.push({ ...batch, seq: this.batches.length + 1 });
    for (const r of recipients) {
      const row = { ...r, seq: this.recipients.length + 1 };
      this.recipients.push(row);
      this.recipientsById.set(row.id, row);
    }
  }

  addToMessageBatch(batch: Omit<StoredMessageBatch, 'seq'>, recipient: Omit<StoredRecipient, 'seq'>): void {
    const i = this.batches.findIndex((x) => x.id === batch.id);
    if (i < 0) return this.insertMessageBatch({ ...batch, counts: { ...batch.counts } }, [recipient]);
    const b = this.batches[i]!;
    this.batches[i] = { ...b, counts: addCounts(b.counts, batch.counts) };
    const row = { ...recipient, seq: this.recipients.length + 1 };
    this.recipients.push(row);
    this.recipientsById.set(row.id, row);
  }

  listMessageBatches({ beforeSeq, limit }: { beforeSeq?: number | undefined; limit: number }): { items: StoredMessageBatch[]; hasMore: boolean } {
    const items = this.batches.filter((b) => beforeSeq === undefined || b.seq < beforeSeq).reverse().slice(0, limit + 1);
    const hasMore = items.length > limit;
    return { items: items.slice(0, limit).map((b) => ({ ...b })), hasMore };
  }

  getMessageBatch(id: string): StoredMessageBatch | undefined {
    const b = this.batches.find((x) => x.id === id);
    return b && { ...b };
  }

  messageProgress(messageIds: readonly string[]): Map<string, MessageProgress> {
    const wanted = new Set(messageIds);
    const out = new Map(messageIds.map((id) => [id, emptyProgress()]));
    for (const r of this.recipients) if (wanted.has(r.messageId)) out.get(r.messageId)![r.status]++;
    return out;
  }

  listMessageRecipients({ messageId, customerId, status, afterSeq, limit }: RecipientListParams): { items: StoredRecipient[]; hasMore: boolean } {
    const items: StoredRecipient[] = [];
    for (const r of this.recipients) {
      if (items.length > limit) break;
      if ((messageId && r.messageId !== messageId) || (customerId && r.customerId !== customerId) || (status && r.status !== status) || (afterSeq !== undefined && r.seq <= afterSeq)) continue;
      items.push(recipientWithoutLease(r));
    }
    const hasMore = items.length > limit;
    if (hasMore) items.length = limit;
    return { items, hasMore };
  }

  leaseMessageRecipients(owner: string, channel: MessageChannel, now: string, leaseUntil: string, limit: number): StoredRecipient[] {
    const due = this.recipients
      .filter((r) => r.status === 'queued' && r.channel === channel && r.nextAttemptAt !== null && r.nextAttemptAt <= now && (!r.lease || r.lease.until <= now))
      .sort((a, b) => (a.nextAttemptAt! < b.nextAttemptAt! ? -1 : a.nextAttemptAt! > b.nextAttemptAt! ? 1 : a.seq - b.seq))
      .slice(0, limit);
    for (const r of due) r.lease = { owner, until: leaseUntil };
    return due.map(recipientWithoutLease);
  }

  finishMessageRecipient(id: string, owner: string, outcome: RecipientOutcome): boolean {
    const r = this.recipientsById.get(id);
    if (!r || r.lease?.owner !== owner) return false;
    Object.assign(r, outcome);
    delete r.lease;
    return true;
  }

  countMessagesSentSince(channel: MessageChannel, since: string): number {
    let n = 0;
    for (const r of this.recipients) if (r.channel === channel && r.sentAt !== undefined && r.sentAt >= since) n++;
    return n;
  }

  // ---- automations (#17 §3) ----
  private automations = new Map<string, StoredAutomation>();
  private occasions = new Map<string, AutomationOccasion>();
  private carts = new Map<string, StoredCart>();

  listAutomations(): StoredAutomation[] {
    return [...this.automations.values()];
  }

  getAutomation(id: string): StoredAutomation | undefined {
    return this.automations.get(id);
  }

  putAutomation(automation: StoredAutomation): void {
    this.automations.set(automation.id, automation);
  }

  deleteAutomation(id: string): void {
    this.automations.delete(id);
  }

  getAutomationOccasion(automationId: string, occasion: string): AutomationOccasion | undefined {
    return this.occasions.get(`${automationId}\u0000${occasion}`);
  }

  insertAutomationOccasion(occasion: AutomationOccasion): void {
    this.occasions.set(`${occasion.automationId}\u0000${occasion.occasion}`, occasion);
  }

  listAutomationOccasions(automationId: string): AutomationOccasion[] {
    return [...this.occasions.values()].filter((o) => o.automationId === automationId);
  }

  getCart(id: string): StoredCart | undefined {
    return this.carts.get(id);
  }

  putCart(cart: StoredCart): void {
    this.carts.set(cart.id, cart);
  }

  listIdleCarts(idleSince: string, afterId: string | undefined, limit: number): StoredCart[] {
    return [...this.carts.values()]
      .filter((c) => c.status === 'open' && c.lastEventAt <= idleSince && (afterId === undefined || c.id > afterId))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, limit);
  }

  // ---- LGPD (#18 §1–§2): consent records and data-subject requests ----
  private consent = new Map<string, ConsentRecord[]>();
  private privacy: StoredPrivacyRequest[] = [];

  appendConsentRecords(records: readonly ConsentRecord[]): void {
    for (const r of records) {
      const list = this.consent.get(r.customerId) ?? [];
      list.push(structuredClone(r));
      this.consent.set(r.customerId, list);
    }
  }

  listConsentRecords(customerId: string): ConsentRecord[] {
    return (this.consent.get(customerId) ?? []).map((r) => structuredClone(r));
  }

  putPrivacyRequest(request: PrivacyRequest): void {
    const at = this.privacy.findIndex((r) => r.id === request.id);
    if (at >= 0) this.privacy[at] = { ...structuredClone(request), seq: this.privacy[at]!.seq };
    else this.privacy.push({ ...structuredClone(request), seq: (this.privacy.at(-1)?.seq ?? 0) + 1 });
  }

  getPrivacyRequest(id: string): StoredPrivacyRequest | undefined {
    const r = this.privacy.find((x) => x.id === id);
    return r && structuredClone(r);
  }

  listPrivacyRequests({ status, customerId, beforeSeq, limit }: PrivacyRequestListParams): { items: StoredPrivacyRequest[]; hasMore: boolean } {
    const items: StoredPrivacyRequest[] = [];
    for (let i = this.privacy.length - 1; i >= 0 && items.length <= limit; i--) {
      const r = this.privacy[i]!;
      if ((status && r.status !== status) || (customerId && r.customerId !== customerId) || (beforeSeq !== undefined && r.seq >= beforeSeq)) continue;
      items.push(structuredClone(r));
    }
    const hasMore = items.length > limit;
    return { items: items.slice(0, limit), hasMore };
  }

  redactMessageRecipients(customerId: string, name: string, text: string): number {
    let n = 0;
    for (const r of this.recipients) {
      if (r.customerId !== customerId) continue;
      r.customerName = name;
      r.text = text;
      delete r.address;
      if (r.subject !== undefined) r.subject = text;
      n++;
    }
    return n;
  }

  // ---- managed API keys (#16 §4) ----
  private apiKeys = new Map<string, StoredApiKey>();
  private apiKeysByHash = new Map<string, string>();

  listApiKeys(): StoredApiKey[] {
    return [...this.apiKeys.values()].reverse().map((k) => ({ ...k }));
  }

  getApiKey(id: string): StoredApiKey | undefined {
    const k = this.apiKeys.get(id);
    return k && { ...k };
  }

  findApiKeyByHash(hash: string): StoredApiKey | undefined {
    const id = this.apiKeysByHash.get(hash);
    return id === undefined ? undefined : this.getApiKey(id);
  }

  putApiKey(key: StoredApiKey): void {
    const stored = this.apiKeys.get(key.id);
    this.apiKeys.set(key.id, { ...key, lastUsedAt: stored?.lastUsedAt ?? key.lastUsedAt });
    this.apiKeysByHash.set(key.hash, key.id);
  }

  touchApiKey(id: string, at: string): void {
    const k = this.apiKeys.get(id);
    if (k && (k.lastUsedAt === null || k.lastUsedAt < at)) k.lastUsedAt = at;
  }

  // ---- duplicates (#18 §3) ----
  private dupKeysByCustomer = new Map<string, DuplicateKeyRow[]>();
  private dupHolders = new Map<string, Map<string, DuplicateKeyRow>>();
  private dupPairs = new Map<string, StoredDuplicatePair>();
  private dupPairsByCustomer = new Map<string, Set<string>>();

  putDuplicateKeys(customerIds: readonly string[], rows: readonly DuplicateKeyRow[]): void {
    for (const id of customerIds) {
      for (const r of this.dupKeysByCustomer.get(id) ?? []) {
        const holders = this.dupHolders.get(r.key);
        holders?.delete(id);
        if (holders?.size === 0) this.dupHolders.delete(r.key);
      }
      this.dupKeysByCustomer.delete(id);
    }
    for (const r of rows) {
      const own = this.dupKeysByCustomer.get(r.customerId);
      if (own) own.push(r);
      else this.dupKeysByCustomer.set(r.customerId, [r]);
      let holders = this.dupHolders.get(r.key);
      if (!holders) this.dupHolders.set(r.key, (holders = new Map()));
      holders.set(r.customerId, r);
    }
  }

  duplicateKeyHolders(keys: readonly string[]): DuplicateKeyRow[] {
    return keys.flatMap((k) => [...(this.dupHolders.get(k)?.values() ?? [])]);
  }

  putDuplicatePairs(customerIds: readonly string[], pairs: readonly StoredDuplicatePair[]): void {
    for (const id of customerIds) {
      for (const k of [...(this.dupPairsByCustomer.get(id) ?? [])]) {
        const p = this.dupPairs.get(k);
        if (!p || p.dismissedAt) continue;
        this.dupPairs.delete(k);
        this.dupPairsByCustomer.get(p.a)?.delete(k);
        this.dupPairsByCustomer.get(p.b)?.delete(k);
      }
    }
    for (const p of pairs) {
      const k = `${p.a}|${p.b}`;
      const dismissedAt = this.dupPairs.get(k)?.dismissedAt;
      this.dupPairs.set(k, { ...p, reasons: p.reasons.map((r) => ({ ...r })), ...(dismissedAt ? { dismissedAt } : {}) });
      for (const id of [p.a, p.b]) {
        let set = this.dupPairsByCustomer.get(id);
        if (!set) this.dupPairsByCustomer.set(id, (set = new Set()));
        set.add(k);
      }
    }
  }

  listDuplicatePairs(params: DuplicateListParams): { items: StoredDuplicatePair[]; hasMore: boolean } {
    const pool = params.customerId ? [...(this.dupPairsByCustomer.get(params.customerId) ?? [])].map((k) => this.dupPairs.get(k)!) : [...this.dupPairs.values()];
    const items = firstInOrder(pool.filter((p) => !p.dismissedAt && afterPosition(p, params.after)), params.limit + 1, comparePairs);
    return { items: items.slice(0, params.limit).map((p) => structuredClone(p)), hasMore: items.length > params.limit };
  }

  getDuplicatePair(a: string, b: string): StoredDuplicatePair | undefined {
    const p = this.dupPairs.get(`${a}|${b}`);
    return p && structuredClone(p);
  }

  moveCustomerRecords(fromId: string, toId: string): { credits: number; messages: number } {
    const moved = (this.ledger.get(fromId) ?? []).map((e) => ({ ...e, customerId: toId }));
    if (moved.length) this.ledger.set(toId, [...(this.ledger.get(toId) ?? []), ...moved]);
    this.ledger.delete(fromId);
    for (const g of this.grants.values()) if (g.customerId === fromId) g.customerId = toId;
    const held = new Set(this.recipients.filter((r) => r.customerId === toId).map((r) => r.messageId));
    let messages = 0;
    for (const r of this.recipients) {
      if (r.customerId !== fromId || held.has(r.messageId)) continue;
      r.customerId = toId;
      messages++;
    }
    return { credits: moved.length, messages };
  }

  dismissDuplicatePair(a: string, b: string, at: string): StoredDuplicatePair | undefined {
    const p = this.dupPairs.get(`${a}|${b}`);
    if (!p) return undefined;
    p.dismissedAt ??= at;
    return structuredClone(p);
  }

  // ---- push devices (#17) ----
  private devices = new Map<string, StoredDevice>();
  private deviceByToken = new Map<string, string>();

  getDeviceByToken(token: string): StoredDevice | undefined {
    const id = this.deviceByToken.get(token);
    const d = id === undefined ? undefined : this.devices.get(id);
    return d && { ...d };
  }

  putDevice(device: StoredDevice): void {
    const old = this.devices.get(device.id);
    if (old) this.deviceByToken.delete(old.token);
    this.devices.set(device.id, { ...device });
    this.deviceByToken.set(device.token, device.id);
  }

  listDevices(customerId: string): StoredDevice[] {
    return [...this.devices.values()]
      .filter((d) => d.customerId === customerId)
      .sort((a, b) => (a.lastSeenAt < b.lastSeenAt ? 1 : a.lastSeenAt > b.lastSeenAt ? -1 : a.id < b.id ? 1 : -1))
      .map((d) => ({ ...d }));
  }

  deleteDevice(customerId: string, id: string): boolean {
    const d = this.devices.get(id);
    if (!d || d.customerId !== customerId) return false;
    this.devices.delete(id);
    this.deviceByToken.delete(d.token);
    return true;
  }

  deleteDevicesOf(customerId: string): number {
    let n = 0;
    for (const d of [...this.devices.values()]) if (d.customerId === customerId && this.deleteDevice(customerId, d.id)) n++;
    return n;
  }

  countDevices(customerIds: readonly string[]): Map<string, number> {
    const wanted = new Set(customerIds);
    const counts = new Map<string, number>();
    for (const d of this.devices.values()) if (wanted.has(d.customerId)) counts.set(d.customerId, (counts.get(d.customerId) ?? 0) + 1);
    return counts;
  }

  // ---- push devices in batches (the seed, #17) ----
  trimDevices(customerIds: readonly string[], keep: number): number {
    const wanted = new Set(customerIds);
    const held = new Map<string, StoredDevice[]>();
    // One pass over the devices, not one per customer (the seed trims thousands at once).
    for (const d of this.devices.values()) if (wanted.has(d.customerId)) held.set(d.customerId, [...(held.get(d.customerId) ?? []), d]);
    let gone = 0;
    for (const [customerId, list] of held) {
      if (list.length <= keep) continue;
      list.sort((a, b) => (a.lastSeenAt < b.lastSeenAt ? 1 : a.lastSeenAt > b.lastSeenAt ? -1 : a.id < b.id ? 1 : -1));
      for (const d of list.slice(keep)) if (this.deleteDevice(customerId, d.id)) gone++;
    }
    return gone;
  }

  close(): void {}
}

function withoutLease(d: StoredDelivery & { lease?: unknown }): StoredDelivery {
  const { lease: _lease, ...rest } = d;
  return { ...rest, attempts: [...rest.attempts] };
}

function recipientWithoutLease(r: StoredRecipient & { lease?: unknown }): StoredRecipient {
  const { lease: _lease, ...rest } = r;
  return rest;
}

/** Two batches' counts added up, field by field. */
function addCounts(a: StoredMessageBatch['counts'], b: StoredMessageBatch['counts']): StoredMessageBatch['counts'] {
  return { matched: a.matched + b.matched, recipients: a.recipients + b.recipients, noConsent: a.noConsent + b.noConsent, noContact: a.noContact + b.noContact, inactive: a.inactive + b.inactive };
}
