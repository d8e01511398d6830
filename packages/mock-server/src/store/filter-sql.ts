import { countsAsPurchase, ORDER_STATUSES, type ResolvedCondition, type ResolvedFilter } from '@clientela/core/schemas';

/** How a store's SQL names a bound value and tests categories. */
export interface FilterDialect {
  /** Binds a value, returning its placeholder. */
  arg(value: unknown): string;
  /** Binds a list of text values as the right side of a membership test: `IN (?, ?)` or `= ANY($1::text[])`. */
  inList(values: readonly string[]): string;
  /** Whether the row has any, all or none of the category ids. */
  categories(match: 'any' | 'all' | 'none', ids: readonly string[]): string;
  /** A bound integer used in arithmetic (PostgreSQL needs the type spelled). */
  int(value: number): string;
}

/**
 * The columns of the slim customer row that filters read, written from core's `filterFieldsOf`
 * (SQLite and PostgreSQL alike), so SQL and the memory store test the same values.
 */
const COLUMNS = {
  totalSpent: 'total_spent',
  ordersCount: 'orders_count',
  lastPurchaseAt: 'last_purchase_at',
  createdAt: 'created_at',
  state: 'uf',
  city: 'city_key',
  kind: 'kind',
  status: 'status',
  source: 'source',
} as const;

const FALSE = '1 = 0';

/**
 * The `sources` column: every system that knows the customer between bars (`|pos|ecommerce|`),
 * so "known to the point of sale" is one `LIKE '%|pos|%'` in SQLite and PostgreSQL alike.
 */
export function sourcesColumn(sources: readonly string[]): string {
  return `|${sources.join('|')}|`;
}

/** The list back from a {@link sourcesColumn} value (`''` from a row before the column existed: none). */
export function sourcesFromColumn(value: string): string[] {
  return value.split('|').filter(Boolean);
}

/** The order statuses that count as a purchase, as SQL literals (core's constants, never input). */
const COUNTED = ORDER_STATUSES.filter(countsAsPurchase).map((st) => `'${st}'`).join(', ');

function condition(c: ResolvedCondition, d: FilterDialect): string {
  switch (c.op) {
    case 'range': {
      const col = COLUMNS[c.field];
      const parts: string[] = [];
      if (c.min !== undefined) parts.push(`${col} >= ${d.arg(c.min)}`);
      if (c.max !== undefined) parts.push(`${col} <= ${d.arg(c.max)}`);
      return parts.join(' AND ');
    }
    case 'ticket': {
      // min ≤ total ÷ orders ≤ max, multiplied out so integers compare exactly.
      const parts = ['orders_count > 0'];
      if (c.min !== undefined) parts.push(`total_spent >= ${d.int(c.min)} * orders_count`);
      if (c.max !== undefined) parts.push(`total_spent <= ${d.int(c.max)} * orders_count`);
      return parts.join(' AND ');
    }
    case 'time': {
      const col = COLUMNS[c.field];
      const parts = [`${col} <> ''`];
      if (c.from !== undefined) parts.push(`${col} >= ${d.arg(c.from)}`);
      if (c.before !== undefined) parts.push(`${col} < ${d.arg(c.before)}`);
      const some = parts.join(' AND ');
      return c.orNone ? `(${col} = '' OR (${some}))` : some;
    }
    case 'never':
      return "last_purchase_at = ''";
    case 'birthday':
      if (!c.ranges.length) return FALSE;
      return `(birth_md <> '' AND (${c.ranges.map(([a, b]) => `birth_md BETWEEN ${d.arg(a)} AND ${d.arg(b)}`).join(' OR ')}))`;
    case 'in':
      return `${COLUMNS[c.field]} ${d.inList(c.values)}`;
    case 'sources':
      if (!c.values.length) return FALSE;
      // The values are core's source names (letters only), so LIKE's wildcards cannot occur in them.
      return c.values.map((v) => `sources LIKE ${d.arg(`%|${v}|%`)}`).join(' OR ');
    case 'categories':
      return d.categories(c.match, c.ids);
    case 'consent':
      // The bit is one of core's constants (1, 2, 4), never input.
      return `(consent & ${Number(c.bit)}) ${c.granted ? '<>' : '='} 0`;
    case 'credits': {
      // A grant row keeps what redemptions and expiries left of it (the ledger's tables). Values
      // are bound in the order their placeholders appear (SQLite's `?` are positional).
      const after = d.arg(c.after);
      const until = c.until === undefined ? '' : ` AND expires_at <= ${d.arg(c.until)}`;
      return `id IN (SELECT customer_id FROM credit_entries WHERE type = 'grant' AND remaining_cents > 0 AND expires_at > ${after}${until})`;
    }
    case 'unit':
      return `id IN (SELECT customer_id FROM orders WHERE unit_key ${d.inList(c.ids)} AND status IN (${COUNTED}))`;
  }
}

/** A resolved filter as a WHERE fragment (terms ANDed, alternatives ORed), or undefined when it has no terms. */
export function filterSql(filter: ResolvedFilter | undefined, d: FilterDialect): string | undefined {
  if (!filter?.length) return undefined;
  return filter.map((alternatives) => `(${alternatives.map((c) => `(${condition(c, d)})`).join(' OR ')})`).join(' AND ');
}
