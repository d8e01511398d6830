import { createClient } from '@clientela/core/client';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { describe, inject, it } from 'vitest';
import '../category-picker/category-picker.js';
import { uniqueSeed } from '../internal/test-helpers.js';
import './category-manager.js';
import type { CategoryManager } from './category-manager.component.js';

// The categories screen and the picker against the mock server process. The server is shared by
// every test file, so names are unique and nothing assumes the list's length.

const baseUrl = inject('mockServerUrl');
const keys = inject('mockServerKeys');
const client = createClient({ baseUrl, apiKey: keys.secret || 'sk_test_clientela', locale: 'pt-BR' });

describe('<cl-category-manager> and <cl-category-picker> against the mock server', () => {
  it('creates, refuses a duplicate name with the server message, inactivates; the picker then stops offering it', async () => {
    const name = `Teste ${uniqueSeed()}`;
    const el = await fixture<CategoryManager>(html`<cl-category-manager locale="pt-BR" .client=${client}></cl-category-manager>`);
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'no list', { timeout: 10_000 });
    const root = el.shadowRoot!;
    const nameInput = root.querySelector<HTMLInputElement>('#new-name')!;
    const create = async () => {
      nameInput.value = name;
      root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    };
    await create();
    await waitUntil(() => el.categories.some((c) => c.name === name), 'not created', { timeout: 10_000 });
    // The list can show the category (the shared client's change feed reloads it) before the
    // create has finished: wait for its own outcome, as a person waits for the button to return.
    await waitUntil(() => root.querySelector('[role=status]')!.textContent!.includes(name), 'the create did not finish', { timeout: 10_000 });
    await create();
    await waitUntil(() => root.querySelector('#new-error')!.textContent!.length > 0, 'the duplicate was not refused', { timeout: 10_000 });
    expect(nameInput.getAttribute('aria-invalid')).to.equal('true');

    const id = el.categories.find((c) => c.name === name)!.id;
    const row = [...root.querySelectorAll('tbody tr')].find((tr) => tr.textContent!.includes(name))!;
    [...row.querySelectorAll('button')].find((b) => b.textContent!.includes('Inativar'))!.click();
    await waitUntil(() => el.categories.find((c) => c.id === id)?.status === 'inactive', 'not inactivated', { timeout: 10_000 });

    const picker = await fixture(html`<cl-category-picker locale="pt-BR" multiple value=${id} .client=${client}></cl-category-picker>`);
    await waitUntil(() => picker.shadowRoot!.querySelector('[part~=chip] em'), 'the inactive chip is not marked', { timeout: 10_000 });
    const offered = [...picker.shadowRoot!.querySelectorAll('[role=option]')].map((o) => o.textContent!.trim());
    expect(offered).not.to.include(name);
  });
});
