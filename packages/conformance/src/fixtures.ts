import { isValidCnpj, isValidCpf } from '@clientela/core';

/**
 * What marks the records a run creates, so a real backend can tell them apart from its own:
 * every customer's `notes` start with {@link MARKER} followed by the run id, the run id is part of
 * every name (customers and categories) and of every e-mail address.
 */
export const MARKER = 'clientela-conformance';

/** A run id of ten lowercase letters (`cf` + 8): letters only, so a search reads it as a word. */
export function newRunId(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let id = 'cf';
  for (const byte of crypto.getRandomValues(new Uint8Array(8))) id += letters[byte % 26];
  return id;
}

function randomDigits(n: number): string {
  let s = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(n))) s += String(byte % 10);
  return s;
}

/**
 * A fresh valid CPF. The check digits are found with core's validator (the one rule's home)
 * rather than computed a second time here: one of the hundred endings of a random base is valid.
 */
export function newCpf(): string {
  for (;;) {
    const base = randomDigits(9);
    if (/^(\d)\1+$/.test(base)) continue;
    for (let end = 0; end < 100; end++) {
      const doc = base + String(end).padStart(2, '0');
      if (isValidCpf(doc)) return doc;
    }
  }
}

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A fresh valid CNPJ: numeric, or the alphanumeric one (12 characters `[0-9A-Z]` + 2 digits). */
export function newCnpj(alphanumeric = false): string {
  for (;;) {
    let base = '';
    for (const byte of crypto.getRandomValues(new Uint8Array(8))) base += alphanumeric ? ALNUM[byte % 36] : String(byte % 10);
    base += '0001';
    if (alphanumeric && !/[A-Z]/.test(base)) continue;
    for (let end = 0; end < 100; end++) {
      const doc = base + String(end).padStart(2, '0');
      if (isValidCnpj(doc)) return doc;
    }
  }
}

/** A CPF with valid check digits changed, so it is invalid. */
export function brokenCpf(): string {
  const cpf = newCpf();
  return cpf.slice(0, 10) + String((Number(cpf[10]) + 1) % 10);
}

/** An alphanumeric CNPJ with its last check digit changed. */
export function brokenCnpj(): string {
  const cnpj = newCnpj(true);
  return cnpj.slice(0, 13) + String((Number(cnpj[13]) + 1) % 10);
}

/** A São Paulo mobile number, `(11) 9XXXX-XXXX`, random enough not to collide with others. */
export function newMobile(): string {
  const d = randomDigits(8);
  return `(11) 9${d.slice(0, 4)}-${d.slice(4)}`;
}
