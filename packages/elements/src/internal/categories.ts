import type { Category } from '@clientela/core';

/**
 * `list` with `category` in it: replaced where its id is (unless the list already holds a newer
 * version), appended when new. The list itself is not changed.
 *
 * @example
 * this.categories = withCategory(this.categories, change.category);
 */
export function withCategory(list: readonly Category[], category: Category): Category[] {
  const at = list.findIndex((c) => c.id === category.id);
  if (at < 0) return [...list, category];
  if (list[at]!.version > category.version) return [...list];
  return list.map((c, i) => (i === at ? category : c));
}
