import { DEFAULT_REGISTRATION_SETTINGS, type RegistrationSettings as Settings } from '@clientela/core';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../customer-form/customer-form.js';
import type { CustomerForm } from '../customer-form/customer-form.component.js';
import { fakeClient, json } from '../internal/test-helpers.js';
import './registration-settings.js';
import type { RegistrationSettings } from './registration-settings.component.js';

function api() {
  let settings: Settings = structuredClone(DEFAULT_REGISTRATION_SETTINGS);
  const { client, calls } = fakeClient({
    'GET /settings/registration': () => json(settings),
    'GET /public/settings/registration': () => json(settings),
    'PUT /settings/registration': async (req) => json((settings = await req.json())),
  });
  return { client, calls, get: () => settings };
}

const tick = async (el: { updateComplete: Promise<unknown> }) => {
  await new Promise((r) => setTimeout(r, 10));
  await el.updateComplete;
};

describe('<cl-registration-settings>', () => {
  it('is accessible, loaded and after saving', async () => {
    const { client } = api();
    const el = await fixture<RegistrationSettings>(html`<cl-registration-settings locale="pt-BR" .client=${client}></cl-registration-settings>`);
    await tick(el);
    await expect(el).to.be.accessible();
    await el.save();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('shows the document and the name locked, with the reason', async () => {
    const { client } = api();
    const el = await fixture<RegistrationSettings>(html`<cl-registration-settings locale="pt-BR" .client=${client}></cl-registration-settings>`);
    await tick(el);
    const locked = [...el.shadowRoot!.querySelectorAll('tr.locked th')].map((th) => th.textContent!.trim());
    expect(locked).to.deep.equal(['CPF', 'Nome', 'Sobrenome', 'CNPJ', 'Razão social']);
    expect(el.shadowRoot!.querySelector('#locked-reason')!.textContent).to.contain('não podem ser ocultados');
    expect(el.shadowRoot!.querySelector('#person-cpf, select#person-document')).to.equal(null);
  });

  it('saves with the keyboard, and the form follows the new settings on its next load', async () => {
    const server = api();
    const el = await fixture<RegistrationSettings>(html`<cl-registration-settings locale="pt-BR" .client=${server.client}></cl-registration-settings>`);
    await tick(el);
    const phone = el.shadowRoot!.querySelector<HTMLSelectElement>('#person-phone')!;
    const address = el.shadowRoot!.querySelector<HTMLSelectElement>('#person-address')!;
    phone.focus();
    phone.value = 'required';
    phone.dispatchEvent(new Event('change'));
    address.value = 'hidden';
    address.dispatchEvent(new Event('change'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part=save]')!.focus();
    const saved = oneEvent(el, 'change');
    await userEvent.keyboard('{Enter}');
    await saved;
    expect(server.get().person.phone).to.equal('required');
    expect(server.get().person.address).to.equal('hidden');
    expect(server.calls).to.include('PUT /settings/registration');

    const form = await fixture<CustomerForm>(html`<cl-customer-form locale="pt-BR" mode="storefront" .client=${server.client}></cl-customer-form>`);
    await tick(form);
    await tick(form);
    expect(form.querySelector<HTMLInputElement>('[name=phone]')!.required).to.equal(true);
    expect(form.querySelector('[name="address.postalCode"]')).to.equal(null);
  });
});
