import { createClient } from '@clientela/core';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { describe, inject, it } from 'vitest';
import { uniqueSeed, validCpf } from '../internal/test-helpers.js';
import './customer-table.js';
import type { CustomerTable } from './customer-table.component.js';

// The table against the mock server process (shared by every test file: the customer here has a
// unique document and is found by searching for it, so nothing depends on the list's length).

const baseUrl = inject('mockServerUrl');
const keys = inject('mockServerKeys');
const client = createClient({ baseUrl, apiKey: keys.secret || 'sk_test_clientela', locale: 'pt-BR' });

describe('<cl-customer-table> against the mock server', () => {
  it('finds a customer by CPF with punctuation, reveals the document (audited), and blocks it in bulk', async () => {
    const seed = uniqueSeed();
    const document = validCpf(seed);
    const created = await client.customers.create({ kind: 'person', document, firstName: 'Tabela', lastName: `Servidor ${seed}`, email: `tabela.${seed}@example.com` });
    const punctuated = `${document.slice(0, 3)}.${document.slice(3, 6)}.${document.slice(6, 9)}-${document.slice(9)}`;
    const el = await fixture<CustomerTable>(html`<div style="height:500px;width:1100px"><cl-customer-table locale="pt-BR" q=${punctuated} .client=${client}></cl-customer-table></div>`).then(
      (box) => box.firstElementChild as CustomerTable,
    );
    const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=row][data-id]')];
    await waitUntil(() => rows().length === 1, 'the customer was not found', { timeout: 10_000 });
    expect(rows()[0]!.dataset['id']).to.equal(created.id);
    const doc = () => rows()[0]!.querySelector('.doc')!.textContent!;
    expect(doc()).to.contain('*');

    rows()[0]!.querySelector<HTMLButtonElement>('[data-action=reveal]')!.click();
    await waitUntil(() => doc() === punctuated, 'the document was not revealed', { timeout: 10_000 });
    const { items } = await client.audit.list({ action: 'customer.reveal', limit: 50 });
    expect(items.some((entry) => entry.target === created.id)).to.equal(true);

    rows()[0]!.querySelector<HTMLInputElement>('.select input')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#bulk-status'), 'no bulk bar', { timeout: 10_000 });
    el.shadowRoot!.querySelector<HTMLSelectElement>('#bulk-status')!.value = 'blocked';
    el.shadowRoot!.querySelector<HTMLButtonElement>('#bulk-status-apply')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=notice]')?.textContent?.includes('1 atualizados'), 'no summary', { timeout: 10_000 });
    await waitUntil(() => rows()[0]?.querySelector('.badge.blocked'), 'the row was not refreshed', { timeout: 10_000 });
    expect((await client.customers.retrieve(created.id)).status).to.equal('blocked');
  });
});
