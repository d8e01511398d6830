// End to end in the admin panel: "Automações" (#17 §3), as a store admin uses it. A welcome flow
// created in the dialog greets a customer registered afterwards — the server's scheduler (every
// second here, `--automation-poll 1`) queues the message and the development provider delivers
// it — and the list shows it sent and delivered; "Quem receberia agora" then names nobody; the
// switch pauses the flow.
import { createClient } from '@clientela/core/client';
import { expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const stack = useStack({ seed: 30, serverArgs: ['--automation-poll', '1'] });
const run = Date.now() % 1e6;

it('creates a welcome automation, sees it deliver to a new customer, previews and pauses it', async () => {
  const admin = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
  const page = await openAdmin(stack);
  await page.getByRole('button', { name: 'Automações' }).click();
  const dialog = page.getByRole('dialog', { name: 'Automações' });
  const manager = dialog.locator('cl-automation-manager');
  await manager.getByRole('heading', { name: 'Automações', level: 2 }).waitFor();
  expect(page.url()).toContain('#automacoes');

  const name = `Boas-vindas ${run}`;
  await manager.locator('#f-name').fill(name); // the form's own field (the filter builder inside has a 'Nome' of its own)
  await manager.getByLabel('Quando').selectOption({ label: 'Cliente cadastrado (boas-vindas)' });
  await manager.getByLabel('Assunto').fill('Bem-vindo, {{primeiroNome}}!');
  await manager.getByLabel('Mensagem').fill('Que bom ter você aqui, {{primeiroNome}}.');
  await manager.getByRole('button', { name: 'Criar automação' }).click();
  const row = manager.getByRole('row').filter({ hasText: name });
  await row.waitFor();
  expect(await row.getByRole('switch').getAttribute('aria-checked')).toBe('true');
  expect(await manager.getByRole('status').first().textContent()).toBe(`Automação “${name}” criada.`);

  // A customer registered now is greeted once by the scheduler.
  const email = `bemvindo.${run}@example.com.br`;
  const customer = await admin.customers.create({ kind: 'person', document: testCpf(run), firstName: 'Clara', lastName: 'Nunes', email, marketingConsent: { email: true, sms: false, whatsapp: false } });
  const flowId = (await admin.automations.list()).find((f) => f.name === name)!.id;
  await expect.poll(async () => (await admin.automations.retrieve(flowId)).figures.delivered, { timeout: 30_000 }).toBe(1);
  const received = (await admin.messages.ofCustomer(customer.id)).items;
  expect(received.map((m) => [m.subject, m.text, m.status])).toEqual([['Bem-vindo, Clara!', 'Que bom ter você aqui, Clara.', 'delivered']]);

  // Reopened, the list shows the figures; nobody else is due now.
  await dialog.getByRole('button', { name: 'Fechar' }).click();
  await page.getByRole('button', { name: 'Automações' }).click();
  const again = page.getByRole('dialog', { name: 'Automações' }).locator('cl-automation-manager');
  const reopened = again.getByRole('row').filter({ hasText: name });
  await reopened.waitFor();
  expect((await reopened.textContent())!.replace(/\s+/g, ' ')).toContain('Enviadas1 Entregues1 Pedidos em 7 dias0');
  await reopened.getByRole('button', { name: 'Quem receberia agora' }).click();
  await expect.poll(() => again.locator('.preview').textContent()).toBe(`“${name}”: 0 clientes receberiam agora; 0 ficariam de fora (sem consentimento ou contato). Ninguém receberia agora.`);

  // The switch pauses it, by keyboard.
  await reopened.getByRole('switch').focus();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await admin.automations.retrieve(flowId)).enabled).toBe(false);
  await expect.poll(() => reopened.getByRole('switch').getAttribute('aria-checked')).toBe('false');
  await page.close();
}, 180_000);
