import { customerDisplayName } from '@clientela/core/format';
import { countsAsPurchase, FILTER_TIME_ZONE, type AutomationFigures, type AutomationTrigger, type Customer, type CreditEntry, type MessageChannel, type MessageRecipientStatus } from '@clientela/core/schemas';
import { inTransaction, newId, type ServerContext } from '../context.js';
import type { AutomationOccasion, CustomerQuery, StoredAutomation, StoredMessageBatch, StoredRecipient } from '../store/types.js';
import { hash32 } from '../seed/prng.js';
import { creditsFromLedger } from './credits.js';
import { toQuery } from './customers.js';
import { countInto, emptyCounts, renderFor, skipReasonNow } from './messages.js';

// What a flow acts on: for each trigger, the occasions due at a moment — a customer and a key that
// names the occasion once (`birthday:2026`, `lapse:<last purchase>`, `credit:<grant>`,
// `cart:<cart>`) — and how one occasion becomes one outbox row. The scheduler and the preview
// both read from here.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How long after it fell due a welcome is still sent (a server that was down catches up, a stale one is dropped). */
const WELCOME_GRACE_MS = 3 * DAY;
/** A birthday message goes out on the day (after the delay), not later. */
const BIRTHDAY_GRACE_MS = DAY;
/** Orders within this long after a flow's message count for its figures. */
export const AUTOMATION_ORDER_WINDOW_MS = 7 * DAY;

/** One occasion due: whose, what (unique per customer: `birthday:2026`), and when it fell due. */
export interface DueOccasion {
  customer: Customer;
  occasion: string;
  dueAt: string;
}

/** The store query of a flow's filter (its text resolved at `now`; not deleted customers). */
export function flowQuery(filter: string, now: Date): CustomerQuery {
  return toQuery(filter ? { filter } : undefined, undefined, now);
}

/** Whether `customer` matches the flow's filter now. */
async function matches(t: ServerContext, customer: Customer, query: CustomerQuery): Promise<boolean> {
  if (!query.filter && query.statuses.includes(customer.status)) return true;
  return (await t.store.countCustomers({ ...query, ids: [customer.id] })) > 0;
}

/** Midnight of `yyyy-mm-dd` in the store's time zone (São Paulo keeps UTC−3 all year since 2019). */
function startOfDaySaoPaulo(date: string): number {
  return Date.parse(`${date}T00:00:00-03:00`);
}

/** The year of `ms` on the store's calendar. */
function yearAt(ms: number): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: FILTER_TIME_ZONE, year: 'numeric' }).format(ms));
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The customer's birthday in `year` (29 February on the 28th in other years), as `yyyy-mm-dd`. */
export function birthdayIn(birthDate: string, year: number): string | undefined {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m) return undefined;
  const day = m[1] === '02' && m[2] === '29' && !isLeap(year) ? '28' : m[2];
  return `${year}-${m[1]}-${day}`;
}

/**
 * The occasions of `flow` due at `now` (the delay passed, within the trigger's grace), filtered,
 * in a stable order. Occasions already acted on are not left out here: the store's occasion row
 * decides that, atomically, when one is claimed.
 */
