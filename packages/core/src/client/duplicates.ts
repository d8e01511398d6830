import type {
  CustomerMerge,
  CustomerMergePreview,
  CustomerMergeResult,
  DuplicateListQuery,
  DuplicatePage,
  DuplicatePair,
  DuplicateRebuild,
} from '../schemas/duplicate.js';
import type { ChangeFeed } from './changes.js';
import type { CallOptions, IdempotentCallOptions, Transport } from './request.js';

/** `client.duplicates`: possible duplicates, "não é duplicado", the full recomputation, and merging. */
export function duplicates(t: Transport, feed?: ChangeFeed) {
  return {
    /**
     * One page of candidate pairs, highest score first, each with both customers (documents
     * masked) and the reasons found.
     *
     * @example
     * const { items, nextCursor } = await client.duplicates.list({ limit: 20 });
     */
    list: (query: DuplicateListQuery = {}, options?: CallOptions): Promise<DuplicatePage> =>
      t.request('duplicatePage', { ...options, path: 'duplicates', query: query as Record<string, string | number | undefined> }),

    /**
     * Every page of candidate pairs, one pair at a time.
     *
     * @example
     * for await (const pair of client.duplicates.iterate()) console.log(pair.score);
     */
    async *iterate(query: Omit<DuplicateListQuery, 'cursor'> = {}, options?: CallOptions): AsyncGenerator<DuplicatePair> {
      let cursor: string | undefined;
      do {
        const page: DuplicatePage = await t.request('duplicatePage', { ...options, path: 'duplicates', query: { ...query, ...(cursor ? { cursor } : {}) } as Record<string, string | number | undefined> });
        yield* page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },

    /**
     * "Não é duplicado": the pair is not listed again, whatever the two customers change later.
     *
     * @example
     * await client.duplicates.dismiss(['cus_1', 'cus_2']);
     */
    dismiss: (customerIds: readonly [string, string], options?: CallOptions): Promise<DuplicatePair> =>
      t.request('duplicatePair', { ...options, method: 'post', path: 'duplicates/dismiss', json: { customerIds } }),

    /**
     * Starts (or takes up) the full recomputation; {@link rebuildStatus} says how far it got.
     *
     * @example
     * await client.duplicates.rebuild();
     */
    rebuild: (options?: CallOptions): Promise<DuplicateRebuild> => t.request('duplicateRebuild', { ...options, method: 'post', path: 'duplicates/rebuild' }),

    /** Where the full recomputation stands. */
    rebuildStatus: (options?: CallOptions): Promise<DuplicateRebuild> => t.request('duplicateRebuild', { ...options, path: 'duplicates/rebuild' }),

    /**
     * Both records of a merge field by field, what would move and the survivor's figures after
     * (nothing written).
     *
     * @example
     * const { fields, after } = await client.duplicates.previewMerge({ survivorId: 'cus_1', mergedId: 'cus_2' });
     */
    previewMerge: (body: { survivorId: string; mergedId: string }, options?: CallOptions): Promise<CustomerMergePreview> =>
      t.request('customerMergePreview', { ...options, method: 'post', path: 'customers/merge/preview', json: body }),

    /**
     * Merges pairs (all or none); a retry with the same idempotency key replays the answer. Every
     * survivor is told to the client's change feed as updated, every merged record as gone.
     *
     * @example
     * await client.duplicates.merge({ merges: [{ survivorId: 'cus_1', mergedId: 'cus_2', take: ['phone'] }] });
     */
    merge: async (body: CustomerMerge, options?: IdempotentCallOptions): Promise<CustomerMergeResult> => {
      const result: CustomerMergeResult = await t.request('customerMergeResult', { ...options, method: 'post', path: 'customers/merge', json: body, idem: true });
      for (const item of result.items) {
        feed?.emit({ type: 'customer.updated', customer: item.survivor });
        feed?.emit({ type: 'customer.deleted', id: item.mergedId });
      }
      return result;
    },
  };
}
