import {
  customerDisplayName,
} from '@clientela/core/format';
import {
  DuplicateDismissSchema,
  DuplicateListQuerySchema,
  DuplicatePageSchema,
  DuplicatePairSchema,
  DuplicateRebuildSchema,
  CustomerMergePreviewRequestSchema,
  CustomerMergePreviewSchema,
  CustomerMergeResultSchema,
  CustomerMergeSchema,
  type CustomerMergeOutcome,
  type DuplicatePair,
} from '@clientela/core/schemas';
import { audit, inTransaction, type ServerContext } from '../context.js';
import { decodeTuple, encodeTuple } from '../http/cursor.js';
import { HttpProblem } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import { publicPair, rebuildState, startRebuild } from '../service/duplicates.js';
import { idempotent } from '../http/idempotency.js';
import { checkMerge, mergePair, previewMerge } from '../service/merge.js';
import { listItem } from '../service/customers.js';

// Possible duplicates (#18 §3): the candidate pairs the stores keep on every customer write, a
// pair dismissed as "não é duplicado", and the full recomputation on demand.

export function registerDuplicates(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/duplicates',
    tag: 'duplicates',
    summary: 'Possible duplicates: pairs of customers with the reasons found and a score, highest first',
    description:
      'Kept up to date on every customer write (same transaction). Reasons: `document` (a deleted holder and a live one), `email`, `phone`, `name_postal_code` and `name_city` (names alike by trigram similarity, given in `similarity`). Dismissed pairs are left out. Both customers come as list items (documents masked).',
    access: 'secret',
    request: { query: DuplicateListQuerySchema },
    responses: { 200: { description: 'One page of pairs', schema: DuplicatePageSchema }, 422: { description: 'Invalid cursor or limit' } },
    handler: async (c, { query }) => {
      const after = decodeTuple(query.cursor, 3, c.get('locale')) as [number, string, string] | undefined;
      const page = await ctx.store.listDuplicatePairs({
        customerId: query.customerId,
        after: after && { score: after[0], a: after[1], b: after[2] },
        limit: query.limit ?? 50,
      });
      const items: DuplicatePair[] = [];
      for (const p of page.items) {
        const pair = await publicPair(ctx, p);
        if (pair) items.push(pair);
      }
      const last = page.items.at(-1);
      return c.json({ items, nextCursor: page.hasMore && last ? encodeTuple([last.score, last.a, last.b]) : null }, 200);
    },
  });

  router.define({
    method: 'post',
    path: '/v1/duplicates/dismiss',
    tag: 'duplicates',
    summary: '"Não é duplicado": a pair is not one person, and is not listed again',
    description: 'Remembered whatever the two customers later change. Dismissing a dismissed pair again answers the same (no new data-log entry). Audited as `duplicate.dismiss`.',
    access: 'secret',
    request: { body: DuplicateDismissSchema },
    responses: {
      200: { description: 'The pair, with `dismissedAt`', schema: DuplicatePairSchema },
      404: { description: 'These two customers are not a candidate pair' },
    },
    handler: async (c, { body }) => {
      const [a, b] = [...body.customerIds].sort() as [string, string];
      const pair = await inTransaction(ctx, async (t) => {
        const stored = await t.store.getDuplicatePair(a, b);
        if (!stored) throw new HttpProblem('not_found', 404);
        if (stored.dismissedAt) return stored;
        const dismissed = (await t.store.dismissDuplicatePair(a, b, ctx.now().toISOString()))!;
        const [x, y] = [await t.store.getCustomer(a), await t.store.getCustomer(b)];
        await audit(t, c, {
          action: 'duplicate.dismiss',
          target: a,
          ...(x ? { targetName: customerDisplayName(x) } : {}),
          customers: [{ id: b, name: y ? customerDisplayName(y) : b }],
          count: 2,
        });
        return dismissed;
      });
      const shown = await publicPair(ctx, pair);
      if (!shown) throw new HttpProblem('not_found', 404);
      return c.json(shown, 200);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/duplicates/rebuild',
    tag: 'duplicates',
    summary: 'Where the full recomputation of duplicates stands',
    access: 'secret',
    responses: { 200: { description: 'Its state', schema: DuplicateRebuildSchema } },
    handler: async (c) => c.json(await rebuildState(ctx), 200),
  });

  router.define({
    method: 'post',
    path: '/v1/duplicates/rebuild',
    tag: 'duplicates',
    summary: 'Recompute every duplicate candidate (in the background, resumable)',
    description:
      'Walks every customer a page at a time, each page in one transaction that records how far the run got. One server process runs it at a time (a lease); a run whose process stopped is taken up where it stopped by the next call, in any process. While a run is going, a call returns its state and starts nothing. Dismissals are kept.',
    access: 'secret',
    responses: { 202: { description: 'The run’s state', schema: DuplicateRebuildSchema, headers: ['Location'] } },
    handler: async (c) => {
      const { state } = await startRebuild(ctx);
      return c.json(state, 202, { Location: '/v1/duplicates/rebuild' });
    },
  });

  // ---- merge ----
  router.define({
    method: 'post',
    path: '/v1/customers/merge/preview',
    tag: 'duplicates',
    summary: 'Both records of a merge field by field, what would move and the figures after (writes nothing)',
    access: 'secret',
    request: { body: CustomerMergePreviewRequestSchema },
    responses: {
      200: { description: 'The preview', schema: CustomerMergePreviewSchema },
      409: { description: 'One of them was merged already (code customer_merged, `mergedInto`)' },
      422: { description: 'The same customer twice, an unknown one, a deleted survivor, or two kinds' },
    },
    handler: async (c, { body }) => c.json(await previewMerge(ctx, body, c.get('locale')), 200),
  });

  router.define({
    method: 'post',
    path: '/v1/customers/merge',
    tag: 'duplicates',
    summary: 'Merge pairs of customers: orders, credits, consent history and messages move to the survivor',
    description:
      'Every pair in one transaction (all or none). The survivor keeps its id, document, status and account, takes the fields named in `take` from the other record, joins its manual categories, and has its figures computed again from the orders it holds now. The other record stays with status `merged` and `mergedInto` (a GET of its id answers it, 200, with that pointer; a PATCH answers 409 `customer_merged`). A pair merged already into the same survivor answers as done (`alreadyMerged`), and `Idempotency-Key` replays the first answer. Emits `customer.merged`; audited as `customer.merge`.',
    access: 'secret',
    request: { body: CustomerMergeSchema, headers: [{ name: 'Idempotency-Key', description: 'Replays the first response.' }] },
    responses: {
      200: { description: 'What each pair became', schema: CustomerMergeResultSchema },
      409: { description: 'A record was merged into another customer already (code customer_merged, `mergedInto`), or a concurrent write' },
      422: { description: 'The same customer twice, an unknown one, a deleted survivor, two kinds, or a field the kind lacks' },
    },
    handler: (c, { body }) =>
      idempotent(ctx, c, 'customers.merge', async (t) => {
        for (const [i, item] of body.merges.entries()) await checkMerge(t, item, c.get('locale'), `merges.${i}.`);
        const items: CustomerMergeOutcome[] = [];
        for (const [i, item] of body.merges.entries()) items.push(await mergePair(t, c, item, c.get('locale'), `merges.${i}.`));
        return { status: 200, body: { items: items.map((o) => ({ ...o, survivor: listItem(o.survivor) })) } };
      }),
  });
}