export async function* dueOccasions(t: ServerContext, flow: Pick<StoredAutomation, 'trigger' | 'filter' | 'delayHours' | 'createdAt'>, now: Date): AsyncIterable<DueOccasion> {
  const nowMs = now.getTime();
  const delay = flow.delayHours * HOUR;
  const query = flowQuery(flow.filter, now);
  const trigger: AutomationTrigger = flow.trigger;
  const due = (moment: number, grace = Infinity): string | undefined => {
    const at = moment + delay;
    return at <= nowMs && nowMs < at + grace ? new Date(at).toISOString() : undefined;
  };
  switch (trigger.type) {
    case 'customer_registered': {
      for await (const customer of t.store.scanCustomers(query, { field: 'createdAt', desc: false })) {
        if (customer.createdAt < flow.createdAt) continue;
        const dueAt = due(Date.parse(customer.createdAt), WELCOME_GRACE_MS);
        if (dueAt) yield { customer, occasion: 'welcome', dueAt };
      }
      return;
    }
    case 'birthday': {
      // The day whose birthdays are due now: the delay back from now, on the store's calendar.
      const year = yearAt(nowMs - delay);
      for await (const customer of t.store.scanCustomers(query, { field: 'createdAt', desc: false })) {
        if (customer.kind !== 'person' || !customer.birthDate) continue;
        const day = birthdayIn(customer.birthDate, year);
        const dueAt = day && due(startOfDaySaoPaulo(day), BIRTHDAY_GRACE_MS);
        if (dueAt) yield { customer, occasion: `birthday:${year}`, dueAt };
      }
      return;
    }
    case 'no_purchase': {
      for await (const customer of t.store.scanCustomers(query, { field: 'createdAt', desc: false })) {
        const last = customer.stats.lastPurchaseAt;
        if (!last) continue;
        // One occasion per lapse: a new purchase moves the last purchase, and with it the key.
        const dueAt = due(Date.parse(last) + trigger.days * DAY);
        if (dueAt) yield { customer, occasion: `lapse:${last}`, dueAt };
      }
      return;
    }
    case 'credit_expiring': {
      // The ledger is read by customer, in order: each customer's entries are complete when the next begins.
      let current: string | undefined;
      const ledgers: { customerId: string; entries: CreditEntry[] }[] = [];
      for await (const e of t.store.scanCreditEntries()) {
        if (e.customerId !== current) ledgers.push({ customerId: (current = e.customerId), entries: [] });
        ledgers.at(-1)!.entries.push(e);
      }
      for (const { customerId, entries: ledger } of ledgers) {
        const credits = creditsFromLedger(ledger, nowMs).filter((c) => c.balanceCents > 0 && Date.parse(c.expiresAt) > nowMs);
        const dueOnes = credits.flatMap((c) => {
          const dueAt = due(Date.parse(c.expiresAt) - trigger.days * DAY);
          return dueAt ? [{ id: c.id, dueAt }] : [];
        });
        if (!dueOnes.length) continue;
        const customer = await t.store.getCustomer(customerId);
        if (!customer || !(await matches(t, customer, query))) continue;
        for (const c of dueOnes) yield { customer, occasion: `credit:${c.id}`, dueAt: c.dueAt };
      }
      return;
    }
    case 'cart_abandoned': {
      const idleSince = new Date(nowMs - trigger.hours * HOUR - delay).toISOString();
      let after: string | undefined;
      for (;;) {
        const carts = await t.store.listIdleCarts(idleSince, after, 200);
        if (!carts.length) return;
        after = carts.at(-1)!.id;
        for (const cart of carts) {
          const customer = await t.store.getCustomer(cart.customerId);
          if (!customer || !(await matches(t, customer, query))) continue;
          // An order from the customer after the cart's last event means it was bought: no reminder.
          const { items } = await t.store.listOrders({ customerId: customer.id, limit: 20 });
          if (items.some((o) => o.placedAt >= cart.lastEventAt && countsAsPurchase(o.status))) continue;
          yield { customer, occasion: `cart:${cart.id}`, dueAt: new Date(Date.parse(cart.lastEventAt) + trigger.hours * HOUR + delay).toISOString() };
        }
      }
    }
  }
}

/** The key of an occasion in the store, unique within a flow: the customer and the occasion. */
export function occasionKey(due: { customer: { id: string }; occasion: string }): string {
  return `${due.customer.id}/${due.occasion}`;
}

/** The actor of a flow's messages in the batch list: the scheduler, named by the flow. */
export const AUTOMATION_KEY_ID = 'automation';

/**
 * Acts on one occasion in one transaction: claims it (the store's unique row; taken already →
 * nothing is written, returns false) and queues the flow's message for the customer as read now —
 * or records it skipped with the reason, as a batch does (no consent, no contact, not active).
 */
export async function actOn(ctx: ServerContext, flow: StoredAutomation, due: DueOccasion): Promise<boolean> {
  return inTransaction(ctx, async (t) => {
    const at = t.now().toISOString();
    const messageId = dailyBatchId(flow, t.now());
    const recipientId = newId('mr');
    if (!(await t.store.claimAutomationOccasion({ automationId: flow.id, occasion: occasionKey(due), customerId: due.customer.id, messageId, recipientId, at }))) return false;
    // Read again inside the transaction: consent or status may have changed since the scan.
    const customer = (await t.store.getCustomer(due.customer.id)) ?? due.customer;
    const reason = await skipReasonNow(t, customer, flow.channel);
    const counts = emptyCounts();
    countInto(counts, reason);
    const subject = flow.channel === 'email' ? flow.subject : undefined;
    const rendered = await renderFor(t, customer, { subject, text: flow.text });
    const row: Omit<StoredRecipient, 'seq'> = {
      id: recipientId,
      messageId,
      customerId: customer.id,
      customerName: customerDisplayName(customer),
      channel: flow.channel,
      status: reason ? 'skipped' : 'queued',
      ...(reason ? { skipReason: reason } : {}),
      attempts: 0,
      ...rendered,
      createdAt: at,
      updatedAt: at,
      nextAttemptAt: reason ? null : at,
    };
    const batch: Omit<StoredMessageBatch, 'seq'> = {
      id: messageId,
      channel: flow.channel,
      ...(subject ? { subject } : {}),
      text: flow.text,
      counts,
      createdBy: { keyId: AUTOMATION_KEY_ID, name: flow.name },
      automationId: flow.id,
      createdAt: at,
    };
    await t.store.addToMessageBatch(batch, row);
    return true;
  });
}

