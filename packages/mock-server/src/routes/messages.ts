import * as z from 'zod/mini';
import { unknownMessageVariables } from '@clientela/core/format';
import {
  MessageBatchPageSchema,
  MessageBatchSchema,
  MessageContentSchema,
  MessageCreateSchema,
  MessageListQuerySchema,
  MessagePreviewSchema,
  MessageRecipientListQuerySchema,
  MessageRecipientPageSchema,
  type MessageBatch,
  type MessageContent,
  type MessageRecipient,
  type FieldIssue,
} from '@clientela/core/schemas';
import type { Locale } from '@clientela/core/i18n';
import { audit, newId, type ServerContext } from '../context.js';
import { decodeTuple, encodeTuple } from '../http/cursor.js';
import { idempotent } from '../http/idempotency.js';
import { fail422, fieldIssue, HttpProblem } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import { auditTarget, targetQuery } from '../service/customers.js';
import { classify, countInto, emptyCounts, renderFor } from '../service/messages.js';
import type { StoredMessageBatch, StoredRecipient } from '../store/types.js';
import { customerDisplayName } from '@clientela/core/format';

const IdParams = z.object({ id: z.string() });

/** Content rules beyond the schema: a subject for e-mail, only known variables (messages and automations). */
export function checkContent(body: Pick<MessageContent, 'channel' | 'subject' | 'text'>, locale: Locale): void {
  const issues: FieldIssue[] = [];
  if (body.channel === 'email' && !body.subject?.trim()) issues.push(fieldIssue('subject', 'subject_required', locale));
  for (const [path, value] of [['subject', body.subject ?? ''], ['text', body.text]] as const) {
    for (const name of unknownMessageVariables(value)) issues.push(fieldIssue(path, 'unknown_variable', locale, { name }));
  }
  if (issues.length) fail422(issues);
}

function publicRecipient({ seq: _seq, nextAttemptAt: _next, sentAt: _sent, ...r }: StoredRecipient): MessageRecipient {
  return r;
}

async function withProgress(ctx: ServerContext, batches: StoredMessageBatch[]): Promise<MessageBatch[]> {
  const progress = await ctx.store.messageProgress(batches.map((b) => b.id));
  return batches.map(({ seq: _seq, ...b }) => ({ ...b, progress: progress.get(b.id)! }));
}

