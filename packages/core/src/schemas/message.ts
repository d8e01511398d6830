import * as z from 'zod/mini';
import { MESSAGE_CHANNELS, MESSAGE_RECIPIENT_STATUSES, MESSAGE_SKIP_REASONS } from '../rules/constants.js';
import { CustomerTargetSchema } from './operations.js';

// Messages to customers (`/v1/messages`): a batch over a target, one recipient row per customer
// in the server's outbox, each sent by the dispatcher and recorded with its outcome.

// The vocabularies (channels, variables, recipient statuses, skip reasons) live with the other
// constants in rules/constants.ts, zod-free; they are re-exported here under their names.
export { MESSAGE_CHANNELS, MESSAGE_RECIPIENT_STATUSES, MESSAGE_SKIP_REASONS, MESSAGE_VARIABLES } from '../rules/constants.js';
export type { MessageVariable } from '../rules/constants.js';

const datetime = () => z.iso.datetime({ offset: true });

export const MessageChannelSchema = z.enum(MESSAGE_CHANNELS);


export const MessageRecipientStatusSchema = z.enum(MESSAGE_RECIPIENT_STATUSES);

export const MessageSkipReasonSchema = z.enum(MESSAGE_SKIP_REASONS);

const text = z.string().check(z.trim(), z.minLength(1), z.maxLength(5000));

/** What a message says and on which channel (the body of the preview and of the send). */
export const MessageContentSchema = z.strictObject({
  ...CustomerTargetSchema.def.shape,
  channel: MessageChannelSchema,
  /** The e-mail's subject (required for `email`, ignored otherwise); may hold variables. */
  subject: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  /** Plain text with `{{variables}}`; never HTML (an e-mail's HTML part is this text escaped). */
  text,
});

/**
 * `POST /messages`: the content and the sender's acknowledgement of responsibility for what the
 * law says about it (without `acknowledgedResponsibility: true` the server answers 422
 * `responsibility_not_acknowledged`).
 */
export const MessageCreateSchema = z.strictObject({
  ...MessageContentSchema.def.shape,
  acknowledgedResponsibility: z.optional(z.boolean()),
});

/** How many of a target a batch would reach, and why the others would not. */
export const MessageCountsSchema = z.strictObject({
  /** Customers the target matched. */
  matched: z.int().check(z.nonnegative()),
  /** Of those, the ones the message goes to. */
  recipients: z.int().check(z.nonnegative()),
  /** Left out: no consent on this channel. */
  noConsent: z.int().check(z.nonnegative()),
  /** Left out: no address on this channel (no e-mail, no phone, no app). */
  noContact: z.int().check(z.nonnegative()),
  /** Left out: blocked or inactive customers. */
  inactive: z.int().check(z.nonnegative()),
});

/** `POST /messages/preview`: the counts, and the text as one real recipient would read it. */
export const MessagePreviewSchema = z.strictObject({
  counts: MessageCountsSchema,
  sample: z.nullable(
    z.strictObject({
      customerId: z.string(),
      name: z.string(),
      subject: z.optional(z.string()),
      text: z.string(),
    }),
  ),
});

/** A recipient's status counts within a batch. */
export const MessageProgressSchema = z.strictObject({
  queued: z.int(),
  sent: z.int(),
  delivered: z.int(),
  failed: z.int(),
  skipped: z.int(),
});

export const MessageBatchSchema = z.strictObject({
  id: z.string(),
  channel: MessageChannelSchema,
  subject: z.optional(z.string()),
  text: z.string(),
  counts: MessageCountsSchema,
  progress: MessageProgressSchema,
  /** Who sent it: the key id and the `X-Actor` name. */
  createdBy: z.strictObject({ keyId: z.string(), name: z.optional(z.string()) }),
  /** The automation that sent it (`/v1/automations`): one batch per occasion, `createdBy` names the flow. */
  automationId: z.optional(z.string()),
  /** A service message (an account recovery link): sent whatever the marketing consent. */
  transactional: z.optional(z.boolean()),
  createdAt: datetime(),
});

export const MessageRecipientSchema = z.strictObject({
  id: z.string(),
  messageId: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  channel: MessageChannelSchema,
  /** The e-mail or phone it was sent to (as the customer's record had it at the last attempt); absent for push and for a row not tried. */
  address: z.optional(z.string()),
  status: MessageRecipientStatusSchema,
  /** Why it was skipped (`skipped`). */
  skipReason: z.optional(MessageSkipReasonSchema),
  /** The provider's last error (`failed`, or a retry pending while `queued`). */
  error: z.optional(z.string()),
  attempts: z.int().check(z.nonnegative()),
  /** The provider's id of the message, once accepted. */
  providerMessageId: z.optional(z.string()),
  /** A service message (an account recovery link): sent whatever the marketing consent. */
  transactional: z.optional(z.boolean()),
  /** The subject and text as rendered for this recipient. */
  subject: z.optional(z.string()),
  text: z.string(),
  createdAt: datetime(),
  updatedAt: datetime(),
});

export const MessageListQuerySchema = z.strictObject({
  cursor: z.optional(z.string()),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
});

export const MessageRecipientListQuerySchema = z.strictObject({
  status: z.optional(MessageRecipientStatusSchema),
  cursor: z.optional(z.string()),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(500))),
});

export const MessageBatchPageSchema = z.strictObject({ items: z.array(MessageBatchSchema), nextCursor: z.nullable(z.string()) });
export const MessageRecipientPageSchema = z.strictObject({ items: z.array(MessageRecipientSchema), nextCursor: z.nullable(z.string()) });

export type MessageChannel = z.infer<typeof MessageChannelSchema>;
export type MessageContent = z.input<typeof MessageContentSchema>;
export type MessageCreate = z.input<typeof MessageCreateSchema>;
export type MessageCounts = z.infer<typeof MessageCountsSchema>;
export type MessagePreview = z.infer<typeof MessagePreviewSchema>;
export type MessageProgress = z.infer<typeof MessageProgressSchema>;
export type MessageBatch = z.infer<typeof MessageBatchSchema>;
export type MessageRecipient = z.infer<typeof MessageRecipientSchema>;
export type MessageRecipientStatus = z.infer<typeof MessageRecipientStatusSchema>;
export type MessageSkipReason = z.infer<typeof MessageSkipReasonSchema>;
export type MessageBatchPage = z.infer<typeof MessageBatchPageSchema>;
export type MessageRecipientPage = z.infer<typeof MessageRecipientPageSchema>;
