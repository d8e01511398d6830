import { readFileSync } from 'node:fs';
import { UFS, type Uf } from '@clientela/core/validation';
import { CepCityRanges } from '../service/cep-cities.js';

// Node only: the CEP ranges per municipality (data/cep-cities.json, 190 kB, see data/README.md)
// are read from disk on the first offline lookup that needs them, so neither the browser entry
// nor a server that is never asked pays for them. The file holds IBGE codes; names and UFs come
// from the IBGE list of @brazilian-utils/brazilian-utils, so a city is spelled one way only.

let loading: Promise<CepCityRanges> | undefined;

/** The table of `data/cep-cities.json`, read once per process. */
export function loadCepCityRanges(): Promise<CepCityRanges> {
  loading ??= (async () => {
    const { getMunicipalities } = await import('@brazilian-utils/brazilian-utils');
    const byCode = new Map<string, { name: string; state: Uf }>();
    for (const uf of UFS) for (const m of getMunicipalities(uf)) byCode.set(m.code, { name: m.name, state: uf });
    // dist/platform/ and src/platform/ are both two levels below the package, beside data/.
    const rows = JSON.parse(readFileSync(new URL('../../data/cep-cities.json', import.meta.url), 'utf8')) as [string, string, string][];
    return new CepCityRanges(
      rows.map(([from, to, ibgeCode]) => {
        const m = byCode.get(ibgeCode);
        if (!m) throw new Error(`data/cep-cities.json: IBGE code ${ibgeCode} is not in the IBGE list`);
        return { from, to, city: m.name, state: m.state, ibgeCode };
      }),
    );
  })();
  return loading;
}
