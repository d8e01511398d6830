// End to end, in Chromium against the CLI server, the guest-to-registered claim of #18 §3
// (scenario 2 of the catalog, done safely): a seller registers a customer in the admin panel (no
// password) and the store records an order for them; later the person registers on the storefront
// with the same CPF. The form does not stop them with a 409: it says "check your e-mail", and the
// server mails a single-use link to the e-mail on file — through a loopback SMTP server this test
// starts (the CLI's `--smtp`), read out of the received message. The link opens "Conclua seu
// cadastro"; the password set there signs them in on the record the store already had, with its
// order. The admin still finds ONE customer, and the data log says the claim. A second use of the
// link says plainly that it was used.
import { createClient } from '@clientela/core/client';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailInbox, type MailInbox } from './mail-inbox.js';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, startStack, testCpf, type Stack } from './stack.js';

let stack: Stack;
let inbox: MailInbox;
const run = Date.now() % 1e6;

beforeAll(async () => {
  inbox = await startMailInbox();
  stack = await startStack({ seed: 30, serverArgs: ['--smtp', inbox.url, '--smtp-from', 'Loja <contato@loja.example.com.br>'] });
}, 180_000);

afterAll(async () => {
  await stack?.close();
  await inbox?.close();
});

async function openStorefront(path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path.startsWith('http') ? path : `${stack.examples.storefrontUrl}${path}`);
  await page.waitForLoadState('networkidle');
  return { page, errors };
}

const api = () => createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });

describe('guest to registered: the claim of a record a seller made', () => {
  it('registering with the CPF the store holds mails a single-use link; it signs in on the same record, with its orders, and the data log says so', async () => {
    const cpf = testCpf(run * 31 + 7);
    const lastName = `Reivindica${run}`;
    const email = `ines.${run}@example.com.br`;

    // 1. A seller registers Inês in the admin panel: no password, no e-mail to her.
    const admin = await openAdmin(stack, { elements: ['cl-customer-table', 'cl-customer-form', 'cl-audit-log'] });
    await admin.locator('#new-customer').click();
    const adminForm = admin.locator('#customer-form-dialog cl-customer-form');
    await adminForm.locator('input[name=firstName]').fill('Inês');
    await adminForm.locator('input[name=lastName]').fill(lastName);
    await adminForm.locator('input[name=document]').fill(cpf);
    await adminForm.locator('input[name=email]').fill(email);
    await adminForm.locator('input[name=email]').press('Enter');
    await admin.locator('#customer-form-dialog').waitFor({ state: 'detached', timeout: 20_000 });
    const made = (await api().customers.list({ q: lastName })).items;
    expect(made).toHaveLength(1);
    const held = made[0]!;
    expect(held).toMatchObject({ source: 'admin', account: { status: 'none' } });
    expect(inbox.received(email)).toEqual([]);
    // The store records what she bought at the counter.
    const number = `BALCAO-${run}`;
    await api().orders.create({ customerId: held.id, number, placedAt: '2026-11-20T14:00:00.000Z', itemsCount: 2, totalCents: 18_990, status: 'delivered', source: 'pos' });

    // 2. On the storefront she registers herself with the same CPF: "check your e-mail", not a refusal.
    const { page, errors } = await openStorefront('#aberto');
    const form = page.locator('#scenario-open cl-customer-form');
    await form.locator('input[name=firstName]').waitFor();
    await form.getByLabel('Nome', { exact: true }).fill('Inês');
    await form.getByLabel('Sobrenome').fill(lastName);
    await form.getByLabel('CPF').fill(cpf);
    await form.locator('input[name=email]').fill(email);
    await form.locator('input[name=password]').fill('senha-da-ines-1');
    await form.locator('input[name=passwordConfirm]').fill('senha-da-ines-1');
    await form.getByRole('button', { name: 'Criar cadastro' }).click();
    const checkEmail = form.locator('[data-state=check-email]');
    await checkEmail.waitFor({ timeout: 20_000 });
    expect(await checkEmail.getByRole('heading').textContent()).toBe('Confira seu e-mail para concluir o cadastro');
    expect(await form.locator('[role=alert]').count()).toBe(0);
    await page.context().close();

    // 3. The link arrives at the e-mail on file.
    const text = await inbox.text(email, 0);
    const link = /https?:\/\/\S+/.exec(text)?.[0];
    expect(link, text).toBeDefined();
    expect(link!.startsWith(`${stack.examples.storefrontUrl}?`)).toBe(true);
    expect(new URL(link!).searchParams.get('purpose')).toBe('claim');

    // 4. She opens it, sets a password and is signed in, on the record that has her order.
    const opened = await openStorefront(link!);
    const panel = opened.page.locator('#scenario-seller');
    await panel.getByRole('heading', { name: 'Conclua seu cadastro' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => panel.getByLabel('E-mail').inputValue(), { timeout: 15_000 }).toBe(email);
    await panel.getByLabel('Nova senha', { exact: true }).fill('senha-da-ines-2');
    await panel.getByLabel('Confirme a nova senha').fill('senha-da-ines-2');
    await panel.getByRole('button', { name: 'Salvar senha e entrar' }).click();
    const account = opened.page.locator('#scenario-account cl-account-access');
    await account.locator('[data-state=signed-in]').waitFor({ timeout: 20_000 });
    await account.getByRole('tab', { name: 'Pedidos' }).click();
    const rows = account.locator('[data-order]');
    await rows.first().waitFor({ timeout: 15_000 });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(number);
    expect(opened.errors).toEqual([]);
    await opened.page.context().close();

    // 5. The admin still has ONE customer — the same record, now with an account — and the data log says the claim.
    const after = (await api().customers.list({ q: lastName })).items;
    expect(after.map((c) => c.id)).toEqual([held.id]);
    expect(after[0]!.account.status).toBe('active');
    const table = admin.locator('#main cl-customer-table');
    await table.locator('input[type=search]').fill(cpf);
    await table.locator('input[type=search]').press('Enter');
    await expect.poll(() => table.locator('[part~=row][data-id]').count(), { timeout: 20_000 }).toBe(1);
    expect(await table.locator(`[part~=row][data-id="${held.id}"]`).count()).toBe(1);
    await admin.click('#open-audit');
    const log = admin.locator('#audit-dialog cl-audit-log');
    const claimed = `Inês ${lastName} assumiu o cadastro que a loja já tinha (pelo link enviado ao e-mail do cadastro) e criou a senha`;
    await expect.poll(() => log.locator('[data-sentence]').allTextContents(), { timeout: 20_000 }).toContain(claimed);
    await admin.close();

    // 6. The link was single use: opened again, it says so and offers a new one.
    const again = await openStorefront(link!);
    const used = again.page.locator('#scenario-seller [data-state=used]');
    await used.waitFor({ timeout: 20_000 });
    expect((await used.textContent())!.replace(/\s+/g, ' ')).toContain('Este link de acesso já foi usado.');
    expect(again.errors).toEqual([]);
    expect(errors).toEqual([]);
    // Only the one link went out.
    expect(inbox.received(email)).toHaveLength(1);
    await again.page.context().close();
  }, 240_000);
});
