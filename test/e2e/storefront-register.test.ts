// End to end on the example pages, in Chromium: a shopper registers a company with an
// alphanumeric CNPJ on the storefront's Account page (publishable key only), typing it in
// lowercase and letting the CEP fill the address; the admin panel then finds it by CNPJ (in the
// customer table when the page has one, and through the API with the secret key).
import { isValidCnpj } from '@clientela/core';
import { createClient } from '@clientela/core/client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHABLE_KEY, SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { startStack, type Stack } from './stack.js';

/** An alphanumeric CNPJ (letters in the root) with its two numeric check digits. */
function alphanumericCnpj(seed: number): string {
  const n = String(seed % 1e6).padStart(6, '0');
  const base = `${n.slice(0, 2)}${String.fromCharCode(65 + (seed % 26))}${String.fromCharCode(65 + ((seed >> 5) % 26))}${n.slice(2)}0001`;
  const dv = (s: string, w: number[]) => {
    const r = [...s].reduce((sum, ch, i) => sum + (ch.charCodeAt(0) - 48) * w[i]!, 0) % 11;
    return r < 2 ? 0 : 11 - r;
  };
  const d1 = dv(base, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return `${base}${d1}${dv(`${base}${d1}`, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2])}`;
}

let server: Stack['server'];
let examples: Stack['examples'];
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({ seed: 300 });
  ({ server, examples, browser } = stack);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('storefront registration', () => {
  it('a shopper registers a company with an alphanumeric CNPJ, and the admin finds it by CNPJ', async () => {
    const seed = Date.now() % 1e6;
    const cnpj = alphanumericCnpj(seed);
    expect(isValidCnpj(cnpj)).toBe(true);
    const legalName = `Distribuidora Teste ${seed} Ltda`;

    const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Every script and API request the storefront makes, to prove it holds the publishable key only.
    const scripts: Promise<string>[] = [];
    const authorizations = new Set<string>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
    });
    page.on('request', (request) => {
      const auth = request.headers()['authorization'];
      if (auth) authorizations.add(auth);
    });
    await page.goto(`${examples.storefrontUrl}#aberto`);
    // vite may reload once after optimizing dependencies on the first visit
    await page.waitForLoadState('networkidle');
    const form = page.locator('cl-customer-form');
    await form.locator('input[name=firstName]').waitFor();
    await form.getByLabel('Pessoa jurídica').check();
    await form.locator('input[name=legalName]').fill(legalName);
    const doc = form.locator('input[name=document]');
    await doc.click();
    await page.keyboard.type(cnpj.toLowerCase());
    expect(await doc.inputValue()).toBe(
      `${cnpj.slice(0, 2)}.${cnpj.slice(2, 5)}.${cnpj.slice(5, 8)}/${cnpj.slice(8, 12)}-${cnpj.slice(12)}`,
    );
    await form.locator('input[name=email]').fill(`compras${seed}@exemplo.com.br`);
    await form.getByLabel('Isento').check();
    await form.locator('input[name="address.postalCode"]').click();
    await page.keyboard.type('01310100');
    await expect.poll(() => form.locator('input[name="address.city"]').inputValue(), { timeout: 10_000 }).toBe('São Paulo');
    await form.locator('input[name="address.number"]').fill('1000');
    await form.getByRole('button', { name: 'Criar cadastro' }).click();
    await page.getByText('Cadastro concluído', { exact: false }).first().waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    // The storefront sent only the publishable key, and no script it loaded holds the secret one.
    expect([...authorizations]).toEqual([`Bearer ${PUBLISHABLE_KEY}`]);
    const loaded = await Promise.all(scripts);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((code) => code.includes(SECRET_KEY))).toEqual([]);

    // The admin side: the table when the page has one, else the API with the secret key.
    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await admin.goto(examples.adminUrl);
    await admin.waitForLoadState('networkidle');
    const hasTable = await admin.evaluate(() => Boolean(document.querySelector('cl-customer-table')));
    if (hasTable) {
      const search = admin.locator('cl-customer-table input[type=search]');
      await search.fill(cnpj.toLowerCase());
      await admin.locator('cl-customer-table').getByText(legalName).first().waitFor({ timeout: 15_000 });
    }
    const client = createClient({ baseUrl: server.url, apiKey: SECRET_KEY });
    const { items } = await client.customers.list({ q: cnpj });
    expect(items.map((c) => (c.kind === 'company' ? c.legalName : ''))).toEqual([legalName]);
    const full = await client.customers.retrieve(items[0]!.id);
    expect(full).toMatchObject({ kind: 'company', document: cnpj, source: 'storefront', stateRegistration: 'ISENTO' });
    expect(full.address).toMatchObject({ city: 'São Paulo', state: 'SP', number: '1000', street: expect.stringContaining('Paulista') });
    expect(full.address!.postalCode.replace(/\D/g, '')).toBe('01310100');
  }, 120_000);
});
