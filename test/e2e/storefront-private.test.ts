// End to end: a private catalog. The admin makes self-registration need approval; a shopper who
// registers is told the request was sent and cannot sign in yet; the admin approves one and
// refuses another in the queue; each learns the outcome at their next sign-in. Closed, the
// storefront offers no registration at all. Shopper at 390 × 844, admin at 1280 × 900.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, testCpf, type Stack } from './stack.js';

let stack: Stack;
let browser: Browser;
const run = Date.now() % 1e6;

beforeAll(async () => {
  stack = await startStack({ seed: 50 });
  browser = stack.browser;
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function adminSets(mode: string): Promise<Page> {
  const admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await admin.goto(stack.examples.adminUrl);
  await admin.waitForLoadState('networkidle');
  await admin.click('#open-registrations');
  const dialog = admin.locator('#registrations-dialog');
  await dialog.getByLabel('Cadastro pelo catálogo').selectOption({ label: mode });
  await dialog.getByRole('button', { name: 'Salvar' }).click();
  await dialog.getByText('Salvo.').waitFor({ timeout: 15_000 });
  return admin;
}

async function register(page: Page, name: string, seed: number, email: string, password: string) {
  // A query of its own so the page loads anew (only the hash changing would keep the old form).
  await page.goto(`${stack.examples.storefrontUrl}?visita=${seed}#aberto`);
  await page.waitForLoadState('networkidle');
  const form = page.locator('#scenario-open cl-customer-form');
  await form.getByText('a loja aprova cada cadastro', { exact: false }).waitFor({ timeout: 15_000 });
  await form.getByLabel('Nome', { exact: true }).fill(name);
  await form.getByLabel('Sobrenome').fill(`Privado ${seed}`);
  await form.getByLabel('CPF').fill(testCpf(seed));
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(password);
  await form.locator('input[name=passwordConfirm]').fill(password);
  await form.getByRole('button', { name: 'Criar cadastro' }).click();
  const done = form.locator('[data-state=requested]');
  await done.waitFor({ timeout: 15_000 });
  expect(await done.getByRole('heading').textContent()).toBe(`Pedido de cadastro enviado, ${name}`);
}

async function signIn(page: Page, email: string, password: string) {
  await page.locator('#tab-account').click();
  const account = page.locator('#scenario-account cl-account-access');
  await account.getByLabel('E-mail').fill(email);
  await account.getByLabel('Senha', { exact: true }).fill(password);
  await account.getByRole('button', { name: 'Entrar' }).click();
  return account;
}

describe('a private catalog', () => {
  it('registrations wait for the store; approved ones sign in (and are told), refused ones are told; closed takes none', async () => {
    const admin = await adminSets('Privado: a loja aprova cada cadastro');
    const shop = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const carla = `carla.${run}@example.com`;
    const davi = `davi.${run}@example.com`;
    await register(shop, 'Carla', run * 3 + 1, carla, 'senha-da-carla-1');
    // Not yet: the right password is told to wait, and no session is opened.
    let account = await signIn(shop, carla, 'senha-da-carla-1');
    await account.getByText('aguarda a aprovação da loja', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await account.locator('[data-state=signed-in]').count()).toBe(0);
    await register(shop, 'Davi', run * 3 + 2, davi, 'senha-do-davi-2');

    // The admin's queue: approve Carla, refuse Davi.
    await admin.locator('#registrations-dialog').getByRole('button', { name: 'Fechar' }).click();
    await admin.click('#open-registrations');
    const queue = admin.locator('#registrations-dialog');
    const carlaRow = queue.locator('li', { hasText: carla });
    await carlaRow.waitFor({ timeout: 15_000 });
    await carlaRow.getByRole('button', { name: 'Aprovar' }).click();
    await queue.getByText(`Carla Privado ${run * 3 + 1} aprovado`, { exact: false }).waitFor({ timeout: 15_000 });
    await queue.locator('li', { hasText: davi }).getByRole('button', { name: 'Recusar' }).click();
    await queue.getByText('recusado', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await queue.locator('li[data-request]').filter({ hasText: String(run) }).count()).toBe(0);

    account = await signIn(shop, carla, 'senha-da-carla-1');
    await account.locator('[data-state=signed-in]').waitFor({ timeout: 15_000 });
    expect(await account.getByText('Seu cadastro foi aprovado pela loja').count()).toBe(1);
    await account.getByRole('button', { name: 'Sair' }).click();
    account = await signIn(shop, davi, 'senha-do-davi-2');
    await account.getByText('A loja não aprovou seu pedido de cadastro', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await account.locator('[data-state=signed-in]').count()).toBe(0);

    // Closed: the storefront shows no registration form at all.
    await admin.close();
    const closing = await adminSets('Privado: só a loja cadastra');
    await shop.goto(`${stack.examples.storefrontUrl}?visita=fechado#aberto`);
    await shop.waitForLoadState('networkidle');
    const form = shop.locator('#scenario-open cl-customer-form');
    await form.locator('[data-state=closed]').waitFor({ timeout: 15_000 });
    expect(await form.locator('form').count()).toBe(0);
    // Back to open for whoever runs next on this server.
    await closing.close();
    await (await adminSets('Aberto: qualquer pessoa se cadastra e entra')).close();
    await shop.close();
  }, 180_000);
});
