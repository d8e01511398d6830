import { createClient } from '@clientela/core/client';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { describe, inject, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../category-manager/category-manager.js';
import '../category-picker/category-picker.js';
import '../customer-card/customer-card.js';
import '../customer-table/customer-table.js';
import type { CategoryManager } from '../category-manager/category-manager.component.js';
import type { CategoryPicker } from '../category-picker/category-picker.component.js';
import type { CustomerCard } from '../customer-card/customer-card.component.js';
import type { CustomerTable } from '../customer-table/customer-table.component.js';
import { uniqueSeed, validCpf } from './test-helpers.js';

// Elements on one page that share a client share what they know: a category created in the
// manager reaches the table (filter, bulk select, chips), the card's picker and a standalone
// picker with no reload; a customer saved elsewhere replaces its table row.

const baseUrl = inject('mockServerUrl');
const keys = inject('mockServerKeys');

describe('elements sharing one client', () => {
  it('a category created in the manager and assigned in the card reaches the table and the pickers', async () => {
    const client = createClient({ baseUrl, apiKey: keys.secret || 'sk_test_clientela', locale: 'pt-BR' });
    const seed = uniqueSeed();
    const customer = await client.customers.create({ kind: 'person', document: validCpf(seed), firstName: 'Partilha', lastName: `Cliente ${seed}`, email: `partilha.${seed}@example.com` });
    const box = await fixture<HTMLDivElement>(html`<div>
      <div style="height:420px;width:1200px"><cl-customer-table .client=${client} q=${`Cliente ${seed}`}></cl-customer-table></div>
      <cl-category-manager .client=${client}></cl-category-manager>
      <cl-customer-card .client=${client} customer-id=${customer.id}></cl-customer-card>
      <cl-category-picker .client=${client} label="Categoria"></cl-category-picker>
    </div>`);
    const table = box.querySelector<CustomerTable>('cl-customer-table')!;
    const manager = box.querySelector<CategoryManager>('cl-category-manager')!;
    const card = box.querySelector<CustomerCard>('cl-customer-card')!;
    const picker = box.querySelector<CategoryPicker>(':scope > cl-category-picker')!;
    const row = () => table.shadowRoot!.querySelector<HTMLElement>(`[role=row][data-id="${customer.id}"]`);
    await waitUntil(() => row() && card.customer && manager.categories.length > 0, 'elements loaded', { timeout: 15_000 });

    // Create the category in the manager, as a person does.
    const name = `Partilhada ${seed}`;
    const form = manager.shadowRoot!.querySelector<HTMLFormElement>('form[part=create]')!;
    form.querySelector<HTMLInputElement>('#new-name')!.value = name;
    form.requestSubmit();
    await waitUntil(() => manager.categories.some((c) => c.name === name), 'created', { timeout: 10_000 });
    const id = manager.categories.find((c) => c.name === name)!.id;

    // The table's category filter offers it.
    await table.updateComplete;
    expect(table.shadowRoot!.querySelector('.categories .popover')!.textContent).to.contain(name);
    // The standalone picker and the card's picker offer it.
    const offered = (p: CategoryPicker) => {
      const input = p.shadowRoot!.querySelector<HTMLInputElement>('input[role=combobox]')!;
      input.value = name;
      input.dispatchEvent(new Event('input'));
      return p.updateComplete.then(() => [...p.shadowRoot!.querySelectorAll('[role=option]')].map((o) => o.textContent!.trim()));
    };
    expect(await offered(picker)).to.satisfy((opts: string[]) => opts.some((o) => o.includes(name)));
    const cardPicker = card.shadowRoot!.querySelector<CategoryPicker>('cl-category-picker')!;

    // Assign it in the card: the picker's keyboard path (type, ArrowDown, Enter).
    const input = cardPicker.shadowRoot!.querySelector<HTMLInputElement>('input[role=combobox]')!;
    input.focus();
    await userEvent.keyboard(name);
    await cardPicker.updateComplete;
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await waitUntil(() => card.customer?.categoryIds.includes(id), 'saved in the card', { timeout: 10_000 });

    // The row shows the chip without a reload, and the bulk select offers the category.
    await waitUntil(() => row()?.querySelector('[data-key=categories]')?.textContent?.includes(name), 'chip in the row', { timeout: 10_000 });
    await userEvent.click(row()!.querySelector('.select input')!);
    await waitUntil(() => table.shadowRoot!.querySelector('#bulk-category'), 'bulk bar', { timeout: 10_000 });
    expect([...table.shadowRoot!.querySelectorAll<HTMLOptionElement>('#bulk-category option')].map((o) => o.textContent)).to.include(name);

    // Inactivated in the manager: the table marks it, the pickers stop offering it.
    await client.categories.update(manager.categories.find((c) => c.id === id)!, { status: 'inactive' });
    await waitUntil(() => row()?.querySelector('[data-key=categories] .chip.inactive')?.textContent?.includes(name), 'inactive chip', { timeout: 10_000 });
    expect(await offered(picker)).to.satisfy((opts: string[]) => !opts.some((o) => o.includes(name)));
    await waitUntil(() => manager.categories.find((c) => c.id === id)?.status === 'inactive', 'manager marks it');

    // A customer saved elsewhere (the form, another tab of the page) replaces its row in place.
    await client.customers.update(card.customer!, { firstName: 'Renomeada' });
    await waitUntil(() => row()?.querySelector('.name')?.textContent?.startsWith('Renomeada'), 'row renamed', { timeout: 10_000 });
    await waitUntil(() => card.shadowRoot!.querySelector('h2')?.textContent?.startsWith('Renomeada'), 'card renamed', { timeout: 10_000 });
    await expect(table).to.be.accessible();
  });
});
