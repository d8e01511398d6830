// End to end on the admin example, in Chromium: a CSV exported with the default (Brazilian)
// format and one in the machine format import back unchanged; a real spreadsheet with a
// 15/03/1990 birth date is accepted, and a row with 25 cells instead of 26 is rejected with that
// reason, each rejected row named by who it is and each error by its column label.
import { createClient } from '@clientela/core/client';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const stack = useStack({ seed: 60 });
const run = Date.now() % 1e6;

const adminPage = () => openAdmin(stack, { elements: ['cl-customer-table', 'cl-customer-import'], acceptDownloads: true });

/** Uploads `csv` in the import dialog and returns the dry run's summary. */
async function dryRun(admin: Page, name: string, csv: string) {
  await admin.click('#open-import');
  const importer = admin.locator('#import-dialog cl-customer-import');
  await importer.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const summary = importer.locator('[data-summary]');
  await summary.waitFor({ timeout: 30_000 });
  return { importer, summary: (await summary.textContent())!.replace(/\s+/g, ' ') };
}

describe('spreadsheets a Brazilian admin opens and imports', () => {
  it('the default export is Brazilian Excel, and it and the machine export import back unchanged', async () => {
    const api = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    for (let i = 0; i < 3; i++) {
      await api.customers.create({ kind: 'person', document: testCpf(run * 5 + i), firstName: 'Rui', lastName: `Planilha${run} ${i}`, email: `rui.${run}.${i}@example.com`, phone: '(48) 97585-8686', birthDate: '1990-03-15' });
    }
    const admin = await adminPage();
    const table = admin.locator('#main cl-customer-table');
    await table.locator('input[type=search]').fill(`Planilha${run}`);
    await table.locator('input[type=search]').press('Enter');
    await expect.poll(() => table.locator('[part~=row][data-id]').count(), { timeout: 30_000 }).toBe(3);
    const download = admin.waitForEvent('download');
    await table.getByRole('button', { name: 'Exportar CSV' }).click();
    const file = await download;
    const csv = (await import('node:fs')).readFileSync((await file.path())!, 'utf8');
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header!.split(';')).toContain('Situação');
    expect(rows).toHaveLength(3);
    // Labels, formatted phone, dd/mm/aaaa; no English status, no ISO timestamp, no '+55.
    expect(rows[0]).toContain(';Ativo');
    expect(rows[0]).toContain('(48) 97585-8686');
    expect(rows[0]).toMatch(/;\d{2}\/\d{2}\/\d{4}/);
    expect(csv).not.toMatch(/active|T\d{2}:\d{2}|'\+55/);

    const br = await dryRun(admin, 'clientes.csv', csv);
    expect(br.summary).toContain('3 linhas: 0 novos, 0 atualizados, 3 sem alteração, 0 com erro');
    await admin.locator('#import-dialog').getByRole('button', { name: 'Fechar' }).click();

    const machine = await api.exports.download({ format: 'csv', dialect: 'machine', filter: { q: `Planilha${run}` } });
    const machineCsv = await machine.blob.text();
    expect(machineCsv.split('\r\n')[1]).toMatch(/,active,/);
    const again = await dryRun(admin, 'integracao.csv', machineCsv);
    expect(again.summary).toContain('3 sem alteração, 0 com erro');
    await admin.close();
  }, 120_000);

  it('a real spreadsheet: 15/03/1990 accepted; a 25-cell row rejected with that reason; rejected rows named', async () => {
    const api = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const template = await api.imports.template('csv');
    const header = (await template.blob.text()).replace(/^\uFEFF/, '').trim();
    const columns = header.split(';');
    expect(columns).toHaveLength(26);
    const row = (values: Record<string, string>) => columns.map((c) => values[c] ?? '');
    const good = row({ Tipo: 'Pessoa física', 'CPF/CNPJ': testCpf(run * 7 + 1), 'Nome (primeiro)': 'Lia', Sobrenome: `Datas ${run}`, 'E-mail': `lia.${run}@example.com`, 'Data de nascimento': '15/03/1990' });
    const short = row({ Tipo: 'Pessoa física', 'CPF/CNPJ': testCpf(run * 7 + 2), 'Nome (primeiro)': 'Téo', Sobrenome: `Curto ${run}`, 'E-mail': `teo.${run}@example.com` }).slice(0, 25);
    const badDate = row({ Tipo: 'Pessoa física', 'CPF/CNPJ': testCpf(run * 7 + 3), 'Nome (primeiro)': 'Ivo', Sobrenome: `Data ${run}`, 'E-mail': `ivo.${run}@example.com`, 'Data de nascimento': '31/02/1990' });
    const csv = [header, good.join(';'), short.join(';'), badDate.join(';')].join('\r\n') + '\r\n';

    const admin = await adminPage();
    const { importer, summary } = await dryRun(admin, 'planilha-real.csv', csv);
    expect(summary).toContain('3 linhas: 1 novo');
    expect(summary).toContain('2 com erro');
    const errors = await importer.locator('[part=errors] tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent!.replace(/\s+/g, ' ').trim()));
    expect(errors).toEqual([
      '3 Linha A linha tem 25 colunas e o cabeçalho tem 26: confira se falta ou sobra uma coluna.',
      '4 Data de nascimento Informe uma data válida.',
    ]);
    const preview = await importer.locator('[part=preview] tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent!.replace(/\s+/g, ' ').trim()));
    expect(preview[0]).toContain(`Lia Datas ${run}`);
    expect(preview[1]).toContain(`Téo Curto ${run}`);
    expect(preview[2]).toContain(`Ivo Data ${run}`);

    await importer.getByRole('button', { name: 'Confirmar importação' }).click();
    await importer.locator('[data-count=created]').waitFor({ timeout: 30_000 });
    const [lia] = (await api.customers.list({ q: `Lia Datas ${run}` })).items;
    expect(lia?.kind === 'person' && lia.birthDate).toBe('1990-03-15');
    await admin.close();
  }, 120_000);
});
