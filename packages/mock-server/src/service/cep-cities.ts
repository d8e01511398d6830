import type { Uf } from '@clientela/core/validation';

// The municipality of a CEP from the Correios' ranges per municipality (#16 §3). Platform-neutral:
// the rows come from whoever builds the table (Node reads data/cep-cities.json in
// platform/node-cep-cities.ts; the browser entry has none, so the page pays no bytes for it).

/** One municipality's CEP range: first and last CEP (8 digits, inclusive), its IBGE name, UF and code. */
export interface CepCityRange {
  from: string;
  to: string;
  city: string;
  state: Uf;
  ibgeCode: string;
}

/** Ranges sorted by their first CEP, none overlapping (the table's tests hold the file to that). */
export class CepCityRanges {
  readonly #rows: readonly CepCityRange[];

  constructor(rows: readonly CepCityRange[]) {
    this.#rows = [...rows].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  }

  /** Every range, in CEP order. */
  get rows(): readonly CepCityRange[] {
    return this.#rows;
  }

  /** The range holding an 8-digit CEP, or undefined (a CEP no municipality's range covers). */
  find(digits: string): CepCityRange | undefined {
    // The last range starting at or before the CEP is the only one that can hold it.
    let lo = 0;
    let hi = this.#rows.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.#rows[mid]!.from <= digits) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const row = this.#rows[at];
    return row && digits <= row.to ? row : undefined;
  }
}
