import { sha256 as sha256Hash } from '@noble/hashes/sha2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

// Platform-neutral byte helpers: the app runs in Node and in a browser page (the in-page mock
// server of the docs and demos), so it uses Web Crypto's getRandomValues, btoa/atob and
// @noble/hashes instead of node:crypto and Buffer.

/** `n` cryptographically random bytes (Web Crypto, global in Node ≥ 20 and in browsers). */
export function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** Base64url without padding, as Node's `Buffer#toString('base64url')` writes it. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url (padding optional); throws on characters outside the alphabet. */
export function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 text → base64url. */
export function textToBase64Url(text: string): string {
  return toBase64Url(encoder.encode(text));
}

/** base64url → UTF-8 text (throws on a malformed input). */
export function base64UrlToText(text: string): string {
  return decoder.decode(fromBase64Url(text));
}

/** Hex SHA-256 of a string (UTF-8) or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256Hash(typeof data === 'string' ? utf8ToBytes(data) : data));
}

/** An incremental SHA-256 (for streamed CSV exports). */
export function sha256Stream(): { update(chunk: Uint8Array): void; hex(): string } {
  const h = sha256Hash.create();
  return {
    update: (chunk) => void h.update(chunk),
    hex: () => bytesToHex(h.digest()),
  };
}

/** Compares two byte arrays in time that depends only on their length. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** HMAC-SHA-256 of `data` under `key`, hex (a one-way keyed hash: LGPD's kept document, #18). */
export function hmacSha256Hex(key: string, data: string): string {
  return bytesToHex(hmac(sha256Hash, utf8ToBytes(key), utf8ToBytes(data)));
}
