// In a file of its own: each browser test file runs in a fresh page, so the table's lazily
// loaded parts (column menu, bulk bar, delete dialog) are not loaded yet when the table opens.
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { fakeClient, makeCustomer } from '../../bench/fake-client.js';
import './customer-table.js';
import type { CustomerTable } from './customer-table.component.js';

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (check()) return;
    await aTimeout(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('<cl-customer-table> parts loaded after the first rows', () => {
  it('render nothing on arrival: the delete dialog comes with a selection', async () => {
    const fake = fakeClient({ customers: Array.from({ length: 30 }, (_, i) => makeCustomer(i)) });
    const box = await fixture<HTMLElement>(html`<div style="height:600px;width:1100px"></div>`);
    box.innerHTML = '<cl-customer-table style="--cl-customer-table-height:600px"></cl-customer-table>';
    const el = box.firstElementChild as CustomerTable;
    el.client = fake.client;
    const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=row][data-id]')];
    await until(() => rows().length > 0, 'first rows');
    await el.updateComplete;
    expect(customElements.get('cl-table-delete-dialog'), 'parts already loaded: the test would prove nothing').to.equal(undefined);

    // Loaded ahead of need, the parts render nothing: the delete dialog (and its first render,
    // which used to land in whatever the person was doing then) waits for a selection.
    await until(() => !!customElements.get('cl-table-delete-dialog'), 'the parts');
    await aTimeout(50);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('cl-table-delete-dialog')).to.equal(null);

    // A selection shows the bulk bar and puts the delete dialog in place for its button.
    (rows()[0]!.querySelector('.select input') as HTMLInputElement).click();
    await until(() => !!el.shadowRoot!.querySelector('[part=bulk-bar]'), 'bulk bar');
    expect(el.shadowRoot!.querySelector('cl-table-delete-dialog')).to.not.equal(null);
  });
});
