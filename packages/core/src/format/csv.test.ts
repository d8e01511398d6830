import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvCellText, csvRow } from './csv.js';

/**
 * A CSV reader with a given separator, to read back what the encoder wrote. `strict` is RFC 4180
 * (a quote opens a quoted field only at its start, as the importer reads); otherwise a quote
 * toggles quoting anywhere in a field, as spreadsheet apps read.
 */
function read(line: string, separator: string, strict = true): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && (cell === '' || !strict)) quoted = true;
    else if (ch === separator) cells.push(cell), (cell = '');
    else cell += ch;
  }
  cells.push(cell);
  return cells;
}

describe('csvCell', () => {
  it('quotes a cell holding ; even with , as the separator, so a ;-reading yields no live formula', () => {
    expect(csvCell('a;=1+1;b')).toBe(`"a;'=1+1;b"`);
    for (const sep of [',', ';']) {
      for (const strict of [true, false]) {
        const cells = read(csvRow(['x', 'a;=1+1;b', 'y']), sep, strict);
        expect(cells.some((c) => /^[=+\-@]/.test(c))).toBe(false);
      }
    }
    expect(read(csvRow(['x', 'a;=1+1;b', 'y'], ';'), ';').map(csvCellText)).toEqual(['x', 'a;=1+1;b', 'y']);
  });

  it('escapes formula starters and strips control characters', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    // A signed number alone is read as a number, never run: an E.164 phone keeps its sign.
    expect(csvCell('+5511987654321')).toBe('+5511987654321');
    expect(csvCell('-12,50', ';')).toBe('"-12,50"');
    expect(csvCell('+55 11')).toBe("'+55 11");
    expect(csvCell('+1e5')).toBe("'+1e5");
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a\u0000b\u001bc\u007fd\u0085e')).toBe('abcde');
    expect(csvCell('\u0000=1+1')).toBe("'=1+1");
    expect(csvCell('linha 1\nlinha 2')).toBe('"linha 1\nlinha 2"');
    expect(csvCell('diz "oi"')).toBe('"diz ""oi"""');
    expect(csvCell("'=1")).toBe("''=1");
    expect(csvCellText("''=1")).toBe("'=1");
    expect(csvCellText("'abc")).toBe("'abc");
    expect(csvCell('=;=,-')).toBe(`"'=;'=,'-"`);
    expect(csvCellText("'=;'=,'-")).toBe('=;=,-');
    expect(csvCell("a;'=b")).toBe(`"a;''=b"`);
    expect(csvCellText("a;''=b")).toBe("a;'=b");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('round trip: any text (without control characters) reads back the same under either separator', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ç', ' ', ',', ';', '"', '=', '+', '-', '@', "'", '\t', '\n', '\r', '1') });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), fc.constantFrom(',' as const, ';' as const), (cells, sep) => {
        const line = csvRow(cells, sep);
        // Line breaks live only inside quotes; this reader takes the line whole.
        const back = read(line, sep).map(csvCellText);
        expect(back).toEqual(cells);
        // No cell a spreadsheet would evaluate.
        for (const s of [',', ';']) for (const strict of [true, false]) for (const c of read(line, s, strict)) expect(/^[=+\-@]/.test(c) && !/^[+-]?\d+$/.test(c)).toBe(false);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});
