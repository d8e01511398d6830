import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem } from '../internal/test-helpers.js';
import './unit-manager.js';
import type { UnitManager } from './unit-manager.component.js';

const now = '2026-11-22T10:00:00.000Z';

function api(options: { locale?: string } = {}) {
  const store = new Map<string, any>();
  const add = (id: string, name: string, status = 'active') => store.set(id, { id, name, status, createdAt: now, updatedAt: now, version: 1 });
  add('loja_online', 'Loja online');
  add('loja_centro', 'Loja Rua Augusta');
  add('quiosque', 'Quiosque Aeroporto', 'inactive');
  const ifMatches: (string | null)[] = [];
  const posted: any[] = [];
  const { client } = fakeClient(
    {
      'GET /units': () => json({ items: [...store.values()] }),
      'POST /units': async (req) => {
        const body = await req.json();
        posted.push(body);
        const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
        if ([...store.values()].some((u) => fold(u.name) === fold(body.name))) {
          return problem(409, { title: 'Unidade já cadastrada', errors: [{ path: 'name', code: 'duplicate_unit_name', message: 'Já existe uma unidade com este nome.' }] });
        }
        const id = body.id ?? fold(body.name).replace(/[^a-z0-9]+/g, '_');
        add(id, body.name);
        return json(store.get(id), 201);
      },
      'PATCH /units/:id': async (req) => {
        const u = store.get(req.path.split('/')[2]!);
        ifMatches.push(req.request.headers.get('if-match'));
        if (req.request.headers.get('if-match') !== `"${u.version}"`) return problem(412, { title: 'Versão desatualizada.' });
        Object.assign(u, await req.json(), { version: u.version + 1 });
        return json(u);
      },
    },
    options,
  );
  return { client, store, ifMatches, posted };
}

async function mount(locale = 'pt-BR') {
  const server = api({ locale });
  const el = await fixture<UnitManager>(html`<cl-unit-manager locale=${locale} .client=${server.client}></cl-unit-manager>`);
  await settle(el);
  return { el, ...server };
}
const $ = (el: UnitManager, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s)!;
const rows = (el: UnitManager) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
async function settle(el: UnitManager) {
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setTimeout(r, 5));
    await el.updateComplete;
  }
}

describe('<cl-unit-manager>', () => {
  it('is accessible: list, a create error, renaming', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
    $(el, 'button[type=submit]').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    $(el, '[data-edit=loja_centro]').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('lists name, code and status, active units first by name, and explains why a unit is not deleted', async () => {
    const { el } = await mount();
    expect(rows(el)).to.deep.equal(['Loja online loja_online Ativa Renomear Inativar Loja online', 'Loja Rua Augusta loja_centro Ativa Renomear Inativar Loja Rua Augusta', 'Quiosque Aeroporto quiosque Inativa Renomear Reativar Quiosque Aeroporto']);
    expect($(el, '.note').textContent).to.contain('não é excluída');
    expect([...el.shadowRoot!.querySelectorAll('button')].some((b) => /excluir/i.test(b.textContent!))).to.equal(false);
  });

  it('creates with the keyboard (name required, code optional), and shows the server refusal of a name held ignoring accents', async () => {
    const { el, store, posted } = await mount();
    $(el, '#new-name').focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect($(el, '#new-error').textContent).to.equal('Campo obrigatório.');
    await userEvent.keyboard('Loja Shopping Ibirapuera');
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('ibira{Enter}');
    await settle(el);
    expect(posted.at(-1)).to.deep.equal({ name: 'Loja Shopping Ibirapuera', id: 'ibira' });
    expect(store.get('ibira').name).to.equal('Loja Shopping Ibirapuera');
    expect($(el, '[role=status]').textContent).to.equal('Unidade “Loja Shopping Ibirapuera” criada.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('new-name');
    await userEvent.keyboard('loja RUA augústa{Enter}');
    await settle(el);
    expect($(el, '#new-error').textContent).to.equal('Já existe uma unidade com este nome.');
    expect($(el, '#new-name').getAttribute('aria-invalid')).to.equal('true');
  });

  it('renames with If-Match by keyboard (Escape cancels), inactivates and reactivates, firing change', async () => {
    const { el, store, ifMatches } = await mount();
    $(el, '[data-edit=loja_centro]').click();
    await el.updateComplete;
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('#edit-name')).to.equal(null);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-edit')).to.equal('loja_centro');
    $(el, '[data-edit=loja_centro]').click();
    await el.updateComplete;
    await userEvent.keyboard('Loja Centro{Enter}');
    await settle(el);
    expect(store.get('loja_centro')).to.include({ name: 'Loja Centro', version: 2 });
    expect(ifMatches).to.deep.equal(['"1"']);
    const changed = oneEvent(el, 'change');
    $(el, '[data-status=loja_centro]').click();
    await changed;
    await settle(el);
    expect(store.get('loja_centro').status).to.equal('inactive');
    expect($(el, '[role=status]').textContent).to.equal('Unidade “Loja Centro” inativada.');
    $(el, '[data-status=loja_centro]').click();
    await settle(el);
    expect(store.get('loja_centro').status).to.equal('active');
  });

  it('reloads and says so when someone else changed the unit (412)', async () => {
    const { el, store } = await mount();
    store.get('loja_online').version = 5;
    $(el, '[data-status=loja_online]').click();
    await settle(el);
    expect($(el, '[role=status]').textContent).to.contain('alterada por outra pessoa');
  });

  it('speaks English and Spanish', async () => {
    const en = (await mount('en')).el;
    await waitUntil(() => $(en, 'h2').textContent === 'Units', 'the English words did not load');
    expect($(en, 'h2').textContent).to.equal('Units');
    expect(rows(en)[0]).to.contain('Active').and.contain('Rename');
    const es = (await mount('es')).el;
    await waitUntil(() => rows(es)[2]?.includes('Inactiva'), 'the Spanish words did not load');
    expect($(es, 'h2').textContent).to.equal('Unidades');
    expect(rows(es)[2]).to.contain('Inactiva').and.contain('Reactivar');
  });
});
