/**
 * Chromium caps an element's height near 33.5 million px, so beyond this the scroll range is
 * compressed: scroll offset × scale = virtual offset (1,000,000 rows × 44 px need a scale of ~3).
 */
export const MAX_SCROLL = 15_000_000;

/** The arithmetic of a virtual list of fixed-height rows; no DOM. */
export interface ViewportSize {
  /** Rows in the list. */
  total: number;
  /** Height of one row (px). */
  row: number;
  /** Height of the visible area (px). */
  viewport: number;
}

/** Height of the scrollable body: the rows' height, compressed past {@link MAX_SCROLL}. */
export function spacerHeight({ total, row }: ViewportSize): number {
  return Math.min(total * row, MAX_SCROLL);
}

/** Virtual px per scroll px (1 unless the list is taller than {@link MAX_SCROLL}). */
export function scrollScale(size: ViewportSize): number {
  const content = size.total * size.row;
  const spacer = spacerHeight(size);
  if (content <= spacer || spacer <= size.viewport) return 1;
  return (content - size.viewport) / (spacer - size.viewport);
}

/** The rows in view at `scrollTop`, `[start, end)`, and the first one's offset from the top. */
export function visibleRange(scrollTop: number, size: ViewportSize): { start: number; end: number; offset: number } {
  const virtualTop = scrollTop * scrollScale(size);
  const start = Math.max(0, Math.floor(virtualTop / size.row));
  const end = Math.min(size.total, start + Math.ceil(size.viewport / size.row) + 1);
  return { start, end, offset: start * size.row - virtualTop };
}

/** The scroll offset that brings row `index` fully in view with the least move, or undefined if it is. */
export function revealOffset(index: number, scrollTop: number, size: ViewportSize): number | undefined {
  const scale = scrollScale(size);
  const virtualTop = scrollTop * scale;
  const rowTop = index * size.row;
  let target = virtualTop;
  if (rowTop < virtualTop) target = rowTop;
  else if (rowTop + size.row > virtualTop + size.viewport) target = rowTop + size.row - size.viewport;
  return target === virtualTop ? undefined : Math.ceil(target / scale);
}
