import type Database from 'better-sqlite3';
import { filterFieldsOf, type Customer } from '@clientela/core/schemas';
import { STATUS_RANK } from './search.js';
import { checkMigrations, SchemaTooNewError, type Migration } from './migrations.js';

type Db = Database.Database;

// The first schema, as the first SQLite release wrote it. Rows of `customers` stay slim (keys,
// filters, search text) so index walks and the rowid lookups behind a search touch few pages; the
// JSON document lives in `customer_data`, read only for the rows of a page. The sort indexes also
// carry status, kind and document, so a page walk reads the index alone.
const V1 = `
CREATE TABLE customers (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  document TEXT NOT NULL,
  email TEXT,
  name_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_purchase_at TEXT NOT NULL,
  total_spent INTEGER NOT NULL,
  orders_count INTEGER NOT NULL,
  search TEXT NOT NULL
);
CREATE TABLE customer_data (seq INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE INDEX customers_name ON customers (name_key, id, status, kind, document);
CREATE INDEX customers_created ON customers (created_at, id, status, kind, document);
CREATE INDEX customers_last_purchase ON customers (last_purchase_at, id, status, kind, document);
CREATE INDEX customers_spent ON customers (total_spent, id, status, kind, document);
CREATE INDEX customers_orders ON customers (orders_count, id, status, kind, document);
CREATE INDEX customers_document ON customers (document) WHERE status <> 'deleted';
CREATE INDEX customers_email ON customers (email);
CREATE TABLE customer_categories (
  category_id TEXT NOT NULL,
  customer_seq INTEGER NOT NULL,
  PRIMARY KEY (category_id, customer_seq)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE customers_fts USING fts5(search, content='customers', content_rowid='seq', tokenize='trigram');
CREATE TRIGGER customers_au AFTER UPDATE OF search ON customers WHEN old.search <> new.search BEGIN
  INSERT INTO customers_fts (customers_fts, rowid, search) VALUES ('delete', old.seq, old.search);
  INSERT INTO customers_fts (rowid, search) VALUES (new.seq, new.search);
END;
CREATE TABLE categories (id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE audit (seq INTEGER PRIMARY KEY, action TEXT NOT NULL, at TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX audit_action ON audit (action, seq);
`;

/**
 * The SQLite schema, one step per version. A step is never edited once released: a change is a
 * new step at the end. Each runs inside the migration's one transaction.
 */
