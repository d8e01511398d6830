import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
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
  add('c_auto', 'Vitalícios', 'active', 4);
  Object.assign(store.get('c_auto'), { rule: 'spent-min-500001', discountPercent: 12.5 });
  const ifMatches: (string | null)[] = [];
  const posted: any[] = [];
  const patched: any[] = [];
  const figures = (id: string, o: Partial<Record<string, unknown>> = {}) => ({
    categoryId: id, members: store.get(id).customerCount, ordersCount: 0, totalSpentCents: 0, averageTicketCents: null, ordersLast30Days: 0, ordersPrevious30Days: 0, trend: null, ...o,
  });
  const { client } = fakeClient({
    'GET /categories': () => json({ items: [...store.values()] }),
    'GET /categories/figures': () =>
      json({
        at: now,
        items: [...store.keys()].map((id) =>
          id === 'c_vip' ? figures(id, { ordersCount: 20, totalSpentCents: 2_469_120, averageTicketCents: 123_456, ordersLast30Days: 5, ordersPrevious30Days: 4, trend: 0.25 }) : figures(id),
        ),
      }),
    'POST /categories': async (req) => {
      const body = await req.json();
      posted.push(body);
      if ([...store.values()].some((c) => c.name.toLowerCase() === body.name.toLowerCase())) {
        return problem(409, { title: 'Já existe uma categoria com este nome.', errors: [{ path: 'name', code: 'duplicate_name', message: 'Já existe uma categoria com este nome.' }] });
      }
      const id = `c_${store.size + 1}`;
      add(id, body.name);
      Object.assign(store.get(id), body);
      return json(store.get(id), 201);
    },
    'PATCH /categories/:id': async (req) => {
      const c = store.get(req.path.split('/')[2]!);
      ifMatches.push(req.request.headers.get('if-match'));
      if (req.request.headers.get('if-match') !== `"${c.version}"`) return problem(412, { title: 'Versão desatualizada.' });
      const body = await req.json();
      patched.push(body);
      Object.assign(c, body, { version: c.version + 1 });
      for (const [k, v] of Object.entries(body)) if (v === null) delete c[k];
      return json(c);
    },
  });
  return { client, store, ifMatches, posted, patched };
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
    expect(rows(el).find((r) => r.startsWith('Antiga'))).to.contain('Inativa');
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

  it('shows each category’s figures from one request (money, trend and discount through Intl), and an automatic one’s rule in plain words', async () => {
    const { el } = await mount();
    await settle(el);
    const vip = rows(el).find((r) => r.startsWith('VIP'))!;
    expect(vip).to.contain('R$ 24.691,20').and.contain('R$ 1.234,56').and.contain('+25%');
    const auto = rows(el).find((r) => r.includes('Vitalícios'))!;
    expect(auto).to.contain('automática').and.contain('Regra: Gastou R$ 5.000,01 ou mais').and.contain('12,5%');
    // The trend says what it compares.
    expect($(el, 'td.trend').getAttribute('title')).to.equal('5 pedidos nos últimos 30 dias, 4 nos 30 dias anteriores');
  });

  it('creates an automatic category: the rule built in <cl-filter-builder>, read back in plain pt-BR, sent with the discount', async () => {
    const { el, posted } = await mount();
    $(el, '#new-automatic').focus();
    await userEvent.keyboard(' ');
    await waitUntil(() => el.shadowRoot!.querySelector('cl-filter-builder'), 'the builder is not shown');
    await settle(el);
    const builder = el.shadowRoot!.querySelector<HTMLElement & { value: string }>('cl-filter-builder')!;
    expect(builder, 'the builder is not shown').to.exist;
    expect(builder.shadowRoot!.querySelector('[part=views]'), 'a rule has no saved views').to.equal(null);
    await expect(el).to.be.accessible();
    $(el, '#new-name').focus();
    await userEvent.keyboard('VIP ouro');
    $(el, '#new-discount').focus();
    await userEvent.keyboard('10');
    $(el, 'button[type=submit]').click();
    await settle(el);
    expect($(el, '#new-error').textContent).to.equal('Adicione pelo menos uma condição à regra.');
    builder.value = 'spent-min-500001';
    builder.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settle(el);
    expect($(el, '.rule-text').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Regra: Gastou R$ 5.000,01 ou mais');
    $(el, 'button[type=submit]').click();
    await settle(el);
    expect(posted.at(-1)).to.deep.equal({ name: 'VIP ouro', color: '#0b5cad', discountPercent: 10, rule: 'spent-min-500001' });
    expect(el.shadowRoot!.querySelector('cl-filter-builder')).to.equal(null);
  });

  it('edits an automatic category’s rule with If-Match, and a discount inline', async () => {
    const { el, patched, ifMatches } = await mount();
    $(el, '[data-rule=c_auto]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#rule-panel cl-filter-builder'), 'the builder is not shown');
    await settle(el);
    const builder = el.shadowRoot!.querySelector<HTMLElement & { value: string }>('#rule-panel cl-filter-builder')!;
    expect(builder.value).to.equal('spent-min-500001');
    expect($(el, '#rule-title').textContent).to.equal('Regra de Vitalícios');
    await expect(el).to.be.accessible();
    builder.value = 'spent-min-1000000.uf-SP';
    builder.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await settle(el);
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('#rule-panel button')].find((b) => b.textContent === 'Salvar regra')!.click();
    await settle(el);
    expect(patched.at(-1)).to.deep.equal({ rule: 'spent-min-1000000.uf-SP' });
    expect(ifMatches.at(-1)).to.equal('"1"');
    expect(el.shadowRoot!.querySelector('#rule-panel')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-rule')).to.equal('c_auto');

    $(el, '[data-edit=c_vip]').click();
    await el.updateComplete;
    const discount = el.shadowRoot!.querySelector<HTMLInputElement>('tbody input[type=number]')!;
    discount.focus();
    await userEvent.keyboard('7{Enter}');
    await settle(el);
    expect(patched.at(-1)).to.deep.equal({ discountPercent: 7 });
  });

  it('speaks English and Spanish', async () => {
    const { el } = await mount();
    el.locale = 'en';
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Average ticket') && el.shadowRoot!.textContent!.includes('Rule: Spent'), 'not in English', { timeout: 5000 });
    el.locale = 'es';
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Ticket medio') && el.shadowRoot!.textContent!.includes('Regla: Gastó'), 'not in Spanish', { timeout: 5000 });
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
