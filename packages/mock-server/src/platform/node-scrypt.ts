import { scrypt } from 'node:crypto';
import type { ScryptDerive } from '../service/passwords.js';

/**
 * node:crypto's scrypt: the same RFC 7914 bytes as the portable one, computed on libuv's thread
 * pool, so thirty concurrent sign-ins no longer stall every other request on the event loop.
 * Imported only by the Node entry (`index.ts`); the browser entry keeps the portable one.
 */
export const nodeScrypt: ScryptDerive = (password, salt, { N, r, p, dkLen }) =>
  new Promise((resolve, reject) => {
    // maxmem above 128·N·r (the working set) so the default 32 MiB cap never refuses our N.
    scrypt(password, salt, dkLen, { N, r, p, maxmem: 256 * N * r }, (err, key) => {
      if (err) reject(err);
      else resolve(new Uint8Array(key.buffer, key.byteOffset, key.length));
    });
  });
