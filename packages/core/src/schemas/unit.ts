import * as z from 'zod/mini';
import { searchKey } from '../format/format.js';
import { CnpjSchema } from './customer-write.js';
import { plainText, rule } from './rules.js';

// Units (stores) of one business: a street store, a mall store, the online store. Every unit
// shares the one customer base; an order carries the unit where it was placed, and the customer
// list can show each customer's figures for one unit. A unit is never deleted once an order
// references it, only inactivated: it then takes no new orders, and its history stays true.

export const UNIT_STATUSES = ['active', 'inactive'] as const;
export const UnitStatusSchema = z.enum(UNIT_STATUSES);

/** Most characters of a unit id. */
export const UNIT_ID_MAX_LENGTH = 40;

/**
 * A unit's id: letters without accents, digits and `_` (`loja_centro`), the characters the filter
 * language accepts in a `unit-…` condition, so a unit can always be filtered by.
 */
export const UnitIdSchema = z.string().check(rule('invalid_unit_id', (v: string) => new RegExp(`^[A-Za-z0-9_]{1,${UNIT_ID_MAX_LENGTH}}$`).test(v)));

const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(60), plainText());

/** A unit as stored and returned. */
export const UnitSchema = z.strictObject({
  id: z.string(),
  /** 1–60 characters, unique ignoring case and accents ("Loja Centro" = "loja centró"). */
  name: z.string(),
  /** `inactive`: takes no new orders; its orders and figures stay. */
  status: UnitStatusSchema,
  /** The unit's own CNPJ (a branch has one of its own), normalized. */
  cnpj: z.optional(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.int().check(z.positive()),
});

/** `POST /units`: a name; an id (a slug) when the business has its own codes, else one is made from the name. */
export const UnitCreateSchema = z.strictObject({
  id: z.optional(UnitIdSchema),
  name,
  status: z.optional(UnitStatusSchema),
  cnpj: z.optional(CnpjSchema),
});

/** `PATCH /units/:id` (If-Match): rename, inactivate or reactivate, set or clear (`null`) the CNPJ. */
export const UnitPatchSchema = z.strictObject({
  name: z.optional(name),
  status: z.optional(UnitStatusSchema),
  cnpj: z.optional(z.nullable(CnpjSchema)),
});

export const UnitListQuerySchema = z.strictObject({
  status: z.optional(UnitStatusSchema),
});

export const UnitListSchema = z.strictObject({ items: z.array(UnitSchema) });

/**
 * The id a unit gets from its name when none is given: the name without accents, lowercase, words
 * joined by `_`, within {@link UNIT_ID_MAX_LENGTH}; `unit` when nothing of the name is left. The
 * server adds `_2`, `_3`… when another unit holds it.
 *
 * @example
 * unitIdFrom('Loja Shopping Iguatemi'); // 'loja_shopping_iguatemi'
 */
export function unitIdFrom(name: string): string {
  const slug = searchKey(name).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, UNIT_ID_MAX_LENGTH - 4).replace(/_+$/, '');
  return slug || 'unit';
}

export type Unit = z.infer<typeof UnitSchema>;
export type UnitCreate = z.input<typeof UnitCreateSchema>;
export type UnitPatch = z.input<typeof UnitPatchSchema>;
export type UnitStatus = z.infer<typeof UnitStatusSchema>;
