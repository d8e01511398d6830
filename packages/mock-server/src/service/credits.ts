import { creditEntriesWritten } from './events.js';
import { customerDisplayName, formatMoney } from '@clientela/core/format';
import { CREDIT_KIND_LABELS, type Locale } from '@clientela/core/i18n';
import {
  CREDIT_EXPIRING_DAYS,
  type Credit,
  type CreditEntry,
  type CreditExpiryEntry,
  type CreditGrant,
  type CreditGrantEntry,
  type CreditList,
  type CreditRedemptionEntry,
  type CreditWalletEntry,
} from '@clientela/core/schemas';
import { newId, type ServerContext } from '../context.js';
import { fail422, fieldIssue } from '../http/problem.js';
import { customerForWrite } from './orders.js';
import { syncRuleMemberships } from './rules.js';

const DAY = 86_400_000;

/**
 * The credits of one customer's ledger as they stand at `nowMs`, nearest expiry first: each
 * grant's amount less what was redeemed from it and, once its expiry has passed, what lapsed —
 * whether or not the expiry entry has been written yet, so a read is exact at any moment.
 */
export function creditsFromLedger(entries: readonly CreditEntry[], nowMs: number, expiringWithinDays = CREDIT_EXPIRING_DAYS): Credit[] {
  const redeemed = new Map<string, number>();
  for (const e of entries) if (e.type === 'redemption') redeemed.set(e.grantId, (redeemed.get(e.grantId) ?? 0) + e.amountCents);
  const soon = nowMs + expiringWithinDays * DAY;
  const out: Credit[] = [];
  for (const g of entries) {
    if (g.type !== 'grant') continue;
    const spent = redeemed.get(g.id) ?? 0;
    const left = g.amountCents - spent;
    const expiry = Date.parse(g.expiresAt);
    const lapsed = expiry <= nowMs;
    const status: Credit['status'] = left === 0 ? 'used' : lapsed ? 'expired' : expiry <= soon ? 'expiring' : 'active';
    out.push({
      id: g.id,
      kind: g.kind,
      amountCents: g.amountCents,
      balanceCents: lapsed ? 0 : left,
      redeemedCents: spent,
      expiredCents: lapsed ? left : 0,
      origin: g.origin,
      ...(g.orderId ? { orderId: g.orderId } : {}),
      grantedAt: g.at,
      expiresAt: g.expiresAt,
      status,
    });
  }
  return out.sort((a, b) => (a.expiresAt < b.expiresAt ? -1 : a.expiresAt > b.expiresAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The credits and the balance that can be spent now. */
export function creditList(entries: readonly CreditEntry[], nowMs: number, expiringWithinDays?: number): CreditList {
  const items = creditsFromLedger(entries, nowMs, expiringWithinDays);
  return { items, balanceCents: items.reduce((sum, c) => sum + c.balanceCents, 0) };
}

/** A customer's credits read at the request's time. */
export async function creditsOf(t: ServerContext, customerId: string, expiringWithinDays?: number): Promise<CreditList> {
  return creditList(await t.store.creditEntries(customerId), t.now().getTime(), expiringWithinDays);
}

/**
 * The expiry entries due in a ledger at `nowMs`: one per grant whose expiry passed with a
 * balance and that has none yet, for what was left, dated at the expiry.
 */
export function expiriesDue(entries: readonly CreditEntry[], nowMs: number): CreditExpiryEntry[] {
  const expired = new Set(entries.flatMap((e) => (e.type === 'expiry' ? [e.grantId] : [])));
  return creditsFromLedger(entries, nowMs)
    .filter((c) => c.expiredCents > 0 && !expired.has(c.id))
    .map((c) => ({ id: newId('cre'), customerId: entries[0]!.customerId, type: 'expiry', grantId: c.id, amountCents: c.expiredCents, at: c.expiresAt }));
}

/**
 * Grants a referral credit or a cashback bonus, in the caller's transaction (which also writes the
 * expiries that came due, so the ledger says when each balance lapsed).
 */
export async function grantCredit(
  t: ServerContext,
  customerId: string,
  input: CreditGrant,
  locale: Locale,
  id?: string,
): Promise<{ entry: CreditGrantEntry; credits: CreditList; customerName: string }> {
  const customer = await customerForWrite(t, customerId, locale, 'customerId');
  const now = t.now();
  if (Date.parse(input.expiresAt) <= now.getTime()) fail422([fieldIssue('expiresAt', 'expiry_in_past', locale)]);
  let origin = input.origin;
  if (input.orderId !== undefined) {
    const order = await t.store.getOrder(input.orderId);
    if (!order || order.customerId !== customerId) fail422([fieldIssue('orderId', 'invalid_value', locale)]);
    origin ??= `${CREDIT_KIND_LABELS[locale][input.kind]} — #${order.number}`;
  }
  const entry: CreditGrantEntry = {
    id: id ?? newId('crd'),
    customerId,
    type: 'grant',
    kind: input.kind,
    amountCents: input.amountCents,
    expiresAt: new Date(input.expiresAt).toISOString(),
    origin: origin ?? CREDIT_KIND_LABELS[locale][input.kind],
    ...(input.orderId !== undefined ? { orderId: input.orderId } : {}),
    at: now.toISOString(),
  };
  const before = await t.store.creditEntries(customerId);
  const written = [...(before.length ? expiriesDue(before, now.getTime()) : []), entry];
  await t.store.appendCreditEntries(written);
  await syncRuleMemberships(t, customer);
  await creditEntriesWritten(t, written);
  return { entry, credits: await creditsOf(t, customerId), customerName: customerDisplayName(customer) };
}

/**
 * Spends `amountCents` of a customer's credit, nearest expiry first, as one redemption entry per
 * grant it draws from (sharing one `redemptionId`); 422 `insufficient_credit` when the balance
 * that can be spent now is smaller. The customer is read first, which in PostgreSQL locks it, so
 * two redemptions of one customer run one after the other and cannot spend a balance twice (the
 * store's check that no grant goes below zero backs this up).
 */
export async function redeemCredit(
  t: ServerContext,
  customerId: string,
  input: { amountCents: number; orderId?: string | undefined },
  locale: Locale,
): Promise<{ redemptionId: string; entries: CreditRedemptionEntry[]; credits: CreditList; customerName: string }> {
  const customer = await customerForWrite(t, customerId, locale, 'customerId');
  const now = t.now();
  const ledger = await t.store.creditEntries(customerId);
  const open = creditsFromLedger(ledger, now.getTime()).filter((c) => c.balanceCents > 0);
  const available = open.reduce((sum, c) => sum + c.balanceCents, 0);
  if (input.amountCents > available) {
    fail422([fieldIssue('amountCents', 'insufficient_credit', locale, { available: formatMoney(available, locale) })]);
  }
  const redemptionId = newId('red');
  const entries: CreditRedemptionEntry[] = [];
  let left = input.amountCents;
  for (const c of open) {
    if (left === 0) break;
    const take = Math.min(left, c.balanceCents);
    left -= take;
    entries.push({
      id: newId('cre'),
      customerId,
      type: 'redemption',
      grantId: c.id,
      amountCents: take,
      redemptionId,
      ...(input.orderId !== undefined ? { orderId: input.orderId } : {}),
      at: now.toISOString(),
    });
  }
  const written = [...expiriesDue(ledger, now.getTime()), ...entries];
  await t.store.appendCreditEntries(written);
  await syncRuleMemberships(t, customer);
  await creditEntriesWritten(t, written);
  return { redemptionId, entries, credits: await creditsOf(t, customerId), customerName: customerDisplayName(customer) };
}

/**
 * Every credit of every customer that is not deleted, by expiry then id, each in its state at
 * `ctx.now()`, read from the ledger (the wallet; its export reminds customers of their balances).
 */
export async function creditWallet(ctx: ServerContext, expiringWithinDays?: number): Promise<CreditWalletEntry[]> {
  const now = ctx.now().getTime();
  const byCustomer = new Map<string, CreditEntry[]>();
  for await (const e of ctx.store.scanCreditEntries()) {
    const list = byCustomer.get(e.customerId);
    if (list) list.push(e);
    else byCustomer.set(e.customerId, [e]);
  }
  const out: CreditWalletEntry[] = [];
  for (const [customerId, entries] of byCustomer) {
    const cu = await ctx.store.getCustomer(customerId);
    if (!cu || cu.status === 'deleted') continue;
    const who = { customerId, name: customerDisplayName(cu), ...(cu.email ? { email: cu.email } : {}) };
    for (const credit of creditsFromLedger(entries, now, expiringWithinDays)) out.push({ ...who, credit });
  }
  return out.sort((a, b) => (a.credit.expiresAt < b.credit.expiresAt ? -1 : a.credit.expiresAt > b.credit.expiresAt ? 1 : a.credit.id < b.credit.id ? -1 : 1));
}
