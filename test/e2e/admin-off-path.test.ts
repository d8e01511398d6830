// End to end on the admin example, off the desktop demo path (issue 12, admin items 1–4 and 9):
// a 390 × 844 phone and a 1280 × 900 desktop, a server that fails some requests, categories and
// customers changed in one element and seen in the others, and the small things a person notices.
// Each test is a person's steps in Chromium against the mock server CLI and the example pages.
import { createClient } from '@clientela/core/client';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { startStack, testCpf, type Stack } from './stack.js';

let stack: Stack;
let browser: Browser;
let adminUrl: string;
let api: ReturnType<typeof createClient>;
const run = Date.now() % 1e6;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

beforeAll(async () => {
  stack = await startStack({ seed: 400 });
  browser = stack.browser;
  adminUrl = stack.examples.adminUrl;
  api = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

/** The admin page at `viewport`, its first rows shown; 404s and page errors are collected. */
async function openAdmin(viewport: { width: number; height: number }, query = ''): Promise<{ page: Page; notFound: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const notFound: string[] = [];
  const errors: string[] = [];
  page.on('response', (r) => r.status() === 404 && notFound.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(adminUrl + query);
  await page.locator('#main cl-customer-table [role=row][data-id]').first().waitFor({ timeout: 90_000 });
  return { page, notFound, errors };
}

/** A customer of this run, found by searching its unique last name. */
async function customerOfRun(tag: string, extra: Record<string, unknown> = {}) {
  return api.customers.create({
    kind: 'person',
    document: testCpf(run * 31 + tag.length * 977 + tag.charCodeAt(0)),
    firstName: 'Zélia',
    lastName: `${tag} ${run}`,
    email: `zelia.${tag.toLowerCase()}.${run}@example.com`,
    phone: '+5548975858686',
    whatsapp: true,
    ...extra,
  } as never);
}

async function search(page: Page, text: string): Promise<void> {
  const input = page.locator('#main cl-customer-table #search');
  await input.fill(text);
  await input.press('Enter');
}

/** Whether the point at the middle of `selector`'s box hits it (nothing covers it). */
const reachable = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return box.width > 0 && box.right <= innerWidth + 0.5 && box.left >= -0.5 && (hit === el || el.contains(hit));
  });

describe('admin on a phone (390 × 844) and a desktop (1280 × 900)', () => {
  it('phone: rows are a list, the header and toolbar fold into menus, the card and the new-customer dialog are full-screen sheets that close by tapping', async () => {
    const customer = await customerOfRun('Telefone');
    const { page } = await openAdmin(PHONE);
    const table = page.locator('#main cl-customer-table');

    // The page header and the table's toolbar leave most of the screen to the list.
    const listTop = await table.locator('[role=grid]').evaluate((el) => el.getBoundingClientRect().top);
    expect(listTop).toBeLessThan(PHONE.height * 0.3);
    expect(await page.locator('#new-customer').isVisible()).toBe(false);

    // Each row shows name, masked document and phone, within the screen.
    await search(page, `Telefone ${run}`);
    const row = table.locator(`[role=row][data-id="${customer.id}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await row.locator('.name').textContent()).toBe(`Zélia Telefone ${run}`);
    expect(await row.locator('[data-key=document] .doc').textContent()).toMatch(/^\*{3}\.\d{3}\.\d{3}-\*{2}$/);
    expect(await row.locator('[data-key=phone]').textContent()).toContain('(48) 97585-8686');
    for (const key of ['name', 'document', 'phone']) {
      const right = await row.locator(`[data-key=${key}]`).evaluate((el) => el.getBoundingClientRect().right);
      expect(right, key).toBeLessThanOrEqual(PHONE.width);
    }
    // Every row action is still there: reveal, copy and WhatsApp.
    await row.locator('[data-action=reveal]').click();
    await expect.poll(() => row.locator('[data-key=document] .doc').textContent(), { timeout: 10_000 }).not.toContain('*');
    expect(await row.locator('a.icon-whatsapp').getAttribute('href')).toBe('https://wa.me/5548975858686');

    // Filters and exports are one tap away, in the folded menu.
    await table.locator('#more-button').click();
    expect(await table.locator('#export-xlsx').isVisible()).toBe(true);
    await table.locator('#status').selectOption('active');
    await expect.poll(() => table.getAttribute('status')).toBe('active');
    await table.locator('#more-button').click();

    // The card: a full-screen sheet whose "Fechar" is on screen and takes the tap.
    await row.locator('.name').click();
    const card = page.locator('#detail cl-customer-card');
    await expect.poll(() => card.locator('h2').textContent(), { timeout: 15_000 }).toBe(`Zélia Telefone ${run}`);
    const sheet = await page.locator('#detail').evaluate((el) => el.getBoundingClientRect().toJSON());
    expect(sheet.left).toBe(0);
    expect(sheet.width).toBe(PHONE.width);
    expect(await page.locator('#detail').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await reachable(page, '#detail .detail-close')).toBe(true);
    await page.locator('#detail').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    expect(await reachable(page, '#detail .detail-close'), 'still reachable after scrolling').toBe(true);
    await page.locator('#detail .detail-close').click();
    expect(await page.locator('#detail').isHidden()).toBe(true);

    // "Novo cliente" from the header's menu: a full-screen dialog, nothing clipped, "Fechar" reachable.
    await page.locator('#page-menu').click();
    await page.locator('#new-customer').click();
    const dialog = page.locator('#customer-form-dialog');
    await dialog.locator('cl-customer-form input[name=firstName]').waitFor({ timeout: 15_000 });
    const box = await dialog.evaluate((el) => el.getBoundingClientRect().toJSON());
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(PHONE.width);
    expect(await dialog.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await reachable(page, '#customer-form-dialog h2 + button')).toBe(true);
    await page.locator('#customer-form-dialog h2 + button').click();
    // The dialog leaves the page once its close has run (an event later, not within the click).
    await expect.poll(() => dialog.count()).toBe(0);
    await page.close();
  }, 240_000);

  it('desktop: the same page keeps the full table, inline toolbar and a drawer', async () => {
    const { page } = await openAdmin(DESKTOP);
    const table = page.locator('#main cl-customer-table');
    expect(await table.locator('[role=grid]').getAttribute('class')).toContain('table');
    expect(await table.locator('.header [data-key=email]').isVisible()).toBe(true);
    expect(await table.locator('#export-csv').isVisible()).toBe(true);
    expect(await page.locator('#page-menu').isVisible()).toBe(false);
    expect(await page.locator('#new-customer').isVisible()).toBe(true);
    await table.locator('[role=row][data-id] [data-key=email]').first().click();
    await page.locator('#detail cl-customer-card h2').waitFor({ timeout: 15_000 });
    const sheet = await page.locator('#detail').evaluate((el) => el.getBoundingClientRect().toJSON());
    expect(sheet.width).toBeLessThan(DESKTOP.width);
    expect(await reachable(page, '#detail .detail-close')).toBe(true);
    await page.close();
  }, 180_000);
});

describe('elements sharing one client (1280 × 900)', () => {
  it('a category created in the manager shows in the filter, the bulk select, the card and, once assigned, in the row', async () => {
    const customer = await customerOfRun('Categoria');
    const { page } = await openAdmin(DESKTOP);
    const table = page.locator('#main cl-customer-table');
    await search(page, `Categoria ${run}`);
    const row = table.locator(`[role=row][data-id="${customer.id}"]`);
    await row.waitFor({ timeout: 20_000 });

    const name = `Atacado ${run}`;
    await page.locator('#open-categories').click();
    const manager = page.locator('#categories-dialog cl-category-manager');
    await manager.locator('#new-name').fill(name);
    await manager.locator('form[part=create] button[type=submit]').click();
    await manager.locator(`text=${name}`).first().waitFor({ timeout: 15_000 });
    await page.locator('#categories-dialog h2 + button').click();

    // The table's filter offers it at once, no reload.
    await table.locator('details.categories summary').click();
    expect(await table.locator('details.categories .popover').textContent()).toContain(name);
    await table.locator('details.categories summary').click();

    // Assign it in the card, with the picker.
    await row.locator('[data-key=email]').click();
    const card = page.locator('#detail cl-customer-card');
    await card.locator('h2').waitFor({ timeout: 15_000 });
    const picker = card.locator('cl-category-picker input[role=combobox]');
    await picker.fill(name);
    await picker.press('ArrowDown');
    await picker.press('Enter');
    await expect.poll(() => card.locator('cl-category-picker [part~=chip]').allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining([expect.stringContaining(name)]));
    await page.keyboard.press('Escape');

    // The row shows the chip; the bulk select offers the category.
    await expect.poll(() => row.locator('[data-key=categories]').textContent(), { timeout: 15_000 }).toContain(name);
    await row.locator('.select input').click();
    await table.locator('#bulk-category').waitFor({ timeout: 15_000 });
    expect(await table.locator('#bulk-category option').allTextContents()).toContain(name);
    expect((await api.customers.retrieve(customer.id)).categoryIds).toHaveLength(1);
    await page.close();
  }, 180_000);
});

describe('failures and answers of another query (1280 × 900)', () => {
  /** Answers like the server does under --fail-rate: a 503 problem with Retry-After. */
  const unavailable = (route: Route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/problem+json',
      headers: { 'retry-after': '1' },
      body: JSON.stringify({ type: 'about:blank', title: 'Serviço indisponível', status: 503, detail: 'Falha simulada (--fail-rate); tente de novo após Retry-After.' }),
    });

  it('an export that fails says so visibly, in plain words, and "Tentar novamente" downloads the file', async () => {
    const { page } = await openAdmin(DESKTOP, '?status=blocked');
    const table = page.locator('#main cl-customer-table');
    let fail = true;
    await page.route('**/v1/exports', (route) => (fail ? unavailable(route) : route.continue()));
    await table.locator('#export-xlsx').click();
    const notice = table.locator('[part~=notice-failed]');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.isVisible()).toBe(true);
    const text = (await notice.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain('Não foi possível concluir "Exportar XLSX".');
    expect(text).toContain('O servidor está indisponível no momento.');
    expect(text).not.toContain('fail-rate');
    const box = await notice.evaluate((el) => el.getBoundingClientRect().toJSON());
    expect(box.width).toBeGreaterThan(300);
    fail = false;
    const download = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Tentar novamente' }).click();
    expect((await download).suggestedFilename()).toMatch(/^clientes-.*\.xlsx$/);
    await expect.poll(() => table.locator('[part~=notice-done]').textContent(), { timeout: 20_000 }).toMatch(/Arquivo clientes-.*\.xlsx baixado/);

    // The credits wallet's export says so too.
    fail = true;
    await page.locator('#open-credits').click();
    const wallet = page.locator('#credits-dialog');
    await wallet.locator('[data-export=csv]').click();
    const failed = wallet.locator('.export-outcome.failed');
    await failed.waitFor({ timeout: 20_000 });
    expect(await failed.textContent()).toContain('Não foi possível exportar os créditos');
    fail = false;
    const walletDownload = page.waitForEvent('download');
    await failed.getByRole('button', { name: 'Tentar novamente' }).click();
    expect((await walletDownload).suggestedFilename()).toMatch(/^creditos-.*\.csv$/);
    await wallet.locator('.export-outcome.ok').waitFor({ timeout: 20_000 });
    await page.close();
  }, 180_000);

  it('a CSV export shows its progress by rows while it downloads', async () => {
    const { page } = await openAdmin(DESKTOP);
    const table = page.locator('#main cl-customer-table');
    const total = await table.evaluate((el) => (el as HTMLElement & { total: number }).total);
    // Hold the file back and hand it over slowly, as a long export over a slow network arrives.
    await page.route('**/v1/exports', async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 1500));
      await route.fulfill({ response });
    });
    await table.locator('#export-csv').click();
    const running = table.locator('[part~=notice-running]');
    await running.waitFor({ timeout: 10_000 });
    expect(await running.locator('progress').getAttribute('max')).toBe(String(total));
    expect(await running.textContent()).toContain(`de ${total.toLocaleString('pt-BR')} linhas`);
    await table.locator('[part~=notice-done]').waitFor({ timeout: 30_000 });
    await page.close();
  }, 180_000);

  it('searching "Pereira" then "Costa" while Costa\'s count fails never shows or announces Pereira\'s numbers', async () => {
    const { page } = await openAdmin(DESKTOP);
    const table = page.locator('#main cl-customer-table');
    await page.route(/\/v1\/customers\?.*q=Costa.*limit=1(&|$)/, unavailable);
    const allTab = table.locator('[role=tab][data-kind=""]');
    await search(page, 'Pereira');
    const pereira = (await api.customers.list({ q: 'Pereira', limit: 1 })).total;
    await expect.poll(() => allTab.textContent(), { timeout: 20_000 }).toContain(`(${pereira.toLocaleString('pt-BR')})`);
    await search(page, 'Costa');
    const costa = (await api.customers.list({ q: 'Costa', limit: 1 })).total;
    expect(costa).not.toBe(pereira);
    await expect.poll(() => table.locator('[role=status]').textContent(), { timeout: 20_000 }).toContain(`${costa.toLocaleString('pt-BR')} clientes encontrados`);
    expect((await allTab.textContent())!.trim()).toBe('Todos');
    await page.close();
  }, 180_000);
});

describe('small things (1280 × 900)', () => {
  it('Esc returns focus to the row; a customer created here has origin "Painel"; "N atualizados" clears on a new selection; company headers; Visitas and Situação sort; no 404', async () => {
    const { page, notFound } = await openAdmin(DESKTOP);
    const table = page.locator('#main cl-customer-table');

    // Create a customer in the admin's form.
    await page.locator('#new-customer').click();
    const form = page.locator('#customer-form-dialog cl-customer-form');
    const cpf = testCpf(run * 53 + 5);
    await form.locator('input[name=firstName]').fill('Quitéria');
    await form.locator('input[name=lastName]').fill(`Painel ${run}`);
    await form.locator('input[name=document]').fill(cpf);
    await form.locator('input[name=email]').fill(`quiteria.${run}@example.com`);
    await form.locator('input[name=email]').press('Enter');
    await page.locator('#customer-form-dialog').waitFor({ state: 'detached', timeout: 20_000 });
    const created = (await api.customers.list({ q: `Painel ${run}` })).items[0]!;
    expect(created.source).toBe('admin');

    // Open it from its row, close with Esc: focus is back on the row, and Enter opens it again.
    await search(page, `Painel ${run}`);
    const row = table.locator(`[role=row][data-id="${created.id}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.locator('[data-key=email]').click();
    await page.locator('#detail cl-customer-card h2').waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    expect(await page.locator('#detail').isHidden()).toBe(true);
    const focused = await page.evaluate(() => {
      const active = document.activeElement;
      const inner = active?.shadowRoot?.activeElement as HTMLElement | null | undefined;
      return { host: active?.tagName, row: inner?.closest<HTMLElement>('[role=row]')?.dataset['id'] };
    });
    expect(focused).toEqual({ host: 'CL-CUSTOMER-TABLE', row: created.id });
    await page.keyboard.press('Enter');
    await page.locator('#detail cl-customer-card h2').waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    expect(await page.locator('#detail').isHidden()).toBe(true);
    // Its origin column reads "Painel".
    await table.locator('#columns-button').click();
    await table.locator('#column-menu li[data-key=source] input[name=show]').check();
    await table.locator('#column-menu').getByRole('button', { name: 'Fechar' }).click();
    expect(await row.locator('[data-key=source]').textContent()).toBe('Painel');

    // A bulk result belongs to its selection.
    await search(page, '');
    const rows = table.locator('[role=row][data-id]');
    await rows.nth(2).waitFor();
    await rows.nth(0).locator('.select input').click();
    await rows.nth(1).locator('.select input').click();
    // The rows already inactive are matched but not updated.
    const changing = (await Promise.all([0, 1].map((i) => rows.nth(i).locator('.badge').getAttribute('class')))).filter((c) => !c!.includes('inactive')).length;
    await table.locator('#bulk-status').selectOption('inactive');
    await table.locator('#bulk-status-apply').click();
    await expect.poll(() => table.locator('[part~=notice-done]').textContent(), { timeout: 20_000 }).toContain(`${changing} atualizados`);
    await table.locator('[part=bulk-bar]').getByRole('button', { name: 'Limpar seleção' }).click();
    await rows.nth(2).locator('.select input').click();
    expect(await table.locator('[part~=notice]').count()).toBe(0);
    await table.locator('[part=bulk-bar]').getByRole('button', { name: 'Limpar seleção' }).click();

    // The company tab names its columns.
    await table.locator('[role=tab][data-kind=company]').click();
    await expect.poll(() => table.locator('.header [data-key=name] .label').textContent()).toBe('Razão social');
    expect(await table.locator('.header [data-key=document] .label').textContent()).toBe('CNPJ');
    await table.locator('[role=tab][data-kind=""]').click();

    // Situação and Visitas sort, both ways.
    await table.locator('.header [data-key=status]').click();
    await expect.poll(() => table.getAttribute('sort')).toBe('status');
    await table.locator('.header [data-key=status]').click();
    await expect.poll(() => table.getAttribute('sort')).toBe('-status');
    await expect.poll(() => rows.first().locator('.badge').getAttribute('class'), { timeout: 15_000 }).toContain('blocked');
    await table.locator('#columns-button').click();
    await table.locator('#column-menu li[data-key=visits] input[name=show]').check();
    await table.locator('#column-menu').getByRole('button', { name: 'Fechar' }).click();
    await table.locator('.header [data-key=visits]').click();
    await table.locator('.header [data-key=visits]').click();
    await expect.poll(() => table.getAttribute('sort')).toBe('-visitsCount');
    const top = (await api.customers.list({ sort: '-visitsCount', limit: 1 })).items[0]!;
    await expect.poll(() => rows.first().getAttribute('data-id'), { timeout: 15_000 }).toBe(top.id);

    expect(notFound).toEqual([]);
    await page.close();
  }, 240_000);
});
