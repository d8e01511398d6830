import type { MessageProgress } from '@clientela/core/schemas';
import type { StoredMessageBatch, StoredRecipient } from './types.js';

// What the three stores share about message rows: the empty progress and how a row reads back.

export function emptyProgress(): MessageProgress {
  return { queued: 0, sent: 0, delivered: 0, failed: 0, skipped: 0 };
}

export function batchOf(r: { seq: string | number; data: string }): StoredMessageBatch {
  return { ...(JSON.parse(r.data) as Omit<StoredMessageBatch, 'seq'>), seq: Number(r.seq) };
}

export function recipientOf(r: { seq: string | number; data: string }): StoredRecipient {
  return { ...(JSON.parse(r.data) as Omit<StoredRecipient, 'seq'>), seq: Number(r.seq) };
}

/** The row's JSON without its position (the `seq` column holds that). */
export function recipientData(r: Omit<StoredRecipient, 'seq'> & { seq?: number }): string {
  const { seq: _seq, ...rest } = r;
  return JSON.stringify(rest);
}
