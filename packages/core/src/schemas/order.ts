import * as z from 'zod/mini';
import { CREDIT_KINDS, CREDIT_STATES, ORDER_STATUSES } from '../rules/constants.js';
import { CustomerSourceSchema } from './customer.js';
import { coded, plainText } from './rules.js';

// Orders and the credits ledger as stored records. The stored shape is the one schema; what a
// create or a patch accepts is picked from it, so no limit is written twice.

const datetime = () => z.iso.datetime({ offset: true });
const ref = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(64), plainText());

export const OrderStatusSchema = coded(z.enum(ORDER_STATUSES), 'invalid_order_status');

/** An order as stored and returned. */
export const OrderSchema = z.strictObject({
  id: z.string(),
  /** The order's number as the shop shows it (unique per unit). */
  number: z.string().check(z.trim(), z.minLength(1), z.maxLength(40), plainText()),
  customerId: ref(),
  /** The unit (store) where it was placed. */
  unitId: z.optional(ref()),
  placedAt: datetime(),
  itemsCount: z.int().check(z.positive(), z.lte(100_000)),
  totalCents: z.int().check(z.nonnegative(), z.lte(100_000_000_000)),
  status: OrderStatusSchema,
  /** Where it was placed: the online store, the point of sale, the admin, an integration. */
  source: CustomerSourceSchema,
  rating: z.optional(z.int().check(z.gte(1), z.lte(5))),
  version: z.int().check(z.positive()),
  createdAt: datetime(),
  updatedAt: datetime(),
});

/**
 * `POST /orders`: the stored fields a caller writes. `status` defaults to `pending`, `source` to
 * `api`.
 */
export const OrderCreateSchema = z.partial(
  z.pick(OrderSchema, { number: true, customerId: true, unitId: true, placedAt: true, itemsCount: true, totalCents: true, status: true, source: true, rating: true }),
  { unitId: true, status: true, source: true, rating: true },
);

/** `PATCH /orders/:id` (If-Match): a status change along {@link ORDER_TRANSITIONS}, a rating. */
export const OrderPatchSchema = z.partial(z.pick(OrderSchema, { status: true, rating: true }));

export const OrderPageSchema = z.strictObject({ items: z.array(OrderSchema), nextCursor: z.nullable(z.string()) });

/** `GET /orders?customerId=&cursor=&limit=`. */
export const OrderListQuerySchema = z.strictObject({
  customerId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  status: z.optional(OrderStatusSchema),
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
});

// ---- credits ledger -------------------------------------------------------------------------

export const CreditKindSchema = z.enum(CREDIT_KINDS);
const cents = () => z.int().check(z.positive(), z.lte(100_000_000));
const origin = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(120), plainText());

const entryCommon = {
  id: z.string(),
  customerId: z.string(),
  /** When it was written. */
  at: datetime(),
};

/** A referral credit or a cashback bonus: an amount that can be spent until it expires. */
export const CreditGrantEntrySchema = z.strictObject({
  ...entryCommon,
  type: z.literal('grant'),
  kind: CreditKindSchema,
  amountCents: cents(),
  expiresAt: datetime(),
  /** Why it was given ("Indicação de amigo", "Cashback do pedido #123456"). */
  origin: origin(),
  /** The order a cashback came from. */
  orderId: z.optional(z.string()),
});

/** Part of a grant spent; a redemption across several grants is one entry per grant. */
export const CreditRedemptionEntrySchema = z.strictObject({
  ...entryCommon,
  type: z.literal('redemption'),
  grantId: z.string(),
  amountCents: cents(),
  /** The order it paid for, or the reason it was redeemed. */
  orderId: z.optional(z.string()),
  /** Entries written by one redemption request share this id. */
  redemptionId: z.string(),
});

/** What was left of a grant when its expiry passed. */
export const CreditExpiryEntrySchema = z.strictObject({
  ...entryCommon,
  type: z.literal('expiry'),
  grantId: z.string(),
  amountCents: cents(),
});

/** One entry of a customer's credits ledger (append-only). */
export const CreditEntrySchema = z.discriminatedUnion('type', [CreditGrantEntrySchema, CreditRedemptionEntrySchema, CreditExpiryEntrySchema]);

/** `POST /customers/:id/credits`: a grant's writable fields. */
export const CreditGrantSchema = z.partial(z.pick(CreditGrantEntrySchema, { kind: true, amountCents: true, expiresAt: true, origin: true, orderId: true }), {
  origin: true,
  orderId: true,
});

/** `POST /customers/:id/credits/redemptions`: spend this much, nearest expiry first. */
export const CreditRedeemSchema = z.strictObject({
  amountCents: cents(),
  orderId: z.optional(ref()),
});

/**
 * A grant as it stands at a moment, derived from the ledger: what is left (`balanceCents`), what
 * was spent and what lapsed, and its state — `used` (nothing left, all spent), `expired` (its
 * expiry passed with a balance), `expiring` (a balance that lapses within the window asked for,
 * 30 days by default), otherwise `active`.
 */
export const CreditSchema = z.strictObject({
  id: z.string(),
  kind: CreditKindSchema,
  amountCents: cents(),
  balanceCents: z.int().check(z.nonnegative()),
  redeemedCents: z.int().check(z.nonnegative()),
  expiredCents: z.int().check(z.nonnegative()),
  origin: z.string(),
  orderId: z.optional(z.string()),
  grantedAt: datetime(),
  expiresAt: datetime(),
  status: z.enum(CREDIT_STATES),
});

export const CreditListSchema = z.strictObject({
  items: z.array(CreditSchema),
  /** The sum of the balances that can be spent now. */
  balanceCents: z.int().check(z.nonnegative()),
});

/** `GET /customers/:id/credits?expiringWithinDays=`. */
export const CreditListQuerySchema = z.strictObject({
  expiringWithinDays: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(3650))),
});

/** The answer of a redemption: the entries written and the credits after it. */
export const CreditRedemptionSchema = z.strictObject({
  redemptionId: z.string(),
  entries: z.array(CreditRedemptionEntrySchema),
  credits: CreditListSchema,
});

export type OrderStatus = z.infer<typeof OrderStatusSchema>;
export type Order = z.infer<typeof OrderSchema>;
export type OrderCreate = z.input<typeof OrderCreateSchema>;
export type OrderPatch = z.input<typeof OrderPatchSchema>;
export type OrderPage = z.infer<typeof OrderPageSchema>;
export type OrderListQuery = z.input<typeof OrderListQuerySchema>;
export type CreditKind = z.infer<typeof CreditKindSchema>;
export type CreditEntry = z.infer<typeof CreditEntrySchema>;
export type CreditGrantEntry = z.infer<typeof CreditGrantEntrySchema>;
export type CreditRedemptionEntry = z.infer<typeof CreditRedemptionEntrySchema>;
export type CreditExpiryEntry = z.infer<typeof CreditExpiryEntrySchema>;
export type CreditGrant = z.input<typeof CreditGrantSchema>;
export type CreditRedeem = z.input<typeof CreditRedeemSchema>;
export type Credit = z.infer<typeof CreditSchema>;
export type CreditList = z.infer<typeof CreditListSchema>;
export type CreditRedemption = z.infer<typeof CreditRedemptionSchema>;
