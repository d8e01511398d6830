import type { Locale } from '@clientela/core/i18n';
import type { Credit, Customer, OrderPage } from '@clientela/core/schemas';
import { decodeTuple, encodeTuple } from '../http/cursor.js';
import { creditsAt, generateOrders } from '../seed/history.js';

/** One cursor page of a customer's orders, newest first (the admin's and the shopper's routes). */
export function ordersPage(customer: Customer, query: { cursor?: string | undefined; limit?: number | undefined }, locale: Locale): OrderPage {
  const orders = generateOrders(customer);
  const after = decodeTuple(query.cursor, 2, locale);
  let start = 0;
  if (after) {
    const [placedAt, id] = after as [string, string];
    while (start < orders.length) {
      const o = orders[start]!;
      if (o.placedAt < placedAt || (o.placedAt === placedAt && o.id < id)) break;
      start++;
    }
  }
  const limit = query.limit ?? 20;
  const items = orders.slice(start, start + limit);
  const last = items[items.length - 1];
  return { items, nextCursor: start + limit < orders.length && last ? encodeTuple([last.placedAt, last.id]) : null };
}

/** A customer's credits, nearest expiry first, each in its state at `nowMs` (the request's time). */
export function creditsOf(customer: Customer, nowMs: number): Credit[] {
  return creditsAt(customer, nowMs);
}