/** The São Paulo calendar day of an instant (`2026-11-22`): a store's day, whatever the server's zone. */
const storeDay = new Intl.DateTimeFormat('en-CA', { timeZone: FILTER_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The batch a flow's message of `at` goes into: one per flow, day (São Paulo) and content, so the
 * message log lists a flow's day as one batch with its recipients instead of one batch each; a
 * text edited during the day starts a batch of its own.
 */
export function dailyBatchId(flow: Pick<StoredAutomation, 'id' | 'channel' | 'subject' | 'text'>, at: Date): string {
  const content = hash32(`${flow.channel}\u0000${flow.subject ?? ''}\u0000${flow.text}`).toString(36);
  return `msg_${flow.id}_${storeDay.format(at).replaceAll('-', '')}_${content}`;
}

/** Each of these recipients' status, read batch by batch (a day's batch holds several occasions' rows). */
async function recipientStatuses(t: ServerContext, occasions: readonly AutomationOccasion[]): Promise<Map<string, MessageRecipientStatus>> {
  const out = new Map<string, MessageRecipientStatus>();
  for (const messageId of new Set(occasions.map((o) => o.messageId))) {
    for (let after: number | undefined; ; ) {
      const page = await t.store.listMessageRecipients({ messageId, afterSeq: after, limit: 500 });
      for (const r of page.items) out.set(r.id, r.status);
      const last = page.items.at(-1);
      if (!page.hasMore || !last) break;
      after = last.seq;
    }
  }
  return out;
}

/** A flow's figures, from its occasions, their outbox rows and the recipients' stored orders. */
export async function figuresOf(t: ServerContext, automationId: string): Promise<AutomationFigures> {
  const occasions = await t.store.listAutomationOccasions(automationId);
  const statuses = await recipientStatuses(t, occasions);
  const figures: AutomationFigures = { occasions: occasions.length, sent: 0, delivered: 0, failed: 0, skipped: 0, orders: 0 };
  // Orders are counted once each, however many of the flow's messages preceded them.
  const counted = new Set<string>();
  for (const o of occasions) {
    const status = statuses.get(o.recipientId);
    if (!status) continue;
    if (status === 'sent' || status === 'delivered') figures.sent++;
    if (status === 'delivered') figures.delivered++;
    if (status === 'failed') figures.failed++;
    if (status === 'skipped') figures.skipped++;
    if (status !== 'sent' && status !== 'delivered') continue;
    const from = o.at;
    const until = new Date(Date.parse(o.at) + AUTOMATION_ORDER_WINDOW_MS).toISOString();
    let after: { placedAt: string; id: string } | undefined;
    // Newest first: pages are read until they reach orders placed before the message.
    for (;;) {
      const page = await t.store.listOrders({ customerId: o.customerId, after, limit: 100 });
      for (const order of page.items) {
        if (order.placedAt >= from && order.placedAt <= until && countsAsPurchase(order.status) && !counted.has(order.id)) {
          counted.add(order.id);
          figures.orders++;
        }
      }
      const last = page.items.at(-1);
      if (!page.hasMore || !last || last.placedAt < from) break;
      after = { placedAt: last.placedAt, id: last.id };
    }
  }
  return figures;
}

/** Who the flow would send to if it ran now: occasions due and not yet acted on, split by whether the message reaches them. */
export async function previewFlow(
  t: ServerContext,
  flow: Pick<StoredAutomation, 'trigger' | 'filter' | 'delayHours' | 'createdAt'> & { id?: string | undefined; channel: MessageChannel },
  now: Date,
  sampleSize = 5,
): Promise<{ count: number; excluded: number; sample: { customerId: string; name: string }[] }> {
  const taken = new Set(flow.id ? (await t.store.listAutomationOccasions(flow.id)).map((o) => o.occasion) : []);
  let count = 0;
  let excluded = 0;
  const sample: { customerId: string; name: string }[] = [];
  const seen = new Set<string>();
  for await (const due of dueOccasions(t, flow, now)) {
    if (taken.has(occasionKey(due))) continue;
    if (await skipReasonNow(t, due.customer, flow.channel)) {
      excluded++;
      continue;
    }
    count++;
    if (sample.length < sampleSize && !seen.has(due.customer.id)) {
      seen.add(due.customer.id);
      sample.push({ customerId: due.customer.id, name: customerDisplayName(due.customer) });
    }
  }
  return { count, excluded, sample };
}
