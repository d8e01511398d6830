// End to end on the admin example, in Chromium, against the CLI server (offline CEP lookup, its
// default): in "Novo cliente", a person types a CEP the street table does not know but whose range
// belongs to one municipality: city and UF are filled, the street is left for them, and the form
// says what the CEP filled (tied to the CEP field). A CEP with a street fills street and district
// too. The customer saved keeps the address as the form showed it.
import { createClient } from '@clientela/core/client';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const stack = useStack({ seed: 20 });
const run = Date.now() % 1e6;

/** The new-customer form of the admin page, open. */
async function newCustomerForm(page: Page): Promise<Locator> {
  await page.locator('#new-customer').click();
  const form = page.locator('#customer-form-dialog cl-customer-form');
  await form.locator('input[name=firstName]').waitFor({ timeout: 15_000 });
  return form;
}

/** Types `cep` into the CEP field as a person does, key by key. */
async function typeCep(page: Page, form: Locator, cep: string): Promise<void> {
  const field = form.locator('input[name="address.postalCode"]');
  await field.click();
  await field.press('Control+a');
  await field.press('Backspace');
  await page.keyboard.type(cep);
}

/** The CEP field's status line (what the lookup filled), read the way a screen reader finds it. */
async function cepStatus(form: Locator): Promise<string> {
  const field = form.locator('input[name="address.postalCode"]');
  const described = (await field.getAttribute('aria-describedby')) ?? '';
  const id = described.split(/\s+/).find((x) => x.endsWith('-status'));
  if (!id) return '';
  const status = form.locator(`[id="${id}"]`);
  expect(await status.getAttribute('role')).toBe('status');
  return ((await status.textContent()) ?? '').trim();
}

const value = (form: Locator, name: string) => form.locator(`[name="${name}"]`).inputValue();

describe('CEP autofill in the admin form', () => {
  it('a CEP outside the street table fills city and UF and says so; a CEP with a street fills the street too; the saved address is what the form showed', async () => {
    const page = await openAdmin(stack);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const form = await newCustomerForm(page);

    // 38400-100: Uberlândia's range in the offline table, no street for it.
    await typeCep(page, form, '38400100');
    await expect.poll(() => value(form, 'address.city'), { timeout: 15_000 }).toBe('Uberlândia');
    expect(await value(form, 'address.state')).toBe('MG');
    expect(await value(form, 'address.street')).toBe('');
    expect(await value(form, 'address.district')).toBe('');
    expect(await form.locator('input[name="address.postalCode"]').inputValue()).toBe('38400-100');
    await expect.poll(() => cepStatus(form)).toBe('Cidade e estado preenchidos pelo CEP. Informe a rua e o bairro.');

    // The person types the street and saves: the customer holds the city the CEP gave.
    const cpf = testCpf(run * 31 + 7);
    await form.locator('input[name=firstName]').fill('Valdirene');
    await form.locator('input[name=lastName]').fill(`Cep ${run}`);
    await form.locator('input[name=document]').fill(cpf);
    await form.locator('input[name=email]').fill(`valdirene.${run}@example.com`);
    await form.locator('input[name="address.street"]').fill('Avenida Afonso Pena');
    await form.locator('input[name="address.number"]').fill('1500');
    await form.locator('input[name="address.district"]').fill('Centro');
    await form.locator('input[name=email]').press('Enter');
    await page.locator('#customer-form-dialog').waitFor({ state: 'detached', timeout: 20_000 });
    const api = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const [saved] = (await api.customers.list({ q: cpf })).items;
    expect(saved).toBeDefined();
    expect((await api.customers.retrieve(saved!.id)).address).toMatchObject({
      postalCode: expect.stringMatching(/^38400-?100$/),
      street: 'Avenida Afonso Pena',
      number: '1500',
      district: 'Centro',
      city: 'Uberlândia',
      state: 'MG',
    });

    // A CEP the street table knows fills street, district, city and UF.
    const second = await newCustomerForm(page);
    await typeCep(page, second, '01310100');
    await expect.poll(() => value(second, 'address.street'), { timeout: 15_000 }).toBe('Avenida Paulista');
    expect(await value(second, 'address.district')).toBe('Bela Vista');
    expect(await value(second, 'address.city')).toBe('São Paulo');
    expect(await value(second, 'address.state')).toBe('SP');
    await expect.poll(() => cepStatus(second)).toBe('Endereço preenchido pelo CEP.');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
