import { describe, expect, it } from 'vitest';
import { TabCounts } from './tab-counts.js';

/** A count that answers when told to, so the test orders the answers. */
function deferredCounts() {
  const pending: { query: Record<string, unknown>; kind: string; signal: AbortSignal; resolve(n: number): void; reject(e: Error): void }[] = [];
  const count = (query: Record<string, unknown>, kind: string, signal: AbortSignal) =>
    new Promise<number>((resolve, reject) => pending.push({ query, kind, signal, resolve, reject }));
  return { pending, count };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('TabCounts', () => {
  it('counts each kind for the query, and sums them', async () => {
    const { pending, count } = deferredCounts();
    let changes = 0;
    const counts = new TabCounts({ count, changed: () => changes++ });
    const done = counts.load({ q: 'ana' });
    expect(pending.map((p) => [p.query, p.kind])).toEqual([[{ q: 'ana' }, 'person'], [{ q: 'ana' }, 'company']]);
    expect(counts.for({ q: 'ana' })).toEqual({});
    pending[0]!.resolve(3);
    pending[1]!.resolve(4);
    await done;
    expect(counts.for({ q: 'ana' })).toEqual({ person: 3, company: 4, all: 7 });
    expect(counts.for({ q: 'bia' }), 'another query has no counts').toEqual({});
    expect(changes).toBe(2);
  });

  it('drops the counts of the previous query at once, and never takes its late answer', async () => {
    const { pending, count } = deferredCounts();
    const counts = new TabCounts({ count, changed: () => {} });
    const first = counts.load({ q: 'a' });
    pending[0]!.resolve(1);
    pending[1]!.resolve(1);
    await first;
    const slow = counts.load({ q: 'ab' });
    expect(counts.for({ q: 'a' }), 'the old counts are gone as the new query starts').toEqual({});
    const fast = counts.load({ q: 'abc' });
    expect(pending[2]!.signal.aborted, 'the older count is aborted').toBe(true);
    pending[4]!.resolve(5);
    pending[5]!.resolve(6);
    await fast;
    // The aborted request still answers (a fetch that ignored its signal): it must not win.
    pending[2]!.resolve(100);
    pending[3]!.resolve(100);
    await slow;
    expect(counts.for({ q: 'abc' })).toEqual({ person: 5, company: 6, all: 11 });
    expect(counts.for({ q: 'ab' })).toEqual({});
  });

  it('tries a failed count again, at most three times, and shows nothing meanwhile', async () => {
    const { pending, count } = deferredCounts();
    const waits: number[] = [];
    const counts = new TabCounts({ count, changed: () => {}, wait: async (attempt) => void waits.push(attempt) });
    const done = counts.load({ status: 'active' });
    for (let attempt = 0; attempt < 4; attempt++) {
      await flush();
      expect(counts.for({ status: 'active' })).toEqual({});
      pending[attempt * 2]!.reject(new Error('503'));
      pending[attempt * 2 + 1]!.resolve(1);
    }
    await done;
    expect(waits).toEqual([0, 1, 2]);
    expect(pending).toHaveLength(8);
    expect(counts.for({ status: 'active' })).toEqual({});
  });

  it('succeeds on a retry', async () => {
    const { pending, count } = deferredCounts();
    const counts = new TabCounts({ count, changed: () => {}, wait: async () => {} });
    const done = counts.load({});
    pending[0]!.reject(new Error('timeout'));
    pending[1]!.resolve(2);
    await flush();
    pending[2]!.resolve(8);
    pending[3]!.resolve(2);
    await done;
    expect(counts.for({})).toEqual({ person: 8, company: 2, all: 10 });
  });

  it('stops retrying once the query changed or the element left', async () => {
    const { pending, count } = deferredCounts();
    let release!: () => void;
    const counts = new TabCounts({ count, changed: () => {}, wait: () => new Promise((r) => (release = r)) });
    const done = counts.load({ q: 'x' });
    pending[0]!.reject(new Error('offline'));
    pending[1]!.resolve(0);
    await flush();
    counts.dispose();
    release();
    await done;
    expect(pending).toHaveLength(2);
  });
});