export const SQLITE_MIGRATIONS: readonly Migration<Db>[] = [
  { version: 1, name: 'customers, categories, settings, audit log; FTS5 trigram search', up: (db) => db.exec(V1) },
  {
    version: 2,
    name: 'sort by visits and by status',
    up: (db) => {
      const rank = `CASE status ${Object.entries(STATUS_RANK).map(([s, n]) => `WHEN '${s}' THEN ${n}`).join(' ')} ELSE 0 END`;
      db.exec(`
        ALTER TABLE customers ADD COLUMN visits_count INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE customers ADD COLUMN status_rank INTEGER NOT NULL DEFAULT 0;
        UPDATE customers SET
          visits_count = COALESCE((SELECT json_extract(d.data, '$.stats.visitsCount') FROM customer_data d WHERE d.seq = customers.seq), 0),
          status_rank = ${rank};
        CREATE INDEX customers_visits ON customers (visits_count, id, status, kind, document);
        CREATE INDEX customers_status_rank ON customers (status_rank, id, status, kind, document);
      `);
    },
  },
  {
    version: 3,
    name: 'meta records can expire (sessions, tokens, idempotency answers, throttles)',
    up: (db) => db.exec('ALTER TABLE meta ADD COLUMN expires_at TEXT; CREATE INDEX meta_expires ON meta (expires_at) WHERE expires_at IS NOT NULL;'),
  },
  {
    version: 4,
    name: 'filter columns: birthday, city key, UF, source, consent',
    up: (db) => {
      db.exec(`
        ALTER TABLE customers ADD COLUMN birth_md TEXT NOT NULL DEFAULT '';
        ALTER TABLE customers ADD COLUMN city_key TEXT NOT NULL DEFAULT '';
        ALTER TABLE customers ADD COLUMN uf TEXT NOT NULL DEFAULT '';
        ALTER TABLE customers ADD COLUMN source TEXT NOT NULL DEFAULT '';
        ALTER TABLE customers ADD COLUMN consent INTEGER NOT NULL DEFAULT 0;
      `);
      // Written from core's filterFieldsOf (the city key folds accents), so filled in here, not in SQL.
      const set = db.prepare('UPDATE customers SET birth_md = ?, city_key = ?, uf = ?, source = ?, consent = ? WHERE seq = ?');
      // In pages: better-sqlite3 cannot write while a statement is still being read.
      const page = db.prepare('SELECT seq, data FROM customer_data WHERE seq > ? ORDER BY seq LIMIT 1000');
      for (let after = 0; ; ) {
        const rows = page.all(after) as { seq: number; data: string }[];
        if (!rows.length) break;
        for (const r of rows) {
          const f = filterFieldsOf(JSON.parse(r.data) as Customer);
          set.run(f.birthday, f.city, f.state, f.source, f.consent, r.seq);
        }
        after = rows[rows.length - 1]!.seq;
      }
    },
  },
  {
    version: 5,
    name: 'saved views of the customer list',
    up: (db) => db.exec('CREATE TABLE views (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL)'),
  },
  {
    version: 6,
    name: 'orders and the credits ledger as records; stats.firstPurchaseAt',
    // An order's number is unique within its unit (`unit_key` is '' for orders without one). A
    // grant row carries what its redemptions and expiries left (`remaining_cents`, never below
    // zero), kept in the same statement batch as the entry that changes it, so a filter on
    // "customers with active credit" reads one indexed row per grant; an expiry is written once.
    up: (db) =>
      db.exec(`
        CREATE TABLE orders (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          customer_id TEXT NOT NULL,
          unit_key TEXT NOT NULL,
          number TEXT NOT NULL,
          placed_at TEXT NOT NULL,
          status TEXT NOT NULL,
          total_cents INTEGER NOT NULL,
          rating INTEGER,
          version INTEGER NOT NULL,
          data TEXT NOT NULL
        );
        CREATE UNIQUE INDEX orders_number ON orders (unit_key, number);
        CREATE INDEX orders_customer ON orders (customer_id, placed_at, id);
        CREATE INDEX orders_placed ON orders (placed_at, id);
        CREATE TABLE credit_entries (
          seq INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          customer_id TEXT NOT NULL,
          type TEXT NOT NULL CHECK (type IN ('grant', 'redemption', 'expiry')),
          grant_id TEXT,
          kind TEXT,
          amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
          expires_at TEXT,
          remaining_cents INTEGER CHECK (remaining_cents >= 0),
          at TEXT NOT NULL,
          data TEXT NOT NULL
        );
        CREATE INDEX credit_entries_customer ON credit_entries (customer_id, seq);
        CREATE INDEX credit_grants_open ON credit_entries (customer_id, expires_at) WHERE type = 'grant' AND remaining_cents > 0;
        CREATE INDEX credit_entries_grant ON credit_entries (grant_id) WHERE grant_id IS NOT NULL;
        CREATE UNIQUE INDEX credit_expiry_once ON credit_entries (grant_id) WHERE type = 'expiry';
        UPDATE customer_data SET data = json_set(data, '$.stats.firstPurchaseAt', json('null'))
          WHERE json_type(data, '$.stats.firstPurchaseAt') IS NULL;
      `),
  },
  {
    version: 7,
    name: 'units (stores): names unique ignoring case and accents',
    up: (db) => db.exec('CREATE TABLE units (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, name_key TEXT NOT NULL UNIQUE, data TEXT NOT NULL)'),
  },
  {
    version: 8,
    name: 'sync by document: every source of a customer, external ids unique per source',
    // `sources` holds every system that knows the customer between bars (`|pos|ecommerce|`, see
    // filter-sql's sourcesColumn); a record from before knew only its origin. External ids get a
    // table whose primary key gives an id of a system one live holder.
    up: (db) =>
      db.exec(`
        ALTER TABLE customers ADD COLUMN sources TEXT NOT NULL DEFAULT '';
        UPDATE customers SET sources = '|' || source || '|';
        UPDATE customer_data SET data = json_set(data, '$.sources', json_array(json_extract(data, '$.source')), '$.externalIds', json('{}'))
          WHERE json_type(data, '$.sources') IS NULL;
        CREATE TABLE customer_external_ids (
          source TEXT NOT NULL,
          external_id TEXT NOT NULL,
          customer_id TEXT NOT NULL,
          PRIMARY KEY (source, external_id)
        ) WITHOUT ROWID;
        CREATE INDEX customer_external_ids_customer ON customer_external_ids (customer_id);
      `),
  },
  {
    version: 9,
    name: "each customer's figures per unit, kept by triggers on orders",
    // What a customer's orders at one unit add up to, written by the database in the statement
    // that writes an order (so no code path can store an order and forget the figures), and
    // filled here from the orders already stored. Returned and cancelled orders count in none but
    // the ratings, as in the customer's own figures. Columns carry a `u_` prefix so a list query
    // can join the table without qualifying the customers' columns.
    up: (db) => {
      // The statuses that count as a purchase (core's countsAsPurchase), written out: a released step never changes.
      const counted = "status IN ('pending', 'paid', 'shipped', 'delivered')";
      const refresh = (who: 'new' | 'old') => `
        INSERT OR REPLACE INTO unit_figures (u_unit, u_customer, u_orders, u_spent, u_first, u_last, u_rating_sum, u_rating_count)
          SELECT ${who}.unit_key, ${who}.customer_id, count(*) FILTER (WHERE ${counted}), coalesce(sum(total_cents) FILTER (WHERE ${counted}), 0),
            min(placed_at) FILTER (WHERE ${counted}), max(placed_at) FILTER (WHERE ${counted}), coalesce(sum(rating), 0), count(rating)
          FROM orders WHERE customer_id = ${who}.customer_id AND unit_key = ${who}.unit_key;`;
      db.exec(`
        CREATE TABLE unit_figures (
          u_unit TEXT NOT NULL,
          u_customer TEXT NOT NULL,
          u_orders INTEGER NOT NULL,
          u_spent INTEGER NOT NULL,
          u_first TEXT,
          u_last TEXT,
          u_rating_sum INTEGER NOT NULL,
          u_rating_count INTEGER NOT NULL,
          PRIMARY KEY (u_unit, u_customer)
        ) WITHOUT ROWID;
        CREATE TRIGGER orders_unit_figures_insert AFTER INSERT ON orders WHEN new.unit_key <> '' BEGIN ${refresh('new')} END;
        CREATE TRIGGER orders_unit_figures_update_old AFTER UPDATE ON orders WHEN old.unit_key <> '' BEGIN ${refresh('old')} END;
        CREATE TRIGGER orders_unit_figures_update_new AFTER UPDATE ON orders WHEN new.unit_key <> '' BEGIN ${refresh('new')} END;
        INSERT INTO unit_figures (u_unit, u_customer, u_orders, u_spent, u_first, u_last, u_rating_sum, u_rating_count)
          SELECT unit_key, customer_id, count(*) FILTER (WHERE ${counted}), coalesce(sum(total_cents) FILTER (WHERE ${counted}), 0),
            min(placed_at) FILTER (WHERE ${counted}), max(placed_at) FILTER (WHERE ${counted}), coalesce(sum(rating), 0), count(rating)
          FROM orders WHERE unit_key <> '' GROUP BY unit_key, customer_id;
      `);
    },
  },
  // ---- events and webhooks ----
  {
    version: 10,
    name: 'events (the change feed), webhook endpoints and deliveries',
    // An event's `seq` is its sequence number: transactions run one at a time (BEGIN IMMEDIATE),
    // so numbers follow commit order. A delivery is leased to one process at a time until
    // `lease_until`; a crashed process's lease lapses and another takes it.
    up: (db) =>
      db.exec(`
        CREATE TABLE events (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          type TEXT NOT NULL,
          data TEXT NOT NULL
        );
        CREATE INDEX events_type ON events (type, seq);
        CREATE TABLE webhook_endpoints (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          data TEXT NOT NULL
        );
        CREATE TABLE webhook_deliveries (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          endpoint_id TEXT NOT NULL,
          event_id TEXT NOT NULL,
          status TEXT NOT NULL,
          next_attempt_at TEXT,
          lease_owner TEXT,
          lease_until TEXT,
          data TEXT NOT NULL,
          UNIQUE (endpoint_id, event_id)
        );
        CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, seq);
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
      `),
  },
  // ---- messages (#17) ----
  {
    version: 11,
    name: 'messages: batches and the outbox (one row per recipient, leased by a dispatcher)',
    up: (db) =>
      db.exec(`
        CREATE TABLE message_batches (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          data TEXT NOT NULL
        );
        CREATE TABLE message_recipients (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          message_id TEXT NOT NULL,
          customer_id TEXT NOT NULL,
          channel TEXT NOT NULL,
          status TEXT NOT NULL,
          next_attempt_at TEXT,
          sent_at TEXT,
          lease_owner TEXT,
          lease_until TEXT,
          data TEXT NOT NULL,
          UNIQUE (message_id, customer_id)
        );
        CREATE INDEX message_recipients_customer ON message_recipients (customer_id, seq);
        CREATE INDEX message_recipients_due ON message_recipients (channel, next_attempt_at) WHERE status = 'queued';
        CREATE INDEX message_recipients_sent ON message_recipients (channel, sent_at) WHERE sent_at IS NOT NULL;
      `),
  },
  // ---- automations (#17 §3) ----
  {
    version: 12,
    name: 'automations: flows, the occasions they acted on (one per flow and occasion), carts',
    up: (db) =>
      db.exec(`
        CREATE TABLE automations (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
        CREATE TABLE automation_occasions (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          automation_id TEXT NOT NULL,
          occasion TEXT NOT NULL,
          data TEXT NOT NULL,
          UNIQUE (automation_id, occasion)
        );
        CREATE TABLE carts (id TEXT PRIMARY KEY, status TEXT NOT NULL, last_event_at TEXT NOT NULL, data TEXT NOT NULL);
        CREATE INDEX carts_idle ON carts (last_event_at) WHERE status = 'open';
      `),
  },
  // ---- LGPD (#18 §1–§2) ----
  {
    version: 13,
    name: 'LGPD: consent records (append-only) and data-subject requests',
    up: (db) =>
      db.exec(`
        CREATE TABLE consent_records (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          customer_id TEXT NOT NULL,
          data TEXT NOT NULL
        );
        CREATE INDEX consent_records_customer ON consent_records (customer_id, seq);
        CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END;
        CREATE TRIGGER consent_records_no_delete BEFORE DELETE ON consent_records BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END;
        CREATE TABLE privacy_requests (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          customer_id TEXT NOT NULL,
          status TEXT NOT NULL,
          data TEXT NOT NULL
        );
        CREATE INDEX privacy_requests_customer ON privacy_requests (customer_id, seq);
        CREATE INDEX privacy_requests_status ON privacy_requests (status, seq);
      `),
  },
  // ---- managed API keys (#16 §4) ----
  {
    version: 14,
    name: 'managed API keys: records found by the SHA-256 of the key',
    // `last_used_at` is a column of its own so the minute-by-minute touch rewrites no JSON.
    up: (db) =>
      db.exec(`
        CREATE TABLE api_keys (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          hash TEXT NOT NULL UNIQUE,
          last_used_at TEXT,
          data TEXT NOT NULL
        );
      `),
  },
  // ---- duplicates (#18 §3) ----
  {
    version: 15,
    name: 'possible duplicates: the keys each customer is filed under, and the candidate pairs',
    up: (db) =>
      db.exec(`
        CREATE TABLE duplicate_keys (
          key TEXT NOT NULL,
          customer_id TEXT NOT NULL,
          name TEXT NOT NULL,
          live INTEGER NOT NULL,
          PRIMARY KEY (key, customer_id)
        ) WITHOUT ROWID;
        CREATE INDEX duplicate_keys_customer ON duplicate_keys (customer_id);
        CREATE TABLE duplicate_pairs (
          a TEXT NOT NULL,
          b TEXT NOT NULL,
          score INTEGER NOT NULL,
          reasons TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          dismissed_at TEXT,
          PRIMARY KEY (a, b)
        ) WITHOUT ROWID;
        CREATE INDEX duplicate_pairs_b ON duplicate_pairs (b);
        CREATE INDEX duplicate_pairs_listed ON duplicate_pairs (score DESC, a, b) WHERE dismissed_at IS NULL;
      `),
  },
  // ---- push devices (#17) ----
  {
    version: 16,
    name: 'push devices: one row per token (unique), found by customer',
    up: (db) =>
      db.exec(`
        CREATE TABLE devices (
          id TEXT PRIMARY KEY,
          token TEXT NOT NULL UNIQUE,
          customer_id TEXT NOT NULL,
          last_seen_at TEXT NOT NULL,
          data TEXT NOT NULL
        );
        CREATE INDEX devices_customer ON devices (customer_id, last_seen_at DESC);
      `),
  },
];

