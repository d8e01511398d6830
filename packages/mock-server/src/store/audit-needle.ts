/**
 * A value as it appears inside the stored JSON of an audit entry (a JSON string's content, quotes
 * and backslashes escaped), so the stores can look for it in the text they keep.
 *
 * @example
 * auditNeedle('Ana "Nina" Souza') // 'Ana \\"Nina\\" Souza'
 */
export function auditNeedle(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
