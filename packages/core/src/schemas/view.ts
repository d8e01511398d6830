import * as z from 'zod/mini';
import { FILTER_TIME_ZONE } from './filter-eval.js';
import { FilterTextSchema } from './filter-codec.js';
import { CUSTOMER_SORTS, type CustomerSort } from './query.js';
import { plainText } from './rules.js';

// Saved views of the customer list (`/v1/views`): a name, a filter in its text form, a sort and
// the columns shown and pinned. A view is personal (its owner, the API key and actor name that
// created it, is the only one who lists it) or shared with the team. Built-in views always exist,
// are the same for everyone and cannot be changed or deleted; "Aniversariantes do mês" names the
// month of the day it is read, so its filter is written when it is listed.

/** Most columns a view lists, and most pinned (the table pins at most five). */
export const VIEW_MAX_COLUMNS = 40;
export const VIEW_MAX_PINNED = 5;

const SORT_VALUES = CUSTOMER_SORTS.flatMap((s) => [s, `-${s}`]) as [CustomerSort, ...CustomerSort[]];
const ColumnKeySchema = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/));
const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(60), plainText());

/** Who owns a personal view: the API key (its short id) and the `X-Actor` name, as the data log names them. */
export const ViewOwnerSchema = z.strictObject({ keyId: z.string(), name: z.optional(z.string()) });

/** The fields a person sets on a view. */
const writable = {
  /** 1–60 characters. */
  name,
  /** The filter's text (`last-notwithin-90.uf-SP`); empty for every customer. */
  filter: FilterTextSchema,
  /** The list's sort (`-totalSpent`); none for the table's default. */
  sort: z.optional(z.enum(SORT_VALUES)),
  /** Column keys shown, in order; none for the table's default columns. */
  columns: z.optional(z.array(ColumnKeySchema).check(z.maxLength(VIEW_MAX_COLUMNS))),
  /** Column keys pinned at the start (at most five). */
  pinned: z.optional(z.array(ColumnKeySchema).check(z.maxLength(VIEW_MAX_PINNED))),
  /** Shared with the team (listed for every key and actor), or personal. */
  shared: z.boolean(),
};

export const ViewSchema = z.strictObject({
  id: z.string(),
  ...writable,
  /** A built-in view: listed for everyone, never changed or deleted. */
  builtIn: z.boolean(),
  /** The owner of a view that is not built in. */
  owner: z.optional(ViewOwnerSchema),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.int().check(z.positive()),
});

/** `POST /views`: a name and a filter; `shared` defaults to personal. */
export const ViewCreateSchema = z.strictObject({ ...writable, shared: z.optional(z.boolean()) });

/** `PATCH /views/:id`: any of the writable fields (`null` clears a sort or a column list). */
export const ViewPatchSchema = z.strictObject({
  name: z.optional(name),
  filter: z.optional(FilterTextSchema),
  sort: z.optional(z.nullable(z.enum(SORT_VALUES))),
  columns: z.optional(z.nullable(writable.columns)),
  pinned: z.optional(z.nullable(writable.pinned)),
  shared: z.optional(z.boolean()),
});

export const ViewListSchema = z.strictObject({ items: z.array(ViewSchema) });

export type View = z.infer<typeof ViewSchema>;
export type ViewOwner = z.infer<typeof ViewOwnerSchema>;
export type ViewCreate = z.input<typeof ViewCreateSchema>;
export type ViewPatch = z.input<typeof ViewPatchSchema>;

/** Ids of the built-in views. */
export const BUILT_IN_VIEW_IDS = ['builtin_no_purchase_90', 'builtin_birthdays_month', 'builtin_top_buyers', 'builtin_credits_expiring_30'] as const;
export type BuiltInViewId = (typeof BUILT_IN_VIEW_IDS)[number];

/** The month (1–12) of `now` in the store's time zone. */
function monthAt(now: Date): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: FILTER_TIME_ZONE, month: 'numeric' }).format(now));
}

/**
 * The built-in views at `now`, named by `names` (see `builtInViewNames` in i18n): "Sem compra
 * há 90 dias" (`last-notwithin-90`), "Aniversariantes do mês" (birthdays in the month of `now`
 * in São Paulo), "Maiores compradores" (customers with orders, by total spent, highest first),
 * "Créditos a vencer em 30 dias" (credit with balance left that expires within 30 days).
 *
 * @example
 * builtInViews(new Date('2026-12-05T12:00:00Z'), builtInViewNames('pt-BR'))[1].filter; // 'bday-month-12'
 */
export function builtInViews(now: Date, names: Record<BuiltInViewId, string>): View[] {
  const at = '2026-01-01T00:00:00.000Z';
  const base = { shared: true, builtIn: true, createdAt: at, updatedAt: at, version: 1 } as const;
  return [
    { ...base, id: 'builtin_no_purchase_90', name: names.builtin_no_purchase_90, filter: 'last-notwithin-90', sort: 'lastPurchaseAt' },
    { ...base, id: 'builtin_birthdays_month', name: names.builtin_birthdays_month, filter: `bday-month-${monthAt(now)}`, sort: 'name' },
    { ...base, id: 'builtin_top_buyers', name: names.builtin_top_buyers, filter: 'orders-min-1', sort: '-totalSpent' },
    { ...base, id: 'builtin_credits_expiring_30', name: names.builtin_credits_expiring_30, filter: 'credits-expiring-30', sort: 'name' },
  ];
}
