// End to end on the storefront, as a shopper does it, on a phone (390 × 844) and a desktop
// (1280 × 900), in a browser set to English: registering (birth date typed dd/mm/aaaa, a password
// refused with its reason before anything is sent), the form giving way to "Minha conta", the
// signed-in area (details edited, orders, credits, password), a reload that keeps the session,
// an expired one that does not, and a seller's invitation that names its e-mail.
import { benefitsOf, formatPercent } from '@clientela/core';
import { createClient } from '@clientela/core/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { startStack, testCpf, type Stack } from './stack.js';

let stack: Stack;
let browser: Browser;
const run = Date.now() % 1e6;

beforeAll(async () => {
  stack = await startStack({ seed: 400 });
  browser = stack.browser;
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;

async function open(viewport: { width: number; height: number }, path = '#aberto'): Promise<{ page: Page; registrations: () => number; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let posts = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/v1/public/registrations')) posts++;
  });
  await page.goto(`${stack.examples.storefrontUrl}${path}`);
  await page.waitForLoadState('networkidle');
  return { page, registrations: () => posts, errors };
}

/** Nothing sticks out sideways: the page never scrolls horizontally. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

describe('the storefront shopper', () => {
  for (const vp of viewports) {
    it(`registers, lands signed in on Minha conta, edits their details, stays signed in on reload (${vp.name})`, async () => {
      const { page, registrations, errors } = await open(vp);
      const seed = run * 10 + vp.width;
      const email = `shopper.${seed}@example.com`;
      const form = page.locator('#scenario-open cl-customer-form');
      await form.locator('input[name=firstName]').waitFor();
      await form.getByLabel('Nome', { exact: true }).fill('Ana');
      await form.getByLabel('Sobrenome').fill(`Conta ${seed}`);
      await form.getByLabel('CPF').fill(testCpf(seed));
      // The birth date is typed the Brazilian way even though the browser speaks English.
      const birth = form.getByLabel('Data de nascimento');
      expect(await birth.getAttribute('type')).toBe('text');
      await birth.click();
      await page.keyboard.type('15031990');
      expect(await birth.inputValue()).toBe('15/03/1990');
      expect(await form.locator(`#${await birth.getAttribute('aria-describedby').then((v) => v!.split(' ')[0])}`).textContent()).toBe('dd/mm/aaaa');
      await form.locator('input[name=email]').fill(email);
      // A trivial password is refused here, a common one by the server's list, both before sending.
      const password = form.locator('input[name=password]');
      await password.fill('12345678');
      await form.locator('input[name=passwordConfirm]').click();
      await form.getByText('Senha fácil de adivinhar', { exact: false }).waitFor();
      await password.fill('flamengo');
      await form.locator('input[name=passwordConfirm]').click();
      await form.getByText('Esta senha está entre as mais usadas', { exact: false }).waitFor({ timeout: 15_000 });
      expect(registrations()).toBe(0);
      await password.fill('pé-de-moleque-9');
      await form.locator('input[name=passwordConfirm]').fill('pé-de-moleque-9');
      await expectNoSidewaysScroll(page);
      await form.getByRole('button', { name: 'Criar cadastro' }).click();

      // The form gives way to what comes next: signed in, and the way to Minha conta.
      const done = form.locator('[data-state=registered]');
      await done.waitFor({ timeout: 15_000 });
      expect(await done.getByRole('heading').textContent()).toBe('Cadastro concluído. Boas-vindas, Ana!');
      expect(await done.textContent()).toContain('Você já está conectado');
      expect(await form.locator('form').count()).toBe(0);
      expect(await form.getByRole('button', { name: 'Criar cadastro' }).count()).toBe(0);
      expect(registrations()).toBe(1);
      await done.getByRole('link', { name: 'Ir para Minha conta' }).click();

      const account = page.locator('#scenario-account cl-account-access');
      await account.locator('[data-state=signed-in]').waitFor({ timeout: 15_000 });
      expect(await page.locator('#tab-account').getAttribute('aria-selected')).toBe('true');
      // One greeting, not two, and no "sign in" intro above it.
      expect(await page.getByText(`Olá, Ana Conta ${seed}`).count()).toBe(1);
      expect(await page.locator('#scenario-account > p').isVisible()).toBe(false);
      const details = account.locator('cl-customer-form');
      await details.locator('input[name=firstName]').waitFor({ timeout: 15_000 });
      expect(await details.getByLabel('Data de nascimento').inputValue()).toBe('15/03/1990');
      expect(await details.getByLabel('CPF').isDisabled()).toBe(true);
      await details.locator('input[name=phone]').fill('(11) 98765-4321');
      await details.getByRole('button', { name: 'Salvar alterações' }).click();
      await details.getByText('Alterações salvas.').waitFor({ timeout: 15_000 });
      const admin = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
      const [saved] = (await admin.customers.list({ q: email })).items;
      expect(saved).toMatchObject({ phone: '+5511987654321', birthDate: '1990-03-15', source: 'storefront' });
      await expectNoSidewaysScroll(page);

      // Orders and credits: a new shopper has none, and says so.
      await account.getByRole('tab', { name: 'Pedidos' }).click();
      await account.getByText('Você ainda não tem pedidos.').waitFor({ timeout: 15_000 });
      await account.getByRole('tab', { name: 'Créditos' }).click();
      await account.getByText('Você não tem créditos.').waitFor({ timeout: 15_000 });

      // A reload keeps the session; "Sair" ends it, and a reload then stays signed out.
      await page.reload();
      await page.waitForLoadState('networkidle');
      await account.locator('[data-state=signed-in]').waitFor({ timeout: 15_000 });
      const signOut = account.getByRole('button', { name: 'Sair' });
      expect(await signOut.isVisible()).toBe(true);
      await signOut.click();
      await account.getByText('Você saiu da sua conta.').waitFor();
      await page.reload();
      await page.waitForLoadState('networkidle');
      await page.locator('#tab-account').click();
      await account.locator('form[data-state=sign-in]').waitFor();
      expect(await account.locator('[data-state=signed-in]').count()).toBe(0);
      // Signing in again opens the same area.
      await account.getByLabel('E-mail').fill(email);
      await account.getByLabel('Senha', { exact: true }).fill('pé-de-moleque-9');
      await account.getByRole('button', { name: 'Entrar' }).click();
      await account.locator('[data-state=signed-in]').waitFor({ timeout: 15_000 });
      expect(errors).toEqual([]);
      await page.context().close();
    }, 180_000);
  }

  it('a seller-registered customer opens the link: the e-mail is filled in, a wrong one cannot set the password; then orders, credits, a new password, and an expired session', async () => {
    const admin = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    // A seeded customer with orders and credits, whom the store invites.
    const withOrders = (await admin.customers.list({ sort: '-ordersCount', limit: 20 })).items.find((c) => c.email && c.account.status !== 'active')!;
    // A category with a discount, so "Minha conta" has one to show.
    const club = await admin.categories.create({ name: `Clube ${run}`, discountPercent: 15 });
    await admin.customers.bulk({ ids: [withOrders.id], action: 'addCategories', categoryIds: [club.id] });
    const customer = await admin.customers.retrieve(withOrders.id);
    const applied = benefitsOf(customer, await admin.categories.list()).appliedFrom!;
    const { token } = await admin.customers.invite(customer.id);
    const { page, errors } = await open({ width: 390, height: 844 }, `?token=${encodeURIComponent(token)}`);
    const panel = page.locator('#scenario-seller');
    await panel.locator('cl-account-access form[data-state=set-password]').waitFor({ timeout: 15_000 });
    const emailInput = panel.getByLabel('E-mail');
    await expect.poll(() => emailInput.inputValue(), { timeout: 15_000 }).toBe(customer.email);
    await emailInput.fill(`outra.pessoa.${run}@example.com`);
    await panel.getByLabel('Nova senha', { exact: true }).fill('senha-do-pedido-7');
    await panel.getByLabel('Confirme a nova senha').fill('senha-do-pedido-7');
    await panel.getByRole('button', { name: 'Salvar senha e entrar' }).click();
    await panel.getByText('Este não é o e-mail do convite', { exact: false }).waitFor({ timeout: 15_000 });
    await emailInput.fill(customer.email!);
    await panel.getByRole('button', { name: 'Salvar senha e entrar' }).click();

    const account = page.locator('#scenario-account cl-account-access');
    await account.locator('[data-state=signed-in]').waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('token')).toBeNull();
    // The discount that applies (the largest of the customer's own and their categories'), as the store set it.
    const percent = formatPercent(applied.discountPercent, 'pt-BR');
    await expect
      .poll(() => account.locator('[data-part=benefits]').textContent(), { timeout: 15_000 })
      .toBe(applied.name ? `Seu desconto: ${percent} (categoria ${applied.name})` : `Seu desconto: ${percent}`);
    await account.getByRole('tab', { name: 'Pedidos' }).click();
    const rows = account.locator('[data-order]');
    await rows.first().waitFor({ timeout: 15_000 });
    const orders = await admin.customers.orders(customer.id, { limit: 10 });
    expect(await rows.count()).toBe(orders.items.length);
    expect(await rows.first().textContent()).toContain(orders.items[0]!.number);
    await expectNoSidewaysScroll(page);
    await account.getByRole('tab', { name: 'Créditos' }).click();
    const credits = await admin.customers.credits(customer.id);
    if (credits.length) await account.locator('[data-credit]').first().waitFor({ timeout: 15_000 });
    else await account.getByText('Você não tem créditos.').waitFor({ timeout: 15_000 });
    expect(await account.locator('[data-credit]').count()).toBe(credits.length);

    // A new password: the current one is required; then it signs in.
    await account.getByRole('tab', { name: 'Senha' }).click();
    await account.getByLabel('Senha atual').fill('senha-do-pedido-7');
    await account.getByLabel('Nova senha', { exact: true }).fill('aaaaaaaa');
    await account.getByLabel('Confirme a nova senha').fill('aaaaaaaa');
    await account.getByRole('button', { name: 'Alterar senha' }).click();
    await account.getByText('Senha fácil de adivinhar', { exact: false }).waitFor();
    await account.getByLabel('Nova senha', { exact: true }).fill('outra-senha-do-pedido-8');
    await account.getByLabel('Confirme a nova senha').fill('outra-senha-do-pedido-8');
    await account.getByRole('button', { name: 'Alterar senha' }).click();
    await account.getByText('Senha alterada.', { exact: false }).waitFor({ timeout: 15_000 });

    // A session whose time is over is not restored: the shopper is told and signs in again.
    await page.evaluate(() => {
      const s = JSON.parse(localStorage.getItem('clientela:session')!);
      localStorage.setItem('clientela:session', JSON.stringify({ ...s, expiresAt: '2020-01-01T00:00:00.000Z' }));
    });
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#tab-account').getAttribute('aria-selected')).toBe('true');
    await account.getByText('Sua sessão terminou', { exact: false }).waitFor({ timeout: 15_000 });
    await account.getByLabel('E-mail').fill(customer.email!);
    await account.getByLabel('Senha', { exact: true }).fill('outra-senha-do-pedido-8');
    await account.getByRole('button', { name: 'Entrar' }).click();
    await account.locator('[data-state=signed-in]').waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
