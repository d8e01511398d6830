import * as z from 'zod/mini';
import { isTrivialPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../rules/password-rules.js';
import { rule } from './rules.js';

/** A new password: 8 to 200 characters and not trivial (stored by the server only as a scrypt hash). */
export const PasswordSchema = z
  .string()
  .check(
    rule('weak_password', (v: string) => v.length >= PASSWORD_MIN_LENGTH && v.length <= PASSWORD_MAX_LENGTH),
    rule('password_trivial', (v: string) => v.length < PASSWORD_MIN_LENGTH || !isTrivialPassword(v)),
  );
