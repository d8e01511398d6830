import { aTimeout, expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { afterEach, describe, it } from 'vitest';
import { fakeClient, makeCustomer } from '../../bench/fake-client.js';
import type { ResultsEvent, ViewChangeEvent } from '../events/events.js';
import './customer-table.js';
import type { CustomerTable } from './customer-table.component.js';

// The table's side of saved views and filter builders: a `filter` sent with the list, the tab
// counts, bulk actions and exports; `cl-results` with the total; `cl-view-change` when a person
// sorts or changes columns (not when a page sets them).

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (check()) return;
    await aTimeout(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

afterEach(() => {
  fixtureCleanup();
  localStorage.clear();
});

describe('<cl-customer-table> filter and view events', () => {
  it('sends its filter with the list and the tab counts, and says the total in cl-results', async () => {
    const fake = fakeClient({ customers: Array.from({ length: 12 }, (_, i) => makeCustomer(i)) });
    const box = await fixture<HTMLDivElement>(html`<div style="height:500px;width:1100px"></div>`);
    const totals: number[] = [];
    box.addEventListener('cl-results', (e) => totals.push((e as ResultsEvent).detail.total));
    box.innerHTML = '<cl-customer-table filter="last-notwithin-90.uf-SP" style="--cl-customer-table-height:500px"></cl-customer-table>';
    const el = box.firstElementChild as CustomerTable;
    el.client = fake.client;
    await until(() => totals.length > 0, 'cl-results');
    expect(totals[0]).to.equal(12);
    expect(fake.calls.list.every((q) => q['filter'] === 'last-notwithin-90.uf-SP')).to.equal(true);
    expect(fake.calls.list.some((q) => q['kind'] === 'person')).to.equal(true);

    const before = fake.calls.list.length;
    el.filter = 'uf-RJ';
    await until(() => fake.calls.list.slice(before).some((q) => q['filter'] === 'uf-RJ'), 'a reload with the new filter');
    expect(el.getAttribute('filter')).to.equal('uf-RJ');

    // "Limpar filtros" clears the filter too.
    el.clearFilters();
    await el.updateComplete;
    expect(el.filter).to.equal('');
    expect(el.hasAttribute('filter')).to.equal(false);
  });

  it('fires cl-view-change when a person sorts or hides a column, not when the page sets the layout', async () => {
    const fake = fakeClient({ customers: Array.from({ length: 5 }, (_, i) => makeCustomer(i)) });
    const box = await fixture<HTMLDivElement>(html`<div style="height:500px;width:1100px"></div>`);
    box.innerHTML = '<cl-customer-table style="--cl-customer-table-height:500px"></cl-customer-table>';
    const el = box.firstElementChild as CustomerTable;
    el.client = fake.client;
    await until(() => !!el.shadowRoot?.querySelector('[role=row][data-id]'), 'rows');
    const changes: string[] = [];
    el.addEventListener('cl-view-change', (e) => changes.push((e as ViewChangeEvent).detail.sort));

    const layout = el.columnLayout;
    el.columnLayout = { ...layout, hidden: [...layout.hidden, 'email'], pinned: ['name'] };
    await aTimeout(0);
    expect(changes).to.deep.equal([]);
    expect(el.columnLayout.hidden).to.include('email');
    expect(el.columnLayout.pinned).to.deep.equal(['name']);

    el.setColumnVisible('email', true);
    await aTimeout(0);
    expect(changes).to.deep.equal(['']);
    (el.shadowRoot!.querySelector("[role=columnheader][data-key='totalSpent']") as HTMLElement).click();
    await aTimeout(0);
    expect(changes).to.deep.equal(['', 'totalSpent']);
  });
});
