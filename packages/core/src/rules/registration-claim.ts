// Guest to registered (#18 §3): the answer a storefront registration gets when the store already
// holds its document or e-mail (the schema is `RegistrationPendingSchema` in /schemas). Zod-free,
// so the registration form tells the answers apart without pulling the schemas in.

/**
 * Whether a registration's answer is "check your e-mail to finish" (202) rather than a new
 * customer (201).
 *
 * @example
 * const result = await client.account.register(body);
 * if (isRegistrationPending(result)) showCheckYourEmail();
 * else greet(result.firstName);
 */
export function isRegistrationPending(value: unknown): value is { accepted: true; next: 'check_email' } {
  return typeof value === 'object' && value !== null && (value as { next?: unknown }).next === 'check_email' && !('id' in value);
}
