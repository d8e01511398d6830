// End to end on the admin example, in Chromium, against the mock server CLI with 100,000 seeded
// customers: a CPF typed with punctuation finds its one customer, the query lands in the page URL,
// and scrolling to the end of the whole list reaches the last row (its page fetched by offset).
import { createClient } from '@clientela/core/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { startStack, testCpf, type Stack } from './stack.js';

const punctuated = (d: string) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;

let server: Stack['server'];
let examples: Stack['examples'];
let stack: Stack;
let browser: Browser;
let page: Page;
const run = Date.now() % 1e6;

beforeAll(async () => {
  // Seeding 100,000 customers takes the CLI some seconds.
  stack = await startStack({ seed: 100_000 });
  ({ server, examples, browser } = stack);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.error('admin page error:', e.message));
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

describe('customer table on the admin example (100,000 customers)', () => {
  it('finds one customer by a CPF typed with punctuation, and deep-links the search', async () => {
    const document = testCpf(run * 13 + 987);
    const api = createClient({ baseUrl: server.url, apiKey: SECRET_KEY });
    const created = await api.customers.create({ kind: 'person', document, firstName: 'Zuleica', lastName: `Tabela ${run}`, email: `zuleica.${run}@example.com` });

    // The first load also waits for vite to prepare the page's dependencies.
    await page.goto(examples.adminUrl);
    await page.locator('cl-customer-table [role=row][data-id]').first().waitFor({ timeout: 90_000 });
    await page.locator('cl-customer-table #search').fill(punctuated(document));
    const rows = page.locator('cl-customer-table [role=row][data-id]');
    await expect.poll(async () => rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['id'])), { timeout: 30_000 }).toEqual([created.id]);
    await expect.poll(() => page.locator('cl-customer-table [role=status]').textContent(), { timeout: 5_000 }).toContain('1 cliente encontrado');
    expect(new URL(page.url()).searchParams.get('q')).toBe(punctuated(document));

    // The deep link restores the search on a fresh load.
    await page.goto(page.url());
    await expect.poll(async () => rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['id'])), { timeout: 30_000 }).toEqual([created.id]);
  }, 120_000);

  it('scrolls to the end of the whole list', async () => {
    await page.goto(examples.adminUrl);
    const table = page.locator('cl-customer-table');
    await table.locator('[role=row][data-id]').first().waitFor({ timeout: 60_000 });
    const total = await table.evaluate((el) => (el as HTMLElement & { total: number }).total);
    expect(total).toBeGreaterThan(90_000);
    const lists: URLSearchParams[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.endsWith('/v1/customers') && url.searchParams.get('limit') !== '1') lists.push(url.searchParams);
    });
    // Jump straight to the bottom, as dragging the scrollbar does.
    await table.evaluate((el) => {
      const scroller = el.shadowRoot!.querySelector('.scroller')!;
      scroller.scrollTop = scroller.scrollHeight;
    });
    const last = table.locator(`[role=row][aria-rowindex="${total + 1}"][data-id]`);
    await last.waitFor({ timeout: 100_000 });
    expect(await table.locator('[role=row][data-id]').count()).toBeLessThan(40);
    // The last page is fetched by offset, not reached by walking every cursor page before it.
    expect(lists.some((q) => Number(q.get('offset')) > 90_000)).toBe(true);
    expect(lists.filter((q) => q.has('cursor')).length).toBeLessThan(5);
  }, 150_000);
});
