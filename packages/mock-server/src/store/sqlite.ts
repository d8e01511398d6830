import Database from 'better-sqlite3';
import { searchKey } from '@clientela/core/format';
import { countsAsPurchase, filterFieldsOf, filterReadsCredits, filterReadsUnits, filterTest, ORDER_STATUSES, type AuditEntry, type CreditEntry, type Customer, type CustomerSortField, type CustomerSource, type FilterFields, type Order, type Unit, type View } from '@clientela/core/schemas';
import { filterSql, sourcesColumn, sourcesFromColumn, type FilterDialect } from './filter-sql.js';
import { applyToBalances, UNIT_SORT_FIELDS, withUnitFigures } from './ledger.js';
import { maskJson, queryKey, queryTokens, scanByPages, searchTextOf, sortKeyOf } from './search.js';
import { migrateSqlite } from './sqlite-migrations.js';
import type { AuditQueryParams, CustomerQuery, ListJsonResult, ListParams, ListResult, OrderFigures, OrderListParams, OrderListResult, SortSpec, StoredAudit, StoredCategory, SyncStore } from './types.js';
import { auditNeedle } from './audit-needle.js';
import type { RecipientListParams, RecipientOutcome, StoredMessageBatch, StoredRecipient } from './types.js';
import type { CategoryFigureSums, FiguresWindow } from './types.js';
import type { AutomationOccasion, StoredAutomation, StoredCart } from './types.js';
import type { MessageChannel, MessageProgress } from '@clientela/core/schemas';
import { batchOf, emptyProgress, recipientData, recipientOf } from './message-rows.js';
import type { DeliveryListParams, DeliveryOutcome, EventListParams, EventListResult, NewEvent, StoredDelivery, StoredWebhookEndpoint } from './types.js';
import { afterAttempt } from './webhook-rows.js';
import type { StoredApiKey } from './types.js';
import type { StoredDevice } from './types.js';
import { pairOfRow, type DuplicateKeyRow, type DuplicateListParams, type DuplicatePairRow, type StoredDuplicatePair } from './duplicate-rows.js';
import type { Event } from '@clientela/core/schemas';
import type { ConsentRecord, PrivacyRequest } from '@clientela/core/schemas';
import type { PrivacyRequestListParams, StoredPrivacyRequest } from './types.js';
import { privacyRequestOf, redactedRecipient } from './privacy-rows.js';

const SORT_INDEXES: Record<CustomerSortField, string> = {
  name: 'customers_name',
  createdAt: 'customers_created',
  lastPurchaseAt: 'customers_last_purchase',
  totalSpent: 'customers_spent',
  ordersCount: 'customers_orders',
  visitsCount: 'customers_visits',
  status: 'customers_status_rank',
};

const SECONDARY_INDEXES = [...Object.values(SORT_INDEXES), 'customers_document', 'customers_email'];

/** Above this many text matches, walking the sort index beats sorting the matches. */
const MANY_MATCHES = 1500;

const STATUS_CODES: Record<string, number> = { active: 1, inactive: 2, blocked: 3, deleted: 4, merged: 5 };

const SORT_COLUMNS: Record<CustomerSortField, string> = {
  name: 'name_key',
  createdAt: 'created_at',
  lastPurchaseAt: 'last_purchase_at',
  totalSpent: 'total_spent',
  ordersCount: 'orders_count',
  visitsCount: 'visits_count',
  status: 'status_rank',
};

/** The sort columns a list for one unit reads from its figures (a customer without orders there has no row: zero, never). */
const UNIT_SORT_COLUMNS = { totalSpent: 'coalesce(u.u_spent, 0)', ordersCount: 'coalesce(u.u_orders, 0)', lastPurchaseAt: "coalesce(u.u_last, '')" } as const;

/** A unit's figures as a list page reads them (all null without a row). */
interface UnitFigureRow {
  u_orders?: number | null;
  u_spent?: number | null;
  u_first?: string | null;
  u_last?: string | null;
  u_rating_sum?: number | null;
  u_rating_count?: number | null;
}

function unitFiguresOf(r: UnitFigureRow): OrderFigures | undefined {
  if (r.u_orders === null || r.u_orders === undefined) return undefined;
  return { count: r.u_orders, totalCents: r.u_spent ?? 0, firstAt: r.u_first ?? null, lastAt: r.u_last ?? null, ratingSum: r.u_rating_sum ?? 0, ratingCount: r.u_rating_count ?? 0 };
}

function row(c: Customer) {
  const f = filterFieldsOf(c);
  return {
    birth_md: f.birthday,
    city_key: f.city,
    uf: f.state,
    source: f.source,
    sources: sourcesColumn(f.sources),
    consent: f.consent,
    id: c.id,
    kind: c.kind,
    status: c.status,
    document: c.document,
    email: c.email?.toLowerCase() ?? null,
    name_key: sortKeyOf(c, 'name'),
    created_at: c.createdAt,
    last_purchase_at: sortKeyOf(c, 'lastPurchaseAt'),
    total_spent: c.stats.totalSpentCents,
    orders_count: c.stats.ordersCount,
    visits_count: sortKeyOf(c, 'visitsCount'),
    status_rank: sortKeyOf(c, 'status'),
    search: searchTextOf(c),
  };
}

/** Whether a query's filter reads the ledger or the orders (whose writes do not clear the count cache). */
function readsOtherTables(query: CustomerQuery): boolean {
  return query.filter !== undefined && (filterReadsCredits(query.filter) || filterReadsUnits(query.filter));
}

/** Filters in SQLite's SQL: `?` placeholders pushed onto `args`, categories from their link table. */
function sqliteDialect(args: unknown[]): FilterDialect {
  const arg = (v: unknown) => (args.push(v), '?');
  return {
    arg,
    int: arg,
    inList: (values) => `IN (${values.map(arg).join(', ')})`,
    categories: (match, ids) => {
      const list = [...new Set(ids)];
      const inIds = `category_id IN (${list.map(arg).join(', ')})`;
      if (match === 'all') return `(SELECT count(*) FROM customer_categories WHERE customer_seq = customers.seq AND ${inIds}) = ${list.length}`;
      return `seq ${match === 'none' ? 'NOT IN' : 'IN'} (SELECT customer_seq FROM customer_categories WHERE ${inIds})`;
    },
  };
}

/** The statuses that count as a purchase, as an SQL list. */
const COUNTED = ORDER_STATUSES.filter(countsAsPurchase).map((st) => `'${st}'`).join(', ');

function orderRow(o: Order) {
  return {
    id: o.id,
    customer_id: o.customerId,
    unit_key: o.unitId ?? '',
    number: o.number,
    placed_at: o.placedAt,
    status: o.status,
    total_cents: o.totalCents,
    rating: o.rating ?? null,
    version: o.version,
    data: JSON.stringify(o),
  };
}

