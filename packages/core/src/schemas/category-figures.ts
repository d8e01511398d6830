import * as z from 'zod/mini';

// The category manager's numbers, per category, computed by the server from the stored customers
// and orders in one request (`GET /v1/categories/figures`).

/** The length of the two windows the order counts compare. */
export const CATEGORY_FIGURES_WINDOW_DAYS = 30;

export const CategoryFiguresSchema = z.strictObject({
  categoryId: z.string(),
  /** Live customers holding the category (its `customerCount`): not deleted, anonymized or merged. */
  members: z.int().check(z.nonnegative()),
  /** The members' orders that count as purchases (not returned or cancelled), all time. */
  ordersCount: z.int().check(z.nonnegative()),
  /** What those orders add up to, cents. */
  totalSpentCents: z.int().check(z.nonnegative()),
  /** `totalSpentCents ÷ ordersCount`, rounded to the cent; null without orders. */
  averageTicketCents: z.nullable(z.int()),
  /** The members' counted orders placed in the last 30 days (up to the request's time). */
  ordersLast30Days: z.int().check(z.nonnegative()),
  /** The same, in the 30 days before those. */
  ordersPrevious30Days: z.int().check(z.nonnegative()),
  /** `(last − previous) ÷ previous` (0.25 is +25 %); null when the previous window had none. */
  trend: z.nullable(z.number()),
});

export const CategoryFiguresListSchema = z.strictObject({
  /** The instant the windows end at. */
  at: z.iso.datetime({ offset: true }),
  items: z.array(CategoryFiguresSchema),
});

export type CategoryFigures = z.infer<typeof CategoryFiguresSchema>;
export type CategoryFiguresList = z.infer<typeof CategoryFiguresListSchema>;