/** The schema version this server writes. */
export const SQLITE_SCHEMA_VERSION = checkMigrations(SQLITE_MIGRATIONS);

const VERSION_TABLE = 'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function columnsOf(db: Db, table: string): Set<string> {
  return new Set(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
}

/**
 * The version of a file written before the version table existed, read from its shape: the
 * first release had `customers` without the visits and status columns (version 1); later builds
 * added them (version 2), then `meta.expires_at` (version 3), each without recording a version.
 */
function unrecordedVersion(db: Db): number {
  if (!hasTable(db, 'customers')) return 0;
  if (columnsOf(db, 'meta').has('expires_at')) return 3;
  const customers = columnsOf(db, 'customers');
  return customers.has('visits_count') && customers.has('status_rank') ? 2 : 1;
}

export interface MigrationOutcome {
  from: number;
  to: number;
}

/**
 * Brings a SQLite database to {@link SQLITE_SCHEMA_VERSION}: records the version of a file from
 * before the version table, applies the missing steps in order, and refuses (changing nothing) a
 * file whose version is newer than this server's. Runs under `BEGIN IMMEDIATE`, so two processes
 * opening one file at once migrate it once: the second waits, then finds nothing left to do.
 */
export function migrateSqlite(db: Db, where: string): MigrationOutcome {
  return db
    .transaction((): MigrationOutcome => {
      const recorded = hasTable(db, 'schema_version');
      const now = new Date().toISOString();
      let from: number;
      if (recorded) {
        from = (db.prepare('SELECT max(version) FROM schema_version').pluck().get() as number | null) ?? 0;
      } else {
        from = unrecordedVersion(db);
        db.exec(VERSION_TABLE);
        const note = db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)');
        for (const m of SQLITE_MIGRATIONS.slice(0, from)) note.run(m.version, `${m.name} (found in place)`, now);
      }
      if (from > SQLITE_SCHEMA_VERSION) throw new SchemaTooNewError(where, from, SQLITE_SCHEMA_VERSION);
      const done = db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)');
      for (const m of SQLITE_MIGRATIONS.slice(from)) {
        m.up(db);
        done.run(m.version, m.name, now);
      }
      return { from, to: SQLITE_SCHEMA_VERSION };
    })
    .immediate();
}
