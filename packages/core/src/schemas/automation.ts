import * as z from 'zod/mini';
import { FilterTextSchema } from './filter-codec.js';
import { MessageChannelSchema } from './message.js';
import { plainText } from './rules.js';
import { AUTOMATION_MAX_DELAY_HOURS, AUTOMATION_TRIGGERS } from '../rules/constants.js';

export { AUTOMATION_MAX_DELAY_HOURS, AUTOMATION_TRIGGERS };

// Automations (`/v1/automations`): flows the server's scheduler runs by itself. A flow is a
// trigger (an occasion in a customer's life), an optional filter in the filter language, a delay,
// a message (subject and text with the variables of `/v1/messages`) on one channel, and an on/off
// switch. Each occasion sends at most one message per customer (a birthday once a year, a lapse
// without purchases once, each expiring credit once, each abandoned cart once), through the same
// outbox and consent rules as a batch.

const datetime = () => z.iso.datetime({ offset: true });
const days = (max: number) => z.int().check(z.gte(1), z.lte(max));

/**
 * What starts a flow, with its parameter:
 * - `customer_registered` — a customer was registered (welcome); only customers registered after
 *   the flow was created, so a new flow never greets the whole base;
 * - `birthday` — the customer's birthday (persons with a birth date; 29 February on 28 February in
 *   other years), once a year;
 * - `no_purchase` — `days` since the last purchase (win-back), once per lapse: a purchase starts a new one;
 * - `credit_expiring` — a credit with balance expires within `days` (reminder), once per credit;
 * - `cart_abandoned` — a cart sent to `POST /v1/public/cart-events` had no order from the customer
 *   for `hours` after its last event, once per cart.
 */
export const AutomationTriggerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('customer_registered') }),
  z.strictObject({ type: z.literal('birthday') }),
  z.strictObject({ type: z.literal('no_purchase'), days: days(3650) }),
  z.strictObject({ type: z.literal('credit_expiring'), days: days(365) }),
  z.strictObject({ type: z.literal('cart_abandoned'), hours: z.int().check(z.gte(1), z.lte(720)) }),
]);


const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(60), plainText());
const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(5000));

/** The fields a person sets on a flow. */
const writable = {
  /** 1–60 characters ("Boas-vindas", "Aniversário"). */
  name,
  trigger: AutomationTriggerSchema,
  /** Only customers this filter's text matches (empty: every customer). */
  filter: FilterTextSchema,
  /** Hours to wait after the occasion before sending (0–720). */
  delayHours: z.int().check(z.gte(0), z.lte(AUTOMATION_MAX_DELAY_HOURS)),
  channel: MessageChannelSchema,
  /** The e-mail's subject (required for `email`), with variables. */
  subject: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  /** Plain text with the variables of messages (`{{primeiroNome}}`…). */
  text,
  /** On (the scheduler runs it) or paused. */
  enabled: z.boolean(),
};

/** What a flow's messages did: rows of its outbox by status, and purchases they were followed by. */
export const AutomationFiguresSchema = z.strictObject({
  /** Occasions the flow acted on (a message queued, or skipped with its reason). */
  occasions: z.int().check(z.nonnegative()),
  /** Messages handed to a provider (delivered included). */
  sent: z.int().check(z.nonnegative()),
  delivered: z.int().check(z.nonnegative()),
  failed: z.int().check(z.nonnegative()),
  /** Not sent: no consent, no contact or not active at the time. */
  skipped: z.int().check(z.nonnegative()),
  /** Orders placed by a recipient within 7 days after a message of the flow was sent (returned and cancelled ones left out). */
  orders: z.int().check(z.nonnegative()),
});

export const AutomationSchema = z.strictObject({
  id: z.string(),
  ...writable,
  figures: AutomationFiguresSchema,
  createdAt: datetime(),
  updatedAt: datetime(),
  version: z.int().check(z.positive()),
});

