import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem } from '../internal/test-helpers.js';
import './category-manager.js';
import type { CategoryManager } from './category-manager.component.js';

const now = '2026-11-22T10:00:00.000Z';

function api() {
  const store = new Map<string, any>();
  const add = (id: string, name: string, status = 'active', customerCount = 0) =>
    store.set(id, { id, name, color: '#7c3aed', status, customerCount, createdAt: now, updatedAt: now, version: 1 });
  add('c_vip', 'VIP', 'active', 12);
  add('c_old', 'Antiga', 'inactive', 3);
  const ifMatches: (string | null)[] = [];
  const { client } = fakeClient({
    'GET /categories': () => json({ items: [...store.values()] }),
    'POST /categories': async (req) => {
      const body = await req.json();
      if ([...store.values()].some((c) => c.name.toLowerCase() === body.name.toLowerCase())) {
        return problem(409, { title: 'Já existe uma categoria com este nome.', errors: [{ path: 'name', code: 'duplicate_name', message: 'Já existe uma categoria com este nome.' }] });
      }
      const id = `c_${store.size + 1}`;
      add(id, body.name);
      store.get(id).color = body.color;
      return json(store.get(id), 201);
    },
    'PATCH /categories/:id': async (req) => {
      const c = store.get(req.path.split('/')[2]!);
      ifMatches.push(req.request.headers.get('if-match'));
      if (req.request.headers.get('if-match') !== `"${c.version}"`) return problem(412, { title: 'Versão desatualizada.' });
      Object.assign(c, await req.json(), { version: c.version + 1 });
      return json(c);
    },
  });
  return { client, store, ifMatches };
}

async function mount() {
  const server = api();
  const el = await fixture<CategoryManager>(html`<cl-category-manager locale="pt-BR" .client=${server.client}></cl-category-manager>`);
  await new Promise((r) => setTimeout(r, 10));
  await el.updateComplete;
  return { el, ...server };
}
const $ = (el: CategoryManager, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s)!;
const rows = (el: CategoryManager) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
const settle = async (el: CategoryManager) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 5));
    await el.updateComplete;
  }
};

describe('<cl-category-manager>', () => {
  it('is accessible: list, editing, errors', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
    $(el, 'button[type=submit]').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    $(el, '[data-edit=c_vip]').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('lists colour, name, status and customer count, and explains why there is no delete', async () => {
    const { el } = await mount();
    expect(rows(el)[0]).to.contain('VIP').and.contain('Ativa').and.contain('12');
    expect(rows(el)[1]).to.contain('Antiga').and.contain('Inativa');
    expect($(el, '.note').textContent).to.contain('não são excluídas');
    expect([...el.shadowRoot!.querySelectorAll('button')].some((b) => /excluir/i.test(b.textContent!))).to.equal(false);
  });

  it('creates with the keyboard (name required), and shows the server refusal of a duplicate name', async () => {
    const { el, store } = await mount();
    $(el, '#new-name').focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect($(el, '#new-error').textContent).to.equal('Campo obrigatório.');
    await userEvent.keyboard('Revenda{Enter}');
    await settle(el);
    expect([...store.values()].map((c) => c.name)).to.include('Revenda');
    expect($(el, '[role=status]').textContent).to.contain('criada');
    $(el, '#new-name').focus();
    await userEvent.keyboard('vip{Enter}');
    await settle(el);
    expect($(el, '#new-error').textContent).to.contain('Já existe uma categoria');
    expect($(el, '#new-name').getAttribute('aria-invalid')).to.equal('true');
  });

  it('renames and recolours with If-Match, inactivates and reactivates', async () => {
    const { el, store, ifMatches } = await mount();
    $(el, '[data-edit=c_vip]').click();
    await el.updateComplete;
    const name = $(el, '#edit-name') as HTMLInputElement;
    name.value = 'Clientes VIP';
    const color = el.shadowRoot!.querySelector<HTMLInputElement>('tbody input[type=color]')!;
    color.value = '#ff0000';
    name.focus();
    const changed = oneEvent(el, 'change');
    await userEvent.keyboard('{Enter}');
    await changed;
    await settle(el);
    expect(store.get('c_vip')).to.include({ name: 'Clientes VIP', color: '#ff0000', version: 2 });
    expect(ifMatches).to.deep.equal(['"1"']);
    const toggle = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button')].find((b) => /Inativar Clientes VIP/.test(b.textContent!.replace(/\s+/g, ' ')))!;
    toggle().click();
    await settle(el);
    expect(store.get('c_vip').status).to.equal('inactive');
    const reactivate = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button')].find((b) => /Reativar Clientes VIP/.test(b.textContent!.replace(/\s+/g, ' ')))!;
    reactivate.click();
    await settle(el);
    expect(store.get('c_vip').status).to.equal('active');
  });

  it('on 412 reloads the list and says so', async () => {
    const { el, store } = await mount();
    store.get('c_vip').version = 5;
    store.get('c_vip').name = 'VIP Ouro';
    const inactivate = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody button')].find((b) => /Inativar/.test(b.textContent!))!;
    inactivate.click();
    await settle(el);
    expect($(el, '[role=status]').textContent).to.contain('alterada por outra pessoa');
    expect(rows(el)[0]).to.contain('VIP Ouro');
    expect(store.get('c_vip').status).to.equal('active');
    await expect(el).to.be.accessible();
  });
});
