// End to end on two example pages, in Chromium:
// - /docs/: one reference page per element, generated from custom-elements.json, each with a live
//   demo against the mock server running inside the page (no request leaves the tab); axe-clean.
// - /react/: the React 19 page built on @clientela/elements/react renders rows, and its typed
//   onCustomerSaved callback closes the dialog and reports the new customer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './stack.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('../../packages/elements/custom-elements.json', import.meta.url), 'utf8')) as {
  modules: { declarations?: { tagName?: string; customElement?: boolean }[] }[];
};
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.customElement && d.tagName ? [d.tagName] : []));

let server: Stack['server'];
let examples: Stack['examples'];
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({ seed: 200 });
  ({ server, examples, browser } = stack);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return (await axe.run(document)).violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

describe('docs pages (/docs/)', () => {
  it('documents every element from the manifest, with a live in-page demo, keyboard-reachable and axe-clean', async () => {
    expect(tags.length).toBeGreaterThanOrEqual(9);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/v1/')) apiCalls.push(r.url());
    });
    await page.goto(`${examples.url}/docs/`);
    // vite may reload once after optimizing dependencies on the first visit
    await page.waitForLoadState('networkidle');
    await page.locator('#index a').first().waitFor();
    expect(await page.locator('#index a').allTextContents()).toEqual([...tags].sort());

    // The table's demo: rows from the in-page server.
    await page.goto(`${examples.url}/docs/#cl-customer-table`);
    await page.locator('#demo cl-customer-table [part~=row]').filter({ hasText: /cus_/ }).first().waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('#demo cl-customer-table').evaluate((el) => (el as HTMLElement & { total?: number }).total)).toBeGreaterThan(150);
    expect(await page.locator('main h2', { hasText: 'Attributes' }).count()).toBe(1);
    expect(await page.locator('main td:first-child > code', { hasText: /^api-key$/ }).count()).toBe(1);
    expect(await page.locator('main td:first-child > code', { hasText: /^--cl-color-accent$/ }).count()).toBe(1);

    // Keyboard: Tab reaches the index; Enter on a link shows that element and focuses its heading.
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(tags.slice().sort()[0]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    for (const tag of tags) {
      await page.evaluate((t) => (location.hash = t), tag);
      await expect.poll(() => page.locator('main h1').textContent()).toBe(`<${tag}>`);
      await page.locator(`#demo ${tag}`).first().waitFor({ state: 'attached', timeout: 15_000 });
      await page.waitForTimeout(300);
      expect(await axeViolations(page), tag).toEqual([]);
    }
    // Every demo talked to the server inside the page: nothing reached the network.
    expect(apiCalls).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});

describe('React example (/react/)', () => {
  it('renders rows, and a customer saved in the dialog comes back through onCustomerSaved', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${examples.url}/react/`);
    await page.waitForLoadState('networkidle');
    const rows = page.locator('cl-customer-table [part~=row]').filter({ hasText: /cus_/ });
    await rows.first().waitFor({ timeout: 20_000 });
    expect(await rows.count()).toBeGreaterThan(3);

    // A row opens the edit dialog (onCustomerOpen); saving closes it (onCustomerSaved).
    await rows.first().click();
    const dialog = page.getByRole('dialog', { name: 'Editar cliente' });
    await dialog.waitFor();
    await dialog.locator('cl-customer-form input[name=email]').waitFor();
    const email = await dialog.locator('cl-customer-form input[name=email]').inputValue();
    expect(email).toContain('@');
    await dialog.getByRole('button', { name: 'Salvar alterações' }).click();
    await page.getByRole('status').filter({ hasText: 'Alterações salvas' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('dialog').count()).toBe(0);

    await page.getByRole('button', { name: '+ Novo cliente' }).click();
    await page.getByRole('dialog', { name: 'Novo cliente' }).locator('cl-customer-form').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
