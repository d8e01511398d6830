import * as z from 'zod/mini';
import { rule } from './rules.js';

/** A new password: 8 to 200 characters (stored by the server only as a scrypt hash). */
export const PasswordSchema = z.string().check(rule('weak_password', (v: string) => v.length >= 8 && v.length <= 200));
