import type { ConsentRecord, CreditEntry, Customer, EventData, EventType, Order } from '@clientela/core/schemas';
import { newId, type ServerContext } from '../context.js';
import type { NewEvent, StoredCategory } from '../store/types.js';
import { changedFields } from './customers.js';
import { recordWrite, type ConsentProvenance } from './consent.js';

// The one way a write tells the change feed and the webhooks: `emit(t, type, data)` in the
// write's own transaction (`t` is the context `inTransaction` hands out), so the event is stored
// exactly when the change is, and never for a change that was undone.

/**
 * Stores an event of `type` in the caller's transaction (and, through the store, a pending
 * delivery for every enabled webhook endpoint subscribed to it). Does nothing in a context that
 * writes history from before the feed began (the seed).
 *
 * @example
 * await emit(t, 'category.created', { category });
 */
export async function emit<T extends EventType>(t: ServerContext, type: T, data: EventData<T>): Promise<void> {
  if (t.quiet) return;
  await t.store.appendEvent({ id: newId('evt'), type, createdAt: t.now().toISOString(), data } as NewEvent);
  t.webhooks?.wake();
}

/**
 * The events of one customer write: `customer.created` (no `before`), `customer.deleted`,
 * `customer.restored`, or `customer.updated` with the changed writable fields (none changed, no
 * event: a write of figures alone is told by the order events); and `consent.updated` when the
 * marketing consent changed. A change of consent also appends its records (LGPD, #18 §1), with
 * `consent` saying where and by whom it was made; they are returned, for the route to audit
 * (`auditConsent`) when a person's act made them.
 */
export async function customerWritten(t: ServerContext, before: Customer | undefined, after: Customer, consent?: ConsentProvenance): Promise<ConsentRecord[]> {
  const records = await recordWrite(t, before, after, consent);
  if (!before) {
    await emit(t, 'customer.created', { customer: after });
    return records;
  }
  if (after.status === 'deleted' && before.status !== 'deleted') await emit(t, 'customer.deleted', { customer: after });
  else if (before.status === 'deleted' && after.status !== 'deleted') await emit(t, 'customer.restored', { customer: after });
  else {
    const fields = changedFields(before, after);
    if (fields.length) await emit(t, 'customer.updated', { customer: after, changedFields: fields });
  }
  const a = before.marketingConsent;
  const b = after.marketingConsent;
  if (a.email !== b.email || a.sms !== b.sms || a.whatsapp !== b.whatsapp) await emit(t, 'consent.updated', { customerId: after.id, marketingConsent: b });
  return records;
}

/** `category.created`, or `category.updated` with the fields that changed (`name`, `color`, `status`). */
export async function categoryWritten(t: ServerContext, before: StoredCategory | undefined, after: StoredCategory): Promise<void> {
  if (!before) return emit(t, 'category.created', { category: after });
  const fields = (['name', 'color', 'status'] as const).filter((k) => before[k] !== after[k]);
  if (fields.length) await emit(t, 'category.updated', { category: after, changedFields: fields });
}

/** `order.created`, or `order.updated` with the fields that changed. */
export async function orderWritten(t: ServerContext, before: Order | undefined, after: Order): Promise<void> {
  if (!before) return emit(t, 'order.created', { order: after });
  const fields = (Object.keys(after) as (keyof Order)[]).filter((k) => k !== 'version' && k !== 'updatedAt' && before[k] !== after[k]);
  await emit(t, 'order.updated', { order: after, changedFields: fields });
}

/** One event per ledger entry: `credit.granted`, `credit.redeemed`, `credit.expired`. */
export async function creditEntriesWritten(t: ServerContext, entries: readonly CreditEntry[]): Promise<void> {
  for (const entry of entries) {
    if (entry.type === 'grant') await emit(t, 'credit.granted', { entry });
    else if (entry.type === 'redemption') await emit(t, 'credit.redeemed', { entry });
    else await emit(t, 'credit.expired', { entry });
  }
}
