import pg from 'pg';
import { searchKey } from '@clientela/core/format';
import { countsAsPurchase, filterFieldsOf, ORDER_STATUSES, type AuditEntry, type CreditEntry, type Customer, type CustomerSortField, type CustomerSource, type Order, type Unit, type View } from '@clientela/core/schemas';
import { filterSql, sourcesColumn } from './filter-sql.js';
import { applyToBalances, UNIT_SORT_FIELDS, withUnitFigures } from './ledger.js';
import { migratePostgres } from './postgres-migrations.js';
import { maskJson, queryTokens, searchTextOf, sortKeyOf } from './search.js';
import {
  StoreConflict,
  type AuditQueryParams,
  type CustomerQuery,
  type ListJsonResult,
  type ListParams,
  type ListResult,
  type OrderFigures,
  type OrderListParams,
  type OrderListResult,
  type SortSpec,
  type Store,
  type StoredAudit,
  type StoredCategory,
} from './types.js';
import type { RecipientListParams, RecipientOutcome, StoredMessageBatch, StoredRecipient } from './types.js';
import { auditNeedle } from './audit-needle.js';
import type { CategoryFigureSums, FiguresWindow } from './types.js';
import type { AutomationOccasion, StoredAutomation, StoredCart } from './types.js';
import type { MessageChannel, MessageProgress } from '@clientela/core/schemas';
import { batchOf, emptyProgress, recipientData, recipientOf } from './message-rows.js';
import type { DeliveryListParams, DeliveryOutcome, EventListParams, EventListResult, NewEvent, StoredDelivery, StoredWebhookEndpoint } from './types.js';
import { afterAttempt, deliveriesFor } from './webhook-rows.js';
import type { StoredApiKey } from './types.js';
import type { QueuedWork, StoredDevice } from './types.js';
import type { Event } from '@clientela/core/schemas';
import type { ConsentRecord, PrivacyRequest } from '@clientela/core/schemas';
import type { PrivacyRequestListParams, StoredPrivacyRequest } from './types.js';
import { privacyRequestOf, redactedRecipient } from './privacy-rows.js';
import { duplicateKeysOf, pairOfRow, refreshDuplicatesAsync, type DuplicateKeyRow, type DuplicateListParams, type DuplicatePairRow, type StoredDuplicatePair } from './duplicate-rows.js';

/** The advisory lock space of duplicate-key buckets (any fixed number, its own). */
const DUPLICATES_LOCK = 4_206_612;

/** One of 256 buckets a duplicate key is locked by (FNV-1a of its text). */
function keyBucket(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 256;
}

const SORT_COLUMNS: Record<CustomerSortField, string> = {
  name: 'name_key',
  createdAt: 'created_at',
  lastPurchaseAt: 'last_purchase_at',
  totalSpent: 'total_spent',
  ordersCount: 'orders_count',
  visitsCount: 'visits_count',
  status: 'status_rank',
};

const UNIQUE_VIOLATION = '23505';

type Queryable = pg.Pool | pg.PoolClient;

/** The columns of a customer row, from the same keys and search text the other stores use. */
function row(c: Customer): unknown[] {
  const f = filterFieldsOf(c);
  return [
    c.id,
    c.kind,
    c.status,
    c.document,
    c.email?.toLowerCase() ?? null,
    sortKeyOf(c, 'name'),
    c.createdAt,
    sortKeyOf(c, 'lastPurchaseAt'),
    c.stats.totalSpentCents,
    c.stats.ordersCount,
    sortKeyOf(c, 'visitsCount'),
    sortKeyOf(c, 'status'),
    searchTextOf(c),
    [...c.categoryIds],
    c.version,
    f.birthday,
    f.city,
    f.state,
    f.source,
    f.consent,
    sourcesColumn(f.sources),
  ];
}

// The slim row; the JSON document lives in `customer_data`, read only for the rows returned.
const COLUMNS = 'id, kind, status, document, email, name_key, created_at, last_purchase_at, total_spent, orders_count, visits_count, status_rank, search, category_ids, version, birth_md, city_key, uf, source, consent, sources';
const PARAMS = COLUMNS.split(', ').map((_, i) => `$${i + 1}`).join(', ');
const ARRAY_TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'bigint', 'integer', 'integer', 'integer', 'text', 'text', 'integer', 'text', 'text', 'text', 'text', 'integer', 'text'];
const WITH_DATA = 'FROM customers c JOIN customer_data d ON d.id = c.id';

const COUNTED = ORDER_STATUSES.filter(countsAsPurchase);
const ORDER_COLUMNS = 'id, customer_id, unit_key, number, placed_at, status, total_cents, rating, version, data';

function orderArgs(o: Order): unknown[] {
  return [o.id, o.customerId, o.unitId ?? '', o.number, o.placedAt, o.status, o.totalCents, o.rating ?? null, o.version, JSON.stringify(o)];
}

