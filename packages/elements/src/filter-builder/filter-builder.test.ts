import { aTimeout, expect, fixture, fixtureCleanup, html, waitUntil as waitUntilWithin } from '@open-wc/testing';
import { afterEach, describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem } from '../internal/test-helpers.js';
import { ResultsEvent } from '../events/events.js';
import './filter-builder.js';
import type { FilterBuilder } from './filter-builder.component.js';

document.documentElement.lang = 'pt-BR';

/** Waits for `check` (a loaded machine can take seconds; never a wall-clock assertion). */
const waitUntil = (check: () => unknown, message?: string) => waitUntilWithin(check, message, { timeout: 15_000 });

const at = '2026-11-20T12:00:00.000Z';
const vip = { id: 'cat_vip', name: 'Clientes VIP', color: '#7c3aed', status: 'active', customerCount: 1, createdAt: at, updatedAt: at, version: 1 };
const builtIn = [
  { id: 'builtin_no_purchase_90', name: 'Sem compra há 90 dias', filter: 'last-notwithin-90', sort: 'lastPurchaseAt', shared: true, builtIn: true, createdAt: at, updatedAt: at, version: 1 },
  { id: 'builtin_top_buyers', name: 'Maiores compradores', filter: 'orders-min-1', sort: '-totalSpent', shared: true, builtIn: true, createdAt: at, updatedAt: at, version: 1 },
];

const units = [
  { id: 'loja_centro', name: 'Loja Rua Augusta', status: 'active', createdAt: at, updatedAt: at, version: 1 },
  { id: 'loja_online', name: 'Loja online', status: 'active', createdAt: at, updatedAt: at, version: 1 },
  { id: 'quiosque', name: 'Quiosque Aeroporto', status: 'inactive', createdAt: at, updatedAt: at, version: 1 },
];

function api(options: { failSave?: boolean } = {}) {
  const saved: any[] = [];
  const fake = fakeClient({
    'GET /categories': () => json({ items: [vip] }),
    'GET /units': () => json({ items: units }),
    'GET /views': () => json({ items: [...builtIn, ...saved] }),
    'POST /views': async ({ json: body }) => {
      const b = await body();
      if (options.failSave) return problem(422, { errors: [{ path: 'name', code: 'too_long', message: 'Nome longo demais.' }] });
      const view = { id: `view_${saved.length + 1}`, builtIn: false, owner: { keyId: 'sk_test…' }, createdAt: at, updatedAt: at, version: 1, ...b, shared: b.shared ?? false };
      saved.push(view);
      return json(view, 201, { ETag: '"1"' });
    },
    'DELETE /views/:id': ({ path }) => {
      saved.splice(saved.findIndex((v) => path.endsWith(v.id)), 1);
      return new Response(null, { status: 204 });
    },
  });
  return { ...fake, saved };
}

/** A stand-in for the table the builder drives: its filter, sort, layout and the results event. */
class FakeTable extends HTMLElement {
  filter = '';
  sort = '-totalSpent';
  columnLayout = { order: ['name', 'email', 'totalSpent'], hidden: ['email'], pinned: ['name'] };
  total = 0;
}
customElements.define('fake-table', FakeTable);

