import type { CustomerMerge, DuplicatePair } from '@clientela/core';
import { MERGE_MAX_PAIRS } from '@clientela/core/rules';
import { describe, expect, it } from 'vitest';
import { PairList, pairKey, type PairSource } from './pair-list.js';

/** A pair of customers `a` and `b` (only what the list reads). */
const pair = (a: string, b: string, score: number) => ({ customers: [{ id: a }, { id: b }], score, reasons: [], updatedAt: '2026-11-20T12:00:00.000Z' }) as unknown as DuplicatePair;

/** A server over `pairs` (sorted by score), paged by position; `fail` makes the next call throw. */
function server(pairs: DuplicatePair[]) {
  const state = { pairs, fail: 0, calls: [] as string[], keys: [] as string[], hold: undefined as Promise<void> | undefined };
  const source: PairSource = {
    async list({ limit, cursor }) {
      state.calls.push(`list ${cursor ?? ''}`);
      const hold = state.hold;
      if (hold) await hold;
      if (state.fail-- > 0) throw new Error('network');
      const from = Number(cursor ?? 0);
      const items = state.pairs.slice(from, from + limit);
      return { items, nextCursor: from + limit < state.pairs.length ? String(from + limit) : null };
    },
    async dismiss(ids) {
      state.calls.push(`dismiss ${ids.join('|')}`);
      if (state.fail-- > 0) throw new Error('network');
      state.pairs = state.pairs.filter((p) => pairKey(p) !== ids.join('|'));
    },
    async merge(body: CustomerMerge, { idempotencyKey }) {
      state.calls.push('merge');
      state.keys.push(idempotencyKey);
      if (state.fail-- > 0) throw new Error('network');
      const gone = new Set(body.merges.map((m) => m.mergedId));
      state.pairs = state.pairs.filter((p) => !p.customers.some((c) => gone.has(c.id)));
      return { items: [] };
    },
  };
  return { state, source };
}

function list(pairs: DuplicatePair[]) {
  const s = server(pairs);
  let updates = 0;
  let n = 0;
  const l = new PairList({ requestUpdate: () => updates++ }, () => s.source, () => `key-${++n}`);
  l.pageSize = 2;
  return { l, ...s, updates: () => updates };
}

const five = () => [pair('a', 'b', 90), pair('c', 'd', 80), pair('e', 'f', 70), pair('g', 'h', 60), pair('i', 'j', 50)];

describe('PairList', () => {
  it('reads the pairs a page at a time by score, and tells the host', async () => {
    const { l, updates } = list(five());
    expect(l.items).toBeUndefined();
    await l.reload();
    expect(l.pairs.map(pairKey)).toEqual(['a|b', 'c|d']);
    expect(l.next).toBe('2');
    await l.more();
    await l.more();
    expect(l.pairs.map((p) => p.score)).toEqual([90, 80, 70, 60, 50]);
    expect(l.next).toBeNull();
    await l.more(); // nothing more to read
    expect(updates()).toBe(3);
  });

  it('keeps the pairs shown when a page fails, and retries the read that failed', async () => {
    const { l, state } = list(five());
    await l.reload();
    state.fail = 1;
    await l.more();
    expect(l.failed?.read).toBe('more');
    expect(l.pairs).toHaveLength(2);
    await l.retry();
    expect(l.failed).toBeUndefined();
    expect(l.pairs.map(pairKey)).toEqual(['a|b', 'c|d', 'e|f', 'g|h']);
    state.fail = 1;
    await l.reload();
    expect(l.failed?.read).toBe('reload');
    expect(l.pairs).toHaveLength(4);
    await l.retry();
    expect(l.pairs.map(pairKey)).toEqual(['a|b', 'c|d']);
  });

  it('drops the answer of a read overtaken by a newer one', async () => {
    const { l, state } = list(five());
    await l.reload();
    let release!: () => void;
    state.hold = new Promise<void>((r) => (release = r));
    const slow = l.more();
    state.hold = undefined;
    state.pairs = state.pairs.slice(1);
    await l.reload(); // answers first
    release();
    await slow;
    expect(l.pairs.map(pairKey)).toEqual(['c|d', 'e|f']);
  });

  it('does not list a pair twice when the pages moved between two reads', async () => {
    const { l, state } = list(five());
    await l.reload();
    state.pairs = [pair('x', 'y', 95), ...state.pairs]; // a new pair on top: 'c|d' moves to position 2
    await l.more();
    expect(l.pairs.map(pairKey)).toEqual(['a|b', 'c|d', 'e|f']);
  });

  it('selects up to MERGE_MAX_PAIRS pairs, and a reload keeps only the ones still listed', async () => {
    const many = Array.from({ length: MERGE_MAX_PAIRS + 1 }, (_, i) => pair(`p${i}`, `q${i}`, 100 - i));
    const { l, state } = list(many);
    l.pageSize = 200;
    await l.reload();
    for (const p of many.slice(0, MERGE_MAX_PAIRS)) expect(l.toggle(p, true)).toBe(true);
    expect(l.full).toBe(true);
    expect(l.toggle(many[MERGE_MAX_PAIRS]!, true)).toBe(false);
    expect(l.toggle(many[0]!, false)).toBe(true);
    expect(l.full).toBe(false);
    state.pairs = state.pairs.filter((p) => p !== many[1]);
    await l.reload();
    expect(l.selected.size).toBe(MERGE_MAX_PAIRS - 2);
    expect(l.selectedPairs.map(pairKey)).not.toContain('p1|q1');
  });

  it('dismisses a pair and reads the list again', async () => {
    const { l, state } = list(five());
    await l.reload();
    await l.dismiss(l.pairs[0]!);
    expect(state.calls).toContain('dismiss a|b');
    expect(l.pairs.map(pairKey)).toEqual(['c|d', 'e|f']);
    expect(l.busy).toBe(false);
  });

  it('merges many pairs in one call; a failed merge throws, keeps the selection, and its retry sends the same idempotency key', async () => {
    const { l, state } = list(five());
    await l.reload();
    l.toggle(l.pairs[0]!, true);
    l.toggle(l.pairs[1]!, true);
    const merges = [{ survivorId: 'a', mergedId: 'b' }, { survivorId: 'c', mergedId: 'd' }];
    state.fail = 1;
    await expect(l.merge(merges)).rejects.toThrow('network');
    expect(l.busy).toBe(false);
    expect(l.selected.size).toBe(2);
    await l.merge(merges);
    expect(state.keys).toEqual(['key-1', 'key-1']);
    expect(l.selected.size).toBe(0);
    expect(l.pairs.map(pairKey)).toEqual(['e|f', 'g|h']);
    // Another merge (other choices) is another request: a new key.
    await l.merge([{ survivorId: 'e', mergedId: 'f', take: ['phone'] }]);
    expect(state.keys.at(-1)).toBe('key-2');
  });
});
