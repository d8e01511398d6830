import * as z from 'zod/mini';
import { CustomerListItemSchema } from './customer.js';

// Possible duplicates (`/v1/duplicates`): pairs of customers that may be one person, each with the
// reasons the server found and a score, kept up to date on every customer write.

const datetime = () => z.iso.datetime({ offset: true });

/**
 * Why two customers may be one: the same normalized document (a deleted holder and a live one),
 * the same e-mail, the same phone, or names alike (trigram similarity) in the same CEP or city.
 */
export const DUPLICATE_REASONS = ['document', 'email', 'phone', 'name_postal_code', 'name_city'] as const;
export const DuplicateReasonTypeSchema = z.enum(DUPLICATE_REASONS);

export const DuplicateReasonSchema = z.strictObject({
  type: DuplicateReasonTypeSchema,
  /** For the name reasons: how alike the two names are, 0 to 1 (trigrams shared over trigrams of either). */
  similarity: z.optional(z.number().check(z.gte(0), z.lte(1))),
});

/** A candidate pair: the two customers (documents masked, the lower id first), why, and how likely (0–100). */
export const DuplicatePairSchema = z.strictObject({
  customers: z.tuple([CustomerListItemSchema, CustomerListItemSchema]),
  score: z.int().check(z.gte(0), z.lte(100)),
  reasons: z.array(DuplicateReasonSchema),
  updatedAt: datetime(),
  /** When someone said "não é duplicado" (a dismissed pair is not listed again, whatever changes). */
  dismissedAt: z.optional(datetime()),
});

export const DuplicateListQuerySchema = z.strictObject({
  /** Only the pairs this customer is part of. */
  customerId: z.optional(z.string()),
  cursor: z.optional(z.string()),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
});

export const DuplicatePageSchema = z.strictObject({ items: z.array(DuplicatePairSchema), nextCursor: z.nullable(z.string()) });

/** `POST /duplicates/dismiss`: the two customers of a pair that are not one person. */
export const DuplicateDismissSchema = z.strictObject({
  customerIds: z.tuple([z.string().check(z.minLength(1)), z.string().check(z.minLength(1))]),
});

/**
 * The full recomputation (`POST /duplicates/rebuild`): every customer's pairs found again, in
 * pages, by one server process at a time; another process (or a restart) resumes an interrupted
 * run where it stopped.
 */
export const DuplicateRebuildSchema = z.strictObject({
  status: z.enum(['idle', 'running', 'done']),
  /** Customers done so far in this run, of about `total`. */
  processed: z.int().check(z.nonnegative()),
  total: z.int().check(z.nonnegative()),
  startedAt: z.optional(datetime()),
  finishedAt: z.optional(datetime()),
});

export type DuplicateReasonType = z.infer<typeof DuplicateReasonTypeSchema>;
export type DuplicateReason = z.infer<typeof DuplicateReasonSchema>;
export type DuplicatePair = z.infer<typeof DuplicatePairSchema>;
export type DuplicatePage = z.infer<typeof DuplicatePageSchema>;
export type DuplicateListQuery = z.input<typeof DuplicateListQuerySchema>;
export type DuplicateDismiss = z.infer<typeof DuplicateDismissSchema>;
export type DuplicateRebuild = z.infer<typeof DuplicateRebuildSchema>;
