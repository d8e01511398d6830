import { orderWritten } from './events.js';
import { ORDER_STATUS_LABELS, type Locale } from '@clientela/core/i18n';
import { ORDER_TRANSITIONS, type Customer, type Order, type OrderCreate, type OrderPatch } from '@clientela/core/schemas';
import { newId, type ServerContext } from '../context.js';
import { fail422, fieldIssue, HttpProblem } from '../http/problem.js';
import { purchaseStats } from '../store/ledger.js';
import { withRuleMemberships } from './rules.js';

/** How far ahead of the server's clock an order may be placed (a till whose clock runs fast). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The customer an order or credit is written for: 404 when unknown, 422 when deleted. Locks it in a transaction (PostgreSQL). */
export async function customerForWrite(t: ServerContext, id: string, locale: Locale, path = 'customerId'): Promise<Customer> {
  const customer = await t.store.getCustomer(id);
  if (!customer) throw new HttpProblem('not_found', 404, { errors: [fieldIssue(path, 'unknown_customer', locale)] });
  if (customer.status === 'deleted') fail422([fieldIssue(path, 'customer_deleted', locale)]);
  return customer;
}

/**
 * Brings the customer's figures (orders count, total spent, first and last purchase, average
 * rating) to what its stored orders add up to, and its automatic categories to what their rules
 * say of them, in the caller's transaction, and returns the
 * customer as written. Computed from the rows, not adjusted step by step, so a retried or
 * reordered write cannot leave them off by one order.
 */
export async function refreshFigures(t: ServerContext, customer: Customer): Promise<Customer> {
  const stats = { ...customer.stats, ...purchaseStats(await t.store.orderFigures(customer.id)) };
  const s = customer.stats;
  const same =
    s.ordersCount === stats.ordersCount &&
    s.totalSpentCents === stats.totalSpentCents &&
    s.firstPurchaseAt === stats.firstPurchaseAt &&
    s.lastPurchaseAt === stats.lastPurchaseAt &&
    s.averageRating === stats.averageRating;
  // The automatic categories follow the new figures (and the order's unit) in the same write.
  const ruled = await withRuleMemberships(t, same ? customer : ({ ...customer, stats } as Customer));
  if (same && ruled === customer) return customer;
  const next = { ...ruled, updatedAt: t.now().toISOString(), version: customer.version + 1 } as Customer;
  // The customer was read (and, in PostgreSQL, locked) in this transaction: a refusal here means
  // a write slipped in, and the whole transaction is undone rather than saving figures off by one.
  if (!(await t.store.updateCustomer(next, customer.version))) throw new HttpProblem('write_conflict', 409);
  return next;
}

/**
 * The unit an order is placed at: 422 `unknown_unit` when none has the id, `unit_inactive` when it
 * was inactivated. Share-locked in a transaction (PostgreSQL), so it cannot be deleted under the
 * order.
 */
async function unitForOrder(t: ServerContext, unitId: string, locale: Locale): Promise<void> {
  const unit = await t.store.getUnit(unitId);
  if (!unit) fail422([fieldIssue('unitId', 'unknown_unit', locale)]);
  if (unit.status !== 'active') fail422([fieldIssue('unitId', 'unit_inactive', locale)]);
}

export interface NewOrder {
  input: OrderCreate & { placedAt: string; customerId: string };
  /** A fixed id (the seed, so a seed value always gives the same ids); a new one otherwise. */
  id?: string | undefined;
}

/**
 * Records orders of one customer and updates its figures, all in the caller's transaction (the
 * route's, with its idempotency record): the orders and the figures are written together or not
 * at all. The seed calls this too, so seeded customers are made like the API's.
 */
export async function recordOrders(t: ServerContext, customerId: string, orders: readonly NewOrder[], locale: Locale): Promise<{ orders: Order[]; customer: Customer }> {
  const customer = await customerForWrite(t, customerId, locale);
  for (const unitId of new Set(orders.flatMap((o) => (o.input.unitId === undefined ? [] : [o.input.unitId])))) await unitForOrder(t, unitId, locale);
  const now = t.now();
  const at = now.toISOString();
  const written: Order[] = [];
  for (const { input, id } of orders) {
    if (Date.parse(input.placedAt) > now.getTime() + CLOCK_SKEW_MS) fail422([fieldIssue('placedAt', 'placed_in_future', locale)]);
    const order: Order = {
      id: id ?? newId('ord'),
      number: input.number,
      customerId,
      ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
      placedAt: new Date(input.placedAt).toISOString(),
      itemsCount: input.itemsCount,
      totalCents: input.totalCents,
      status: input.status ?? 'pending',
      source: input.source ?? 'api',
      ...(input.rating !== undefined ? { rating: input.rating } : {}),
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    written.push(order);
  }
  await t.store.insertOrders(written);
  for (const order of written) await orderWritten(t, undefined, order);
  return { orders: written, customer: await refreshFigures(t, customer) };
}

/** The status change (along {@link ORDER_TRANSITIONS}) and rating of a patch, checked; 422 when the move is not allowed. */
export function patchedOrder(current: Order, patch: OrderPatch, now: string, locale: Locale): Order {
  if (patch.status !== undefined && patch.status !== current.status && !ORDER_TRANSITIONS[current.status].includes(patch.status)) {
    const label = ORDER_STATUS_LABELS[locale];
    fail422([fieldIssue('status', 'invalid_transition', locale, { from: label[current.status].toLowerCase(), to: label[patch.status].toLowerCase() })]);
  }
  const next: Order = { ...current, ...(patch.status !== undefined ? { status: patch.status } : {}), ...(patch.rating !== undefined ? { rating: patch.rating } : {}) };
  return { ...next, updatedAt: now, version: current.version + 1 };
}

/**
 * Writes `next` over `current` (only over that version: a concurrent change makes this return
 * undefined, for a 412) and brings the customer's figures along in the same transaction: a return
 * or a cancellation takes the order back out of them.
 */
export async function changeOrder(t: ServerContext, current: Order, next: Order): Promise<{ order: Order; customer: Customer } | undefined> {
  if (!(await t.store.updateOrder(next, current.version))) return undefined;
  await orderWritten(t, current, next);
  const customer = await t.store.getCustomer(current.customerId);
  if (!customer) throw new HttpProblem('not_found', 404);
  return { order: next, customer: await refreshFigures(t, customer) };
}
