import * as z from 'zod/mini';
import { CustomerSchema } from './customer.js';

// Guest to registered (#18 §3): a storefront registration whose document or e-mail the store
// already holds does not create a second customer nor stop at a 409. The person finishes through a
// single-use link sent to the e-mail the store has on file (`purpose=claim`), which keeps the
// existing record — its orders, credits and categories — and sets the password. The answer is one
// and the same whatever the store holds (a record without a password, an account, a record without
// an e-mail), so an anonymous caller learns nothing about that record.

/**
 * `POST /public/registrations` answered 202: nothing was created; the shopper looks for an e-mail
 * to finish (and, when none arrives, contacts the store).
 */
export const RegistrationPendingSchema = z.strictObject({
  accepted: z.literal(true),
  next: z.literal('check_email'),
});

/** What a storefront registration answers: the new customer (201) or {@link RegistrationPendingSchema} (202). */
export const RegistrationResultSchema = z.union([CustomerSchema, RegistrationPendingSchema]);

export type RegistrationPending = z.infer<typeof RegistrationPendingSchema>;
export type RegistrationResult = z.infer<typeof RegistrationResultSchema>;

// The guard that tells the two answers apart is zod-free, in rules/registration-claim.ts.
export { isRegistrationPending } from '../rules/registration-claim.js';
