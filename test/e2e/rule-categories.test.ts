// End to end on the admin example, in Chromium: a person opens "Categorias", creates the
// automatic category "VIP: gastou mais de R$ 5.000" with its rule built in the filter builder and a
// discount, and sees its members (exactly the customers who spent more than R$ 5.000, checked over
// every customer), its figures and its rule in plain words; an order that takes a customer over
// R$ 5.000 adds a member, and cancelling it takes them out again.
import { createClient } from '@clientela/core/client';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const stack = useStack({ seed: 300 });
const NAME = 'VIP: gastou mais de R$ 5.000';

const managerOf = (page: Page) => page.locator('#categories-dialog cl-category-manager');
const rowOf = (page: Page) => managerOf(page).locator('tbody tr', { hasText: NAME });
/** The row's cells as a person reads them. */
const cells = async (page: Page) => (await rowOf(page).locator('td, th').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());

async function openManager(page: Page): Promise<void> {
  await page.locator('#open-categories').click();
  await managerOf(page).locator('table').waitFor({ timeout: 20_000 });
}

describe('automatic categories in the admin example', () => {
  it('creates "VIP: gastou mais de R$ 5.000" in the manager, sees its members, and they follow an order and its cancellation', async () => {
    const api = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const customer = await api.customers.create({ kind: 'person', document: testCpf(Date.now() % 1e9), firstName: 'Regina', lastName: 'Regra', email: `regina.${Date.now()}@example.com.br` });
    await api.orders.create({ customerId: customer.id, number: `E2E-R-${Date.now()}`, placedAt: new Date(Date.now() - 86_400_000).toISOString(), itemsCount: 1, totalCents: 400_000, status: 'paid' });

    const page = await openAdmin(stack, { elements: ['cl-customer-table', 'cl-category-manager'] });
    await openManager(page);
    const manager = managerOf(page);
    await manager.getByLabel('Nome', { exact: true }).fill(NAME);
    await manager.getByLabel('Desconto (%)').fill('10');
    await manager.getByLabel('Automática: os clientes entram e saem pela regra').check();
    const builder = manager.locator('cl-filter-builder');
    await builder.getByRole('button', { name: 'Adicionar condição' }).click();
    await builder.getByRole('menuitem', { name: 'Total gasto' }).click();
    const editor = builder.getByRole('dialog');
    await editor.getByLabel('A partir de (R$)').fill('5.000,01');
    await editor.getByRole('button', { name: 'Aplicar' }).click();
    await expect.poll(() => manager.locator('.rule-text').textContent()).toContain('Regra: Gastou R$\u00a05.000,01 ou mais');
    await manager.getByRole('button', { name: 'Criar categoria' }).click();
    await rowOf(page).waitFor({ timeout: 30_000 });

    // Its members: exactly the customers who spent more than R$ 5.000, over every customer.
    let over = 0;
    for await (const c of api.customers.iterate({ limit: 200 })) if (c.stats.totalSpentCents > 500_000) over++;
    expect(over).toBeGreaterThan(0);
    const n = (x: number) => new Intl.NumberFormat('pt-BR').format(x);
    const row = await cells(page);
    expect(row[1]).toContain('automática');
    expect(row[1]).toContain('Regra: Gastou R$ 5.000,01 ou mais');
    expect(row[3]).toBe(n(over));
    expect(row[8]).toBe('10%');
    const category = (await api.categories.list()).find((c) => c.name === NAME)!;
    expect(category).toMatchObject({ rule: 'spent-min-500001', discountPercent: 10, customerCount: over });
    expect((await api.customers.retrieve(customer.id)).categoryIds).not.toContain(category.id);

    // An order takes Regina over R$ 5.000: a member at once; the manager counts her.
    const order = await api.orders.create({ customerId: customer.id, number: `E2E-R2-${Date.now()}`, placedAt: new Date(Date.now() - 3_600_000).toISOString(), itemsCount: 2, totalCents: 150_000, status: 'paid' });
    expect((await api.customers.retrieve(customer.id)).categoryIds).toContain(category.id);
    await page.locator('#categories-dialog h2 + button').click();
    await openManager(page);
    await expect.poll(async () => (await cells(page))[3], { timeout: 20_000 }).toBe(n(over + 1));

    // Cancelled: she leaves, and the count goes back.
    await api.orders.update(order, { status: 'cancelled' });
    expect((await api.customers.retrieve(customer.id)).categoryIds).not.toContain(category.id);
    await page.locator('#categories-dialog h2 + button').click();
    await openManager(page);
    await expect.poll(async () => (await cells(page))[3], { timeout: 20_000 }).toBe(n(over));
    await page.close();
  }, 180_000);
});
