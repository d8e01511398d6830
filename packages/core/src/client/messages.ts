import type {
  MessageBatch,
  MessageBatchPage,
  MessageContent,
  MessageCreate,
  MessagePreview,
  MessageRecipientPage,
  MessageRecipientStatus,
} from '../schemas/message.js';
import type { CallOptions, IdempotentCallOptions, Transport } from './request.js';

/** A page of recipients: by status, from a cursor. */
export interface MessageRecipientQuery {
  status?: MessageRecipientStatus;
  cursor?: string;
  limit?: number;
}

const enc = encodeURIComponent;

/** `client.messages`: sending to customers and reading back each batch and recipient. */
export function messages(t: Transport) {
  return {
    /**
     * Who a message would reach and who it would leave out (no consent, no contact, not active),
     * and the text as the first real recipient reads it.
     *
     * @example
     * const { counts, sample } = await client.messages.preview({ ids, channel: 'email', subject: 'Oi', text: 'Oi {{primeiroNome}}' });
     */
    preview: (body: MessageContent, options?: CallOptions): Promise<MessagePreview> =>
      t.request('messagePreview', { ...options, method: 'post', path: 'messages/preview', json: body }),

    /**
     * Sends a message: one outbox row per customer of the target. `acknowledgedResponsibility:
     * true` is required (the server answers 422 without it). Retried with the same
     * idempotency key, it never makes a second batch.
     *
     * @example
     * const batch = await client.messages.create({ filter: { q: 'Ana' }, channel: 'sms', text: 'Oi {{primeiroNome}}', acknowledgedResponsibility: true });
     */
    create: (body: MessageCreate, options?: IdempotentCallOptions): Promise<MessageBatch> =>
      t.request('messageBatch', { ...options, method: 'post', path: 'messages', json: body, idem: true }),

    /**
     * One page of batches, newest first, each with its recipients counted by status.
     *
     * @example
     * const { items, nextCursor } = await client.messages.list({ limit: 20 });
     */
    list: (query: { cursor?: string; limit?: number } = {}, options?: CallOptions): Promise<MessageBatchPage> =>
      t.request('messageBatchPage', { ...options, path: 'messages', query }),

    /**
     * One batch.
     *
     * @example
     * const batch = await client.messages.retrieve('msg_123');
     */
    retrieve: (id: string, options?: CallOptions): Promise<MessageBatch> => t.request('messageBatch', { ...options, path: `messages/${enc(id)}` }),

    /**
     * One page of a batch's recipients, in queue order, each with its status and reason.
     *
     * @example
     * const { items } = await client.messages.recipients('msg_123', { status: 'failed' });
     */
    recipients: (id: string, query: MessageRecipientQuery = {}, options?: CallOptions): Promise<MessageRecipientPage> =>
      t.request('messageRecipientPage', { ...options, path: `messages/${enc(id)}/recipients`, query }),

    /**
     * One page of the messages a customer was sent (or skipped for).
     *
     * @example
     * const { items } = await client.messages.ofCustomer('cus_123');
     */
    ofCustomer: (customerId: string, query: MessageRecipientQuery = {}, options?: CallOptions): Promise<MessageRecipientPage> =>
      t.request('messageRecipientPage', { ...options, path: `customers/${enc(customerId)}/messages`, query }),
  };
}