function ftsPhrase(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

/**
 * SQLite store (better-sqlite3). WAL with `synchronous = FULL`: every acknowledged commit is
 * fsynced to the WAL before the response leaves, so a crash or power cut loses nothing that was
 * acknowledged (NORMAL would be crash-safe but may drop the last commits on power loss). Searches
 * use an FTS5 trigram index over the same search text the memory store uses; sorts use ordinary
 * (column, id) indexes, so keyset pages are index range scans.
 */
export class SqliteStore implements SyncStore {
  readonly kind = 'sqlite' as const;
  private db: Database.Database;
  private countCache = new Map<string, number>();
  private stmts;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // SQLite's own page cache is 2 MB unless told: at 100,000 customers nearly every index step
    // then copied a page from the OS with a pread. 64 MB of cache, and the file mapped (reads
    // served from the OS's pages without a copy), keep a store of that size in memory.
    this.db.pragma('cache_size = -65536');
    this.db.pragma('mmap_size = 1073741824');
    // Refuses a file from a newer server before anything reads or writes it.
    migrateSqlite(this.db, path);
    const db = this.db;
    this.stmts = {
      count: db.prepare('SELECT count(*) AS n FROM customers'),
      get: db.prepare('SELECT d.data FROM customers c JOIN customer_data d ON d.seq = c.seq WHERE c.id = ?').pluck(),
      // A merged record holds its document and e-mail no more (holdsIdentity); `status <> 'deleted'` is kept as a term of its own so the partial index serves.
      byDoc: db.prepare("SELECT d.data FROM customers c JOIN customer_data d ON d.seq = c.seq WHERE c.document = ? AND c.status <> 'deleted' AND c.status <> 'merged'").pluck(),
      byEmail: db.prepare("SELECT d.data FROM customers c JOIN customer_data d ON d.seq = c.seq WHERE c.email = ? AND c.status <> 'deleted' AND c.status <> 'merged'").pluck(),
      insert: db.prepare(`INSERT INTO customers (id, kind, status, document, email, name_key, created_at, last_purchase_at, total_spent, orders_count, visits_count, status_rank, search, birth_md, city_key, uf, source, consent, sources)
        VALUES (@id, @kind, @status, @document, @email, @name_key, @created_at, @last_purchase_at, @total_spent, @orders_count, @visits_count, @status_rank, @search, @birth_md, @city_key, @uf, @source, @consent, @sources)`),
      insertFts: db.prepare('INSERT INTO customers_fts (rowid, search) VALUES (?, ?)'),
      putData: db.prepare('INSERT INTO customer_data (seq, data) VALUES (?, ?) ON CONFLICT (seq) DO UPDATE SET data = excluded.data'),
      update: db.prepare(`UPDATE customers SET kind=@kind, status=@status, document=@document, email=@email, name_key=@name_key, created_at=@created_at,
        last_purchase_at=@last_purchase_at, total_spent=@total_spent, orders_count=@orders_count, visits_count=@visits_count, status_rank=@status_rank, search=@search,
        birth_md=@birth_md, city_key=@city_key, uf=@uf, source=@source, consent=@consent, sources=@sources WHERE id=@id`),
      seqOf: db.prepare('SELECT seq FROM customers WHERE id = ?').pluck(),
      delCats: db.prepare('DELETE FROM customer_categories WHERE customer_seq = ?'),
      addCat: db.prepare('INSERT OR IGNORE INTO customer_categories (category_id, customer_seq) VALUES (?, ?)'),
      catCounts: db.prepare(`SELECT cc.category_id AS id, count(*) AS n FROM customer_categories cc JOIN customers c ON c.seq = cc.customer_seq
        WHERE c.status NOT IN ('deleted', 'merged') GROUP BY cc.category_id`),
      categories: db.prepare('SELECT data FROM categories ORDER BY rowid').pluck(),
      category: db.prepare('SELECT data FROM categories WHERE id = ?').pluck(),
      putCategory: db.prepare('INSERT INTO categories (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data'),
      views: db.prepare('SELECT data FROM views ORDER BY seq').pluck(),
      view: db.prepare('SELECT data FROM views WHERE id = ?').pluck(),
      putView: db.prepare('INSERT INTO views (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data'),
      delView: db.prepare('DELETE FROM views WHERE id = ?'),
      getMeta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      getLiveMeta: db.prepare('SELECT value FROM meta WHERE key = ? AND (expires_at IS NULL OR expires_at > ?)').pluck(),
      setMeta: db.prepare('INSERT INTO meta (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at'),
      delMeta: db.prepare('DELETE FROM meta WHERE key = ?'),
      purgeMeta: db.prepare('DELETE FROM meta WHERE expires_at IS NOT NULL AND expires_at <= ?'),
      addAudit: db.prepare('INSERT INTO audit (action, at, data) VALUES (?, ?, ?)'),
      insertOrder: db.prepare(`INSERT INTO orders (id, customer_id, unit_key, number, placed_at, status, total_cents, rating, version, data)
        VALUES (@id, @customer_id, @unit_key, @number, @placed_at, @status, @total_cents, @rating, @version, @data)`),
      updateOrder: db.prepare(`UPDATE orders SET customer_id=@customer_id, unit_key=@unit_key, number=@number, placed_at=@placed_at, status=@status,
        total_cents=@total_cents, rating=@rating, version=@version, data=@data WHERE id=@id`),
      getOrder: db.prepare('SELECT data FROM orders WHERE id = ?').pluck(),
      orderByNumber: db.prepare('SELECT data FROM orders WHERE unit_key = ? AND number = ?').pluck(),
      figures: db.prepare(`SELECT count(*) FILTER (WHERE counted) AS count, coalesce(sum(total_cents) FILTER (WHERE counted), 0) AS total,
        min(placed_at) FILTER (WHERE counted) AS first, max(placed_at) FILTER (WHERE counted) AS last,
        coalesce(sum(rating), 0) AS rating_sum, count(rating) AS rating_count
        FROM (SELECT *, status IN (${COUNTED}) AS counted FROM orders WHERE customer_id = ?)`),
      addEntry: db.prepare(`INSERT INTO credit_entries (id, customer_id, type, grant_id, kind, amount_cents, expires_at, remaining_cents, at, data)
        VALUES (@id, @customer_id, @type, @grant_id, @kind, @amount_cents, @expires_at, @remaining_cents, @at, @data)`),
      grant: db.prepare(`SELECT customer_id AS customerId, remaining_cents AS remaining,
        EXISTS (SELECT 1 FROM credit_entries x WHERE x.grant_id = g.id AND x.type = 'expiry') AS expired
        FROM credit_entries g WHERE id = ? AND type = 'grant'`),
      setRemaining: db.prepare("UPDATE credit_entries SET remaining_cents = ? WHERE id = ? AND type = 'grant'"),
      entriesOf: db.prepare('SELECT data FROM credit_entries WHERE customer_id = ? ORDER BY seq').pluck(),
      allEntries: db.prepare('SELECT data FROM credit_entries ORDER BY customer_id, seq').pluck(),
      // sync by document (#16 §2)
      byExternalId: db.prepare(`SELECT d.data FROM customer_external_ids x JOIN customers c ON c.id = x.customer_id JOIN customer_data d ON d.seq = c.seq
        WHERE x.source = ? AND x.external_id = ? AND c.status <> 'deleted'`).pluck(),
      delExternalIds: db.prepare('DELETE FROM customer_external_ids WHERE customer_id = ?'),
      addExternalId: db.prepare('INSERT INTO customer_external_ids (source, external_id, customer_id) VALUES (?, ?, ?)'),
    };
    this.loadColumns();
  }

  /** The `CREATE INDEX` statements of the secondary indexes, as the migrations wrote them. */
  private secondaryIndexSql(): string[] {
    const names = SECONDARY_INDEXES.map(() => '?').join(',');
    return this.db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name IN (${names})`).pluck().all(...SECONDARY_INDEXES) as string[];
  }

  private statements = new Map<string, Database.Statement>();

  /** Prepared statements by SQL text (list queries vary by filter, but a handful of shapes recur). */
  private prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      if (this.statements.size > 500) this.statements.clear();
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
  }

  commit(): void {
    this.db.exec('COMMIT');
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.forgetUncommitted();
  }

  /** The rollback undid the rows; the in-process columns and caches must follow. */
  private forgetUncommitted(): void {
    this.loadColumns();
    this.itemCache.clear();
    this.countCache.clear();
    this.ftsMemo = undefined;
    this.filteredMemo = undefined;
  }

  transaction<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn)();
    } catch (e) {
      this.forgetUncommitted();
      throw e;
    }
  }

  customerCount(): number {
    return (this.stmts.count.get() as { n: number }).n;
  }

  getCustomer(id: string): Customer | undefined {
    const data = this.stmts.get.get(id) as string | undefined;
    return data === undefined ? undefined : (JSON.parse(data) as Customer);
  }

  findByDocument(document: string): Customer | undefined {
    const data = this.stmts.byDoc.get(document) as string | undefined;
    return data === undefined ? undefined : (JSON.parse(data) as Customer);
  }

  findByEmail(email: string): Customer[] {
    return (this.stmts.byEmail.all(email.toLowerCase()) as string[]).map((d) => JSON.parse(d) as Customer);
  }

  /** A live customer's external ids, one row each (the primary key refuses one a live customer holds); a deleted one holds none. */
  private writeExternalIds(c: Customer): void {
    this.stmts.delExternalIds.run(c.id);
    if (c.status === 'deleted') return;
    for (const [source, id] of Object.entries(c.externalIds ?? {})) if (id !== undefined) this.stmts.addExternalId.run(source, id, c.id);
  }

  // ---- sync by document (#16 §2) ----
  findByExternalId(source: CustomerSource, externalId: string): Customer | undefined {
    const data = this.stmts.byExternalId.get(source, externalId) as string | undefined;
    return data === undefined ? undefined : (JSON.parse(data) as Customer);
  }

  private writeCategories(seq: number, c: Customer): void {
    this.stmts.delCats.run(seq);
    for (const id of c.categoryIds) this.stmts.addCat.run(id, seq);
  }

  insertCustomer(customer: Customer): void {
    this.transaction(() => {
      const r = row(customer);
      const seq = Number(this.stmts.insert.run(r).lastInsertRowid);
      this.stmts.insertFts.run(seq, r.search);
      this.stmts.putData.run(seq, JSON.stringify(customer));
      this.writeCategories(seq, customer);
      this.writeExternalIds(customer);
      this.remember(seq, customer);
    });
    this.countCache.clear();
    this.ftsMemo = undefined;
    this.filteredMemo = undefined;
  }

  insertCustomers(customers: readonly Customer[]): void {
    const rebuild = this.customerCount() === 0;
    this.transaction(() => {
      // Into an empty store, secondary indexes are dropped and rebuilt once by sorting, rather
      // than updated 100,000 times in random key order.
      // Their definitions are read back from the file, where the migrations put them.
      const indexes = rebuild ? this.secondaryIndexSql() : [];
      for (const name of SECONDARY_INDEXES.filter(() => rebuild)) this.db.exec(`DROP INDEX IF EXISTS ${name}`);
      for (const c of customers) {
        const r = row(c);
        const seq = Number(this.stmts.insert.run(r).lastInsertRowid);
        // Into an empty store, the full-text index is built once at the end (much faster than
        // 100,000 incremental inserts).
        if (!rebuild) this.stmts.insertFts.run(seq, r.search);
        this.stmts.putData.run(seq, JSON.stringify(c));
        for (const id of c.categoryIds) this.stmts.addCat.run(id, seq);
        if (c.externalIds) this.writeExternalIds(c);
        this.remember(seq, c);
      }
      if (rebuild) {
        this.db.exec("INSERT INTO customers_fts (customers_fts) VALUES ('rebuild')");
        for (const sql of indexes) this.db.exec(sql);
      }
    });
    this.db.exec('ANALYZE');
    this.countCache.clear();
    this.ftsMemo = undefined;
    this.filteredMemo = undefined;
  }

  updateCustomer(customer: Customer): void {
    this.transaction(() => {
      this.stmts.update.run(row(customer));
      const seq = this.stmts.seqOf.get(customer.id) as number;
      this.itemCache.delete(seq);
      this.stmts.putData.run(seq, JSON.stringify(customer));
      this.writeCategories(seq, customer);
      this.writeExternalIds(customer);
      this.remember(seq, customer);
    });
    this.countCache.clear();
    this.ftsMemo = undefined;
    this.filteredMemo = undefined;
  }

  /** The WHERE clause; with `rowids`, the text search is that list, and with `filtered`, the list already passed the filter. */
  private where(query: CustomerQuery, rowids?: number[], filtered = false): { sql: string; args: unknown[] } {
    const parts: string[] = [];
    const args: unknown[] = [];
    parts.push(`status IN (${query.statuses.map(() => '?').join(',') || "''"})`);
    args.push(...query.statuses);
    if (query.kind) {
      parts.push('kind = ?');
      args.push(query.kind);
    }
    if (query.categoryIds?.length) {
      parts.push(`seq IN (SELECT customer_seq FROM customer_categories WHERE category_id IN (${query.categoryIds.map(() => '?').join(',')}))`);
      args.push(...query.categoryIds);
    }
    if (query.ids) {
      parts.push('id IN (SELECT value FROM json_each(?))');
      args.push(JSON.stringify(query.ids));
    }
    if (query.exceptIds?.length) {
      parts.push('id NOT IN (SELECT value FROM json_each(?))');
      args.push(JSON.stringify(query.exceptIds));
    }
    const filter = filtered ? undefined : filterSql(query.filter, sqliteDialect(args));
    if (filter) parts.push(filter);
    const tokens = queryTokens(query.q);
    const long = tokens.filter((t) => t.length >= 3);
    if (rowids) {
      // The match set was already fetched for the count: reuse it rather than run the FTS twice.
      parts.push('seq IN (SELECT value FROM json_each(?))');
      args.push(JSON.stringify(rowids));
    } else if (long.length) {
      parts.push('seq IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?)');
      args.push(long.map(ftsPhrase).join(' AND '));
    }
    for (const t of tokens.filter((t) => t.length < 3)) {
      parts.push("instr(search, ?) > 0");
      args.push(t);
    }
    return { sql: parts.join(' AND '), args };
  }

  /** The page's SQL and its arguments, `LIMIT` (one row more than the page, to tell `hasMore`) and `OFFSET` included. */
  private pageSql({ query, sort, after, offset, limit, unit }: ListParams, select: string): { sql: string; args: unknown[] } {
    // SQLite cannot tell how many rows an FTS match returns; for a common fragment, walking the
    // sort index (and probing the match set) finds the first page after a few rows, while the
    // default plan would fetch and sort every match.
    const narrowed = this.filteredMatches(query);
    const matches = narrowed ?? this.ftsRowids(query);
    const where = this.where(query, matches, narrowed !== undefined);
    const bySeq = unit !== undefined && UNIT_SORT_FIELDS.has(sort.field);
    const hint = matches && matches.length > MANY_MATCHES && !bySeq ? ` INDEXED BY ${SORT_INDEXES[sort.field]}` : '';
    const col = bySeq ? UNIT_SORT_COLUMNS[sort.field as keyof typeof UNIT_SORT_COLUMNS] : SORT_COLUMNS[sort.field];
    // For one unit, each row's figures there (none: no row) ride along, and sort when asked to.
    const join = unit !== undefined ? ' LEFT JOIN unit_figures u ON u.u_unit = ? AND u.u_customer = customers.id' : '';
    const sql = where.sql;
    const args = unit !== undefined ? [unit, ...where.args] : where.args;
    if (unit !== undefined) select += ', u.u_orders, u.u_spent, u.u_first, u.u_last, u.u_rating_sum, u.u_rating_count';
    const dir = sort.desc ? 'DESC' : 'ASC';
    let keyset = '';
    const keyArgs: unknown[] = [];
    if (after) {
      const op = sort.desc ? '<' : '>';
      keyset = ` AND (${col} ${op} ? OR (${col} = ? AND id ${op} ?))`;
      keyArgs.push(after.key, after.key, after.id);
    }
    return { sql: `SELECT ${select.replace('$col', col)} FROM customers${hint}${join} WHERE ${sql}${keyset} ORDER BY ${col} ${dir}, id ${dir} LIMIT ? OFFSET ?`, args: [...args, ...keyArgs, limit + 1, offset ?? 0] };
  }

  /** The page over the slim table, then the documents of just those rows. */
  private pageRows(params: ListParams): (UnitFigureRow & { data: string; document: string; id: string; k: string | number })[] {
    const { sql, args } = this.pageSql(params, 'seq, document, id, $col AS k');
    const dir = params.sort.desc ? 'DESC' : 'ASC';
    return this.prepare(`SELECT d.data, p.* FROM (${sql}) p JOIN customer_data d ON d.seq = p.seq ORDER BY p.k ${dir}, p.id ${dir}`).all(...args) as (UnitFigureRow & { data: string; document: string; id: string; k: string | number })[];
  }

  /**
   * Masked list-item JSON by seq, for rows recently listed. This process is the only writer, so an
   * entry is dropped on every write of its row; the map is bounded.
   */
  private itemCache = new Map<number, string>();

  listCustomersJson(params: ListParams): ListJsonResult {
    if (params.unit !== undefined) {
      // Figures for one unit: the documents are rewritten for this page, not cached.
      const rows = this.pageRows(params);
      const page = rows.slice(0, params.limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => maskJson(JSON.stringify(withUnitFigures(JSON.parse(r.data) as Customer, unitFiguresOf(r))), r.document)),
        last: last && { key: last.k, id: last.id },
        hasMore: rows.length > params.limit,
        total: this.countCustomers(params.query),
      };
    }
    const { sql, args } = this.pageSql(params, 'seq, document, id, $col AS k');
    const keys = this.prepare(sql).all(...args) as { seq: number; document: string; id: string; k: string | number }[];
    const hasMore = keys.length > params.limit;
    const page = keys.slice(0, params.limit);
    const missing = page.filter((r) => !this.itemCache.has(r.seq)).map((r) => r.seq);
    if (missing.length) {
      const docs = this.prepare('SELECT seq, data FROM customer_data WHERE seq IN (SELECT value FROM json_each(?))').all(JSON.stringify(missing)) as { seq: number; data: string }[];
      if (this.itemCache.size > 20_000) this.itemCache.clear();
      const bySeq = new Map(page.map((r) => [r.seq, r.document]));
      for (const d of docs) this.itemCache.set(d.seq, maskJson(d.data, bySeq.get(d.seq) ?? ''));
    }
    const last = page[page.length - 1];
    return {
      items: page.map((r) => this.itemCache.get(r.seq) as string),
      last: last && { key: last.k, id: last.id },
      hasMore,
      total: this.countCustomers(params.query),
    };
  }

  listCustomers(params: ListParams): ListResult {
    const rows = this.pageRows(params);
    const hasMore = rows.length > params.limit;
    const items = rows.slice(0, params.limit).map((r) => (params.unit === undefined ? (JSON.parse(r.data) as Customer) : withUnitFigures(JSON.parse(r.data) as Customer, unitFiguresOf(r))));
    return { items, hasMore, total: this.countCustomers(params.query) };
  }

  /** Status and kind per seq, kept in process (this process is the only writer) so counting the matches of a search needs no row lookups. */
  private statusBySeq = new Uint8Array(0);
  private kindBySeq = new Uint8Array(0);

  /** What filters read, per seq, kept in process like status and kind, for searches with a filter. */
  private fieldsBySeq: FilterFields[] = [];

  private remember(seq: number, c: Customer, fields: FilterFields = filterFieldsOf(c)): void {
    if (seq >= this.statusBySeq.length) {
      const size = Math.max(1024, seq * 2);
      const s = new Uint8Array(size);
      s.set(this.statusBySeq);
      const k = new Uint8Array(size);
      k.set(this.kindBySeq);
      this.statusBySeq = s;
      this.kindBySeq = k;
    }
    this.statusBySeq[seq] = STATUS_CODES[c.status] ?? 0;
    this.kindBySeq[seq] = c.kind === 'person' ? 1 : 2;
    this.fieldsBySeq[seq] = fields;
  }

  /** The in-process columns, read back from the rows (the filter fields from the columns the migrations and writes keep). */
  private loadColumns(): void {
    this.fieldsBySeq = [];
    const categories = new Map<number, string[]>();
    for (const r of this.db.prepare('SELECT customer_seq AS seq, category_id AS id FROM customer_categories').iterate() as Iterable<{ seq: number; id: string }>) {
      const list = categories.get(r.seq);
      if (list) list.push(r.id);
      else categories.set(r.seq, [r.id]);
    }
    const rows = this.db
      .prepare('SELECT seq, status, kind, source, sources, uf, city_key, birth_md, consent, total_spent, orders_count, last_purchase_at, created_at FROM customers')
      .iterate() as Iterable<{ seq: number; status: string; kind: string; source: string; sources: string; uf: string; city_key: string; birth_md: string; consent: number; total_spent: number; orders_count: number; last_purchase_at: string; created_at: string }>;
    for (const r of rows) {
      const fields: FilterFields = {
        kind: r.kind, status: r.status, source: r.source, sources: sourcesFromColumn(r.sources), state: r.uf, city: r.city_key, birthday: r.birth_md, categoryIds: categories.get(r.seq) ?? [],
        consent: r.consent, totalSpent: r.total_spent, ordersCount: r.orders_count, lastPurchaseAt: r.last_purchase_at, createdAt: r.created_at,
      };
      this.remember(r.seq, { status: r.status, kind: r.kind } as Customer, fields);
    }
  }

  /**
   * A search with a filter: the FTS matches that pass status, kind and the filter, tested in
   * process on the kept fields (core's filterTest), so neither the page nor the count looks up
   * every match's row. Memoized for the request's page and count; undefined when the query has
   * no usable text or no filter.
   */
  private filteredMemo: { key: string; seqs: number[] } | undefined;

  private filteredMatches(query: CustomerQuery): number[] | undefined {
    // Credit and unit conditions read the ledger and orders tables: those filters stay in SQL.
    if (!query.filter?.length || readsOtherTables(query)) return undefined;
    const rowids = this.ftsRowids(query);
    if (!rowids) return undefined;
    const key = `${this.ftsMemo?.key}|${queryKey(query)}`;
    if (this.filteredMemo?.key === key) return this.filteredMemo.seqs;
    const test = filterTest(query.filter);
    const statuses = new Set(query.statuses.map((st) => STATUS_CODES[st]));
    const kind = query.kind ? (query.kind === 'person' ? 1 : 2) : 0;
    const seqs: number[] = [];
    for (const seq of rowids) {
      if (!statuses.has(this.statusBySeq[seq]) || (kind && this.kindBySeq[seq] !== kind)) continue;
      const fields = this.fieldsBySeq[seq];
      if (fields && test(fields)) seqs.push(seq);
    }
    this.filteredMemo = { key, seqs };
    return seqs;
  }

  /** Seqs whose search text holds every token (one FTS query per request, memoized), or undefined without a usable token. */
  private ftsMemo: { key: string; rowids: number[] } | undefined;

  private ftsRowids(query: CustomerQuery): number[] | undefined {
    const tokens = queryTokens(query.q);
    if (!tokens.length || tokens.some((t) => t.length < 3)) return undefined;
    const match = tokens.map(ftsPhrase).join(' AND ');
    if (this.ftsMemo?.key === match) return this.ftsMemo.rowids;
    const rowids = this.prepare('SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?').pluck().all(match) as number[];
    this.ftsMemo = { key: match, rowids };
    return rowids;
  }

  countCustomers(query: CustomerQuery): number {
    const narrowed = this.filteredMatches(query);
    if (narrowed && !query.categoryIds?.length && !query.ids && !query.exceptIds?.length) return narrowed.length;
    const rowids = query.categoryIds?.length || query.ids || query.exceptIds?.length || query.filter?.length ? undefined : this.ftsRowids(query);
    if (rowids) {
      const statuses = new Set(query.statuses.map((st) => STATUS_CODES[st]));
      const kind = query.kind ? (query.kind === 'person' ? 1 : 2) : 0;
      let n = 0;
      for (const seq of rowids) if (statuses.has(this.statusBySeq[seq]) && (!kind || this.kindBySeq[seq] === kind)) n++;
      return n;
    }
    // Unfiltered totals are cached until the next write; text searches are counted every time.
    const cacheKey = query.q || readsOtherTables(query) ? undefined : queryKey(query);
    const cached = cacheKey === undefined ? undefined : this.countCache.get(cacheKey);
    if (cached !== undefined) return cached;
    // A search's matches come from the memoized FTS query (and filter) rather than a second run of it.
    const { sql, args } = narrowed ? this.where(query, narrowed, true) : this.where(query, this.ftsRowids(query));
    const n = (this.prepare(`SELECT count(*) AS n FROM customers WHERE ${sql}`).get(...args) as { n: number }).n;
    if (cacheKey !== undefined) {
      if (this.countCache.size > 1000) this.countCache.clear();
      this.countCache.set(cacheKey, n);
    }
    return n;
  }

  scanCustomers(query: CustomerQuery, sort: SortSpec): Iterable<Customer> {
    return scanByPages(this, query, sort);
  }

  categoryCounts(): Map<string, number> {
    return new Map((this.stmts.catCounts.all() as { id: string; n: number }[]).map((r) => [r.id, r.n]));
  }

  listCategories(): StoredCategory[] {
    return (this.stmts.categories.all() as string[]).map((d) => JSON.parse(d) as StoredCategory);
  }

  getCategory(id: string): StoredCategory | undefined {
    const d = this.stmts.category.get(id) as string | undefined;
    return d === undefined ? undefined : (JSON.parse(d) as StoredCategory);
  }

  putCategory(category: StoredCategory): void {
    this.stmts.putCategory.run(category.id, JSON.stringify(category));
  }

  listViews(): View[] {
    return (this.stmts.views.all() as string[]).map((d) => JSON.parse(d) as View);
  }

  getView(id: string): View | undefined {
    const d = this.stmts.view.get(id) as string | undefined;
    return d === undefined ? undefined : (JSON.parse(d) as View);
  }

  putView(view: View): void {
    this.stmts.putView.run(view.id, JSON.stringify(view));
  }

  deleteView(id: string): void {
    this.stmts.delView.run(id);
  }

  insertOrder(order: Order): void {
    this.stmts.insertOrder.run(orderRow(order));
  }

  getOrder(id: string): Order | undefined {
    const d = this.stmts.getOrder.get(id) as string | undefined;
    return d === undefined ? undefined : (JSON.parse(d) as Order);
  }

  findOrderByNumber(number: string, unitId?: string): Order | undefined {
    const d = this.stmts.orderByNumber.get(unitId ?? '', number) as string | undefined;
    return d === undefined ? undefined : (JSON.parse(d) as Order);
  }

  updateOrder(order: Order): void {
    this.stmts.updateOrder.run(orderRow(order));
  }

  listOrders({ customerId, status, after, limit }: OrderListParams): OrderListResult {
    const parts: string[] = [];
    const args: unknown[] = [];
    if (customerId !== undefined) (parts.push('customer_id = ?'), args.push(customerId));
    if (status) (parts.push('status = ?'), args.push(status));
    if (after) (parts.push('(placed_at < ? OR (placed_at = ? AND id < ?))'), args.push(after.placedAt, after.placedAt, after.id));
    const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const rows = this.prepare(`SELECT data FROM orders ${where} ORDER BY placed_at DESC, id DESC LIMIT ?`).pluck().all(...args, limit + 1) as string[];
    return { items: rows.slice(0, limit).map((d) => JSON.parse(d) as Order), hasMore: rows.length > limit };
  }

  categoryFigureSums({ start, split, at }: FiguresWindow): CategoryFigureSums[] {
    const sums = new Map<string, CategoryFigureSums>();
    const members = this.prepare(
      `SELECT cc.category_id AS id, count(*) AS members, sum(c.orders_count) AS orders, sum(c.total_spent) AS spent
       FROM customer_categories cc JOIN customers c ON c.seq = cc.customer_seq
       WHERE c.status NOT IN ('deleted', 'merged') GROUP BY cc.category_id`,
    ).all() as { id: string; members: number; orders: number; spent: number }[];
    for (const r of members) sums.set(r.id, { categoryId: r.id, members: r.members, ordersCount: r.orders, totalSpentCents: r.spent, ordersLast: 0, ordersPrevious: 0 });
    const windows = this.prepare(
      `SELECT cc.category_id AS id, sum(o.placed_at >= ?) AS last, sum(o.placed_at < ?) AS previous
       FROM orders o JOIN customers c ON c.id = o.customer_id JOIN customer_categories cc ON cc.customer_seq = c.seq
       WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status IN (${COUNTED}) AND c.status NOT IN ('deleted', 'merged')
       GROUP BY cc.category_id`,
    ).all(split, split, start, at) as { id: string; last: number; previous: number }[];
    for (const r of windows) {
      const f = sums.get(r.id);
      if (f) (f.ordersLast = r.last), (f.ordersPrevious = r.previous);
    }
    return [...sums.values()];
  }

  orderFigures(customerId: string): OrderFigures {
    const r = this.stmts.figures.get(customerId) as { count: number; total: number; first: string | null; last: string | null; rating_sum: number; rating_count: number };
    return { count: r.count, totalCents: r.total, firstAt: r.first, lastAt: r.last, ratingSum: r.rating_sum, ratingCount: r.rating_count };
  }

  appendCreditEntries(entries: readonly CreditEntry[]): void {
    this.transaction(() => {
      const balances = applyToBalances(entries, (id) => {
        const g = this.stmts.grant.get(id) as { customerId: string; remaining: number; expired: number } | undefined;
        return g && { customerId: g.customerId, remaining: g.remaining, expired: g.expired === 1 };
      });
      for (const e of entries) {
        this.stmts.addEntry.run({
          id: e.id,
          customer_id: e.customerId,
          type: e.type,
          grant_id: e.type === 'grant' ? null : e.grantId,
          kind: e.type === 'grant' ? e.kind : null,
          amount_cents: e.amountCents,
          expires_at: e.type === 'grant' ? e.expiresAt : null,
          remaining_cents: e.type === 'grant' ? e.amountCents : null,
          at: e.at,
          data: JSON.stringify(e),
        });
      }
      for (const [id, remaining] of balances) this.stmts.setRemaining.run(remaining, id);
    });
  }

  creditEntries(customerId: string): CreditEntry[] {
    return (this.stmts.entriesOf.all(customerId) as string[]).map((d) => JSON.parse(d) as CreditEntry);
  }

  *scanCreditEntries(): Iterable<CreditEntry> {
    for (const d of this.stmts.allEntries.iterate() as Iterable<string>) yield JSON.parse(d) as CreditEntry;
  }

  getMeta<T>(key: string, now?: string): T | undefined {
    const d = (now === undefined ? this.stmts.getMeta.get(key) : this.stmts.getLiveMeta.get(key, now)) as string | undefined;
    return d === undefined ? undefined : (JSON.parse(d) as T);
  }

  setMeta(key: string, value: unknown, expiresAt?: string): void {
    this.stmts.setMeta.run(key, JSON.stringify(value), expiresAt ?? null);
  }

  purgeExpiredMeta(now: string): number {
    return this.stmts.purgeMeta.run(now).changes;
  }

  deleteMeta(key: string): void {
    this.stmts.delMeta.run(key);
  }

  appendAudit(entry: Omit<AuditEntry, 'id'>): AuditEntry {
    const info = this.stmts.addAudit.run(entry.action, entry.at, '{}');
    const full = { id: `aud_${String(info.lastInsertRowid).padStart(8, '0')}`, ...entry };
    this.db.prepare('UPDATE audit SET data = ? WHERE seq = ?').run(JSON.stringify(full), info.lastInsertRowid);
    return full;
  }

  listAudit({ action, since, until, beforeSeq, limit }: AuditQueryParams): StoredAudit[] {
    const parts = ['1 = 1'];
    const args: unknown[] = [];
    if (action) (parts.push('action = ?'), args.push(action));
    if (since) (parts.push('at >= ?'), args.push(since));
    if (until) (parts.push('at <= ?'), args.push(until));
    if (beforeSeq !== undefined) (parts.push('seq < ?'), args.push(beforeSeq));
    const rows = this.db.prepare(`SELECT seq, data FROM audit WHERE ${parts.join(' AND ')} ORDER BY seq DESC LIMIT ?`).all(...args, limit) as { seq: number; data: string }[];
    return rows.map((r) => ({ seq: r.seq, entry: JSON.parse(r.data) as AuditEntry }));
  }

  // ---- erasure in the data log (#18 §2) ----
  scrubAudit(needles: readonly string[], rewrite: (entry: AuditEntry) => AuditEntry): number {
    const wanted = needles.map(auditNeedle);
    if (!wanted.length) return 0;
    // SQLite's lower() folds ASCII only: the needles come from the record itself, written as the log has them.
    const rows = this.db.prepare(`SELECT seq, data FROM audit WHERE ${wanted.map(() => 'instr(lower(data), lower(?)) > 0').join(' OR ')}`).all(...wanted) as { seq: number; data: string }[];
    const update = this.db.prepare('UPDATE audit SET data = ? WHERE seq = ?');
    let n = 0;
    for (const r of rows) {
      const next = JSON.stringify(rewrite(JSON.parse(r.data) as AuditEntry));
      if (next === r.data) continue;
      update.run(next, r.seq);
      n++;
    }
    return n;
  }

  // ---- units (stores) ----
  listUnits(): Unit[] {
    return (this.prepare('SELECT data FROM units ORDER BY seq').pluck().all() as string[]).map((d) => JSON.parse(d) as Unit);
  }

  getUnit(id: string): Unit | undefined {
    const d = this.prepare('SELECT data FROM units WHERE id = ?').pluck().get(id) as string | undefined;
    return d === undefined ? undefined : (JSON.parse(d) as Unit);
  }

  putUnit(unit: Unit): void {
    this.prepare('INSERT INTO units (id, name_key, data) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name_key = excluded.name_key, data = excluded.data').run(
      unit.id,
      searchKey(unit.name),
      JSON.stringify(unit),
    );
  }

  unitInUse(id: string): boolean {
    return this.prepare('SELECT 1 FROM orders WHERE unit_key = ? LIMIT 1').get(id) !== undefined;
  }

  deleteUnit(id: string): void {
    this.prepare('DELETE FROM units WHERE id = ?').run(id);
  }

  // ---- events and webhooks ----
  appendEvent(event: NewEvent): void {
    this.db.prepare('INSERT INTO events (id, type, data) VALUES (?, ?, ?)').run(event.id, event.type, JSON.stringify(event));
  }

  listEvents({ after, types, limit }: EventListParams): EventListResult {
    // One read transaction, so the highest number seen and the page come from the same state.
    return this.db.transaction((): EventListResult => {
      const typeSql = types ? ` AND type IN (${types.map(() => '?').join(', ')})` : '';
      const rows = this.db.prepare(`SELECT seq, data FROM events WHERE seq > ?${typeSql} ORDER BY seq LIMIT ?`).all(after, ...(types ?? []), limit + 1) as { seq: number; data: string }[];
      const hasMore = rows.length > limit;
      if (hasMore) rows.length = limit;
      const items = rows.map((r) => ({ ...(JSON.parse(r.data) as NewEvent), sequence: r.seq }) as Event);
      const top = (this.db.prepare('SELECT max(seq) FROM events').pluck().get() as number | null) ?? 0;
      return { items, hasMore, cursor: hasMore ? rows.at(-1)!.seq : Math.max(after, top) };
    })();
  }

  getEvent(id: string): Event | undefined {
    const r = this.db.prepare('SELECT seq, data FROM events WHERE id = ?').get(id) as { seq: number; data: string } | undefined;
    return r && ({ ...(JSON.parse(r.data) as NewEvent), sequence: r.seq } as Event);
  }

  listWebhookEndpoints(): StoredWebhookEndpoint[] {
    return (this.db.prepare('SELECT data FROM webhook_endpoints ORDER BY seq').pluck().all() as string[]).map((d) => JSON.parse(d) as StoredWebhookEndpoint);
  }

  getWebhookEndpoint(id: string): StoredWebhookEndpoint | undefined {
    const d = this.db.prepare('SELECT data FROM webhook_endpoints WHERE id = ?').pluck().get(id) as string | undefined;
    return d === undefined ? undefined : (JSON.parse(d) as StoredWebhookEndpoint);
  }

  putWebhookEndpoint(endpoint: StoredWebhookEndpoint): void {
    this.db.prepare('INSERT INTO webhook_endpoints (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data').run(endpoint.id, JSON.stringify(endpoint));
  }

  deleteWebhookEndpoint(id: string): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM webhook_deliveries WHERE endpoint_id = ?').run(id);
      this.db.prepare('DELETE FROM webhook_endpoints WHERE id = ?').run(id);
    });
  }

  insertDeliveries(deliveries: readonly Omit<StoredDelivery, 'seq'>[]): void {
    const insert = this.db.prepare('INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, next_attempt_at, data) VALUES (?, ?, ?, ?, ?, ?)');
    for (const d of deliveries) insert.run(d.id, d.endpointId, d.eventId, d.status, d.nextAttemptAt, JSON.stringify(d));
  }

  listDeliveries({ endpointId, status, beforeSeq, limit }: DeliveryListParams): { items: StoredDelivery[]; hasMore: boolean } {
    const rows = this.db
      .prepare(`SELECT seq, data FROM webhook_deliveries WHERE endpoint_id = ?${status ? ' AND status = ?' : ''}${beforeSeq !== undefined ? ' AND seq < ?' : ''} ORDER BY seq DESC LIMIT ?`)
      .all(endpointId, ...(status ? [status] : []), ...(beforeSeq !== undefined ? [beforeSeq] : []), limit + 1) as { seq: number; data: string }[];
    const hasMore = rows.length > limit;
    if (hasMore) rows.length = limit;
    return { items: rows.map(deliveryOf), hasMore };
  }

  getDelivery(id: string): StoredDelivery | undefined {
    const r = this.db.prepare('SELECT seq, data FROM webhook_deliveries WHERE id = ?').get(id) as { seq: number; data: string } | undefined;
    return r && deliveryOf(r);
  }

  leaseDeliveries(owner: string, now: string, leaseUntil: string, limit: number): StoredDelivery[] {
    // One statement: another process sharing the file cannot take the same rows in between.
    const rows = this.db
      .prepare(
        `UPDATE webhook_deliveries SET lease_owner = ?, lease_until = ? WHERE seq IN (
           SELECT seq FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
             AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE json_extract(data, '$.enabled') = 1)
           ORDER BY next_attempt_at, seq LIMIT ?)
         RETURNING seq, data`,
      )
      .all(owner, leaseUntil, now, now, limit) as { seq: number; data: string }[];
    return rows.map(deliveryOf).sort((a, b) => (a.nextAttemptAt! < b.nextAttemptAt! ? -1 : a.nextAttemptAt! > b.nextAttemptAt! ? 1 : a.seq - b.seq));
  }

  finishDelivery(id: string, owner: string, outcome: DeliveryOutcome): boolean {
    return this.transaction(() => {
      const r = this.db.prepare('SELECT seq, data FROM webhook_deliveries WHERE id = ? AND lease_owner = ?').get(id, owner) as { seq: number; data: string } | undefined;
      if (!r) return false;
      const { seq: _seq, ...next } = afterAttempt(deliveryOf(r), outcome);
      this.db
        .prepare('UPDATE webhook_deliveries SET status = ?, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL, data = ? WHERE seq = ?')
        .run(next.status, next.nextAttemptAt, JSON.stringify(next), r.seq);
      return true;
    });
  }

  requeueDelivery(id: string, now: string): StoredDelivery | undefined {
    return this.transaction(() => {
      const r = this.db.prepare('SELECT seq, data FROM webhook_deliveries WHERE id = ?').get(id) as { seq: number; data: string } | undefined;
      if (!r) return undefined;
      const { seq, ...rest } = deliveryOf(r);
      const next = { ...rest, status: 'pending' as const, nextAttemptAt: now, manual: true, updatedAt: now };
      this.db.prepare("UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?, data = ? WHERE seq = ?").run(now, JSON.stringify(next), seq);
      return { ...next, seq };
    });
  }

  // ---- messages (#17) ----
  insertMessageBatch(batch: Omit<StoredMessageBatch, 'seq'>, recipients: readonly Omit<StoredRecipient, 'seq'>[]): void {
    this.db.prepare('INSERT INTO message_batches (id, data) VALUES (?, ?)').run(batch.id, JSON.stringify(batch));
    const insert = this.db.prepare(
      'INSERT INTO message_recipients (id, message_id, customer_id, channel, status, next_attempt_at, sent_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of recipients) insert.run(r.id, r.messageId, r.customerId, r.channel, r.status, r.nextAttemptAt, r.sentAt ?? null, recipientData(r));
  }

  addToMessageBatch(batch: Omit<StoredMessageBatch, 'seq'>, recipient: Omit<StoredRecipient, 'seq'>): void {
    const current = this.getMessageBatch(batch.id);
    if (!current) return this.insertMessageBatch(batch, [recipient]);
    const { seq: _seq, ...rest } = current;
    const c = current.counts;
    const d = batch.counts;
    const counts = { matched: c.matched + d.matched, recipients: c.recipients + d.recipients, noConsent: c.noConsent + d.noConsent, noContact: c.noContact + d.noContact, inactive: c.inactive + d.inactive };
    this.db.prepare('UPDATE message_batches SET data = ? WHERE id = ?').run(JSON.stringify({ ...rest, counts }), batch.id);
    const r = recipient;
    this.db
      .prepare('INSERT INTO message_recipients (id, message_id, customer_id, channel, status, next_attempt_at, sent_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(r.id, r.messageId, r.customerId, r.channel, r.status, r.nextAttemptAt, r.sentAt ?? null, recipientData(r));
  }

  listMessageBatches({ beforeSeq, limit }: { beforeSeq?: number | undefined; limit: number }): { items: StoredMessageBatch[]; hasMore: boolean } {
    const rows = this.db
      .prepare(`SELECT seq, data FROM message_batches${beforeSeq !== undefined ? ' WHERE seq < ?' : ''} ORDER BY seq DESC LIMIT ?`)
      .all(...(beforeSeq !== undefined ? [beforeSeq] : []), limit + 1) as { seq: number; data: string }[];
    const hasMore = rows.length > limit;
    return { items: rows.slice(0, limit).map(batchOf), hasMore };
  }

  getMessageBatch(id: string): StoredMessageBatch | undefined {
    const r = this.db.prepare('SELECT seq, data FROM message_batches WHERE id = ?').get(id) as { seq: number; data: string } | undefined;
    return r && batchOf(r);
  }

  messageProgress(messageIds: readonly string[]): Map<string, MessageProgress> {
    const out = new Map(messageIds.map((id) => [id, emptyProgress()]));
    if (!messageIds.length) return out;
    const rows = this.db
      .prepare('SELECT message_id, status, count(*) AS n FROM message_recipients WHERE message_id IN (SELECT value FROM json_each(?)) GROUP BY message_id, status')
      .all(JSON.stringify(messageIds)) as { message_id: string; status: keyof MessageProgress; n: number }[];
    for (const r of rows) out.get(r.message_id)![r.status] = r.n;
    return out;
  }

  listMessageRecipients({ messageId, customerId, status, afterSeq, limit }: RecipientListParams): { items: StoredRecipient[]; hasMore: boolean } {
    const parts: string[] = [];
    const args: unknown[] = [];
    if (messageId) parts.push('message_id = ?'), args.push(messageId);
    if (customerId) parts.push('customer_id = ?'), args.push(customerId);
    if (status) parts.push('status = ?'), args.push(status);
    if (afterSeq !== undefined) parts.push('seq > ?'), args.push(afterSeq);
    const rows = this.db
      .prepare(`SELECT seq, data FROM message_recipients${parts.length ? ` WHERE ${parts.join(' AND ')}` : ''} ORDER BY seq LIMIT ?`)
      .all(...args, limit + 1) as { seq: number; data: string }[];
    const hasMore = rows.length > limit;
    return { items: rows.slice(0, limit).map(recipientOf), hasMore };
  }

  leaseMessageRecipients(owner: string, channel: MessageChannel, now: string, leaseUntil: string, limit: number): StoredRecipient[] {
    // One statement: another process sharing the file cannot take the same rows in between.
    const rows = this.db
      .prepare(
        `UPDATE message_recipients SET lease_owner = ?, lease_until = ? WHERE seq IN (
           SELECT seq FROM message_recipients WHERE status = 'queued' AND channel = ? AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
           ORDER BY next_attempt_at, seq LIMIT ?)
         RETURNING seq, data`,
      )
      .all(owner, leaseUntil, channel, now, now, limit) as { seq: number; data: string }[];
    return rows.map(recipientOf).sort((a, b) => a.seq - b.seq);
  }

  finishMessageRecipient(id: string, owner: string, outcome: RecipientOutcome): boolean {
    return this.transaction(() => {
      const r = this.db.prepare('SELECT seq, data FROM message_recipients WHERE id = ? AND lease_owner = ?').get(id, owner) as { seq: number; data: string } | undefined;
      if (!r) return false;
      const next = { ...recipientOf(r), ...outcome };
      this.db
        .prepare('UPDATE message_recipients SET status = ?, next_attempt_at = ?, sent_at = ?, lease_owner = NULL, lease_until = NULL, data = ? WHERE seq = ?')
        .run(next.status, next.nextAttemptAt, next.sentAt ?? null, recipientData(next), r.seq);
      return true;
    });
  }

  countMessagesSentSince(channel: MessageChannel, since: string): number {
    return this.db.prepare('SELECT count(*) FROM message_recipients WHERE channel = ? AND sent_at >= ?').pluck().get(channel, since) as number;
  }

  // ---- automations (#17 §3) ----
  listAutomations(): StoredAutomation[] {
    return (this.db.prepare('SELECT data FROM automations ORDER BY seq').pluck().all() as string[]).map((d) => JSON.parse(d) as StoredAutomation);
  }

  getAutomation(id: string): StoredAutomation | undefined {
    const d = this.db.prepare('SELECT data FROM automations WHERE id = ?').pluck().get(id) as string | undefined;
    return d === undefined ? undefined : (JSON.parse(d) as StoredAutomation);
  }

  putAutomation(automation: StoredAutomation): void {
    this.db.prepare('INSERT INTO automations (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data').run(automation.id, JSON.stringify(automation));
  }

  deleteAutomation(id: string): void {
    this.db.prepare('DELETE FROM automations WHERE id = ?').run(id);
  }

  getAutomationOccasion(automationId: string, occasion: string): AutomationOccasion | undefined {
    const d = this.db.prepare('SELECT data FROM automation_occasions WHERE automation_id = ? AND occasion = ?').pluck().get(automationId, occasion) as string | undefined;
    return d === undefined ? undefined : (JSON.parse(d) as AutomationOccasion);
  }

  insertAutomationOccasion(o: AutomationOccasion): void {
    this.db.prepare('INSERT INTO automation_occasions (automation_id, occasion, data) VALUES (?, ?, ?)').run(o.automationId, o.occasion, JSON.stringify(o));
  }

  listAutomationOccasions(automationId: string): AutomationOccasion[] {
    return (this.db.prepare('SELECT data FROM automation_occasions WHERE automation_id = ? ORDER BY seq').pluck().all(automationId) as string[]).map(
      (d) => JSON.parse(d) as AutomationOccasion,
    );
  }

  getCart(id: string): StoredCart | undefined {
    const d = this.db.prepare('SELECT data FROM carts WHERE id = ?').pluck().get(id) as string | undefined;
    return d === undefined ? undefined : (JSON.parse(d) as StoredCart);
  }

  putCart(cart: StoredCart): void {
    this.db
      .prepare('INSERT INTO carts (id, status, last_event_at, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, last_event_at = excluded.last_event_at, data = excluded.data')
      .run(cart.id, cart.status, cart.lastEventAt, JSON.stringify(cart));
  }

  listIdleCarts(idleSince: string, afterId: string | undefined, limit: number): StoredCart[] {
    return (
      this.db
        .prepare("SELECT data FROM carts WHERE status = 'open' AND last_event_at <= ? AND id > ? ORDER BY id LIMIT ?")
        .pluck()
        .all(idleSince, afterId ?? '', limit) as string[]
    ).map((d) => JSON.parse(d) as StoredCart);
  }

  // ---- LGPD (#18 §1–§2): consent records and data-subject requests ----
  appendConsentRecords(records: readonly ConsentRecord[]): void {
    const insert = this.db.prepare('INSERT INTO consent_records (id, customer_id, data) VALUES (?, ?, ?)');
    for (const r of records) insert.run(r.id, r.customerId, JSON.stringify(r));
  }

  listConsentRecords(customerId: string): ConsentRecord[] {
    const rows = this.db.prepare('SELECT data FROM consent_records WHERE customer_id = ? ORDER BY seq').pluck().all(customerId) as string[];
    return rows.map((d) => JSON.parse(d) as ConsentRecord);
  }

  putPrivacyRequest(request: PrivacyRequest): void {
    this.db
      .prepare('INSERT INTO privacy_requests (id, customer_id, status, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, data = excluded.data')
      .run(request.id, request.customerId, request.status, JSON.stringify(request));
  }

  getPrivacyRequest(id: string): StoredPrivacyRequest | undefined {
    const r = this.db.prepare('SELECT seq, data FROM privacy_requests WHERE id = ?').get(id) as { seq: number; data: string } | undefined;
    return r && privacyRequestOf(r);
  }

  listPrivacyRequests({ status, customerId, beforeSeq, limit }: PrivacyRequestListParams): { items: StoredPrivacyRequest[]; hasMore: boolean } {
    const parts: string[] = [];
    const args: unknown[] = [];
    if (status) parts.push('status = ?'), args.push(status);
    if (customerId) parts.push('customer_id = ?'), args.push(customerId);
    if (beforeSeq !== undefined) parts.push('seq < ?'), args.push(beforeSeq);
    const rows = this.db
      .prepare(`SELECT seq, data FROM privacy_requests${parts.length ? ` WHERE ${parts.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`)
      .all(...args, limit + 1) as { seq: number; data: string }[];
    return { items: rows.slice(0, limit).map(privacyRequestOf), hasMore: rows.length > limit };
  }

  redactMessageRecipients(customerId: string, name: string, text: string): number {
    const rows = this.db.prepare('SELECT seq, data FROM message_recipients WHERE customer_id = ?').all(customerId) as { seq: number; data: string }[];
    const update = this.db.prepare('UPDATE message_recipients SET data = ? WHERE seq = ?');
    for (const r of rows) update.run(recipientData(redactedRecipient(recipientOf(r), name, text)), r.seq);
    return rows.length;
  }

  // ---- managed API keys (#16 §4) ----
  #apiKeyOf(row: { data: string; last_used_at: string | null } | undefined): StoredApiKey | undefined {
    return row && { ...(JSON.parse(row.data) as StoredApiKey), lastUsedAt: row.last_used_at };
  }

  listApiKeys(): StoredApiKey[] {
    const rows = this.db.prepare('SELECT data, last_used_at FROM api_keys ORDER BY seq DESC').all() as { data: string; last_used_at: string | null }[];
    return rows.map((r) => this.#apiKeyOf(r) as StoredApiKey);
  }

  getApiKey(id: string): StoredApiKey | undefined {
    return this.#apiKeyOf(this.db.prepare('SELECT data, last_used_at FROM api_keys WHERE id = ?').get(id) as { data: string; last_used_at: string | null } | undefined);
  }

  findApiKeyByHash(hash: string): StoredApiKey | undefined {
    return this.#apiKeyOf(this.db.prepare('SELECT data, last_used_at FROM api_keys WHERE hash = ?').get(hash) as { data: string; last_used_at: string | null } | undefined);
  }

  putApiKey(key: StoredApiKey): void {
    const { lastUsedAt, ...data } = key;
    this.db
      .prepare('INSERT INTO api_keys (id, hash, last_used_at, data) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, data = excluded.data')
      .run(key.id, key.hash, lastUsedAt, JSON.stringify(data));
  }

  touchApiKey(id: string, at: string): void {
    this.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)').run(at, id, at);
  }

  // ---- duplicates (#18 §3) ----
  putDuplicateKeys(customerIds: readonly string[], rows: readonly DuplicateKeyRow[]): void {
    const del = this.prepare('DELETE FROM duplicate_keys WHERE customer_id = ?');
    for (const id of customerIds) del.run(id);
    const ins = this.prepare('INSERT OR REPLACE INTO duplicate_keys (key, customer_id, name, live) VALUES (?, ?, ?, ?)');
    for (const r of rows) ins.run(r.key, r.customerId, r.name, r.live ? 1 : 0);
  }

  duplicateKeyHolders(keys: readonly string[]): DuplicateKeyRow[] {
    const rows = this.prepare('SELECT key, customer_id AS customerId, name, live FROM duplicate_keys WHERE key IN (SELECT value FROM json_each(?))').all(JSON.stringify(keys)) as (Omit<DuplicateKeyRow, 'live'> & { live: number })[];
    return rows.map((r) => ({ ...r, live: r.live === 1 }));
  }

  putDuplicatePairs(customerIds: readonly string[], pairs: readonly StoredDuplicatePair[]): void {
    // Two statements, one per side: with `a = ? OR b = ?` SQLite scans the whole table for each
    // customer (a WITHOUT ROWID table gets no OR-by-union plan), which made filing quadratic.
    const delA = this.prepare('DELETE FROM duplicate_pairs WHERE a = ? AND dismissed_at IS NULL');
    const delB = this.prepare('DELETE FROM duplicate_pairs WHERE b = ? AND dismissed_at IS NULL');
    for (const id of customerIds) {
      delA.run(id);
      delB.run(id);
    }
    const up = this.prepare(
      `INSERT INTO duplicate_pairs (a, b, score, reasons, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (a, b) DO UPDATE SET score = excluded.score, reasons = excluded.reasons, updated_at = excluded.updated_at`,
    );
    for (const p of pairs) up.run(p.a, p.b, p.score, JSON.stringify(p.reasons), p.updatedAt);
  }

  listDuplicatePairs(params: DuplicateListParams): { items: StoredDuplicatePair[]; hasMore: boolean } {
    const args: unknown[] = [];
    let where = 'dismissed_at IS NULL';
    // One customer's pairs: each side through its own index (an OR of the two scans the table).
    let from = 'duplicate_pairs';
    if (params.customerId) {
      from = '(SELECT * FROM duplicate_pairs WHERE a = ? UNION ALL SELECT * FROM duplicate_pairs WHERE b = ?)';
      args.push(params.customerId, params.customerId);
    }
    if (params.after) {
      const { score, a, b } = params.after;
      where += ' AND (score < ? OR (score = ? AND (a > ? OR (a = ? AND b > ?))))';
      args.push(score, score, a, a, b);
    }
    args.push(params.limit + 1);
    const rows = this.prepare(`SELECT * FROM ${from} WHERE ${where} ORDER BY score DESC, a, b LIMIT ?`).all(...args) as DuplicatePairRow[];
    return { items: rows.slice(0, params.limit).map(pairOfRow), hasMore: rows.length > params.limit };
  }

  getDuplicatePair(a: string, b: string): StoredDuplicatePair | undefined {
    const r = this.prepare('SELECT * FROM duplicate_pairs WHERE a = ? AND b = ?').get(a, b) as DuplicatePairRow | undefined;
    return r && pairOfRow(r);
  }

  moveCustomerRecords(fromId: string, toId: string): { credits: number; messages: number } {
    const credits = this.prepare("UPDATE credit_entries SET customer_id = ?, data = json_set(data, '$.customerId', ?) WHERE customer_id = ?").run(toId, toId, fromId).changes;
    const messages = this.prepare(
      `UPDATE message_recipients SET customer_id = ?, data = json_set(data, '$.customerId', ?)
        WHERE customer_id = ? AND message_id NOT IN (SELECT message_id FROM message_recipients WHERE customer_id = ?)`,
    ).run(toId, toId, fromId, toId).changes;
    return { credits, messages };
  }

  dismissDuplicatePair(a: string, b: string, at: string): StoredDuplicatePair | undefined {
    this.prepare('UPDATE duplicate_pairs SET dismissed_at = coalesce(dismissed_at, ?) WHERE a = ? AND b = ?').run(at, a, b);
    return this.getDuplicatePair(a, b);
  }

  // ---- push devices (#17) ----
  getDeviceByToken(token: string): StoredDevice | undefined {
    const row = this.prepare('SELECT data FROM devices WHERE token = ?').get(token) as { data: string } | undefined;
    return row && (JSON.parse(row.data) as StoredDevice);
  }

  putDevice(device: StoredDevice): void {
    this.prepare(
      `INSERT INTO devices (id, token, customer_id, last_seen_at, data) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET token = excluded.token, customer_id = excluded.customer_id, last_seen_at = excluded.last_seen_at, data = excluded.data`,
    ).run(device.id, device.token, device.customerId, device.lastSeenAt, JSON.stringify(device));
  }

  listDevices(customerId: string): StoredDevice[] {
    const rows = this.prepare('SELECT data FROM devices WHERE customer_id = ? ORDER BY last_seen_at DESC, id DESC').all(customerId) as { data: string }[];
    return rows.map((r) => JSON.parse(r.data) as StoredDevice);
  }

  deleteDevice(customerId: string, id: string): boolean {
    return this.prepare('DELETE FROM devices WHERE id = ? AND customer_id = ?').run(id, customerId).changes > 0;
  }

  deleteDevicesOf(customerId: string): number {
    return this.prepare('DELETE FROM devices WHERE customer_id = ?').run(customerId).changes;
  }

  countDevices(customerIds: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    // In slices: SQLite takes at most 32,766 parameters in one statement.
    for (let i = 0; i < customerIds.length; i += 500) {
      const ids = customerIds.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT customer_id AS id, count(*) AS n FROM devices WHERE customer_id IN (${ids.map(() => '?').join(',')}) GROUP BY customer_id`).all(...ids) as { id: string; n: number }[];
      for (const r of rows) counts.set(r.id, r.n);
    }
    return counts;
  }
  // ---- push devices in batches (the seed, #17) ----
  trimDevices(customerIds: readonly string[], keep: number): number {
    let gone = 0;
    // In slices: SQLite takes at most 32,766 parameters in one statement.
    for (let i = 0; i < customerIds.length; i += 500) {
      const ids = customerIds.slice(i, i + 500);
      gone += this.db
        .prepare(
          `DELETE FROM devices WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY last_seen_at DESC, id DESC) AS n
            FROM devices WHERE customer_id IN (${ids.map(() => '?').join(',')})) WHERE n > ?)`,
        )
        .run(...ids, keep).changes;
    }
    return gone;
  }


  close(): void {
    if (this.db.open) this.db.close();
  }
}

function deliveryOf(r: { seq: number; data: string }): StoredDelivery {
  return { ...(JSON.parse(r.data) as Omit<StoredDelivery, 'seq'>), seq: r.seq };
}
