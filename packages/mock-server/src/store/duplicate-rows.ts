import { cityKey, customerDisplayName, searchKey } from '@clientela/core/format';
import { holdsIdentity } from '@clientela/core/rules';
import type { Customer, DuplicateReason, DuplicateReasonType } from '@clientela/core/schemas';
import type { SyncStore } from './types.js';

// Duplicate detection, shared by the three stores. Each customer is filed under "keys" — its
// document, e-mail, phone, and each word of its name under its CEP and under its city — in a
// table of its own; the customers that share a key with one are its only candidates, so a write
// compares a handful of rows (those sharing a name's first or last word in the same CEP or city),
// never the whole base. Two names are alike by trigram similarity (what PostgreSQL's pg_trgm computes), so
// "Joao da Silva" and "João Silva" pair; names that differ in both their first and last word are
// not compared (a typo in each is missed, the price of not comparing everyone).

/** One key a customer is filed under, with what a comparison needs of it. */
export interface DuplicateKeyRow {
  customerId: string;
  key: string;
  /** The folded display name ({@link searchKey}) without particles (`da`, `dos`) or company suffixes (`ltda`). */
  name: string;
  /** Not deleted (a deleted customer is filed only under its document). */
  live: boolean;
}

/** A candidate pair as stored: `a` is the lower id. */
export interface StoredDuplicatePair {
  a: string;
  b: string;
  score: number;
  reasons: DuplicateReason[];
  updatedAt: string;
  dismissedAt?: string | undefined;
}

/** Keyset position in the list by score (descending), then ids. */
export interface DuplicatePosition {
  score: number;
  a: string;
  b: string;
}

export interface DuplicateListParams {
  customerId?: string | undefined;
  after?: DuplicatePosition | undefined;
  limit: number;
}

/** How much each reason says on its own (a name reason is scaled by the names' similarity). */
const WEIGHTS: Record<DuplicateReasonType, number> = { document: 0.95, email: 0.7, phone: 0.6, name_postal_code: 0.55, name_city: 0.4 };
/** The similarity from which two names in one CEP, or one city, count as alike. */
export const NAME_THRESHOLD = { postal: 0.55, city: 0.7 } as const;
/** Words too common or too short to file a name under. */
const STOP_WORDS = new Set(['da', 'das', 'de', 'do', 'dos', 'e', 'ltda', 'me', 'epp', 'eireli', 'sa', 'cia']);

/** Statuses whose customers stand for a person still (candidates under every key). */
function isLive(c: Customer): boolean {
  return holdsIdentity(c.status);
}

/**
 * The keys a customer is filed under. A merged customer is filed under none (it points to the
 * one that survived); a deleted one only under its document, so a person who comes back with the
 * same CPF meets their old record.
 *
 * @example
 * duplicateKeysOf(customer).map((r) => r.key); // ['d:12345678909', 'e:ana@x.com', 'p:+5511…', 'c:01310100:ana', …]
 */
export function duplicateKeysOf(c: Customer): DuplicateKeyRow[] {
  if ((c.status as string) === 'merged') return [];
  // Particles and company suffixes say nothing about who someone is: "João da Silva" is "João Silva".
  const name = searchKey(customerDisplayName(c))
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP_WORDS.has(w))
    .join(' ');
  const live = isLive(c);
  const keys = new Set<string>([`d:${c.document}`]);
  if (live) {
    if (c.email) keys.add(`e:${c.email.trim().toLowerCase()}`);
    if (c.phone) keys.add(`p:${c.phone}`);
    // A name is filed under its first word with the initial of its last, and its last word with
    // the initial of its first (per CEP and per city): names alike enough to pair nearly always
    // share one of the two, and the groups stay small where the same surnames repeat by thousands.
    const words = name.split(' ').filter((w) => w.length >= 2);
    const first = words[0];
    const last = words[words.length - 1];
    const cep = c.address?.postalCode.replace(/\D/g, '');
    const city = c.address ? `${c.address.state}:${cityKey(c.address.city)}` : undefined;
    if (first && last) {
      for (const w of [`${first}:${last[0]}`, `${last}:${first[0]}`]) {
        if (cep) keys.add(`c:${cep}:${w}`);
        if (city) keys.add(`t:${city}:${w}`);
      }
    }
  }
  return [...keys].map((key) => ({ customerId: c.id, key, name, live }));
}

