import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { app, call, PERSON } from './helpers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function download(s: MockServer, body: unknown, lang = 'pt-BR') {
  const res = await s.fetch(
    new Request('http://mock.test/v1/exports', {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.keys.secret}`, 'Content-Type': 'application/json', 'Accept-Language': lang, 'X-Actor': 'Exportadora' },
      body: JSON.stringify(body),
    }),
  );
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

describe('exports', () => {
  let s: MockServer;
  beforeAll(() => {
    s = app({ seed: 1200 });
  });
  afterAll(() => s.close());

  it('CSV: BOM, localized header, chosen columns, one row per match, filename and an audit entry with the SHA-256', async () => {
    const { res, bytes, text } = await download(s, { format: 'csv', dialect: 'machine', filter: { kind: 'company' }, columns: ['id', 'name', 'document', 'phone', 'totalSpent'] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="clientes-2026-11-22.csv"');
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('id,name,document,phone,totalSpent');
    const companies = (await call(s, 'GET', '/v1/customers?kind=company&limit=1')).json.total;
    expect(lines).toHaveLength(companies + 1);
    // Phones in E.164 are only a signed number: a spreadsheet reads them as numbers, never as
    // formulas, so they keep their "+" with no apostrophe (text starting with "+" is still escaped).
    expect(lines[1]).toMatch(/,\+55\d+,/);
    const audit = (await call(s, 'GET', '/v1/audit?action=export&limit=1')).json.items[0];
    expect(audit).toMatchObject({ action: 'export', count: companies, columns: ['id', 'name', 'document', 'phone', 'totalSpent'], actor: { name: 'Exportadora' } });
    expect(audit.filter).toMatchObject({ kind: 'company' });
    expect(audit.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('escapes = + - @ and quotes commas and quotes', async () => {
    const c = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, firstName: '=HYPERLINK("x")', lastName: '-Silva, "Júnior"', notes: '@x' } })).json;
    const { text } = await download(s, { format: 'csv', ids: [c.id], columns: ['firstName', 'lastName'] }, 'en');
    const [header, row] = text.slice(1).trim().split('\r\n');
    expect(header).toBe('First name;Last name');
    expect(row).toBe(`"'=HYPERLINK(""x"")";"'-Silva, ""Júnior"""`);
  });

  it('XLSX through exceljs, with a header row in Spanish', async () => {
    const ids = (await call(s, 'GET', '/v1/customers?limit=5')).json.items.map((x: { id: string }) => x.id);
    const { res, bytes } = await download(s, { format: 'xlsx', ids, columns: ['id', 'email', 'city'] }, 'es');
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toMatch(/clientes-2026-11-22\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'ID', 'Correo', 'Ciudad']);
    expect(ws.rowCount).toBe(6);
    expect(ids).toContain(ws.getRow(2).getCell(1).value);
  });

  it('exports the credits wallet', async () => {
    const { res, text } = await download(s, { format: 'csv', resource: 'credits' });
    expect(res.headers.get('content-disposition')).toMatch(/creditos-2026-11-22\.csv/);
    const lines = text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('ID do cliente;Nome;E-mail;Tipo de crédito;Valor (R$);Saldo (R$);Origem;Validade;Situação');
    // Labels, decimal comma and dd/mm/aaaa, as the customer export; the balance is what is left.
    expect(lines[1]).toMatch(/;(Indique e Ganhe|Bônus \(cashback\));"\d+,\d{2}";"\d+,\d{2}";.*;\d{2}\/\d{2}\/\d{4};(Ativo|A vencer|Usado|Vencido)$/);
    const total = (await call(s, 'GET', '/v1/credits?limit=1')).json.total;
    expect(lines).toHaveLength(total + 1);
  });
});

describe('imports', () => {
  let s: MockServer;
  beforeAll(() => {
    s = app({ seed: 0 });
  });
  afterAll(() => s.close());

  const csv = [
    'Tipo,CPF/CNPJ,Nome (primeiro),Sobrenome,Razão social,E-mail,Telefone,CEP,Logradouro,Cidade,UF,Categorias',
    'Pessoa física,529.982.247-25,Ana,Araújo,,ana@example.com,(11) 98888-7777,01310-100,Avenida Paulista,São Paulo,SP,',
    ',11.222.333/0001-81,,,Padaria Pão Quente Ltda,padaria@example.com,,,,,,',
    'Pessoa física,123.456.789-00,Bruno,Lima,,bruno@example.com,,,,,,',
    'Pessoa física,390.533.447-05,Carla,,,carla@example.com,,,,,,Inexistente',
  ].join('\r\n');

  const post = (body: BodyInit, type: string, dryRun: boolean) =>
    call(s, 'POST', `/v1/imports?dryRun=${dryRun}`, { raw: body, headers: { 'Content-Type': type } });

  it('template: the header row, CSV and XLSX', async () => {
    const t = await call(s, 'GET', '/v1/imports/template?format=csv');
    expect(t.headers.get('content-disposition')).toMatch(/attachment; filename="modelo-importacao-clientes-2026-11-22\.csv"/);
    expect(t.text.replace('\uFEFF', '').trim().split(';')).toContain('CPF/CNPJ');
    const x = await s.fetch(new Request('http://mock.test/v1/imports/template?format=xlsx', { headers: { Authorization: `Bearer ${s.keys.secret}` } }));
    expect(x.headers.get('content-type')).toBe(XLSX);
  });

  it('dry run reports per-row outcomes and errors without writing', async () => {
    const r = await post(csv, 'text/csv', true);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ dryRun: true, totalRows: 4, created: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(r.json.errors).toContainEqual(expect.objectContaining({ row: 4, path: 'document', code: 'invalid_cpf' }));
    expect(r.json.errors).toContainEqual(expect.objectContaining({ row: 5, path: 'categories', code: 'unknown_category' }));
    expect(r.json.errors).toContainEqual(expect.objectContaining({ row: 5, path: 'lastName', code: 'required' }));
    expect((await call(s, 'GET', '/v1/customers')).json.total).toBe(0);
  });

  it('imports, then the same file again changes nothing; a changed row updates', async () => {
    const first = await post(csv, 'text/csv', false);
    expect(first.json).toMatchObject({ dryRun: false, created: 2, rejected: 2 });
    const list = (await call(s, 'GET', '/v1/customers')).json;
    expect(list.total).toBe(2);
    expect(list.items.every((c: { source: string }) => c.source === 'import')).toBe(true);
    const second = await post(csv, 'text/csv', false);
    expect(second.json).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 2 });
    expect((await call(s, 'GET', '/v1/customers')).json.items.map((c: { version: number }) => c.version)).toEqual([1, 1]);
    const changed = await post(csv.replace('ana@example.com', 'ana.nova@example.com'), 'text/csv', false);
    expect(changed.json).toMatchObject({ updated: 1, unchanged: 1 });
    expect((await call(s, 'GET', '/v1/audit?action=import')).json.items).toHaveLength(4);
  });

  it('re-imports its own export unchanged, via multipart XLSX too', async () => {
    const exp = await download(s, { format: 'xlsx', columns: ['kind', 'document', 'firstName', 'lastName', 'legalName', 'email', 'phone', 'postalCode', 'street', 'city', 'state'] });
    const form = new FormData();
    form.append('file', new File([exp.bytes], 'clientes.xlsx', { type: XLSX }));
    const r = await call(s, 'POST', '/v1/imports?dryRun=false', { raw: form });
    expect(r.json).toMatchObject({ totalRows: 2, unchanged: 2, rejected: 0 });
    const csvExport = await download(s, { format: 'csv', columns: ['kind', 'document', 'name', 'email', 'phone'] });
    const again = await post(csvExport.bytes, 'text/csv', false);
    expect(again.json).toMatchObject({ totalRows: 2, unchanged: 2, rejected: 0 });
  });

  it('rejects other media types (415) and a sheet without a document column (422)', async () => {
    expect((await post('{}', 'application/json', true)).status).toBe(415);
    const r = await post('Nome\nAna\n', 'text/csv', true);
    expect(r.status).toBe(422);
  });
});