/** `%token%` for LIKE, with LIKE's own wildcards escaped. */
function likeAny(token: string): string {
  return `%${token.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

type PageRow = { data: string; document: string; id: string; k: string | number } & UnitFigureRow;

/** A unit's figures as a list page for one unit reads them (all null when the customer has no order there). */
interface UnitFigureRow {
  u_orders?: number | null;
  u_spent?: string | null;
  u_first?: string | null;
  u_last?: string | null;
  u_rating_sum?: number | null;
  u_rating_count?: number | null;
}

/** The sort columns a list for one unit reads from its figures (no row: zero, never). */
const UNIT_SORT_COLUMNS = { totalSpent: 'coalesce(u.u_spent, 0)', ordersCount: 'coalesce(u.u_orders, 0)', lastPurchaseAt: "coalesce(u.u_last, '')" } as const;

function unitFiguresOf(r: UnitFigureRow): OrderFigures | undefined {
  if (r.u_orders === null || r.u_orders === undefined) return undefined;
  return { count: r.u_orders, totalCents: Number(r.u_spent ?? 0), firstAt: r.u_first ?? null, lastAt: r.u_last ?? null, ratingSum: r.u_rating_sum ?? 0, ratingCount: r.u_rating_count ?? 0 };
}

/** Count-delta rows beyond which a count folds them together first. */
const COMPACT_DELTAS_AT = 200;

/** The query fields {@link byStatusAlone} knows; a query with any other field is counted row by row. */
const STATUS_ALONE_FIELDS = new Set(['statuses', 'kind', 'q', 'categoryIds', 'ids']);

/** Whether a query selects by status (and kind) only, so its total is a sum of count deltas. */
function byStatusAlone(query: CustomerQuery): boolean {
  const known = Object.entries(query).every(([field, value]) => value === undefined || STATUS_ALONE_FIELDS.has(field));
  return known && !queryTokens(query.q).length && !query.categoryIds?.length && query.ids === undefined;
}

/** The most rows a search's page walks along its sort order before it collects every match instead. */
const WALK_ROWS = 5000;

/**
 * Whether a search may be read by walking its sort order ({@link PostgresStore}'s `#walk`): one
 * word (a name, a part of an e-mail; not digits, which are documents and phones that few share),
 * by status and kind, on the customers' own sort keys, by cursor.
 */
function walkable(query: CustomerQuery, unit: string | undefined, offset: number | undefined): boolean {
  const tokens = queryTokens(query.q);
  return (
    tokens.length === 1 &&
    !/\d/.test(tokens[0]!) &&
    !query.filter &&
    !query.categoryIds?.length &&
    query.ids === undefined &&
    !query.exceptIds?.length &&
    unit === undefined &&
    !offset
  );
}

/** Names of prepared statement texts, shared by every connection; past the cap a text runs unnamed. */
const STATEMENT_NAMES = new Map<string, string>();
const MAX_STATEMENT_NAMES = 64;

/** The prepared statement name of a text (the same text always gets the same name), or undefined past the cap. */
function statementName(text: string): string | undefined {
  let name = STATEMENT_NAMES.get(text);
  if (name === undefined && STATEMENT_NAMES.size < MAX_STATEMENT_NAMES) {
    name = `clientela_page_${STATEMENT_NAMES.size + 1}`;
    STATEMENT_NAMES.set(text, name);
  }
  return name;
}

function isUniqueViolation(e: unknown, constraint: string): boolean {
  return (e as { code?: string; constraint?: string }).code === UNIQUE_VIOLATION && (e as { constraint?: string }).constraint === constraint;
}

/**
 * The PostgreSQL store: any number of server processes share one database, so nothing here
 * relies on process memory. The database enforces the rules — a partial unique index gives a
 * document one live holder, a unique index gives a folded category name one holder, updates name
 * the version they overwrite (`WHERE version = $n`), claims are inserts under `meta`'s primary
 * key — and a transaction runs on one connection, reading customers `FOR UPDATE`. Search is a
 * trigram GIN index over the same search text the other stores use; pages are keyset range scans
 * over `(key, id)` indexes.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly #db: Queryable;
  readonly #pool: pg.Pool;
  readonly #inside: boolean;
  /** Events emitted in this transaction, numbered and stored just before it commits. */
  #pendingEvents: NewEvent[] = [];
  /** Customers written in this transaction, filed and paired just before it commits (duplicates, #18 §3). */
  #pendingDuplicates = new Map<string, Customer>();
  /** Customers inserted in this transaction: filed under no key and in no pair yet, so their filing skips the look-up and deletes of old rows (seeding 100,000). */
  #inserted = new Set<string>();

  private constructor(pool: pg.Pool, db: Queryable, inside: boolean) {
    this.#pool = pool;
    this.#db = db;
    this.#inside = inside;
  }

  /**
   * Connects, migrates (or refuses a newer schema) and returns the store.
   *
   * @example
   * const store = await PostgresStore.open('postgres://clientela:secret@127.0.0.1:5432/clientela');
   */
  static async open(url: string, poolSize = 10): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: poolSize });
    // An idle connection that breaks (a database restart) must not crash the process.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client, redact(url));
      } finally {
        client.release();
      }
    } catch (e) {
      await pool.end();
      throw e;
    }
    return new PostgresStore(pool, pool, false);
  }

  async #q<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, args: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.#db.query<R>(sql, args);
  }

  /**
   * Runs a statement that may break a unique index. Inside a transaction it runs under a
   * savepoint, so the refusal leaves the transaction usable (the caller turns it into a 409).
   */
  async #guarded(sql: string, args: unknown[]): Promise<pg.QueryResult> {
    if (!this.#inside) return this.#q(sql, args);
    await this.#q('SAVEPOINT guarded');
    try {
      const r = await this.#q(sql, args);
      await this.#q('RELEASE SAVEPOINT guarded');
      return r;
    } catch (e) {
      await this.#q('ROLLBACK TO SAVEPOINT guarded');
      throw e;
    }
  }

  async transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (this.#inside) return fn(this);
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      const tx = new PostgresStore(this.#pool, client, true);
      const result = await fn(tx);
      await tx.#flushDuplicates();
      await tx.#flushEvents();
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async customerCount(): Promise<number> {
    return Number((await this.#q<{ n: number }>('SELECT count(*)::int AS n FROM customers')).rows[0]!.n);
  }

  async getCustomer(id: string): Promise<Customer | undefined> {
    // In a transaction the row stays locked until it ends, so a read-modify-write cannot lose a
    // concurrent write.
    // In a transaction the row is locked first; the document is then read by a statement of its
    // own, whose snapshot (taken after the lock was granted) holds the latest committed version.
    if (this.#inside) await this.#q('SELECT 1 FROM customers WHERE id = $1 FOR UPDATE', [id]);
    const r = await this.#q<{ data: string }>(`SELECT d.data ${WITH_DATA} WHERE c.id = $1`, [id]);
    const d = r.rows[0]?.data;
    return d === undefined ? undefined : (JSON.parse(d) as Customer);
  }

  async findByDocument(document: string): Promise<Customer | undefined> {
    const r = await this.#q<{ data: string }>(`SELECT d.data ${WITH_DATA} WHERE c.document = $1 AND c.status NOT IN ('deleted', 'merged')`, [document]);
    const d = r.rows[0]?.data;
    return d === undefined ? undefined : (JSON.parse(d) as Customer);
  }

  async findByEmail(email: string): Promise<Customer[]> {
    const r = await this.#q<{ data: string }>(`SELECT d.data ${WITH_DATA} WHERE c.email = $1 AND c.status NOT IN ('deleted', 'merged') ORDER BY c.id`, [email.toLowerCase()]);
    return r.rows.map((x) => JSON.parse(x.data) as Customer);
  }

  async #documentHolder(document: string): Promise<string | undefined> {
    return (await this.#q<{ id: string }>("SELECT id FROM customers WHERE document = $1 AND status NOT IN ('deleted', 'merged')", [document])).rows[0]?.id;
  }

  async insertCustomer(customer: Customer): Promise<void> {
    if (!this.#inside) return this.transaction((tx) => tx.insertCustomer(customer));
    try {
      await this.#guarded(`INSERT INTO customers (${COLUMNS}) VALUES (${PARAMS})`, row(customer));
    } catch (e) {
      if (isUniqueViolation(e, 'customers_live_document')) throw new StoreConflict('document', await this.#documentHolder(customer.document));
      throw e;
    }
    await this.#q('INSERT INTO customer_data (id, data) VALUES ($1, $2)', [customer.id, JSON.stringify(customer)]);
    await this.#writeExternalIds(customer);
    this.#inserted.add(customer.id);
    this.#pendingDuplicates.set(customer.id, customer);
  }

  /** A live customer's external ids, one row each (the primary key refuses one a live customer holds); a deleted one holds none. */
  async #writeExternalIds(c: Customer): Promise<void> {
    await this.#q('DELETE FROM customer_external_ids WHERE customer_id = $1', [c.id]);
    if (c.status === 'deleted') return;
    for (const [source, id] of Object.entries(c.externalIds ?? {})) {
      if (id === undefined) continue;
      try {
        await this.#guarded('INSERT INTO customer_external_ids (source, external_id, customer_id) VALUES ($1, $2, $3)', [source, id, c.id]);
      } catch (e) {
        if (!isUniqueViolation(e, 'customer_external_ids_pkey')) throw e;
        const holder = await this.#q<{ id: string }>('SELECT customer_id AS id FROM customer_external_ids WHERE source = $1 AND external_id = $2', [source, id]);
        throw new StoreConflict('external_id', holder.rows[0]?.id);
      }
    }
  }

  // ---- sync by document (#16 §2) ----
  async findByExternalId(source: CustomerSource, externalId: string): Promise<Customer | undefined> {
    const r = await this.#q<{ data: string }>(
      `SELECT d.data FROM customer_external_ids x JOIN customers c ON c.id = x.customer_id JOIN customer_data d ON d.id = c.id
        WHERE x.source = $1 AND x.external_id = $2 AND c.status <> 'deleted'`,
      [source, externalId],
    );
    const d = r.rows[0]?.data;
    return d === undefined ? undefined : (JSON.parse(d) as Customer);
  }

  async lockDocument(document: string): Promise<void> {
    // Held until the transaction ends; a key of its own, so it never waits on a meta key's lock.
    if (this.#inside) await this.#q('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`document:${document}`]);
  }

  async insertCustomers(customers: readonly Customer[]): Promise<void> {
    // Seeding and large imports: 1,000 rows per statement, as arrays unnested server-side.
    await this.transaction(async (tx) => {
      const self = tx as PostgresStore;
      for (let i = 0; i < customers.length; i += 1000) {
        const rows = customers.slice(i, i + 1000).map(row);
        const columns = ARRAY_TYPES.map((_, k) => rows.map((r) => (k === 13 ? `{${(r[k] as string[]).map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}` : r[k])));
        const unnest = ARRAY_TYPES.map((t, k) => `$${k + 1}::${k === 13 ? 'text' : t}[]`).join(', ');
        const select = ARRAY_TYPES.map((_, k) => (k === 13 ? `u.c${k}::text[]` : `u.c${k}`)).join(', ');
        const names = ARRAY_TYPES.map((_, k) => `c${k}`).join(', ');
        await self.#q(`INSERT INTO customers (${COLUMNS}) SELECT ${select} FROM unnest(${unnest}) AS u(${names})`, columns);
        const batch = customers.slice(i, i + 1000);
        await self.#q('INSERT INTO customer_data (id, data) SELECT * FROM unnest($1::text[], $2::text[])', [batch.map((c) => c.id), batch.map((c) => JSON.stringify(c))]);
        for (const c of batch) if (c.externalIds && Object.keys(c.externalIds).length) await self.#writeExternalIds(c);
        for (const c of batch) {
          self.#inserted.add(c.id);
          self.#pendingDuplicates.set(c.id, c);
        }
      }
    });
    if (this.#inside) return;
    // The count deltas of the batches folded into one row per (status, kind); statistics for the
    // planner; the visibility map that lets counts be index-only scans. Both tables, and now: left
    // to autovacuum, a bulk insert of 100,000 rows had it read the 100 MB of documents about a
    // minute later, in the middle of whatever requests were being answered then.
    await this.#compactCountDeltas();
    await this.#q('VACUUM (ANALYZE) customers, customer_data, customer_count_deltas');
  }

  async updateCustomer(customer: Customer, expectedVersion?: number): Promise<boolean> {
    if (!this.#inside) return this.transaction((tx) => tx.updateCustomer(customer, expectedVersion));
    const args = row(customer);
    const sets = COLUMNS.split(', ').slice(1).map((col, i) => `${col} = $${i + 2}`).join(', ');
    let sql = `UPDATE customers SET ${sets} WHERE id = $1`;
    if (expectedVersion !== undefined) {
      sql += ` AND version = $${args.length + 1}`;
      args.push(expectedVersion);
    }
    let written: boolean;
    try {
      written = (await this.#guarded(sql, args)).rowCount === 1;
    } catch (e) {
      if (isUniqueViolation(e, 'customers_live_document')) throw new StoreConflict('document', await this.#documentHolder(customer.document));
      throw e;
    }
    if (written) {
      await this.#q('UPDATE customer_data SET data = $2 WHERE id = $1', [customer.id, JSON.stringify(customer)]);
      await this.#writeExternalIds(customer);
      this.#pendingDuplicates.set(customer.id, customer);
    }
    return written;
  }

  /** The WHERE clause of a customer query, with its arguments from `$start` on. */
  #where(query: CustomerQuery, args: unknown[]): string {
    const parts: string[] = [];
    const arg = (v: unknown) => {
      args.push(v);
      return `$${args.length}`;
    };
    parts.push(`status = ANY(${arg([...query.statuses])}::text[])`);
    if (query.kind) parts.push(`kind = ${arg(query.kind)}`);
    if (query.categoryIds?.length) parts.push(`category_ids && ${arg([...query.categoryIds])}::text[]`);
    if (query.ids) parts.push(`id = ANY(${arg([...query.ids])}::text[])`);
    if (query.exceptIds?.length) parts.push(`NOT (id = ANY(${arg([...query.exceptIds])}::text[]))`);
    for (const t of queryTokens(query.q)) parts.push(`search LIKE ${arg(likeAny(t))}`);
    const filter = filterSql(query.filter, {
      arg,
      int: (v) => `${arg(v)}::bigint`,
      inList: (values) => `= ANY(${arg([...values])}::text[])`,
      categories: (match, ids) => {
        const list = `${arg([...ids])}::text[]`;
        return match === 'any' ? `category_ids && ${list}` : match === 'all' ? `category_ids @> ${list}` : `NOT (category_ids && ${list})`;
      },
    });
    if (filter) parts.push(filter);
    return parts.join(' AND ');
  }

  async #page(params: ListParams, select: string): Promise<{ rows: PageRow[]; total: number }> {
    const { query, sort, after, offset, limit, unit } = params;
    const bySeq = unit !== undefined && UNIT_SORT_FIELDS.has(sort.field);
    const col = bySeq ? UNIT_SORT_COLUMNS[sort.field as keyof typeof UNIT_SORT_COLUMNS] : SORT_COLUMNS[sort.field];
    const dir = sort.desc ? 'DESC' : 'ASC';
    const args: unknown[] = [];
    const where = this.#where(query, args);
    const countArgs = [...args];
    // For one unit, each row's figures there (none: no row) ride along, and sort when asked to.
    let from = 'customers';
    if (unit !== undefined) {
      args.push(unit);
      from = `customers LEFT JOIN unit_figures u ON u.u_unit = $${args.length} AND u.u_customer = customers.id`;
      select += ', u.u_orders, u.u_spent::text AS u_spent, u.u_first, u.u_last, u.u_rating_sum, u.u_rating_count';
    }
    const searching = queryTokens(query.q).length > 0;
    let keyset = '';
    if (after) {
      const op = sort.desc ? '<' : '>';
      args.push(after.key, after.id);
      keyset = ` AND (${searching ? 'k' : col}, id) ${op} ($${args.length - 1}, $${args.length})`;
    }
    // A first page or a keyset page by status alone runs as a named prepared statement, planned
    // once per connection; its LIMIT is written in the text, because with `LIMIT $n` the generic
    // plan PostgreSQL settles on expects a tenth of the table and hash-joins every document.
    const prepared = byStatusAlone(query) && unit === undefined && !searching && !offset;
    if (!prepared) args.push(limit + 1, offset ?? 0);
    const range = prepared ? `LIMIT ${Number(limit) + 1}` : `LIMIT $${args.length - 1} OFFSET $${args.length}`;
    let rows: PageRow[];
    let total: number;
    const walk = searching && !this.#inside && walkable(query, unit, offset) ? this.#walk(query, where, countArgs, col, dir, after, limit) : undefined;
    if (walk) void walk.page.catch(() => undefined); // awaited below only when the count says it can be complete
    const walked = walk && (await walk.complete());
    if (walked) {
      rows = walked.rows;
      total = walked.total;
    } else if (searching) {
      // A search visits every match to recheck it, and its total counts them: one pass collects
      // the matches' sort keys, the page and the total both come from it.
      const sql = `WITH m AS MATERIALIZED (SELECT ${select}, ${col} AS k FROM ${from} WHERE ${where}),
        p AS (SELECT * FROM m WHERE true${keyset} ORDER BY k ${dir}, id ${dir} ${range})
        SELECT (SELECT count(*) FROM m)::int AS n, d.data, p.*
        FROM (SELECT 1) one LEFT JOIN (p JOIN customer_data d ON d.id = p.id) ON true ORDER BY p.k ${dir}, p.id ${dir}`;
      const r = await this.#q<PageRow & { n: number }>(sql, args);
      total = Number(r.rows[0]?.n ?? 0);
      rows = r.rows.filter((x) => x.id !== null);
    } else {
      const keys = `SELECT ${select}, ${col} AS k FROM ${from} WHERE ${where}${keyset} ORDER BY ${col} ${dir}, id ${dir} ${range}`;
      const page = `SELECT d.data, p.* FROM (${keys}) p JOIN customer_data d ON d.id = p.id`;
      if (byStatusAlone(query)) {
        // The total is a sum of a few count deltas: it rides in the page's statement, so a page
        // costs one round trip and one pooled connection, not two.
        const sql = `SELECT t.n, t.deltas, p.* FROM ${this.#deltaSum(query, args)} t LEFT JOIN (${page}) p ON true ORDER BY p.k ${dir}, p.id ${dir}`;
        const name = prepared ? statementName(sql) : undefined;
        const r = name ? await this.#db.query<PageRow & { n: string; deltas: number }>({ name, text: sql, values: args }) : await this.#q<PageRow & { n: string; deltas: number }>(sql, args);
        const head = r.rows[0]!;
        total = Number(head.n);
        rows = r.rows.filter((x) => x.id !== null);
        await this.#compactIfMany(head.deltas);
      } else {
        // Counting every match can take as long as the page: both run at once, on two connections.
        const [r, count] = await Promise.all([this.#q<PageRow>(`${page} ORDER BY p.k ${dir}, p.id ${dir}`, args), this.#count(query, where, countArgs)]);
        rows = r.rows;
        total = count;
      }
    }
    // bigint keys come back as strings; the cursor carries numbers for numeric sorts.
    const numeric = sort.field === 'totalSpent' || (bySeq && sort.field === 'ordersCount');
    return { rows: numeric ? rows.map((r) => ({ ...r, k: Number(r.k) })) : rows, total };
  }

  /**
   * The page of a search for one common word, read by walking the sort order's index from the
   * cursor (at most {@link WALK_ROWS} rows) while another connection counts the matches: a word
   * that one customer in fifty carries fills a page within the first few thousand rows, where
   * collecting and sorting every match costs as much again as counting them. `complete()`
   * resolves with the page and the total, or undefined when the page needs every match after all
   * (few matches, or matches bunched past the walk's reach); the caller then collects them.
   */
  #walk(query: CustomerQuery, where: string, countArgs: unknown[], col: string, dir: 'ASC' | 'DESC', after: ListParams['after'], limit: number) {
    const args = [...countArgs];
    let keyset = '';
    if (after) {
      args.push(after.key, after.id);
      keyset = ` WHERE (${col}, id) ${dir === 'DESC' ? '<' : '>'} ($${args.length - 1}, $${args.length})`;
    }
    args.push(WALK_ROWS, limit + 1);
    const sql = `SELECT d.data, p.document, p.id, p.k FROM (
        SELECT * FROM (SELECT customers.*, ${col} AS k FROM customers${keyset} ORDER BY ${col} ${dir}, id ${dir} LIMIT $${args.length - 1}) w
        WHERE ${where} ORDER BY k ${dir}, id ${dir} LIMIT $${args.length}) p
      JOIN customer_data d ON d.id = p.id ORDER BY p.k ${dir}, p.id ${dir}`;
    const page = this.#q<PageRow>(sql, args);
    // The count brings the number of customers by status (and kind) too, from the count deltas.
    const countSqlArgs = [...countArgs];
    const live = this.#deltaSum(query, countSqlArgs);
    // A walkable query names only status, kind and text: customer_search holds those alone, and its fewer pages count faster.
    const counted = this.#q<{ n: number; live: string }>(`SELECT count(*)::int AS n, (SELECT n FROM ${live} t) AS live FROM customer_search WHERE ${where}`, countSqlArgs);
    return {
      page,
      complete: async (): Promise<{ rows: PageRow[]; total: number } | undefined> => {
        const { n, live } = (await counted).rows[0]!;
        // Fewer matches than the walk expects to meet one and a half pages' worth: collecting them is cheap.
        if (2 * n * WALK_ROWS < 3 * (limit + 1) * Number(live)) return undefined;
        const rows = (await page).rows;
        // A full page is the first `limit + 1` matches in order; a short one is complete only when it holds every match.
        return rows.length > limit || (!after && rows.length === n) ? { rows, total: n } : undefined;
      },
    };
  }

  /**
   * How many customers match. A query by status (and kind) alone sums the count deltas the
   * triggers keep (exact, in this transaction's view); any other counts its matches.
   */
  async #count(query: CustomerQuery, where: string, args: unknown[]): Promise<number> {
    if (!byStatusAlone(query)) return Number((await this.#q<{ n: number }>(`SELECT count(*)::int AS n FROM customers WHERE ${where}`, args)).rows[0]!.n);
    const deltaArgs: unknown[] = [];
    const r = (await this.#q<{ n: string; deltas: number }>(`SELECT n, deltas FROM ${this.#deltaSum(query, deltaArgs)} t`, deltaArgs)).rows[0]!;
    await this.#compactIfMany(r.deltas);
    return Number(r.n);
  }

  /** A one-row subquery `(n, deltas)`: the count of a query by status (and kind) from its count deltas, and how many rows it summed. */
  #deltaSum(query: CustomerQuery, args: unknown[]): string {
    args.push([...query.statuses]);
    let where = `status = ANY($${args.length}::text[])`;
    if (query.kind) {
      args.push(query.kind);
      where += ` AND kind = $${args.length}`;
    }
    return `(SELECT coalesce(sum(delta), 0)::bigint AS n, count(*)::int AS deltas FROM customer_count_deltas WHERE ${where})`;
  }

  async #compactIfMany(deltas: number): Promise<void> {
    if (deltas > COMPACT_DELTAS_AT && !this.#inside) await this.#compactCountDeltas();
  }

  /**
   * Folds the count deltas into one row per (status, kind), in one statement: rows another
   * transaction has not committed yet are not seen, so they are neither deleted nor counted here.
   */
  async #compactCountDeltas(): Promise<void> {
    await this.#q(`WITH gone AS (DELETE FROM customer_count_deltas RETURNING status, kind, delta)
      INSERT INTO customer_count_deltas (status, kind, delta) SELECT status, kind, sum(delta) FROM gone GROUP BY status, kind HAVING sum(delta) <> 0`);
  }

  async listCustomersJson(params: ListParams): Promise<ListJsonResult> {
    const { rows, total } = await this.#page(params, 'document, id');
    const page = rows.slice(0, params.limit);
    const last = page[page.length - 1];
    const json = (r: PageRow) => (params.unit === undefined ? r.data : JSON.stringify(withUnitFigures(JSON.parse(r.data) as Customer, unitFiguresOf(r))));
    return { items: page.map((r) => maskJson(json(r), r.document)), last: last && { key: last.k, id: last.id }, hasMore: rows.length > params.limit, total };
  }

  async listCustomers(params: ListParams): Promise<ListResult> {
    const { rows, total } = await this.#page(params, 'document, id');
    const customer = (r: PageRow) => (params.unit === undefined ? (JSON.parse(r.data) as Customer) : withUnitFigures(JSON.parse(r.data) as Customer, unitFiguresOf(r)));
    return { items: rows.slice(0, params.limit).map(customer), hasMore: rows.length > params.limit, total };
  }

  async countCustomers(query: CustomerQuery): Promise<number> {
    const args: unknown[] = [];
    const where = this.#where(query, args);
    return this.#count(query, where, args);
  }

  async *scanCustomers(query: CustomerQuery, sort: SortSpec): AsyncIterable<Customer> {
    let after: ListParams['after'];
    for (;;) {
      const page = await this.listCustomers({ query, sort, after, limit: 500 });
      yield* page.items;
      const last = page.items[page.items.length - 1];
      if (!page.hasMore || !last) return;
      after = { key: sortKeyOf(last, sort.field), id: last.id };
    }
  }

  async categoryCounts(): Promise<Map<string, number>> {
    const r = await this.#q<{ id: string; n: number }>("SELECT c AS id, count(*)::int AS n FROM customers, unnest(category_ids) AS c WHERE status NOT IN ('deleted', 'merged') GROUP BY c");
    return new Map(r.rows.map((x) => [x.id, Number(x.n)]));
  }

  async listCategories(): Promise<StoredCategory[]> {
    return (await this.#q<{ data: string }>('SELECT data FROM categories ORDER BY seq')).rows.map((r) => JSON.parse(r.data) as StoredCategory);
  }

  async getCategory(id: string): Promise<StoredCategory | undefined> {
    const d = (await this.#q<{ data: string }>(`SELECT data FROM categories WHERE id = $1${this.#inside ? ' FOR UPDATE' : ''}`, [id])).rows[0]?.data;
    return d === undefined ? undefined : (JSON.parse(d) as StoredCategory);
  }

  async putCategory(category: StoredCategory, expectedVersion?: number): Promise<boolean> {
    const args: unknown[] = [category.id, searchKey(category.name), category.version, JSON.stringify(category)];
    let sql =
      'INSERT INTO categories (id, name_key, version, data) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET name_key = EXCLUDED.name_key, version = EXCLUDED.version, data = EXCLUDED.data';
    if (expectedVersion !== undefined) {
      sql += ' WHERE categories.version = $5';
      args.push(expectedVersion);
    }
    try {
      return (await this.#guarded(sql, args)).rowCount === 1;
    } catch (e) {
      if (!isUniqueViolation(e, 'categories_name_key')) throw e;
      const holder = (await this.#q<{ id: string }>('SELECT id FROM categories WHERE name_key = $1', [searchKey(category.name)])).rows[0]?.id;
      throw new StoreConflict('category_name', holder);
    }
  }

  async listViews(): Promise<View[]> {
    return (await this.#q<{ data: string }>('SELECT data FROM views ORDER BY seq')).rows.map((r) => JSON.parse(r.data) as View);
  }

  async getView(id: string): Promise<View | undefined> {
    const d = (await this.#q<{ data: string }>(`SELECT data FROM views WHERE id = $1${this.#inside ? ' FOR UPDATE' : ''}`, [id])).rows[0]?.data;
    return d === undefined ? undefined : (JSON.parse(d) as View);
  }

  async putView(view: View, expectedVersion?: number): Promise<boolean> {
    const args: unknown[] = [view.id, view.version, JSON.stringify(view)];
    let sql = 'INSERT INTO views (id, version, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data';
    if (expectedVersion !== undefined) {
      sql += ' WHERE views.version = $4';
      args.push(expectedVersion);
    }
    return (await this.#q(sql, args)).rowCount === 1;
  }

  async deleteView(id: string, expectedVersion?: number): Promise<boolean> {
    const r =
      expectedVersion === undefined
        ? await this.#q('DELETE FROM views WHERE id = $1', [id])
        : await this.#q('DELETE FROM views WHERE id = $1 AND version = $2', [id, expectedVersion]);
    return r.rowCount === 1;
  }

  async insertOrders(orders: readonly Order[]): Promise<void> {
    if (!orders.length) return;
    // One statement for the batch (columns as arrays, unnested server-side): a customer's history
    // costs one round trip, not one per order.
    const rows = orders.map(orderArgs);
    const types = ['text', 'text', 'text', 'text', 'text', 'text', 'bigint', 'integer', 'integer', 'text'];
    const columns = types.map((_, k) => rows.map((r) => r[k]));
    try {
      await this.#guarded(`INSERT INTO orders (${ORDER_COLUMNS}) SELECT * FROM unnest(${types.map((t, k) => `$${k + 1}::${t}[]`).join(', ')})`, columns);
    } catch (e) {
      if (!isUniqueViolation(e, 'orders_number')) throw e;
      let holder: string | undefined;
      for (const o of orders) holder ??= (await this.findOrderByNumber(o.number, o.unitId))?.id;
      throw new StoreConflict('order_number', holder);
    }
  }

  async getOrder(id: string): Promise<Order | undefined> {
    // In a transaction the row is locked first, then read by a statement of its own (whose
    // snapshot holds the latest committed version), as with customers.
    if (this.#inside) await this.#q('SELECT 1 FROM orders WHERE id = $1 FOR UPDATE', [id]);
    const d = (await this.#q<{ data: string }>('SELECT data FROM orders WHERE id = $1', [id])).rows[0]?.data;
    return d === undefined ? undefined : (JSON.parse(d) as Order);
  }

  async findOrderByNumber(number: string, unitId?: string): Promise<Order | undefined> {
    const d = (await this.#q<{ data: string }>('SELECT data FROM orders WHERE unit_key = $1 AND number = $2', [unitId ?? '', number])).rows[0]?.data;
    return d === undefined ? undefined : (JSON.parse(d) as Order);
  }

  async updateOrder(order: Order, expectedVersion?: number): Promise<boolean> {
    const args = orderArgs(order);
    const sets = ORDER_COLUMNS.split(', ').slice(1).map((col, i) => `${col} = $${i + 2}`).join(', ');
    let sql = `UPDATE orders SET ${sets} WHERE id = $1`;
    if (expectedVersion !== undefined) {
      args.push(expectedVersion);
      sql += ` AND version = $${args.length}`;
    }
    try {
      return (await this.#guarded(sql, args)).rowCount === 1;
    } catch (e) {
      if (!isUniqueViolation(e, 'orders_number')) throw e;
      throw new StoreConflict('order_number', (await this.findOrderByNumber(order.number, order.unitId))?.id);
    }
  }

  async listOrders({ customerId, status, after, limit }: OrderListParams): Promise<OrderListResult> {
    const parts: string[] = [];
    const args: unknown[] = [];
    if (customerId !== undefined) (args.push(customerId), parts.push(`customer_id = $${args.length}`));
    if (status) (args.push(status), parts.push(`status = $${args.length}`));
    if (after) (args.push(after.placedAt, after.id), parts.push(`(placed_at, id) < ($${args.length - 1}, $${args.length})`));
    args.push(limit + 1);
    const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const rows = (await this.#q<{ data: string }>(`SELECT data FROM orders ${where} ORDER BY placed_at DESC, id DESC LIMIT $${args.length}`, args)).rows;
    return { items: rows.slice(0, limit).map((r) => JSON.parse(r.data) as Order), hasMore: rows.length > limit };
  }

  async categoryFigureSums({ start, split, at }: FiguresWindow): Promise<CategoryFigureSums[]> {
    const sums = new Map<string, CategoryFigureSums>();
    const members = await this.#q<{ id: string; members: number; orders: string; spent: string }>(
      `SELECT cat AS id, count(*)::int AS members, sum(orders_count)::text AS orders, sum(total_spent)::text AS spent
       FROM customers, unnest(category_ids) AS cat
       WHERE status NOT IN ('deleted', 'merged') AND category_ids <> '{}' GROUP BY cat`,
    );
    for (const r of members.rows) sums.set(r.id, { categoryId: r.id, members: r.members, ordersCount: Number(r.orders), totalSpentCents: Number(r.spent), ordersLast: 0, ordersPrevious: 0 });
    const windows = await this.#q<{ id: string; last: number; previous: number }>(
      `SELECT cat AS id, count(*) FILTER (WHERE o.placed_at >= $2)::int AS last, count(*) FILTER (WHERE o.placed_at < $2)::int AS previous
       FROM orders o JOIN customers c ON c.id = o.customer_id, unnest(c.category_ids) AS cat
       WHERE o.placed_at >= $1 AND o.placed_at < $3 AND o.status = ANY($4::text[]) AND c.status NOT IN ('deleted', 'merged')
       GROUP BY cat`,
      [start, split, at, COUNTED],
    );
    for (const r of windows.rows) {
      const f = sums.get(r.id);
      if (f) (f.ordersLast = r.last), (f.ordersPrevious = r.previous);
    }
    return [...sums.values()];
  }

  async orderFigures(customerId: string): Promise<OrderFigures> {
    const r = (
      await this.#q<{ count: number; total: string; first: string | null; last: string | null; rating_sum: string; rating_count: number }>(
        `SELECT count(*) FILTER (WHERE counted)::int AS count, coalesce(sum(total_cents) FILTER (WHERE counted), 0)::text AS total,
           min(placed_at) FILTER (WHERE counted) AS first, max(placed_at) FILTER (WHERE counted) AS last,
           coalesce(sum(rating), 0)::text AS rating_sum, count(rating)::int AS rating_count
         FROM (SELECT *, status = ANY($2::text[]) AS counted FROM orders WHERE customer_id = $1) o`,
        [customerId, COUNTED],
      )
    ).rows[0]!;
    return { count: r.count, totalCents: Number(r.total), firstAt: r.first, lastAt: r.last, ratingSum: Number(r.rating_sum), ratingCount: r.rating_count };
  }

  async appendCreditEntries(entries: readonly CreditEntry[]): Promise<void> {
    if (!this.#inside) return this.transaction((tx) => tx.appendCreditEntries(entries));
    const grantIds = [...new Set(entries.flatMap((e) => (e.type === 'grant' ? [] : [e.grantId])))];
    // The grants' rows are locked for the rest of the transaction, so the balances checked here
    // are the ones the updates below replace.
    const known = new Map<string, { customerId: string; remaining: number; expired: boolean }>();
    if (grantIds.length) {
      const r = await this.#q<{ id: string; customer_id: string; remaining: string; expired: boolean }>(
        `SELECT g.id, g.customer_id, g.remaining_cents::text AS remaining,
           EXISTS (SELECT 1 FROM credit_entries x WHERE x.grant_id = g.id AND x.type = 'expiry') AS expired
         FROM credit_entries g WHERE g.id = ANY($1::text[]) AND g.type = 'grant' ORDER BY g.id FOR UPDATE OF g`,
        [grantIds],
      );
      for (const g of r.rows) known.set(g.id, { customerId: g.customer_id, remaining: Number(g.remaining), expired: g.expired });
    }
    const balances = applyToBalances(entries, (id) => known.get(id));
    for (const e of entries) {
      await this.#q(
        `INSERT INTO credit_entries (id, customer_id, type, grant_id, kind, amount_cents, expires_at, remaining_cents, at, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          e.id,
          e.customerId,
          e.type,
          e.type === 'grant' ? null : e.grantId,
          e.type === 'grant' ? e.kind : null,
          e.amountCents,
          e.type === 'grant' ? e.expiresAt : null,
          e.type === 'grant' ? e.amountCents : null,
          e.at,
          JSON.stringify(e),
        ],
      );
    }
    for (const [id, remaining] of balances) await this.#q("UPDATE credit_entries SET remaining_cents = $2 WHERE id = $1 AND type = 'grant'", [id, remaining]);
  }

  async creditEntries(customerId: string): Promise<CreditEntry[]> {
    const r = await this.#q<{ data: string }>('SELECT data FROM credit_entries WHERE customer_id = $1 ORDER BY seq', [customerId]);
    return r.rows.map((x) => JSON.parse(x.data) as CreditEntry);
  }

  async *scanCreditEntries(): AsyncIterable<CreditEntry> {
    const r = await this.#q<{ data: string }>('SELECT data FROM credit_entries ORDER BY customer_id, seq');
    for (const x of r.rows) yield JSON.parse(x.data) as CreditEntry;
  }

  async getMeta<T>(key: string, now?: string): Promise<T | undefined> {
    // In a transaction the key is locked until it ends (an advisory lock, so it holds for a key
    // that has no row yet): a read-modify-write of one record — a queue, a setting — cannot lose
    // another process's write. The read that follows is a statement of its own, so its snapshot
    // holds what the previous holder committed.
    if (this.#inside) await this.#q('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`meta:${key}`]);
    const r =
      now === undefined
        ? await this.#q<{ value: string }>('SELECT value FROM meta WHERE key = $1', [key])
        : await this.#q<{ value: string }>('SELECT value FROM meta WHERE key = $1 AND (expires_at IS NULL OR expires_at > $2)', [key, now]);
    const v = r.rows[0]?.value;
    return v === undefined ? undefined : (JSON.parse(v) as T);
  }

  async setMeta(key: string, value: unknown, expiresAt?: string): Promise<void> {
    await this.#q('INSERT INTO meta (key, value, expires_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at', [
      key,
      JSON.stringify(value),
      expiresAt ?? null,
    ]);
  }

  async claimMeta(key: string, value: unknown, now: string, expiresAt?: string): Promise<boolean> {
    // One insert decides: a concurrent claim of the key waits on the row, then finds it live.
    const r = await this.#q(
      `INSERT INTO meta (key, value, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at
       WHERE meta.expires_at IS NOT NULL AND meta.expires_at <= $4`,
      [key, JSON.stringify(value), expiresAt ?? null, now],
    );
    return r.rowCount === 1;
  }

  async countHit(key: string, now: string, windowEnd: string): Promise<{ count: number; resetAt: string }> {
    // One upsert: a live window counts one more, an expired (or missing) one starts again at 1.
    const r = await this.#q<{ value: string }>(
      `INSERT INTO meta (key, value, expires_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET
         value = CASE WHEN meta.expires_at IS NULL OR meta.expires_at <= $4 THEN EXCLUDED.value
                 ELSE jsonb_set(meta.value::jsonb, '{count}', to_jsonb((meta.value::jsonb ->> 'count')::int + 1))::text END,
         expires_at = CASE WHEN meta.expires_at IS NULL OR meta.expires_at <= $4 THEN EXCLUDED.expires_at ELSE meta.expires_at END
       RETURNING value`,
      [key, JSON.stringify({ count: 1, resetAt: windowEnd }), windowEnd, now],
    );
    return JSON.parse(r.rows[0]!.value) as { count: number; resetAt: string };
  }

  async deleteMeta(key: string): Promise<void> {
    await this.#q('DELETE FROM meta WHERE key = $1', [key]);
  }

  async purgeExpiredMeta(now: string): Promise<number> {
    return (await this.#q('DELETE FROM meta WHERE expires_at IS NOT NULL AND expires_at <= $1', [now])).rowCount ?? 0;
  }

  async appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    const seq = Number((await this.#q<{ seq: string }>("SELECT nextval(pg_get_serial_sequence('audit', 'seq')) AS seq")).rows[0]!.seq);
    const full = { id: `aud_${String(seq).padStart(8, '0')}`, ...entry };
    await this.#q('INSERT INTO audit (seq, action, at, data) VALUES ($1, $2, $3, $4)', [seq, entry.action, entry.at, JSON.stringify(full)]);
    return full;
  }

  async listAudit({ action, since, until, beforeSeq, limit }: AuditQueryParams): Promise<StoredAudit[]> {
    const parts = ['TRUE'];
    const args: unknown[] = [];
    if (action) (args.push(action), parts.push(`action = $${args.length}`));
    if (since) (args.push(since), parts.push(`at >= $${args.length}`));
    if (until) (args.push(until), parts.push(`at <= $${args.length}`));
    if (beforeSeq !== undefined) (args.push(beforeSeq), parts.push(`seq < $${args.length}`));
    args.push(limit);
    const r = await this.#q<{ seq: string; data: string }>(`SELECT seq, data FROM audit WHERE ${parts.join(' AND ')} ORDER BY seq DESC LIMIT $${args.length}`, args);
    return r.rows.map((x) => ({ seq: Number(x.seq), entry: JSON.parse(x.data) as AuditEntry }));
  }

  // ---- erasure in the data log (#18 §2) ----
  async scrubAudit(needles: readonly string[], rewrite: (entry: AuditEntry) => AuditEntry): Promise<number> {
    const wanted = needles.map(auditNeedle);
    if (!wanted.length) return 0;
    // Locked: an entry being scrubbed is not rewritten by a concurrent erasure from an old copy.
    const r = await this.#q<{ seq: string; data: string }>('SELECT seq, data FROM audit WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS n WHERE strpos(lower(data), lower(n)) > 0) FOR UPDATE', [wanted]);
    let n = 0;
    for (const x of r.rows) {
      const next = JSON.stringify(rewrite(JSON.parse(x.data) as AuditEntry));
      if (next === x.data) continue;
      await this.#q('UPDATE audit SET data = $1 WHERE seq = $2', [next, x.seq]);
      n++;
    }
    return n;
  }

  // ---- units (stores) ----
  async listUnits(): Promise<Unit[]> {
    return (await this.#q<{ data: string }>('SELECT data FROM units ORDER BY seq')).rows.map((r) => JSON.parse(r.data) as Unit);
  }

  async getUnit(id: string): Promise<Unit | undefined> {
    // Share-locked in a transaction: an order written at the unit keeps a concurrent delete
    // (which locks the row for update, then looks for orders) waiting until the order is visible.
    const d = (await this.#q<{ data: string }>(`SELECT data FROM units WHERE id = $1${this.#inside ? ' FOR SHARE' : ''}`, [id])).rows[0]?.data;
    return d === undefined ? undefined : (JSON.parse(d) as Unit);
  }

  async #unitConflict(e: unknown, unit: Unit): Promise<never> {
    if (isUniqueViolation(e, 'units_pkey')) throw new StoreConflict('unit_id', unit.id);
    if (isUniqueViolation(e, 'units_name_key')) {
      const holder = (await this.#q<{ id: string }>('SELECT id FROM units WHERE name_key = $1', [searchKey(unit.name)])).rows[0]?.id;
      throw new StoreConflict('unit_name', holder);
    }
    throw e;
  }

  async insertUnit(unit: Unit): Promise<void> {
    try {
      await this.#guarded('INSERT INTO units (id, name_key, version, data) VALUES ($1, $2, $3, $4)', [unit.id, searchKey(unit.name), unit.version, JSON.stringify(unit)]);
    } catch (e) {
      await this.#unitConflict(e, unit);
    }
  }

  async updateUnit(unit: Unit, expectedVersion: number): Promise<boolean> {
    try {
      const args = [unit.id, searchKey(unit.name), unit.version, JSON.stringify(unit), expectedVersion];
      return (await this.#guarded('UPDATE units SET name_key = $2, version = $3, data = $4 WHERE id = $1 AND version = $5', args)).rowCount === 1;
    } catch (e) {
      return this.#unitConflict(e, unit);
    }
  }

  async deleteUnit(id: string): Promise<'deleted' | 'in_use' | 'missing'> {
    if (!this.#inside) return this.transaction((tx) => tx.deleteUnit(id));
    // Locked first, then the orders looked for by a statement of its own: its snapshot sees an
    // order whose transaction held the unit share-locked and committed while this one waited.
    if (!(await this.#q('SELECT 1 FROM units WHERE id = $1 FOR UPDATE', [id])).rowCount) return 'missing';
    if ((await this.#q('SELECT 1 FROM orders WHERE unit_key = $1 LIMIT 1', [id])).rowCount) return 'in_use';
    await this.#q('DELETE FROM units WHERE id = $1', [id]);
    return 'deleted';
  }

  // ---- events and webhooks ----

  /**
   * Numbers and stores this transaction's events, with their deliveries, right before COMMIT.
   * The advisory lock is held from here to the commit, so numbers are taken in commit order: a
   * transaction numbers its events only after every transaction that numbered before it has
   * committed (or rolled back, leaving a gap). Taken last, after every row lock the transaction
   * needs, so it cannot be part of a deadlock, and held only for these statements and the commit.
   */
  async #flushEvents(): Promise<void> {
    const events = this.#pendingEvents;
    if (!events.length) return;
    this.#pendingEvents = [];
    await this.#q('SELECT pg_advisory_xact_lock($1)', [EVENTS_LOCK]);
    const seqs = (await this.#q<{ seq: string }>("SELECT nextval('events_seq') AS seq FROM generate_series(1, $1)", [events.length])).rows
      .map((r) => Number(r.seq))
      .sort((a, b) => a - b);
    await this.#q('INSERT INTO events (seq, id, type, data) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[])', [
      seqs,
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e)),
    ]);
    const endpoints = await this.#endpoints();
    const deliveries = events.flatMap((e) => deliveriesFor(e, endpoints));
    if (!deliveries.length) return;
    await this.#q(
      'INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, next_attempt_at, data) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])',
      [deliveries.map((d) => d.id), deliveries.map((d) => d.endpointId), deliveries.map((d) => d.eventId), deliveries.map((d) => d.status), deliveries.map((d) => d.nextAttemptAt), deliveries.map((d) => JSON.stringify(d))],
    );
  }

  async #endpoints(): Promise<StoredWebhookEndpoint[]> {
    return (await this.#q<{ data: string }>('SELECT data FROM webhook_endpoints ORDER BY seq')).rows.map((r) => JSON.parse(r.data) as StoredWebhookEndpoint);
  }

  async appendEvent(event: NewEvent): Promise<void> {
    if (!this.#inside) return this.transaction((tx) => tx.appendEvent(event));
    this.#pendingEvents.push(event);
  }

  async listEvents({ after, types, limit }: EventListParams): Promise<EventListResult> {
    // One statement, so the page and the highest number seen come from one snapshot.
    const typeSql = types ? ' AND type = ANY($3::text[])' : '';
    const r = await this.#q<{ seq: string | null; data: string | null }>(
      `(SELECT seq, data FROM events WHERE seq > $1${typeSql} ORDER BY seq LIMIT $2) UNION ALL (SELECT max(seq), NULL FROM events)`,
      types ? [after, limit + 1, types] : [after, limit + 1],
    );
    const top = Number(r.rows.find((x) => x.data === null)?.seq ?? 0);
    const rows = r.rows.filter((x) => x.data !== null).map((x) => ({ seq: Number(x.seq), data: x.data! })).sort((a, b) => a.seq - b.seq);
    const hasMore = rows.length > limit;
    if (hasMore) rows.length = limit;
    const items = rows.map((x) => ({ ...(JSON.parse(x.data) as NewEvent), sequence: x.seq }) as Event);
    return { items, hasMore, cursor: hasMore ? rows.at(-1)!.seq : Math.max(after, top) };
  }

  async getEvent(id: string): Promise<Event | undefined> {
    const r = (await this.#q<{ seq: string; data: string }>('SELECT seq, data FROM events WHERE id = $1', [id])).rows[0];
    return r && ({ ...(JSON.parse(r.data) as NewEvent), sequence: Number(r.seq) } as Event);
  }

  listWebhookEndpoints(): Promise<StoredWebhookEndpoint[]> {
    return this.#endpoints();
  }

  async getWebhookEndpoint(id: string): Promise<StoredWebhookEndpoint | undefined> {
    const d = (await this.#q<{ data: string }>('SELECT data FROM webhook_endpoints WHERE id = $1', [id])).rows[0]?.data;
    return d === undefined ? undefined : (JSON.parse(d) as StoredWebhookEndpoint);
  }

  async putWebhookEndpoint(endpoint: StoredWebhookEndpoint, expectedVersion?: number): Promise<boolean> {
    const args: unknown[] = [endpoint.id, endpoint.version, JSON.stringify(endpoint)];
    let sql = 'INSERT INTO webhook_endpoints (id, version, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data';
    if (expectedVersion !== undefined) {
      sql = 'UPDATE webhook_endpoints SET version = $2, data = $3 WHERE id = $1 AND version = $4';
      args.push(expectedVersion);
    }
    return ((await this.#q(sql, args)).rowCount ?? 0) === 1;
  }

  async deleteWebhookEndpoint(id: string, expectedVersion?: number): Promise<boolean> {
    if (!this.#inside) return this.transaction((tx) => tx.deleteWebhookEndpoint(id, expectedVersion));
    const args: unknown[] = [id];
    if (expectedVersion !== undefined) args.push(expectedVersion);
    const deleted = ((await this.#q(`DELETE FROM webhook_endpoints WHERE id = $1${expectedVersion !== undefined ? ' AND version = $2' : ''}`, args)).rowCount ?? 0) === 1;
    if (deleted) await this.#q('DELETE FROM webhook_deliveries WHERE endpoint_id = $1', [id]);
    return deleted;
  }

  async listDeliveries({ endpointId, status, beforeSeq, limit }: DeliveryListParams): Promise<{ items: StoredDelivery[]; hasMore: boolean }> {
    const args: unknown[] = [endpointId];
    const parts = ['endpoint_id = $1'];
    if (status) (args.push(status), parts.push(`status = $${args.length}`));
    if (beforeSeq !== undefined) (args.push(beforeSeq), parts.push(`seq < $${args.length}`));
    args.push(limit + 1);
    const rows = (await this.#q<{ seq: string; data: string }>(`SELECT seq, data FROM webhook_deliveries WHERE ${parts.join(' AND ')} ORDER BY seq DESC LIMIT $${args.length}`, args)).rows;
    const hasMore = rows.length > limit;
    if (hasMore) rows.length = limit;
    return { items: rows.map(deliveryOf), hasMore };
  }

  async getDelivery(id: string): Promise<StoredDelivery | undefined> {
    const r = (await this.#q<{ seq: string; data: string }>('SELECT seq, data FROM webhook_deliveries WHERE id = $1', [id])).rows[0];
    return r && deliveryOf(r);
  }

  async leaseDeliveries(owner: string, now: string, leaseUntil: string, limit: number): Promise<StoredDelivery[]> {
    // SKIP LOCKED: two processes leasing at once take different rows; a row another process
    // leased and committed meanwhile is re-checked against its new lease and left alone.
    const r = await this.#q<{ seq: string; data: string }>(
      `UPDATE webhook_deliveries SET lease_owner = $1, lease_until = $2 WHERE seq IN (
         SELECT seq FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $3 AND (lease_until IS NULL OR lease_until <= $3)
           AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE (data::jsonb ->> 'enabled')::boolean)
         ORDER BY next_attempt_at, seq LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING seq, data`,
      [owner, leaseUntil, now, limit],
    );
    return r.rows.map(deliveryOf).sort((a, b) => (a.nextAttemptAt! < b.nextAttemptAt! ? -1 : a.nextAttemptAt! > b.nextAttemptAt! ? 1 : a.seq - b.seq));
  }

  async finishDelivery(id: string, owner: string, outcome: DeliveryOutcome): Promise<boolean> {
    if (!this.#inside) return this.transaction((tx) => tx.finishDelivery(id, owner, outcome));
    const r = (await this.#q<{ seq: string; data: string }>('SELECT seq, data FROM webhook_deliveries WHERE id = $1 AND lease_owner = $2 FOR UPDATE', [id, owner])).rows[0];
    if (!r) return false;
    const { seq, ...next } = afterAttempt(deliveryOf(r), outcome);
    await this.#q('UPDATE webhook_deliveries SET status = $2, next_attempt_at = $3, lease_owner = NULL, lease_until = NULL, data = $4 WHERE seq = $1', [
      seq,
      next.status,
      next.nextAttemptAt,
      JSON.stringify(next),
    ]);
    return true;
  }

  async requeueDelivery(id: string, now: string): Promise<StoredDelivery | undefined> {
    if (!this.#inside) return this.transaction((tx) => tx.requeueDelivery(id, now));
    const r = (await this.#q<{ seq: string; data: string }>('SELECT seq, data FROM webhook_deliveries WHERE id = $1 FOR UPDATE', [id])).rows[0];
    if (!r) return undefined;
    const { seq, ...rest } = deliveryOf(r);
    const next = { ...rest, status: 'pending' as const, nextAttemptAt: now, manual: true, updatedAt: now };
    await this.#q("UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $2, data = $3 WHERE seq = $1", [seq, now, JSON.stringify(next)]);
    return { ...next, seq };
  }

  // ---- messages (#17) ----
  async insertMessageBatch(batch: Omit<StoredMessageBatch, 'seq'>, recipients: readonly Omit<StoredRecipient, 'seq'>[]): Promise<void> {
    await this.#q('INSERT INTO message_batches (id, data) VALUES ($1, $2)', [batch.id, JSON.stringify(batch)]);
    // In slices of 5,000 rows: one statement per slice, not one per recipient.
    for (let i = 0; i < recipients.length; i += 5000) {
      const part = recipients.slice(i, i + 5000);
      await this.#q(
        `INSERT INTO message_recipients (id, message_id, customer_id, channel, status, next_attempt_at, sent_at, data)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
        [
          part.map((r) => r.id),
          part.map((r) => r.messageId),
          part.map((r) => r.customerId),
          part.map((r) => r.channel),
          part.map((r) => r.status),
          part.map((r) => r.nextAttemptAt),
          part.map((r) => r.sentAt ?? null),
          part.map((r) => recipientData(r)),
        ],
      );
    }
  }

  async addToMessageBatch(batch: Omit<StoredMessageBatch, 'seq'>, recipient: Omit<StoredRecipient, 'seq'>): Promise<void> {
    // One statement: two processes adding to the day's batch at once meet on its unique id, and
    // the second adds its counts to the first's row instead of failing.
    await this.#q(
      `INSERT INTO message_batches (id, data) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET data = jsonb_set(message_batches.data::jsonb, '{counts}',
         (SELECT jsonb_object_agg(k, coalesce((message_batches.data::jsonb -> 'counts' ->> k)::int, 0) + (excluded.data::jsonb -> 'counts' ->> k)::int)
            FROM jsonb_object_keys(excluded.data::jsonb -> 'counts') AS k))::text`,
      [batch.id, JSON.stringify(batch)],
    );
    const r = recipient;
    await this.#q(
      'INSERT INTO message_recipients (id, message_id, customer_id, channel, status, next_attempt_at, sent_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [r.id, r.messageId, r.customerId, r.channel, r.status, r.nextAttemptAt, r.sentAt ?? null, recipientData(r)],
    );
  }

  async listMessageBatches({ beforeSeq, limit }: { beforeSeq?: number | undefined; limit: number }): Promise<{ items: StoredMessageBatch[]; hasMore: boolean }> {
    const rows = (
      await this.#q<{ seq: string; data: string }>(
        `SELECT seq, data FROM message_batches${beforeSeq !== undefined ? ' WHERE seq < $2' : ''} ORDER BY seq DESC LIMIT $1`,
        beforeSeq !== undefined ? [limit + 1, beforeSeq] : [limit + 1],
      )
    ).rows;
    const hasMore = rows.length > limit;
    return { items: rows.slice(0, limit).map(batchOf), hasMore };
  }

  async getMessageBatch(id: string): Promise<StoredMessageBatch | undefined> {
    const r = (await this.#q<{ seq: string; data: string }>('SELECT seq, data FROM message_batches WHERE id = $1', [id])).rows[0];
    return r && batchOf(r);
  }

  async messageProgress(messageIds: readonly string[]): Promise<Map<string, MessageProgress>> {
    const out = new Map(messageIds.map((id) => [id, emptyProgress()]));
    if (!messageIds.length) return out;
    const rows = (
      await this.#q<{ message_id: string; status: keyof MessageProgress; n: string }>(
        'SELECT message_id, status, count(*) AS n FROM message_recipients WHERE message_id = ANY($1::text[]) GROUP BY message_id, status',
        [[...messageIds]],
      )
    ).rows;
    for (const r of rows) out.get(r.message_id)![r.status] = Number(r.n);
    return out;
  }

  async listMessageRecipients({ messageId, customerId, status, afterSeq, limit }: RecipientListParams): Promise<{ items: StoredRecipient[]; hasMore: boolean }> {
    const parts: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown) => (args.push(v), `$${args.length}`);
    if (messageId) parts.push(`message_id = ${arg(messageId)}`);
    if (customerId) parts.push(`customer_id = ${arg(customerId)}`);
    if (status) parts.push(`status = ${arg(status)}`);
    if (afterSeq !== undefined) parts.push(`seq > ${arg(afterSeq)}`);
    const rows = (
      await this.#q<{ seq: string; data: string }>(
        `SELECT seq, data FROM message_recipients${parts.length ? ` WHERE ${parts.join(' AND ')}` : ''} ORDER BY seq LIMIT ${arg(limit + 1)}`,
        args,
      )
    ).rows;
    const hasMore = rows.length > limit;
    return { items: rows.slice(0, limit).map(recipientOf), hasMore };
  }

  async leaseMessageRecipients(owner: string, channel: MessageChannel, now: string, leaseUntil: string, limit: number): Promise<StoredRecipient[]> {
    // SKIP LOCKED: two processes leasing at once take different rows; a row another process
    // leased and committed meanwhile is re-checked against its new lease and left alone.
    const r = await this.#q<{ seq: string; data: string }>(
      `UPDATE message_recipients SET lease_owner = $1, lease_until = $2 WHERE seq IN (
         SELECT seq FROM message_recipients WHERE status = 'queued' AND channel = $3 AND next_attempt_at <= $4 AND (lease_until IS NULL OR lease_until <= $4)
         ORDER BY next_attempt_at, seq LIMIT $5 FOR UPDATE SKIP LOCKED)
       RETURNING seq, data`,
      [owner, leaseUntil, channel, now, limit],
    );
    return r.rows.map(recipientOf).sort((a, b) => a.seq - b.seq);
  }

  async finishMessageRecipient(id: string, owner: string, outcome: RecipientOutcome): Promise<boolean> {
    if (!this.#inside) return this.transaction((tx) => tx.finishMessageRecipient(id, owner, outcome));
    const r = (await this.#q<{ seq: string; data: string }>('SELECT seq, data FROM message_recipients WHERE id = $1 AND lease_owner = $2 FOR UPDATE', [id, owner])).rows[0];
    if (!r) return false;
    const next = { ...recipientOf(r), ...outcome };
    await this.#q('UPDATE message_recipients SET status = $2, next_attempt_at = $3, sent_at = $4, lease_owner = NULL, lease_until = NULL, data = $5 WHERE seq = $1', [
      next.seq,
      next.status,
      next.nextAttemptAt,
      next.sentAt ?? null,
      recipientData(next),
    ]);
    return true;
  }

  async countMessagesSentSince(channel: MessageChannel, since: string): Promise<number> {
    const r = await this.#q<{ n: string }>('SELECT count(*) AS n FROM message_recipients WHERE channel = $1 AND sent_at >= $2', [channel, since]);
    return Number(r.rows[0]?.n ?? 0);
  }

  // ---- automations (#17 §3) ----
  async listAutomations(): Promise<StoredAutomation[]> {
    return (await this.#q<{ data: string }>('SELECT data FROM automations ORDER BY seq')).rows.map((r) => JSON.parse(r.data) as StoredAutomation);
  }

  async getAutomation(id: string): Promise<StoredAutomation | undefined> {
    const d = (await this.#q<{ data: string }>(`SELECT data FROM automations WHERE id = $1${this.#inside ? ' FOR UPDATE' : ''}`, [id])).rows[0]?.data;
    return d === undefined ? undefined : (JSON.parse(d) as StoredAutomation);
  }

  async putAutomation(automation: StoredAutomation, expectedVersion?: number): Promise<boolean> {
    const args: unknown[] = [automation.id, automation.version, JSON.stringify(automation)];
    let sql = 'INSERT INTO automations (id, version, data) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, data = EXCLUDED.data';
    if (expectedVersion !== undefined) {
      sql += ' WHERE automations.version = $4';
      args.push(expectedVersion);
    }
    return ((await this.#q(sql, args)).rowCount ?? 0) === 1;
  }

  async deleteAutomation(id: string, expectedVersion?: number): Promise<boolean> {
    const r =
      expectedVersion === undefined
        ? await this.#q('DELETE FROM automations WHERE id = $1', [id])
        : await this.#q('DELETE FROM automations WHERE id = $1 AND version = $2', [id, expectedVersion]);
    return (r.rowCount ?? 0) === 1;
  }

  async claimAutomationOccasion(o: AutomationOccasion): Promise<boolean> {
    // The unique key decides: a concurrent claim waits for the first transaction, then does nothing.
    const r = await this.#q('INSERT INTO automation_occasions (automation_id, occasion, data) VALUES ($1, $2, $3) ON CONFLICT (automation_id, occasion) DO NOTHING', [
      o.automationId,
      o.occasion,
      JSON.stringify(o),
    ]);
    return r.rowCount === 1;
  }

  async listAutomationOccasions(automationId: string): Promise<AutomationOccasion[]> {
    return (await this.#q<{ data: string }>('SELECT data FROM automation_occasions WHERE automation_id = $1 ORDER BY seq', [automationId])).rows.map(
      (r) => JSON.parse(r.data) as AutomationOccasion,
    );
  }

  async putCart(cart: StoredCart): Promise<boolean> {
    const r = await this.#q(
      `INSERT INTO carts (id, status, last_event, last_event_at, data) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, last_event = EXCLUDED.last_event, last_event_at = EXCLUDED.last_event_at, data = EXCLUDED.data
       WHERE carts.last_event_at < EXCLUDED.last_event_at OR (carts.last_event_at = EXCLUDED.last_event_at AND carts.last_event <> EXCLUDED.last_event)`,
      [cart.id, cart.status, cart.lastEvent, cart.lastEventAt, JSON.stringify(cart)],
    );
    return r.rowCount === 1;
  }

  async getCart(id: string): Promise<StoredCart | undefined> {
    const d = (await this.#q<{ data: string }>('SELECT data FROM carts WHERE id = $1', [id])).rows[0]?.data;
    return d === undefined ? undefined : (JSON.parse(d) as StoredCart);
  }

  async listIdleCarts(idleSince: string, afterId: string | undefined, limit: number): Promise<StoredCart[]> {
    return (
      await this.#q<{ data: string }>("SELECT data FROM carts WHERE status = 'open' AND last_event_at <= $1 AND id > $2 ORDER BY id LIMIT $3", [idleSince, afterId ?? '', limit])
    ).rows.map((r) => JSON.parse(r.data) as StoredCart);
  }

  // ---- LGPD (#18 §1–§2): consent records and data-subject requests ----
  async appendConsentRecords(records: readonly ConsentRecord[]): Promise<void> {
    if (!records.length) return;
    await this.#q('INSERT INTO consent_records (id, customer_id, data) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])', [
      records.map((r) => r.id),
      records.map((r) => r.customerId),
      records.map((r) => JSON.stringify(r)),
    ]);
  }

  async listConsentRecords(customerId: string): Promise<ConsentRecord[]> {
    const r = await this.#q<{ data: string }>('SELECT data FROM consent_records WHERE customer_id = $1 ORDER BY seq', [customerId]);
    return r.rows.map((row) => JSON.parse(row.data) as ConsentRecord);
  }

  async putPrivacyRequest(request: PrivacyRequest, expectedVersion?: number): Promise<boolean> {
    const args = [request.id, request.customerId, request.status, request.version, JSON.stringify(request)];
    if (expectedVersion === undefined) {
      await this.#q(
        'INSERT INTO privacy_requests (id, customer_id, status, version, data) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version, data = EXCLUDED.data',
        args,
      );
      return true;
    }
    // Only over the version read: a concurrent handler's write in between makes this one a no-op.
    const r = await this.#q('UPDATE privacy_requests SET status = $3, version = $4, data = $5 WHERE id = $1 AND customer_id = $2 AND version = $6', [...args, expectedVersion]);
    return (r.rowCount ?? 0) > 0;
  }

  async getPrivacyRequest(id: string): Promise<StoredPrivacyRequest | undefined> {
    const r = (await this.#q<{ seq: string; data: string }>('SELECT seq, data FROM privacy_requests WHERE id = $1', [id])).rows[0];
    return r && privacyRequestOf(r);
  }

  async listPrivacyRequests({ status, customerId, beforeSeq, limit }: PrivacyRequestListParams): Promise<{ items: StoredPrivacyRequest[]; hasMore: boolean }> {
    const parts: string[] = [];
    const args: unknown[] = [];
    if (status) args.push(status), parts.push(`status = $${args.length}`);
    if (customerId) args.push(customerId), parts.push(`customer_id = $${args.length}`);
    if (beforeSeq !== undefined) args.push(beforeSeq), parts.push(`seq < $${args.length}`);
    args.push(limit + 1);
    const rows = (
      await this.#q<{ seq: string; data: string }>(
        `SELECT seq, data FROM privacy_requests${parts.length ? ` WHERE ${parts.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${args.length}`,
        args,
      )
    ).rows;
    return { items: rows.slice(0, limit).map(privacyRequestOf), hasMore: rows.length > limit };
  }

  async redactMessageRecipients(customerId: string, name: string, text: string): Promise<number> {
    const rows = (await this.#q<{ seq: string; data: string }>('SELECT seq, data FROM message_recipients WHERE customer_id = $1 FOR UPDATE', [customerId])).rows;
    for (const r of rows) await this.#q('UPDATE message_recipients SET data = $2 WHERE seq = $1', [r.seq, recipientData(redactedRecipient(recipientOf(r), name, text))]);
    return rows.length;
  }

  // ---- managed API keys (#16 §4) ----
  #apiKeyOf(row: { data: string; last_used_at: string | null } | undefined): StoredApiKey | undefined {
    return row && { ...(JSON.parse(row.data) as StoredApiKey), lastUsedAt: row.last_used_at };
  }

  async listApiKeys(): Promise<StoredApiKey[]> {
    const rows = (await this.#q<{ data: string; last_used_at: string | null }>('SELECT data, last_used_at FROM api_keys ORDER BY seq DESC')).rows;
    return rows.map((r) => this.#apiKeyOf(r) as StoredApiKey);
  }

  async getApiKey(id: string): Promise<StoredApiKey | undefined> {
    return this.#apiKeyOf((await this.#q<{ data: string; last_used_at: string | null }>('SELECT data, last_used_at FROM api_keys WHERE id = $1', [id])).rows[0]);
  }

  async findApiKeyByHash(hash: string): Promise<StoredApiKey | undefined> {
    return this.#apiKeyOf((await this.#q<{ data: string; last_used_at: string | null }>('SELECT data, last_used_at FROM api_keys WHERE hash = $1', [hash])).rows[0]);
  }

  async insertApiKey(key: StoredApiKey): Promise<void> {
    const { lastUsedAt, ...data } = key;
    await this.#q('INSERT INTO api_keys (id, hash, version, last_used_at, data) VALUES ($1, $2, $3, $4, $5)', [key.id, key.hash, key.version, lastUsedAt, JSON.stringify(data)]);
  }

  async updateApiKey(key: StoredApiKey, expectedVersion: number): Promise<boolean> {
    const { lastUsedAt: _lastUsedAt, ...data } = key;
    const r = await this.#q('UPDATE api_keys SET version = $2, data = $3 WHERE id = $1 AND version = $4', [key.id, key.version, JSON.stringify(data), expectedVersion]);
    return (r.rowCount ?? 0) === 1;
  }

  async touchApiKey(id: string, at: string): Promise<void> {
    await this.#q('UPDATE api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)', [id, at]);
  }

  // ---- duplicates (#18 §3) ----
  /**
   * Files the customers this transaction wrote under their duplicate keys and pairs them, right
   * before COMMIT. Two transactions writing customers that share a key would each miss the other's
   * uncommitted rows, so each first takes advisory locks on the buckets of the keys it drops and
   * adds — all at once, in order, after every row lock it needs (no deadlock) — and the second
   * then reads the first's committed keys.
   */
  async #flushDuplicates(): Promise<void> {
    const customers = [...this.#pendingDuplicates.values()];
    this.#pendingDuplicates.clear();
    // New customers first: their pairs with the others are made again when the others are filed.
    const fresh = customers.filter((c) => this.#inserted.has(c.id));
    const others = customers.filter((c) => !this.#inserted.has(c.id));
    this.#inserted.clear();
    for (let i = 0; i < fresh.length; i += 1000) await this.#refreshDuplicates(fresh.slice(i, i + 1000), true);
    for (let i = 0; i < others.length; i += 1000) await this.#refreshDuplicates(others.slice(i, i + 1000), false);
  }

  /** `fresh`: the customers were inserted in this transaction, so they have no keys or pairs to drop. */
  async #refreshDuplicates(customers: readonly Customer[], fresh: boolean): Promise<void> {
    const ids = customers.map((c) => c.id);
    const old = fresh ? [] : (await this.#q<{ key: string }>('SELECT DISTINCT key FROM duplicate_keys WHERE customer_id = ANY($1::text[])', [ids])).rows.map((r) => r.key);
    const added = customers.flatMap(duplicateKeysOf).map((r) => r.key);
    const buckets = [...new Set([...old, ...added].map(keyBucket))].sort((a, b) => a - b);
    await this.#q('SELECT count(pg_advisory_xact_lock($1, b)) FROM (SELECT b FROM unnest($2::int[]) AS b ORDER BY b) s', [DUPLICATES_LOCK, buckets]);
    await refreshDuplicatesAsync(
      {
        putDuplicateKeys: async (customerIds, rows) => {
          if (!fresh) await this.#q('DELETE FROM duplicate_keys WHERE customer_id = ANY($1::text[])', [customerIds]);
          if (!rows.length) return;
          await this.#q('INSERT INTO duplicate_keys (key, customer_id, name, live) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[]) ON CONFLICT DO NOTHING', [
            rows.map((r) => r.key),
            rows.map((r) => r.customerId),
            rows.map((r) => r.name),
            rows.map((r) => r.live),
          ]);
        },
        duplicateKeyHolders: async (keys) =>
          (await this.#q<DuplicateKeyRow>('SELECT key, customer_id AS "customerId", name, live FROM duplicate_keys WHERE key = ANY($1::text[])', [keys])).rows,
        putDuplicatePairs: async (customerIds, pairs) => {
          if (!fresh) await this.#q('DELETE FROM duplicate_pairs WHERE (a = ANY($1::text[]) OR b = ANY($1::text[])) AND dismissed_at IS NULL', [customerIds]);
          if (!pairs.length) return;
          await this.#q(
            `INSERT INTO duplicate_pairs (a, b, score, reasons, updated_at) SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[])
             ON CONFLICT (a, b) DO UPDATE SET score = excluded.score, reasons = excluded.reasons, updated_at = excluded.updated_at`,
            [pairs.map((p) => p.a), pairs.map((p) => p.b), pairs.map((p) => p.score), pairs.map((p) => JSON.stringify(p.reasons)), pairs.map((p) => p.updatedAt)],
          );
        },
      },
      customers,
    );
  }

  async refreshDuplicates(customers: readonly Customer[]): Promise<void> {
    if (!this.#inside) return this.transaction((tx) => tx.refreshDuplicates(customers));
    for (const c of customers) this.#pendingDuplicates.set(c.id, c);
  }

  async listDuplicatePairs(params: DuplicateListParams): Promise<{ items: StoredDuplicatePair[]; hasMore: boolean }> {
    const args: unknown[] = [];
    const arg = (v: unknown) => {
      args.push(v);
      return `$${args.length}`;
    };
    let where = 'dismissed_at IS NULL';
    if (params.customerId) {
      const id = arg(params.customerId);
      where += ` AND (a = ${id} OR b = ${id})`;
    }
    if (params.after) {
      const score = arg(params.after.score);
      where += ` AND (score < ${score} OR (score = ${score} AND (a, b) > (${arg(params.after.a)}, ${arg(params.after.b)})))`;
    }
    const rows = (await this.#q<DuplicatePairRow>(`SELECT * FROM duplicate_pairs WHERE ${where} ORDER BY score DESC, a, b LIMIT ${arg(params.limit + 1)}`, args)).rows;
    return { items: rows.slice(0, params.limit).map(pairOfRow), hasMore: rows.length > params.limit };
  }

  async getDuplicatePair(a: string, b: string): Promise<StoredDuplicatePair | undefined> {
    const r = (await this.#q<DuplicatePairRow>('SELECT * FROM duplicate_pairs WHERE a = $1 AND b = $2', [a, b])).rows[0];
    return r && pairOfRow(r);
  }

  async moveCustomerRecords(fromId: string, toId: string): Promise<{ credits: number; messages: number }> {
    const credits = await this.#q("UPDATE credit_entries SET customer_id = $1, data = jsonb_set(data::jsonb, '{customerId}', to_jsonb($1::text))::text WHERE customer_id = $2", [toId, fromId]);
    const messages = await this.#q(
      `UPDATE message_recipients SET customer_id = $1, data = jsonb_set(data::jsonb, '{customerId}', to_jsonb($1::text))::text
        WHERE customer_id = $2 AND message_id NOT IN (SELECT message_id FROM message_recipients WHERE customer_id = $1)`,
      [toId, fromId],
    );
    return { credits: credits.rowCount ?? 0, messages: messages.rowCount ?? 0 };
  }

  async dismissDuplicatePair(a: string, b: string, at: string): Promise<StoredDuplicatePair | undefined> {
    const r = (await this.#q<DuplicatePairRow>('UPDATE duplicate_pairs SET dismissed_at = coalesce(dismissed_at, $3) WHERE a = $1 AND b = $2 RETURNING *', [a, b, at])).rows[0];
    return r && pairOfRow(r);
  }

  // ---- push devices (#17) ----
  async saveDevice(device: StoredDevice): Promise<{ device: StoredDevice; movedFrom?: string | undefined }> {
    return (await this.saveDevices([device]))[0]!;
  }

  async listDevices(customerId: string): Promise<StoredDevice[]> {
    const rows = (await this.#q<{ data: string }>('SELECT data FROM devices WHERE customer_id = $1 ORDER BY last_seen_at DESC, id DESC', [customerId])).rows;
    return rows.map((r) => JSON.parse(r.data) as StoredDevice);
  }

  async deleteDevice(customerId: string, id: string): Promise<boolean> {
    return ((await this.#q('DELETE FROM devices WHERE id = $1 AND customer_id = $2', [id, customerId])).rowCount ?? 0) > 0;
  }

  async deleteDevicesOf(customerId: string): Promise<number> {
    return (await this.#q('DELETE FROM devices WHERE customer_id = $1', [customerId])).rowCount ?? 0;
  }

  async countDevices(customerIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (!customerIds.length) return counts;
    const rows = (await this.#q<{ id: string; n: number }>('SELECT customer_id AS id, count(*)::int AS n FROM devices WHERE customer_id = ANY($1::text[]) GROUP BY customer_id', [customerIds])).rows;
    for (const r of rows) counts.set(r.id, r.n);
    return counts;
  }

  // ---- push devices in batches (the seed, #17) ----
  async saveDevices(devices: readonly StoredDevice[]): Promise<{ device: StoredDevice; movedFrom?: string | undefined }[]> {
    const saved: { device: StoredDevice; movedFrom?: string | undefined }[] = [];
    // One statement per 1,000 devices, so two registrations of one token at once meet on its
    // unique index: the second takes the first's row (keeping its id and createdAt) instead of failing.
    for (let i = 0; i < devices.length; i += 1000) {
      const part = devices.slice(i, i + 1000);
      const r = await this.#q<{ token: string; data: string; prev: string | null }>(
        `WITH prev AS (SELECT token, customer_id FROM devices WHERE token = ANY($2::text[]))
         INSERT INTO devices (id, token, customer_id, last_seen_at, data)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
         ON CONFLICT (token) DO UPDATE SET customer_id = excluded.customer_id, last_seen_at = excluded.last_seen_at,
           data = (excluded.data::jsonb || jsonb_build_object('id', devices.id, 'createdAt', devices.data::jsonb -> 'createdAt'))::text
         RETURNING token, data, (SELECT customer_id FROM prev WHERE prev.token = devices.token) AS prev`,
        [part.map((d) => d.id), part.map((d) => d.token), part.map((d) => d.customerId), part.map((d) => d.lastSeenAt), part.map((d) => JSON.stringify(d))],
      );
      const byToken = new Map(r.rows.map((row) => [row.token, row]));
      for (const d of part) {
        const row = byToken.get(d.token)!;
        saved.push({ device: JSON.parse(row.data) as StoredDevice, ...(row.prev && row.prev !== d.customerId ? { movedFrom: row.prev } : {}) });
      }
    }
    return saved;
  }

  async trimDevices(customerIds: readonly string[], keep: number): Promise<number> {
    if (!customerIds.length) return 0;
    const r = await this.#q(
      `DELETE FROM devices WHERE id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY last_seen_at DESC, id DESC) AS n
        FROM devices WHERE customer_id = ANY($1::text[])) ranked WHERE n > $2)`,
      [[...customerIds], keep],
    );
    return r.rowCount ?? 0;
  }

  // ---- cross-process wake-ups (#14) ----
  /**
   * LISTENs on a connection of its own (outside the pool) to the notices migration 21's triggers
   * send at commit. A broken connection (a database restart) is opened again after a second;
   * meanwhile the dispatchers' polls find the work.
   */
  async listenForWork(listener: (work: QueuedWork) => void): Promise<() => Promise<void>> {
    const options = this.#pool.options;
    let client: pg.Client | undefined;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const reopen = (): void => {
      if (stopped || retry) return;
      retry = setTimeout(() => {
        retry = undefined;
        open().catch(reopen);
      }, 1000);
      retry.unref?.();
    };
    const open = async (): Promise<void> => {
      const c = new pg.Client(options);
      c.on('notification', (n) => {
        if (n.payload === 'webhooks' || n.payload === 'messages') listener(n.payload);
      });
      const broken = (): void => {
        if (client !== c) return;
        client = undefined;
        void c.end().catch(() => undefined);
        reopen();
      };
      c.on('error', broken);
      c.on('end', broken);
      try {
        await c.connect();
        await c.query('LISTEN clientela_work');
      } catch (e) {
        await c.end().catch(() => undefined);
        throw e;
      }
      if (stopped) await c.end().catch(() => undefined);
      else client = c;
    };
    await open();
    return async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = undefined;
    };
  }

  async close(): Promise<void> {
    if (!this.#inside) await this.#pool.end();
  }
}

/** Any fixed number: the advisory lock under which a transaction numbers its events. */
const EVENTS_LOCK = 4_206_612;

function deliveryOf(r: { seq: string | number; data: string }): StoredDelivery {
  return { ...(JSON.parse(r.data) as Omit<StoredDelivery, 'seq'>), seq: Number(r.seq) };
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the database';
  }
}
