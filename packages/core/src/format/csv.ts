/**
 * CSV cell encoding: the one rule every CSV this project writes follows (the server's exports and
 * import template, the import element's template and rejected rows), so a file read back by a
 * spreadsheet or by the importer means what was written.
 */

/** A field separator: `,` (RFC 4180) or `;` (what Excel in pt-BR reads by default). */
export type CsvSeparator = ',' | ';';
export type CsvValue = string | number | boolean | null | undefined;

/**
 * Starters a spreadsheet reads as a formula (tab and CR too: some apps skip them first), after
 * any apostrophes, so text that itself starts with `'=` also survives the round trip; at the
 * start of the cell and after every `,` `;` or quote in it, since a reader that splits on the
 * other separator (and reads quotes only at a field's start, as RFC 4180 and Excel do) can start
 * a new cell there.
 */
const FORMULA_AT = /(^|[,;"])('*[=+\-@\t\r])/g;
const ESCAPED_AT = /(^|[,;"])'('*[=+\-@\t\r])/g;
/**
 * A signed number and nothing else (`+5511987654321`, `-12,50`): a spreadsheet reads it as a
 * number, never as a formula, so it keeps its sign instead of gaining an apostrophe that a program
 * reading the file would have to know to strip.
 */
const SIGNED_NUMBER = /^[+-]?\d+(?:[.,]\d+)*$/;
/** Control characters (C0 but tab, LF and CR; DEL; C1): never meaningful in a cell, sometimes harmful. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Characters that need quotes under either separator: a reader guessing the separator must still see one cell. */
const NEEDS_QUOTES = /[",;\r\n]/;

/**
 * One CSV cell. Text loses its control characters; text starting with = + - @ (or a tab or CR)
 * — unless it is only a signed number, as an E.164 phone is — gets a leading apostrophe so no spreadsheet runs it as a formula, and so does every such start
 * right after a `,` `;` or quote inside the text: a spreadsheet reading the file with the other
 * separator starts a cell there. The cell is quoted when it holds a quote, a line break, `,` or
 * `;`, whatever the separator. So `a;=1+1;b` never becomes a live `=1+1` cell, however the file
 * is split. Numbers and booleans are written as they are; null and undefined as an empty cell.
 * {@link csvCellText} undoes the apostrophes exactly.
 *
 * @example
 * csvCell('a;=1+1;b'); // `"a;'=1+1;b"`
 * csvCell('=HYPERLINK("x")'); // '"\'=HYPERLINK(""x"")"'
 * csvCell(12.5); // '12.5'
 */
export function csvCell(value: CsvValue, separator: CsvSeparator = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const clean = value.replace(CONTROL, '');
  const text = SIGNED_NUMBER.test(clean) ? clean : clean.replace(FORMULA_AT, "$1'$2");
  return NEEDS_QUOTES.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One CSV line (without its line end) from cell values, each through {@link csvCell}.
 *
 * @example
 * csvRow(['Ana', '+5511987654321', '+x', 3], ';'); // "Ana;+5511987654321;'+x;3"
 */
export function csvRow(values: readonly CsvValue[], separator: CsvSeparator = ','): string {
  return values.map((v) => csvCell(v, separator)).join(separator);
}

/**
 * The text a cell written by {@link csvCell} held: the apostrophe added before a formula starter
 * comes off, so an exported file imports back unchanged.
 *
 * @example
 * csvCellText("'=1+1"); // '=1+1'
 * csvCellText("a;'=1+1;b"); // 'a;=1+1;b'
 */
export function csvCellText(cell: string): string {
  return cell.replace(ESCAPED_AT, '$1$2');
}
