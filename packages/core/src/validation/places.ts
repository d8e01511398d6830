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

/**
 * The CEP ranges of each UF, as the Correios assign them (the first five digits, inclusive). Two
 * UFs have two ranges: the Federal District (70000–72799 and 73000–73699, Goiás taking the gaps),
 * and Amazonas (69000–69299 and 69400–69899, Roraima between them). 78900–78999 belongs to no
 * UF: it was Rondônia's until 2008, when Rondônia moved to 76800–76999.
 */
const CEP_RANGES: readonly (readonly [number, number, Uf])[] = [
  [1000, 19999, 'SP'], [20000, 28999, 'RJ'], [29000, 29999, 'ES'], [30000, 39999, 'MG'],
  [40000, 48999, 'BA'], [49000, 49999, 'SE'], [50000, 56999, 'PE'], [57000, 57999, 'AL'],
  [58000, 58999, 'PB'], [59000, 59999, 'RN'], [60000, 63999, 'CE'], [64000, 64999, 'PI'],
  [65000, 65999, 'MA'], [66000, 68899, 'PA'], [68900, 68999, 'AP'], [69000, 69299, 'AM'],
  [69300, 69399, 'RR'], [69400, 69899, 'AM'], [69900, 69999, 'AC'], [70000, 72799, 'DF'],
  [72800, 72999, 'GO'], [73000, 73699, 'DF'], [73700, 76799, 'GO'], [76800, 76999, 'RO'],
  [77000, 77999, 'TO'], [78000, 78899, 'MT'], [79000, 79999, 'MS'], [80000, 87999, 'PR'],
  [88000, 89999, 'SC'], [90000, 99999, 'RS'],
];

/**
 * The UF a CEP belongs to, from the Correios' ranges per UF; undefined for a malformed CEP or
 * one below the first range (`00000-000` to `00999-999` are assigned to no UF).
 *
 * @example
 * stateOfCep('01310-100'); // 'SP'
 * stateOfCep('69301000'); // 'RR'
 */
export function stateOfCep(value: string): Uf | undefined {
  if (!isValidCep(value)) return undefined;
  const prefix = Number(value.replace(/\D/g, '').slice(0, 5));
  for (const [from, to, uf] of CEP_RANGES) if (prefix >= from && prefix <= to) return uf;
  return undefined;
}
