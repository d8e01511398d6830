import type { CustomerMergePreview, DuplicatePair, MergeField } from '@clientela/core';

// What the admin chooses when merging, without DOM: which record stays, and per field whose value.

type Listed = DuplicatePair['customers'][number];

/** The record that stays by default: the one with more orders, then the older one. */
export function defaultSurvivor(a: Listed, b: Listed): [survivor: Listed, merged: Listed] {
  if (a.stats.ordersCount !== b.stats.ordersCount) return a.stats.ordersCount > b.stats.ordersCount ? [a, b] : [b, a];
  return a.createdAt <= b.createdAt ? [a, b] : [b, a];
}

const empty = (v: unknown) => v === undefined || v === null || v === '';

/** Per differing field, whose value is kept by default: the survivor's, unless it has none and the other has one. */
export function defaultChoices(preview: CustomerMergePreview): Map<MergeField, 'survivor' | 'merged'> {
  const out = new Map<MergeField, 'survivor' | 'merged'>();
  for (const f of preview.fields) if (f.differs) out.set(f.field, empty(f.survivor) && !empty(f.merged) ? 'merged' : 'survivor');
  return out;
}

/** The `take` of a merge: the fields whose value comes from the merged record. */
export function takeOf(choices: ReadonlyMap<MergeField, 'survivor' | 'merged'>): MergeField[] {
  return [...choices].filter(([, who]) => who === 'merged').map(([f]) => f);
}

/**
 * Pairs selected together may share customers (A–B and B–C are one person): each group of linked
 * customers merges into one survivor (most orders, then oldest), so no record is merged into one
 * that is itself merged in the same call.
 */
export function groupMerges(pairs: readonly DuplicatePair[]): { survivor: Listed; merged: Listed }[] {
  const parent = new Map<string, string>();
  const byId = new Map<string, Listed>();
  const find = (id: string): string => {
    const p = parent.get(id) ?? id;
    if (p === id) return id;
    const root = find(p);
    parent.set(id, root);
    return root;
  };
  for (const { customers: [a, b] } of pairs) {
    byId.set(a.id, a);
    byId.set(b.id, b);
    parent.set(find(a.id), find(b.id));
  }
  const groups = new Map<string, Listed[]>();
  for (const id of byId.keys()) groups.set(find(id), [...(groups.get(find(id)) ?? []), byId.get(id)!]);
  const out: { survivor: Listed; merged: Listed }[] = [];
  for (const members of groups.values()) {
    const survivor = members.reduce((best, c) => defaultSurvivor(best, c)[0]);
    for (const c of members) if (c.id !== survivor.id) out.push({ survivor, merged: c });
  }
  return out;
}
