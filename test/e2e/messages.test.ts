// End to end on the admin example, in Chromium: a person selects customers in the table, opens
// "Enviar mensagem", writes a text with a variable from the insert menu, sees the preview for a
// real recipient and who is left out, ticks the statement of responsibility and sends; follows the
// link to the batch in "Mensagens" and sees each recipient's status (the development provider
// delivers); the customer's card shows the channels that reach them and the message received.
import type { Customer } from '@clientela/core';
import { createClient } from '@clientela/core/client';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const stack = useStack({ seed: 50 });
const run = Date.now() % 1e6;

describe('messages from the admin', () => {
  it('select, compose with a variable, tick, send; the batch and each recipient in "Mensagens"; the card', async () => {
    const client = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const people: Customer[] = [];
    for (const [i, [first, email]] of ([['Bia', true], ['Caio', true], ['Duda', false]] as const).entries()) {
      people.push(
        await client.customers.create({
          kind: 'person',
          document: testCpf(run * 7 + i),
          firstName: first,
          lastName: `Aviso${run}`,
          email: `${first.toLowerCase()}.${run}@example.com`,
          marketingConsent: { email, sms: false, whatsapp: false },
        }),
      );
    }

    const admin = await openAdmin(stack, { elements: ['cl-customer-table', 'cl-customer-card', 'cl-message-log'] });
    const table = admin.locator('#main cl-customer-table');
    await table.locator('input[type=search]').fill(`Aviso${run}`);
    await table.locator('input[type=search]').press('Enter');
    for (const p of people) await table.locator(`[part~=row][data-id="${p.id}"]`).waitFor({ timeout: 30_000 });
    for (const p of people) await table.getByRole('checkbox', { name: `Selecionar ${p.firstName} Aviso${run}` }).check();
    await table.getByRole('button', { name: 'Enviar mensagem' }).click();

    const composer = table.locator('cl-message-composer');
    await composer.getByLabel('Assunto').fill('Novidades da loja');
    const text = composer.getByLabel('Texto', { exact: true });
    await text.fill('Olá , temos novidades.');
    // The caret after "Olá ": the variable goes there, from the menu.
    await text.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(4, 4));
    await composer.getByRole('button', { name: 'Inserir variável' }).click();
    await composer.getByRole('button', { name: /Primeiro nome/ }).click();
    expect(await text.inputValue()).toBe('Olá {{primeiroNome}}, temos novidades.');

    // The preview: rendered by the server for a real recipient, with who is left out and why.
    const sample = composer.locator('[part=sample]');
    await expect.poll(() => sample.textContent({ timeout: 15_000 }), { timeout: 15_000 }).toMatch(/Olá (Bia|Caio), temos novidades\./);
    expect(await composer.locator('[data-count=willReceive] dd').textContent()).toBe('2');
    expect(await composer.locator('[data-count=noConsent] dd').textContent()).toBe('1');
    expect(await composer.locator('[data-count=noContact] dd').textContent()).toBe('0');

    // Without the tick nothing is sent.
    await composer.getByRole('button', { name: 'Enviar para 2 clientes' }).click();
    await expect.poll(() => composer.locator('#ack-error').textContent()).toBe('Marque a declaração de responsabilidade para enviar.');
    expect((await client.messages.list()).items.filter((b) => b.subject === 'Novidades da loja')).toHaveLength(0);
    await composer.getByLabel('Li e compreendo a responsabilidade por violação da legislação vigente').check();
    await composer.getByRole('button', { name: 'Enviar para 2 clientes' }).click();
    await composer.getByRole('heading', { name: 'Mensagem enviada' }).waitFor({ timeout: 15_000 });
    const batches = (await client.messages.list()).items.filter((b) => b.subject === 'Novidades da loja');
    expect(batches).toHaveLength(1);
    const batch = batches[0]!;
    expect(batch.counts).toMatchObject({ matched: 3, recipients: 2, noConsent: 1 });

    // The link to the batch: "Mensagens" opens on it, and shows each recipient's status.
    await composer.getByRole('link', { name: 'Acompanhar o envio' }).click();
    const log = admin.locator('#messages-dialog cl-message-log');
    await log.getByRole('heading', { name: /^Mensagem de / }).waitFor({ timeout: 15_000 });
    expect(new URL(admin.url()).hash).toBe(`#mensagens/${batch.id}`);
    const row = (id: string) => log.locator(`[data-recipient="${id}"]`);
    // Delivered by the development provider; the list refreshes itself until nothing is queued.
    await expect.poll(() => row(people[0]!.id).getAttribute('data-status'), { timeout: 30_000 }).toBe('delivered');
    await expect.poll(() => row(people[1]!.id).getAttribute('data-status'), { timeout: 30_000 }).toBe('delivered');
    expect(await row(people[0]!.id).textContent()).toContain('Entregue');
    expect(await row(people[2]!.id).textContent()).toContain('Sem autorização para este canal');
    // Back to the list: the batch with its counts by status.
    await log.getByRole('button', { name: 'Voltar às mensagens' }).click();
    const listed = log.locator(`[data-batch="${batch.id}"]`);
    await listed.waitFor({ timeout: 15_000 });
    expect(await listed.textContent()).toMatch(/Entregue: 2[\s\S]*Não enviada: 1/);
    await admin.locator('#messages-dialog').getByRole('button', { name: 'Fechar' }).click();

    // The card: the channels that reach Bia, and the message she received.
    await table.locator(`[part~=row][data-id="${people[0]!.id}"] [data-key=createdAt]`).click();
    const card = admin.locator('#detail cl-customer-card');
    await expect.poll(() => card.locator('h2').textContent(), { timeout: 15_000 }).toBe(`Bia Aviso${run}`);
    expect(await card.getByRole('switch', { name: 'E-mail' }).isChecked()).toBe(true);
    expect(await card.getByRole('switch', { name: 'SMS' }).isChecked()).toBe(false);
    const received = card.locator(`[data-message="${batch.id}"]`);
    await expect.poll(() => received.textContent(), { timeout: 15_000 }).toContain('Novidades da loja');
    expect(await received.textContent()).toContain('Entregue');
    expect(await received.textContent()).toContain('Olá Bia, temos novidades.');
    // Turning SMS on is a guarded write the server keeps.
    await card.getByRole('switch', { name: 'SMS' }).check();
    await expect.poll(async () => (await client.customers.retrieve(people[0]!.id, { document: 'masked' })).marketingConsent.sms, { timeout: 15_000 }).toBe(true);
    await admin.close();
  }, 180_000);
});
