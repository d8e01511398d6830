import { expect, expectEqual, expectProblem, expectStatus } from '../assert.js';
import { newCpf } from '../fixtures.js';
import type { Body, Session } from '../session.js';

const COLUMNS = ['kind', 'document', 'firstName', 'lastName', 'email', 'phone', 'loyaltyCard'];

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** RFC 4180 rows (quoted cells, doubled quotes, CRLF or LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

export async function fileChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('files', 'export (CSV, audited with SHA-256, formulas escaped) and import (dry run, keyed by document)');
  const tag = `${s.run}f`;
  const filter = { q: tag };
  let csv: Uint8Array<ArrayBuffer> | undefined;

  const ready = await runner.check('fixture: three customers, one with a loyalty card that looks like a formula', async () => {
    await s.mustCreate(s.person({ lastName: `Conformidade ${tag}`, loyaltyCard: '=1+2' }));
    await s.mustCreate(s.person({ lastName: `Conformidade ${tag}`, loyaltyCard: '@SUM(A1)' }));
    await s.mustCreate(s.person({ lastName: `Conformidade ${tag}` }));
  });
  if (!ready) return;

  await runner.check('POST /v1/exports (csv, filter, columns) → the file: UTF-8 BOM, header, one row per match', async () => {
    const r = await http.post('/v1/exports', { format: 'csv', filter, columns: COLUMNS });
    expectStatus(r, 200);
    expect((r.headers.get('content-type') ?? '').startsWith('text/csv'), `Content-Type is ${r.headers.get('content-type')}`);
    expect(/attachment/i.test(r.headers.get('content-disposition') ?? ''), 'no Content-Disposition: attachment');
    csv = r.bytes;
    expect(r.bytes[0] === 0xef && r.bytes[1] === 0xbb && r.bytes[2] === 0xbf, 'no UTF-8 BOM');
    const rows = parseCsv(r.text.slice(1)).filter((row) => row.some(Boolean));
    expectEqual(rows.length, 4, 'rows (header + 3)');
  });
  await runner.check('CSV cells that start with = + - @ are escaped', async () => {
    expect(csv, 'no export');
    const text = new TextDecoder().decode(csv);
    const cells = parseCsv(text.slice(1)).flat();
    expect(!cells.some((c) => /^[=+\-@]/.test(c)), `a cell starts with a formula character: ${JSON.stringify(cells.filter((c) => /^[=+\-@]/.test(c)))}`);
    expect(cells.some((c) => c.endsWith('=1+2')) && cells.some((c) => c.endsWith('@SUM(A1)')), 'the formula-like loyalty cards are missing');
  });
  await runner.check('the export is in the audit log: action export, row count, columns and the SHA-256 of the file', async () => {
    expect(csv, 'no export');
    const r = await http.get('/v1/audit?action=export&limit=20');
    expectStatus(r, 200);
    const digest = await sha256Hex(csv);
    const entry = (r.json.items as Body[]).find((e) => e.sha256 === digest);
    expect(entry, `no export entry with sha256 ${digest} among the last 20`);
    expectEqual([entry.count, entry.columns], [3, COLUMNS], '[count, columns]');
  });
  await runner.check('importing the exported file changes nothing: every row unchanged', async () => {
    expect(csv, 'no export');
    const r = await http.post('/v1/imports?dryRun=false', undefined, { raw: csv, headers: { 'Content-Type': 'text/csv' } });
    expectStatus(r, 200);
    expectEqual([r.json.totalRows, r.json.unchanged, r.json.created, r.json.updated, r.json.rejected], [3, 3, 0, 0, 0], '[totalRows, unchanged, created, updated, rejected]');
  });
  const doc = newCpf();
  const sheet = `document,firstName,lastName,email\r\n${doc},Importada,Conformidade ${tag}i,${s.email('import')}\r\n00000000000,Errada,Conformidade ${tag}i,${s.email('import-bad')}\r\n`;
  await runner.check('POST /v1/imports?dryRun=true reports each row (one create, one reject) and writes nothing', async () => {
    const r = await http.post('/v1/imports?dryRun=true', undefined, { raw: sheet, headers: { 'Content-Type': 'text/csv' } });
    expectStatus(r, 200);
    expectEqual([r.json.dryRun, r.json.created, r.json.rejected], [true, 1, 1], '[dryRun, created, rejected]');
    expect((r.json.errors as Body[]).some((e) => e.row === 3), `no error for row 3: ${JSON.stringify(r.json.errors)}`);
    expectEqual((await http.get(`/v1/customers?q=${doc}`)).json.total, 0, 'customers with the document after a dry run');
  });
  await runner.check('the same file with dryRun=false creates the row; a second import reports it unchanged', async () => {
    const first = await http.post('/v1/imports?dryRun=false', undefined, { raw: sheet, headers: { 'Content-Type': 'text/csv' } });
    expectStatus(first, 200);
    expectEqual([first.json.created, first.json.rejected], [1, 1], '[created, rejected]');
    const list = await http.get(`/v1/customers?q=${doc}`);
    expectEqual(list.json.total, 1, 'customers with the document');
    s.customers.add(list.json.items[0].id);
    const again = await http.post('/v1/imports?dryRun=false', undefined, { raw: sheet, headers: { 'Content-Type': 'text/csv' } });
    expectEqual([again.json.created, again.json.unchanged, again.json.rejected], [0, 1, 1], '[created, unchanged, rejected] the second time');
  });
  await runner.check('an import body that is neither CSV nor XLSX → 415', async () => {
    expectProblem(await http.post('/v1/imports', undefined, { raw: '<xml/>', headers: { 'Content-Type': 'application/xml' } }), 415);
  });
}
