import { isValidIe } from '@brazilian-utils/brazilian-utils';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCnpj, formatCpf, normalizeDocument } from '../format/format.js';
import { isValidCnpj, isValidCpf, isValidPhoneBR, isValidStateRegistration } from './documents.js';
import { isValidCep, isValidUf, UFS } from './places.js';

describe('isValidCpf', () => {
  it.each([
    ['529.982.247-25'],
    ['52998224725'],
    ['111.444.777-35'],
    // The worked example of the Receita Federal's e-Financeira manual (REGRA_VALIDA_CPF).
    ['280.012.389-38'],
    ['  280012389-38 '],
  ])('accepts %s', (cpf) => expect(isValidCpf(cpf)).toBe(true));

  it.each([
    ['529.982.247-26', 'wrong second digit'],
    ['529.982.247-15', 'wrong first digit'],
    ['111.111.111-11', 'repeated digits'],
    ['000.000.000-00', 'zeros'],
    ['5299822472', 'too short'],
    ['529982247250', 'too long'],
    ['', 'empty'],
    ['11.222.333/0001-81', 'a CNPJ'],
  ])('rejects %s (%s)', (cpf) => expect(isValidCpf(cpf)).toBe(false));

  it('rejects what is not a string', () => {
    expect(isValidCpf(52998224725)).toBe(false);
    expect(isValidCpf(null)).toBe(false);
  });
});

describe('isValidCnpj', () => {
  it.each([
    ['11.222.333/0001-81', 'numeric'],
    ['11222333000181', 'numeric, bare'],
    // The Receita Federal's own alphanumeric example.
    ['12.ABC.345/01DE-35', 'alphanumeric'],
    ['12abc34501de35', 'alphanumeric, lowercase and bare'],
    [' 12.abc.345/01de-35 ', 'alphanumeric, lowercase with spaces'],
  ])('accepts %s (%s)', (cnpj) => expect(isValidCnpj(cnpj)).toBe(true));

  it.each([
    ['11.222.333/0001-82', 'wrong second digit'],
    ['12.ABC.345/01DE-36', 'alphanumeric with a wrong digit'],
    ['12.ABC.345/01DE-3A', 'a letter in the check digits'],
    ['00.000.000/0000-00', 'zeros'],
    ['11.222.333/0001', 'too short'],
    ['529.982.247-25', 'a CPF'],
  ])('rejects %s (%s)', (cnpj) => expect(isValidCnpj(cnpj)).toBe(false));

  it('accepts the alphanumeric format by default, which the library does not', () => {
    // The shortfall our wrapper covers: the library validates only numeric CNPJs unless asked.
    expect(isValidCnpj('12ABC34501DE35')).toBe(true);
  });

  it('follows the published rule: character value = ASCII − 48, weights 5..2,9..2 then 6..2,9..2', () => {
    const value = (c: string) => c.charCodeAt(0) - 48;
    const digit = (base: string, weights: number[]) => {
      const sum = [...base].reduce((acc, c, i) => acc + value(c) * weights[i]!, 0);
      const rest = sum % 11;
      return rest < 2 ? 0 : 11 - rest;
    };
    const w1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const w2 = [6, ...w1];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 12, maxLength: 12 }), (base) => {
        fc.pre(!/^(.)\1+$/.test(base));
        const d1 = digit(base, w1);
        const d2 = digit(base + d1, w2);
        const cnpj = `${base}${d1}${d2}`;
        expect(isValidCnpj(cnpj)).toBe(true);
        expect(isValidCnpj(cnpj.toLowerCase())).toBe(true);
        expect(isValidCnpj(`${base}${d1}${(d2 + 1) % 10}`)).toBe(false);
      }),
    );
  });
});

describe('isValidCep', () => {
  it.each(['01310-100', '01310100', ' 20040-020 '])('accepts %s', (cep) => expect(isValidCep(cep)).toBe(true));
  it.each(['0131-0100', '1310100', '01310-1000', 'abcde-fgh', '', '01.310-100'])('rejects %s', (cep) =>
    expect(isValidCep(cep)).toBe(false),
  );
});

describe('isValidPhoneBR', () => {
  it.each([
    ['(11) 98765-4321', 'mobile'],
    ['11987654321', 'mobile, bare'],
    ['+55 11 98765-4321', 'mobile with +55'],
    ['+5511987654321', 'E.164'],
    ['(11) 3456-7890', 'landline'],
    ['(61) 2345-6789', 'landline in Brasília'],
    ['(92) 99123-4567', 'mobile in Manaus'],
  ])('accepts %s (%s)', (phone) => expect(isValidPhoneBR(phone)).toBe(true));

  it.each([
    ['(20) 98765-4321', 'area code 20 does not exist'],
    ['(11) 8765-432', 'too short'],
    ['(11) 1456-7890', 'a landline cannot start with 1'],
    ['(11) 58765-4321', 'a 9-digit number must be a mobile'],
    ['(11) 70012-3456', 'the 700 series is satellite'],
    ['11 9876a4321', 'letters'],
    ['', 'empty'],
  ])('rejects %s (%s)', (phone) => expect(isValidPhoneBR(phone)).toBe(false));
});

