import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEYLEN = 64;
const N = 16384;

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEYLEN, { N, r: 8, p: 1 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$salt$hash` (base64url): the only form a password is stored in. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt);
  return `scrypt$${N}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** A hash of nothing, checked when the e-mail is unknown so both failures take similar time. */
const DUMMY = `scrypt$${N}$${randomBytes(16).toString('base64url')}$${randomBytes(KEYLEN).toString('base64url')}`;

export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const [, , salt, hash] = (stored ?? DUMMY).split('$');
  const expected = Buffer.from(hash ?? '', 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt ?? '', 'base64url'));
  return stored !== undefined && expected.length === key.length && timingSafeEqual(expected, key);
}
