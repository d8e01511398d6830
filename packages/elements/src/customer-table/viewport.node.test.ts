import { describe, expect, it } from 'vitest';
import { gridMove } from './grid-keys.js';
import { MAX_SCROLL, revealOffset, scrollScale, spacerHeight, visibleRange } from './viewport.js';

describe('viewport arithmetic', () => {
  const small = { total: 1000, row: 44, viewport: 440 };
  const million = { total: 1_000_000, row: 44, viewport: 440 };

  it('scrolls a short list one to one', () => {
    expect(spacerHeight(small)).toBe(44_000);
    expect(scrollScale(small)).toBe(1);
    expect(visibleRange(0, small)).toEqual({ start: 0, end: 11, offset: 0 });
    expect(visibleRange(66, small)).toEqual({ start: 1, end: 12, offset: -22 });
    expect(visibleRange(1_000_000, small).end).toBe(1000);
  });

  it('compresses the scroll range past 15M px, and still reaches the last row', () => {
    expect(spacerHeight(million)).toBe(MAX_SCROLL);
    const scale = scrollScale(million);
    expect(scale).toBeGreaterThan(2.9);
    expect(scale).toBeLessThan(3);
    const bottom = visibleRange(MAX_SCROLL - million.viewport, million);
    expect(bottom.end).toBe(1_000_000);
    expect(bottom.start).toBe(1_000_000 - 10);
    const middle = visibleRange((MAX_SCROLL - million.viewport) / 2, million);
    expect(Math.abs(middle.start - 500_000)).toBeLessThan(10);
  });

  it('scrolls the least to reveal a row, in scaled lists too', () => {
    expect(revealOffset(5, 0, small)).toBeUndefined();
    expect(revealOffset(10, 0, small)).toBe(11 * 44 - 440);
    expect(revealOffset(2, 500, small)).toBe(88);
    const top = revealOffset(700_000, 0, million)!;
    const range = visibleRange(top, million);
    expect(range.start <= 700_000 && 700_000 < range.end).toBe(true);
  });
});

describe('gridMove', () => {
  const bounds = { rows: 100, cols: 5, page: 9 };
  it('moves by the arrows within the grid, the header being row -1', () => {
    expect(gridMove('ArrowDown', false, { row: -1, col: 1 }, bounds)).toEqual({ row: 0, col: 1 });
    expect(gridMove('ArrowDown', false, { row: 99, col: 1 }, bounds)).toEqual({ row: 99, col: 1 });
    expect(gridMove('ArrowUp', false, { row: -1, col: 1 }, bounds)).toEqual({ row: -1, col: 1 });
    expect(gridMove('ArrowRight', false, { row: 3, col: 4 }, bounds)).toEqual({ row: 3, col: 4 });
    expect(gridMove('ArrowLeft', false, { row: 3, col: 0 }, bounds)).toEqual({ row: 3, col: 0 });
  });
  it('goes to the row ends with Home/End, and the grid ends with Ctrl', () => {
    expect(gridMove('Home', false, { row: 3, col: 2 }, bounds)).toEqual({ row: 3, col: 0 });
    expect(gridMove('End', false, { row: 3, col: 2 }, bounds)).toEqual({ row: 3, col: 4 });
    expect(gridMove('Home', true, { row: 30, col: 2 }, bounds)).toEqual({ row: 0, col: 0 });
    expect(gridMove('End', true, { row: 3, col: 2 }, bounds)).toEqual({ row: 99, col: 4 });
  });
  it('pages by the rows in view, from the header into the rows and back to the first', () => {
    expect(gridMove('PageDown', false, { row: -1, col: 1 }, bounds)).toEqual({ row: 9, col: 1 });
    expect(gridMove('PageDown', false, { row: 95, col: 1 }, bounds)).toEqual({ row: 99, col: 1 });
    expect(gridMove('PageUp', false, { row: 5, col: 1 }, bounds)).toEqual({ row: 0, col: 1 });
    expect(gridMove('PageUp', false, { row: -1, col: 1 }, bounds)).toEqual({ row: -1, col: 1 });
  });
  it('ignores other keys', () => {
    expect(gridMove('a', false, { row: 0, col: 0 }, bounds)).toBeUndefined();
  });
});
