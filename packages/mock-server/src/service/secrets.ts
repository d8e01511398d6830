import { HttpProblem } from '../http/problem.js';
import { fromBase64Url, randomBytes, sha256Hex, toBase64Url } from '../util/bytes.js';

// Secrets at rest (#17): the channel settings' SMTP password and gateway secrets, the webhook
// endpoints' signing secrets and the Web Push private key are kept in the store sealed with
// AES-256-GCM (Web Crypto: node:crypto's implementation in Node, the browser's in a page), so a
// copy of the database file or a backup does not hand them out. The key comes from
// `--secrets-key` / `CLIENTELA_SECRETS_KEY`: 32 random bytes in base64 (`openssl rand -base64 32`),
// several separated by commas when rotating (the first seals, all open).
//
// A sealed value is `sealed:v1:<key id>:<iv>:<ciphertext and tag>` (base64url). The key id is the
// first 8 hex digits of the key's SHA-256, so a value names the key that opens it; the associated
// data binds it to its place (`webhook-endpoint:we_…`), so a value copied into another row does not
// open there. A value without the prefix is a plain value stored before sealing began: it is read
// as is, and re-sealed under the current key at start (`resealSecrets`).

const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;

/** Bytes a secrets key must have. */
export const SECRETS_KEY_BYTES = 32;

/** A sealed value that the configured keys cannot open: a missing or wrong `--secrets-key`, or tampering. */
export class SecretsKeyError extends Error {
  override readonly name = 'SecretsKeyError';
}

/**
 * Reads `--secrets-key`: one or more keys, comma-separated, each 32 bytes in base64 or base64url.
 * Throws an `Error` whose message says what is wrong (never echoing the key).
 */
export function parseSecretsKeys(text: string): Uint8Array[] {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.length) throw new Error('--secrets-key is empty: give 32 random bytes in base64, e.g. the output of `openssl rand -base64 32`');
  return parts.map((p, i) => {
    let bytes: Uint8Array;
    try {
      if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(p)) throw new Error('alphabet');
      bytes = fromBase64Url(p.replace(/=+$/, ''));
    } catch {
      throw new Error(`--secrets-key: key ${i + 1} is not base64: give 32 random bytes in base64, e.g. the output of \`openssl rand -base64 32\``);
    }
    if (bytes.length !== SECRETS_KEY_BYTES) throw new Error(`--secrets-key: key ${i + 1} has ${bytes.length} bytes, not ${SECRETS_KEY_BYTES}: give the output of \`openssl rand -base64 32\``);
    return bytes;
  });
}

/** The id a sealed value names its key by: 8 hex digits of the key's SHA-256 (says nothing usable about the key). */
export function secretsKeyId(key: Uint8Array): string {
  return sha256Hex(key).slice(0, 8);
}

/**
 * Seals and opens secrets with the configured keys. `configured` is false on a store that has no
 * key (PostgreSQL without `--secrets-key`): plain values stored earlier are still read, but a new
 * secret is refused with `secrets_key_required` (409) rather than stored readable.
 *
 * @example
 * const box = SecretBox.fromKeys(parseSecretsKeys(process.env.CLIENTELA_SECRETS_KEY!));
 * const stored = await box.seal('hunter2', 'settings:channels');
 * await box.open(stored, 'settings:channels'); // 'hunter2'
 */
export class SecretBox {
  readonly #keys: { id: string; key: Promise<CryptoKey> }[];

  private constructor(keys: readonly Uint8Array[]) {
    this.#keys = keys.map((raw) => ({ id: secretsKeyId(raw), key: globalThis.crypto.subtle.importKey('raw', raw as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']) }));
  }

  /** A box over the keys given (the first seals). */
  static fromKeys(keys: readonly Uint8Array[]): SecretBox {
    return new SecretBox(keys);
  }

  /** A box with a random key that lives as long as this process (the in-memory store: its data goes with it). */
  static processLocal(): SecretBox {
    return new SecretBox([randomBytes(SECRETS_KEY_BYTES)]);
  }

  /** A box without a key: reads plain values, refuses to seal. */
  static none(): SecretBox {
    return new SecretBox([]);
  }

  get configured(): boolean {
    return this.#keys.length > 0;
  }

  /** The id of the key that seals (undefined without a key). */
  get currentKeyId(): string | undefined {
    return this.#keys[0]?.id;
  }

  /** True when `value` was sealed with a key (any); false for a plain value. */
  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  /** True when `value` is not sealed under the current key (plain, or an older key's): re-seal it. */
  isStale(value: string): boolean {
    return !value.startsWith(`${PREFIX}${this.currentKeyId ?? ''}:`);
  }

  /** Seals `plain` for the place `context` names. Without a key: `secrets_key_required` (409). */
  async seal(plain: string, context: string): Promise<string> {
    const current = this.#keys[0];
    if (!current) throw new HttpProblem('secrets_key_required', 409);
    const iv = randomBytes(IV_BYTES);
    const sealed = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: new TextEncoder().encode(context) }, await current.key, new TextEncoder().encode(plain));
    return `${PREFIX}${current.id}:${toBase64Url(iv)}:${toBase64Url(new Uint8Array(sealed))}`;
  }

  /** Opens a value sealed for `context` (a plain value is answered as is); a {@link SecretsKeyError} when the keys cannot. */
  async open(value: string, context: string): Promise<string> {
    if (!SecretBox.isSealed(value)) return value;
    const [kid, iv, data] = value.slice(PREFIX.length).split(':');
    const entry = this.#keys.find((k) => k.id === kid);
    if (!entry) {
      throw new SecretsKeyError(
        this.#keys.length
          ? `a stored secret (${context}) was sealed with key ${kid}, which --secrets-key does not hold (it holds ${this.#keys.map((k) => k.id).join(', ')}): give that key, after the new one when rotating`
          : `a stored secret (${context}) was sealed with key ${kid}, and no --secrets-key (CLIENTELA_SECRETS_KEY) is configured`,
      );
    }
    try {
      const plain = await globalThis.crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(iv ?? '') as BufferSource, additionalData: new TextEncoder().encode(context) }, await entry.key, fromBase64Url(data ?? '') as BufferSource);
      return new TextDecoder().decode(plain);
    } catch {
      throw new SecretsKeyError(`a stored secret (${context}) does not open with key ${kid}: it was altered or moved from another record`);
    }
  }

  /** `value` sealed under the current key: as is when it already is, re-sealed otherwise (plain or an older key). */
  async reseal(value: string, context: string): Promise<string> {
    if (!this.isStale(value)) {
      await this.open(value, context);
      return value;
    }
    return this.seal(await this.open(value, context), context);
  }
}