const $ = (el: FilterBuilder, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement;
const chips = (el: FilterBuilder) => [...el.shadowRoot!.querySelectorAll('.chip-text')].map((c) => c.textContent!.trim());
const nb = (s: string) => s.replace(/\u00a0/g, ' ');

async function ready(el: FilterBuilder) {
  await waitUntil(() => el.views.length > 0, 'views did not load');
  await el.updateComplete;
}

// A modal dialog left open by one test would make the next test's page inert.
afterEach(() => fixtureCleanup());

describe('<cl-filter-builder>', () => {
  it('is accessible: with chips, with a menu open, and with the editor open', async () => {
    const { client } = api();
    const el = await fixture<FilterBuilder>(html`<cl-filter-builder .client=${client} value="last-notwithin-90.uf-SP.spent-min-100000" .count=${1234}></cl-filter-builder>`);
    await ready(el);
    await expect(el).to.be.accessible();
    $(el, '#add-button').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    ($(el, "[data-type='totalSpent']") as HTMLButtonElement).click();
    await waitUntil(() => (el.shadowRoot!.querySelector('#editor') as HTMLDialogElement).open);
    await expect(el).to.be.accessible();
  });

  it('says each condition in plain pt-BR, and the count through Intl', async () => {
    const { client } = api();
    const el = await fixture<FilterBuilder>(
      html`<cl-filter-builder .client=${client} value="spent-min-100000.last-notwithin-90.bday-month-12.uf-SP.cat-any-cat_vip" .count=${1234}></cl-filter-builder>`,
    );
    await ready(el);
    await waitUntil(() => chips(el).includes('Categoria: Clientes VIP'));
    expect(chips(el).map(nb)).to.deep.equal(['Gastou R$ 1.000,00 ou mais', 'Sem compra há 90 dias', 'Aniversariantes de dezembro', 'UF: SP', 'Categoria: Clientes VIP']);
    expect($(el, '[part=count]').textContent).to.equal('1.234 clientes');
    expect($(el, "[data-chip='0'] .chip-remove").getAttribute('aria-label')).to.contain('Remover condição: Gastou');
  });

  it('speaks English when asked', async () => {
    const { client } = api();
    const el = await fixture<FilterBuilder>(html`<cl-filter-builder lang="en" .client=${client} value="last-notwithin-90" .count=${2}></cl-filter-builder>`);
    await waitUntil(() => chips(el)[0] === 'No purchase in 90 days', 'English words did not load');
    expect($(el, '[part=count]').textContent).to.equal('2 customers');
    expect($(el, '#add-button').textContent).to.contain('Add condition');
  });

  it('builds "Sem compra há 90 dias" and "UF = SP" by keyboard, firing change and driving the table', async () => {
    const { client } = api();
    const root = await fixture<HTMLDivElement>(html`<div><fake-table id="t"></fake-table><cl-filter-builder for="t" .client=${client}></cl-filter-builder></div>`);
    const el = root.querySelector('cl-filter-builder')!;
    const table = root.querySelector('fake-table') as FakeTable;
    await ready(el);
    const changes: string[] = [];
    el.addEventListener('change', () => changes.push(el.value));

    $(el, '#add-button').focus();
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('data-type') === 'notPurchasedWithin', 'focus did not enter the menu');
    await userEvent.keyboard('{Enter}');
    await waitUntil(() => (el.shadowRoot!.querySelector('#editor') as HTMLDialogElement).open, 'editor did not open');
    expect((el.shadowRoot!.activeElement as HTMLInputElement).value).to.equal('90');
    await userEvent.keyboard('{Enter}');
    await waitUntil(() => el.value === 'last-notwithin-90');
    expect(table.filter).to.equal('last-notwithin-90');
    await waitUntil(() => el.shadowRoot!.activeElement?.classList.contains('chip-text'), 'focus did not return to the chip');

    $(el, '#add-button').click();
    await el.updateComplete;
    ($(el, "[data-type='state']") as HTMLButtonElement).click();
    await waitUntil(() => (el.shadowRoot!.querySelector('#editor') as HTMLDialogElement).open);
    // Applying with no UF chosen says what is missing and keeps the dialog open.
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect($(el, '#editor .error').textContent).to.equal('Escolha ao menos uma opção.');
    (el.shadowRoot!.querySelector("#editor input[value='SP']") as HTMLInputElement).click();
    await el.updateComplete;
    ($(el, '#editor .primary') as HTMLButtonElement).click();
    await waitUntil(() => el.value === 'last-notwithin-90.uf-SP');
    expect(table.filter).to.equal('last-notwithin-90.uf-SP');
    expect(changes).to.deep.equal(['last-notwithin-90', 'last-notwithin-90.uf-SP']);
    expect(chips(el)).to.deep.equal(['Sem compra há 90 dias', 'UF: SP']);

    // The count follows the table's results.
    table.dispatchEvent(new ResultsEvent({ total: 42 }));
    await el.updateComplete;
    expect($(el, '[part=count]').textContent).to.equal('42 clientes');

    // The table's own "Limpar filtros" cleared its filter: the chips follow at its next results.
    table.filter = '';
    table.dispatchEvent(new ResultsEvent({ total: 400 }));
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(chips(el)).to.deep.equal([]);
    expect(changes.at(-1)).to.equal('');
  });

  it('edits a chip (refusing a bad sum), removes one, and Escape closes the editor without a change', async () => {
    const { client } = api();
    const el = await fixture<FilterBuilder>(html`<cl-filter-builder .client=${client} value="spent-min-100000.uf-SP"></cl-filter-builder>`);
    await ready(el);
    ($(el, "[data-chip='0'] .chip-text") as HTMLButtonElement).click();
    await waitUntil(() => (el.shadowRoot!.querySelector('#editor') as HTMLDialogElement).open);
    const min = $(el, '#f-min') as HTMLInputElement;
    expect(min.value).to.equal('1.000');
    min.focus();
    min.select();
    await userEvent.keyboard('mil');
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect($(el, '#f-min-error').textContent).to.equal('Digite um valor em reais, como 1.000,00.');
    expect(min.getAttribute('aria-invalid')).to.equal('true');
    min.select();
    await userEvent.keyboard('2.500,50');
    await userEvent.keyboard('{Enter}');
    await waitUntil(() => el.value === 'spent-min-250050.uf-SP');
    expect(nb(chips(el)[0]!)).to.equal('Gastou R$ 2.500,50 ou mais');

    ($(el, "[data-chip='1'] .chip-text") as HTMLButtonElement).click();
    await waitUntil(() => (el.shadowRoot!.querySelector('#editor') as HTMLDialogElement).open);
    await userEvent.keyboard('{Escape}');
    await waitUntil(() => !(el.shadowRoot!.querySelector('#editor') as HTMLDialogElement).open);
    expect(el.value).to.equal('spent-min-250050.uf-SP');

    ($(el, "[data-chip='0'] .chip-remove") as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.value).to.equal('uf-SP');
    await waitUntil(() => el.shadowRoot!.activeElement?.textContent?.trim() === 'UF: SP', 'focus did not move to the next chip');
  });

  it('offers the units by name in the unit condition (inactive ones marked), and names them in the chip', async () => {
    const { client } = api();
    const el = await fixture<FilterBuilder>(html`<cl-filter-builder .client=${client} value="unit-loja_online"></cl-filter-builder>`);
    await ready(el);
    await waitUntil(() => chips(el)[0] === 'Unidade: Loja online', 'the chip does not name the unit');
    ($(el, "[data-chip='0'] .chip-text") as HTMLButtonElement).click();
    await waitUntil(() => (el.shadowRoot!.querySelector('#editor') as HTMLDialogElement).open);
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('#editor input[type=checkbox]')];
    expect(boxes.map((b) => b.closest('label')!.textContent!.trim())).to.deep.equal(['Loja Rua Augusta', 'Loja online', 'Quiosque Aeroporto (inativo)']);
    expect(boxes.map((b) => b.checked)).to.deep.equal([false, true, false]);
    await expect(el).to.be.accessible();
    boxes[0]!.focus();
    await userEvent.keyboard(' ');
    await userEvent.keyboard('{Enter}');
    await waitUntil(() => el.value === 'unit-loja_centro-loja_online', `value is ${el.value}`);
    expect(chips(el)[0]).to.equal('Unidade: Loja Rua Augusta ou Loja online');
  });

  it('adopts the filter a page gave the table, and finds the table again when moved', async () => {
    const { client } = api();
    const root = await fixture<HTMLDivElement>(html`<div><fake-table id="t3"></fake-table></div>`);
    const table = root.querySelector('fake-table') as FakeTable;
    table.filter = 'kind-company';
    const el = document.createElement('cl-filter-builder');
    el.client = client;
    el.for = 't3';
    root.append(el);
    await ready(el);
    expect(el.value).to.equal('kind-company');
    expect(chips(el)).to.deep.equal(['Pessoa jurídica']);
    root.prepend(el);
    el.value = 'uf-SP';
    await el.updateComplete;
    expect(table.filter).to.equal('uf-SP');
  });

  it('applies a saved view to the table, and saves the current view with its sort and columns', async () => {
    const { client, saved } = api();
    const root = await fixture<HTMLDivElement>(html`<div><fake-table id="t2"></fake-table><cl-filter-builder for="t2" .client=${client}></cl-filter-builder></div>`);
    const el = root.querySelector('cl-filter-builder')!;
    const table = root.querySelector('fake-table') as FakeTable;
    await ready(el);
    const selected: string[] = [];
    el.addEventListener('cl-view-select', (e) => selected.push(e.detail.view.id));

    $(el, '#views-button').click();
    await el.updateComplete;
    ($(el, "[data-view='builtin_no_purchase_90']") as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.value).to.equal('last-notwithin-90');
    expect(table.filter).to.equal('last-notwithin-90');
    expect(table.sort).to.equal('lastPurchaseAt');
    expect(selected).to.deep.equal(['builtin_no_purchase_90']);
    expect($(el, '#views-button').textContent).to.contain('Visão: Sem compra há 90 dias');

    table.sort = '-totalSpent';
    el.value = 'last-notwithin-90.uf-SP';
    await el.updateComplete;
    $(el, '#views-button').click();
    await el.updateComplete;
    ($(el, '#save-view') as HTMLButtonElement).click();
    await waitUntil(() => (el.shadowRoot!.querySelector('#save') as HTMLDialogElement).open);
    const name = $(el, '#view-name') as HTMLInputElement;
    expect(name.value).to.equal('Sem compra há 90 dias · UF: SP');
    ($(el, '#view-shared') as HTMLInputElement).click();
    await userEvent.keyboard('{Enter}');
    await waitUntil(() => saved.length === 1);
    expect(saved[0]).to.deep.include({ name: 'Sem compra há 90 dias · UF: SP', filter: 'last-notwithin-90.uf-SP', shared: true, sort: '-totalSpent' });
    expect(saved[0].columns).to.deep.equal(['name', 'totalSpent']);
    expect(saved[0].pinned).to.deep.equal(['name']);
    await waitUntil(() => $(el, '#views-button').textContent!.includes('Visão: Sem compra há 90 dias · UF: SP'));
  });

  it('keeps the save dialog open with the server’s message when the save is refused', async () => {
    const { client } = api({ failSave: true });
    const el = await fixture<FilterBuilder>(html`<cl-filter-builder .client=${client} value="uf-SP"></cl-filter-builder>`);
    await ready(el);
    $(el, '#views-button').click();
    await el.updateComplete;
    ($(el, '#save-view') as HTMLButtonElement).click();
    await waitUntil(() => (el.shadowRoot!.querySelector('#save') as HTMLDialogElement).open);
    ($(el, '#save .primary') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.querySelector('#save-error'), 'no error shown');
    expect($(el, '#save-error').textContent).to.equal('Nome longo demais.');
    expect((el.shadowRoot!.querySelector('#save') as HTMLDialogElement).open).to.equal(true);
    await aTimeout(0);
  });
});

