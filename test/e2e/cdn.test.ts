// The CDN bundle end to end: a static page on its own origin with nothing but one
// `<script type="module" src=".../clientela.js">` and two tags (the admin table with a secret key,
// the storefront form with a publishable key) talks to the mock server CLI on another origin
// through CORS, in Chromium. Runs on packages/elements/dist/cdn (built by `npm run build`).
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createClient } from '@clientela/core/client';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHABLE_KEY, SECRET_KEY, startMockServer } from '../../scripts/examples-harness.mjs';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.js';
import { testCpf } from './stack.js';

const cdnDir = fileURLToPath(new URL('../../packages/elements/dist/cdn/', import.meta.url));

let api: { url: string; close: () => Promise<void> };
let pages: Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(`${cdnDir}clientela.js`)) throw new Error(`${cdnDir}clientela.js is missing: run \`npm run build\` first.`);
  // The page is built once the API's URL is known; the static server starts first because the
  // API needs the page's origin for its CORS allow-list.
  let html = '';
  pages = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    } else if (/^\/cdn\/clientela\.js(\.map)?$/.test(path)) {
      const file = path.slice('/cdn/'.length);
      res.writeHead(200, { 'Content-Type': file.endsWith('.map') ? 'application/json' : 'text/javascript; charset=utf-8' }).end(readFileSync(`${cdnDir}${file}`));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  api = await startMockServer({ seed: 300, extraArgs: ['--cors', origin] });
  html = `<!doctype html>
<html lang="pt-BR">
  <head>
    <meta charset="utf-8" />
    <title>Clientela from the CDN bundle</title>
    <script type="module" src="/cdn/clientela.js"></script>
  </head>
  <body>
    <main>
      <cl-customer-table api-base="${api.url}" api-key="${SECRET_KEY}" style="--cl-customer-table-height: 420px"></cl-customer-table>
      <cl-customer-form mode="storefront" kind="person" api-base="${api.url}" api-key="${PUBLISHABLE_KEY}"></cl-customer-form>
    </main>
  </body>
</html>`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await new Promise((resolve) => (pages ? pages.close(resolve) : resolve(undefined)));
});

describe('the single-file CDN bundle on a plain HTML page', () => {
  it('renders the table rows and registers a shopper through the storefront form, across origins', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1200 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${origin}/`);

    // The table: rows from the API (secret key), fetched cross-origin.
    const table = page.locator('cl-customer-table');
    await expect.poll(() => table.evaluate((el) => (el as HTMLElement & { total?: number }).total), { timeout: 20_000 }).toBeGreaterThan(250);
    const expected = (await createClient({ baseUrl: api.url, apiKey: SECRET_KEY }).customers.list({ limit: 1 })).total;
    expect(await table.evaluate((el) => (el as HTMLElement & { total?: number }).total)).toBe(expected);
    const rows = table.locator('[part~=row]').filter({ hasText: /cus_/ });
    await rows.first().waitFor({ timeout: 20_000 });
    expect(await rows.count()).toBeGreaterThan(3);

    // The storefront form (publishable key): a shopper registers themselves.
    const form = page.locator('cl-customer-form');
    const seed = Date.now() % 1e8;
    const document = testCpf(seed);
    const email = `cdn.${seed}@exemplo.com.br`;
    await form.locator('input[name=firstName]').fill('Clara');
    await form.locator('input[name=lastName]').fill(`CDN ${seed}`);
    await form.locator('input[name=document]').fill(document);
    await form.locator('input[name=email]').fill(email);
    await form.getByRole('button', { name: 'Criar cadastro' }).click();
    await page.getByText('Cadastro concluído', { exact: false }).first().waitFor({ timeout: 15_000 });

    const admin = createClient({ baseUrl: api.url, apiKey: SECRET_KEY });
    const { items } = await admin.customers.list({ q: email });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ source: 'storefront', email });

    // Only the one script of the page was loaded: the bundle needs nothing else.
    expect([...new Set(scripts)]).toEqual(['/cdn/clientela.js']);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
