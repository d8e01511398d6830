import * as z from 'zod/mini';
import { ApiKeySchema } from './api-key.js';
import { CategorySchema } from './category.js';
import { EVENT_TYPES } from '../rules/constants.js';
import { CustomerSchema, MarketingConsentSchema } from './customer.js';
import { CreditExpiryEntrySchema, CreditGrantEntrySchema, CreditRedemptionEntrySchema, OrderSchema } from './order.js';

// The events of the change feed (`GET /v1/events`) and of webhook deliveries: one envelope (id,
// sequence, type, time) around a `data` whose shape the `type` fixes. Stored in the same
// transaction as the change they describe, numbered in commit order.

const datetime = () => z.iso.datetime({ offset: true });

export const EventTypeSchema = z.enum(EVENT_TYPES);

/** A category as an event carries it: without `customerCount`, which is computed when read. */
export const EventCategorySchema = z.omit(CategorySchema, { customerCount: true });

const envelope = {
  /** `evt_…`, unique; a receiver that stores it can drop a delivery it already handled. */
  id: z.string(),
  /** Position in the feed: strictly increasing in the order the changes were committed (gaps allowed). */
  sequence: z.int().check(z.positive()),
  createdAt: datetime(),
};

const event = <T extends (typeof EVENT_TYPES)[number], D extends z.ZodMiniType>(type: T, data: D) =>
  z.strictObject({ ...envelope, type: z.literal(type), data });

const customer = z.strictObject({ customer: CustomerSchema });
const category = z.strictObject({ category: EventCategorySchema });
const order = z.strictObject({ order: OrderSchema });
const message = z.strictObject({
  messageId: z.string(),
  customerId: z.string(),
  channel: z.enum(['sms', 'whatsapp', 'email', 'push']),
  /** Why it failed (`message.failed`). */
  error: z.optional(z.string()),
});

/** One event, discriminated on `type`. */
export const EventSchema = z.discriminatedUnion('type', [
  event('customer.created', customer),
  /** `changedFields`: the writable fields that changed, by path (`phone`, `address.city`, `categoryIds`…). */
  event('customer.updated', z.strictObject({ customer: CustomerSchema, changedFields: z.array(z.string()) })),
  event('customer.deleted', customer),
  event('customer.restored', customer),
  event('customer.merged', z.strictObject({ customer: CustomerSchema, mergedIds: z.array(z.string()) })),
  event('customer.anonymized', z.strictObject({ customerId: z.string() })),
  event('category.created', category),
  event('category.updated', z.strictObject({ category: EventCategorySchema, changedFields: z.array(z.string()) })),
  event('order.created', order),
  event('order.updated', z.strictObject({ order: OrderSchema, changedFields: z.array(z.string()) })),
  event('credit.granted', z.strictObject({ entry: CreditGrantEntrySchema })),
  event('credit.redeemed', z.strictObject({ entry: CreditRedemptionEntrySchema })),
  event('credit.expired', z.strictObject({ entry: CreditExpiryEntrySchema })),
  event(
    'import.completed',
    z.strictObject({ totalRows: z.int(), created: z.int(), updated: z.int(), unchanged: z.int(), rejected: z.int() }),
  ),
  event(
    'export.completed',
    z.strictObject({
      exportId: z.string(),
      /** `customers` or `credits`. */
      resource: z.string(),
      format: z.enum(['csv', 'xlsx']),
      rowCount: z.int().check(z.nonnegative()),
      columns: z.array(z.string()),
      sha256: z.string(),
    }),
  ),
  event('message.delivered', message),
  event('message.failed', message),
  event('consent.updated', z.strictObject({ customerId: z.string(), marketingConsent: MarketingConsentSchema })),
  /** A key as listed (prefix and last 4, never the key). */
  event('api_key.created', z.strictObject({ apiKey: ApiKeySchema })),
  /** `apiKey`: the successor; `previous`: the rotated key, with the `expiresAt` the overlap gave it. */
  event('api_key.rotated', z.strictObject({ apiKey: ApiKeySchema, previous: ApiKeySchema })),
  event('api_key.revoked', z.strictObject({ apiKey: ApiKeySchema })),
]);

/** `GET /events?after=&types=&limit=`. */
export const EventListQuerySchema = z.strictObject({
  /** A `nextCursor` read before (absent: from the first event). */
  after: z.optional(z.string().check(z.regex(/^\d{1,15}$/))),
  /** Comma-separated event types (absent: every type). */
  types: z.optional(z.string().check(z.maxLength(1000))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(500))),
});

/**
 * A page of the feed. `nextCursor` is always given: the position after the last event read, so
 * polling with it again returns only what was committed since (with `types`, it may move past
 * events of other types).
 */
export const EventPageSchema = z.strictObject({
  items: z.array(EventSchema),
  nextCursor: z.string(),
  /** Whether more events are already readable after `nextCursor`. */
  hasMore: z.boolean(),
});

export type Event = z.infer<typeof EventSchema>;
export type EventOf<T extends Event['type']> = Extract<Event, { type: T }>;
/** What an event of type `T` carries. */
export type EventData<T extends Event['type']> = EventOf<T>['data'];
export type EventCategory = z.infer<typeof EventCategorySchema>;
export type EventListQuery = z.input<typeof EventListQuerySchema>;
export type EventPage = z.infer<typeof EventPageSchema>;
