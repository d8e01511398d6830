import { describe, expect, it } from 'vitest';
import { Selection } from './selection.js';

const loaded = ['a', 'b', 'c'];

describe('Selection', () => {
  it('starts empty', () => {
    const s = new Selection();
    expect(s.empty).toBe(true);
    expect(s.count(100)).toBe(0);
    expect(s.ids(loaded)).toEqual([]);
    expect(s.allLoaded(loaded)).toBe(false);
    expect(s.target(() => ({ q: 'x' }))).toEqual({ ids: [] });
  });

  it('toggles ids one by one', () => {
    const s = new Selection();
    s.toggle('a');
    s.toggle('c');
    expect(s.ids(loaded)).toEqual(['a', 'c']);
    expect(s.has('a') && !s.has('b')).toBe(true);
    s.toggle('a');
    expect(s.ids(loaded)).toEqual(['c']);
    expect(s.count(100)).toBe(1);
    expect(s.target(() => ({}))).toEqual({ ids: ['c'] });
  });

  it('selects every loaded row, and knows when all of them are', () => {
    const s = new Selection();
    s.setLoaded(true, loaded);
    expect(s.allLoaded(loaded)).toBe(true);
    expect(s.allLoaded([...loaded, 'd'])).toBe(false);
    expect(s.allLoaded([])).toBe(false);
    s.setLoaded(false, loaded);
    expect(s.empty).toBe(true);
  });

  it('selects all matching: counts the total, targets the filter, reports the loaded ids', () => {
    const s = new Selection();
    s.toggle('a');
    s.selectAll();
    expect(s.all).toBe(true);
    expect(s.has('never-loaded')).toBe(true);
    expect(s.count(1_000_000)).toBe(1_000_000);
    expect(s.ids(loaded)).toEqual(loaded);
    expect(s.allLoaded(loaded)).toBe(true);
    expect(s.target(() => ({ status: 'active' }))).toEqual({ filter: { status: 'active' } });
  });

  it('unticking rows of all matching keeps all matching, except those rows', () => {
    const s = new Selection();
    s.selectAll();
    s.toggle('b');
    s.toggle('far-away');
    expect(s.all).toBe(true);
    expect(s.empty).toBe(false);
    expect(s.has('b') || s.has('far-away')).toBe(false);
    expect(s.has('never-loaded')).toBe(true);
    expect(s.ids(loaded)).toEqual(['a', 'c']);
    expect(s.exceptIds).toEqual(['b', 'far-away']);
    expect(s.count(1_000_000)).toBe(999_998);
    expect(s.allLoaded(loaded)).toBe(false);
    expect(s.target(() => ({ status: 'active' }))).toEqual({ filter: { status: 'active' }, exceptIds: ['b', 'far-away'] });
    // Ticking it again takes the exception back.
    s.toggle('b');
    expect(s.exceptIds).toEqual(['far-away']);
    expect(s.allLoaded(loaded)).toBe(true);
    // Selecting all matching again starts without exceptions.
    s.selectAll();
    expect(s.target(() => ({}))).toEqual({ filter: {} });
    expect(s.count(10)).toBe(10);
  });

  it('ticking the loaded rows (or clearing) leaves all matching and its exceptions', () => {
    const s = new Selection();
    s.selectAll();
    s.toggle('a');
    s.setLoaded(true, loaded);
    expect(s.all).toBe(false);
    expect(s.exceptIds).toEqual([]);
    expect(s.target(() => ({}))).toEqual({ ids: loaded });
  });

  it('clears both ways of selecting', () => {
    const s = new Selection();
    s.selectAll();
    s.clear();
    expect(s.empty).toBe(true);
    s.toggle('a');
    s.clear();
    expect(s.empty).toBe(true);
    expect(s.has('a')).toBe(false);
  });
});
