import type { Locale } from '@clientela/core/i18n';
import { duplicateDocument } from '../service/customers.js';
import type { StoreConflict } from '../store/types.js';
import { fieldIssue, HttpProblem } from './problem.js';

/**
 * The 409 of a write the store refused because another record holds a unique value: the same
 * answer a route gives when its own check finds the holder first (the store's refusal covers the
 * race in which two requests both passed that check).
 */
export function conflictProblem(e: StoreConflict, locale: Locale): HttpProblem {
  if (e.rule === 'document') return duplicateDocument(e.holderId, locale);
  if (e.rule === 'order_number') return new HttpProblem('duplicate_order_number', 409, { ...(e.holderId ? { existingId: e.holderId } : {}), errors: [fieldIssue('number', 'duplicate_order_number', locale)] });
  if (e.rule === 'unit_name' || e.rule === 'unit_id') {
    const [path, code] = e.rule === 'unit_name' ? (['name', 'duplicate_unit_name'] as const) : (['id', 'duplicate_unit_id'] as const);
    return new HttpProblem('duplicate_unit', 409, { ...(e.holderId ? { existingId: e.holderId } : {}), errors: [fieldIssue(path, code, locale)] });
  }
  if (e.rule === 'external_id') return new HttpProblem('duplicate_external_id', 409, { ...(e.holderId ? { existingId: e.holderId } : {}), errors: [fieldIssue('externalId', 'duplicate_external_id', locale)] });
  return new HttpProblem('duplicate_name', 409, { ...(e.holderId ? { existingId: e.holderId } : {}), errors: [fieldIssue('name', 'duplicate_name', locale)] });
}
