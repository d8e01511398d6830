import type { Category } from '../schemas/category.js';
import type { Customer } from '../schemas/customer.js';
import type { BulkRequest, BulkResult, ImportReport } from '../schemas/operations.js';
import type { Order } from '../schemas/order.js';
import type { Unit } from '../schemas/unit.js';

/**
 * A write made through a client, as the client saw it succeed. Event names follow the server's
 * change feed (`customer.updated`, `category.created`…).
 */
export type ClientChange =
  | { type: 'customer.created' | 'customer.updated'; customer: Customer }
  | { type: 'customer.deleted'; id: string }
  | { type: 'customer.bulk'; request: BulkRequest; result: BulkResult }
  | { type: 'category.created' | 'category.updated'; category: Category }
  | { type: 'order.created' | 'order.updated'; order: Order }
  | { type: 'credit.granted' | 'credit.redeemed'; customerId: string }
  | { type: 'import.completed'; report: ImportReport }
  | { type: 'unit.created' | 'unit.updated'; unit: Unit }
  | { type: 'unit.deleted'; id: string };

export type ChangeListener = (change: ClientChange) => void;

/**
 * What one client knows it changed, for everything on the page that talks through it: a category
 * created in one element reaches the lists of the others without a reload. Plain callbacks, no
 * DOM, so it works in Node too. A listener that throws does not stop the others.
 */
export class ChangeFeed {
  #listeners = new Set<ChangeListener>();

  /**
   * Calls `listener` after each successful write made through this client; returns the function
   * that stops it.
   *
   * @example
   * const stop = client.changes.subscribe((change) => {
   *   if (change.type === 'category.created') categories.push(change.category);
   * });
   */
  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Tells every listener about `change` (the client calls this; a page may too, for writes made elsewhere). */
  emit(change: ClientChange): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(change);
      } catch (error) {
        // One broken listener must not keep the change from the others, nor fail the write.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
