import { describe, expect, it } from 'vitest';
import { comparePairs, firstInOrder } from '../src/store/duplicate-rows.js';

// The memory store's page of duplicate pairs takes the first k in list order without sorting every
// pair: it must give exactly what a full sort and a slice give, ties and all.
describe('firstInOrder', () => {
  /** A small deterministic generator (mulberry32), so a failure can be replayed. */
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('gives the first k of a full sort, for any k, with many ties', () => {
    const next = random(42);
    for (let round = 0; round < 50; round++) {
      const n = Math.floor(next() * 400);
      const pairs = Array.from({ length: n }, () => ({
        score: Math.floor(next() * 5) * 10,
        a: `c${Math.floor(next() * 30)}`,
        b: `c${30 + Math.floor(next() * 30)}`,
      }));
      const sorted = [...pairs].sort(comparePairs);
      for (const k of [0, 1, 2, 7, 50, n, n + 3]) expect(firstInOrder(pairs, k, comparePairs)).toEqual(sorted.slice(0, Math.max(0, k)));
    }
  });

  it('keeps equal items in their input order, as a stable sort does', () => {
    const items = [{ v: 1, i: 0 }, { v: 0, i: 1 }, { v: 1, i: 2 }, { v: 0, i: 3 }];
    expect(firstInOrder(items, 3, (x, y) => x.v - y.v).map((x) => x.i)).toEqual([1, 3, 0]);
  });
});
