import { readFileSync } from 'node:fs';
import { getMunicipalities } from '@brazilian-utils/brazilian-utils';
import { stateOfCep, UFS } from '@clientela/core/validation';
import { describe, expect, it } from 'vitest';
import { loadCepCityRanges } from '../src/platform/node-cep-cities.js';
import { CepCityRanges } from '../src/service/cep-cities.js';

// The offline table of CEP ranges per municipality (data/cep-cities.json, #16 §3): the file is held
// to what a lookup relies on — ranges that do not overlap, each inside its UF's range, each city a
// municipality of the IBGE list for its UF — and to its coverage.

const file = JSON.parse(readFileSync(new URL('../data/cep-cities.json', import.meta.url), 'utf8')) as [string, string, string][];
const ibge = new Map(UFS.flatMap((uf) => getMunicipalities(uf).map((m) => [m.code, { ...m, uf }] as const)));

const CAPITALS: Record<string, string> = {
  AC: 'Rio Branco', AL: 'Maceió', AM: 'Manaus', AP: 'Macapá', BA: 'Salvador', CE: 'Fortaleza', DF: 'Brasília',
  ES: 'Vitória', GO: 'Goiânia', MA: 'São Luís', MG: 'Belo Horizonte', MS: 'Campo Grande', MT: 'Cuiabá',
  PA: 'Belém', PB: 'João Pessoa', PE: 'Recife', PI: 'Teresina', PR: 'Curitiba', RJ: 'Rio de Janeiro',
  RN: 'Natal', RO: 'Porto Velho', RR: 'Boa Vista', RS: 'Porto Alegre', SC: 'Florianópolis', SE: 'Aracaju',
  SP: 'São Paulo', TO: 'Palmas',
};

describe('data/cep-cities.json', () => {
  it('rows are [first, last, IBGE code], 8-digit CEPs with first ≤ last, sorted, and no two ranges overlap', () => {
    expect(file.length).toBeGreaterThan(5500);
    let previous = '';
    for (const [from, to, code] of file) {
      expect(from, `${from}`).toMatch(/^\d{8}$/);
      expect(to, `${to}`).toMatch(/^\d{8}$/);
      expect(code).toMatch(/^\d{7}$/);
      expect(from <= to, `${from}–${to}`).toBe(true);
      expect(from > previous, `${from} starts inside or before the range ending ${previous}`).toBe(true);
      previous = to;
    }
  });

  it('every code is a municipality of the IBGE list, and its whole range lies inside the CEP range of that municipality\'s UF', () => {
    for (const [from, to, code] of file) {
      const m = ibge.get(code);
      expect(m, `${code} (${from}–${to}) is not in the IBGE list`).toBeDefined();
      // Every 5-digit prefix the range spans belongs to the UF (the DF and AM ranges have gaps that
      // another UF fills, so checking both ends is not enough).
      for (let p = Number(from.slice(0, 5)); p <= Number(to.slice(0, 5)); p++) {
        const prefix = String(p).padStart(5, '0');
        const cep = p === Number(from.slice(0, 5)) ? from : `${prefix}000`;
        expect(stateOfCep(cep), `${m!.name} (${m!.uf}) ${from}–${to} at ${cep}`).toBe(m!.uf);
      }
    }
  });

  it('covers every capital and every municipality of the IBGE list but one the source does not have yet', () => {
    const codes = new Set(file.map((r) => r[2]));
    for (const [uf, name] of Object.entries(CAPITALS)) {
      const m = getMunicipalities(uf as (typeof UFS)[number]).find((x) => x.name === name);
      expect(m && codes.has(m.code), `${name} (${uf})`).toBe(true);
    }
    const missing = [...ibge.values()].filter((m) => !codes.has(m.code)).map((m) => `${m.name} (${m.uf})`);
    expect(missing).toEqual(['Boa Esperança do Norte (MT)']);
  });
});

describe('CepCityRanges.find', () => {
  const table = new CepCityRanges([
    { from: '13000001', to: '13139999', city: 'Campinas', state: 'SP', ibgeCode: '3509502' },
    { from: '01000001', to: '05999999', city: 'São Paulo', state: 'SP', ibgeCode: '3550308' },
    { from: '08000000', to: '08499999', city: 'São Paulo', state: 'SP', ibgeCode: '3550308' },
  ]);

  it('finds the range holding a CEP at either end and inside, and nothing in the gaps, before or after', () => {
    expect(table.find('01000001')?.city).toBe('São Paulo');
    expect(table.find('05999999')?.city).toBe('São Paulo');
    expect(table.find('08490000')?.city).toBe('São Paulo');
    expect(table.find('13083970')?.city).toBe('Campinas');
    expect(table.find('01000000')).toBeUndefined();
    expect(table.find('06000000')).toBeUndefined();
    expect(table.find('13140000')).toBeUndefined();
    expect(table.find('99999999')).toBeUndefined();
  });

  it('the shipped table answers a CEP of every capital with that capital', async () => {
    const shipped = await loadCepCityRanges();
    expect(shipped.rows.length).toBe(file.length);
    for (const row of shipped.rows.filter((r) => CAPITALS[r.state] === r.city)) {
      expect(shipped.find(row.from)).toEqual(row);
      expect(shipped.find(row.to)).toEqual(row);
    }
    expect(new Set(shipped.rows.filter((r) => CAPITALS[r.state] === r.city).map((r) => r.state)).size).toBe(27);
  });
});
