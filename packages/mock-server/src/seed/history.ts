import type { CreditKind, OrderCreate } from '@clientela/core/schemas';
import { SEED_ANCHOR_MS } from './anchor.js';
import type { Prng } from './prng.js';
import { seedUnitOf } from './units.js';

const DAY = 86_400_000;

/** A seeded order: the body a `POST /orders` would carry, and its fixed id. */
export interface SeedOrder {
  id: string;
  input: OrderCreate & { placedAt: string; customerId: string };
}

/** A seeded ledger step, at the moment it happens. */
export type SeedCreditOp =
  | { type: 'grant'; at: string; id: string; kind: CreditKind; amountCents: number; expiresAt: string; origin: string; orderId?: string }
  | { type: 'redeem'; at: string; amountCents: number };

/** What a seeded customer did: its orders and its credits ledger, written through the routes' services. */
export interface CustomerHistory {
  customerId: string;
  orders: SeedOrder[];
  credits: SeedCreditOp[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The history of one seeded customer, drawn from `rng`: `ordersCount` orders between its
 * registration and the seed's anchor (recent ones still pending, paid or shipped; a few old ones
 * returned or cancelled), and for some, referral credits and cashback bonuses, a few partly
 * spent. Plain data: nothing here computes a figure; the services that write it do.
 */
export function planHistory(rng: Prng, customerId: string, index: number, createdMs: number, ordersCount: number, maxTicketCents: number, source: OrderCreate['source']): CustomerHistory {
  const orders: SeedOrder[] = [];
  const times: number[] = [];
  for (let k = 0; k < ordersCount; k++) times.push(createdMs + Math.floor(rng.next() * (SEED_ANCHOR_MS - createdMs)));
  times.sort((a, b) => a - b);
  times.forEach((t, k) => {
    const recent = SEED_ANCHOR_MS - t < 10 * DAY;
    const roll = rng.next();
    const status = recent ? rng.pick(['pending', 'paid', 'shipped'] as const) : roll < 0.04 ? 'returned' : roll < 0.07 ? 'cancelled' : 'delivered';
    const rating = status === 'delivered' && rng.chance(0.4) ? rng.int(3, 5) : undefined;
    // Drawn in the order the seed always drew them, so a seed value gives the customers it gave.
    const itemsCount = rng.int(1, 6);
    const totalCents = rng.int(3_000, maxTicketCents);
    const orderSource = source === 'pos' ? 'pos' : rng.chance(0.7) ? 'storefront' : 'pos';
    orders.push({
      id: `ord_${customerId.slice(4)}_${String(k + 1).padStart(3, '0')}`,
      input: {
        number: String(1_000_000 + index * 100 + k),
        customerId,
        placedAt: iso(t),
        itemsCount,
        totalCents,
        status,
        unitId: seedUnitOf(orderSource, index, k),
        source: orderSource,
        ...(rating ? { rating } : {}),
      },
    });
  });
  const credits: SeedCreditOp[] = [];
  if (ordersCount && !rng.chance(0.55)) {
    const n = rng.int(1, 3);
    for (let i = 0; i < n; i++) {
      const order = orders[rng.int(0, orders.length - 1)]!;
      const cashback = rng.chance(0.6);
      // Granted after the order (cashback) or at some moment of the customer's history (referral),
      // valid for one to twelve months: some have lapsed by the anchor, some lapse soon after.
      const grantedMs = cashback ? Date.parse(order.input.placedAt) + DAY : createdMs + Math.floor(rng.next() * (SEED_ANCHOR_MS - createdMs));
      const expiresMs = Math.max(grantedMs + 30 * DAY, SEED_ANCHOR_MS + rng.int(-120, 240) * DAY);
      const amountCents = cashback ? Math.max(100, Math.round(order.input.totalCents * 0.05)) : rng.pick([1000, 2000, 2500, 5000]);
      credits.push({
        type: 'grant',
        at: iso(grantedMs),
        id: `crd_${customerId.slice(4)}_${i + 1}`,
        kind: cashback ? 'cashback' : 'referral',
        amountCents,
        expiresAt: iso(expiresMs),
        origin: cashback ? `Cashback do pedido #${order.input.number}` : 'Indicação de amigo',
        ...(cashback ? { orderId: order.id } : {}),
      });
      if (rng.chance(0.3)) {
        // Spent before it lapsed (and before the anchor): all of it or a part.
        const spentMs = grantedMs + Math.floor(rng.next() * (Math.min(expiresMs, SEED_ANCHOR_MS) - grantedMs));
        credits.push({ type: 'redeem', at: iso(spentMs), amountCents: rng.chance(0.5) ? amountCents : Math.max(100, Math.round(amountCents * rng.next())) });
      }
    }
    credits.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }
  return { customerId, orders, credits };
}
