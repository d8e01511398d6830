import { describe, expect, it } from 'vitest';
import { maskDocument } from '@clientela/core/format';
import { maskJson } from '../src/store/search.js';

describe('maskJson', () => {
  it('masks the top-level document and leaves every other byte as it was', () => {
    const customer = { id: 'cus_1', name: 'Ana São', document: '12345678909', note: 'document 12345678909 "x"', nested: { tag: 'y' } };
    const json = JSON.stringify(customer);
    const masked = maskJson(json, customer.document);
    expect(JSON.parse(masked)).toEqual({ ...customer, document: maskDocument(customer.document) });
    expect(masked).toBe(json.replace(`"document":"${customer.document}"`, `"document":"${maskDocument(customer.document)}"`));
  });

  it('returns the JSON unchanged when it does not hold that document', () => {
    const json = JSON.stringify({ id: 'cus_2', document: '98765432100' });
    expect(maskJson(json, '11111111111')).toBe(json);
  });
});