describe('isValidUf', () => {
  it('knows the 27 UFs, in any case', () => {
    expect(UFS).toHaveLength(27);
    for (const uf of UFS) {
      expect(isValidUf(uf)).toBe(true);
      expect(isValidUf(uf.toLowerCase())).toBe(true);
    }
  });
  it.each(['XX', 'S', 'SPP', '', 'BR'])('rejects %s', (uf) => expect(isValidUf(uf)).toBe(false));
});

describe('isValidStateRegistration', () => {
  // One valid and one invalid inscrição estadual per UF. The valid SP number is SINTEGRA's own
  // example; each invalid one changes a check digit of a valid one.
  const table: Array<[string, string, string]> = [
    ['AC', '01.004.823/001-12', '01.004.823/001-13'],
    ['AL', '248659758', '248659759'],
    ['AM', '04.689.383-0', '04.689.383-1'],
    ['AP', '036029572', '036029573'],
    ['BA', '12345663', '12345636'],
    ['CE', '853511942', '853511943'],
    ['DF', '0754002000176', '0754002000175'],
    ['ES', '639191444', '639191445'],
    ['GO', '10.916.179-3', '10.916.179-4'],
    ['MA', '120000008', '120000007'],
    ['MG', '433.390.833/0177', '433.390.833/0176'],
    ['MS', '280000006', '280000031'],
    ['MT', '60474120469', '12345678901'],
    ['PA', '15-000000-6', '15-000000-7'],
    ['PB', '853511942', '853511943'],
    ['PE', '288625706', '925870101'],
    ['PI', '052364534', '052364535'],
    ['PR', '444.79536-04', '444.79536-40'],
    ['RJ', '62.545.37-2', '20.441.62-0'],
    ['RN', '20.040.040-1', '20.040.040-2'],
    ['RO', '01078042249629', '01078042249756'],
    ['RR', '240061536', '240061537'],
    ['RS', '030/516914-9', '030/516914-8'],
    ['SC', '330.430.572', '330.430.573'],
    ['SE', '01768260-6', '01768260-7'],
    ['SP', '110.042.490.114', '110.042.490.113'],
    ['TO', '29.446.769-6', '29.446.769-0'],
  ];

  it('covers every UF', () => {
    expect(new Set(table.map(([uf]) => uf))).toEqual(new Set(UFS));
  });

  it.each(table)('%s accepts %s and rejects %s', (uf, valid, invalid) => {
    expect(isValidStateRegistration(valid, uf)).toBe(true);
    expect(isValidStateRegistration(invalid, uf)).toBe(false);
    expect(isValidStateRegistration(valid, uf.toLowerCase())).toBe(true);
  });

  it('checks the number against the given UF', () => {
    expect(isValidStateRegistration('110.042.490.114', 'SP')).toBe(true);
    expect(isValidStateRegistration('110.042.490.114', 'RJ')).toBe(false);
  });

  it.each(['ISENTO', 'isento', ' Isento '])('accepts %s in every UF', (value) => {
    for (const uf of UFS) expect(isValidStateRegistration(value, uf)).toBe(true);
  });

  it('rejects an unknown UF', () => {
    expect(isValidStateRegistration('110.042.490.114', 'XX')).toBe(false);
  });

  it('rejects letters the library would silently strip', () => {
    // The shortfall our wrapper covers: the library drops letters outside SP, so a typo such as
    // "625X45372" passes there; a person who typed a letter made a mistake.
    expect(isValidIe('RJ', '625X45372')).toBe(true);
    expect(isValidStateRegistration('625X45372', 'RJ')).toBe(false);
  });

  it('accepts the SP rural producer format', () => {
    expect(isValidStateRegistration('P-01100424.3/002', 'SP')).toBe(true);
  });
});

describe('generated documents (property)', () => {
  const cpfArb = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((digits) => {
    const dv = (ds: number[]) => {
      const sum = ds.reduce((acc, d, i) => acc + d * (ds.length + 1 - i), 0);
      const rest = (sum * 10) % 11;
      return rest === 10 ? 0 : rest;
    };
    const d1 = dv(digits);
    const d2 = dv([...digits, d1]);
    return [...digits, d1, d2].join('');
  });

  it('every generated CPF passes, formatted or not, and formatting then normalizing returns it', () => {
    fc.assert(
      fc.property(cpfArb, (cpf) => {
        fc.pre(!/^(\d)\1{10}$/.test(cpf));
        expect(isValidCpf(cpf)).toBe(true);
        expect(isValidCpf(formatCpf(cpf))).toBe(true);
        expect(normalizeDocument(formatCpf(cpf))).toBe(cpf);
      }),
    );
  });

  it('formatting then normalizing a CNPJ returns it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 14, maxLength: 14 }), (cnpj) => {
        expect(normalizeDocument(formatCnpj(cnpj))).toBe(cnpj);
        expect(normalizeDocument(formatCnpj(cnpj.toLowerCase()))).toBe(cnpj);
      }),
    );
  });
});
