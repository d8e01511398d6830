import * as z from 'zod/mini';
import { CUSTOMER_STATUSES } from '../rules/constants.js';
import { CustomerKindSchema } from './customer.js';
import type { FilterExpression } from './filter.js';
import { FilterTextSchema } from './filter-codec.js';
import { rule } from './rules.js';
import { UnitIdSchema } from './unit.js';

/**
 * Sort fields of `GET /customers`. `status` sorts in the order of {@link CUSTOMER_STATUSES}
 * (active, inactive, blocked, deleted), not alphabetically by code.
 */
export const CUSTOMER_SORTS = ['name', 'createdAt', 'lastPurchaseAt', 'totalSpent', 'ordersCount', 'visitsCount', 'status'] as const;
export type CustomerSortField = (typeof CUSTOMER_SORTS)[number];
export type CustomerSort = CustomerSortField | `-${CustomerSortField}`;

const SORT_VALUES = CUSTOMER_SORTS.flatMap((s) => [s, `-${s}`]) as CustomerSort[];
const STATUS_SET = new Set<string>(CUSTOMER_STATUSES);

/** Comma-separated statuses, e.g. `active,blocked`. */
const statusList = z.string().check(rule('invalid_value', (v: string) => v.split(',').every((s) => STATUS_SET.has(s.trim()))));

/** Largest `offset` a list accepts. */
export const MAX_LIST_OFFSET = 10_000_000;

/**
 * `GET /customers` query. `status` and `categoryId` take comma-separated lists; `status`
 * defaults to every status but `deleted`. `limit` is 1–200 (default 50). `offset` (0 to
 * {@link MAX_LIST_OFFSET}) starts the page at that row of the sorted matches, for random access;
 * it cannot be combined with `cursor` (422 `offset_with_cursor`), and the page's `nextCursor`
 * continues after its rows. `filter` (the text of a {@link FilterExpression}) narrows the list
 * further; a bad one is a 422 at `filter` naming the condition. `unit` shows each row's figures
 * for one unit.
 */
export const CustomerListQuerySchema = z.strictObject({
  q: z.optional(z.string().check(z.maxLength(200))),
  kind: z.optional(CustomerKindSchema),
  status: z.optional(statusList),
  categoryId: z.optional(z.string()),
  /** A filter in its text form (`last-notwithin-90.uf-SP`; see `encodeFilter`), combined with the other parameters by AND. */
  filter: z.optional(FilterTextSchema),
  sort: z.optional(z.enum(SORT_VALUES as [CustomerSort, ...CustomerSort[]])),
  /**
   * A unit's id: each row's purchase figures (`ordersCount`, `totalSpentCents`, `firstPurchaseAt`,
   * `lastPurchaseAt`, `averageRating`) are those of its orders at that unit, and sorting by them
   * sorts by those. It selects no customers (the `unit-…` filter condition does).
   */
  unit: z.optional(UnitIdSchema),
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
  offset: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(MAX_LIST_OFFSET))),
});

export type CustomerListQuery = z.input<typeof CustomerListQuerySchema>;
