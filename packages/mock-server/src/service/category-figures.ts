import { CATEGORY_FIGURES_WINDOW_DAYS, countsAsPurchase, CUSTOMER_STATUSES, type CategoryFigures, type CategoryFiguresList } from '@clientela/core/schemas';
import type { ServerContext } from '../context.js';

const DAY = 86_400_000;
const LIVE = CUSTOMER_STATUSES.filter((s) => s !== 'deleted');

/**
 * Every category's figures at the context's time, from the stored rows: one walk over the
 * customers that are not deleted (their categories and figures, which their orders' writes keep
 * exact) and one over the orders of the last 60 days, newest first. Members are today's: an
 * order counts for the categories its customer holds now. Orders returned or cancelled count in
 * neither window.
 */
export async function categoryFigures(ctx: ServerContext): Promise<CategoryFiguresList> {
  const now = ctx.now();
  const window = CATEGORY_FIGURES_WINDOW_DAYS * DAY;
  const split = new Date(now.getTime() - window).toISOString();
  const start = new Date(now.getTime() - 2 * window).toISOString();
  const at = now.toISOString();
  const acc = new Map<string, CategoryFigures>();
  const of = (id: string): CategoryFigures => {
    let f = acc.get(id);
    if (!f) acc.set(id, (f = { categoryId: id, members: 0, ordersCount: 0, totalSpentCents: 0, averageTicketCents: null, ordersLast30Days: 0, ordersPrevious30Days: 0, trend: null }));
    return f;
  };
  const cats = await ctx.store.listCategories();
  for (const cat of cats) of(cat.id);
  const categoriesOf = new Map<string, readonly string[]>();
  for await (const c of ctx.store.scanCustomers({ statuses: LIVE }, { field: 'createdAt', desc: false })) {
    if (!c.categoryIds.length) continue;
    categoriesOf.set(c.id, c.categoryIds);
    for (const id of c.categoryIds) {
      const f = of(id);
      f.members++;
      f.ordersCount += c.stats.ordersCount;
      f.totalSpentCents += c.stats.totalSpentCents;
    }
  }
  let after: { placedAt: string; id: string } | undefined;
  walk: for (;;) {
    const page = await ctx.store.listOrders({ after, limit: 500 });
    for (const o of page.items) {
      if (o.placedAt < start) break walk;
      if (o.placedAt >= at || !countsAsPurchase(o.status)) continue;
      for (const id of categoriesOf.get(o.customerId) ?? []) {
        if (o.placedAt >= split) of(id).ordersLast30Days++;
        else of(id).ordersPrevious30Days++;
      }
    }
    const last = page.items[page.items.length - 1];
    if (!page.hasMore || !last) break;
    after = { placedAt: last.placedAt, id: last.id };
  }
  const known = new Set(cats.map((cat) => cat.id));
  const items = [...acc.values()]
    .filter((f) => known.has(f.categoryId))
    .map((f) => ({
      ...f,
      averageTicketCents: f.ordersCount ? Math.round(f.totalSpentCents / f.ordersCount) : null,
      trend: f.ordersPrevious30Days ? (f.ordersLast30Days - f.ordersPrevious30Days) / f.ordersPrevious30Days : null,
    }));
  return { at, items };
}
