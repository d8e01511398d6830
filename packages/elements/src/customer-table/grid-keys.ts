/** A focus position in the grid: a row index (-1 = header) and a column index (0 = selection). */
export interface GridPosition {
  row: number;
  col: number;
}

/** What the grid holds: `rows` data rows, `cols` columns (the selection one included), `page` rows per PageUp/PageDown. */
export interface GridBounds {
  rows: number;
  cols: number;
  page: number;
}

/**
 * Where a navigation key moves the focus, by the ARIA grid pattern (arrows, Home/End,
 * Ctrl/⌘+Home/End, PageUp/PageDown); undefined for any other key. No DOM.
 */
export function gridMove(key: string, mod: boolean, { row, col }: GridPosition, { rows, cols, page }: GridBounds): GridPosition | undefined {
  const last = rows - 1;
  switch (key) {
    case 'ArrowDown':
      return { row: Math.min(last, row + 1), col };
    case 'ArrowUp':
      return { row: Math.max(-1, row - 1), col };
    case 'ArrowRight':
      return { row, col: Math.min(cols - 1, col + 1) };
    case 'ArrowLeft':
      return { row, col: Math.max(0, col - 1) };
    case 'Home':
      return { row: mod ? Math.min(0, last) : row, col: 0 };
    case 'End':
      return { row: mod ? last : row, col: cols - 1 };
    case 'PageDown':
      return { row: Math.min(last, Math.max(0, row) + page), col };
    case 'PageUp':
      return { row: Math.max(row < 0 ? -1 : 0, row - page), col };
    default:
      return undefined;
  }
}
