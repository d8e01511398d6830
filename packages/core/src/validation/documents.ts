import {
  isValidCnpj as libIsValidCnpj,
  isValidCpf as libIsValidCpf,
  isValidIe,
  isValidPhone,
} from '@brazilian-utils/brazilian-utils';
import { isValidUf, type Uf } from './places.js';

/**
 * Whether `value` is a valid CPF, with or without punctuation.
 *
 * @example
 * isValidCpf('529.982.247-25'); // true
 */
export function isValidCpf(value: unknown): boolean {
  return typeof value === 'string' && libIsValidCpf(value.trim());
}

/**
 * Whether `value` is a valid CNPJ: the numeric one or the alphanumeric one issued since July 2026
 * (12 characters `[0-9A-Z]` then two numeric check digits). Lowercase and punctuation are accepted.
 *
 * @example
 * isValidCnpj('11.222.333/0001-81'); // true
 * isValidCnpj('12.abc.345/01de-35'); // true
 */
export function isValidCnpj(value: unknown): boolean {
  // The library validates the alphanumeric format only when asked for version 2, which also
  // accepts the numeric one; our contract says both are valid by default.
  return typeof value === 'string' && libIsValidCnpj(value.trim(), { version: 2 });
}

/**
 * Whether `value` is a Brazilian phone: a valid area code, then a landline of 8 digits or a
 * mobile of 9 digits under Anatel's current plan. `+55` (or `55`) may precede it.
 *
 * @example
 * isValidPhoneBR('(11) 98765-4321'); // true
 * isValidPhoneBR('+55 11 3456-7890'); // true
 */
export function isValidPhoneBR(value: unknown): boolean {
  return typeof value === 'string' && /^[\s\d()+.-]+$/.test(value) && isValidPhone(value.trim(), { version: 2 });
}

/**
 * Whether `value` is a valid inscrição estadual for the UF `uf`. `ISENTO` (exempt, any case) is
 * valid in every UF.
 *
 * @example
 * isValidStateRegistration('110.042.490.114', 'SP'); // true
 * isValidStateRegistration('Isento', 'RJ'); // true
 */
export function isValidStateRegistration(value: unknown, uf: unknown): boolean {
  if (typeof value !== 'string' || !isValidUf(uf)) return false;
  const trimmed = value.trim();
  if (/^isento$/i.test(trimmed)) return true;
  if (!/^[\dPp./\s-]+$/.test(trimmed)) return false;
  return isValidIe(uf.trim().toUpperCase() as Uf, trimmed);
}
