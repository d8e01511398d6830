import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { fakeClient } from '../../bench/fake-client.js';
import './customer-table.js';
import type { CustomerTable } from './customer-table.component.js';

// A file of its own: it runs in a fresh page, where the table's lazily loaded parts (the column
// menu, the bulk bar, the delete dialog: customer-table.parts.ts) are not defined until the table
// loads them — `cl-table-bulk-bar` being defined tells that the preload ran.
const partsLoaded = () => !!customElements.get('cl-table-bulk-bar');
const rowIds = (el: CustomerTable) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=row][data-id]')].map((r) => r.dataset['id']);

async function until(check: () => boolean, what: string, during?: () => void): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    during?.();
    if (check()) return;
    await aTimeout(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('<cl-customer-table> preload of its parts', () => {
  it('does not load its parts while a jump made right after the first rows waits for its page, and loads them once it has landed', async () => {
    // The jump's page (by offset) takes 800 ms to come: four times the quiet the preload waits for.
    const fake = fakeClient({ count: 100_000, delay: (q) => (q['offset'] !== undefined ? 800 : 0) });
    const box = await fixture<HTMLElement>(html`<div style="height:600px;width:1100px"></div>`);
    const el = document.createElement('cl-customer-table');
    el.style.setProperty('--cl-customer-table-height', '600px');
    el.client = fake.client;
    box.append(el);
    await until(() => rowIds(el).length > 0, 'first rows');
    expect(partsLoaded(), 'not loaded with the first rows').to.equal(false);

    el.scrollToIndex(60_000);
    let loadedDuringJump = false;
    await until(
      () => rowIds(el).includes('cus_0060000'),
      'row 60,000',
      () => (loadedDuringJump ||= partsLoaded()),
    );
    expect(loadedDuringJump, 'the parts were loaded while the jump waited for its page').to.equal(false);
    expect(fake.calls.list.some((q) => q['offset'] !== undefined)).to.equal(true);

    // Ready before a person can reach a checkbox or the column menu: soon after the jump landed.
    await until(partsLoaded, 'the parts, after the jump');
    // With the parts here, the column menu opens in the render its button asks for.
    el.shadowRoot!.querySelector<HTMLButtonElement>('#columns-button')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#column-menu'), 'the column menu').to.not.equal(null);
  });
});
