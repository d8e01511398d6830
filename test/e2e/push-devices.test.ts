// End to end, push (#17): a shopper signs in to "Minha conta" on the storefront and turns on
// notifications in this browser; in the admin, a push message to her and to a customer without
// the app counts one "Receberão" and one "Excluídos por não terem o aplicativo"; her card says
// "App: 1 dispositivo". Turning them off again on the storefront leaves her without the app.
//
// Headless Chromium here has no internet, so its PushManager cannot reach a real push service:
// the first test injects a subscription (PushManager.subscribe answering one whose keys the test
// made — the page's code path from subscription to device is the real one, service worker
// included); the second lets Chromium's own PushManager fail and checks what the shopper is told.
import { createECDH, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createClient } from '@clientela/core/client';
import { isRegistrationPending } from '@clientela/core/rules';
import { describe, expect, it } from 'vitest';
import { PUBLISHABLE_KEY, SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const stack = useStack({ seed: 30 });
const run = Date.now() % 1e6;

/**
 * Makes this page's PushManager answer a subscription to `endpoint` with real P-256 keys made here
 * (kept across reloads in localStorage, as a browser keeps its subscription), and notifications
 * granted.
 */
async function injectSubscription(page: Page, endpoint: string): Promise<void> {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const keys = { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
  await page.addInitScript(
    ({ endpoint, keys }) => {
      const KEY = 'clientela-test-subscription';
      const subscription = {
        endpoint,
        expirationTime: null,
        toJSON: () => ({ endpoint, expirationTime: null, keys }),
        unsubscribe: async () => (localStorage.removeItem(KEY), true),
      };
      Object.defineProperty(Notification, 'permission', { get: () => 'granted' });
      Notification.requestPermission = async () => 'granted';
      PushManager.prototype.subscribe = async function () {
        localStorage.setItem(KEY, '1');
        return subscription as unknown as PushSubscription;
      };
      PushManager.prototype.getSubscription = async function () {
        return (localStorage.getItem(KEY) ? subscription : null) as unknown as PushSubscription | null;
      };
    },
    { endpoint, keys },
  );
}

describe('push devices', () => {
  it('"Ativar notificações" on the storefront makes the shopper a push recipient in the admin', async () => {
    const shopClient = createClient({ baseUrl: stack.server.url, apiKey: PUBLISHABLE_KEY });
    const admin = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const password = 'pé-de-moleque-9';
    const email = `push.${run}@example.com`;
    const bia = await shopClient.account.register({ kind: 'person', document: testCpf(run * 3 + 1), firstName: 'Bia', lastName: `Push${run}`, email, password });
    if (isRegistrationPending(bia)) throw new Error('expected a new customer: the store already held this document or e-mail');
    const caio = await admin.customers.create({ kind: 'person', document: testCpf(run * 3 + 2), firstName: 'Caio', lastName: `Push${run}`, email: `caio.${run}@example.com` });

    const page = await stack.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const endpoint = `https://push.example.test/send/bia-${run}`;
    await injectSubscription(page, endpoint);
    await page.goto(`${stack.examples.storefrontUrl}#conta`);
    const account = page.locator('#scenario-account cl-account-access');
    await account.getByLabel('E-mail').fill(email);
    await account.getByLabel('Senha', { exact: true }).fill(password);
    await account.getByRole('button', { name: 'Entrar' }).click();
    const optIn = page.locator('section.push-optin');
    await optIn.getByRole('heading', { name: 'Notificações' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => optIn.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Notificações desativadas neste navegador.');
    await optIn.getByRole('button', { name: 'Ativar notificações' }).click();
    await expect.poll(() => optIn.getByRole('status').textContent(), { timeout: 15_000 }).toMatch(/^Notificações ativadas neste navegador \(Chrome no Linux\)\.$/);
    const devices = await admin.devices.ofCustomer(bia.id);
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ platform: 'web', label: 'Chrome no Linux', webPush: true, tokenEnd: endpoint.slice(-6) });
    // The page registered its service worker for the push messages.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL)).toMatch(/\/storefront\/push-sw\.js$/);
    // A reload finds this browser among her devices (the token stays in the browser).
    await page.reload();
    await expect.poll(() => page.locator('section.push-optin').getByRole('status').textContent(), { timeout: 15_000 }).toMatch(/^Notificações ativadas/);

    const adminPage = await openAdmin(stack, { elements: ['cl-customer-table', 'cl-customer-card'] });
    const table = adminPage.locator('#main cl-customer-table');
    await table.locator('input[type=search]').fill(`Push${run}`);
    await table.locator('input[type=search]').press('Enter');
    for (const id of [bia.id, caio.id]) await table.locator(`[part~=row][data-id="${id}"]`).waitFor({ timeout: 30_000 });
    for (const name of ['Bia', 'Caio']) await table.getByRole('checkbox', { name: `Selecionar ${name} Push${run}` }).check();
    await table.getByRole('button', { name: 'Enviar mensagem' }).click();
    const composer = table.locator('cl-message-composer');
    await composer.getByRole('radio', { name: 'Push (aplicativo)' }).check();
    await composer.getByLabel('Texto', { exact: true }).fill('Oi {{primeiroNome}}, chegou coleção nova.');
    await expect.poll(() => composer.locator('[part=sample]').textContent({ timeout: 15_000 }), { timeout: 15_000 }).toContain('Oi Bia, chegou coleção nova.');
    expect(await composer.locator('[data-count=willReceive] dd').textContent()).toBe('1');
    expect(await composer.locator('[data-count=noApp] dt').textContent()).toBe('Excluídos por não terem o aplicativo');
    expect(await composer.locator('[data-count=noApp] dd').textContent()).toBe('1');
    await composer.getByLabel('Li e compreendo a responsabilidade por violação da legislação vigente').check();
    await composer.getByRole('button', { name: 'Enviar para 1 cliente' }).click();
    await composer.getByRole('heading', { name: 'Mensagem enviada' }).waitFor({ timeout: 15_000 });
    const batch = (await admin.messages.list()).items.find((b) => b.channel === 'push' && b.text.includes('coleção nova'))!;
    await expect.poll(async () => (await admin.messages.recipients(batch.id)).items.find((r) => r.customerId === bia.id)?.status, { timeout: 30_000 }).toBe('delivered');
    await adminPage.keyboard.press('Escape'); // closes the message dialog

    // Her card: one device with the app.
    await table.locator(`[part~=row][data-id="${bia.id}"] [data-key=createdAt]`).click();
    const card = adminPage.locator('#detail cl-customer-card');
    await expect.poll(() => card.locator('[data-devices]').textContent({ timeout: 15_000 }), { timeout: 15_000 }).toContain('App: 1 dispositivo');

    // Off again on the storefront: she no longer has the app.
    await page.locator('section.push-optin').getByRole('button', { name: 'Desativar notificações' }).click();
    await expect.poll(() => page.locator('section.push-optin').getByRole('status').textContent(), { timeout: 15_000 }).toBe('Notificações desativadas neste navegador.');
    expect(await admin.devices.ofCustomer(bia.id)).toEqual([]);
    await page.close();
    await adminPage.close();
  }, 180_000);

  it('says clearly when the browser cannot subscribe (blocked, or its push service out of reach) and registers nothing', async () => {
    const shopClient = createClient({ baseUrl: stack.server.url, apiKey: PUBLISHABLE_KEY });
    const admin = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const password = 'pé-de-moleque-9';
    const email = `push.off.${run}@example.com`;
    const dina = await shopClient.account.register({ kind: 'person', document: testCpf(run * 3 + 3), firstName: 'Dina', lastName: `Push${run}`, email, password });
    if (isRegistrationPending(dina)) throw new Error('expected a new customer: the store already held this document or e-mail');
    for (const granted of [false, true]) {
      // Chromium's own PushManager: without the permission it is refused; with it, its push service cannot be reached offline.
      const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 }, ...(granted ? { permissions: ['notifications'] } : {}) });
      const page = await context.newPage();
      await page.goto(`${stack.examples.storefrontUrl}#conta`);
      const account = page.locator('#scenario-account cl-account-access');
      await account.getByLabel('E-mail').fill(email);
      await account.getByLabel('Senha', { exact: true }).fill(password);
      await account.getByRole('button', { name: 'Entrar' }).click();
      const optIn = page.locator('section.push-optin');
      await expect.poll(() => optIn.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Notificações desativadas neste navegador.');
      await optIn.getByRole('button', { name: 'Ativar notificações' }).click();
      await expect
        .poll(() => optIn.getByRole('status').textContent(), { timeout: 30_000 })
        .toBe(
          granted
            ? 'Não foi possível falar com o serviço de notificações do navegador (sem conexão com a internet?). Tente novamente mais tarde.'
            : 'As notificações deste site estão bloqueadas no navegador: libere-as nas configurações do site e tente de novo.',
        );
      expect(await optIn.getByRole('button', { name: 'Ativar notificações' }).isEnabled()).toBe(true);
      expect(await admin.devices.ofCustomer(dina.id)).toEqual([]);
      await context.close();
    }
  }, 180_000);
});
