import { passwordIssue } from '@clientela/core/schemas';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { constantTimeEqual, fromBase64Url, randomBytes, toBase64Url } from '../util/bytes.js';

const KEYLEN = 64;
const N = 16384;
const R = 8;
const P = 1;

/** RFC 7914 scrypt: the one primitive a platform supplies (see {@link createPasswordHasher}). */
export type ScryptDerive = (password: string, salt: Uint8Array, params: { N: number; r: number; p: number; dkLen: number }) => Promise<Uint8Array>;

/**
 * The portable scrypt of @noble/hashes: pure JS, so it runs in a browser page, but on the calling
 * thread (about 50 ms of blocked event loop per hash). The Node entry injects node:crypto's
 * scrypt instead, which runs on libuv's thread pool; both give the same bytes.
 */
export const portableScrypt: ScryptDerive = (password, salt, params) => scryptAsync(password, salt, params);

export interface PasswordHasher {
  /** `scrypt$N$salt$hash` (base64url): the only form a password is stored in. */
  hash(password: string): Promise<string>;
  /** Whether `password` matches `stored`; an absent hash costs the same work and answers false. */
  verify(password: string, stored: string | undefined): Promise<boolean>;
}

function decode(text: string | undefined): Uint8Array {
  try {
    return fromBase64Url(text ?? '');
  } catch {
    return new Uint8Array(0);
  }
}

/**
 * Password hashing over a platform's scrypt. The stored format and parameters are fixed, so a hash
 * written by one platform verifies on the other.
 *
 * @example
 * const passwords = createPasswordHasher(portableScrypt);
 * const stored = await passwords.hash('senha-forte-123');
 * await passwords.verify('senha-forte-123', stored); // true
 */
export function createPasswordHasher(derive: ScryptDerive = portableScrypt): PasswordHasher {
  const params = { N, r: R, p: P, dkLen: KEYLEN };
  // A hash of nothing, checked when the e-mail is unknown so both failures take similar time.
  const dummy = `scrypt$${N}$${toBase64Url(randomBytes(16))}$${toBase64Url(randomBytes(KEYLEN))}`;
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, params);
      return `scrypt$${N}$${toBase64Url(salt)}$${toBase64Url(key)}`;
    },
    async verify(password, stored) {
      const [, , salt, hash] = (stored ?? dummy).split('$');
      const expected = decode(hash);
      const key = await derive(password, decode(salt), params);
      return stored !== undefined && constantTimeEqual(expected, key);
    },
  };
}

let common: Promise<Set<string>> | undefined;

/**
 * The most common passwords (49,000 from leaked-password corpora, as kept by the zxcvbn-ts
 * project), lowercased. Imported on first use so the browser build splits the list out and a
 * server that never checks a password never loads it.
 */
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())));
  return common;
}

/**
 * Every rule a new password breaks, as codes: core's length and trivial-pattern rules, and the
 * common-password list (`password_common`). Empty when the password is acceptable.
 */
export async function newPasswordIssues(password: string): Promise<Array<'weak_password' | 'password_trivial' | 'password_common'>> {
  const basic = passwordIssue(password);
  if (basic) return [basic];
  return (await commonPasswords()).has(password.toLowerCase()) ? ['password_common'] : [];
}