/** `POST /automations`: `filter` defaults to every customer, `delayHours` to 0, `enabled` to on. */
export const AutomationCreateSchema = z.strictObject({
  ...writable,
  filter: z.optional(FilterTextSchema),
  delayHours: z.optional(writable.delayHours),
  enabled: z.optional(z.boolean()),
});

/** `PATCH /automations/:id` (If-Match): any writable field; `enabled: false` pauses. */
export const AutomationPatchSchema = z.strictObject({
  name: z.optional(name),
  trigger: z.optional(AutomationTriggerSchema),
  filter: z.optional(FilterTextSchema),
  delayHours: z.optional(writable.delayHours),
  channel: z.optional(MessageChannelSchema),
  subject: z.optional(z.nullable(writable.subject)),
  text: z.optional(text),
  enabled: z.optional(z.boolean()),
});

/** `POST /automations/preview`: the flow as written (saved or not). */
export const AutomationPreviewRequestSchema = z.strictObject({
  trigger: AutomationTriggerSchema,
  filter: z.optional(FilterTextSchema),
  channel: MessageChannelSchema,
  /** A saved flow: customers it already acted on for their occasion are not counted again. */
  automationId: z.optional(z.string()),
});

/** Who would receive the flow's message if the scheduler ran now. */
export const AutomationPreviewSchema = z.strictObject({
  /** Customers due now that the message would reach. */
  count: z.int().check(z.nonnegative()),
  /** Due now, but left out: no consent, no contact or not active. */
  excluded: z.int().check(z.nonnegative()),
  /** A few of them, by name. */
  sample: z.array(z.strictObject({ customerId: z.string(), name: z.string() })),
});

export const AutomationListSchema = z.strictObject({ items: z.array(AutomationSchema) });

// ---- carts (`POST /v1/public/cart-events`) ----

/** What happened to a cart: items changed (the abandonment clock restarts), it became an order, or it was emptied. */
export const CART_EVENTS = ['updated', 'checked_out', 'emptied'] as const;

/**
 * A cart event from the storefront (publishable key and the shopper's `Clientela-Session`) or from
 * the store's backend (secret key and `customerId`). Idempotent by cart and event: the same event
 * again, or an event older than the cart's last one, changes nothing.
 */
export const CartEventSchema = z.strictObject({
  cartId: z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.regex(/^[\w.:-]+$/)),
  event: z.enum(CART_EVENTS),
  /** When it happened (default: when the server receives it). */
  occurredAt: z.optional(datetime()),
  itemsCount: z.optional(z.int().check(z.gte(0), z.lte(10_000))),
  totalCents: z.optional(z.int().check(z.gte(0))),
  /** With the secret key only: the customer the cart belongs to (the storefront's comes from the session). */
  customerId: z.optional(z.string().check(z.minLength(1))),
});

export const CartEventResultSchema = z.strictObject({
  /** False when the event was already recorded (or older than the cart's last one). */
  recorded: z.boolean(),
  cartId: z.string(),
  status: z.enum(['open', 'checked_out', 'emptied']),
});

export type AutomationTrigger = z.infer<typeof AutomationTriggerSchema>;
export type AutomationTriggerType = (typeof AUTOMATION_TRIGGERS)[number];
export type Automation = z.infer<typeof AutomationSchema>;
export type AutomationFigures = z.infer<typeof AutomationFiguresSchema>;
export type AutomationCreate = z.input<typeof AutomationCreateSchema>;
export type AutomationPatch = z.input<typeof AutomationPatchSchema>;
export type AutomationPreviewRequest = z.input<typeof AutomationPreviewRequestSchema>;
export type AutomationPreview = z.infer<typeof AutomationPreviewSchema>;
export type CartEvent = z.input<typeof CartEventSchema>;
export type CartEventResult = z.infer<typeof CartEventResultSchema>;
export type CartEventType = (typeof CART_EVENTS)[number];
