import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem } from '../internal/test-helpers.js';
import './category-picker.js';
import type { CategoryPicker } from './category-picker.component.js';

const now = '2026-11-22T10:00:00.000Z';
const cat = (id: string, name: string, status: 'active' | 'inactive' = 'active') => ({
  id, name, color: '#7c3aed', status, customerCount: 2, createdAt: now, updatedAt: now, version: 1,
});
const items = () => [cat('c_vip', 'VIP'), cat('c_ata', 'Atacado'), cat('c_var', 'Varejo'), cat('c_old', 'Antiga', 'inactive'), { ...cat('c_auto', 'Grandes compradores'), rule: 'spent-min-500001' }];

function api() {
  const created: unknown[] = [];
  const { client } = fakeClient({
    'GET /categories': () => json({ items: items() }),
    'POST /categories': async (req) => {
      const body = await req.json();
      if (body.name.toLowerCase() === 'vip2') return problem(409, { title: 'Já existe uma categoria com este nome.' });
      created.push(body);
      return json(cat('c_new', body.name), 201);
    },
  });
  return { client, created };
}

async function mount(attrs: { multiple?: boolean; allowCreate?: boolean; value?: string } = {}) {
  const { client, created } = api();
  const el = await fixture<CategoryPicker>(
    html`<cl-category-picker locale="pt-BR" ?multiple=${attrs.multiple ?? true} ?allow-create=${attrs.allowCreate ?? false} value=${attrs.value ?? ''} .client=${client}></cl-category-picker>`,
  );
  await new Promise((r) => setTimeout(r, 10));
  await el.updateComplete;
  return { el, created };
}
const $ = (el: CategoryPicker, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel)!;
const $$ = (el: CategoryPicker, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const combo = (el: CategoryPicker) => $(el, 'input[role=combobox]') as HTMLInputElement;

describe('<cl-category-picker>', () => {
  it('shows an automatic category as such, without a remove button, and never offers it', async () => {
    const { el } = await mount({ value: 'c_vip,c_auto' });
    const chip = $$(el, '[part~=chip]').find((c) => c.textContent!.includes('Grandes compradores'))!;
    expect(chip.textContent!.replace(/\s+/g, ' ')).to.contain('Grandes compradores (automática)');
    expect(chip.querySelector('button')).to.equal(null);
    expect(chip.getAttribute('title')).to.equal('Categoria automática: os clientes entram e saem pela regra, não à mão.');
    el.focus();
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect($$(el, '[role=option]').map((o) => o.textContent!.trim()).sort()).to.deep.equal(['Atacado', 'VIP', 'Varejo']);
    await userEvent.keyboard('grandes');
    await el.updateComplete;
    expect($$(el, '[role=option]').map((o) => o.textContent!.trim())).to.deep.equal(['Nenhuma categoria encontrada']);
    await expect(el).to.be.accessible();
    // Backspace removes the last chip a person may remove: VIP, not the automatic one after it.
    combo(el).value = '';
    combo(el).dispatchEvent(new Event('input'));
    await el.updateComplete;
    await userEvent.keyboard('{Backspace}');
    await el.updateComplete;
    expect(el.value).to.deep.equal(['c_auto']);
    await userEvent.keyboard('{Backspace}');
    await el.updateComplete;
    expect(el.value).to.deep.equal(['c_auto']);
  });

  it('is accessible empty, with chips, open, and creating', async () => {
    const { el } = await mount({ value: 'c_vip,c_old', allowCreate: true });
    await expect(el).to.be.accessible();
    el.focus();
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await userEvent.keyboard('Outra{ArrowUp}{Enter}');
    await el.updateComplete;
    expect($(el, '#new-name')).to.exist;
    await expect(el).to.be.accessible();
    const empty = (await mount()).el;
    await expect(empty).to.be.accessible();
  });

  it('follows the ARIA 1.2 combobox pattern', async () => {
    const { el } = await mount();
    const input = combo(el);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.getAttribute('aria-controls')).to.equal('listbox');
    el.focus();
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(input.getAttribute('aria-activedescendant')).to.equal('opt-0');
    expect($(el, '#listbox').getAttribute('aria-multiselectable')).to.equal('true');
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('offers only active categories; an inactive one already chosen stays, marked, removable, not re-addable', async () => {
    const { el } = await mount({ value: 'c_old' });
    const chip = $(el, '[part~=chip]');
    expect(chip.textContent).to.contain('Antiga');
    expect(chip.textContent).to.contain('inativa');
    el.focus();
    await userEvent.keyboard('{ArrowDown}');
    await el.updateComplete;
    const names = $$(el, '[role=option]').map((o) => o.textContent!.trim());
    expect(names).to.deep.equal(['VIP', 'Atacado', 'Varejo']);
    await userEvent.keyboard('antiga');
    await el.updateComplete;
    expect($$(el, '[role=option]')[0]!.getAttribute('aria-disabled')).to.equal('true');
    $(el, '[part~=chip] button').click();
    await el.updateComplete;
    expect(el.value).to.deep.equal([]);
  });

  it('is complete by keyboard: filter, arrows, Enter, Backspace removes the last chip; fires change', async () => {
    const { el } = await mount();
    el.focus();
    await userEvent.keyboard('var');
    await el.updateComplete;
    expect($$(el, '[role=option]').length).to.equal(1);
    const change = oneEvent(el, 'change');
    await userEvent.keyboard('{Enter}');
    await change;
    expect(el.value).to.deep.equal(['c_var']);
    expect(combo(el).value).to.equal('');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await el.updateComplete;
    expect(el.value).to.deep.equal(['c_var', 'c_ata']);
    await userEvent.keyboard('{Escape}{Backspace}');
    await el.updateComplete;
    expect(el.value).to.deep.equal(['c_var']);
  });

  it('single mode replaces the choice and closes', async () => {
    const { el } = await mount({ multiple: false });
    el.focus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await el.updateComplete;
    expect(el.value).to.deep.equal(['c_vip']);
    expect(combo(el).getAttribute('aria-expanded')).to.equal('false');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await el.updateComplete;
    expect(el.value).to.deep.equal(['c_ata']);
  });

  it('works in a plain <form>: one FormData entry per id, reset restores, required blocks', async () => {
    const { client } = api();
    const form = await fixture<HTMLFormElement>(
      html`<form><cl-category-picker locale="pt-BR" multiple name="cats" value="c_vip" .client=${client}></cl-category-picker></form>`,
    );
    const el = form.querySelector('cl-category-picker')!;
    await new Promise((r) => setTimeout(r, 10));
    el.value = ['c_vip', 'c_ata'];
    await el.updateComplete;
    expect(new FormData(form).getAll('cats')).to.deep.equal(['c_vip', 'c_ata']);
    form.reset();
    await el.updateComplete;
    expect(new FormData(form).getAll('cats')).to.deep.equal(['c_vip']);
    el.required = true;
    el.value = [];
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
  });

  it('creates a category inline (name + colour) with allow-create, and shows the server refusal', async () => {
    const { el, created } = await mount({ allowCreate: true });
    el.focus();
    await userEvent.keyboard('Revenda');
    await el.updateComplete;
    const options = $$(el, '[role=option]');
    expect(options.at(-1)!.textContent).to.contain('Criar categoria “Revenda”');
    await userEvent.keyboard('{ArrowUp}{Enter}');
    await el.updateComplete;
    expect(($(el, '#new-name') as HTMLInputElement).value).to.equal('Revenda');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#new-name'));
    const change = oneEvent(el, 'change');
    await userEvent.keyboard('{Enter}');
    await change;
    expect(created).to.deep.equal([{ name: 'Revenda', color: '#0b5cad' }]);
    expect(el.value).to.deep.equal(['c_new']);
    await userEvent.keyboard('vip2{ArrowUp}{Enter}');
    await el.updateComplete;
    await userEvent.keyboard('{Enter}');
    await new Promise((r) => setTimeout(r, 10));
    await el.updateComplete;
    expect($(el, '#new-error').textContent).to.contain('Já existe');
  });
});
