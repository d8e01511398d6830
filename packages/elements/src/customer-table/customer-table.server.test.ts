import { createClient } from '@clientela/core/client';
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

  it('the Origem column names every system that knows a customer, and the Origem menu keeps those a system knows', async () => {
    const seed = uniqueSeed();
    const tag = `Origem${seed}`;
    const [both, posOnly] = [validCpf(seed), validCpf(seed + 1)];
    await client.customers.sync(both, { kind: 'person', firstName: 'Dupla', lastName: tag, source: 'pos', externalId: `pdv-${seed}` });
    await client.customers.sync(both, { kind: 'person', firstName: 'Dupla', lastName: tag, source: 'ecommerce', externalId: `loja-${seed}` });
    await client.customers.sync(posOnly, { kind: 'person', firstName: 'Balcão', lastName: tag, source: 'pos' });
    const el = await fixture<CustomerTable>(html`<div style="height:500px;width:1400px"><cl-customer-table locale="pt-BR" q=${tag} sort="name" .client=${client}></cl-customer-table></div>`).then(
      (box) => box.firstElementChild as CustomerTable,
    );
    const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=row][data-id]')];
    const sources = () => rows().map((r) => r.querySelector('[data-key=source]')!.textContent!.trim());
    await waitUntil(() => rows().length === 2, 'the two customers were not listed', { timeout: 10_000 });
    expect(sources()).to.deep.equal(['Ponto de venda', 'Ponto de venda, E-commerce']);
    const menu = el.shadowRoot!.querySelector<HTMLSelectElement>('#source')!;
    expect([...menu.options].map((o) => o.text)).to.include.members(['Todas as origens', 'Ponto de venda', 'E-commerce', 'Vendedor']);
    menu.value = 'ecommerce';
    menu.dispatchEvent(new Event('change'));
    await waitUntil(() => rows().length === 1, 'the source filter did not apply', { timeout: 10_000 });
    expect(el.getAttribute('source')).to.equal('ecommerce');
    expect(sources()).to.deep.equal(['Ponto de venda, E-commerce']);
    await expect(el).to.be.accessible();
    el.clearFilters();
    el.q = tag;
    await waitUntil(() => rows().length === 2, 'clearing did not bring both back', { timeout: 10_000 });
    expect(menu.value).to.equal('');
  });

  it('selects all matching, unticks two, and a status change and an export leave exactly those two out', async () => {
    const seed = uniqueSeed();
    const tag = `Exceto${seed}`;
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) => client.customers.create({ kind: 'person', document: validCpf(seed + i), firstName: 'Todos', lastName: `${tag} ${i}`, email: `todos.${seed}.${i}@example.com` })),
    );
    const el = await fixture<CustomerTable>(html`<div style="height:600px;width:1100px"><cl-customer-table locale="pt-BR" q=${tag} .client=${client}></cl-customer-table></div>`).then(
      (box) => box.firstElementChild as CustomerTable,
    );
    const $ = <T extends Element>(selector: string) => el.shadowRoot!.querySelector<T>(selector);
    const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=row][data-id]')];
    const tick = (id: string) => rows().find((r) => r.dataset['id'] === id)!.querySelector<HTMLInputElement>('.select input')!.click();
    await waitUntil(() => rows().length === 6, 'the six customers were not listed', { timeout: 10_000 });

    tick(made[0]!.id);
    await waitUntil(() => $('#select-all-matching'), 'no offer to select all matching', { timeout: 10_000 });
    $<HTMLButtonElement>('#select-all-matching')!.click();
    await waitUntil(() => el.allMatchingSelected, 'all matching not selected');
    const [out1, out2] = [made[1]!.id, made[4]!.id];
    tick(out1);
    await el.updateComplete;
    tick(out2);
    await waitUntil(() => $('[part=bulk-bar]')?.textContent?.includes('exceto 2 desmarcados'), 'the bar does not say two were unticked', { timeout: 10_000 });
    expect(el.allMatchingSelected).to.equal(true);
    expect(el.exceptedIds).to.have.members([out1, out2]);
    expect($('[part=bulk-bar]')!.textContent).to.contain('4 selecionados');
    await expect(el).to.be.accessible();

    $<HTMLSelectElement>('#bulk-status')!.value = 'blocked';
    $<HTMLButtonElement>('#bulk-status-apply')!.click();
    await waitUntil(() => $('[part~=notice]')?.textContent?.includes('4 atualizados'), 'no summary', { timeout: 10_000 });
    const statuses = await Promise.all(made.map(async (c) => [c.id, (await client.customers.retrieve(c.id, { document: 'masked' })).status] as const));
    for (const [id, status] of statuses) expect(status, id).to.equal(id === out1 || id === out2 ? 'active' : 'blocked');
    const bulk = (await client.audit.list({ action: 'bulk', limit: 20 })).items.find((e) => e.filter?.['q'] === tag);
    expect(bulk?.filter).to.deep.include({ q: tag });
    expect(bulk?.filter?.['exceptIds']).to.have.members([out1, out2]);
    await waitUntil(() => rows().filter((r) => r.querySelector('.badge.blocked')).length === 4, 'the rows were not refreshed', { timeout: 10_000 });

    // The export of the same selection is audited with the filter and the two exceptions.
    const original = HTMLAnchorElement.prototype.click;
    let saved = '';
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved = this.download;
    };
    try {
      $<HTMLButtonElement>('#export-csv')!.click();
      await waitUntil(() => saved !== '', 'the file was not saved', { timeout: 10_000 });
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    const exported = (await client.audit.list({ action: 'export', limit: 20 })).items.find((e) => e.filter?.['q'] === tag && e.detail === 'completed');
    expect(exported?.count).to.equal(4);
    expect(exported?.filter?.['exceptIds']).to.have.members([out1, out2]);
  });
});
