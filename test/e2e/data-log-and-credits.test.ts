// End to end on the admin example, in Chromium: the data log reads as sentences a person
// understands (opening a card is not a reveal; the eye is; an edit names only the field changed;
// a bulk action names its category; an export says what was downloaded), and the card's credits
// and average rating tell the truth (a credit past its expiry shows as expired; the wallet's
// active list starts at the nearest future expiry; the average agrees with the rated orders).
import type { Customer } from '@clientela/core';
import { createClient } from '@clientela/core/client';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const stack = useStack({ seed: 400 });
const run = Date.now() % 1e6;

const adminPage = () => openAdmin(stack, { elements: ['cl-customer-card', 'cl-customer-table', 'cl-audit-log'] });

const api = () => createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });

describe('the data log reads as sentences', () => {
  it('a card, a reveal, an edit, a bulk action and an export, as the admin does them', async () => {
    const client = api();
    const olga = await client.customers.create({ kind: 'person', document: testCpf(run * 3 + 1), firstName: 'Olga', lastName: `Registro ${run}`, email: `olga.${run}@example.com`, phone: '(11) 98888-7777' });
    for (let i = 0; i < 3; i++) {
      await client.customers.create({ kind: 'person', document: testCpf(run * 3 + 100 + i), firstName: 'Lia', lastName: `Lote${run} ${i}`, email: `lia.${run}.${i}@example.com` });
    }
    const ouro = await client.categories.create({ name: `Ouro ${run}` });
    const reveals = async () => (await client.audit.list({ action: 'customer.reveal', limit: 200 })).items.filter((e) => e.target === olga.id).length;

    const admin = await adminPage();
    const table = admin.locator('#main cl-customer-table');
    await table.locator('input[type=search]').fill(`Registro ${run}`);
    await table.locator('input[type=search]').press('Enter');
    const row = table.locator(`[part~=row][data-id="${olga.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    await row.locator('[data-key=createdAt]').click();
    const card = admin.locator('#detail cl-customer-card');
    await expect.poll(() => card.locator('h2').textContent(), { timeout: 15_000 }).toBe(`Olga Registro ${run}`);
    await expect.poll(() => card.locator('[data-document]').textContent()).toMatch(/^\*\*\*\.\d{3}\.\d{3}-\*\*$/);
    // Opening the card showed the document masked: nothing was revealed.
    expect(await reveals()).toBe(0);
    await card.getByRole('button', { name: 'Mostrar documento' }).click();
    await expect.poll(() => card.locator('[data-document]').textContent()).toMatch(/^\d{3}\.\d{3}\.\d{3}-\d{2}$/);
    expect(await reveals()).toBe(1);

    // Edit only the phone.
    await card.getByRole('button', { name: 'Editar' }).click();
    const form = admin.locator('cl-customer-form');
    const phone = form.getByLabel('Telefone', { exact: false }).first();
    await expect.poll(() => phone.inputValue(), { timeout: 15_000 }).toBe('(11) 98888-7777');
    // The form shows the document masked and locked: opening it read nothing in full.
    const cpf = form.getByLabel('CPF', { exact: true });
    expect(await cpf.inputValue()).toMatch(/^\*\*\*\.\d{3}\.\d{3}-\*\*$/);
    expect(await cpf.isDisabled()).toBe(true);
    expect(await reveals()).toBe(1);
    await phone.fill('(11) 97777-6666');
    await form.getByRole('button', { name: 'Salvar alterações' }).click();
    await expect.poll(async () => (await client.customers.retrieve(olga.id, { document: 'masked' })).phone, { timeout: 15_000 }).toBe('+5511977776666');
    // The form's dialog closes itself once saved; Esc then closes the card.
    await form.waitFor({ state: 'detached', timeout: 15_000 });
    // Saving the phone kept the document and revealed nothing: the one reveal is the eye's.
    expect(await reveals()).toBe(1);
    expect((await client.customers.retrieve(olga.id)).document).toBe(olga.document);
    await admin.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden', timeout: 15_000 });

    // Two of the batch downloaded as XLSX, then all three added to a category.
    await table.locator('input[type=search]').fill(`Lote${run}`);
    await table.locator('input[type=search]').press('Enter');
    await expect.poll(() => table.locator('[part~=row][data-id]').count(), { timeout: 30_000 }).toBe(3);
    await table.getByRole('checkbox', { name: `Selecionar Lia Lote${run} 0` }).check();
    await table.getByRole('checkbox', { name: `Selecionar Lia Lote${run} 1` }).check();
    const download = admin.waitForEvent('download');
    await table.getByRole('button', { name: 'Exportar XLSX' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await table.getByRole('checkbox', { name: 'Selecionar todos carregados' }).check();
    await table.locator('#bulk-category').selectOption({ label: `Ouro ${run}` });
    await table.locator('#bulk-add').click();
    await expect.poll(async () => (await client.customers.list({ categoryId: ouro.id })).total, { timeout: 15_000 }).toBe(3);

    // The data log, as the admin reads it.
    await admin.click('#open-audit');
    const log = admin.locator('#audit-dialog cl-audit-log');
    await log.locator('[part=row]').first().waitFor({ timeout: 15_000 });
    const sentences = async () => log.locator('[data-sentence]').allTextContents();
    await expect.poll(sentences, { timeout: 15_000 }).toContain(`Adicionou a categoria Ouro ${run} a 3 clientes (filtro: 3 selecionados)`);
    const said = await sentences();
    expect(said).toContain(`Alterou Telefone de Olga Registro ${run}`);
    expect(said).toContain(`Visualizou o documento de Olga Registro ${run}`);
    expect(said.some((s) => s.startsWith('Baixou planilha XLSX de 2 clientes: colunas ID, Nome, CPF/CNPJ, E-mail, Telefone'))).toBe(true);
    expect(said).toContain(`Criou a categoria Ouro ${run}`);
    // Nothing technical: no ids, no English field names.
    expect(said.join('\n')).not.toMatch(/cat_|cus_|categoryIds|addCategories|resource:/);
    await admin.close();
  }, 180_000);
});

describe('credits and ratings tell the truth', () => {
  it('a credit past its expiry shows as expired on the card; the wallet starts at the nearest future expiry', async () => {
    const client = api();
    const now = new Date().toISOString();
    const all = [];
    for await (const entry of client.credits.iterate({ limit: 200 })) all.push(entry);
    // The credit not redeemed whose expiry passed most recently.
    const lapsed = all.filter((e) => e.credit.status !== 'used' && e.credit.expiresAt < now).at(-1);
    expect(lapsed).toBeDefined();

    const admin = await adminPage();
    await admin.evaluate((id) => document.dispatchEvent(new CustomEvent('cl-customer-open', { detail: { id } })), lapsed!.customerId);
    const card = admin.locator('#detail cl-customer-card');
    const creditRow = card.locator(`[data-credit="${lapsed!.credit.id}"]`);
    await creditRow.waitFor({ timeout: 15_000 });
    expect(await creditRow.locator('td').last().textContent()).toBe('Vencido');

    await admin.click('#open-credits');
    const wallet = admin.locator('#credits-dialog');
    await wallet.locator('tbody tr').first().waitFor({ timeout: 15_000 });
    const expiries = await wallet.locator('tbody time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(expiries.length).toBeGreaterThan(0);
    expect(expiries[0]! > now).toBe(true);
    expect([...expiries].sort()).toEqual(expiries);
    await admin.close();
  }, 120_000);

  it("the card's average rating agrees with the stars of its orders", async () => {
    const client = api();
    let chosen: { customer: Customer; mean: number } | undefined;
    for await (const customer of client.customers.iterate({ limit: 100 })) {
      if (customer.stats.ordersCount < 2 || customer.stats.ordersCount > 5) continue;
      const ratings = (await client.customers.orders(customer.id, { limit: 5 })).items.flatMap((o) => (o.rating ? [o.rating] : []));
      if (ratings.length) {
        chosen = { customer, mean: ratings.reduce((a, b) => a + b, 0) / ratings.length };
        break;
      }
    }
    expect(chosen).toBeDefined();
    const admin = await adminPage();
    await admin.evaluate((id) => document.dispatchEvent(new CustomEvent('cl-customer-open', { detail: { id } })), chosen!.customer.id);
    const card = admin.locator('#detail cl-customer-card');
    await card.locator('[part~=order-row]').first().waitFor({ timeout: 15_000 });
    const expected = new Intl.NumberFormat('pt-BR').format(Math.round(chosen!.mean * 10) / 10);
    const stats = (await card.locator('section[aria-labelledby=h-stats]').textContent())!.replace(/\s+/g, ' ');
    expect(stats).toMatch(new RegExp(`Avaliação média\\s*${expected} de 5`));
    await admin.close();
  }, 120_000);
});
