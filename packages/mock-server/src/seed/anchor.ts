/** Seeded dates are relative to this fixed instant, so a seed value gives the same data on any day. */
export const SEED_ANCHOR_MS = Date.parse('2026-11-01T12:00:00.000Z');
