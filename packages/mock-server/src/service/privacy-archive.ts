import type { AuditEntry, Customer, Order } from '@clientela/core/schemas';
import type { ServerContext } from '../context.js';
import type { StoredRecipient } from '../store/types.js';
import { sha256Hex } from '../util/bytes.js';
import { creditsOf } from './credits.js';
import { csvFile } from './privacy.js';

// The archive of a data-subject access or portability request (LGPD art. 18, II and V, #18 §2):
// everything the store holds about one person, and nothing about anyone else — every part is
// read by the person's id. `data.json` holds it all; the tabular parts are CSV files too, so a
// spreadsheet opens them. jszip is already in the tree (exceljs writes XLSX with it), so the zip
// costs no new bytes; it is imported only when an archive is made.

/** Reads every page of a keyset-paged source. */
async function all<T, C>(page: (after: C | undefined) => Promise<{ items: T[]; hasMore: boolean }>, cursorOf: (last: T) => C): Promise<T[]> {
  const out: T[] = [];
  let after: C | undefined;
  for (;;) {
    const p = await page(after);
    out.push(...p.items);
    if (!p.hasMore || !p.items.length) return out;
    after = cursorOf(p.items.at(-1)!);
  }
}

/** The data log entries about one customer (who viewed, changed, exported or handled their data). */
async function auditAbout(ctx: ServerContext, customerId: string): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await ctx.store.listAudit({ beforeSeq: before, limit: 500 });
    for (const { entry } of page) if (entry.target === customerId) out.push(entry);
    if (page.length < 500) return out;
    before = page.at(-1)!.seq;
  }
}

export interface Archive {
  bytes: Uint8Array;
  sha256: string;
}

/** The zip of everything held about `customer`. */
export async function buildArchive(ctx: ServerContext, customer: Customer): Promise<Archive> {
  const id = customer.id;
  const categoriesById = new Map((await ctx.store.listCategories()).map((c) => [c.id, c.name]));
  const orders = await all<Order, { placedAt: string; id: string }>((after) => ctx.store.listOrders({ customerId: id, after, limit: 200 }), (o) => ({ placedAt: o.placedAt, id: o.id }));
  const ledger = await ctx.store.creditEntries(id);
  const credits = await creditsOf(ctx, id);
  const consent = await ctx.store.listConsentRecords(id);
  const messages = await all<StoredRecipient, number>((afterSeq) => ctx.store.listMessageRecipients({ customerId: id, afterSeq, limit: 500 }), (r) => r.seq);
  const requests = await all((beforeSeq: number | undefined) => ctx.store.listPrivacyRequests({ customerId: id, beforeSeq, limit: 200 }), (r) => r.seq);
  const dataLog = await auditAbout(ctx, id);

  const data = {
    exportedAt: ctx.now().toISOString(),
    profile: customer,
    addresses: customer.address ? [customer.address] : [],
    categories: customer.categoryIds.map((cid) => ({ id: cid, name: categoriesById.get(cid) ?? cid })),
    orders,
    credits: { ledger, current: credits },
    consent,
    messages: messages.map(({ seq: _seq, nextAttemptAt: _next, ...m }) => m),
    privacyRequests: requests.map(({ seq: _seq, ...r }) => r),
    dataLog,
  };
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  // A fixed date inside the file: the same data gives the same bytes (and SHA-256).
  const date = new Date(Date.UTC(2020, 0, 1));
  const add = (name: string, text: string) => zip.file(name, text, { date });
  add('data.json', JSON.stringify(data, null, 2));
  add('orders.csv', csvFile(['id', 'number', 'placedAt', 'itemsCount', 'totalCents', 'status', 'unitId'], orders.map((o) => [o.id, o.number, o.placedAt, o.itemsCount, o.totalCents, o.status, o.unitId])));
  add('credits.csv', csvFile(['id', 'type', 'kind', 'amountCents', 'expiresAt', 'origin', 'at'], ledger.map((e) => [e.id, e.type, 'kind' in e ? e.kind : '', e.amountCents, 'expiresAt' in e ? e.expiresAt : '', 'origin' in e ? e.origin : '', e.at])));
  add('consent.csv', csvFile(['at', 'channel', 'purpose', 'granted', 'source', 'textVersion', 'text', 'recordedBy', 'evidence'], consent.map((r) => [r.at, r.channel, r.purpose, r.granted, r.source, r.textVersion, r.text, r.recordedBy, r.evidence])));
  add('messages.csv', csvFile(['createdAt', 'channel', 'status', 'address', 'subject', 'text'], messages.map((m) => [m.createdAt, m.channel, m.status, m.address, m.subject, m.text])));
  add('data-log.csv', csvFile(['at', 'action', 'actor', 'detail'], dataLog.map((e) => [e.at, e.action, e.actor, e.detail ?? e.changes?.join(' ')])));
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes, sha256: sha256Hex(bytes) };
}
