import { describe, expect, it } from 'vitest';
import { stateOfCep, UFS } from './places.js';

describe('stateOfCep', () => {
  it('names the UF of each end of every range, and none outside them', () => {
    const cases: [string, string | undefined][] = [
      ['00999-999', undefined], ['01000-000', 'SP'], ['19999-999', 'SP'], ['20000-000', 'RJ'], ['28999-999', 'RJ'],
      ['29000-000', 'ES'], ['30000-000', 'MG'], ['39999-999', 'MG'], ['40000-000', 'BA'], ['49000-000', 'SE'],
      ['50000-000', 'PE'], ['57000-000', 'AL'], ['58000-000', 'PB'], ['59000-000', 'RN'], ['60000-000', 'CE'],
      ['64000-000', 'PI'], ['65000-000', 'MA'], ['66000-000', 'PA'], ['68899-999', 'PA'], ['68900-000', 'AP'],
      ['69000-000', 'AM'], ['69299-999', 'AM'], ['69300-000', 'RR'], ['69399-999', 'RR'], ['69400-000', 'AM'],
      ['69899-999', 'AM'], ['69900-000', 'AC'], ['70000-000', 'DF'], ['72799-999', 'DF'], ['72800-000', 'GO'],
      ['73000-000', 'DF'], ['73699-999', 'DF'], ['73700-000', 'GO'], ['76799-999', 'GO'], ['76800-000', 'RO'],
      ['77000-000', 'TO'], ['78000-000', 'MT'], ['79000-000', 'MS'], ['80000-000', 'PR'], ['88000-000', 'SC'],
      ['90000-000', 'RS'], ['99999-999', 'RS'],
    ];
    for (const [cep, uf] of cases) expect(stateOfCep(cep), cep).toBe(uf);
    expect(stateOfCep('0131010')).toBeUndefined();
    expect(stateOfCep('abcde-fgh')).toBeUndefined();
  });

  it('every CEP from 01000 to 99999 has a UF but Rondônia\'s old range (78900–78999, moved to 76800–76999 in 2008), and every UF has CEPs', () => {
    const seen = new Set<string>();
    for (let prefix = 1000; prefix <= 99999; prefix++) {
      const uf = stateOfCep(`${String(prefix).padStart(5, '0')}000`);
      if (prefix >= 78900 && prefix <= 78999) expect(uf, String(prefix)).toBeUndefined();
      else expect(uf, String(prefix)).toBeDefined();
      if (uf) seen.add(uf);
    }
    expect([...seen].sort()).toEqual([...UFS].sort());
  });
});