export function registerMessages(router: Router, ctx: ServerContext, wake: () => void): void {
  router.define({
    method: 'post',
    path: '/v1/messages/preview',
    reads: true,
    tag: 'messages',
    summary: 'Who a message would reach, who it would leave out and why, and the text as one real recipient reads it',
    access: 'secret',
    request: { body: MessageContentSchema },
    responses: { 200: { description: 'Counts and a rendered sample', schema: MessagePreviewSchema }, 422: { description: 'Invalid content or target' } },
    handler: async (c, { body }) => {
      const locale = c.get('locale');
      checkContent(body, locale);
      const counts = emptyCounts();
      let sample: z.infer<typeof MessagePreviewSchema>['sample'] = null;
      for await (const { customer, reason } of classify(ctx, targetQuery(body, ctx.now(), locale), body.channel)) {
        countInto(counts, reason);
        if (!reason && !sample) sample = { customerId: customer.id, name: customerDisplayName(customer), ...(await renderFor(ctx, customer, body)) };
      }
      return c.json({ counts, sample }, 200);
    },
  });

  router.define({
    method: 'post',
    path: '/v1/messages',
    tag: 'messages',
    summary: 'Send a message to a target of customers: one outbox row per customer, sent by the dispatcher',
    description:
      'Requires `acknowledgedResponsibility: true` (422 `responsibility_not_acknowledged` otherwise): the sender states they read and understand the responsibility for violating the law in force; the send is audited as `message.send` with the actor, channel, target and counts. Customers without consent on the channel, without an address for it or not active are recorded as `skipped` with the reason; consent is checked again at send time. The text is rendered per recipient (`{{primeiroNome}}`, `{{nome}}`, `{{creditoDisponivel}}`, `{{validadeCredito}}`) as plain text.',
    access: 'secret',
    request: { body: MessageCreateSchema, headers: [{ name: 'Idempotency-Key', description: 'Replays the first response for a repeated request with the same body: a retried send never makes a second batch.' }] },
    responses: {
      201: { description: 'The batch, queued', schema: MessageBatchSchema, headers: ['Location'] },
      422: { description: 'Responsibility not acknowledged, no subject for e-mail, an unknown variable, an invalid target' },
    },
    handler: (c, { body }) =>
      idempotent(ctx, c, 'messages.create', async (t) => {
        const locale = c.get('locale');
        if (body.acknowledgedResponsibility !== true) fail422([fieldIssue('acknowledgedResponsibility', 'responsibility_not_acknowledged', locale)]);
        checkContent(body, locale);
        const now = t.now().toISOString();
        const id = newId('msg');
        const counts = emptyCounts();
        const rows: Omit<StoredRecipient, 'seq'>[] = [];
        const subject = body.channel === 'email' ? body.subject : undefined;
        for await (const { customer, reason } of classify(t, targetQuery(body, t.now(), locale), body.channel)) {
          countInto(counts, reason);
          const rendered = await renderFor(t, customer, { subject, text: body.text });
          rows.push({
            id: newId('mr'),
            messageId: id,
            customerId: customer.id,
            customerName: customerDisplayName(customer),
            channel: body.channel,
            status: reason ? 'skipped' : 'queued',
            ...(reason ? { skipReason: reason } : {}),
            attempts: 0,
            ...rendered,
            createdAt: now,
            updatedAt: now,
            nextAttemptAt: reason ? null : now,
          });
        }
        const name = c.get('actorName');
        const batch: Omit<StoredMessageBatch, 'seq'> = {
          id,
          channel: body.channel,
          ...(subject ? { subject } : {}),
          text: body.text,
          counts,
          createdBy: { keyId: c.get('keyId'), ...(name ? { name } : {}) },
          createdAt: now,
        };
        await t.store.insertMessageBatch(batch, rows);
        await audit(t, c, {
          action: 'message.send',
          target: id,
          channel: body.channel,
          count: counts.recipients,
          excluded: { noConsent: counts.noConsent, noContact: counts.noContact },
          filter: auditTarget(body),
          detail: 'acknowledgedResponsibility',
        });
        const [full] = await withProgress(t, [{ ...batch, seq: 0 }]);
        queueMicrotask(wake);
        return { status: 201, body: full, headers: { Location: `/v1/messages/${id}` } };
      }),
  });

  router.define({
    method: 'get',
    path: '/v1/messages',
    tag: 'messages',
    summary: 'Message batches, newest first, each with its recipients counted by status',
    access: 'secret',
    request: { query: MessageListQuerySchema },
    responses: { 200: { description: 'One page of batches', schema: MessageBatchPageSchema } },
    handler: async (c, { query }) => {
      const before = decodeTuple(query.cursor, 1, c.get('locale')) as [number] | undefined;
      const page = await ctx.store.listMessageBatches({ beforeSeq: before?.[0], limit: query.limit ?? 20 });
      const last = page.items.at(-1);
      return c.json({ items: await withProgress(ctx, page.items), nextCursor: page.hasMore && last ? encodeTuple([last.seq]) : null }, 200);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/messages/:id',
    tag: 'messages',
    summary: 'One batch with its recipients counted by status',
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'The batch', schema: MessageBatchSchema }, 404: { description: 'No such batch' } },
    handler: async (c, { params }) => {
      const batch = await ctx.store.getMessageBatch(params.id);
      if (!batch) throw new HttpProblem('not_found', 404);
      return c.json((await withProgress(ctx, [batch]))[0]!, 200);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/messages/:id/recipients',
    tag: 'messages',
    summary: 'A batch’s recipients in the order queued: queued, sent, delivered, failed (with the error) or skipped (with the reason)',
    access: 'secret',
    request: { params: IdParams, query: MessageRecipientListQuerySchema },
    responses: { 200: { description: 'One page of recipients', schema: MessageRecipientPageSchema }, 404: { description: 'No such batch' } },
    handler: async (c, { params, query }) => {
      if (!(await ctx.store.getMessageBatch(params.id))) throw new HttpProblem('not_found', 404);
      const after = decodeTuple(query.cursor, 1, c.get('locale')) as [number] | undefined;
      const page = await ctx.store.listMessageRecipients({ messageId: params.id, status: query.status, afterSeq: after?.[0], limit: query.limit ?? 50 });
      const last = page.items.at(-1);
      return c.json({ items: page.items.map(publicRecipient), nextCursor: page.hasMore && last ? encodeTuple([last.seq]) : null }, 200);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/customers/:id/messages',
    tag: 'messages',
    summary: 'The messages a customer was sent (or skipped for), oldest first',
    access: 'secret',
    request: { params: IdParams, query: MessageRecipientListQuerySchema },
    responses: { 200: { description: 'One page of the customer’s messages', schema: MessageRecipientPageSchema }, 404: { description: 'No such customer' } },
    handler: async (c, { params, query }) => {
      if (!(await ctx.store.getCustomer(params.id))) throw new HttpProblem('not_found', 404);
      const after = decodeTuple(query.cursor, 1, c.get('locale')) as [number] | undefined;
      const page = await ctx.store.listMessageRecipients({ customerId: params.id, status: query.status, afterSeq: after?.[0], limit: query.limit ?? 50 });
      const last = page.items.at(-1);
      return c.json({ items: page.items.map(publicRecipient), nextCursor: page.hasMore && last ? encodeTuple([last.seq]) : null }, 200);
    },
  });
}
