import { countsAsPurchase, type CreditEntry, type Customer, type CustomerSortField, type CustomerStats, type Order } from '@clientela/core/schemas';
import type { OrderFigures, OrderListParams, OrderListResult } from './types.js';

// What the embedded stores share about orders and the credits ledger: the order of an order
// list, the figures of a customer's orders, the balance bookkeeping of a ledger append. SQLite
// and PostgreSQL compute the same in SQL; the store tests compare them.

/** Newest first: `placedAt` descending, then `id` descending (the keyset of an order page). */
export function compareOrders(a: Order, b: Order): number {
  if (a.placedAt !== b.placedAt) return a.placedAt < b.placedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The key of an order number within its unit (orders without a unit share one). */
export function numberKey(number: string, unitId: string | undefined): string {
  return `${unitId ?? ''}\u0000${number}`;
}

/** What a customer's orders add up to (the memory store's `orderFigures`; the seed's expected figures). */
export function figuresOf(orders: Iterable<Pick<Order, 'status' | 'totalCents' | 'placedAt' | 'rating'>>): OrderFigures {
  const f: OrderFigures = { count: 0, totalCents: 0, firstAt: null, lastAt: null, ratingSum: 0, ratingCount: 0 };
  for (const o of orders) {
    if (o.rating !== undefined) {
      f.ratingSum += o.rating;
      f.ratingCount++;
    }
    if (!countsAsPurchase(o.status)) continue;
    f.count++;
    f.totalCents += o.totalCents;
    if (f.firstAt === null || o.placedAt < f.firstAt) f.firstAt = o.placedAt;
    if (f.lastAt === null || o.placedAt > f.lastAt) f.lastAt = o.placedAt;
  }
  return f;
}

/** The purchase fields of a customer's `stats` from its order figures. */
export function purchaseStats(f: OrderFigures): Pick<CustomerStats, 'ordersCount' | 'totalSpentCents' | 'firstPurchaseAt' | 'lastPurchaseAt' | 'averageRating'> {
  return {
    ordersCount: f.count,
    totalSpentCents: f.totalCents,
    firstPurchaseAt: f.firstAt,
    lastPurchaseAt: f.lastAt,
    averageRating: f.ratingCount ? f.ratingSum / f.ratingCount : null,
  };
}

/** One page of `sorted` (already in {@link compareOrders} order) after the keyset position. */
export function pageOf(sorted: readonly Order[], { status, after, limit }: OrderListParams): OrderListResult {
  const items: Order[] = [];
  for (const o of sorted) {
    if (after && !(o.placedAt < after.placedAt || (o.placedAt === after.placedAt && o.id < after.id))) continue;
    if (status && o.status !== status) continue;
    if (items.length === limit) return { items, hasMore: true };
    items.push(o);
  }
  return { items, hasMore: false };
}

/** Thrown when a ledger append would take a grant below zero, or expire one twice. */
export class LedgerError extends Error {
  override name = 'LedgerError';
}

/**
 * The remaining balance of each grant after `entries` are appended to a ledger whose grants
 * hold `remaining`: checks every step (a known grant of the same customer, never below zero, one
 * expiry per grant) before anything is written, and returns the new balances.
 */
export function applyToBalances(
  entries: readonly CreditEntry[],
  lookup: (grantId: string) => { customerId: string; remaining: number; expired: boolean } | undefined,
): Map<string, number> {
  const next = new Map<string, number>();
  const expired = new Set<string>();
  for (const e of entries) {
    if (e.type === 'grant') {
      next.set(e.id, e.amountCents);
      continue;
    }
    const known = lookup(e.grantId);
    const remaining = next.get(e.grantId) ?? known?.remaining;
    if (remaining === undefined || (known && known.customerId !== e.customerId)) throw new LedgerError(`unknown grant ${e.grantId}`);
    if (e.type === 'expiry') {
      if (known?.expired || expired.has(e.grantId)) throw new LedgerError(`grant ${e.grantId} already expired`);
      expired.add(e.grantId);
    }
    if (e.amountCents > remaining) throw new LedgerError(`grant ${e.grantId} holds ${remaining}, not ${e.amountCents}`);
    next.set(e.grantId, remaining - e.amountCents);
  }
  return next;
}

// ---- figures per unit ----

/** Nothing bought: the figures of a customer at a unit where it has no order. */
export const NO_FIGURES: Readonly<OrderFigures> = Object.freeze({ count: 0, totalCents: 0, firstAt: null, lastAt: null, ratingSum: 0, ratingCount: 0 });

/** The list's sort fields that read the purchase figures, which a list for one unit takes from that unit's. */
export const UNIT_SORT_FIELDS: ReadonlySet<CustomerSortField> = new Set(['totalSpent', 'ordersCount', 'lastPurchaseAt']);

/**
 * The customer as a list for one unit shows it: its purchase figures (orders count, total spent,
 * first and last purchase, average rating) those of its orders at the unit; visits and the rest
 * as they are.
 */
export function withUnitFigures<C extends Customer>(c: C, figures: OrderFigures | undefined): C {
  return { ...c, stats: { ...c.stats, ...purchaseStats(figures ?? NO_FIGURES) } };
}
