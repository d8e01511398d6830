import * as z from 'zod/mini';
import { DiscountPercentSchema } from './customer-write.js';
import { FilterTextSchema } from './filter-codec.js';
import { plainText, rule } from './rules.js';

export const CATEGORY_STATUSES = ['active', 'inactive'] as const;
export const CategoryStatusSchema = z.enum(CATEGORY_STATUSES);

const isColor = (v: string) => /^#[0-9a-fA-F]{6}$/.test(v);
export const ColorSchema = z.string().check(rule('invalid_color', isColor));
const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(60), plainText());

/**
 * A category's rule: a customer filter in its text form (`spent-min-500000`), with at least one
 * condition. A bad one is a 422 at `rule` naming the condition, as the list's `filter` is.
 */
export const CategoryRuleSchema = FilterTextSchema.check(rule('required', (text: string) => text !== ''));

export const CategorySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  status: CategoryStatusSchema,
  /**
   * Present on an automatic category: the filter (canonical text) its members match. The server
   * keeps the members; they cannot be assigned or removed by hand.
   */
  rule: z.optional(z.string()),
  /** A discount (percent) the category's members get; the storefront reads it through `/public/me/benefits`. */
  discountPercent: z.optional(z.number()),
  /** Its live customers (active, inactive, blocked), as the table lists them: not deleted, anonymized or merged. */
  customerCount: z.int().check(z.nonnegative()),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.int().check(z.positive()),
});

/** `POST /categories`: a required name (1–60 characters), a colour (`#rrggbb`), optionally a rule and a discount. */
export const CategoryCreateSchema = z.strictObject({
  name,
  color: z.optional(ColorSchema),
  status: z.optional(CategoryStatusSchema),
  rule: z.optional(CategoryRuleSchema),
  discountPercent: z.optional(DiscountPercentSchema),
});

/**
 * `PATCH /categories/:id`: rename, recolour, inactivate or reactivate; set, change or (`null`)
 * remove the rule (the members it had stay, as manual ones) and the discount.
 */
export const CategoryPatchSchema = z.strictObject({
  name: z.optional(name),
  color: z.optional(ColorSchema),
  status: z.optional(CategoryStatusSchema),
  rule: z.optional(z.nullable(CategoryRuleSchema)),
  discountPercent: z.optional(z.nullable(DiscountPercentSchema)),
});

export const CategoryListQuerySchema = z.strictObject({
  status: z.optional(CategoryStatusSchema),
});

export type Category = z.infer<typeof CategorySchema>;
export type CategoryCreate = z.input<typeof CategoryCreateSchema>;
export type CategoryPatch = z.input<typeof CategoryPatchSchema>;
export type CategoryStatus = z.infer<typeof CategoryStatusSchema>;
