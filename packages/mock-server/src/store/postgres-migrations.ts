import type pg from 'pg';
import { filterFieldsOf, type Customer } from '@clientela/core/schemas';
import { checkMigrations, SchemaTooNewError, type Migration } from './migrations.js';

type Db = pg.PoolClient;

// Text keys compare in byte order (COLLATE "C"), as the memory store compares strings, so every
// store returns the same order and a cursor from one page continues on the next.
const V1 = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE customers (
  id text COLLATE "C" PRIMARY KEY,
  kind text NOT NULL,
  status text NOT NULL,
  document text COLLATE "C" NOT NULL,
  email text,
  name_key text COLLATE "C" NOT NULL,
  created_at text COLLATE "C" NOT NULL,
  last_purchase_at text COLLATE "C" NOT NULL,
  total_spent bigint NOT NULL,
  orders_count integer NOT NULL,
  visits_count integer NOT NULL,
  status_rank integer NOT NULL,
  search text NOT NULL,
  category_ids text[] NOT NULL,
  version integer NOT NULL,
  data text NOT NULL
);
CREATE UNIQUE INDEX customers_live_document ON customers (document) WHERE status <> 'deleted';
CREATE INDEX customers_email ON customers (email) WHERE status <> 'deleted';
CREATE INDEX customers_search ON customers USING gin (search gin_trgm_ops);
CREATE INDEX customers_categories ON customers USING gin (category_ids);
CREATE INDEX customers_name ON customers (name_key, id);
CREATE INDEX customers_created ON customers (created_at, id);
CREATE INDEX customers_last_purchase ON customers (last_purchase_at, id);
CREATE INDEX customers_spent ON customers (total_spent, id);
CREATE INDEX customers_orders ON customers (orders_count, id);
CREATE INDEX customers_visits ON customers (visits_count, id);
CREATE INDEX customers_status_rank ON customers (status_rank, id);
CREATE TABLE categories (
  seq bigserial NOT NULL,
  id text PRIMARY KEY,
  name_key text NOT NULL,
  version integer NOT NULL,
  data text NOT NULL
);
CREATE UNIQUE INDEX categories_name_key ON categories (name_key);
CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL, expires_at text COLLATE "C");
CREATE INDEX meta_expires ON meta (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE audit (seq bigserial PRIMARY KEY, action text NOT NULL, at text COLLATE "C" NOT NULL, data text NOT NULL);
CREATE INDEX audit_action ON audit (action, seq);
`;

/**
 * The PostgreSQL schema, one step per version; a released step is never edited. The invariants
 * live here: one live holder per document (a partial unique index), one category per folded name,
 * claimed keys in `meta` (its primary key).
 */
export const POSTGRES_MIGRATIONS: readonly Migration<Db, Promise<void>>[] = [
  {
    version: 1,
    name: 'customers (trigram search, keyset sort indexes, unique live document), categories, meta, audit log',
    up: async (db) => {
      await db.query(V1);
    },
  },
  {
    version: 2,
    name: 'counts by status and kind from an index',
    // A list's total counts every match; without it, counting the unfiltered list read every
    // (wide) row. With it, and the visibility map a VACUUM keeps, the count is an index-only scan.
    up: async (db) => {
      await db.query('CREATE INDEX customers_status_kind ON customers (status, kind)');
    },
  },
  {
    version: 3,
    name: 'customer documents in a table of their own (slim rows for scans, counts and search)',
    // A search rechecks, and a count visits, every matching row: with the JSON document (about
    // 1.5 kB) inline, 100,000 customers spread over more pages than the buffer cache holds.
    up: async (db) => {
      await db.query(`
        CREATE TABLE customer_data (id text COLLATE "C" PRIMARY KEY, data text NOT NULL);
        INSERT INTO customer_data (id, data) SELECT id, data FROM customers;
        ALTER TABLE customers DROP COLUMN data;
      `);
    },
  },
  {
    version: 4,
    name: 'exact counts by status and kind from an append-only table of deltas',
    // The unfiltered list's total counted every live row on every page (an index-only scan of
    // 100,000 entries, several ms). Triggers now write, in the same transaction as the change, one
    // row per (status, kind) a statement changed: writers only insert, so they never wait on one
    // another, and a count sums a handful of rows that the store folds together from time to time.
    up: async (db) => {
      await db.query(`
        CREATE TABLE customer_count_deltas (status text NOT NULL, kind text NOT NULL, delta bigint NOT NULL);
        CREATE INDEX customer_count_deltas_status ON customer_count_deltas (status, kind);
        INSERT INTO customer_count_deltas (status, kind, delta) SELECT status, kind, count(*) FROM customers GROUP BY status, kind;
        CREATE FUNCTION customer_count_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO customer_count_deltas (status, kind, delta) SELECT status, kind, count(*) FROM added GROUP BY status, kind;
          RETURN NULL;
        END $$;
        CREATE FUNCTION customer_count_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO customer_count_deltas (status, kind, delta) SELECT status, kind, -count(*) FROM removed GROUP BY status, kind;
          RETURN NULL;
        END $$;
        CREATE FUNCTION customer_count_updated() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO customer_count_deltas (status, kind, delta)
            SELECT status, kind, sum(d) FROM (
              SELECT status, kind, 1 AS d FROM added UNION ALL SELECT status, kind, -1 FROM removed
            ) x GROUP BY status, kind HAVING sum(d) <> 0;
          RETURN NULL;
        END $$;
        CREATE TRIGGER customers_count_insert AFTER INSERT ON customers REFERENCING NEW TABLE AS added
          FOR EACH STATEMENT EXECUTE FUNCTION customer_count_inserted();
        CREATE TRIGGER customers_count_delete AFTER DELETE ON customers REFERENCING OLD TABLE AS removed
          FOR EACH STATEMENT EXECUTE FUNCTION customer_count_deleted();
        CREATE TRIGGER customers_count_update AFTER UPDATE ON customers REFERENCING OLD TABLE AS removed NEW TABLE AS added
          FOR EACH STATEMENT EXECUTE FUNCTION customer_count_updated();
      `);
    },
  },
  {
    version: 5,
    name: 'filter columns: birthday, city key, UF, source, consent',
    // Written from core's filterFieldsOf (the city key folds accents), so filled in from the
    // documents here, a thousand rows per statement.
    up: async (db) => {
      await db.query(`
        ALTER TABLE customers ADD COLUMN birth_md text COLLATE "C" NOT NULL DEFAULT '';
        ALTER TABLE customers ADD COLUMN city_key text COLLATE "C" NOT NULL DEFAULT '';
        ALTER TABLE customers ADD COLUMN uf text NOT NULL DEFAULT '';
        ALTER TABLE customers ADD COLUMN source text NOT NULL DEFAULT '';
        ALTER TABLE customers ADD COLUMN consent integer NOT NULL DEFAULT 0;
      `);
      let after = '';
      for (;;) {
        const rows = (await db.query<{ id: string; data: string }>('SELECT id, data FROM customer_data WHERE id > $1 ORDER BY id LIMIT 1000', [after])).rows;
        if (!rows.length) break;
        const fields = rows.map((r) => filterFieldsOf(JSON.parse(r.data) as Customer));
        await db.query(
          `UPDATE customers c SET birth_md = u.b, city_key = u.k, uf = u.u, source = u.s, consent = u.n
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) AS u(id, b, k, u, s, n) WHERE c.id = u.id`,
          [rows.map((r) => r.id), fields.map((f) => f.birthday), fields.map((f) => f.city), fields.map((f) => f.state), fields.map((f) => f.source), fields.map((f) => f.consent)],
        );
        after = rows[rows.length - 1]!.id;
      }
    },
  },
  {
    version: 6,
    name: 'saved views of the customer list',
    up: async (db) => {
      await db.query('CREATE TABLE views (seq bigserial NOT NULL, id text PRIMARY KEY, version integer NOT NULL, data text NOT NULL)');
    },
  },
  {
    version: 7,
    name: 'orders and the credits ledger as records; stats.firstPurchaseAt',
    // The invariants are the database's: an order number once per unit (unit_key '' without a
    // unit), a grant's remaining balance never below zero (a CHECK, so two processes redeeming at
    // once cannot overspend), one expiry per grant.
    up: async (db) => {
      await db.query(`
        CREATE TABLE orders (
          id text COLLATE "C" PRIMARY KEY,
          customer_id text COLLATE "C" NOT NULL,
          unit_key text COLLATE "C" NOT NULL,
          number text COLLATE "C" NOT NULL,
          placed_at text COLLATE "C" NOT NULL,
          status text NOT NULL,
          total_cents bigint NOT NULL,
          rating integer,
          version integer NOT NULL,
          data text NOT NULL
        );
        CREATE UNIQUE INDEX orders_number ON orders (unit_key, number);
        CREATE INDEX orders_customer ON orders (customer_id, placed_at, id);
        CREATE INDEX orders_placed ON orders (placed_at, id);
        CREATE TABLE credit_entries (
          seq bigserial NOT NULL,
          id text COLLATE "C" PRIMARY KEY,
          customer_id text COLLATE "C" NOT NULL,
          type text NOT NULL CHECK (type IN ('grant', 'redemption', 'expiry')),
          grant_id text COLLATE "C",
          kind text,
          amount_cents bigint NOT NULL CHECK (amount_cents > 0),
          expires_at text COLLATE "C",
          remaining_cents bigint CHECK (remaining_cents >= 0),
          at text COLLATE "C" NOT NULL,
          data text NOT NULL
        );
        CREATE INDEX credit_entries_customer ON credit_entries (customer_id, seq);
        CREATE INDEX credit_grants_open ON credit_entries (customer_id, expires_at) WHERE type = 'grant' AND remaining_cents > 0;
        CREATE INDEX credit_entries_grant ON credit_entries (grant_id) WHERE grant_id IS NOT NULL;
        CREATE UNIQUE INDEX credit_expiry_once ON credit_entries (grant_id) WHERE type = 'expiry';
        UPDATE customer_data SET data = jsonb_set(data::jsonb, '{stats,firstPurchaseAt}', 'null'::jsonb)::text
          WHERE NOT (data::jsonb -> 'stats' ? 'firstPurchaseAt');
      `);
    },
  },
  {
    version: 8,
    name: 'search index: a pending list of at most 64 kB',
    // The trigram index queues new entries in a pending list (4 MB by default) that every search
    // reads in full, entry by entry, until a vacuum or an overflow merges it: after a few thousand
    // writes a name search read 206 pending pages besides its 16 index pages. At 64 kB (the
    // least PostgreSQL allows) a writer merges the list every few dozen rows instead.
    up: async (db) => {
      await db.query('ALTER INDEX customers_search SET (gin_pending_list_limit = 64)');
      await db.query("SELECT gin_clean_pending_list('customers_search'::regclass)");
    },
  },
  {
    version: 9,
    name: 'units (stores): names unique ignoring case and accents',
    up: async (db) => {
      await db.query(`
        CREATE TABLE units (seq bigserial NOT NULL, id text COLLATE "C" PRIMARY KEY, name_key text NOT NULL, version integer NOT NULL, data text NOT NULL);
        CREATE UNIQUE INDEX units_name_key ON units (name_key);
      `);
    },
  },
  {
    version: 10,
    name: 'sync by document: every source of a customer, external ids unique per source',
    // `sources` as in SQLite (`|pos|ecommerce|`, filter-sql's sourcesColumn). The external ids'
    // primary key gives an id of a system one live holder, across processes.
    up: async (db) => {
      await db.query(`
        ALTER TABLE customers ADD COLUMN sources text NOT NULL DEFAULT '';
        UPDATE customers SET sources = '|' || source || '|';
        UPDATE customer_data SET data = (data::jsonb || jsonb_build_object('sources', jsonb_build_array(data::jsonb -> 'source'), 'externalIds', '{}'::jsonb))::text
          WHERE NOT (data::jsonb ? 'sources');
        CREATE TABLE customer_external_ids (
          source text COLLATE "C" NOT NULL,
          external_id text COLLATE "C" NOT NULL,
          customer_id text COLLATE "C" NOT NULL,
          PRIMARY KEY (source, external_id)
        );
        CREATE INDEX customer_external_ids_customer ON customer_external_ids (customer_id);
      `);
    },
  },
  {
    version: 11,
    name: "each customer's figures per unit, kept by a trigger on orders",
    // What a customer's orders at one unit add up to, written by the database in the statement
    // that writes an order, so no process can store an order and forget the figures; filled here
    // from the orders already stored. The statuses that count as a purchase (core's
    // countsAsPurchase) are written out: a released step never changes.
    up: async (db) => {
      const sums = (unit: string, customer: string) => `
        SELECT ${unit}, ${customer}, count(*) FILTER (WHERE counted), coalesce(sum(total_cents) FILTER (WHERE counted), 0),
          min(placed_at) FILTER (WHERE counted), max(placed_at) FILTER (WHERE counted), coalesce(sum(rating), 0), count(rating)
        FROM (SELECT *, status IN ('pending', 'paid', 'shipped', 'delivered') AS counted FROM orders WHERE customer_id = ${customer} AND unit_key = ${unit}) o`;
      await db.query(`
        CREATE TABLE unit_figures (
          u_unit text COLLATE "C" NOT NULL,
          u_customer text COLLATE "C" NOT NULL,
          u_orders integer NOT NULL,
          u_spent bigint NOT NULL,
          u_first text COLLATE "C",
          u_last text COLLATE "C",
          u_rating_sum integer NOT NULL,
          u_rating_count integer NOT NULL,
          PRIMARY KEY (u_unit, u_customer)
        );
        CREATE FUNCTION refresh_unit_figures(unit text, customer text) RETURNS void LANGUAGE sql AS $$
          INSERT INTO unit_figures (u_unit, u_customer, u_orders, u_spent, u_first, u_last, u_rating_sum, u_rating_count)
          ${sums('unit', 'customer')}
          ON CONFLICT (u_unit, u_customer) DO UPDATE SET u_orders = EXCLUDED.u_orders, u_spent = EXCLUDED.u_spent, u_first = EXCLUDED.u_first,
            u_last = EXCLUDED.u_last, u_rating_sum = EXCLUDED.u_rating_sum, u_rating_count = EXCLUDED.u_rating_count
        $$;
        CREATE FUNCTION orders_unit_figures() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          -- Order writes of one customer take turns on its row; the sums below, a statement of
          -- their own, then see every order a transaction that held it before committed.
          PERFORM 1 FROM customers WHERE id = NEW.customer_id FOR UPDATE;
          IF TG_OP = 'UPDATE' AND OLD.unit_key <> '' AND (OLD.unit_key, OLD.customer_id) IS DISTINCT FROM (NEW.unit_key, NEW.customer_id) THEN
            PERFORM refresh_unit_figures(OLD.unit_key, OLD.customer_id);
          END IF;
          IF NEW.unit_key <> '' THEN
            PERFORM refresh_unit_figures(NEW.unit_key, NEW.customer_id);
          END IF;
          RETURN NULL;
        END $$;
        CREATE TRIGGER orders_unit_figures AFTER INSERT OR UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION orders_unit_figures();
        INSERT INTO unit_figures (u_unit, u_customer, u_orders, u_spent, u_first, u_last, u_rating_sum, u_rating_count)
          SELECT unit_key, customer_id, count(*) FILTER (WHERE counted), coalesce(sum(total_cents) FILTER (WHERE counted), 0),
            min(placed_at) FILTER (WHERE counted), max(placed_at) FILTER (WHERE counted), coalesce(sum(rating), 0), count(rating)
          FROM (SELECT *, status IN ('pending', 'paid', 'shipped', 'delivered') AS counted FROM orders WHERE unit_key <> '') o GROUP BY unit_key, customer_id;
      `);
    },
  },
  // ---- events and webhooks ----
  {
    version: 12,
    name: 'events (the change feed), webhook endpoints and deliveries',
    // An event's number comes from `events_seq`, taken at commit time under an advisory lock
    // (see PostgresStore's transaction), so numbers follow commit order and a reader that saw an
    // event never later finds a smaller number appear. A delivery is leased to one process until
    // `lease_until` (taken with FOR UPDATE SKIP LOCKED); a crashed process's lease lapses.
    up: async (db) => {
      await db.query(`
        CREATE SEQUENCE events_seq;
        CREATE TABLE events (
          seq bigint PRIMARY KEY,
          id text COLLATE "C" NOT NULL UNIQUE,
          type text COLLATE "C" NOT NULL,
          data text NOT NULL
        );
        CREATE INDEX events_type ON events (type, seq);
        CREATE TABLE webhook_endpoints (
          seq bigserial NOT NULL,
          id text COLLATE "C" PRIMARY KEY,
          version integer NOT NULL,
          data text NOT NULL
        );
        CREATE TABLE webhook_deliveries (
          seq bigserial PRIMARY KEY,
          id text COLLATE "C" NOT NULL UNIQUE,
          endpoint_id text COLLATE "C" NOT NULL,
          event_id text COLLATE "C" NOT NULL,
          status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
          next_attempt_at text COLLATE "C",
          lease_owner text,
          lease_until text COLLATE "C",
          data text NOT NULL,
          UNIQUE (endpoint_id, event_id)
        );
        CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, seq);
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, seq) WHERE status = 'pending';
      `);
    },
  },
  // ---- search performance ----
  {
    version: 13,
    name: 'search index: a pending list of at most 512 kB',
    // Migration 8's 64 kB made writers merge the list every few dozen rows: seeding 20,000
    // customers then took 7.0 s of database CPU against 4.0 s at the default 4 MB. At 512 kB
    // it took 4.8 s, and a search reads at most 64 pending pages (4 MB allowed 512; 206 pages
    // cost a name search about 1.5 ms).
    up: async (db) => {
      await db.query('ALTER INDEX customers_search SET (gin_pending_list_limit = 512)');
    },
  },
  // ---- messages (#17) ----
  {
    version: 14,
    name: 'messages: batches and the outbox (one row per recipient, leased by a dispatcher)',
    up: async (db) => {
      await db.query(`
        CREATE TABLE message_batches (
          seq bigserial PRIMARY KEY,
          id text COLLATE "C" NOT NULL UNIQUE,
          data text NOT NULL
        );
        CREATE TABLE message_recipients (
          seq bigserial PRIMARY KEY,
          id text COLLATE "C" NOT NULL UNIQUE,
          message_id text COLLATE "C" NOT NULL,
          customer_id text COLLATE "C" NOT NULL,
          channel text NOT NULL,
          status text NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'skipped')),
          next_attempt_at text COLLATE "C",
          sent_at text COLLATE "C",
          lease_owner text,
          lease_until text COLLATE "C",
          data text NOT NULL,
          UNIQUE (message_id, customer_id)
        );
        CREATE INDEX message_recipients_customer ON message_recipients (customer_id, seq);
        CREATE INDEX message_recipients_due ON message_recipients (channel, next_attempt_at, seq) WHERE status = 'queued';
        CREATE INDEX message_recipients_sent ON message_recipients (channel, sent_at) WHERE sent_at IS NOT NULL;
      `);
    },
  },
  // ---- automations (#17 §3) ----
  {
    version: 15,
    name: 'automations: flows, the occasions they acted on (one per flow and occasion), carts',
    up: async (db) => {
      await db.query(`
        CREATE TABLE automations (
          seq bigserial PRIMARY KEY,
          id text COLLATE "C" NOT NULL UNIQUE,
          version integer NOT NULL,
          data text NOT NULL
        );
        CREATE TABLE automation_occasions (
          seq bigserial PRIMARY KEY,
          automation_id text COLLATE "C" NOT NULL,
          occasion text COLLATE "C" NOT NULL,
          data text NOT NULL,
          UNIQUE (automation_id, occasion)
        );
        CREATE TABLE carts (
          id text COLLATE "C" PRIMARY KEY,
          status text NOT NULL CHECK (status IN ('open', 'checked_out', 'emptied')),
          last_event text NOT NULL,
          last_event_at text COLLATE "C" NOT NULL,
          data text NOT NULL
        );
        CREATE INDEX carts_idle ON carts (last_event_at) WHERE status = 'open';
      `);
    },
  },
  // ---- LGPD (#18 §1–§2) ----
  {
    version: 16,
    name: 'LGPD: consent records (append-only) and data-subject requests',
    up: async (db) => {
      await db.query(`
        CREATE TABLE consent_records (
          seq bigserial PRIMARY KEY,
          id text COLLATE "C" NOT NULL UNIQUE,
          customer_id text COLLATE "C" NOT NULL,
          data text NOT NULL
        );
        CREATE INDEX consent_records_customer ON consent_records (customer_id, seq);
        CREATE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'consent records are append-only'; END $$;
        CREATE TRIGGER consent_records_append_only BEFORE UPDATE OR DELETE ON consent_records
          FOR EACH ROW EXECUTE FUNCTION consent_records_append_only();
        CREATE TABLE privacy_requests (
          seq bigserial PRIMARY KEY,
          id text COLLATE "C" NOT NULL UNIQUE,
          customer_id text COLLATE "C" NOT NULL,
          status text NOT NULL CHECK (status IN ('open', 'in_progress', 'completed', 'rejected')),
          version integer NOT NULL,
          data text NOT NULL
        );
        CREATE INDEX privacy_requests_customer ON privacy_requests (customer_id, seq);
        CREATE INDEX privacy_requests_status ON privacy_requests (status, seq);
      `);
    },
  },
  // ---- managed API keys (#16 §4) ----
  {
    version: 17,
    name: 'managed API keys: records found by the SHA-256 of the key',
    // `last_used_at` is a column of its own so the minute-by-minute touch rewrites no JSON.
    up: async (db) => {
      await db.query(`
        CREATE TABLE api_keys (
          seq bigserial NOT NULL,
          id text COLLATE "C" PRIMARY KEY,
          hash text COLLATE "C" NOT NULL UNIQUE,
          version integer NOT NULL,
          last_used_at text COLLATE "C",
          data text NOT NULL
        );
      `);
    },
  },
  // ---- duplicates (#18 §3) ----
  {
    version: 18,
    name: 'possible duplicates: the keys each customer is filed under, and the candidate pairs',
    up: async (db) => {
      await db.query(`
        CREATE TABLE duplicate_keys (
          key text COLLATE "C" NOT NULL,
          customer_id text COLLATE "C" NOT NULL,
          name text NOT NULL,
          live boolean NOT NULL,
          PRIMARY KEY (key, customer_id)
        );
        CREATE INDEX duplicate_keys_customer ON duplicate_keys (customer_id);
        CREATE TABLE duplicate_pairs (
          a text COLLATE "C" NOT NULL,
          b text COLLATE "C" NOT NULL,
          score integer NOT NULL,
          reasons text NOT NULL,
          updated_at text NOT NULL,
          dismissed_at text,
          PRIMARY KEY (a, b)
        );
        CREATE INDEX duplicate_pairs_b ON duplicate_pairs (b);
        CREATE INDEX duplicate_pairs_listed ON duplicate_pairs (score DESC, a, b) WHERE dismissed_at IS NULL;
      `);
    },
  },
  // ---- merge: a merged record holds its document no more (#18 §3) ----
  {
    version: 19,
    name: 'one live holder per document: a merged record no longer counts, so its survivor may take the document',
    up: async (db) => {
      await db.query(`
        DROP INDEX customers_live_document;
        CREATE UNIQUE INDEX customers_live_document ON customers (document) WHERE status NOT IN ('deleted', 'merged');
      `);
    },
  },
  // ---- push devices (#17) ----
  {
    version: 20,
    name: 'push devices: one row per token (unique), found by customer',
    up: async (db) => {
      await db.query(`
        CREATE TABLE devices (
          id text COLLATE "C" PRIMARY KEY,
          token text COLLATE "C" NOT NULL UNIQUE,
          customer_id text COLLATE "C" NOT NULL,
          last_seen_at text COLLATE "C" NOT NULL,
          data text NOT NULL
        );
        CREATE INDEX devices_customer ON devices (customer_id, last_seen_at DESC);
      `);
    },
  },
  // ---- cross-process wake-ups (#14) ----
  {
    version: 21,
    name: 'work queued for the dispatchers is announced with NOTIFY clientela_work, at commit, to every process',
    up: async (db) => {
      // Statement triggers: one notice per inserting statement, sent when its transaction commits
      // (a rolled-back one sends none), so a process that listens wakes its dispatcher at once
      // instead of at its next poll.
      await db.query(`
        CREATE FUNCTION clientela_notify_work() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('clientela_work', TG_ARGV[0]);
          RETURN NULL;
        END $$;
        CREATE TRIGGER webhook_deliveries_notify AFTER INSERT ON webhook_deliveries FOR EACH STATEMENT EXECUTE FUNCTION clientela_notify_work('webhooks');
        CREATE TRIGGER message_recipients_notify AFTER INSERT ON message_recipients FOR EACH STATEMENT EXECUTE FUNCTION clientela_notify_work('messages');
      `);
    },
  },
  {
    version: 22,
    name: 'customer_search: status, kind and search text alone, with their own trigram index, for counting a search',
    // A search's total rechecks every match in the heap: in customers (about 350 bytes a row) a
    // common word's 3,000–5,000 matches sat on 3,000 of its 4,600 pages. The same text in a table
    // of its own (about 140 bytes a row) fits 1,700 pages, and counting a word there took 4.7 ms
    // (p50) against 6.8 ms in customers, measured alternately on one connection at 100,000.
    // Statement triggers keep it in the writer's transaction, as the count deltas are.
    up: async (db) => {
      await db.query(`
        CREATE TABLE customer_search (id text COLLATE "C" PRIMARY KEY, status text NOT NULL, kind text NOT NULL, search text NOT NULL);
        INSERT INTO customer_search (id, status, kind, search) SELECT id, status, kind, search FROM customers;
        CREATE INDEX customer_search_text ON customer_search USING gin (search gin_trgm_ops) WITH (gin_pending_list_limit = 512);
        CREATE FUNCTION customer_search_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO customer_search (id, status, kind, search) SELECT id, status, kind, search FROM added;
          RETURN NULL;
        END $$;
        CREATE FUNCTION customer_search_updated() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE customer_search s SET status = a.status, kind = a.kind, search = a.search FROM added a
            WHERE s.id = a.id AND (s.status, s.kind, s.search) IS DISTINCT FROM (a.status, a.kind, a.search);
          RETURN NULL;
        END $$;
        CREATE FUNCTION customer_search_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM customer_search s USING removed r WHERE s.id = r.id;
          RETURN NULL;
        END $$;
        CREATE TRIGGER customers_search_insert AFTER INSERT ON customers REFERENCING NEW TABLE AS added
          FOR EACH STATEMENT EXECUTE FUNCTION customer_search_inserted();
        CREATE TRIGGER customers_search_update AFTER UPDATE ON customers REFERENCING NEW TABLE AS added
          FOR EACH STATEMENT EXECUTE FUNCTION customer_search_updated();
        CREATE TRIGGER customers_search_delete AFTER DELETE ON customers REFERENCING OLD TABLE AS removed
          FOR EACH STATEMENT EXECUTE FUNCTION customer_search_deleted();
      `);
    },
  },
];

export const POSTGRES_SCHEMA_VERSION = checkMigrations(POSTGRES_MIGRATIONS);

/** Any fixed number: the advisory lock two processes starting at once take to migrate once. */
const MIGRATION_LOCK = 4_206_611;

/**
 * Brings the database to {@link POSTGRES_SCHEMA_VERSION} in one transaction under an advisory
 * lock (a second process starting at the same time waits, then finds nothing to do), and refuses,
 * changing nothing, a database whose version is newer than this server's.
 */
export async function migratePostgres(db: Db, where: string): Promise<{ from: number; to: number }> {
  await db.query('BEGIN');
  try {
    await db.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await db.query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const from = Number((await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_version')).rows[0]?.v ?? 0);
    if (from > POSTGRES_SCHEMA_VERSION) throw new SchemaTooNewError(where, from, POSTGRES_SCHEMA_VERSION);
    for (const m of POSTGRES_MIGRATIONS.slice(from)) {
      await m.up(db);
      await db.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await db.query('COMMIT');
    return { from, to: POSTGRES_SCHEMA_VERSION };
  } catch (e) {
    await db.query('ROLLBACK');
    throw e;
  }
}
