import type { StoredPrivacyRequest, StoredRecipient } from './types.js';

// What the stores share about LGPD rows (#18): how a request reads back, and what an
// anonymization leaves of an outbox row.

export function privacyRequestOf(r: { seq: string | number; data: string }): StoredPrivacyRequest {
  return { ...(JSON.parse(r.data) as Omit<StoredPrivacyRequest, 'seq'>), seq: Number(r.seq) };
}

/** An outbox row with the name, address and rendered words of its recipient replaced. */
export function redactedRecipient(r: StoredRecipient, name: string, text: string): StoredRecipient {
  const { address: _address, ...rest } = r;
  return { ...rest, customerName: name, text, ...(r.subject !== undefined ? { subject: text } : {}) };
}
