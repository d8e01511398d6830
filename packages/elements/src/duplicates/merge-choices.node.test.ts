import { describe, expect, it } from 'vitest';
import type { CustomerMergePreview, DuplicatePair } from '@clientela/core';
import { defaultChoices, defaultSurvivor, groupMerges, takeOf } from './merge-choices.js';

const c = (id: string, orders: number, createdAt = '2026-01-01T00:00:00.000Z') => ({ id, stats: { ordersCount: orders }, createdAt }) as unknown as DuplicatePair['customers'][number];
const pair = (a: ReturnType<typeof c>, b: ReturnType<typeof c>) => ({ customers: [a, b] }) as unknown as DuplicatePair;

describe('merge choices', () => {
  it('keeps the record with more orders, then the older one', () => {
    expect(defaultSurvivor(c('a', 1), c('b', 3)).map((x) => x.id)).toEqual(['b', 'a']);
    expect(defaultSurvivor(c('a', 2, '2026-02-01T00:00:00.000Z'), c('b', 2, '2025-01-01T00:00:00.000Z')).map((x) => x.id)).toEqual(['b', 'a']);
  });

  it("keeps the survivor's value of each differing field unless it has none, and takes the fields chosen from the other", () => {
    const preview = { fields: [
      { field: 'email', merged: 'x@y.com', differs: true },
      { field: 'phone', survivor: '+5511987654321', merged: '+5521987654321', differs: true },
      { field: 'notes', survivor: 'a', merged: 'a', differs: false },
    ] } as unknown as CustomerMergePreview;
    const choices = defaultChoices(preview);
    expect([...choices]).toEqual([['email', 'merged'], ['phone', 'survivor']]);
    expect(takeOf(choices.set('phone', 'merged'))).toEqual(['email', 'phone']);
  });

  it('merges linked pairs into one survivor, so no record is merged into one merged in the same call', () => {
    const [a, b, d, e, f] = [c('a', 0), c('b', 5), c('d', 1), c('e', 0), c('f', 2)];
    const merges = groupMerges([pair(a, b), pair(b, d), pair(e, f)]).map((x) => `${x.merged.id}>${x.survivor.id}`).sort();
    expect(merges).toEqual(['a>b', 'd>b', 'e>f']);
  });
});
