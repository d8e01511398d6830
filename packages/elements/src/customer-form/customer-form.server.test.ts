import { createClient } from '@clientela/core/client';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { describe, inject, it } from 'vitest';
import { uniqueSeed, validCnpj, validCpf } from '../internal/test-helpers.js';
import './customer-form.js';
import type { CustomerForm } from './customer-form.component.js';

// <cl-customer-form> against the mock server process (real HTTP, CORS, idempotency, If-Match).
// The server is shared by every test file: records here use unique documents and names.

const baseUrl = inject('mockServerUrl');
const keys = inject('mockServerKeys');
const admin = createClient({ baseUrl, apiKey: keys.secret || 'sk_test_clientela', locale: 'pt-BR', actor: 'form test' });
const shop = createClient({ baseUrl, apiKey: keys.publishable || 'pk_test_clientela', locale: 'pt-BR' });

async function mount(mode: 'admin' | 'storefront', extra: { kind?: string; customerId?: string } = {}) {
  const el = await fixture<CustomerForm>(
    html`<cl-customer-form locale="pt-BR" mode=${mode} kind=${extra.kind ?? ''} customer-id=${extra.customerId ?? ''} .client=${mode === 'admin' ? admin : shop}></cl-customer-form>`,
  );
  await waitUntil(() => el.querySelector('form'), 'the settings did not load', { timeout: 10_000 });
  return el;
}
const input = (el: CustomerForm, name: string) => el.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
async function put(el: CustomerForm, name: string, value: string) {
  const field = input(el, name);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await el.updateComplete;
}

describe('<cl-customer-form> against the mock server', () => {
  it('storefront: registers a company with an alphanumeric CNPJ (pk key), then a second try with the document is told to check the e-mail', async () => {
    const seed = uniqueSeed();
    const cnpj = validCnpj(seed, true);
    const el = await mount('storefront', { kind: 'company' });
    await put(el, 'legalName', `Form Server ${seed} Ltda`);
    await put(el, 'document', cnpj.toLowerCase());
    await put(el, 'email', `form${seed}@example.com`);
    await put(el, 'address.postalCode', '01310100');
    await waitUntil(() => input(el, 'address.city').value === 'São Paulo', 'the CEP did not fill the address', { timeout: 10_000 });
    const saved = oneEvent(el, 'cl-customer-saved');
    await el.submit();
    const { detail } = await saved;
    expect(detail.customer).to.include({ kind: 'company', document: cnpj, source: 'storefront' });

    const again = await mount('storefront', { kind: 'company' });
    await put(again, 'legalName', `Form Server ${seed} Ltda`);
    await put(again, 'document', cnpj);
    await put(again, 'email', `form${seed}b@example.com`);
    // The store holds the document (a record without a password): no error and no second
    // customer, but "check your e-mail to finish" (#18 §3), which names no record.
    expect(await again.submit()).to.equal(undefined);
    await again.updateComplete;
    const done = again.querySelector('.cl-cf-done[data-state="check-email"]');
    expect(done?.querySelector('h2')?.textContent).to.equal('Confira seu e-mail para concluir o cadastro');
    expect(done?.querySelector('[role=status]')?.textContent).to.contain('link para concluir');
    await expect(again).to.be.accessible();
    // storefront mode never links to another customer's record
    expect(again.querySelector(`a[href^="#cus"]`)).to.equal(null);
  });

  it('admin: a 409 links to the existing customer; editing with a stale version gets the 412 banner, then overwrites', async () => {
    const seed = uniqueSeed();
    const cpf = validCpf(seed);
    const existing = await admin.customers.create({ kind: 'person', document: cpf, firstName: 'Caio', lastName: `Servidor ${seed}`, email: `caio${seed}@example.com` });

    const el = await mount('admin');
    await put(el, 'firstName', 'Outro');
    await put(el, 'lastName', 'Cliente');
    await put(el, 'document', cpf);
    await put(el, 'email', `outro${seed}@example.com`);
    await el.submit();
    await el.updateComplete;
    expect(input(el, 'document').getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector(`a[href="#${existing.id}"]`)).to.exist;

    const edit = await mount('admin', { customerId: existing.id });
    await waitUntil(() => input(edit, 'firstName').value === 'Caio', 'the record did not load', { timeout: 10_000 });
    await admin.customers.update(existing, { notes: 'changed elsewhere' });
    await put(edit, 'lastName', `Servidor ${seed} Neto`);
    await edit.submit();
    await edit.updateComplete;
    const banner = edit.querySelector('.cl-cf-banner')!;
    expect(banner.textContent).to.contain('Este cliente foi alterado por outra pessoa');
    const saved = oneEvent(edit, 'cl-customer-saved');
    banner.querySelectorAll('button')[1]!.click();
    const { detail } = await saved;
    expect(detail.customer.lastName).to.equal(`Servidor ${seed} Neto`);
    expect(detail.customer.notes).to.equal('changed elsewhere');
  });
});
