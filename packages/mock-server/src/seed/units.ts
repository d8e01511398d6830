import type { Unit } from '@clientela/core/schemas';
import { SEED_ANCHOR_MS } from './anchor.js';

const at = new Date(SEED_ANCHOR_MS - 6 * 365 * 86_400_000).toISOString();
const unit = (id: string, name: string): Unit => ({ id, name, status: 'active', createdAt: at, updatedAt: at, version: 1 });

/** The seeded business's units: the online store and two physical stores, a street one and a mall one. */
export const SEED_UNITS: readonly Unit[] = [
  unit('loja_online', 'Loja online'),
  unit('loja_centro', 'Loja Rua Augusta'),
  unit('loja_shopping', 'Loja Shopping Ibirapuera'),
];

/**
 * The unit of a seeded order, drawn from nothing random (the seed's other draws stay as they
 * were): orders from the online store are the online unit's; a point-of-sale customer buys at
 * one store (by its position), and one order in four at the other.
 */
export function seedUnitOf(source: 'storefront' | 'pos', customerIndex: number, orderIndex: number): string {
  if (source === 'storefront') return 'loja_online';
  const home = customerIndex % 2;
  return (orderIndex % 4 === 3 ? 1 - home : home) === 0 ? 'loja_centro' : 'loja_shopping';
}
