// End to end on the admin example, in Chromium: a person creates a unit in Configurações →
// Unidades; the store's backend records an order there through the API; the person switches the
// table to that unit and sees the customer's total spent there (only its orders there), then
// filters the list by the unit, chosen by name in the filter builder; the choice lives in the URL.
import { createClient } from '@clientela/core/client';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const stack = useStack({ seed: 60 });
const run = Date.now() % 1e6;
const tableOf = (page: Page) => page.locator('#main cl-customer-table');
const builderOf = (page: Page) => page.locator('#main cl-filter-builder');
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('units: one customer base, figures per unit', () => {
  it('create a unit in settings, record an order there through the API, see the figures for that unit, filter by it', async () => {
    const api = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const admin = await openAdmin(stack, { elements: ['cl-customer-table', 'cl-filter-builder'] });
    const unitName = `Loja Shopping Morumbi ${run}`;

    // Configurações → Unidades: a new unit, by name.
    await admin.getByRole('button', { name: 'Configurações' }).click();
    const settings = admin.getByRole('dialog', { name: 'Configurações' });
    const manager = settings.locator('cl-unit-manager');
    await manager.getByRole('rowheader', { name: 'Loja Rua Augusta' }).waitFor({ timeout: 30_000 });
    await manager.getByLabel('Nome', { exact: true }).fill(unitName);
    await manager.getByRole('button', { name: 'Criar unidade' }).click();
    await expect.poll(() => manager.getByRole('status').textContent(), { timeout: 30_000 }).toBe(`Unidade “${unitName}” criada.`);
    const unit = (await api.units.list()).find((u) => u.name === unitName)!;
    expect(unit.id).toBe(`loja_shopping_morumbi_${run}`);
    await settings.getByRole('button', { name: 'Fechar' }).click();

    // The store's backend records orders: one at the new unit, one online.
    const ana = await api.customers.create({ kind: 'person', document: testCpf(run * 11 + 5), firstName: 'Ana', lastName: `Unidades ${run}`, email: `ana.unidades.${run}@example.com` });
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    await api.orders.create({ customerId: ana.id, number: `U-${run}-1`, unitId: unit.id, placedAt: day(3), itemsCount: 2, totalCents: 123_450, status: 'paid', source: 'pos' });
    await api.orders.create({ customerId: ana.id, number: `U-${run}-2`, unitId: 'loja_online', placedAt: day(1), itemsCount: 1, totalCents: 10_000, status: 'delivered', source: 'storefront' });

    // The table, searched for her, shows her figures over all units, then for the new unit.
    const table = tableOf(admin);
    await table.locator('#search').fill(`Unidades ${run}`);
    const row = table.locator(`[part~=row][data-id="${ana.id}"]`);
    const spent = row.locator('[data-key=totalSpent]');
    await expect.poll(async () => flat(await spent.textContent()), { timeout: 30_000 }).toBe('R$ 1.334,50');
    const select = table.locator('#unit');
    await expect.poll(() => select.locator('option').allTextContents(), { timeout: 30_000 }).toContain(unitName);
    await select.selectOption({ label: unitName });
    await expect.poll(async () => flat(await spent.textContent()), { timeout: 30_000 }).toBe('R$ 1.234,50');
    await expect.poll(() => new URL(admin.url()).searchParams.get('unit')).toBe(unit.id);
    await select.selectOption({ label: 'Loja online' });
    await expect.poll(async () => flat(await spent.textContent()), { timeout: 30_000 }).toBe('R$ 100,00');

    // Filter by the unit, chosen by name: only customers who bought there; the chip names it.
    await table.locator('#search').fill('');
    await select.selectOption({ label: unitName });
    const builder = builderOf(admin);
    await builder.getByRole('button', { name: 'Adicionar condição' }).click();
    await builder.getByRole('menuitem', { name: 'Unidade' }).click();
    const editor = builder.getByRole('dialog');
    await editor.getByRole('checkbox', { name: unitName }).check();
    await editor.getByRole('button', { name: 'Aplicar' }).click();
    await expect.poll(async () => (await builder.locator('.chip-text').allTextContents()).map((t) => t.trim()), { timeout: 30_000 }).toEqual([`Unidade: ${unitName}`]);
    await expect.poll(() => new URL(admin.url()).searchParams.get('filter'), { timeout: 30_000 }).toBe(`unit-${unit.id}`);
    await expect
      .poll(() => table.locator('[part~=row][data-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id'))), { timeout: 30_000 })
      .toEqual([ana.id]);

    // The link opens the same view: the unit's figures, the unit's customers.
    const again = await openAdmin(stack, { elements: ['cl-customer-table'], suffix: new URL(admin.url()).search });
    const shared = tableOf(again).locator(`[part~=row][data-id="${ana.id}"] [data-key=totalSpent]`);
    await expect.poll(async () => flat(await shared.textContent()), { timeout: 30_000 }).toBe('R$ 1.234,50');
    await again.close();
    await admin.close();
  }, 180_000);
});
