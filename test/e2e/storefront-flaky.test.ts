// End to end: the storefront example against a server that fails 30 % of requests (503 +
// Retry-After) and answers in 300–1500 ms (`--fail-rate 0.3 --latency 300-1500`). A shopper
// registers with a password, reaches "Minha conta" and signs in again after signing out. Every
// step either succeeds or shows a visible message in Portuguese with a way to try again (which
// the shopper uses), never the server's developer words; and what "Minha conta" shows is always
// this shopper's own data.
import { createClient } from '@clientela/core/client';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { outcome, testCpf, useStack } from './stack.js';

const stack = useStack({ seed: 310, serverArgs: ['--fail-rate', '0.3', '--latency', '300-1500'] });
const run = Date.now() % 1e6;

describe('the storefront with --fail-rate 0.3 --latency 300-1500', () => {
  it('registration and sign-in each succeed or say why with a retry; Minha conta shows only this shopper', async () => {
    // A first visit lets vite optimize the page's dependencies (it reloads the page when it does).
    const warm = await stack.browser.newPage();
    await warm.goto(`${stack.examples.storefrontUrl}#aberto`);
    await warm.locator('#scenario-open cl-customer-form :is(form, [role=alert])').first().waitFor({ timeout: 120_000 });
    await warm.close();

    const context = await stack.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Every answer the page got from the API: the 503s prove the walk met the failing stack.server.
    const answers: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.startsWith('/v1/') && r.request().method() !== 'OPTIONS') answers.push(r.status());
    });
    await page.goto(`${stack.examples.storefrontUrl}#aberto`);
    const form = page.locator('#scenario-open cl-customer-form');
    let failures = 0;

    // The form loads (its rules come from the server), or says so with "Tentar novamente".
    failures += await outcome('form load', () => form.locator('input[name=firstName]').isVisible(), form.locator(':scope > [role=alert]'));

    const email = `flaky.${run}@example.com`;
    const lastName = `Instável ${run}`;
    await form.getByLabel('Nome', { exact: true }).fill('Bia');
    await form.getByLabel('Sobrenome').fill(lastName);
    await form.getByLabel('CPF').fill(testCpf(run + 7));
    await form.locator('input[name=email]').fill(email);
    await form.locator('input[name=password]').fill('pé-de-moleque-9');
    await form.locator('input[name=passwordConfirm]').fill('pé-de-moleque-9');

    // Registering: done, or the summary says it could not save, and "Criar cadastro" is pressed again.
    const done = form.locator('[data-state=registered]');
    const submit = form.getByRole('button', { name: 'Criar cadastro' });
    await submit.click();
    failures += await outcome('registration', () => done.isVisible(), form.locator('.cl-cf-summary'), () => submit.click());
    const doneText = (await done.textContent())!;
    expect(doneText).toContain('Boas-vindas, Bia!');
    // Signed in at once, or (the automatic sign-in failed) told to sign in with the new password.
    expect(doneText).toMatch(/Você já está conectado|Entre em Minha conta com seu e-mail/);
    // One registration, however many retries: the idempotency key kept it one customer.
    const admin = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY, retry: { limit: 10, backoffLimit: 1000 } });
    expect((await admin.customers.list({ q: email })).items.map((c) => c.email)).toEqual([email]);

    await done.getByRole('link', { name: 'Ir para Minha conta' }).click();
    const account = page.locator('#scenario-account cl-account-access');
    const signedIn = account.locator('[data-state=signed-in]');
    const signInForm = account.locator('form[data-state=sign-in]');
    const alert = account.locator('[data-part=alert]:not(:empty)');

    /** Signs in as a person would: a failure says so, and "Entrar" is pressed again. */
    const signIn = async (what: string) => {
      await signInForm.waitFor({ timeout: 30_000 });
      await account.getByLabel('E-mail').fill(email);
      await account.getByLabel('Senha', { exact: true }).fill('pé-de-moleque-9');
      const enter = account.getByRole('button', { name: 'Entrar' });
      await enter.click();
      return outcome(what, () => signedIn.isVisible(), alert, async () => {
        await account.getByLabel('Senha', { exact: true }).fill('pé-de-moleque-9');
        await enter.click();
      });
    };
    if (!doneText.includes('Você já está conectado')) failures += await signIn('sign-in after registering');
    await signedIn.waitFor({ timeout: 30_000 });

    /** Minha conta shows this shopper: the greeting, and the details once they load. */
    const ownDetails = async (what: string) => {
      expect(await account.getByText(`Olá, Bia ${lastName}`).count()).toBe(1);
      const details = account.locator('cl-customer-form');
      failures += await outcome(what, async () => (await details.locator('input[name=email]').isVisible()) && (await details.locator('input[name=email]').inputValue()) === email, details.locator(':scope > [role=alert]'));
      expect(await details.getByLabel('Sobrenome').inputValue()).toBe(lastName);
    };
    await ownDetails('account details');

    // Sign out and in again, through the failures.
    const signOut = account.getByRole('button', { name: 'Sair' });
    await signOut.click();
    await account.getByText('Você saiu da sua conta.').waitFor({ timeout: 30_000 });
    failures += await signIn('sign-in again');
    await ownDetails('account details after signing in again');

    expect(errors).toEqual([]);
    // 30 % of requests failing over this walk: the retries above were really exercised.
    const unavailable = answers.filter((status) => status === 503).length;
    console.info(`storefront walk: ${answers.length} API answers, ${unavailable} of them 503; ${failures} visible failures, each retried`);
    expect(unavailable).toBeGreaterThan(0);
    await context.close();
  }, 600_000);
});
