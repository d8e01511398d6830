import type { Credit, Customer, Order } from '@clientela/core/schemas';
import { SEED_ANCHOR_MS } from './anchor.js';
import { hash32, Prng } from './prng.js';

const DAY = 86_400_000;

const cache = new Map<string, Order[]>();

/**
 * The orders of a customer, newest first, generated from its id and stats rather than stored:
 * there are `stats.ordersCount` of them, they sum to `stats.totalSpentCents`, and the newest was
 * placed at `stats.lastPurchaseAt`. Customers created through the API have none.
 */
export function generateOrders(c: Customer): Order[] {
  const { ordersCount, totalSpentCents, lastPurchaseAt } = c.stats;
  if (!ordersCount || !lastPurchaseAt) return [];
  const key = `${c.id}:${ordersCount}:${totalSpentCents}:${lastPurchaseAt}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rng = new Prng(hash32(c.id));
  const first = Date.parse(c.createdAt);
  const last = Date.parse(lastPurchaseAt);
  const times = [last];
  for (let i = 1; i < ordersCount; i++) times.push(first + Math.floor(rng.next() * Math.max(1, last - first)));
  times.sort((a, b) => b - a);
  const weights = times.map(() => 0.5 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  let left = totalSpentCents;
  const base = hash32(`${c.id}#n`) % 900_000;
  const orders = times.map((t, i): Order => {
    const total = i === times.length - 1 ? left : Math.floor((totalSpentCents * (weights[i] as number)) / sum);
    left -= total;
    const recent = SEED_ANCHOR_MS - t < 10 * DAY;
    const status = recent ? rng.pick(['pending', 'paid', 'shipped'] as const) : rng.chance(0.04) ? 'returned' : 'delivered';
    const rating = status === 'delivered' && rng.chance(0.4) ? rng.int(3, 5) : undefined;
    return {
      id: `ord_${c.id.slice(4)}_${String(ordersCount - i).padStart(3, '0')}`,
      number: String(100_000 + base + ordersCount - i),
      placedAt: new Date(t).toISOString(),
      itemsCount: rng.int(1, 6),
      totalCents: total,
      status,
      ...(rating ? { rating } : {}),
    };
  });
  if (cache.size > 5000) cache.clear();
  cache.set(key, orders);
  return orders;
}

/** A credit as issued: amount and expiry are fixed, as is whether it was redeemed. */
export interface IssuedCredit extends Omit<Credit, 'status'> {
  redeemed: boolean;
}

/**
 * A credit's state at the moment it is read: redeemed stays `used`; otherwise it is `expired`
 * from its expiry on and `active` before. Never stored, so time passing cannot leave it stale.
 */
export function creditStatusAt(credit: IssuedCredit, nowMs: number): Credit['status'] {
  if (credit.redeemed) return 'used';
  return Date.parse(credit.expiresAt) <= nowMs ? 'expired' : 'active';
}

export function creditAt(credit: IssuedCredit, nowMs: number): Credit {
  const { redeemed: _redeemed, ...rest } = credit;
  return { ...rest, status: creditStatusAt(credit, nowMs) };
}

/** Referral and cashback credits of a customer with purchases, generated from its id. */
export function issuedCredits(c: Customer): IssuedCredit[] {
  if (!c.stats.ordersCount) return [];
  const rng = new Prng(hash32(`${c.id}:credits`));
  if (rng.chance(0.55)) return [];
  const n = rng.int(1, 3);
  const orders = generateOrders(c);
  const out: IssuedCredit[] = [];
  for (let i = 0; i < n; i++) {
    const cashback = rng.chance(0.6) && orders.length > 0;
    const order = orders[rng.int(0, orders.length - 1)];
    const expires = SEED_ANCHOR_MS + rng.int(-120, 240) * DAY;
    const redeemed = rng.chance(0.2);
    out.push({
      id: `crd_${c.id.slice(4)}_${i + 1}`,
      kind: cashback ? 'cashback' : 'referral',
      amountCents: cashback && order ? Math.max(100, Math.round(order.totalCents * 0.05)) : rng.pick([1000, 2000, 2500, 5000]),
      origin: cashback && order ? `Cashback do pedido #${order.number}` : 'Indicação de amigo',
      expiresAt: new Date(expires).toISOString(),
      redeemed,
    });
  }
  return out;
}

/** A customer's credits as they stand at `nowMs`, nearest expiry first. */
export function creditsAt(c: Customer, nowMs: number): Credit[] {
  return issuedCredits(c)
    .sort((a, b) => (a.expiresAt < b.expiresAt ? -1 : a.expiresAt > b.expiresAt ? 1 : 0))
    .map((credit) => creditAt(credit, nowMs));
}

/** The mean rating of a customer's rated orders (null when none is rated): the card's "average rating". */
export function averageRating(orders: readonly Order[]): number | null {
  const rated = orders.filter((o) => o.rating !== undefined);
  return rated.length ? rated.reduce((sum, o) => sum + (o.rating as number), 0) / rated.length : null;
}
