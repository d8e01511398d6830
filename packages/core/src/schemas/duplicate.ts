import * as z from 'zod/mini';
import { DUPLICATE_REASONS, MERGE_FIELDS, MERGE_MAX_PAIRS } from '../rules/constants.js';
import { CustomerListItemSchema } from './customer.js';

// Possible duplicates (`/v1/duplicates`): pairs of customers that may be one person, each with the
// reasons the server found and a score, kept up to date on every customer write.

const datetime = () => z.iso.datetime({ offset: true });

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

// ---- merge ----

export const MergeFieldSchema = z.enum(MERGE_FIELDS);

export const CustomerMergeItemSchema = z.strictObject({
  /** The record that stays. */
  survivorId: z.string().check(z.minLength(1)),
  /** The record merged into it (kept as `merged`, pointing to the survivor). */
  mergedId: z.string().check(z.minLength(1)),
  /** Fields to take from the merged record (the survivor's own value stays for every other; a value the merged record lacks clears it). */
  take: z.optional(z.array(MergeFieldSchema)),
});

/** `POST /customers/merge`: one or many pairs, each merged in the same transaction as the others. */
export const CustomerMergeSchema = z.strictObject({
  merges: z.array(CustomerMergeItemSchema).check(z.minLength(1), z.maxLength(MERGE_MAX_PAIRS)),
});

export const CustomerMergeOutcomeSchema = z.strictObject({
  survivor: CustomerListItemSchema,
  mergedId: z.string(),
  /** What moved to the survivor (all zero when the pair had been merged already: the call is a repeat). */
  moved: z.strictObject({ orders: z.int(), credits: z.int(), consentRecords: z.int(), messages: z.int() }),
  alreadyMerged: z.boolean(),
});

export const CustomerMergeResultSchema = z.strictObject({ items: z.array(CustomerMergeOutcomeSchema) });

/** `POST /customers/merge/preview`: both records field by field, and what the survivor will add up to. */
export const CustomerMergePreviewRequestSchema = z.strictObject({
  survivorId: z.string().check(z.minLength(1)),
  mergedId: z.string().check(z.minLength(1)),
});

/** A category in a merge preview: its name and colour, and whether a rule keeps its members (`automatic`). */
export const MergeCategorySchema = z.strictObject({ id: z.string(), name: z.string(), color: z.string(), automatic: z.boolean() });

export const CustomerMergePreviewSchema = z.strictObject({
  survivor: CustomerListItemSchema,
  merged: CustomerListItemSchema,
  /** Every choosable field of the kind, with both values (absent: the record has none). */
  fields: z.array(z.strictObject({ field: MergeFieldSchema, survivor: z.optional(z.unknown()), merged: z.optional(z.unknown()), differs: z.boolean() })),
  /** What moves, and the survivor's figures after the merge. */
  moves: z.strictObject({ orders: z.int(), credits: z.int(), consentRecords: z.int(), messages: z.int() }),
  after: z.strictObject({ ordersCount: z.int(), totalSpentCents: z.int() }),
  /**
   * Each side's categories and what the survivor holds after: its own and the other's manual
   * categories that can still be given (active ones). The other's automatic categories do not
   * move (their rule decides), nor do its inactive ones: they are in `left`.
   */
  categories: z.strictObject({
    survivor: z.array(MergeCategorySchema),
    merged: z.array(MergeCategorySchema),
    after: z.array(MergeCategorySchema),
    left: z.array(MergeCategorySchema),
  }),
});

export type MergeField = z.infer<typeof MergeFieldSchema>;
export type CustomerMerge = z.input<typeof CustomerMergeSchema>;
export type CustomerMergeItem = z.infer<typeof CustomerMergeItemSchema>;
export type CustomerMergeOutcome = z.infer<typeof CustomerMergeOutcomeSchema>;
export type CustomerMergeResult = z.infer<typeof CustomerMergeResultSchema>;
export type CustomerMergePreview = z.infer<typeof CustomerMergePreviewSchema>;
export type MergeCategory = z.infer<typeof MergeCategorySchema>;
export type DuplicateReasonType = z.infer<typeof DuplicateReasonTypeSchema>;
export type DuplicateReason = z.infer<typeof DuplicateReasonSchema>;
export type DuplicatePair = z.infer<typeof DuplicatePairSchema>;
export type DuplicatePage = z.infer<typeof DuplicatePageSchema>;
export type DuplicateListQuery = z.input<typeof DuplicateListQuerySchema>;
export type DuplicateDismiss = z.infer<typeof DuplicateDismissSchema>;
export type DuplicateRebuild = z.infer<typeof DuplicateRebuildSchema>;
