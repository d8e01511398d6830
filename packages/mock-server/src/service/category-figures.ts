import { CATEGORY_FIGURES_WINDOW_DAYS, type CategoryFigures, type CategoryFiguresList } from '@clientela/core/schemas';
import type { ServerContext } from '../context.js';

const DAY = 86_400_000;

/**
 * Every category's figures at the context's time, from the stored rows, summed by the store where
 * the rows are: its members that are not deleted (their figures, which their orders' writes keep
 * exact) and their counted orders of the last two windows. Members are today's: an order counts
 * for the categories its customer holds now. Orders returned or cancelled count in neither window.
 */
export async function categoryFigures(ctx: ServerContext): Promise<CategoryFiguresList> {
  const now = ctx.now();
  const window = CATEGORY_FIGURES_WINDOW_DAYS * DAY;
  const at = now.toISOString();
  const [cats, sums] = await Promise.all([
    ctx.store.listCategories(),
    ctx.store.categoryFigureSums({ start: new Date(now.getTime() - 2 * window).toISOString(), split: new Date(now.getTime() - window).toISOString(), at }),
  ]);
  const byId = new Map(sums.map((f) => [f.categoryId, f]));
  const items = cats.map((cat): CategoryFigures => {
    const f = byId.get(cat.id);
    const ordersCount = f?.ordersCount ?? 0;
    const totalSpentCents = f?.totalSpentCents ?? 0;
    const last = f?.ordersLast ?? 0;
    const previous = f?.ordersPrevious ?? 0;
    return {
      categoryId: cat.id,
      members: f?.members ?? 0,
      ordersCount,
      totalSpentCents,
      averageTicketCents: ordersCount ? Math.round(totalSpentCents / ordersCount) : null,
      ordersLast30Days: last,
      ordersPrevious30Days: previous,
      trend: previous ? (last - previous) / previous : null,
    };
  });
  return { at, items };
}
