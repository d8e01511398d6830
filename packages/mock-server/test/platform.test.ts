import { randomBytes as nodeRandomBytes, scryptSync, createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeScrypt } from '../src/platform/node-scrypt.js';
import { createPasswordHasher, portableScrypt } from '../src/service/passwords.js';
import { base64UrlToText, fromBase64Url, sha256Hex, sha256Stream, textToBase64Url, toBase64Url } from '../src/util/bytes.js';

// The app moved from node:crypto and Buffer to Web Crypto and @noble/hashes so it also runs in a
// browser page; these pin the new code to what Node produced, so stored data stays readable.
describe.each([
  ['portable (@noble/hashes, the in-page server)', portableScrypt],
  ['node:crypto (thread pool, the Node entry)', nodeScrypt],
])('password hashing with the %s scrypt', (_name, derive) => {
  const { hash: hashPassword, verify: verifyPassword } = createPasswordHasher(derive);

  it('verifies a password hashed by Node crypto.scrypt (the format stored before)', async () => {
    const salt = nodeRandomBytes(16);
    const key = scryptSync('senha-forte-123', salt, 64, { N: 16384, r: 8, p: 1 });
    const stored = `scrypt$16384$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await verifyPassword('senha-forte-123', stored)).toBe(true);
    expect(await verifyPassword('senha-errada', stored)).toBe(false);
  });

  it('writes hashes Node crypto.scrypt agrees with', async () => {
    const stored = await hashPassword('çãé-ü 123');
    const [scheme, n, salt, hash] = stored.split('$');
    expect([scheme, n]).toEqual(['scrypt', '16384']);
    expect(scryptSync('çãé-ü 123', Buffer.from(salt!, 'base64url'), 64, { N: 16384, r: 8, p: 1 }).toString('base64url')).toBe(hash);
    expect(await verifyPassword('anything', undefined)).toBe(false);
  });
});

describe('platform-neutral encoding', () => {
  it('encodes base64url and SHA-256 exactly as Buffer and createHash did', () => {
    const bytes = nodeRandomBytes(1000);
    expect(toBase64Url(bytes)).toBe(bytes.toString('base64url'));
    expect(Buffer.from(fromBase64Url(bytes.toString('base64url'))).equals(bytes)).toBe(true);
    const text = JSON.stringify(['name', 'João Ünïcode 😀', 'cus_1']);
    expect(textToBase64Url(text)).toBe(Buffer.from(text).toString('base64url'));
    expect(base64UrlToText(Buffer.from(text).toString('base64url'))).toBe(text);
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
    const stream = sha256Stream();
    stream.update(bytes.subarray(0, 300));
    stream.update(bytes.subarray(300));
    expect(stream.hex()).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
