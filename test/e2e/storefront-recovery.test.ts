// End to end on the storefront: "Esqueci minha senha" and "primeiro acesso" (#17 §4), as a shopper
// does it. The server sends its e-mail through a loopback SMTP server this test starts; the test
// reads the link out of the received e-mail and opens it, sets the new password and is signed in.
import { createClient } from '@clientela/core/client';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailInbox, type MailInbox } from './mail-inbox.js';
import { PUBLISHABLE_KEY, SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { startStack, testCpf, type Stack } from './stack.js';

let stack: Stack;
let inbox: MailInbox;
const run = Date.now() % 1e6;

beforeAll(async () => {
  inbox = await startMailInbox();
  stack = await startStack({ seed: 50, serverArgs: ['--smtp', inbox.url, '--smtp-from', 'Loja <contato@loja.example.com.br>'] });
}, 180_000);

afterAll(async () => {
  await stack?.close();
  await inbox?.close();
});

function linkIn(text: string): string {
  const m = /https?:\/\/\S+/.exec(text);
  expect(m, text).not.toBeNull();
  return m![0];
}

async function open(path = ''): Promise<{ page: Page; errors: string[] }> {
  const context = await stack.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path.startsWith('http') ? path : `${stack.examples.storefrontUrl}${path}`);
  await page.waitForLoadState('networkidle');
  return { page, errors };
}

const admin = () => createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
const shop = () => createClient({ baseUrl: stack.server.url, apiKey: PUBLISHABLE_KEY });

describe('storefront: account recovery through a real SMTP server', () => {
  it('"Esqueci minha senha" e-mails a link that sets a new password, signs in and ends the old session', async () => {
    const email = `esqueci.${run}@example.com.br`;
    const customer = await admin().customers.create({ kind: 'person', document: testCpf(run), firstName: 'Helena', lastName: 'Prado', email });
    const { token } = await admin().customers.invite(customer.id);
    const before = await shop().account.setPassword({ token, email, password: 'senha-antiga-77' });

    const { page, errors } = await open('#conta');
    const account = page.locator('#scenario-account cl-account-access');
    await page.locator('#tab-account').click();
    await account.getByLabel('E-mail').fill(email);
    await account.getByRole('button', { name: 'Esqueci minha senha' }).click();
    expect(await account.getByRole('heading', { name: 'Esqueci minha senha' }).isVisible()).toBe(true);
    expect(await account.getByLabel('E-mail').inputValue()).toBe(email);
    await account.getByRole('button', { name: 'Enviar link' }).click();
    const sent = account.getByRole('status');
    await sent.getByRole('heading', { name: 'Confira seu e-mail' }).waitFor();
    expect(await sent.textContent()).toContain(`Se houver uma conta com o e-mail ${email}`);

    const text = await inbox.text(email, 0);
    expect(text).toContain('Olá, Helena Prado.');
    expect(text).toContain('redefinir a senha');
    const link = linkIn(text);
    expect(link.startsWith(`${stack.examples.storefrontUrl}?`)).toBe(true);
    expect(new URL(link).searchParams.get('purpose')).toBe('reset');

    const opened = await open(link);
    const panel = opened.page.locator('#scenario-seller');
    await panel.getByRole('heading', { name: 'Cadastre uma nova senha' }).waitFor();
    await expect.poll(() => panel.getByLabel('E-mail').inputValue()).toBe(email);
    await panel.getByLabel('Nova senha', { exact: true }).fill('senha-nova-88');
    await panel.getByLabel('Confirme a nova senha').fill('senha-nova-88');
    await panel.getByRole('button', { name: 'Salvar senha e entrar' }).click();
    const area = opened.page.locator('#scenario-account cl-account-access');
    await area.getByRole('button', { name: 'Sair' }).waitFor();
    expect(new URL(opened.page.url()).searchParams.get('token')).toBeNull();

    // The old password and the session from before no longer work; the new one does.
    await expect(shop().account.profile(before.token)).rejects.toMatchObject({ status: 401 });
    await expect(shop().account.signIn({ email, password: 'senha-antiga-77' })).rejects.toMatchObject({ status: 401 });
    expect((await shop().account.signIn({ email, password: 'senha-nova-88' })).customerId).toBe(customer.id);
    // The link was single use.
    const again = await open(link);
    await again.page.locator('#scenario-seller [data-state=used]').waitFor();
    expect([...errors, ...opened.errors, ...again.errors]).toEqual([]);
  }, 180_000);

  it('a customer migrated without a password gets "primeiro acesso" the same way', async () => {
    const email = `migrado.${run}@example.com.br`;
    const customer = await admin().customers.create({ kind: 'person', document: testCpf(run + 1), firstName: 'Otávio', lastName: 'Reis', email, source: 'import' });
    const { page, errors } = await open('#migrado');
    const panel = page.locator('#scenario-migrated');
    await page.locator('#tab-migrated').click();
    await panel.getByRole('button', { name: 'Esqueci minha senha' }).click();
    await panel.getByLabel('E-mail').fill(email);
    await panel.getByRole('button', { name: 'Enviar link' }).click();
    await panel.getByRole('heading', { name: 'Confira seu e-mail' }).waitFor();

    const text = await inbox.text(email, 0);
    expect(text).toContain('No primeiro acesso, cadastre uma nova senha.');
    const link = linkIn(text);
    expect(new URL(link).searchParams.get('purpose')).toBe('first-access');
    const opened = await open(link);
    const migrated = opened.page.locator('#scenario-migrated');
    await migrated.getByRole('heading', { name: 'Cadastre uma nova senha' }).waitFor();
    await expect.poll(() => migrated.getByLabel('E-mail').inputValue()).toBe(email);
    await migrated.getByLabel('Nova senha', { exact: true }).fill('primeiro-acesso-9');
    await migrated.getByLabel('Confirme a nova senha').fill('primeiro-acesso-9');
    await migrated.getByRole('button', { name: 'Salvar senha e entrar' }).click();
    await opened.page.locator('#scenario-account cl-account-access').getByRole('button', { name: 'Sair' }).waitFor();
    expect((await admin().customers.retrieve(customer.id)).account.status).toBe('active');
    expect([...errors, ...opened.errors]).toEqual([]);
  }, 180_000);
});
