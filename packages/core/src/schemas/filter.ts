import * as z from 'zod/mini';
import { UFS } from '../validation/places.js';
import { CUSTOMER_KINDS, CUSTOMER_SOURCES, CUSTOMER_STATUSES } from '../rules/constants.js';

// The filter language of the customer list, as data. A filter is a list of terms that must all
// hold; a term is one condition, or a group of conditions of which one must hold (one level of OR).
// Its one query-string form (`filter=` on `GET /customers`, and in bulk actions and exports) is
// written by filter-encode.ts and read by filter-codec.ts (its grammar, zod-free, in filter-grammar.ts); what a condition means, at a given time, by filter-eval.ts.

// The channels, the category matches and the limits are zod-free constants (rules/constants.ts),
// so the text grammar and the display of a filter read them without the schemas; they are
// exported from there (`/rules`, and `/schemas` passes `/rules` on).
import { CATEGORY_MATCHES, FILTER_CHANNELS, FILTER_MAX_ALTERNATIVES, FILTER_MAX_BIRTHDAY_DAYS, FILTER_MAX_CENTS, FILTER_MAX_COUNT, FILTER_MAX_DAYS, FILTER_MAX_LENGTH, FILTER_MAX_TERMS, FILTER_MAX_VALUES } from '../rules/constants.js';

/** An id as the filter text can carry it: letters, digits and `_`. */
const IdSchema = z.string().check(z.regex(/^[A-Za-z0-9_]{1,64}$/));
/** A city as its key (see `cityKey`): lowercase letters and digits, words joined by `_`. */
const CityKeySchema = z.string().check(z.regex(/^[a-z0-9]+(_[a-z0-9]+)*$/), z.maxLength(80));
const DateSchema = z.iso.date();
const list = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.minLength(1), z.maxLength(FILTER_MAX_VALUES));
const cents = z.int().check(z.gte(0), z.lte(FILTER_MAX_CENTS));
const count = z.int().check(z.gte(0), z.lte(FILTER_MAX_COUNT));

/** A range with at least one bound, `min` not above `max`. */
function range<K extends string, T extends z.ZodMiniType<number>>(type: K, value: T) {
  return z.strictObject({ type: z.literal(type), min: z.optional(value), max: z.optional(value) }).check(
    z.refine((r: { min?: number; max?: number }) => r.min !== undefined || r.max !== undefined, { params: { code: 'required' } }),
    z.refine((r: { min?: number; max?: number }) => r.min === undefined || r.max === undefined || r.min <= r.max, { params: { code: 'invalid_value' } }),
  );
}

/** A range of calendar days (inclusive), at least one bound, `from` not after `to`. */
function dayRange<T extends string>(type: T) {
  return z.strictObject({ type: z.literal(type), from: z.optional(DateSchema), to: z.optional(DateSchema) }).check(
    z.refine((r: { from?: string; to?: string }) => r.from !== undefined || r.to !== undefined, { params: { code: 'required' } }),
    z.refine((r: { from?: string; to?: string }) => r.from === undefined || r.to === undefined || r.from <= r.to, { params: { code: 'invalid_value' } }),
  );
}

const days = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

/**
 * One condition. Money in cents; days as `aaaa-mm-dd`, calendar days in the store's time zone
 * (`America/Sao_Paulo`); "last N days" counts back from the time of the request.
 */
export const FilterConditionSchema = z.discriminatedUnion('type', [
  /** Total spent (cents), inclusive. */
  range('totalSpent', cents),
  /** Number of orders, inclusive. */
  range('ordersCount', count),
  /** Average ticket (total spent ÷ orders, cents), inclusive; a customer without orders has none. */
  range('averageTicket', cents),
  /** Last purchase on a day from `from` to `to` (inclusive). */
  dayRange('lastPurchase'),
  /** Never bought. */
  z.strictObject({ type: z.literal('neverPurchased') }),
  /** Bought within the last `days` days. */
  z.strictObject({ type: z.literal('purchasedWithin'), days: days(1, FILTER_MAX_DAYS) }),
  /** No purchase in the last `days` days (never bought included). */
  z.strictObject({ type: z.literal('notPurchasedWithin'), days: days(1, FILTER_MAX_DAYS) }),
  /** Customer since a day from `from` to `to` (inclusive). */
  dayRange('customerSince'),
  /** Birthday in one of these months (1–12). */
  z.strictObject({ type: z.literal('birthdayMonth'), months: list(z.int().check(z.gte(1), z.lte(12))) }),
  /** Birthday from today to `days` days from today (0: today); 29 February falls on 1 March in other years. */
  z.strictObject({ type: z.literal('birthdayWithin'), days: days(0, FILTER_MAX_BIRTHDAY_DAYS) }),
  /** Address in one of these cities, by key (`cityKey('São Paulo')` is `sao_paulo`). */
  z.strictObject({ type: z.literal('city'), cities: list(CityKeySchema) }),
  /** Address in one of these states (UF). */
  z.strictObject({ type: z.literal('state'), states: list(z.enum(UFS)) }),
  z.strictObject({ type: z.literal('kind'), kind: z.enum(CUSTOMER_KINDS) }),
  z.strictObject({ type: z.literal('status'), statuses: list(z.enum(CUSTOMER_STATUSES)) }),
  /** Has any, all or none of these categories. */
  z.strictObject({ type: z.literal('categories'), match: z.enum(CATEGORY_MATCHES), ids: list(IdSchema) }),
  z.strictObject({ type: z.literal('source'), sources: list(z.enum(CUSTOMER_SOURCES)) }),
  /** Consent to marketing on a channel given (`granted: true`) or not. */
  z.strictObject({ type: z.literal('consent'), channel: z.enum(FILTER_CHANNELS), granted: z.boolean() }),
  /** Holds credit (a referral or cashback grant with balance left) that has not expired. */
  z.strictObject({ type: z.literal('activeCredits') }),
  /** Holds credit that expires within the next `days` days. */
  z.strictObject({ type: z.literal('creditsExpiring'), days: days(1, FILTER_MAX_DAYS) }),
  /** Bought (an order neither returned nor cancelled) at one of these units. */
  z.strictObject({ type: z.literal('unit'), ids: list(IdSchema) }),
]);

/** Conditions of which one must hold. */
export const FilterGroupSchema = z.strictObject({
  or: z.array(FilterConditionSchema).check(z.minLength(2), z.maxLength(FILTER_MAX_ALTERNATIVES)),
});

/** A term of a filter: a condition, or a group of alternatives. */
export const FilterTermSchema = z.union([FilterConditionSchema, FilterGroupSchema]);

/**
 * A customer filter: terms that must all hold (an empty list matches every customer). Its text
 * form is {@link encodeFilter}'s; {@link parseFilter} reads it back.
 */
export const FilterExpressionSchema = z.array(FilterTermSchema).check(z.maxLength(FILTER_MAX_TERMS));

export type FilterCondition = z.infer<typeof FilterConditionSchema>;
export type FilterConditionType = FilterCondition['type'];
export type FilterGroup = z.infer<typeof FilterGroupSchema>;
export type FilterTerm = z.infer<typeof FilterTermSchema>;
export type FilterExpression = z.infer<typeof FilterExpressionSchema>;
export type FilterChannel = (typeof FILTER_CHANNELS)[number];
export type CategoryMatch = (typeof CATEGORY_MATCHES)[number];
