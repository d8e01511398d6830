import * as z from 'zod/mini';

// What a signed-in shopper gets: the discounts they hold (their own, their categories') and the
// one that applies (`GET /v1/public/me/benefits`); the rule that picks it is `benefitsOf`, in
// ../rules/benefits.ts (no zod), which the admin's card and table call too.

/** One discount a customer holds: their own, or a category's. */
export const DiscountSourceSchema = z.strictObject({
  source: z.enum(['customer', 'category']),
  /** The category that gives it (for `category`). */
  categoryId: z.optional(z.string()),
  /** The category's name (for `category`). */
  name: z.optional(z.string()),
  discountPercent: z.number(),
});

/** `GET /v1/public/me/benefits`. */
export const BenefitsSchema = z.strictObject({
  /** The discount that applies: the largest one held; 0 without any. */
  discountPercent: z.number(),
  /** Where it comes from; null without any. */
  appliedFrom: z.nullable(DiscountSourceSchema),
  /** Every discount held, largest first (the customer's own before a category's of the same size). */
  discounts: z.array(DiscountSourceSchema),
});

export type DiscountSource = z.infer<typeof DiscountSourceSchema>;
export type Benefits = z.infer<typeof BenefitsSchema>;
