import * as z from 'zod/mini';
import { plainText, rule } from './rules.js';

export const CATEGORY_STATUSES = ['active', 'inactive'] as const;
export const CategoryStatusSchema = z.enum(CATEGORY_STATUSES);

const isColor = (v: string) => /^#[0-9a-fA-F]{6}$/.test(v);
export const ColorSchema = z.string().check(rule('invalid_color', isColor));
const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(60), plainText());

export const CategorySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  color: z.string(),
  status: CategoryStatusSchema,
  customerCount: z.int().check(z.nonnegative()),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.int().check(z.positive()),
});

/** `POST /categories`: a required name (1–60 characters) and a colour (`#rrggbb`). */
export const CategoryCreateSchema = z.strictObject({
  name,
  color: z.optional(ColorSchema),
  status: z.optional(CategoryStatusSchema),
});

/** `PATCH /categories/:id`: rename, recolour, inactivate or reactivate. */
export const CategoryPatchSchema = z.strictObject({
  name: z.optional(name),
  color: z.optional(ColorSchema),
  status: z.optional(CategoryStatusSchema),
});

export const CategoryListQuerySchema = z.strictObject({
  status: z.optional(CategoryStatusSchema),
});

export type Category = z.infer<typeof CategorySchema>;
export type CategoryCreate = z.input<typeof CategoryCreateSchema>;
export type CategoryPatch = z.input<typeof CategoryPatchSchema>;
export type CategoryStatus = z.infer<typeof CategoryStatusSchema>;
