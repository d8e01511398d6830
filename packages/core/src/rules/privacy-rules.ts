import { CONSENT_CHANNELS, CONSENT_PURPOSES, PRIVACY_REQUEST_DEADLINE_DAYS } from './constants.js';

// The rules of consent and data-subject requests that need no zod: what the current consent is,
// given its records, and when a request falls due. One home for both, so the server, the card and
// the account area read them alike.

type Channel = (typeof CONSENT_CHANNELS)[number];
type Purpose = (typeof CONSENT_PURPOSES)[number];
interface RecordLike {
  channel: Channel;
  purpose: Purpose;
  granted: boolean;
  at: string;
  recordedAt: string;
  source: 'storefront' | 'admin' | 'import' | 'pos' | 'api';
  textVersion?: number | undefined;
}
type State = { granted: boolean; at: string; source: RecordLike['source']; textVersion?: number };

/**
 * The current consent per purpose and channel from a customer's records, in the order they were
 * written: the last record of each pair wins (a consent recorded late for an earlier date still
 * replaces what was there, since it is what the store knows last). Never recorded: `null`.
 *
 * @example
 * currentConsent([{ channel: 'email', purpose: 'marketing', granted: true, … }]).marketing.email?.granted; // true
 */
export function currentConsent(records: readonly RecordLike[]): Record<Purpose, Record<Channel, State | null>> {
  const empty = () => Object.fromEntries(CONSENT_CHANNELS.map((ch) => [ch, null])) as Record<Channel, State | null>;
  const out = { marketing: empty(), transactional: empty() };
  for (const r of records) {
    out[r.purpose][r.channel] = { granted: r.granted, at: r.at, source: r.source, ...(r.textVersion !== undefined ? { textVersion: r.textVersion } : {}) };
  }
  return out;
}

/**
 * The customer's `marketingConsent` (e-mail, SMS, WhatsApp) as its records say: the one place it
 * is derived from, so filters, the table and exports never drift from the history.
 */
export function marketingConsentOf(records: readonly RecordLike[]): { email: boolean; sms: boolean; whatsapp: boolean; updatedAt?: string } {
  const m = currentConsent(records).marketing;
  const at = [m.email, m.sms, m.whatsapp].flatMap((s) => (s ? [s.at] : [])).sort().pop();
  return { email: m.email?.granted ?? false, sms: m.sms?.granted ?? false, whatsapp: m.whatsapp?.granted ?? false, ...(at ? { updatedAt: at } : {}) };
}

/**
 * When a data-subject request opened at `openedAt` must be answered: 15 days later (LGPD art. 19, II).
 *
 * @example
 * privacyDueAt('2026-03-01T12:00:00.000Z'); // '2026-03-16T12:00:00.000Z'
 */
export function privacyDueAt(openedAt: string): string {
  return new Date(Date.parse(openedAt) + PRIVACY_REQUEST_DEADLINE_DAYS * 86_400_000).toISOString();
}

/** Whole days left until `dueAt` at `now` (negative: overdue by that many days). */
export function privacyDaysLeft(dueAt: string, now: Date): number {
  return Math.ceil((Date.parse(dueAt) - now.getTime()) / 86_400_000);
}
