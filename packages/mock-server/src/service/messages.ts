import { customerDisplayName, formatDateBR, formatMoney, renderMessageText } from '@clientela/core/format';
import type { Customer, MessageChannel, MessageCounts, MessageSkipReason, MessageVariable } from '@clientela/core/schemas';
import type { ServerContext } from '../context.js';
import type { CustomerQuery, StoredDevice } from '../store/types.js';
import { creditsOf } from './credits.js';

// Who a message reaches and what each recipient reads: one place for the consent and contact
// rules, used by the preview, by the batch and again by the dispatcher at send time.

/**
 * The address a channel uses for a customer, or `undefined` when there is none: e-mail; the phone
 * for SMS; the phone for WhatsApp only when the customer said it has WhatsApp. Push has no single
 * address: it goes to each of the customer's registered devices (see {@link devicesFor}).
 */
export function addressFor(customer: Customer, channel: MessageChannel): string | undefined {
  switch (channel) {
    case 'email':
      return customer.email || undefined;
    case 'sms':
      return customer.phone || undefined;
    case 'whatsapp':
      return customer.whatsapp && customer.phone ? customer.phone : undefined;
    case 'push':
      return undefined;
  }
}

/** Whether the customer can be reached on the channel: an address, or for push at least one device. */
function reachable(customer: Customer, channel: MessageChannel, devices: number): boolean {
  return channel === 'push' ? devices > 0 : addressFor(customer, channel) !== undefined;
}

/**
 * Why `customer` gets no message on `channel` now, or `undefined` when it does: not active
 * (blocked, inactive, deleted), no consent for the channel (push follows the app's own opt-in —
 * registering a device is it — so only having the app counts), no address (for push: none of
 * `devices`, the customer's registered devices).
 */
export function skipReason(customer: Customer, channel: MessageChannel, devices = 0): MessageSkipReason | undefined {
  if (customer.status !== 'active') return 'inactive';
  if (channel !== 'push' && !customer.marketingConsent[channel]) return 'no_consent';
  if (!reachable(customer, channel, devices)) return 'no_contact';
  return undefined;
}

/**
 * Why a service message (an account recovery link) does not go to `customer`: a customer who may
 * not sign in (blocked, deleted), or no address. Marketing consent does not apply to it.
 */
export function transactionalSkipReason(customer: Customer, channel: MessageChannel, devices = 0): MessageSkipReason | undefined {
  if (customer.status !== 'active' && customer.status !== 'inactive') return 'inactive';
  if (!reachable(customer, channel, devices)) return 'no_contact';
  return undefined;
}

/** The devices a push message to `customer` goes to (none for the other channels: no read). */
export async function devicesFor(t: ServerContext, customerId: string, channel: MessageChannel): Promise<StoredDevice[]> {
  return channel === 'push' ? t.store.listDevices(customerId) : [];
}

/** {@link skipReason} as read now, the customer's devices included for push. */
export async function skipReasonNow(t: ServerContext, customer: Customer, channel: MessageChannel): Promise<MessageSkipReason | undefined> {
  return skipReason(customer, channel, (await devicesFor(t, customer.id, channel)).length);
}

/** Adds one customer's outcome to the counts. */
export function countInto(counts: MessageCounts, reason: MessageSkipReason | undefined): void {
  counts.matched++;
  if (!reason) counts.recipients++;
  else if (reason === 'no_contact') counts.noContact++;
  else if (reason === 'no_consent') counts.noConsent++;
  else counts.inactive++;
}

export function emptyCounts(): MessageCounts {
  return { matched: 0, recipients: 0, noConsent: 0, noContact: 0, inactive: 0 };
}

const CREDIT_VARIABLES = /\{\{\s*(creditoDisponivel|validadeCredito)\s*\}\}/;

/** The variables of one recipient (credit figures read from the ledger only when the text uses them). */
export async function variablesOf(t: ServerContext, customer: Customer, templates: readonly string[]): Promise<Record<MessageVariable, string>> {
  const nome = customerDisplayName(customer);
  const primeiroNome = customer.kind === 'person' ? customer.firstName : customer.tradeName || customer.legalName;
  let creditoDisponivel = '';
  let validadeCredito = '';
  if (templates.some((x) => CREDIT_VARIABLES.test(x))) {
    const credits = await creditsOf(t, customer.id);
    creditoDisponivel = formatMoney(credits.balanceCents, 'pt-BR');
    const next = credits.items.filter((c) => c.balanceCents > 0 && (c.status === 'active' || c.status === 'expiring')).map((c) => c.expiresAt).sort()[0];
    validadeCredito = next ? formatDateBR(next) : '';
  }
  return { primeiroNome, nome, creditoDisponivel, validadeCredito };
}

/** The subject and text as `customer` reads them. */
export async function renderFor(t: ServerContext, customer: Customer, content: { subject?: string | undefined; text: string }): Promise<{ subject?: string; text: string }> {
  const values = await variablesOf(t, customer, [content.subject ?? '', content.text]);
  return { ...(content.subject ? { subject: renderMessageText(content.subject, values) } : {}), text: renderMessageText(content.text, values) };
}

/** Customers read per device look-up when classifying for push. */
const DEVICE_CHUNK = 500;

/**
 * Every customer of a target with its reason to be left out (none: it receives). For push, the
 * devices are counted for a slice of customers at a time, one store read per slice.
 */
export async function* classify(t: ServerContext, query: CustomerQuery, channel: MessageChannel): AsyncIterable<{ customer: Customer; reason: MessageSkipReason | undefined }> {
  const customers = t.store.scanCustomers(query, { field: 'createdAt', desc: false });
  if (channel !== 'push') {
    for await (const customer of customers) yield { customer, reason: skipReason(customer, channel) };
    return;
  }
  let slice: Customer[] = [];
  const judged = async (list: Customer[]) => {
    const devices = await t.store.countDevices(list.filter((c) => c.status === 'active').map((c) => c.id));
    return list.map((customer) => ({ customer, reason: skipReason(customer, channel, devices.get(customer.id) ?? 0) }));
  };
  for await (const customer of customers) {
    slice.push(customer);
    if (slice.length < DEVICE_CHUNK) continue;
    yield* await judged(slice);
    slice = [];
  }
  if (slice.length) yield* await judged(slice);
}
