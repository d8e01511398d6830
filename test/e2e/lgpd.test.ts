// End to end on the example pages, in Chromium, against the CLI server on a SQLite file (so the
// search is its full-text index, not a scan) — the LGPD flows of issue #18 as a shopper and the
// store's staff do them:
//   a. consent given at registration on the storefront and revoked in "Minha conta → Privacidade"
//      shows in the admin card's consent history with its source and the text version seen;
//   b. "Baixar meus dados" gives an archive with the shopper's data and nothing of anyone else's, and
//      so does the archive of an access request the admin opens on a customer's behalf from the card;
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

/** Searches the admin table for `q`; resolves once it shows no customer ("Nenhum cliente encontrado"). */
async function tableFindsNobody(admin: Page, q: string): Promise<void> {
  const table = admin.locator('#main cl-customer-table');
  const search = table.locator('input[type=search]');
  await search.fill(q);
  await search.press('Enter');
  await table.getByText('Nenhum cliente encontrado').waitFor({ timeout: 20_000 });
  expect(await table.locator('[part~=row][data-id]').count(), q).toBe(0);
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
    const table = admin.locator('#main cl-customer-table');
    await table.locator('input[type=search]').fill(who.lastName);
    await table.locator('input[type=search]').press('Enter');
    await expect.poll(() => table.locator('[part~=row][data-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id'))), { timeout: 20_000 }).toEqual([listed!.id]);
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

  it('b. "Baixar meus dados", and an access request the admin opens on a customer’s behalf, give archives with that person’s data and nothing of anyone else’s', async () => {
    const client = api();
    const who = shopper(2, 'Bruna');
    // Someone else, close by: same family name and CEP, orders, a credit, the same message sent.
    const other = await client.customers.create({
      kind: 'person', document: testCpf(run * 10 + 3), firstName: 'Otávio', lastName: `Vizinho${run}`, email: `otavio.${run}@example.com`, phone: phoneOf(run * 10 + 3),
      address: { postalCode: '01310-100', street: 'Avenida Paulista', number: '900', city: 'São Paulo', state: 'SP' }, marketingConsent: { email: true, sms: false, whatsapp: false },
    });
    const { page, errors } = await openStorefront();
    await register(page, who, ['email']);
    const [mine] = (await client.customers.list({ q: who.email })).items;
    for (const [customerId, number, totalCents] of [[mine!.id, `B${run}-1`, 15_990], [other.id, `O${run}-1`, 77_700], [other.id, `O${run}-2`, 1_234]] as const) {
      await client.orders.create({ customerId, number, placedAt: '2026-11-02T13:00:00.000Z', itemsCount: 2, totalCents, status: 'paid' });
    }
    await client.credits.grant(mine!.id, { kind: 'cashback', amountCents: 1_500, expiresAt: '2027-06-30T23:59:59-03:00' });
    await client.credits.grant(other.id, { kind: 'referral', amountCents: 4_200, expiresAt: '2027-06-30T23:59:59-03:00' });
    await client.messages.create({ ids: [mine!.id, other.id], channel: 'email', subject: `Novidades ${run}`, text: 'Olá {{primeiroNome}}, chegou coleção nova.', acknowledgedResponsibility: true });

    // The shopper downloads their data from Minha conta → Privacidade.
    const panel = privacyPanel(page);
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Baixar meus dados' }).click();
    const file = await download;
    await panel.getByText('Arquivo baixado.').waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    const zip = await JSZip.loadAsync(readFileSync((await file.path())!));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['consent.csv', 'credits.csv', 'data-log.csv', 'data.json', 'messages.csv', 'orders.csv']);
    const texts = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async('string')] as const)));
    await page.context().close();

    // Everything held about the shopper…
    const data = JSON.parse(texts['data.json']!);
    expect(data.profile).toMatchObject({ id: mine!.id, firstName: who.firstName, lastName: who.lastName, email: who.email, document: who.document, phone: `+55${who.phone.replace(/\D/g, '')}` });
    expect(data.orders.map((o: { number: string; totalCents: number }) => [o.number, o.totalCents])).toEqual([[`B${run}-1`, 15_990]]);
    expect(data.credits.ledger).toEqual([expect.objectContaining({ type: 'grant', kind: 'cashback', amountCents: 1_500 })]);
    expect(data.consent).toEqual([expect.objectContaining({ channel: 'email', granted: true, source: 'storefront' })]);
    await expect.poll(async () => (await client.messages.list()).items.find((b) => b.subject === `Novidades ${run}`)?.counts, { timeout: 20_000 }).toBeDefined();
    expect(data.messages).toEqual([expect.objectContaining({ channel: 'email', customerId: mine!.id, status: 'delivered', subject: `Novidades ${run}` })]);
    expect(data.messages[0].text).toContain(`Olá ${who.firstName}`);
    expect(data.dataLog.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['customer.create', 'consent.record']));
    expect(texts['orders.csv']).toContain(`B${run}-1`);
    expect(texts['consent.csv']).toContain('storefront');
    // …and nothing of anyone else's, in any file.
    const otherTraces = [other.id, other.email!, other.document!, 'Otávio', `Vizinho${run}`, other.phone!, `O${run}-1`, `O${run}-2`, '77700', '4200'];
    for (const [name, text] of Object.entries(texts)) {
      expect(otherTraces.filter((trace) => text.includes(trace)), `${name} holds another customer's data`).toEqual([]);
    }

    // The admin, on the neighbour's behalf (a request made by phone): from his card, "Solicitação
    // LGPD" → "Acesso aos dados" → open; then "Baixar dados" in its row — his archive, none of hers.
    const admin = await openAdmin(stack, { elements: ['cl-customer-table', 'cl-customer-card', 'cl-privacy-requests', 'cl-audit-log'], acceptDownloads: true });
    const table = admin.locator('#main cl-customer-table');
    await table.locator('input[type=search]').fill(`Vizinho${run}`);
    await table.locator('input[type=search]').press('Enter');
    await table.locator(`[part~=row][data-id="${other.id}"] [data-key=createdAt]`).click();
    const card = admin.locator('#detail cl-customer-card');
    await expect.poll(() => card.locator('h2').textContent(), { timeout: 20_000 }).toBe(`Otávio Vizinho${run}`);
    await admin.locator('#detail [data-action=privacy]').click();
    const queue = admin.locator('#privacy-dialog cl-privacy-requests');
    await expect.poll(() => queue.locator('#new-title').textContent(), { timeout: 20_000 }).toBe(`Nova solicitação de Otávio Vizinho${run}`);
    expect(new URL(admin.url()).hash).toBe(`#lgpd/${other.id}`);
    await queue.getByLabel('Pedido').selectOption({ label: 'Acesso aos dados' });
    await queue.getByRole('button', { name: 'Abrir solicitação' }).click();
    await queue.getByText('Solicitação de Acesso aos dados aberta.', { exact: false }).waitFor({ timeout: 20_000 });
    const row = queue.locator('tbody tr', { hasText: `Otávio Vizinho${run}` });
    // The queue reloads after the success message is announced: the row arrives a moment later.
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await row.locator('td').nth(0).textContent()).toBe('Acesso aos dados');
    const hisDownload = admin.waitForEvent('download');
    await row.getByRole('button', { name: 'Baixar dados' }).click();
    const his = await JSZip.loadAsync(readFileSync((await (await hisDownload).path())!));
    const hisData = JSON.parse(await his.file('data.json')!.async('string'));
    expect(hisData.profile).toMatchObject({ id: other.id, email: other.email, document: other.document });
    expect(hisData.orders.map((o: { number: string }) => o.number).sort()).toEqual([`O${run}-1`, `O${run}-2`]);
    expect(hisData.privacyRequests).toEqual([expect.objectContaining({ type: 'access', status: 'open' })]);
    for (const name of Object.keys(his.files)) {
      const text = await his.file(name)!.async('string');
      const hers = [mine!.id, who.email, who.document, who.lastName, `B${run}-1`].filter((trace) => text.includes(trace));
      expect(hers, `${name} of his archive holds her data`).toEqual([]);
    }
    await row.getByRole('button', { name: 'Concluir' }).click();
    await queue.getByText(`Solicitação de Otávio Vizinho${run} concluída.`).waitFor({ timeout: 20_000 });
    await admin.locator('#privacy-dialog').getByRole('button', { name: 'Fechar' }).click();

    // The admin's data log says each archive was made, the request opened and completed.
    await dataLogSentences(admin, [
      `Gerou o arquivo com os dados de ${who.firstName} ${who.lastName} (LGPD)`,
      `Gerou o arquivo com os dados de Otávio Vizinho${run} (LGPD)`,
      `Abriu uma solicitação de acesso aos dados (LGPD) de Otávio Vizinho${run}`,
      `Mudou a solicitação de acesso aos dados (LGPD) de Otávio Vizinho${run} para concluída`,
    ]);
    await admin.close();
  }, 240_000);

  it('c. "Excluir minha conta", anonymized in the LGPD queue: totals kept, every personal field gone — from the record, exports and the search', async () => {
    const client = api();
    const who = shopper(4, 'Dora');
    const { page, errors } = await openStorefront();
    await register(page, who, ['email', 'sms']);
    const [listed] = (await client.customers.list({ q: who.email })).items;
    const id = listed!.id;
    for (const [number, totalCents] of [[`D${run}-1`, 25_000], [`D${run}-2`, 9_990]] as const) {
      await client.orders.create({ customerId: id, number, placedAt: '2026-11-05T13:00:00.000Z', itemsCount: 1, totalCents, status: 'paid' });
    }
    await client.credits.grant(id, { kind: 'cashback', amountCents: 2_000, expiresAt: '2027-06-30T23:59:59-03:00' });
    // The shopper's details, filled in Minha conta: address, birth date (more personal fields to erase).
    let full = await client.customers.retrieve(id);
    full = await client.customers.update(id, { birthDate: '1988-07-21', notes: `Prefere entregas à tarde ${run}`, loyaltyCard: `CARD${run}`, address: { postalCode: '01310-100', street: 'Avenida Paulista', number: '1578', complement: 'ap 12', district: 'Bela Vista', city: 'São Paulo', state: 'SP' } }, { ifMatch: full.version });
    const before = full.stats;
    expect(before).toMatchObject({ ordersCount: 2, totalSpentCents: 34_990 });

    // Before: the search finds the shopper by each of name, e-mail and document, and an export holds them.
    const searches = [`${who.firstName} ${who.lastName}`, who.email, who.document, who.phone, `CARD${run}`];
    const everyStatus = 'active,inactive,blocked,deleted';
    for (const q of searches) expect((await client.customers.list({ q, status: everyStatus })).items.map((c) => c.id), q).toEqual([id]);
    const exportOf = async () => (await (await client.exports.download({ format: 'csv', ids: [id] })).blob.text()).replace(/^\uFEFF/, '');
    const exportedBefore = await exportOf();
    expect(exportedBefore).toContain(who.email);

    // "Excluir minha conta": confirmed, the request opened with the store's deadline.
    const panel = privacyPanel(page);
    await panel.getByRole('button', { name: 'Excluir minha conta' }).click();
    await panel.getByRole('button', { name: 'Sim, pedir a exclusão' }).click();
    await panel.getByText('Pedido de exclusão registrado.', { exact: false }).waitFor({ timeout: 20_000 });
    await panel.locator('[data-part=requests] li').first().waitFor();
    expect(await panel.locator('[data-part=requests] li').first().textContent()).toContain('Exclusão — Aberta');
    expect(errors).toEqual([]);

    // The admin: "LGPD (titulares)" → the request → "Anonimizar…" → a wrong word is refused → ANONIMIZAR.
    const admin = await openAdmin(stack, { elements: ['cl-customer-table', 'cl-privacy-requests', 'cl-audit-log'], acceptDownloads: true });
    await admin.click('#open-privacy');
    const queue = admin.locator('#privacy-dialog cl-privacy-requests');
    const row = queue.locator('tbody tr', { hasText: `${who.firstName} ${who.lastName}` });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.locator('td').nth(0).textContent()).toBe('Exclusão');
    expect(await row.locator('td').nth(3).textContent()).toContain('(15 dias restantes)');
    await row.getByRole('button', { name: 'Anonimizar…' }).click();
    const dialog = queue.getByRole('dialog');
    await dialog.getByLabel('Confirmação').fill('apagar');
    await dialog.getByRole('button', { name: 'Anonimizar definitivamente' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Digite ANONIMIZAR para confirmar.');
    expect((await client.customers.retrieve(id, { document: 'masked' })).anonymizedAt).toBeUndefined();
    await dialog.getByLabel('Confirmação').fill('ANONIMIZAR');
    await dialog.getByRole('button', { name: 'Anonimizar definitivamente' }).click();
    await queue.getByText('Cliente anonimizado; a solicitação foi concluída.').waitFor({ timeout: 20_000 });
    const done = queue.locator('tbody tr', { hasText: 'Cliente anonimizado' });
    expect(await done.locator('td').nth(1).textContent()).toBe('Concluída');
    await admin.locator('#privacy-dialog').getByRole('button', { name: 'Fechar' }).click();

    // Field by field: every personal field is gone; the orders and figures stay.
    const after = await client.customers.retrieve(id, { document: 'masked' });
    expect(after).toMatchObject({ id, kind: 'person', status: 'deleted', firstName: 'Cliente', lastName: 'anonimizado', document: '', whatsapp: false, account: { status: 'none' } });
    for (const field of ['email', 'phone', 'birthDate', 'address', 'notes', 'loyaltyCard', 'legalName', 'tradeName', 'stateRegistration', 'municipalRegistration'] as const) {
      expect((after as Record<string, unknown>)[field], field).toBeUndefined();
    }
    expect(after.marketingConsent).toMatchObject({ email: false, sms: false, whatsapp: false });
    expect(after.stats).toMatchObject({ ordersCount: 2, totalSpentCents: 34_990 });
    const orders = (await client.customers.orders(id, { limit: 10 })).items;
    expect(orders.map((o) => [o.number, o.totalCents]).sort()).toEqual([[`D${run}-1`, 25_000], [`D${run}-2`, 9_990]]);
    expect((await client.customers.credits(id)).map((c) => c.amountCents)).toEqual([2_000]);
    // Not one of the person's values is left anywhere in the record.
    const json = JSON.stringify(after);
    for (const value of [who.firstName, who.lastName, who.email, who.document, who.phone.replace(/\D/g, ''), '1988-07-21', 'Paulista', `CARD${run}`, `${run}`]) {
      expect(json, value).not.toContain(value);
    }
    // The search no longer finds them by any of it (any status), and an export of their id holds no row.
    for (const q of searches) expect((await client.customers.list({ q, status: everyStatus })).items, q).toEqual([]);
    await tableFindsNobody(admin, who.lastName);
    await tableFindsNobody(admin, who.document);
    const exportedAfter = await exportOf();
    expect(exportedAfter.trim().split('\r\n')).toHaveLength(1); // the header alone
    const credits = (await (await client.exports.download({ format: 'csv', resource: 'credits', ids: [id] })).blob.text());
    for (const value of [who.firstName, who.lastName, who.email, who.document]) expect(credits, value).not.toContain(value);
    // Signing in no longer works.
    await page.reload();
    await page.waitForLoadState('networkidle');
    const account = page.locator('#scenario-account cl-account-access');
    await account.locator('form[data-state=sign-in]').waitFor({ timeout: 20_000 });
    await account.getByLabel('E-mail').fill(who.email);
    await account.getByLabel('Senha', { exact: true }).fill(who.password);
    await account.getByRole('button', { name: 'Entrar' }).click();
    await account.getByText('E-mail ou senha incorretos', { exact: false }).waitFor({ timeout: 20_000 });
    await page.context().close();

    // The request (opened by the shopper) and the anonymization, each in a sentence.
    const sentences = await dataLogSentences(admin, ['Anonimizou o cliente Cliente anonimizado (LGPD)']);
    // The entries written before the erasure stay, naming the record as anonymized: nothing of the
    // person is readable in <cl-audit-log> or GET /v1/audit any more.
    expect(sentences).toContain('Abriu uma solicitação de exclusão (LGPD) de Cliente anonimizado');
    const traces = [`${who.firstName} ${who.lastName}`, who.lastName, who.email, who.document, who.phone, who.phone.replace(/\D/g, '')];
    for (const trace of traces) expect(sentences.filter((x) => x.includes(trace)), trace).toEqual([]);
    const entries: unknown[] = [];
    for await (const entry of client.audit.iterate()) entries.push(entry);
    const about = entries.filter((e) => (e as { target?: string }).target === id);
    expect(about.length).toBeGreaterThanOrEqual(4); // created, consent given, the request, the erasure…
    const logText = JSON.stringify(entries);
    for (const trace of traces) expect(logText, trace).not.toContain(trace);
    await admin.close();
  }, 300_000);
});
