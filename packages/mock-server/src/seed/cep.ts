import type { CepAddress } from '@clientela/core/schemas';
import type { Uf } from '@clientela/core/validation';
import { formatCep } from '@clientela/core/format';
// A JSON import (not readFileSync) so the dataset also reaches the in-page server of the browser
// entry; Node ≥ 20.10 and bundlers read it alike.
import rows from '../../data/cep.json' with { type: 'json' };

type Row = [string, string, string, string, string];

let cache: Map<string, CepAddress> | undefined;

/** The CEP dataset shipped in `data/cep.json` (see data/README.md for where it comes from). */
export function cepTable(): Map<string, CepAddress> {
  if (!cache) {
    cache = new Map((rows as Row[]).map(([cep, street, district, city, state]) => [cep, { postalCode: formatCep(cep), street, district, city, state: state as Uf }]));
  }
  return cache;
}
