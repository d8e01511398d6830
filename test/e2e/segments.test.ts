// End to end on the admin example, in Chromium: a person builds "Sem compra há 90 dias" AND
// "UF = SP" with the filter builder, saves it as a shared view, reloads (the view lives in the
// URL), opens the same URL in a new page and sees the same rows, selects all matching and exports
// them; the exported rows are exactly the server's filtered list, and that list is exactly what a
// brute-force check over every customer (core's matchesFilter) selects.
import { readFileSync } from 'node:fs';
import type { Customer } from '@clientela/core';
import { createClient } from '@clientela/core/client';
import { matchesFilter, parseFilter, resolveFilter } from '@clientela/core/schemas';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, useStack } from './stack.js';

// Enough customers that the filter matches more than the table's first page (50), so "all matching" is more than the loaded rows.
const stack = useStack({ seed: 1000 });
const FILTER = 'last-notwithin-90.uf-SP';
const ELEMENTS = ['cl-customer-table', 'cl-filter-builder'];

const builderOf = (page: Page) => page.locator('#main cl-filter-builder');
const tableOf = (page: Page) => page.locator('#main cl-customer-table');
const chipsOf = async (page: Page) => (await builderOf(page).locator('.chip-text').allTextContents()).map((t) => t.trim());
const countOf = (page: Page) => builderOf(page).locator('[part=count]').textContent();
const rowIds = (page: Page) => tableOf(page).locator('[part~=row][data-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));

describe('segments: a filter built, saved, shared by link and exported', () => {
  it('"Sem compra há 90 dias" AND "UF = SP": build, save, reload, share, select all matching, export', async () => {
    const api = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    // The server's answer, and a brute-force check of it over every customer.
    const listed: string[] = [];
    for await (const c of api.customers.iterate({ filter: FILTER, limit: 200 })) listed.push(c.id);
    const parsed = parseFilter(FILTER);
    if (!parsed.success) throw new Error('unreadable filter');
    const resolved = resolveFilter(parsed.data, new Date());
    const brute: string[] = [];
    for await (const c of api.customers.iterate({ limit: 200 })) if (matchesFilter(c as unknown as Customer, resolved)) brute.push(c.id);
    expect(listed.length).toBeGreaterThan(50);
    expect([...listed].sort()).toEqual([...brute].sort());
    const n = new Intl.NumberFormat('pt-BR').format(listed.length);

    // Build it with the builder, by keyboard and clicks, as a person would.
    const admin = await openAdmin(stack, { elements: ELEMENTS });
    const builder = builderOf(admin);
    await builder.getByRole('button', { name: 'Adicionar condição' }).click();
    await builder.getByRole('menuitem', { name: 'Sem compra há dias' }).click();
    const editor = builder.getByRole('dialog');
    await expect.poll(() => editor.getByLabel('Dias').inputValue()).toBe('90');
    await editor.getByRole('button', { name: 'Aplicar' }).click();
    await builder.getByRole('button', { name: 'Adicionar condição' }).click();
    await builder.getByRole('menuitem', { name: 'UF' }).click();
    await editor.getByRole('checkbox', { name: 'SP', exact: true }).check();
    await editor.getByRole('button', { name: 'Aplicar' }).click();
    expect(await chipsOf(admin)).toEqual(['Sem compra há 90 dias', 'UF: SP']);
    await expect.poll(() => new URL(admin.url()).searchParams.get('filter'), { timeout: 30_000 }).toBe(FILTER);
    await expect.poll(() => countOf(admin), { timeout: 30_000 }).toBe(`${n} clientes`);

    // Save it as a view shared with the team.
    await builder.getByRole('button', { name: 'Visões' }).click();
    await builder.getByRole('menuitem', { name: 'Salvar visão atual…' }).click();
    const save = builder.getByRole('dialog', { name: 'Salvar visão' });
    await save.getByLabel('Nome da visão').fill('SP sem compra há 90 dias');
    await save.getByLabel('Compartilhar com a equipe').check();
    await save.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(() => builder.locator('#views-button').textContent(), { timeout: 30_000 }).toContain('Visão: SP sem compra há 90 dias');
    const stored = (await api.views.list()).find((v) => v.name === 'SP sem compra há 90 dias');
    expect(stored).toMatchObject({ filter: FILTER, shared: true, builtIn: false });

    // Reload: the view comes back from the URL, and the saved view is listed.
    await admin.reload();
    await admin.waitForFunction((tags) => tags.every((t) => customElements.get(t)), ELEMENTS);
    await expect.poll(() => chipsOf(admin), { timeout: 30_000 }).toEqual(['Sem compra há 90 dias', 'UF: SP']);
    await expect.poll(() => countOf(admin), { timeout: 30_000 }).toBe(`${n} clientes`);
    await builderOf(admin).getByRole('button', { name: 'Visões' }).click();
    await expect(builderOf(admin).getByRole('menuitemradio', { name: /SP sem compra há 90 dias/ }).count()).resolves.toBe(1);
    await admin.keyboard.press('Escape');
    await expect.poll(() => rowIds(admin).then((ids) => ids.length), { timeout: 30_000 }).toBeGreaterThan(0);
    const firstRows = await rowIds(admin);

    // The shared link, in a new page: the same rows.
    const shared = await openAdmin(stack, { elements: ELEMENTS, acceptDownloads: true, suffix: new URL(admin.url()).search });
    await expect.poll(() => countOf(shared), { timeout: 30_000 }).toBe(`${n} clientes`);
    await expect.poll(() => rowIds(shared), { timeout: 30_000 }).toEqual(firstRows);
    for (const id of firstRows) expect(listed).toContain(id);

    // Select all matching, and export them.
    const table = tableOf(shared);
    await table.getByRole('checkbox', { name: 'Selecionar todos carregados' }).check();
    const bar = table.locator('[part=bulk-bar]');
    await expect.poll(() => bar.textContent(), { timeout: 30_000 }).toMatch(/selecionados/);
    // When the loaded rows are fewer than the matches, the bar offers all of them (the table may
    // already hold every match, when the bar says "115 selecionados").
    const all = table.getByRole('button', { name: `Selecionar todos os ${n} clientes` });
    if (await all.count()) await all.click();
    await expect.poll(() => bar.textContent(), { timeout: 30_000 }).toMatch(new RegExp(`Todos os ${n} clientes estão selecionados|${n} selecionados`));
    const download = shared.waitForEvent('download');
    await table.getByRole('button', { name: 'Exportar CSV' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = csv[0]!.split(';');
    const idColumn = header.indexOf('ID');
    expect(idColumn).toBeGreaterThanOrEqual(0);
    const exported = csv.slice(1).map((line) => line.split(';')[idColumn]!.replace(/^"|"$/g, ''));
    expect(exported.sort()).toEqual([...listed].sort());
    await admin.close();
    await shared.close();
  }, 180_000);
});
