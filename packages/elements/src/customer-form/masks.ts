/**
 * Input masks for Brazilian documents, CEP, phones and dates. A mask keeps only the significant
 * characters of what was typed or pasted (formatted or bare), then lays them into a pattern;
 * the caret is carried over by counting significant characters before it, so typing or
 * deleting in the middle of a value never makes it jump to the end. The layout is core's
 * formatters', so a value looks the same while typed as wherever else it is shown.
 */
import { formatCep, formatCnpj, formatCpf, formatPhoneBR } from '@clientela/core/format';

export type MaskKind = 'cpf' | 'cnpj' | 'cep' | 'phone' | 'date';

/**
 * How each kind is laid out: core's formatters, which format partial input as far as they go. A
 * date typed the Brazilian way (dd/mm/aaaa, whatever the browser's language) has no formatter in
 * core, which reads and writes ISO dates, so it is laid out here.
 */
const FORMAT: Record<MaskKind, (significant: string) => string> = {
  cpf: formatCpf,
  cnpj: formatCnpj,
  cep: formatCep,
  phone: formatPhoneBR,
  date: (d) => layout('##/##/####', d.slice(0, 8)),
};

/** Whether `ch` counts for this mask (digits; for a CNPJ also letters, which are uppercased). */
function significant(kind: MaskKind, ch: string): boolean {
  return kind === 'cnpj' ? /[0-9A-Za-z]/.test(ch) : /[0-9]/.test(ch);
}

function significantOf(kind: MaskKind, value: string): string {
  let out = '';
  for (const ch of value) if (significant(kind, ch)) out += ch;
  if (kind === 'cnpj') out = out.toUpperCase();
  if (kind === 'phone') {
    // A pasted +55 or 0 (long-distance prefix) is dropped: the stored number is national.
    if (out.length > 11 && out.startsWith('55')) out = out.slice(2);
    else if (out.length > 11 && out.startsWith('0')) out = out.slice(1);
  }
  return out;
}

/** Lays `chars` into `pattern` (`#` takes the next character), stopping where they run out. */
function layout(pattern: string, chars: string): string {
  let out = '';
  let i = 0;
  for (const p of pattern) {
    if (i >= chars.length) break;
    if (p === '#') out += chars[i++];
    else out += p;
  }
  return out;
}

/** The formatted value for `raw` (partial values are formatted as far as they go). */
export function applyMask(kind: MaskKind, raw: string): string {
  return FORMAT[kind](significantOf(kind, raw));
}

/**
 * The length of a complete value of this kind as the mask lays it out (`529.982.247-25` → 14), for
 * the input's `maxlength`: measured on the formatter, which cuts a longer input to its size.
 */
export function maskedLength(kind: MaskKind): number {
  return applyMask(kind, '9'.repeat(32)).length;
}

/** Where the caret goes in `formatted` so that `count` significant characters sit before it. */
export function caretFor(kind: MaskKind, formatted: string, count: number): number {
  if (count <= 0) return kind === 'phone' && formatted.startsWith('(') ? 1 : 0;
  let seen = 0;
  for (let i = 0; i < formatted.length; i++) {
    if (significant(kind, formatted[i]!) && ++seen === count) return i + 1;
  }
  return formatted.length;
}

/**
 * Masks `input` in place after an `input` event, keeping the caret after the same significant
 * character it was after.
 */
export function maskInput(kind: MaskKind, input: HTMLInputElement): string {
  const raw = input.value;
  const caret = input.selectionStart ?? raw.length;
  const formatted = applyMask(kind, raw);
  if (formatted === raw) return formatted;
  // Significant characters before the caret, less any prefix the mask dropped (+55 of a phone).
  const dropped = significantOf(kind, raw).length < [...raw].filter((ch) => significant(kind, ch)).length ? 2 : 0;
  const before = Math.max(0, significantOf(kind, raw.slice(0, caret)).length - dropped);
  input.value = formatted;
  const at = caret >= raw.length ? formatted.length : caretFor(kind, formatted, before);
  if (document.activeElement === input) input.setSelectionRange(at, at);
  return formatted;
}
