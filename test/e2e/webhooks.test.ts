// End to end on the admin example, in Chromium, against the CLI server: an endpoint created in
// "Webhooks" (its secret shown once) receives a customer change made in the admin; the loopback
// receiver answers 500 twice, and the deliveries list shows both failures and the third attempt
// that succeeds (the server runs with a short retry schedule, --webhook-retries 1,1,1, so nothing
// here waits for the real one); a redelivery by hand arrives once more. Every POST verifies with
// core's verifyWebhookSignature and the secret the admin showed.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { createClient } from '@clientela/core/client';
import { verifyWebhookSignature } from '@clientela/core/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const stack = useStack({ seed: 60, serverArgs: ['--webhook-retries', '1,1,1'] });
const run = Date.now() % 1e6;

const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const answers = [500, 500];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(answers.shift() ?? 200).end();
  });
});
let receiverUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/clientela`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      receiver.close(() => resolve());
      receiver.closeAllConnections();
    }),
);

describe('webhooks in the admin', () => {
  it('create an endpoint, change a customer, watch the delivery fail twice and succeed, then redeliver by hand', async () => {
    const client = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const rita = await client.customers.create({ kind: 'person', document: testCpf(run * 7 + 3), firstName: 'Rita', lastName: `Gancho ${run}`, email: `rita.${run}@example.com`, phone: '(11) 98888-1234' });

    const admin = await openAdmin(stack, { elements: ['cl-customer-table', 'cl-customer-card'] });
    await admin.click('#open-webhooks');
    const dialog = admin.locator('#webhooks-dialog');
    await dialog.getByLabel('URL do endpoint').fill(receiverUrl);
    await dialog.getByLabel('Descrição (opcional)').fill('ERP da loja');
    expect(await dialog.getByRole('checkbox', { name: 'customer.updated' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Criar endpoint' }).click();
    const secretCode = dialog.locator('[data-secret]');
    await secretCode.waitFor({ timeout: 15_000 });
    const secret = (await secretCode.textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await expect.poll(() => dialog.locator('.webhook-endpoints li').count()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Fechar' }).first().click();
    await dialog.waitFor({ state: 'detached' });

    // Change the customer's phone in the admin, as a person does.
    const table = admin.locator('#main cl-customer-table');
    await table.locator('input[type=search]').fill(`Gancho ${run}`);
    await table.locator('input[type=search]').press('Enter');
    const row = table.locator(`[part~=row][data-id="${rita.id}"]`);
    await row.waitFor({ timeout: 30_000 });
    await row.locator('[data-key=createdAt]').click();
    const card = admin.locator('#detail cl-customer-card');
    await card.getByRole('button', { name: 'Editar' }).click();
    const form = admin.locator('cl-customer-form');
    const phone = form.getByLabel('Telefone', { exact: false }).first();
    await expect.poll(() => phone.inputValue(), { timeout: 15_000 }).toBe('(11) 98888-1234');
    await phone.fill('(11) 97777-4321');
    await form.getByRole('button', { name: 'Salvar alterações' }).click();
    await form.waitFor({ state: 'detached', timeout: 15_000 });
    await admin.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden', timeout: 15_000 });

    // The deliveries: two failures, then delivered, as the list shows them.
    await admin.click('#open-webhooks');
    const again = admin.locator('#webhooks-dialog');
    const endpointRow = again.locator('.webhook-endpoints li', { hasText: receiverUrl });
    await endpointRow.waitFor({ timeout: 15_000 });
    // The secret is shown once: not when the list is opened again.
    expect(await again.locator('[data-secret]').count()).toBe(0);
    await endpointRow.getByRole('button', { name: 'Entregas' }).click();
    const delivery = again.locator('tr[data-delivery]', { hasText: 'customer.updated' });
    await delivery.waitFor({ timeout: 15_000 });
    await expect.poll(() => delivery.getAttribute('data-status'), { timeout: 30_000 }).toBe('succeeded');
    const attempts = () => delivery.locator('[data-attempt]').allTextContents();
    const seen = await attempts();
    expect(seen).toHaveLength(3);
    expect(seen[0]).toContain('HTTP 500');
    expect(seen[1]).toContain('HTTP 500');
    expect(seen[2]).toContain('HTTP 200');
    expect(await delivery.locator('td').nth(1).textContent()).toBe('Entregue');
    // The dialog, its form, the endpoint list and the deliveries table: no axe violation.
    await admin.addScriptTag({ content: axeSource });
    const violations = await admin.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: Element): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      return (await axe.run(document.querySelector('#webhooks-dialog')!)).violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });
    expect(violations).toEqual([]);

    // What arrived: the same event three times, each signed with the secret the admin showed.
    expect(received).toHaveLength(3);
    for (const r of received) {
      await verifyWebhookSignature(secret, r.headers['clientela-signature'] as string, r.body);
    }
    const event = JSON.parse(received[0]!.body);
    expect(event).toMatchObject({ type: 'customer.updated', data: { customer: { id: rita.id, phone: '+5511977774321' }, changedFields: ['phone'] } });
    expect(new Set(received.map((r) => JSON.parse(r.body).id))).toEqual(new Set([event.id]));

    // Redelivered by hand: one more attempt, marked, and one more POST.
    await delivery.getByRole('button', { name: 'Reenviar' }).click();
    await expect.poll(async () => (await attempts()).length, { timeout: 30_000 }).toBe(4);
    expect((await attempts())[3]).toMatch(/HTTP 200.*reenvio manual/);
    expect(received).toHaveLength(4);
    expect(JSON.parse(received[3]!.body).id).toBe(event.id);
    await admin.close();
  }, 180_000);
});
