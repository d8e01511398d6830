import { formatCep, formatCnpj, formatCpf, formatPhoneBR } from '@clientela/core/format';
import { expect } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { applyMask, caretFor, maskedLength } from './masks.js';

describe('masks', () => {
  it('lay a value out as core formats it, whole or partial', () => {
    for (const value of ['5', '5299', '529982', '529982247', '52998224725']) expect(applyMask('cpf', value)).to.equal(formatCpf(value));
    for (const value of ['12', '12abc', '12abc345', '12abc34501de', '12abc34501de35']) expect(applyMask('cnpj', value)).to.equal(formatCnpj(value));
    for (const value of ['0131', '01310', '01310100']) expect(applyMask('cep', value)).to.equal(formatCep(value));
    for (const value of ['1', '11', '119', '1198765', '1134567890', '11987654321']) expect(applyMask('phone', value)).to.equal(formatPhoneBR(value));
  });

  it('keep only what counts, from a pasted value in any layout', () => {
    expect(applyMask('cpf', '529.982.247-25 ')).to.equal('529.982.247-25');
    expect(applyMask('cpf', '5299822472599')).to.equal('529.982.247-25');
    expect(applyMask('cnpj', '12.abc.345/01de-35')).to.equal('12.ABC.345/01DE-35');
    expect(applyMask('phone', '+55 (11) 98765-4321')).to.equal('(11) 98765-4321');
    expect(applyMask('phone', '0 11 98765-4321')).to.equal('(11) 98765-4321');
  });

  it('measure a complete value for maxlength from the formatters', () => {
    expect(maskedLength('cpf')).to.equal(formatCpf('52998224725').length);
    expect(maskedLength('cnpj')).to.equal(formatCnpj('12ABC34501DE35').length);
    expect(maskedLength('cep')).to.equal(formatCep('01310100').length);
    expect(maskedLength('phone')).to.equal(formatPhoneBR('11987654321').length);
    expect(maskedLength('date')).to.equal('15/03/1990'.length);
  });

  it('put the caret after the same significant character', () => {
    expect(caretFor('cpf', '529.982.247-25', 4)).to.equal(5);
    expect(caretFor('phone', '(11) 9', 0)).to.equal(1);
  });
});
