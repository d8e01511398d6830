/** What a key does in an open menu of `count` items whose item `index` has focus. */
export type MenuMove = { focus: number } | { close: true } | undefined;

/**
 * The WAI-ARIA menu keys: arrows move (wrapping), Home/End jump, Escape closes; anything else is
 * left to the item (Enter and Space activate a button by themselves).
 *
 * @example
 * menuMove('ArrowDown', 2, 3); // { focus: 0 }
 */
export function menuMove(key: string, index: number, count: number): MenuMove {
  if (!count) return key === 'Escape' ? { close: true } : undefined;
  switch (key) {
    case 'ArrowDown':
      return { focus: (index + 1) % count };
    case 'ArrowUp':
      return { focus: (index - 1 + count) % count };
    case 'Home':
      return { focus: 0 };
    case 'End':
      return { focus: count - 1 };
    case 'Escape':
      return { close: true };
  }
  return undefined;
}
