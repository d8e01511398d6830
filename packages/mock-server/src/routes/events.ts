import { EVENT_TYPES, EventListQuerySchema, EventPageSchema, type EventType } from '@clientela/core/schemas';
import type { ServerContext } from '../context.js';
import { fail422, fieldIssue } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';

const DEFAULT_LIMIT = 100;

export function registerEvents(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/events',
    tag: 'events',
    summary: 'The change feed: events after a cursor, oldest first',
    description:
      'Every change is an event stored in the transaction that made it, numbered (`sequence`) in commit order. Poll with the `nextCursor` of the previous page: the feed never skips or repeats an event, also with many server processes writing at once (an event is readable only once every event numbered before it is). `nextCursor` is always given; with `types` it moves past events of other types. `hasMore` says that more events are readable at once.',
    access: 'secret',
    request: { query: EventListQuerySchema },
    responses: { 200: { description: 'One page of events', schema: EventPageSchema }, 422: { description: 'A malformed cursor, an unknown event type (code unknown_event_type) or a limit out of 1–500' } },
    handler: async (c, { query }) => {
      const locale = c.get('locale');
      let types: EventType[] | undefined;
      if (query.types !== undefined) {
        const names = [...new Set(query.types.split(',').map((s) => s.trim()).filter(Boolean))];
        const unknown = names.find((n) => !(EVENT_TYPES as readonly string[]).includes(n));
        if (unknown !== undefined) fail422([fieldIssue('types', 'unknown_event_type', locale, { value: unknown })]);
        types = names.length ? (names as EventType[]) : undefined;
      }
      const after = Number(query.after ?? 0);
      const page = await ctx.store.listEvents({ after, types, limit: query.limit ?? DEFAULT_LIMIT });
      return c.json({ items: page.items, nextCursor: String(page.cursor), hasMore: page.hasMore });
    },
  });
}