function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of text.split(/[^a-z0-9]+/)) {
    if (!word) continue;
    // pg_trgm pads each word with two spaces before and one after.
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/**
 * How alike two folded names are, 0 to 1: the trigrams they share over the trigrams of either
 * (pg_trgm's `similarity`).
 *
 * @example
 * nameSimilarity('joao silva', 'joao silva souza'); // 0.69
 */
export function nameSimilarity(x: string, y: string): number {
  if (x === y) return 1;
  const a = trigrams(x);
  const b = trigrams(y);
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** The score of a set of reasons: each one independent evidence, 0–100. */
export function scoreOf(reasons: readonly DuplicateReason[]): number {
  let miss = 1;
  for (const r of reasons) miss *= 1 - WEIGHTS[r.type] * (r.similarity ?? 1);
  return Math.round((1 - miss) * 100);
}

/**
 * The pairs of each of `rows`' customers with the customers that share one of its keys
 * (`holders`, which may include the customers themselves), each with its reasons and score.
 * Every pair comes once, lower id first.
 */
export function pairsFrom(rows: readonly DuplicateKeyRow[], holders: readonly DuplicateKeyRow[], at: string): StoredDuplicatePair[] {
  const byKey = new Map<string, DuplicateKeyRow[]>();
  for (const h of holders) {
    const list = byKey.get(h.key);
    if (list) list.push(h);
    else byKey.set(h.key, [h]);
  }
  // (a|b) → the kinds of key they share, and the two rows (for names and liveness).
  const shared = new Map<string, { x: DuplicateKeyRow; y: DuplicateKeyRow; kinds: Set<string> }>();
  for (const r of rows) {
    for (const h of byKey.get(r.key) ?? []) {
      if (h.customerId === r.customerId) continue;
      const [x, y] = r.customerId < h.customerId ? [r, h] : [h, r];
      const id = `${x.customerId}|${y.customerId}`;
      let s = shared.get(id);
      if (!s) shared.set(id, (s = { x, y, kinds: new Set() }));
      s.kinds.add(r.key.slice(0, 1));
    }
  }
  const out: StoredDuplicatePair[] = [];
  for (const { x, y, kinds } of shared.values()) {
    if (!x.live && !y.live) continue;
    const reasons: DuplicateReason[] = [];
    if (kinds.has('d')) reasons.push({ type: 'document' });
    if (kinds.has('e')) reasons.push({ type: 'email' });
    if (kinds.has('p')) reasons.push({ type: 'phone' });
    if (kinds.has('c') || kinds.has('t')) {
      const similarity = Math.round(nameSimilarity(x.name, y.name) * 100) / 100;
      if (kinds.has('c') && similarity >= NAME_THRESHOLD.postal) reasons.push({ type: 'name_postal_code', similarity });
      else if (kinds.has('t') && similarity >= NAME_THRESHOLD.city) reasons.push({ type: 'name_city', similarity });
    }
    if (!reasons.length) continue;
    out.push({ a: x.customerId, b: y.customerId, score: scoreOf(reasons), reasons, updatedAt: at });
  }
  return out;
}

/** Whether a pair comes after a keyset position in the list order (score descending, then ids). */
export function afterPosition(p: DuplicatePosition, pos: DuplicatePosition | undefined): boolean {
  if (!pos) return true;
  if (p.score !== pos.score) return p.score < pos.score;
  if (p.a !== pos.a) return p.a > pos.a;
  return p.b > pos.b;
}

/** The list order: score descending, then ids ascending. */
export function comparePairs(p: DuplicatePosition, q: DuplicatePosition): number {
  return q.score - p.score || (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0);
}

/**
 * The first `k` of `items` in `compare` order, in that order, without sorting them all: one pass
 * that keeps a sorted buffer of at most `k` (a page of pairs out of hundreds of thousands).
 */
export function firstInOrder<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  if (k <= 0) return out;
  for (const item of items) {
    if (out.length === k && compare(item, out[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(out[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, item);
    if (out.length > k) out.pop();
  }
  return out;
}

/** The time a refresh stamps its pairs with: the latest write among the customers. */
function latestWrite(customers: readonly Customer[]): string {
  let at = '';
  for (const c of customers) if (c.updatedAt > at) at = c.updatedAt;
  return at || new Date(0).toISOString();
}

/**
 * Files customers under their keys and replaces their pairs, in an embedded store (the caller
 * holds its transaction).
 */
export function refreshDuplicatesSync(store: SyncStore, customers: readonly Customer[]): void {
  if (!customers.length) return;
  const ids = customers.map((c) => c.id);
  const rows = customers.flatMap(duplicateKeysOf);
  store.putDuplicateKeys(ids, rows);
  const holders = store.duplicateKeyHolders([...new Set(rows.map((r) => r.key))]);
  store.putDuplicatePairs(ids, pairsFrom(rows, holders, latestWrite(customers)));
}

/** The same for a store in another process, through its three steps. */
export async function refreshDuplicatesAsync(
  store: {
    putDuplicateKeys(ids: readonly string[], rows: readonly DuplicateKeyRow[]): Promise<void>;
    duplicateKeyHolders(keys: readonly string[]): Promise<DuplicateKeyRow[]>;
    putDuplicatePairs(ids: readonly string[], pairs: readonly StoredDuplicatePair[]): Promise<void>;
  },
  customers: readonly Customer[],
): Promise<void> {
  if (!customers.length) return;
  const ids = customers.map((c) => c.id);
  const rows = customers.flatMap(duplicateKeysOf);
  await store.putDuplicateKeys(ids, rows);
  const holders = await store.duplicateKeyHolders([...new Set(rows.map((r) => r.key))]);
  await store.putDuplicatePairs(ids, pairsFrom(rows, holders, latestWrite(customers)));
}

/** A pair as the SQL stores hold it. */
export type DuplicatePairRow = { a: string; b: string; score: number; reasons: string; updated_at: string; dismissed_at: string | null };

export function pairOfRow(r: DuplicatePairRow): StoredDuplicatePair {
  return { a: r.a, b: r.b, score: Number(r.score), reasons: JSON.parse(r.reasons) as DuplicateReason[], updatedAt: r.updated_at, ...(r.dismissed_at ? { dismissedAt: r.dismissed_at } : {}) };
}
