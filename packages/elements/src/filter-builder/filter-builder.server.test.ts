import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { afterEach, describe, it } from 'vitest';
import { serverClients } from '../internal/test-helpers.js';
import '../customer-table/customer-table.js';
import type { CustomerTable } from '../customer-table/customer-table.component.js';
import './filter-builder.js';
import type { FilterBuilder } from './filter-builder.component.js';

afterEach(() => fixtureCleanup());

describe('<cl-filter-builder> with <cl-customer-table> against the mock server', () => {
  it('the table lists what the filter matches, and the builder counts it from the table’s total', async () => {
    const { secret } = await serverClients();
    const root = await fixture<HTMLDivElement>(html`<div style="width:1100px">
      <cl-filter-builder for="fb-table" value="last-notwithin-90.uf-SP" .client=${secret}></cl-filter-builder>
      <cl-customer-table id="fb-table" .client=${secret} style="--cl-customer-table-height:500px"></cl-customer-table>
    </div>`);
    const builder = root.querySelector('cl-filter-builder') as FilterBuilder;
    const table = root.querySelector('cl-customer-table') as CustomerTable;
    const expected = (await secret.customers.list({ filter: 'last-notwithin-90.uf-SP', limit: 1 })).total;
    expect(expected).to.be.greaterThan(0);
    await waitUntil(() => builder.count === expected, `count never became ${expected} (is ${builder.count})`, { timeout: 10_000 });
    expect(table.filter).to.equal('last-notwithin-90.uf-SP');
    expect(table.total).to.equal(expected);
    const all = (await secret.customers.list({ limit: 1 })).total;
    builder.value = '';
    await waitUntil(() => builder.count === all, 'the count did not follow the cleared filter', { timeout: 10_000 });
  });

  it('saves the current view on the server and lists it', async () => {
    const { secret } = await serverClients();
    const name = `Visão ${Math.random().toString(36).slice(2, 8)}`;
    const builder = await fixture<FilterBuilder>(html`<cl-filter-builder value="uf-RJ.orders-min-1" .client=${secret}></cl-filter-builder>`);
    await waitUntil(() => builder.views.length > 0, 'views did not load', { timeout: 10_000 });
    (builder.shadowRoot!.querySelector('#views-button') as HTMLElement).click();
    await builder.updateComplete;
    (builder.shadowRoot!.querySelector('#save-view') as HTMLElement).click();
    await waitUntil(() => (builder.shadowRoot!.querySelector('#save') as HTMLDialogElement).open);
    (builder.shadowRoot!.querySelector('#view-name') as HTMLInputElement).value = name;
    (builder.shadowRoot!.querySelector('#save .primary') as HTMLElement).click();
    await waitUntil(() => builder.views.some((v) => v.name === name), 'the view was not saved', { timeout: 10_000 });
    const stored = (await secret.views.list()).find((v) => v.name === name);
    expect(stored).to.deep.include({ filter: 'uf-RJ.orders-min-1', shared: false, builtIn: false });
    await secret.views.delete(stored!);
  });
});
