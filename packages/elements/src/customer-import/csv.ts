import { csvRow } from '@clientela/core/format';

/**
 * The small CSV reading and writing the import needs in the browser (the server does the real
 * parsing): enough to copy the rejected rows of the operator's own file back out.
 */

/** Parses CSV text (RFC 4180 quotes; `,` or `;`, whichever the header uses), skipping empty lines. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((c) => c.trim() !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c.trim() !== '')) rows.push(row);
  return rows;
}

/** Rows → CSV text with a BOM (so Excel reads UTF-8) and CRLF line ends; cells encoded by core's one rule. */
export function toCsv(rows: string[][]): string {
  return `\uFEFF${rows.map((r) => csvRow(r)).join('\r\n')}\r\n`;
}
