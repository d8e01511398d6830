// End to end on the example pages, in Chromium: an admin creates an access link for a customer
// a seller registered, the shopper opens it on the storefront, sets a password and is signed in;
// a 1,000-row spreadsheet with 10 bad rows is imported; the data log then shows the import and
// the document reveals done here.
import { createClient } from '@clientela/core/client';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const stack = useStack({ seed: 200 });
const run = Date.now() % 1e6;

const adminPage = () => openAdmin(stack, { elements: ['cl-customer-card', 'cl-customer-import', 'cl-customer-table'] });

describe('account access, import and data log on the examples', () => {
  const email = `ana.vendedor.${run}@example.com`;
  let customerId = '';

  it('an admin creates an access link; the shopper sets a password on the storefront and is signed in', async () => {
    // The customer a seller registered (no password yet).
    const api = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const created = await api.customers.create({ kind: 'person', document: testCpf(run * 7 + 11), firstName: 'Ana', lastName: `Vendedor ${run}`, email });
    customerId = created.id;
    expect(created.account.status).toBe('none');

    const admin = await adminPage();
    // Find the customer in the table and open the row.
    const table = admin.locator('#main cl-customer-table');
    await table.locator('input[type=search]').fill(`Vendedor ${run}`);
    await table.locator('input[type=search]').press('Enter');
    const row = table.locator(`[part~=row][data-id="${customerId}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.locator('[data-key=createdAt]').click();
    const card = admin.locator('#detail cl-customer-card');
    await expect.poll(() => card.locator('h2').textContent(), { timeout: 15_000 }).toBe(`Ana Vendedor ${run}`);
    // An audited reveal of the document.
    await card.getByRole('button', { name: 'Mostrar documento' }).click();
    await expect.poll(() => card.locator('[data-document]').textContent()).toMatch(/^\d{3}\.\d{3}\.\d{3}-\d{2}$/);

    await card.getByRole('button', { name: 'Criar link de acesso' }).click();
    const linkInput = card.locator('[data-copy=link]');
    await linkInput.waitFor({ timeout: 15_000 });
    const link = await linkInput.inputValue();
    expect(link).toMatch(/\/storefront\/\?token=/);
    await card.getByRole('button', { name: 'Copiar link' }).click();
    await admin.close();

    // The shopper opens the link (the admin sent it from their own e-mail).
    const shop = await stack.browser.newPage();
    shop.on('pageerror', (e) => console.error('storefront page error:', e.message));
    await shop.goto(link);
    const panel = shop.locator('#scenario-seller');
    await panel.locator('cl-account-access form[data-state=set-password]').waitFor({ timeout: 15_000 });
    expect(await shop.locator('#tab-seller').getAttribute('aria-selected')).toBe('true');
    await panel.getByLabel('E-mail').fill(email);
    await panel.getByLabel('Nova senha', { exact: true }).fill('segredo-123');
    await panel.getByLabel('Confirme a nova senha').fill('segredo-123');
    await panel.getByRole('button', { name: 'Salvar senha e entrar' }).click();
    // Setting the password signs in: the shopper lands on "Minha conta".
    const account = shop.locator('#scenario-account cl-account-access');
    await account.locator('[data-state=signed-in]').waitFor({ timeout: 15_000 });
    expect(await account.locator('[data-state=signed-in] h2').first().textContent()).toContain(`Ana Vendedor ${run}`);
    await expect.poll(() => shop.evaluate(() => JSON.parse(localStorage.getItem('clientela:session') ?? '{}').customerId), { timeout: 15_000 }).toBe(customerId);
    await account.getByRole('button', { name: 'Sair' }).click();
    expect(new URL(shop.url()).searchParams.get('token')).toBeNull();

    // The same link a second time is spent, and says so as it opens.
    await shop.goto(link);
    await panel.locator('[data-state=used]').waitFor({ timeout: 15_000 });

    // And the private catalog signs in with the password set above.
    await shop.goto(stack.examples.storefrontUrl + '#privado');
    const priv = shop.locator('#scenario-private');
    await priv.getByLabel('E-mail').fill(email);
    await priv.getByLabel('Senha', { exact: true }).fill('segredo-123');
    await priv.getByRole('button', { name: 'Entrar' }).click();
    await shop.locator('#scenario-account cl-account-access [data-state=signed-in]').waitFor({ timeout: 15_000 });
    await expect.poll(() => shop.evaluate(() => JSON.parse(localStorage.getItem('clientela:session') ?? '{}').customerId), { timeout: 15_000 }).toBe(customerId);
    await shop.close();
  }, 120_000);

  it('a customer migrated from another platform sets a new password from the link (scenario 4)', async () => {
    const api = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const migratedEmail = `migrado.${run}@example.com`;
    const migrated = await api.customers.create({ kind: 'person', document: testCpf(run * 13 + 5), firstName: 'Caio', lastName: `Migrado ${run}`, email: migratedEmail, source: 'import' });
    const admin = await adminPage();
    await admin.evaluate((id) => document.dispatchEvent(new CustomEvent('cl-customer-open', { detail: { id } })), migrated.id);
    const card = admin.locator('#detail cl-customer-card');
    await expect.poll(() => card.locator('h2').textContent(), { timeout: 15_000 }).toBe(`Caio Migrado ${run}`);
    await card.getByRole('button', { name: 'Criar link de acesso' }).click();
    const link = await card.locator('[data-copy=link]').inputValue();
    expect(new URL(link).searchParams.get('catalog')).toBe('migrated');
    await admin.close();

    const shop = await stack.browser.newPage();
    await shop.goto(link);
    const panel = shop.locator('#scenario-migrated');
    await panel.locator('cl-account-access form[data-state=set-password]').waitFor({ timeout: 15_000 });
    expect(await panel.locator('cl-account-access h2').textContent()).toBe('Cadastre uma nova senha');
    await panel.getByLabel('E-mail').fill(migratedEmail);
    await panel.getByLabel('Nova senha', { exact: true }).fill('nova-senha-9');
    await panel.getByLabel('Confirme a nova senha').fill('nova-senha-9');
    await panel.getByRole('button', { name: 'Salvar senha e entrar' }).click();
    await shop.locator('#scenario-account cl-account-access [data-state=signed-in]').waitFor({ timeout: 15_000 });
    await expect.poll(() => shop.evaluate(() => JSON.parse(localStorage.getItem('clientela:session') ?? '{}').customerId), { timeout: 15_000 }).toBe(migrated.id);
    await shop.close();
  }, 120_000);

  it('the credits wallet lists active credit by nearest expiry and exports it, which the data log records', async () => {
    const admin = await adminPage();
    await admin.click('#open-credits');
    const wallet = admin.locator('#credits-dialog');
    await wallet.locator('tbody tr').first().waitFor({ timeout: 15_000 });
    const expiries = await wallet.locator('tbody time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(expiries.length).toBeGreaterThan(0);
    expect([...expiries].sort()).toEqual(expiries);
    const download = admin.waitForEvent('download');
    await wallet.getByRole('button', { name: 'Exportar CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^creditos.*\.csv$/);
    const api = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const exports = await api.audit.list({ action: 'export', limit: 5 });
    expect(exports.items[0]?.filter).toMatchObject({ resource: 'credits' });
    await admin.close();
  }, 60_000);

  it('imports a 1,000-row file with 10 bad rows: exactly those 10 are reported, the rest created; the data log shows it', async () => {
    const bad = [3, 57, 120, 333, 404, 512, 640, 777, 901, 999];
    const lines = ['CPF/CNPJ,Nome (primeiro),Sobrenome,E-mail'];
    for (let i = 0; i < 1000; i++) {
      const doc = bad.includes(i) ? '111.222.333-00' : testCpf(run * 1000 + i + 500_000_000);
      lines.push(`${doc},Importado,Lote ${run} ${i},importado.${run}.${i}@example.com`);
    }
    const csv = lines.join('\r\n') + '\r\n';

    const admin = await adminPage();
    await admin.click('#open-import');
    const dialog = admin.locator('#import-dialog');
    const importer = dialog.locator('cl-customer-import');
    await importer.locator('input[type=file]').setInputFiles({ name: `clientes-${run}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const summary = importer.locator('[data-summary]');
    await summary.waitFor({ timeout: 60_000 });
    expect((await summary.textContent())!.replace(/\s+/g, ' ')).toContain('1.000 linhas: 990 novos, 0 atualizados, 0 sem alteração, 10 com erro');
    // Every error by row and field: the spreadsheet rows of the bad lines (header = row 1).
    const errorRows = await importer.locator('[part=errors] tbody tr').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset['row'])));
    expect([...new Set(errorRows)]).toEqual(bad.map((i) => i + 2));
    expect(await importer.locator('[part=errors] tbody tr td[data-path]').first().textContent()).toBe('CPF/CNPJ');
    expect(await importer.locator('[part=preview] tbody tr').count()).toBe(10);

    await importer.getByRole('button', { name: 'Confirmar importação' }).click();
    await importer.locator('[data-count=created]').waitFor({ timeout: 60_000 });
    expect(await importer.locator('[data-count=created]').textContent()).toBe('990');
    expect(await importer.locator('[data-count=rejected]').textContent()).toBe('10');
    expect(await importer.getByRole('button', { name: 'Baixar linhas rejeitadas (CSV)' }).count()).toBe(1);

    // Importing the same file again changes nothing.
    await importer.getByRole('button', { name: 'Escolher outro arquivo' }).click();
    await importer.locator('input[type=file]').setInputFiles({ name: `clientes-${run}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await summary.waitFor({ timeout: 60_000 });
    expect((await summary.textContent())!.replace(/\s+/g, ' ')).toContain('990 sem alteração');
    await dialog.getByRole('button', { name: 'Fechar' }).click();

    // The data log: the import (written, not only the dry run) and the reveals of the first test.
    await admin.click('#open-audit');
    const log = admin.locator('#audit-dialog cl-audit-log');
    await log.locator('[part=row]').first().waitFor({ timeout: 15_000 });
    await log.locator('select[name=action]').selectOption('import');
    await log.getByRole('button', { name: 'Filtrar' }).click();
    await expect.poll(() => log.locator('[part=row]').evaluateAll((rows) => rows.every((r) => (r as HTMLElement).dataset['action'] === 'import') && rows.length)).toBeGreaterThanOrEqual(3);
    const imports = await log.locator('[part=row]').allTextContents();
    expect(imports.some((text) => text.includes('Importou planilha de 1.000 linhas: 990 novos, 0 atualizados, 0 sem alteração, 10 com erro'))).toBe(true);
    expect(imports.some((text) => text.includes('Conferiu planilha de 1.000 linhas, sem gravar: 990 novos'))).toBe(true);

    await log.locator('select[name=action]').selectOption('customer.reveal');
    await log.getByRole('button', { name: 'Filtrar' }).click();
    await expect
      .poll(() => log.locator('[part=row]').evaluateAll((rows, name) => rows.filter((r) => (r as HTMLElement).dataset['action'] === 'customer.reveal' && r.textContent!.includes(`Visualizou o documento de ${name}`)).length, `Ana Vendedor ${run}`))
      .toBeGreaterThanOrEqual(1);
    await admin.close();
  }, 180_000);
});
