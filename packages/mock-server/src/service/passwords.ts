import { scryptAsync } from '@noble/hashes/scrypt.js';
import { constantTimeEqual, fromBase64Url, randomBytes, toBase64Url } from '../util/bytes.js';

const KEYLEN = 64;
const N = 16384;

// @noble/hashes instead of node:crypto so the same code hashes in a browser page; the output is
// RFC 7914 scrypt, byte for byte what Node's crypto.scrypt gave, so stored hashes stay valid.
function derive(password: string, salt: Uint8Array): Promise<Uint8Array> {
  return scryptAsync(password, salt, { N, r: 8, p: 1, dkLen: KEYLEN });
}

/** `scrypt$N$salt$hash` (base64url): the only form a password is stored in. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return `scrypt$${N}$${toBase64Url(salt)}$${toBase64Url(key)}`;
}

/** A hash of nothing, checked when the e-mail is unknown so both failures take similar time. */
const DUMMY = `scrypt$${N}$${toBase64Url(randomBytes(16))}$${toBase64Url(randomBytes(KEYLEN))}`;

function decode(text: string | undefined): Uint8Array {
  try {
    return fromBase64Url(text ?? '');
  } catch {
    return new Uint8Array(0);
  }
}

export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const [, , salt, hash] = (stored ?? DUMMY).split('$');
  const expected = decode(hash);
  const key = await derive(password, decode(salt));
  return stored !== undefined && constantTimeEqual(expected, key);
}
