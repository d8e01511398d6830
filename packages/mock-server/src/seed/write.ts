import type { Customer } from '@clientela/core/schemas';
import type { ServerContext } from '../context.js';
import { creditsOf, grantCredit, redeemCredit } from '../service/credits.js';
import { categoryWritten, customerWritten, emit } from '../service/events.js';
import { recordOrders } from '../service/orders.js';
import { registerDevices } from '../service/devices.js';
import type { SeedResult } from './seed.js';
import { SEED_UNITS } from './units.js';

/**
 * Writes seed data into an empty store: categories, units, customers in one bulk insert, then each
 * customer's orders and credits through the services the routes use (so the figures of a seeded
 * customer are computed from its stored orders exactly as an API-made one's), each step at the
 * moment it happened. One
 * transaction for the whole history: SQLite and PostgreSQL commit it once instead of per order.
 * Customers seeded as deleted get their history first and are deleted last, as in real life.
 *
 * The change feed and the webhooks see the seeded store as it is (#16): `category.created` and
 * `customer.created` for each seeded one, then the events the order and credit services emit
 * (`order.created`, `credit.granted|redeemed`), then `customer.deleted`, each dated when it
 * happened. The customers are inserted in bulk, so their `customer.created` goes through `emit`
 * (the end of the create path) rather than `customerWritten`, which would also invent consent
 * records the seed's plan does not have.
 */
export async function writeSeed(ctx: ServerContext, data: SeedResult): Promise<void> {
  const store = ctx.store;
  const seedCategories = (await store.listCategories()).length === 0;
  if (seedCategories) for (const cat of data.categories) await store.putCategory(cat);
  if ((await store.listUnits()).length === 0) for (const unit of SEED_UNITS) await store.insertUnit(unit);
  const deleted = data.customers.filter((c) => c.status === 'deleted');
  // The customers carry the figures their planned history adds up to. The order service computes
  // them again from the rows it stores and writes them only where they differ, so the figures
  // are the service's either way, and a seed whose plan agrees (the test checks) costs no update
  // per customer (a large share of seeding SQLite and PostgreSQL otherwise).
  await store.insertCustomers(data.customers.map((c) => (c.status === 'deleted' ? ({ ...c, status: 'inactive' } as Customer) : c)));
  await store.transaction(async (tx) => {
    const at = (iso: string): ServerContext => Object.assign(Object.create(ctx) as ServerContext, { store: tx, now: () => new Date(iso) });
    if (seedCategories) for (const cat of data.categories) await categoryWritten(at(cat.createdAt), undefined, cat);
    for (const c of data.customers) {
      const created = c.status === 'deleted' ? ({ ...c, status: 'inactive' } as Customer) : c;
      await emit(at(c.createdAt), 'customer.created', { customer: created });
    }
    for (const h of data.history) {
      const last = h.orders[h.orders.length - 1];
      if (last) await recordOrders(at(last.input.placedAt), h.customerId, h.orders, 'pt-BR');
      for (const op of h.credits) {
        const t = at(op.at);
        if (op.type === 'grant') {
          const { type: _type, at: _at, id, ...input } = op;
          await grantCredit(t, h.customerId, input, 'pt-BR', id);
        } else {
          // What the plan meant to spend, within what is spendable at that moment.
          const amountCents = Math.min(op.amountCents, (await creditsOf(t, h.customerId)).balanceCents);
          if (amountCents > 0) await redeemCredit(t, h.customerId, { amountCents }, 'pt-BR');
        }
      }
    }
    // Push devices, registered through the storefront's path (in batches), each at the moment last seen.
    const lastSeen = data.devices[data.devices.length - 1];
    if (lastSeen) await registerDevices(at(lastSeen.at), data.devices.map((d) => ({ customerId: d.customerId, input: d, at: new Date(d.at) })));
    for (const c of deleted) {
      const cur = (await tx.getCustomer(c.id))!;
      const next = { ...cur, status: 'deleted', version: cur.version + 1 } as Customer;
      await tx.updateCustomer(next, cur.version);
      await customerWritten(at(c.updatedAt), cur, next);
    }
  });
}
