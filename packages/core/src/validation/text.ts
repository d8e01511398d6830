/**
 * Characters no text field stores: C0 controls (NUL, ESC …), DEL and C1 controls, which reach
 * terminals, logs and CSV files raw; and the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which make `exe.txt` look like `txt.exe`. Tab, line feed and
 * carriage return are allowed only where a field is multiline.
 */
const SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** A surrogate half without its other half: not a character, and not encodable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether `value` is text a person could have typed: no control characters (but tab and line
 * breaks when `multiline`), no bidirectional overrides, no lone surrogates. Every text field of
 * the write schemas applies it (code `invalid_characters`).
 *
 * @example
 * isPlainText('João da Silva'); // true
 * isPlainText('abc\u202Etxt.exe'); // false
 * isPlainText('linha 1\nlinha 2', { multiline: true }); // true
 */
export function isPlainText(value: string, options: { multiline?: boolean } = {}): boolean {
  return !(options.multiline ? MULTILINE : SINGLE_LINE).test(value) && !LONE_SURROGATE.test(value);
}
