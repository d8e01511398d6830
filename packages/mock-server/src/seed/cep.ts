import { readFileSync } from 'node:fs';
import type { CepAddress, Uf } from '@clientela/core';
import { formatCep } from '@clientela/core';

type Row = [string, string, string, string, string];

let cache: Map<string, CepAddress> | undefined;

/** The CEP dataset shipped in `data/cep.json` (see data/README.md for where it comes from). */
export function cepTable(): Map<string, CepAddress> {
  if (!cache) {
    const rows = JSON.parse(readFileSync(new URL('../../data/cep.json', import.meta.url), 'utf8')) as Row[];
    cache = new Map(rows.map(([cep, street, district, city, state]) => [cep, { postalCode: formatCep(cep), street, district, city, state: state as Uf }]));
  }
  return cache;
}
