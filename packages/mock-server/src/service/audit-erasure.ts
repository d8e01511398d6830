import { customerDisplayName, formatDocument, formatPhoneBR, normalizeDocument } from '@clientela/core/format';
import type { AuditEntry, Customer } from '@clientela/core/schemas';
import type { ServerContext } from '../context.js';

// Erasure in the data log (#18 §2): an entry written before an anonymization keeps, in its
// sentence, the person's name (`targetName`, the names of `customers`) and whatever a filter or a
// detail quoted (an e-mail searched for, a document). The log itself stays — it proves what was
// done, and when — but after the erasure it names the record by its id and "Cliente anonimizado".
// The stored entries are rewritten in the erasure's transaction (rather than the sentences being
// made at read time from the record) so every reader — `GET /v1/audit-log`, `<cl-audit-log>`, an
// archive's `data-log.csv`, a backup of the store — sees the same thing, on every store.

/** What stands in for a quoted personal value (an e-mail in a search, a document in a detail). */
export const ERASED_VALUE = '—';

/** The identifying values of a customer a log entry may quote, each in the forms it is written. */
export function personalValues(c: Customer): { names: string[]; identifiers: string[] } {
  const names = new Set<string>([customerDisplayName(c)]);
  if (c.kind === 'company') {
    if (c.tradeName) names.add(c.tradeName);
    if (c.firstName || c.lastName) names.add(`${c.firstName ?? ''} ${c.lastName ?? ''}`.trim());
  }
  const identifiers = new Set<string>();
  if (c.email) identifiers.add(c.email);
  if (c.document) {
    identifiers.add(normalizeDocument(c.document));
    identifiers.add(formatDocument(c.document));
  }
  if (c.phone) {
    const digits = c.phone.replace(/\D/g, '');
    identifiers.add(c.phone);
    identifiers.add(formatPhoneBR(c.phone));
    // The national number (area code and number) and the number alone, as a search box is typed.
    const national = digits.startsWith('55') && digits.length > 11 ? digits.slice(2) : digits;
    identifiers.add(national);
    const local = national.slice(2);
    identifiers.add(local);
    if (local.length >= 8) identifiers.add(`${local.slice(0, -4)}-${local.slice(-4)}`);
  }
  // Shorter than 4 characters a value says nothing about a person and would hit unrelated text.
  const keep = (xs: Set<string>) => [...xs].map((x) => x.trim()).filter((x) => x.length >= 4).sort((a, b) => b.length - a.length);
  return { names: keep(names), identifiers: keep(identifiers) };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The entry with nothing of the customer `id` left readable: its name where the entry names it
 * (`targetName` of an entry about it, its ref in `customers`) becomes `anonymizedName`, and any
 * quoted e-mail, document or phone of it — anywhere in the entry — or its name in free text (a
 * filter, a detail) becomes {@link ERASED_VALUE}. Another customer's name is left alone, even if
 * the same: the entry is about them.
 */
export function scrubEntry(entry: AuditEntry, id: string, values: { names: string[]; identifiers: string[] }, anonymizedName: string): AuditEntry {
  const identifiers = values.identifiers.length ? new RegExp(values.identifiers.map(escapeRegExp).join('|'), 'gi') : undefined;
  const names = values.names.length ? new RegExp(values.names.map(escapeRegExp).join('|'), 'gi') : undefined;
  const text = (s: string, free: boolean) => {
    let out = identifiers ? s.replace(identifiers, ERASED_VALUE) : s;
    if (free && names) out = out.replace(names, ERASED_VALUE);
    return out;
  };
  const walk = (v: unknown): unknown =>
    typeof v === 'string' ? text(v, true) : Array.isArray(v) ? v.map(walk) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : v;
  const { id: entryId, at, action, actor, target, targetName, customers, ...rest } = entry;
  return {
    id: entryId,
    at,
    action,
    actor,
    ...(target !== undefined ? { target } : {}),
    ...(targetName !== undefined ? { targetName: target === id ? anonymizedName : text(targetName, false) } : {}),
    ...(customers ? { customers: customers.map((r) => (r.id === id ? { id: r.id, name: anonymizedName } : { id: r.id, name: text(r.name, false) })) } : {}),
    ...(walk(rest) as Omit<AuditEntry, 'id' | 'at' | 'action' | 'actor'>),
  };
}

/**
 * Rewrites, in `t`'s transaction, every data-log entry that names or quotes `current` (as it was
 * before the erasure) per {@link scrubEntry}. Returns how many entries changed.
 */
export function eraseFromAuditLog(t: ServerContext, current: Customer, anonymizedName: string): Promise<number> {
  const values = personalValues(current);
  return t.store.scrubAudit([current.id, ...values.names, ...values.identifiers], (e) => scrubEntry(e, current.id, values, anonymizedName));
}
