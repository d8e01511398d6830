import type { CustomerMerge, CustomerMergeResult, DuplicatePage, DuplicatePair } from '@clientela/core';
import { MERGE_MAX_PAIRS } from '@clientela/core/rules';

// The data of `<cl-duplicates>`, without DOM: the pairs by score a page at a time, the selection
// for "Unir selecionados", dismissal and merging, and a retry of what failed. Unit-tested in Node
// (pair-list.node.test.ts).

/** The calls the list makes (the element's client; `undefined` while it has none). */
export interface PairSource {
  list(query: { limit: number; cursor?: string }): Promise<DuplicatePage>;
  dismiss(customerIds: [string, string]): Promise<unknown>;
  merge(body: CustomerMerge, options: { idempotencyKey: string }): Promise<CustomerMergeResult>;
}

/** Who is told when the list changed (the element: `requestUpdate`). */
export interface PairListHost {
  requestUpdate(): void;
}

/** A pair's key: its two customer ids (the lower first, as the server sends them). */
export const pairKey = (p: DuplicatePair): string => `${p.customers[0].id}|${p.customers[1].id}`;

export class PairList {
  /** The pairs read so far, most likely first; `undefined` before the first page arrives. */
  items: DuplicatePair[] | undefined;
  /** The cursor of the next page, `null` when every pair is read. */
  next: string | null = null;
  /** The keys of the pairs ticked for "Unir selecionados" (at most `MERGE_MAX_PAIRS`). */
  selected: ReadonlySet<string> = new Set();
  /** A dismissal or a merge is running. */
  busy = false;
  /** The page read that failed, until `retry()` (or a new read) succeeds. */
  failed: { read: 'reload' | 'more'; error: unknown } | undefined;
  /** Pairs read per page (1–200). */
  pageSize = 20;

  /** Each read bumps it: the answer of a read overtaken by a newer one is dropped. */
  #generation = 0;
  /**
   * The idempotency key of each merge asked for and not yet answered, by what it merges: a retry
   * of the same merges (after a network failure, an answer lost) sends the same key, so the server
   * replays rather than merges twice; different choices are a different request.
   */
  readonly #keys = new Map<string, string>();

  constructor(
    private readonly host: PairListHost,
    private readonly source: () => PairSource | undefined,
    private readonly newKey: () => string = () => crypto.randomUUID(),
  ) {}

  /** The pairs shown. */
  get pairs(): DuplicatePair[] {
    return this.items ?? [];
  }

  /** The ticked pairs, in list order. */
  get selectedPairs(): DuplicatePair[] {
    return this.pairs.filter((p) => this.selected.has(pairKey(p)));
  }

  /** Whether the selection is full (`MERGE_MAX_PAIRS`, what one merge call takes). */
  get full(): boolean {
    return this.selected.size >= MERGE_MAX_PAIRS;
  }

  /** Reads the first page again; the selection keeps only the pairs still listed. */
  async reload(): Promise<void> {
    const api = this.source();
    if (!api) return;
    const generation = ++this.#generation;
    try {
      const page = await api.list({ limit: this.pageSize });
      if (generation !== this.#generation) return;
      this.items = page.items;
      this.next = page.nextCursor;
      const listed = new Set(page.items.map(pairKey));
      this.selected = new Set([...this.selected].filter((k) => listed.has(k)));
      this.failed = undefined;
    } catch (error) {
      if (generation === this.#generation) this.failed = { read: 'reload', error };
    }
    this.host.requestUpdate();
  }

  /** Reads the next page (pairs already listed, moved up by a change meanwhile, are not shown twice). */
  async more(): Promise<void> {
    const api = this.source();
    const cursor = this.next;
    if (!api || !cursor) return;
    const generation = ++this.#generation;
    try {
      const page = await api.list({ limit: this.pageSize, cursor });
      if (generation !== this.#generation) return;
      const seen = new Set(this.pairs.map(pairKey));
      this.items = [...this.pairs, ...page.items.filter((p) => !seen.has(pairKey(p)))];
      this.next = page.nextCursor;
      this.failed = undefined;
    } catch (error) {
      if (generation === this.#generation) this.failed = { read: 'more', error };
    }
    this.host.requestUpdate();
  }

  /** Repeats the read that failed. */
  retry(): Promise<void> {
    return this.failed?.read === 'more' ? this.more() : this.reload();
  }

  /** Ticks or unticks a pair; a tick past `MERGE_MAX_PAIRS` is refused (returns false). */
  toggle(p: DuplicatePair, on: boolean): boolean {
    const key = pairKey(p);
    if (on && !this.selected.has(key) && this.full) return false;
    const next = new Set(this.selected);
    if (on) next.add(key);
    else next.delete(key);
    this.selected = next;
    this.host.requestUpdate();
    return true;
  }

  /** "Não é duplicado": the pair is not listed again. Throws what the server answered. */
  async dismiss(p: DuplicatePair): Promise<void> {
    await this.#run((api) => api.dismiss([p.customers[0].id, p.customers[1].id]));
    await this.reload();
  }

  /**
   * Merges pairs in one call (all or none, on the server); on success the merged records leave
   * the list and the selection. Throws what the server answered, keeping the key for a retry.
   */
  async merge(merges: CustomerMerge['merges']): Promise<CustomerMergeResult> {
    const what = JSON.stringify(merges);
    let key = this.#keys.get(what);
    if (!key) this.#keys.set(what, (key = this.newKey()));
    const result = await this.#run((api) => api.merge({ merges }, { idempotencyKey: key }));
    this.#keys.delete(what);
    const gone = new Set(merges.map((m) => m.mergedId));
    this.items = this.items?.filter((p) => !p.customers.some((c) => gone.has(c.id)));
    this.selected = new Set([...this.selected].filter((k) => !k.split('|').some((id) => gone.has(id))));
    await this.reload();
    return result;
  }

  async #run<T>(call: (api: PairSource) => Promise<T>): Promise<T> {
    const api = this.source();
    if (!api) throw new Error('no client');
    this.busy = true;
    this.host.requestUpdate();
    try {
      return await call(api);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
