// Exports that Brazilian Excel reads as intended (the default), a machine dialect for
// integrations, and imports of real spreadsheets: both dialects read back, dd/mm/aaaa dates,
// a row with the wrong number of cells refused, every rejected row named.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { app, call, PERSON } from './helpers.js';

async function download(s: MockServer, body: unknown) {
  const res = await s.fetch(
    new Request('http://mock.test/v1/exports', {
      method: 'POST',
      headers: { Authorization: `Bearer ${s.keys.secret}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { bytes, text: new TextDecoder().decode(bytes).replace(/^\uFEFF/, '') };
}

async function importCsv(s: MockServer, csv: string, dryRun = true) {
  const r = await call(s, 'POST', `/v1/imports?dryRun=${dryRun}`, { raw: csv, headers: { 'Content-Type': 'text/csv' } });
  expect(r.status).toBe(200);
  return r.json;
}

describe('exports Brazilian Excel reads as intended', () => {
  let s: MockServer;
  let id: string;
  beforeAll(async () => {
    s = app({ seed: 40 });
    const created = await call(s, 'POST', '/v1/customers', { body: { ...PERSON, birthDate: '1990-03-15', status: 'blocked', whatsapp: true, discountPercent: 2.5 } });
    id = created.json.id;
  });
  afterAll(() => s.close());

  it('CSV by default: `;`, decimal comma, labels, dd/mm/aaaa in São Paulo time, formatted phone and document', async () => {
    const { text } = await download(s, { format: 'csv', ids: [id], columns: ['name', 'kind', 'status', 'document', 'phone', 'whatsapp', 'birthDate', 'discountPercent', 'totalSpent', 'createdAt'] });
    const [header, row] = text.trim().split('\r\n');
    expect(header).toBe('Nome;Tipo;Situação;CPF/CNPJ;Telefone;WhatsApp;Data de nascimento;Desconto (%);Total gasto (R$);Cliente desde');
    // Created 2026-11-22T12:00Z: 09:00 in São Paulo, the same day. A cell holding a comma is
    // quoted whatever the separator (a reader guessing it still sees one cell); Excel reads a
    // quoted "2,5" as the number 2,5.
    expect(row).toBe('João da Conceição;Pessoa física;Bloqueado;529.982.247-25;(11) 98765-4321;Sim;15/03/1990;"2,5";"0,00";22/11/2026');
  });

  it('a timestamp is written as the calendar day of the store’s time zone', async () => {
    const late = app({ seed: 0, now: () => new Date('2026-11-23T01:30:00.000Z') });
    const c = await call(late, 'POST', '/v1/customers', { body: PERSON });
    const ask = (timeZone?: string) => download(late, { format: 'csv', ids: [c.json.id], columns: ['createdAt'], ...(timeZone ? { timeZone } : {}) });
    expect((await ask()).text.trim().split('\r\n')[1]).toBe('22/11/2026');
    expect((await ask('UTC')).text.trim().split('\r\n')[1]).toBe('23/11/2026');
    expect((await call(late, 'POST', '/v1/exports', { body: { format: 'csv', timeZone: 'Mars/Olympus' } })).status).toBe(422);
    late.close();
  });

  it('the machine dialect: `,`, ISO dates, codes, E.164 and bare documents under column keys', async () => {
    const { text } = await download(s, { format: 'csv', dialect: 'machine', ids: [id], columns: ['name', 'kind', 'status', 'document', 'phone', 'whatsapp', 'birthDate', 'discountPercent', 'totalSpent', 'createdAt'] });
    const [header, row] = text.trim().split('\r\n');
    expect(header).toBe('name,kind,status,document,phone,whatsapp,birthDate,discountPercent,totalSpent,createdAt');
    expect(row).toBe("João da Conceição,person,blocked,52998224725,+5511987654321,true,1990-03-15,2.5,0.00,2026-11-22T12:00:00.000Z");
  });

  it('XLSX cells are typed: money a number with a currency format, dates as dates', async () => {
    const { bytes } = await download(s, { format: 'xlsx', filter: { sort: undefined }, columns: ['name', 'status', 'totalSpent', 'ordersCount', 'birthDate', 'createdAt'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Nome', 'Situação', 'Total gasto (R$)', 'Pedidos', 'Data de nascimento', 'Cliente desde']);
    let seen = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const spent = row.getCell(3);
      expect(typeof spent.value).toBe('number');
      expect(spent.numFmt).toContain('R$');
      expect(typeof row.getCell(4).value).toBe('number');
      expect(row.getCell(6).value).toBeInstanceOf(Date);
      expect(row.getCell(6).numFmt).toBe('dd/mm/yyyy');
      if (row.getCell(1).value === 'João da Conceição') {
        expect(row.getCell(2).value).toBe('Bloqueado');
        expect((row.getCell(5).value as Date).toISOString()).toBe('1990-03-15T00:00:00.000Z');
      }
      seen++;
    });
    expect(seen).toBeGreaterThan(10);
  });

  it('an export in either dialect imports back with every row unchanged', async () => {
    for (const dialect of ['br', 'machine'] as const) {
      const { text } = await download(s, { format: 'csv', dialect });
      const report = await importCsv(s, text);
      expect(report.rejected, JSON.stringify(report.errors.slice(0, 3))).toBe(0);
      expect(report.unchanged).toBe(report.totalRows);
      expect(report.totalRows).toBeGreaterThan(30);
    }
    const all = await download(s, { format: 'csv', columns: ['kind', 'document', 'firstName', 'lastName', 'legalName', 'email', 'phone', 'whatsapp', 'birthDate', 'postalCode', 'street', 'number', 'city', 'state', 'categories', 'discountPercent', 'status'] });
    const report = await importCsv(s, all.text);
    expect(report.rejected, JSON.stringify(report.errors.slice(0, 3))).toBe(0);
    expect(report.unchanged).toBe(report.totalRows);
  });
});

describe('imports of real spreadsheets', () => {
  let s: MockServer;
  beforeAll(() => {
    s = app({ seed: 0 });
  });
  afterAll(() => s.close());

  const header = 'Tipo;CPF/CNPJ;Nome (primeiro);Sobrenome;E-mail;Telefone;Data de nascimento;Total gasto (R$)';

  it('accepts dd/mm/aaaa and ISO birth dates, and a decimal comma in a `;` file', async () => {
    const csv = [header, 'Pessoa física;529.982.247-25;Ana;Lima;ana@example.com;(11) 98765-4321;15/03/1990;1383,40', 'Pessoa física;390.533.447-05;Bia;Reis;bia@example.com;;1985-07-02;0,00'].join('\r\n');
    const report = await importCsv(s, csv, false);
    expect(report.errors).toEqual([]);
    expect(report.created).toBe(2);
    const ana = (await call(s, 'GET', '/v1/customers?q=ana%20lima')).json.items[0];
    expect(ana.birthDate).toBe('1990-03-15');
  });

  it('refuses an impossible date, naming the field by its column label and the row by its person', async () => {
    const report = await importCsv(s, [header, 'Pessoa física;111.444.777-35;Caio;Prado;caio@example.com;;31/02/1990;0'].join('\r\n'));
    expect(report.rejected).toBe(1);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ row: 2, path: 'birthDate', code: 'invalid_date' });
    expect(report.rows[0]).toMatchObject({ outcome: 'reject', name: 'Caio Prado', document: '11144477735' });
  });

  it('rejects a row with the wrong number of cells instead of shifting it', async () => {
    const full = 'Pessoa física;714.602.380-01;Duda;Melo;duda@example.com;(21) 99876-5432;01/02/2000;0';
    const short = 'Pessoa física;853.513.468-93;Eva;Nunes;eva@example.com;01/02/2000;0';
    const report = await importCsv(s, [header, full, short].join('\r\n'));
    expect(report.created).toBe(1);
    expect(report.rejected).toBe(1);
    expect(report.errors).toEqual([{ row: 3, path: 'row', code: 'column_count', message: 'A linha tem 7 colunas e o cabeçalho tem 8: confira se falta ou sobra uma coluna.' }]);
    expect(report.rows[1]).toMatchObject({ row: 3, outcome: 'reject', name: 'Eva Nunes' });
  });

  it('a `,` file with quoted cells still reads as before', async () => {
    const csv = 'CPF/CNPJ,Nome (primeiro),Sobrenome,E-mail,Situação\r\n"390.533.447-05","Bia","Reis, da Silva",bia@example.com,Inativo\r\n';
    const report = await importCsv(s, csv);
    expect(report.errors).toEqual([]);
    expect(report.rows[0]).toMatchObject({ outcome: 'update', name: 'Bia Reis' });
  });
});
