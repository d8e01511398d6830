// End to end on the example pages, in Chromium, against the CLI server on a SQLite file (so the
// search is its full-text index, not a scan) — the LGPD flows of issue #18 as a shopper and the
// store's staff do them:
//   a. consent given at registration on the storefront and revoked in "Minha conta → Privacidade"
//      shows in the admin card's consent history with its source and the text version seen;
//   b. "Baixar meus dados" gives an archive with the shopper's data and nothing of anyone else's;
//   c. "Excluir minha conta", handled in the admin's "LGPD (titulares)" queue with the typed word,
//      keeps the order totals and removes every personal field — from the record, an export and
//      the search;
// and the admin's data log says each of these in a sentence.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@clientela/core/client';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const dir = mkdtempSync(join(tmpdir(), 'clientela-lgpd-e2e-'));
const stack = useStack({ seed: 40, serverArgs: ['--db', join(dir, 'store.sqlite')] });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = Date.now() % 1e6;
const api = () => createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });

interface Shopper {
  firstName: string;
  lastName: string;
  document: string;
  email: string;
  phone: string;
  password: string;
}

/** A mobile number of São Paulo made from `n`: (11) 98xxx-xxxx. */
function phoneOf(n: number): string {
  const d = String(n % 1e7).padStart(7, '0');
  return `(11) 98${d.slice(0, 3)}-${d.slice(3)}`;
}

function shopper(n: number, firstName: string): Shopper {
  return {
    firstName,
    lastName: `Titular${run}x${n}`,
    document: testCpf(run * 10 + n),
    email: `${firstName.toLowerCase()}.titular.${run}.${n}@example.com`,
    phone: phoneOf(run * 10 + n),
    password: 'pé-de-moleque-9',
  };
}

/** Opens the storefront's open registration in a new context (downloads allowed). */
async function openStorefront(): Promise<{ page: Page; errors: string[] }> {
  const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.examples.storefrontUrl}#aberto`);
  await page.waitForLoadState('networkidle');
  return { page, errors };
}

/** Registers `who` on the storefront form with a password, ticking the given channels; lands on "Minha conta → Privacidade". */
async function register(page: Page, who: Shopper, channels: ('email' | 'sms' | 'whatsapp')[]): Promise<void> {
  const form = page.locator('#scenario-open cl-customer-form');
  await form.locator('input[name=firstName]').waitFor();
  await form.getByLabel('Nome', { exact: true }).fill(who.firstName);
  await form.getByLabel('Sobrenome').fill(who.lastName);
  await form.getByLabel('CPF').fill(who.document);
  await form.locator('input[name=email]').fill(who.email);
  await form.locator('input[name=phone]').fill(who.phone);
  for (const ch of channels) await form.locator(`input[name="consent.${ch}"]`).check();
  await form.locator('input[name=password]').fill(who.password);
  await form.locator('input[name=passwordConfirm]').fill(who.password);
  await form.getByRole('button', { name: 'Criar cadastro' }).click();
  const done = form.locator('[data-state=registered]');
  await done.waitFor({ timeout: 20_000 });
  await done.getByRole('link', { name: 'Ir para Minha conta' }).click();
  await openPrivacy(page);
}

/** "Minha conta" (signed in) → the Privacidade tab, with the consent choices loaded. */
async function openPrivacy(page: Page): Promise<void> {
  const account = page.locator('#scenario-account cl-account-access');
  await account.locator('[data-state=signed-in]').waitFor({ timeout: 20_000 });
  await account.getByRole('tab', { name: 'Privacidade' }).click();
  await account.locator('[data-part=consent] input[name=email]:not([disabled])').waitFor({ timeout: 20_000 });
}

const privacyPanel = (page: Page) => page.locator('#scenario-account cl-account-access [data-part=privacy]');

/** The admin's data log, its sentences read once `expected` are all there. */
async function dataLogSentences(admin: Page, expected: string[]): Promise<string[]> {
  await admin.click('#open-audit');
  const log = admin.locator('#audit-dialog cl-audit-log');
  await log.locator('[part=row]').first().waitFor({ timeout: 20_000 });
  let sentences: string[] = [];
  await expect
    .poll(
      async () => {
        sentences = await log.locator('[data-sentence]').allTextContents();
        return expected.filter((s) => !sentences.includes(s));
      },
      { timeout: 20_000 },
    )
    .toEqual([]);
  await admin.locator('#audit-dialog').getByRole('button', { name: 'Fechar' }).click();
  return sentences;
}

