import type { Benefits, DiscountSource } from '../schemas/benefits.js';
import type { Category } from '../schemas/category.js';
import type { Customer } from '../schemas/customer.js';

/**
 * The discounts a customer holds and the one that applies: the customer's own `discountPercent`
 * and those of their active categories (an inactive category gives none); the largest applies,
 * the customer's own first on a tie, then categories by name. A discount of 0 is not held.
 *
 * @example
 * benefitsOf({ discountPercent: 5, categoryIds: ['cat_vip'] }, [{ id: 'cat_vip', name: 'VIP', status: 'active', discountPercent: 10 }]);
 * // { discountPercent: 10, appliedFrom: { source: 'category', categoryId: 'cat_vip', name: 'VIP', discountPercent: 10 }, discounts: [… 10, … 5] }
 */
export function benefitsOf(
  customer: Pick<Customer, 'discountPercent' | 'categoryIds'>,
  categories: readonly Pick<Category, 'id' | 'name' | 'status' | 'discountPercent'>[],
): Benefits {
  const discounts: DiscountSource[] = [];
  if (customer.discountPercent) discounts.push({ source: 'customer', discountPercent: customer.discountPercent });
  const held = new Set(customer.categoryIds);
  const given = categories
    .filter((cat) => held.has(cat.id) && cat.status === 'active' && cat.discountPercent)
    .sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
  for (const cat of given) discounts.push({ source: 'category', categoryId: cat.id, name: cat.name, discountPercent: cat.discountPercent! });
  // A stable sort keeps the customer's own first on a tie.
  discounts.sort((a, b) => b.discountPercent - a.discountPercent);
  const best = discounts[0];
  return { discountPercent: best?.discountPercent ?? 0, appliedFrom: best ?? null, discounts };
}
