// The UFs and the CEP's shape: rules with no library behind them, apart from documents.ts so that
// a page that lists the states or checks a CEP does not load the document validators.

/** The 27 federative units (26 states and the Federal District). */
export const UFS = [
  'AC', 'AL', 'AM', 'AP', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MG', 'MS', 'MT', 'PA',
  'PB', 'PE', 'PI', 'PR', 'RJ', 'RN', 'RO', 'RR', 'RS', 'SC', 'SE', 'SP', 'TO',
] as const;

/** A federative unit code such as `SP`. */
export type Uf = (typeof UFS)[number];

const UF_SET: ReadonlySet<string> = new Set(UFS);

/**
 * Whether `value` is one of the 27 UF codes (case-insensitive, surrounding spaces ignored).
 *
 * @example
 * isValidUf('sp'); // true
 * isValidUf('XX'); // false
 */
export function isValidUf(value: unknown): value is Uf {
  return typeof value === 'string' && UF_SET.has(value.trim().toUpperCase());
}

/**
 * Whether `value` is a well-formed CEP (8 digits, with or without the hyphen).
 *
 * @example
 * isValidCep('01310-100'); // true
 */
export function isValidCep(value: unknown): boolean {
  // The shape is the whole rule (the library checks no more than this, and accepts dots and
  // spaces anywhere), so no library code is needed for it.
  return typeof value === 'string' && /^\s*\d{5}-?\d{3}\s*$/.test(value);
}