describe('<cl-filter-builder> OR groups', () => {
  afterEach(() => fixtureCleanup());

  it('adds an alternative to a chip ("UF: SP ou UF: RJ"), edits one alternative, and stays accessible', async () => {
    const { client } = api();
    const el = await fixture<FilterBuilder>(html`<cl-filter-builder .client=${client} value="last-notwithin-90.uf-SP"></cl-filter-builder>`);
    await ready(el);
    const or = $(el, "[data-chip='1'] .chip-or") as HTMLButtonElement;
    expect(or.getAttribute('aria-label')).to.equal('Ou: adicionar uma alternativa a “UF: SP”');
    or.focus();
    await userEvent.keyboard('{Enter}');
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('role') === 'menuitem', 'focus did not enter the alternatives menu');
    await expect(el).to.be.accessible();
    ($(el, "#alt-menu [data-type='state']") as HTMLButtonElement).click();
    await waitUntil(() => (el.shadowRoot!.querySelector('#editor') as HTMLDialogElement).open);
    (el.shadowRoot!.querySelector("#editor input[value='RJ']") as HTMLInputElement).click();
    await el.updateComplete;
    ($(el, '#editor .primary') as HTMLButtonElement).click();
    await waitUntil(() => el.value === 'last-notwithin-90.uf-SP*uf-RJ');
    expect(chips(el)).to.deep.equal(['Sem compra há 90 dias', 'UF: SP', 'UF: RJ']);
    expect($(el, "[data-chip='1']").textContent!.replace(/\s+/g, ' ')).to.contain('UF: SP ou UF: RJ');
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('data-alt') === '1', 'focus did not go to the new alternative');

    ($(el, "[data-chip='1'] [data-alt='0']") as HTMLButtonElement).click();
    await waitUntil(() => (el.shadowRoot!.querySelector('#editor') as HTMLDialogElement).open);
    (el.shadowRoot!.querySelector("#editor input[value='MG']") as HTMLInputElement).click();
    await el.updateComplete;
    ($(el, '#editor .primary') as HTMLButtonElement).click();
    await waitUntil(() => el.value === 'last-notwithin-90.uf-MG-SP*uf-RJ');
    await expect(el).to.be.accessible();
  });
});
