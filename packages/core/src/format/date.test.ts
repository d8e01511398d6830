import { describe, expect, it } from 'vitest';
import { isTrivialPassword, passwordIssue } from '../rules/password-rules.js';
import { birthDateProblem, formatDateBR, parseDateBR } from './date.js';

describe('Brazilian dates', () => {
  it('reads dd/mm/aaaa and ISO, and refuses dates that do not exist', () => {
    expect(parseDateBR('15/03/1990')).toBe('1990-03-15');
    expect(parseDateBR(' 5/3/1990 ')).toBe('1990-03-05');
    expect(parseDateBR('15.03.1990')).toBe('1990-03-15');
    expect(parseDateBR('1990-03-15')).toBe('1990-03-15');
    expect(parseDateBR('29/02/2024')).toBe('2024-02-29');
    for (const bad of ['29/02/2023', '31/04/1990', '00/01/1990', '15/13/1990', '15/03/90', '03/15/1990', '', 'ontem']) expect(parseDateBR(bad), bad).toBeUndefined();
  });

  it('writes ISO dates as dd/mm/aaaa', () => {
    expect(formatDateBR('1990-03-15')).toBe('15/03/1990');
    expect(formatDateBR('2026-11-30T10:00:00Z')).toBe('30/11/2026');
    expect(formatDateBR('texto')).toBe('texto');
  });

  it('a birth date is not in the future and not more than 120 years ago', () => {
    const today = new Date('2026-11-30T12:00:00Z');
    expect(birthDateProblem('2026-11-30', today)).toBeUndefined();
    expect(birthDateProblem('2026-12-01', today)).toBe('birth_date_future');
    expect(birthDateProblem('1906-11-30', today)).toBeUndefined();
    expect(birthDateProblem('1906-11-29', today)).toBe('birth_date_too_old');
  });
});

describe('trivial passwords', () => {
  it('catches repeats, sequences, two runs and keyboard rows, whatever the case', () => {
    for (const p of ['aaaaaaaa', '12345678', '87654321', 'ABCDEFGH', 'abcabcabc', '12121212', 'aaaa1234', 'abcd1234', 'qwertyui', 'ASDFGHJKL', '1qaz2wsx']) {
      expect(isTrivialPassword(p), p).toBe(true);
    }
    for (const p of ['pé-de-moleque', 'Maria1990', 'c0rr3ct-h0rse', 'abc123xyz9']) expect(isTrivialPassword(p), p).toBe(false);
  });

  it('names the first rule broken', () => {
    expect(passwordIssue('abc')).toBe('weak_password');
    expect(passwordIssue('x'.repeat(201))).toBe('weak_password');
    expect(passwordIssue('11111111')).toBe('password_trivial');
    expect(passwordIssue('pé-de-moleque')).toBeUndefined();
  });
});
