import type { Customer } from '@clientela/core';
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { beforeEach, describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { CATEGORIES, fakeClient, makeCustomer, type FakeClient } from '../../bench/fake-client.js';
import './customer-table.js';
import type { CustomerTable } from './customer-table.component.js';

const $ = <T extends Element = HTMLElement>(el: CustomerTable, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: CustomerTable, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** Waits until `check` holds, re-rendering in between (never a wall-clock assertion). */
async function until(check: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (check()) return;
    await aTimeout(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const rows = (el: CustomerTable) => $$(el, '[role=row][data-id]');
const names = (el: CustomerTable) => rows(el).map((r) => r.querySelector('.name')!.textContent);
const headerKeys = (el: CustomerTable) => $$(el, '.header [data-key]').map((h) => h.dataset['key']);

function dataset(n = 30): Customer[] {
  return Array.from({ length: n }, (_, i) => makeCustomer(i));
}

async function mount(fake: FakeClient, attrs = ''): Promise<CustomerTable> {
  const el = await fixture<CustomerTable>(html`<div style="height:600px;width:1100px"></div>`).then((box) => {
    box.innerHTML = `<cl-customer-table ${attrs} style="--cl-customer-table-height:600px"></cl-customer-table>`;
    const table = box.firstElementChild as CustomerTable;
    table.client = fake.client;
    return table;
  });
  await until(() => rows(el).length > 0 || !!el.shadowRoot?.querySelector('[part=empty], [part=error]'), 'first rows');
  await el.updateComplete;
  return el;
}

describe('<cl-customer-table>', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = 'pt-BR';
  });

  describe('Desconto', () => {
    it('shows the discount that applies: the largest of the customer’s own and their active categories’, naming the category, through Intl', async () => {
      const customers = dataset(12);
      const el = await mount(fakeClient({ customers }));
      el.columnLayout = { ...el.columnLayout, hidden: el.columnLayout.hidden.filter((k) => k !== 'discount') };
      await until(() => !!el.shadowRoot!.querySelector('[data-key=discount]'), 'the discount column');
      const cell = (i: number) => el.shadowRoot!.querySelector(`[part~=row][data-id="${customers[i]!.id}"] [data-key=discount]`)!.textContent!.trim();
      // 0: VIP (10 %) over the own 5 %; 10: the own 5 % alone; 1: Atacado gives none, the inactive category neither.
      expect(cell(0)).to.equal('10% (VIP)');
      expect(cell(10)).to.equal('5%');
      expect(cell(1)).to.equal('');
      el.lang = 'en';
      await until(() => cell(0) === '10% (VIP)' && el.shadowRoot!.textContent!.includes('Discount'), 'English');
    });

    it('does not offer an automatic category to bulk add or remove', async () => {
      const fake = fakeClient({ customers: dataset(12) });
      const auto = { ...CATEGORIES[0]!, id: 'cat_auto', name: 'Grandes compradores', rule: 'spent-min-500001' };
      fake.client.categories.list = async () => [...CATEGORIES, auto];
      const el = await mount(fake);
      (el.shadowRoot!.querySelector('[part~=row] .select input') as HTMLInputElement).click();
      await until(() => !!el.shadowRoot!.querySelector('#bulk-category'), 'the bulk bar');
      const offered = [...el.shadowRoot!.querySelectorAll('#bulk-category option')].map((o) => o.textContent!.trim());
      expect(offered).to.include('VIP');
      expect(offered.some((o) => o.includes('Grandes compradores'))).to.equal(false);
    });
  });

  describe('accessibility', () => {
    it('has no axe violations with rows', async () => {
      const el = await mount(fakeClient({ customers: dataset() }));
      await expect(el).to.be.accessible();
    });

    it('has no axe violations while loading', async () => {
      const box = await fixture<HTMLDivElement>(html`<div style="height:600px"></div>`);
      const el = document.createElement('cl-customer-table');
      el.client = fakeClient({ customers: dataset(), delay: () => 60_000 }).client;
      box.append(el);
      await el.updateComplete;
      expect($(el, '[role=grid]').getAttribute('aria-busy')).to.equal('true');
      expect($$(el, '.row.skeleton').length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it('has no axe violations when empty, and offers to clear the filters', async () => {
      const el = await mount(fakeClient({ customers: dataset() }), 'q="nobody-matches-this"');
      expect($(el, '[part=empty]').textContent).to.contain('Nenhum cliente encontrado');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part=empty] button').click();
      await until(() => rows(el).length > 0, 'rows after clearing');
      expect(el.q).to.equal('');
      expect(el.hasAttribute('q')).to.equal(false);
    });

    it('has no axe violations on error, and retries', async () => {
      let failing = true;
      const el = await mount(fakeClient({ customers: dataset(), fail: () => failing }));
      expect($(el, '[part=error]').getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
      failing = false;
      $<HTMLButtonElement>(el, '[part=error] button').click();
      await until(() => rows(el).length > 0, 'rows after retry');
    });
  });

  describe('query', () => {
    it('searches after a pause in typing and reflects q', async () => {
      const fake = fakeClient({ customers: dataset() });
      const el = await mount(fake);
      const input = $<HTMLInputElement>(el, '#search');
      input.focus();
      await userEvent.keyboard('Souza 1');
      expect(el.q, 'debounced').to.equal('');
      await until(() => el.q === 'Souza 1', 'debounced q');
      await until(() => rows(el).length > 0 && names(el).every((n) => /souza 1/i.test(n!)), 'filtered rows');
      expect(el.getAttribute('q')).to.equal('Souza 1');
      expect(fake.calls.list.some((q) => q['q'] === 'Souza 1')).to.equal(true);
      await until(() => $(el, '[role=status]').textContent!.includes('encontrado'), 'announcement');
    });

    it('filters by status and categories, with attributes for deep links', async () => {
      const fake = fakeClient({ customers: dataset() });
      const el = await mount(fake, 'status="blocked" category-ids="cat_vip"');
      expect(fake.calls.list.at(-1)).to.include({ status: 'blocked' });
      expect(fake.calls.list.at(-1)!['categoryId']).to.deep.equal(['cat_vip']);
      expect(rows(el).every((r) => r.querySelector('.badge')!.classList.contains('blocked'))).to.equal(true);
      const select = $<HTMLSelectElement>(el, '#status');
      select.value = 'inactive';
      select.dispatchEvent(new Event('change'));
      await until(() => el.getAttribute('status') === 'inactive', 'status attribute');
      el.categoryIds = [];
      await el.updateComplete;
      expect(el.hasAttribute('category-ids')).to.equal(false);
    });

    it('shows the figures of one unit: a selector of the active units (and the chosen one), reflected as `unit`, sent with the list but not with exports', async () => {
      const at = '2026-01-01T00:00:00.000Z';
      const units = [
        { id: 'loja_online', name: 'Loja online', status: 'active', createdAt: at, updatedAt: at, version: 1 },
        { id: 'loja_centro', name: 'Loja Rua Augusta', status: 'active', createdAt: at, updatedAt: at, version: 1 },
        { id: 'quiosque', name: 'Quiosque', status: 'inactive', createdAt: at, updatedAt: at, version: 1 },
      ] as const;
      const fake = fakeClient({ customers: dataset(), units: [...units] });
      const el = await mount(fake);
      await until(() => !!el.shadowRoot!.querySelector('#unit'), 'unit selector');
      const select = $<HTMLSelectElement>(el, '#unit');
      expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal(['Todas as unidades', 'Loja online', 'Loja Rua Augusta']);
      await expect(el).to.be.accessible();
      select.focus();
      await userEvent.selectOptions(select, 'loja_centro');
      await until(() => el.getAttribute('unit') === 'loja_centro', 'unit attribute');
      await until(() => fake.calls.list.at(-1)?.['unit'] === 'loja_centro', 'list for the unit');
      $<HTMLButtonElement>(el, '#export-csv').click();
      await until(() => fake.calls.exports.length > 0, 'export');
      expect(fake.calls.exports[0]!.filter ?? {}).not.to.have.property('unit');
      // A deep link to an inactive unit keeps it offered, marked.
      const linked = await mount(fakeClient({ customers: dataset(), units: [...units] }), 'unit="quiosque"');
      await until(() => !!linked.shadowRoot!.querySelector('#unit'), 'unit selector');
      expect($<HTMLSelectElement>(linked, '#unit').selectedOptions[0]!.textContent!.trim()).to.equal('Quiosque (inativa)');
    });

    it('shows tab counts from a one-row list per kind, and switches kind', async () => {
      const data = dataset(30);
      const fake = fakeClient({ customers: data });
      const el = await mount(fake);
      const people = data.filter((c) => c.kind === 'person' && c.status !== 'deleted').length;
      await until(() => $(el, '[data-kind=person]').textContent!.includes(`(${people})`), 'person count');
      expect(fake.calls.list.some((q) => q['kind'] === 'company' && q['limit'] === 1)).to.equal(true);
      $<HTMLButtonElement>(el, '[data-kind=company]').click();
      await until(() => el.getAttribute('kind') === 'company' && rows(el).length > 0 && rows(el).every((r) => /Ltda/.test(r.textContent!)), 'companies');
      expect($(el, '[data-kind=company]').getAttribute('aria-selected')).to.equal('true');
    });

    it('sorts on the server by clicking a header, with aria-sort', async () => {
      const fake = fakeClient({ customers: dataset() });
      const el = await mount(fake);
      const header = () => $(el, '.header [data-key=totalSpent]');
      header().click();
      await until(() => el.sort === 'totalSpent', 'sort');
      expect(header().getAttribute('aria-sort')).to.equal('ascending');
      await until(() => fake.calls.list.at(-1)!['sort'] === 'totalSpent');
      header().click();
      await el.updateComplete;
      expect(el.getAttribute('sort')).to.equal('-totalSpent');
      expect(header().getAttribute('aria-sort')).to.equal('descending');
      await until(() => rows(el).length > 0 && fake.calls.list.at(-1)!['sort'] === '-totalSpent');
      await until(() => {
        const values = rows(el).map((r) => Number(r.querySelector('[data-key=totalSpent]')!.textContent!.replace(/\D/g, '')));
        return values.length > 1 && values.every((v, i) => i === 0 || values[i - 1]! >= v);
      }, 'descending values');
    });

    it('never lets a slow old search overwrite a newer one', async () => {
      const data = dataset();
      const fake = fakeClient({ customers: data, delay: (q) => (q['q'] === 'Ana' ? 300 : 0) });
      const el = await mount(fake);
      el.q = 'Ana';
      await aTimeout(20);
      el.q = 'Pedro';
      await until(() => rows(el).length > 0 && names(el).every((n) => n!.startsWith('Pedro')), 'newer results');
      await aTimeout(400);
      expect(names(el).every((n) => n!.startsWith('Pedro'))).to.equal(true);
    });
  });

  describe('columns', () => {
    it('hides, reorders and pins columns, and keeps the layout per storage-key', async () => {
      const fake = fakeClient({ customers: dataset() });
      const el = await mount(fake, 'storage-key="test-layout"');
      expect(headerKeys(el)).to.not.include('visits');
      $<HTMLButtonElement>(el, '#columns-button').click();
      await until(() => !!el.shadowRoot!.querySelector('#column-menu'), 'column menu');
      const menu = $(el, '#column-menu');
      const item = (key: string) => menu.querySelector(`li[data-key=${key}]`)!;
      // hide e-mail, show visits
      (item('email').querySelector('input[name=show]') as HTMLInputElement).click();
      (item('visits').querySelector('input[name=show]') as HTMLInputElement).click();
      await el.updateComplete;
      expect(headerKeys(el)).to.not.include('email');
      expect(headerKeys(el)).to.include('visits');
      // move "document" above "name"
      (item('document').querySelector('button[name=up]') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(headerKeys(el).slice(0, 2)).to.deep.equal(['document', 'name']);
      // pin status: it moves to the start and sticks
      (item('status').querySelector('input[name=pin]') as HTMLInputElement).click();
      await el.updateComplete;
      expect(headerKeys(el)[0]).to.equal('status');
      // The menu re-orders its rows; every box must show its own column's state, not its slot's.
      const pins = () => [...menu.querySelectorAll<HTMLInputElement>('input[name=pin]')].filter((i) => i.checked).map((i) => i.closest('li')!.dataset['key']);
      expect(pins()).to.deep.equal(['status']);
      const pinnedCell = $(el, '.header [data-key=status]');
      expect(getComputedStyle(pinnedCell).position).to.equal('sticky');
      expect(pinnedCell.style.left).to.equal('48px');
      await expect(el).to.be.accessible();
      // at most five pins
      for (const key of ['name', 'document', 'phone', 'orders']) (item(key).querySelector('input[name=pin]') as HTMLInputElement).click();
      await el.updateComplete;
      expect(el.columnLayout.pinned).to.have.length(5);
      expect((item('totalSpent').querySelector('input[name=pin]') as HTMLInputElement).disabled).to.equal(true);

      const again = await mount(fake, 'storage-key="test-layout"');
      expect(headerKeys(again)).to.deep.equal(headerKeys(el));
      const other = await mount(fake, 'storage-key="other-layout"');
      expect(headerKeys(other)[0]).to.equal('name');
    });

    it('opens the column menu from the keyboard; Escape closes it and gives the keyboard back to its button', async () => {
      const el = await mount(fakeClient({ customers: dataset() }));
      const button = $<HTMLButtonElement>(el, '#columns-button');
      button.focus();
      await userEvent.keyboard('{Enter}');
      await until(() => !!el.shadowRoot!.querySelector('#column-menu'), 'column menu');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!), 'aria-controls names the menu').to.equal($(el, '#column-menu'));
      $<HTMLInputElement>(el, '#column-menu li[data-key=email] input[name=show]').focus();
      await userEvent.keyboard(' ');
      await el.updateComplete;
      expect(headerKeys(el)).to.not.include('email');
      await userEvent.keyboard('{Escape}');
      await until(() => !el.shadowRoot!.querySelector('#column-menu'), 'menu closed');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      await until(() => el.shadowRoot!.activeElement === button, 'focus back on the button');
    });
  });

  describe('document reveal and copy', () => {
    it('reveals the full document through retrieve, which the server audits', async () => {
      const data = dataset();
      const fake = fakeClient({ customers: data });
      const el = await mount(fake);
      const row = rows(el)[0]!;
      const id = row.dataset['id']!;
      expect(row.querySelector('.doc')!.textContent).to.contain('*');
      (row.querySelector('[data-action=reveal]') as HTMLButtonElement).click();
      await until(() => !rows(el)[0]!.querySelector('.doc')!.textContent!.includes('*'), 'revealed');
      const full = data.find((c) => c.id === id)!.document;
      expect(rows(el)[0]!.querySelector('.doc')!.textContent!.replace(/\D/g, '')).to.equal(full);
      const { items } = await fake.client.audit.list();
      expect(items.some((e) => e.action === 'customer.reveal' && e.target === id)).to.equal(true);
      expect(rows(el)[0]!.querySelector('[data-action=reveal]')!.getAttribute('aria-pressed')).to.equal('true');
    });

    it('links WhatsApp in a new tab without an opener', async () => {
      const el = await mount(fakeClient({ customers: dataset() }));
      const link = $<HTMLAnchorElement>(el, 'a.icon-whatsapp');
      expect(link.href).to.match(/^https:\/\/wa\.me\/55\d{10,11}$/);
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.contain('noopener');
    });
  });

  describe('selection and bulk actions', () => {
    let fake: FakeClient;
    let el: CustomerTable;
    beforeEach(async () => {
      fake = fakeClient({ customers: dataset() });
      el = await mount(fake);
    });

    const selectFirst = async (n: number) => {
      for (const row of rows(el).slice(0, n)) (row.querySelector('.select input') as HTMLInputElement).click();
      await until(() => !!el.shadowRoot!.querySelector('[part=bulk-bar]'), 'bulk bar');
    };

    it('selects rows, emits cl-selection-change and offers all matching', async () => {
      const event = oneEvent(el, 'cl-selection-change');
      // A real click: a script's click() runs Lit's update after the checkbox's own activation.
      await userEvent.click(rows(el)[0]!.querySelector('.select input')!);
      expect((await event).detail).to.deep.include({ count: 1, all: false });
      await el.updateComplete;
      expect(rows(el)[0]!.getAttribute('aria-selected')).to.equal('true');
      await aTimeout(0);
      expect((rows(el)[0]!.querySelector('.select input') as HTMLInputElement).checked, 'the box stays ticked').to.equal(true);
      expect(el.selectedIds).to.deep.equal([rows(el)[0]!.dataset['id']]);
      $<HTMLInputElement>(el, '.header .select input').click();
      await until(() => !!el.shadowRoot!.querySelector('[part=bulk-bar]'), 'bulk bar');
      expect(el.selectedIds.length).to.equal(fake.customers!.filter((c) => c.status !== 'deleted').length);
      const all = oneEvent(el, 'cl-selection-change');
      $<HTMLButtonElement>(el, '#select-all-matching')?.click();
      if ($(el, '#select-all-matching')) expect((await all).detail.all).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('adds to and removes from a category with an idempotency key, then refreshes', async () => {
      await selectFirst(2);
      const ids = el.selectedIds;
      $<HTMLSelectElement>(el, '#bulk-category').value = 'cat_atacado';
      $<HTMLButtonElement>(el, '#bulk-add').click();
      await until(() => $(el, '[part~=notice]')?.textContent!.includes('2 atualizados'), 'summary');
      expect(fake.calls.bulk[0]!.body).to.deep.equal({ ids, action: 'addCategories', categoryIds: ['cat_atacado'] });
      expect(fake.calls.bulk[0]!.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
      await until(() => rows(el)[0]!.querySelector('[data-key=categories]')!.textContent!.includes('Atacado'), 'refreshed chips');
      $<HTMLButtonElement>(el, '#bulk-remove').click();
      await until(() => fake.calls.bulk.length === 2);
      expect(fake.calls.bulk[1]!.body.action).to.equal('removeCategories');
      expect(fake.calls.bulk[1]!.idempotencyKey).to.not.equal(fake.calls.bulk[0]!.idempotencyKey);
    });

    it('changes status in bulk for all matching, by filter', async () => {
      el.status = 'active';
      await until(() => rows(el).length > 0 && rows(el).every((r) => r.querySelector('.badge.active')));
      await selectFirst(1);
      $<HTMLButtonElement>(el, '#select-all-matching').click();
      await el.updateComplete;
      $<HTMLSelectElement>(el, '#bulk-status').value = 'blocked';
      $<HTMLButtonElement>(el, '#bulk-status-apply').click();
      await until(() => fake.calls.bulk.length === 1);
      expect(fake.calls.bulk[0]!.body).to.deep.equal({ filter: { status: 'active' }, action: 'setStatus', status: 'blocked' });
      await until(() => $(el, '[part=empty]') !== null, 'no active customers left');
    });

    it('deletes only after the confirmation word is typed', async () => {
      await selectFirst(3);
      const ids = el.selectedIds;
      $<HTMLButtonElement>(el, '#bulk-delete').click();
      await el.updateComplete;
      const dialog = $<HTMLDialogElement>(el, 'dialog');
      expect(dialog.open).to.equal(true);
      expect(dialog.textContent).to.contain('EXCLUIR');
      await expect(el).to.be.accessible();
      const confirm = $<HTMLButtonElement>(el, '#confirm-delete');
      expect(confirm.disabled).to.equal(true);
      $<HTMLInputElement>(el, '#confirm-word').focus();
      await userEvent.keyboard('EXCLUI');
      await el.updateComplete;
      expect(confirm.disabled).to.equal(true);
      await userEvent.keyboard('R');
      await el.updateComplete;
      expect(confirm.disabled).to.equal(false);
      confirm.click();
      await until(() => fake.calls.bulk.length === 1);
      expect(fake.calls.bulk[0]!.body).to.deep.equal({ ids, action: 'delete' });
      await until(() => !rows(el).some((r) => ids.includes(r.dataset['id']!)), 'deleted rows gone');
      expect(el.selectedIds).to.deep.equal([]);
    });

    it('cancels the delete from the keyboard, and the keyboard goes back to the delete button', async () => {
      await selectFirst(2);
      const remove = $<HTMLButtonElement>(el, '#bulk-delete');
      remove.focus();
      await userEvent.keyboard('{Enter}');
      const dialog = $<HTMLDialogElement>(el, 'dialog');
      await until(() => dialog.open, 'dialog open');
      expect(dialog.textContent).to.contain('Excluir 2 clientes?');
      await userEvent.keyboard('{Escape}');
      await until(() => !dialog.open, 'dialog closed');
      expect(el.shadowRoot!.activeElement).to.equal(remove);
      expect(fake.calls.bulk).to.have.length(0);
    });

    it('exports the selection with the visible columns, and the whole filter without one', async () => {
      const clicks: string[] = [];
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        clicks.push(this.download);
      };
      try {
        $<HTMLButtonElement>(el, '#export-xlsx').click();
        await until(() => clicks.length === 1);
        expect(fake.calls.exports[0]).to.deep.include({ format: 'xlsx', filter: {} });
        expect(fake.calls.exports[0]!.columns).to.include.members(['name', 'document', 'email', 'totalSpent']);
        expect(fake.calls.exports[0]!.columns).to.not.include('visitsCount');
        await selectFirst(2);
        $<HTMLButtonElement>(el, '#export-csv').click();
        await until(() => clicks.length === 2);
        expect(fake.calls.exports[1]!.ids).to.deep.equal(el.selectedIds);
        expect(clicks).to.deep.equal(['clientes.xlsx', 'clientes.csv']);
      } finally {
        HTMLAnchorElement.prototype.click = original;
      }
    });
  });

  describe('outcomes of actions, and answers of another query', () => {
    const text = (el: CustomerTable) => $(el, '[part~=notice]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    const selectFirstOf = async (el: CustomerTable, n: number) => {
      for (const row of rows(el).slice(0, n)) await userEvent.click(row.querySelector('.select input')!);
      await until(() => !!el.shadowRoot!.querySelector('[part=bulk-bar]'), 'bulk bar');
    };

    it('shows a bulk result, and a new selection starts without it', async () => {
      const fake = fakeClient({ customers: dataset() });
      const el = await mount(fake);
      await selectFirstOf(el, 2);
      $<HTMLButtonElement>(el, '#bulk-status-apply').click();
      await until(() => text(el).includes('2 atualizados'), 'summary');
      await expect(el).to.be.accessible();
      await userEvent.click(rows(el)[3]!.querySelector('.select input')!);
      await el.updateComplete;
      expect(text(el)).to.equal('');
      expect($(el, '[part=bulk-bar]').textContent).to.not.contain('atualizados');
    });

    it('says in plain words why a bulk action failed, and retries it with the same idempotency key', async () => {
      let failing = true;
      const fake = fakeClient({ customers: dataset(), failBulk: () => failing });
      const el = await mount(fake);
      await selectFirstOf(el, 2);
      $<HTMLSelectElement>(el, '#bulk-category').value = 'cat_vip';
      $<HTMLButtonElement>(el, '#bulk-add').click();
      await until(() => $(el, '[part~=notice-failed]') !== null, 'failure notice');
      expect(text(el)).to.contain('Não foi possível aplicar "Adicionar à categoria".');
      expect(text(el)).to.contain('O servidor está indisponível no momento.');
      expect(text(el)).to.not.contain('fail-rate');
      expect($(el, '[part~=notice]').checkVisibility()).to.equal(true);
      await expect(el).to.be.accessible();
      failing = false;
      $<HTMLButtonElement>(el, '.notice-retry').click();
      await until(() => text(el).includes('2 atualizados'), 'retried');
      expect(fake.calls.bulk).to.have.length(2);
      expect(fake.calls.bulk[1]!.idempotencyKey).to.equal(fake.calls.bulk[0]!.idempotencyKey);
      expect(fake.calls.bulk[1]!.body).to.deep.equal(fake.calls.bulk[0]!.body);
    });

    it('shows an export failing, retries it, and counts rows while a long CSV downloads', async () => {
      let failing = true;
      const fake = fakeClient({ customers: Array.from({ length: 900 }, (_, i) => makeCustomer(i)), failExport: () => failing });
      const el = await mount(fake, 'status="active,inactive,blocked"');
      const saved: string[] = [];
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        saved.push(this.download);
      };
      try {
        $<HTMLButtonElement>(el, '#export-xlsx').click();
        await until(() => $(el, '[part~=notice-failed]') !== null, 'failure notice');
        expect(text(el)).to.contain('Não foi possível concluir "Exportar XLSX".');
        expect(text(el)).to.not.contain('Retry-After');
        failing = false;
        $<HTMLButtonElement>(el, '#export-csv').click();
        const seen: number[] = [];
        await until(() => {
          const bar = el.shadowRoot!.querySelector<HTMLProgressElement>('[part~=notice-running] progress');
          if (bar?.hasAttribute('value')) seen.push(bar.value);
          return saved.length === 1;
        }, 'csv saved');
        expect(seen.some((v) => v > 0 && v < el.total), `row progress seen: ${seen.join(',')}`).to.equal(true);
        expect(text(el)).to.contain('Arquivo clientes.csv baixado');
        await expect(el).to.be.accessible();
      } finally {
        HTMLAnchorElement.prototype.click = original;
      }
    });

    it('never shows or announces the counts of the previous search', async () => {
      const fake = fakeClient({ customers: dataset(60), fail: (q) => q['q'] === 'Costa' && q['limit'] === 1 });
      const el = await mount(fake);
      const allTab = () => $(el, '[role=tab][data-kind=""]').textContent!.trim();
      el.q = 'Pereira';
      await until(() => /\(\d+\)/.test(allTab()) && fake.calls.list.at(-1)!['q'] === 'Pereira', 'Pereira counts');
      const pereira = allTab();
      el.q = 'Costa';
      await until(() => $(el, '[role=status]').textContent!.includes('encontrado'), 'Costa announced');
      const costa = fake.customers!.filter((c) => c.status !== 'deleted' && /costa/i.test(c.kind === 'company' ? c.legalName : `${c.firstName} ${c.lastName}`)).length;
      expect($(el, '[role=status]').textContent).to.contain(`${costa} cliente`);
      expect(allTab()).to.not.equal(pereira);
      expect(allTab()).to.equal('Todos');
    });

    it('names the columns of the company tab "Razão social" and "CNPJ"', async () => {
      const el = await mount(fakeClient({ customers: dataset() }), 'kind="company"');
      expect($(el, '.header [data-key=name] .label').textContent!.trim()).to.equal('Razão social');
      expect($(el, '.header [data-key=document] .label').textContent!.trim()).to.equal('CNPJ');
      el.kind = '';
      await el.updateComplete;
      expect($(el, '.header [data-key=name] .label').textContent!.trim()).to.equal('Nome');
    });

    it('sorts by status and by visits from their headers', async () => {
      const el = await mount(fakeClient({ customers: dataset() }), 'status="active,inactive,blocked"');
      $(el, '.header [data-key=status]').click();
      await until(() => el.sort === 'status' && rows(el)[0]!.querySelector('.badge.active') !== null, 'sorted by status');
      $(el, '.header [data-key=status]').click();
      await until(() => el.sort === '-status' && rows(el)[0]!.querySelector('.badge.blocked') !== null, 'descending');
      expect($(el, '.header [data-key=status]').getAttribute('aria-sort')).to.equal('descending');
      el.setColumnVisible('visits', true);
      await el.updateComplete;
      $(el, '.header [data-key=visits]').click();
      await until(() => el.sort === 'visitsCount', 'sorted by visits');
    });
  });

  describe('list layout (narrow)', () => {
    async function mountNarrow(fake: FakeClient, width = 390): Promise<CustomerTable> {
      const box = await fixture<HTMLDivElement>(html`<div style=${`height:700px;width:${width}px`}></div>`);
      const el = document.createElement('cl-customer-table');
      el.style.setProperty('--cl-customer-table-height', '700px');
      el.client = fake.client;
      box.append(el);
      await until(() => rows(el).length > 0, 'first rows');
      await until(() => el.shadowRoot!.querySelector('[role=grid].list') !== null, 'list layout');
      await el.updateComplete;
      return el;
    }

    it('shows name, masked document and phone per row, fits the width, and passes axe', async () => {
      const el = await mountNarrow(fakeClient({ customers: dataset() }));
      expect(headerKeys(el)).to.deep.equal(['name', 'document', 'phone']);
      const row = rows(el)[0]!;
      expect(row.querySelector('[data-key=document] .doc')!.textContent).to.contain('*');
      expect(row.querySelector('[data-key=phone]')!.textContent).to.match(/\(\d{2}\) \d{4,5}-\d{4}/);
      const grid = $(el, '.scroller');
      expect(grid.scrollWidth, 'no sideways scrolling').to.be.at.most(grid.clientWidth);
      for (const cell of row.querySelectorAll<HTMLElement>('[data-key]')) expect(cell.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
      expect(row.getBoundingClientRect().height).to.be.greaterThan(80);
      await expect(el).to.be.accessible();
    });

    it('folds filters and exports into one menu that a keyboard opens and Escape closes', async () => {
      const fake = fakeClient({ customers: dataset() });
      const el = await mountNarrow(fake);
      expect($(el, '#export-csv').checkVisibility(), 'folded away').to.equal(false);
      expect(el.shadowRoot!.querySelector('#columns-button')).to.equal(null);
      $(el, '#more-button').focus();
      await userEvent.keyboard('{Enter}');
      await until(() => $<HTMLDetailsElement>(el, 'details.more').open, 'menu open');
      expect($(el, '#export-csv').checkVisibility()).to.equal(true);
      await expect(el).to.be.accessible();
      $<HTMLSelectElement>(el, '#status').value = 'blocked';
      $(el, '#status').dispatchEvent(new Event('change'));
      await until(() => el.status === 'blocked', 'filtered from the menu');
      $(el, '#status').focus();
      await userEvent.keyboard('{Escape}');
      expect($<HTMLDetailsElement>(el, 'details.more').open).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '#more-button'));
    });

    it('keeps every row action: select, reveal, copy, open, and grid keys across the stacked fields', async () => {
      const fake = fakeClient({ customers: dataset() });
      const el = await mountNarrow(fake);
      const opened = oneEvent(el, 'cl-customer-open');
      await userEvent.click(rows(el)[1]!.querySelector('.name')!);
      expect((await opened).detail.id).to.equal(rows(el)[1]!.dataset['id']);
      await userEvent.click(rows(el)[0]!.querySelector('.select input')!);
      await until(() => !!el.shadowRoot!.querySelector('[part=bulk-bar]'), 'bulk bar');
      rows(el)[0]!.querySelector<HTMLButtonElement>('[data-action=reveal]')!.click();
      await until(() => !rows(el)[0]!.querySelector('[data-key=document] .doc')!.textContent!.includes('*'), 'revealed');
      const first = rows(el)[0]!.querySelector<HTMLElement>('[data-key=name]')!;
      first.focus();
      await userEvent.keyboard('{ArrowRight}');
      expect((el.shadowRoot!.activeElement as HTMLElement).dataset['key']).to.equal('document');
      await userEvent.keyboard('{ArrowRight}');
      expect((el.shadowRoot!.activeElement as HTMLElement).dataset['key']).to.equal('phone');
      await userEvent.keyboard('{ArrowDown}');
      expect((el.shadowRoot!.activeElement as HTMLElement).closest<HTMLElement>('[role=row]')!.dataset['r']).to.equal('1');
    });

    it('switches between table and list as the element is resized', async () => {
      const el = await mountNarrow(fakeClient({ customers: dataset() }));
      el.parentElement!.style.width = '1100px';
      await until(() => el.shadowRoot!.querySelector('[role=grid].table') !== null, 'table layout');
      expect(headerKeys(el)).to.include.members(['email', 'categories']);
      el.parentElement!.style.width = '390px';
      await until(() => el.shadowRoot!.querySelector('[role=grid].list') !== null, 'list again');
    });
  });

  describe('keyboard', () => {
    it('focus() returns to the row a customer was opened from (a closing card gives the keyboard back)', async () => {
      const el = await mount(fakeClient({ customers: dataset() }));
      const opened = oneEvent(el, 'cl-customer-open');
      await userEvent.click(rows(el)[4]!.querySelector('[data-key=email]')!);
      const id = (await opened).detail.id;
      (document.activeElement as HTMLElement).blur();
      document.body.focus();
      el.focus();
      await el.updateComplete;
      const active = el.shadowRoot!.activeElement as HTMLElement;
      expect(active.closest<HTMLElement>('[role=row]')!.dataset['id']).to.equal(id);
    });

    it('moves through cells like a grid, selects with Space and opens with Enter', async () => {
      const el = await mount(fakeClient({ count: 500 }));
      const active = () => el.shadowRoot!.activeElement as HTMLElement;
      const at = () => [Number(active().closest<HTMLElement>('[data-r]')!.dataset['r']), Number(active().dataset['c'])];
      $<HTMLElement>(el, '.header [data-c="1"]').focus();
      await userEvent.keyboard('{ArrowDown}');
      expect(at()).to.deep.equal([0, 1]);
      await userEvent.keyboard('{ArrowRight}{ArrowRight}');
      expect(at()).to.deep.equal([0, 3]);
      expect($$(el, '[role=grid] [tabindex="0"]')).to.have.length(1);
      await userEvent.keyboard('{End}');
      expect(at()[1]).to.equal($$(el, '.header [role=columnheader]').length - 1);
      await userEvent.keyboard('{Home}');
      expect(at()).to.deep.equal([0, 0]);
      await userEvent.keyboard('{PageDown}');
      expect(at()[0]).to.be.greaterThan(5);
      await userEvent.keyboard('{Control>}{End}{/Control}');
      await until(() => at()[0] === 499 && !!active().closest('[data-id]'), 'last row loaded and focused');
      expect(active().closest('[role=row]')!.getAttribute('aria-rowindex')).to.equal('501');
      await userEvent.keyboard('{Control>}{Home}{/Control}');
      expect(at()).to.deep.equal([0, 0]);
      await userEvent.keyboard(' ');
      expect(el.selectedIds).to.deep.equal(['cus_0000000']);
      const open = oneEvent(el, 'cl-customer-open');
      await userEvent.keyboard('{Enter}');
      expect((await open).detail.id).to.equal('cus_0000000');
      await userEvent.keyboard('{PageUp}{ArrowUp}');
      expect(active().getAttribute('role')).to.equal('columnheader');
    });

    it('enters a cell with F2 to reach its buttons, and leaves with Escape', async () => {
      const fake = fakeClient({ customers: dataset() });
      const el = await mount(fake);
      const docCol = $(el, '.header [data-key=document]').dataset['c'];
      $<HTMLElement>(el, `.header [data-c="${docCol}"]`).focus();
      await userEvent.keyboard('{ArrowDown}{F2}');
      const active = () => el.shadowRoot!.activeElement as HTMLElement;
      expect(active().dataset['action']).to.equal('reveal');
      await userEvent.keyboard('{ArrowRight}');
      expect(active().dataset['action']).to.equal('copy-document');
      await userEvent.keyboard('{ArrowLeft}{Enter}');
      await until(() => fake.audit.some((a) => a.action === 'customer.reveal'), 'reveal by keyboard');
      await userEvent.keyboard('{Escape}');
      expect(active().getAttribute('role')).to.equal('gridcell');
      expect(active().dataset['c']).to.equal(docCol);
    });

    it('keeps focus on the same row while rows are recycled', async () => {
      const el = await mount(fakeClient({ count: 2000 }));
      $<HTMLElement>(el, '.header [data-c="2"]').focus();
      for (let i = 0; i < 40; i++) await userEvent.keyboard('{ArrowDown}');
      await until(() => (el.shadowRoot!.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-r]')?.dataset['r'] === '39', 'row 39 focused');
      expect((el.shadowRoot!.activeElement as HTMLElement).dataset['c']).to.equal('2');
    });
  });

  describe('virtual scrolling', () => {
    it('keeps only the visible rows in the DOM and reaches row 90,000', async () => {
      const fake = fakeClient({ count: 100_000 });
      const el = await mount(fake);
      expect(rows(el).length).to.be.lessThan(30);
      el.scrollToIndex(90_000);
      await until(() => rows(el).some((r) => r.dataset['id'] === 'cus_0090000'), 'row 90,000');
      expect($$(el, '[role=row][aria-rowindex]').length).to.be.lessThan(30);
    });

    it('jumps to row 90,000 by offset, with no long cursor walk, then continues by cursor', async () => {
      const fake = fakeClient({ count: 100_000 });
      const el = await mount(fake);
      const before = fake.calls.list.length;
      el.scrollToIndex(90_000);
      await until(() => rows(el).some((r) => r.dataset['id'] === 'cus_0090000'), 'row 90,000');
      const jump = fake.calls.list.slice(before).filter((q) => q['limit'] !== 1); // not the tab counts
      const offsets = jump.filter((q) => q['offset'] !== undefined).map((q) => q['offset'] as number);
      expect(offsets.length).to.be.greaterThan(0);
      // Page-aligned (pageSize 50, then pages of 200), and the page holding the row.
      expect(offsets.every((o) => (o - 50) % 200 === 0)).to.equal(true);
      expect(offsets.some((o) => o <= 90_000 && 90_000 < o + 200)).to.equal(true);
      expect(jump.filter((q) => q['cursor']).length, 'cursor pages').to.be.lessThan(5);
      expect(jump.length).to.be.lessThan(8);
      // A little further on: the island's cursors carry on, no new offset.
      const on = fake.calls.list.length;
      el.scrollToIndex(90_400);
      await until(() => rows(el).some((r) => r.dataset['id'] === 'cus_0090400'), 'row 90,400');
      const further = fake.calls.list.slice(on).filter((q) => q['limit'] !== 1);
      expect(further.length).to.be.greaterThan(0);
      expect(further.every((q) => q['cursor'] && q['offset'] === undefined)).to.equal(true);
      // Rows between the first page and the island stay unknown: scrolling back to the middle
      // fetches that page by offset too, not a walk from the island or from the start.
      const mid = fake.calls.list.length;
      el.scrollToIndex(40_000);
      await until(() => rows(el).some((r) => r.dataset['id'] === 'cus_0040000'), 'row 40,000');
      const back = fake.calls.list.slice(mid).filter((q) => q['limit'] !== 1);
      expect(back.some((q) => (q['offset'] as number) <= 40_000 && 40_000 < (q['offset'] as number) + 200)).to.equal(true);
      expect(back.length).to.be.lessThan(8);
    });

    it('renders a far jump once when its rows arrive before the frame (no second render in the frame that paints them)', async () => {
      const el = await mount(fakeClient({ count: 100_000 }));
      await aTimeout(300); // the parts' preload and the tab counts are done
      let updates = 0;
      const update = el['update'].bind(el);
      (el as unknown as { update(c: unknown): void }).update = (changed: unknown) => {
        updates++;
        update(changed as never);
      };
      el.scrollToIndex(60_000);
      await until(() => rows(el).some((r) => r.dataset['id'] === 'cus_0060000'), 'row 60,000');
      // Two frames: the one that paints the rows, and the next, where a frame-time render would run.
      for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(updates).to.equal(1);
      expect($$(el, '.row.skeleton').length, 'no placeholder left').to.equal(0);
    });

    it('paints placeholders at the frame when the jumped-to rows are slow, then the rows', async () => {
      let slow = false;
      const el = await mount(fakeClient({ count: 100_000, delay: () => (slow ? 300 : 0) }));
      slow = true;
      el.scrollToIndex(70_000);
      await until(() => $$(el, '.row.skeleton').some((r) => r.dataset['r'] === '70000'), 'placeholder at row 70,000');
      await until(() => rows(el).some((r) => r.dataset['id'] === 'cus_0070000'), 'row 70,000');
    });

    it('keeps the rows when a page fails during a walk, and resumes on retry', async () => {
      let failing = false;
      const el = await mount(fakeClient({ count: 20_000, fail: () => failing }));
      failing = true;
      el.scrollToIndex(15_000);
      await until(() => !!el.shadowRoot!.querySelector('.page-error'), 'page error banner');
      expect(el.shadowRoot!.querySelector('.state[part=error]'), 'no full error state').to.equal(null);
      expect($$(el, '.row.skeleton').length).to.be.greaterThan(0);
      failing = false;
      el.shadowRoot!.querySelector<HTMLButtonElement>('.page-error button')?.click();
      await until(() => rows(el).some((r) => r.dataset['id'] === 'cus_0015000'), 'row 15,000 after retry');
      expect(el.shadowRoot!.querySelector('.page-error')).to.equal(null);
    });

    it('compresses the scroll range past the browser height limit (1,000,000 rows)', async () => {
      const el = await mount(fakeClient({ count: 1_000_000 }));
      const scroller = $(el, '.scroller');
      expect(scroller.scrollHeight).to.be.lessThan(33_000_000);
      scroller.scrollTop = scroller.scrollHeight;
      await until(() => rows(el).some((r) => r.dataset['id'] === 'cus_0999999'), 'last row');
    });
  });

  it('opens a customer on click', async () => {
    const el = await mount(fakeClient({ customers: dataset() }));
    const open = oneEvent(el, 'cl-customer-open');
    (rows(el)[1]!.querySelector('[data-key=email]') as HTMLElement).click();
    expect((await open).detail.id).to.equal(rows(el)[1]!.dataset['id']);
  });

  it('speaks English and Spanish', async () => {
    const el = await mount(fakeClient({ customers: dataset() }), 'lang="en"');
    await until(() => $(el, '[data-kind=person]').textContent!.includes('Individuals'), 'English loaded');
    expect($(el, '.header [data-key=createdAt]').textContent).to.contain('Customer since');
    el.lang = 'es';
    await until(() => $(el, '[data-kind=company]').textContent!.includes('Persona jurídica'), 'Spanish loaded');
    expect($(el, '.header [data-key=totalSpent]').textContent).to.contain('Total gastado');
  });
});
