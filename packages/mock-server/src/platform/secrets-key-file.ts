import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/**
 * The secrets key of a SQLite store given without `--secrets-key`: read from `<db>.secrets-key`
 * beside the database file, created there once (32 random bytes in base64, mode 0600, readable by
 * the server's user alone) when it does not exist. A copy of the database file alone — a backup,
 * a file sent for support — then holds no usable secret; keep the key file out of such copies,
 * or give `--secrets-key` and keep the key elsewhere.
 *
 * @example
 * createApp({ db: 'loja.db', secretsKey: sqliteSecretsKey('loja.db') });
 */
export function sqliteSecretsKey(db: string): string {
  const file = `${db}.secrets-key`;
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const key = randomBytes(32).toString('base64');
  // Written whole to a file of this process, then linked into place: a link is atomic and fails
  // when the name exists, so a second process starting at the same moment reads the first one's
  // complete key, never a half-written file, and never overwrites it.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${key}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw e;
  } finally {
    rmSync(draft, { force: true });
  }
}
