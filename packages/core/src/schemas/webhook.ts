import * as z from 'zod/mini';
import { EventTypeSchema } from './event.js';
import { plainText, rule } from './rules.js';

// Webhook endpoints (`/v1/webhook-endpoints`) and their deliveries. An endpoint receives a signed
// JSON POST of every event of the types it names; each delivery keeps every attempt (time,
// status code, duration, error) until it is acknowledged with a 2xx, or fails for good.

const datetime = () => z.iso.datetime({ offset: true });

/** An absolute http(s) URL without credentials, at most 2,000 characters. */
export function isWebhookUrl(value: string): boolean {
  if (value.length > 2000) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && url.hostname !== '';
  } catch {
    return false;
  }
}

const url = z.string().check(z.trim(), rule('invalid_webhook_url', isWebhookUrl));
/** The event types an endpoint receives: at least one, each known, no repeats. */
const eventTypes = z.array(EventTypeSchema).check(z.minLength(1), z.maxLength(100));
const description = z.string().check(z.trim(), z.maxLength(200), plainText());

/** A webhook endpoint as stored and returned; its signing secret is never returned again after create and rotate. */
export const WebhookEndpointSchema = z.strictObject({
  id: z.string(),
  url: z.string(),
  description: z.optional(z.string()),
  eventTypes: z.array(EventTypeSchema),
  enabled: z.boolean(),
  /** The secret's first characters (`whsec_AbC…`), to tell which one a receiver holds. */
  secretHint: z.string(),
  createdAt: datetime(),
  updatedAt: datetime(),
  version: z.int().check(z.positive()),
});

/** The answer of create and of a secret rotation: the endpoint and its signing secret, shown this once. */
export const WebhookEndpointWithSecretSchema = z.extend(WebhookEndpointSchema, {
  /** `whsec_…`: verify deliveries with it (`verifyWebhookSignature`). Shown only in this answer. */
  secret: z.string(),
});

/** `POST /webhook-endpoints`. `enabled` defaults to true. */
export const WebhookEndpointCreateSchema = z.strictObject({
  url,
  description: z.optional(description),
  eventTypes,
  enabled: z.optional(z.boolean()),
});

/** `PATCH /webhook-endpoints/:id` (If-Match): any writable field (`null` clears the description). */
export const WebhookEndpointPatchSchema = z.strictObject({
  url: z.optional(url),
  description: z.optional(z.nullable(description)),
  eventTypes: z.optional(eventTypes),
  enabled: z.optional(z.boolean()),
});

export const WebhookEndpointListSchema = z.strictObject({ items: z.array(WebhookEndpointSchema) });

/** One try of a delivery. `statusCode` is absent when no answer came (refused, timed out). */
export const WebhookAttemptSchema = z.strictObject({
  at: datetime(),
  statusCode: z.optional(z.int()),
  durationMs: z.int().check(z.nonnegative()),
  /** Why it failed: the receiver's status, a network error, a timeout. */
  error: z.optional(z.string()),
  /** A try asked for by hand (redeliver), not by the schedule. */
  manual: z.optional(z.boolean()),
});

/**
 * `pending`: waiting for its next attempt (`nextAttemptAt`); `succeeded`: a receiver answered
 * 2xx, and it is never sent again unless redelivered by hand; `failed`: every scheduled attempt
 * failed (or the endpoint was deleted).
 */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export const WebhookDeliverySchema = z.strictObject({
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string(),
  eventType: EventTypeSchema,
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.array(WebhookAttemptSchema),
  nextAttemptAt: z.nullable(datetime()),
  createdAt: datetime(),
  updatedAt: datetime(),
});

/** `GET /webhook-endpoints/:id/deliveries?status=&cursor=&limit=`, newest first. */
export const WebhookDeliveryListQuerySchema = z.strictObject({
  status: z.optional(z.enum(WEBHOOK_DELIVERY_STATUSES)),
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
});

export const WebhookDeliveryPageSchema = z.strictObject({ items: z.array(WebhookDeliverySchema), nextCursor: z.nullable(z.string()) });

export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecretSchema>;
export type WebhookEndpointCreate = z.input<typeof WebhookEndpointCreateSchema>;
export type WebhookEndpointPatch = z.input<typeof WebhookEndpointPatchSchema>;
export type WebhookAttempt = z.infer<typeof WebhookAttemptSchema>;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
export type WebhookDeliveryListQuery = z.input<typeof WebhookDeliveryListQuerySchema>;
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPageSchema>;