/** Searches the admin table and returns the ids of the rows it lists. */
async function tableSearch(admin: Page, q: string): Promise<string[]> {
  const table = admin.locator('#main cl-customer-table');
  const search = table.locator('input[type=search]');
  await search.fill(q);
  await search.press('Enter');
  // The list settles: either rows or the empty state.
  await expect.poll(async () => (await table.locator('[part~=row][data-id]').count()) > 0 || (await table.getByText('Nenhum cliente', { exact: false }).count()) > 0, { timeout: 20_000 }).toBe(true);
  return table.locator('[part~=row][data-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')!));
}

describe('LGPD, as a shopper and the store do it', () => {
  it('a. consent given at registration and revoked in Minha conta shows in the card’s history with source and text version', async () => {
    const client = api();
    // The store's consent text, version 1, is what the registration form shows.
    const v1 = await client.consents.writeText('marketing', `Aceito receber ofertas da Loja Exemplo (${run}).`);
    const who = shopper(1, 'Carla');
    const { page, errors } = await openStorefront();
    const form = page.locator('#scenario-open cl-customer-form');
    await expect.poll(() => form.locator('[data-consent-text]').textContent(), { timeout: 20_000 }).toBe(v1.text);
    await register(page, who, ['email', 'sms']);
    const panel = privacyPanel(page);
    expect(await panel.locator('input[name=email]').isChecked()).toBe(true);
    expect(await panel.locator('input[name=sms]').isChecked()).toBe(true);
    expect(await panel.locator('input[name=whatsapp]').isChecked()).toBe(false);

    // The store rewrites its text (version 2); the shopper, reloading, sees it and takes back e-mail.
    const v2 = await client.consents.writeText('marketing', `Aceito receber ofertas e novidades da Loja Exemplo (${run}).`);
    expect(v2.version).toBe(v1.version + 1);
    await page.reload();
    await page.waitForLoadState('networkidle');
    await openPrivacy(page);
    await expect.poll(() => panel.locator('[data-part=consent] p').first().textContent(), { timeout: 20_000 }).toBe(v2.text);
    await panel.locator('input[name=email]').uncheck();
    await panel.getByRole('button', { name: 'Salvar preferências' }).click();
    await panel.getByText('Preferências salvas.').waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await page.context().close();

    // The admin: the card of the shopper, its consent history row by row.
    const [listed] = (await client.customers.list({ q: who.email })).items;
    const admin = await openAdmin(stack, { elements: ['cl-customer-table', 'cl-customer-card', 'cl-audit-log'] });
    expect(await tableSearch(admin, who.lastName)).toEqual([listed!.id]);
    await admin.locator(`#main cl-customer-table [part~=row][data-id="${listed!.id}"] [data-key=createdAt]`).click();
    const card = admin.locator('#detail cl-customer-card');
    await expect.poll(() => card.locator('h2').textContent(), { timeout: 20_000 }).toBe(`${who.firstName} ${who.lastName}`);
    const history = card.locator('cl-consent-history');
    await expect.poll(() => history.locator('tbody tr').count(), { timeout: 20_000 }).toBe(3);
    const rows = await history.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent!.replace(/\s+/g, ' ').trim())),
    );
    // Newest first or oldest first, the three records are these (channel, state, source, text, who).
    const text = (v: { text: string; version: number }) => `“${v.text}” (versão ${v.version})`;
    expect(rows).toEqual(
      expect.arrayContaining([
        ['E-mail · Marketing', 'Concedido', 'Formulário da loja', text(v1), 'O próprio cliente', '—'],
        ['SMS · Marketing', 'Concedido', 'Formulário da loja', text(v1), 'O próprio cliente', '—'],
        ['E-mail · Marketing', 'Revogado', 'Formulário da loja', text(v2), 'O próprio cliente', '—'],
      ]),
    );
    // The card's switches follow the current consent.
    expect(await card.getByRole('switch', { name: 'E-mail' }).isChecked()).toBe(false);
    expect(await card.getByRole('switch', { name: 'SMS' }).isChecked()).toBe(true);

    const name = `${who.firstName} ${who.lastName}`;
    await dataLogSentences(admin, [
      `Registrou o consentimento de ${name} para marketing por E-mail (Formulário da loja)`,
      `Registrou o consentimento de ${name} para marketing por SMS (Formulário da loja)`,
      `Registrou a revogação do consentimento de ${name} para marketing por E-mail (Formulário da loja)`,
    ]);
    await admin.close();
  }, 240_000);
});
