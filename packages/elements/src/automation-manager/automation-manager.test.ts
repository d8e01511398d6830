import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem } from '../internal/test-helpers.js';
import './automation-manager.js';
import type { AutomationManager } from './automation-manager.component.js';

const now = '2026-11-22T10:00:00.000Z';
const figures = (sent = 0, delivered = 0, orders = 0) => ({ occasions: sent, sent, delivered, failed: 0, skipped: 0, orders });

function api(options: { locale?: string } = {}) {
  const store = new Map<string, any>();
  const add = (flow: Record<string, unknown>) => store.set(flow['id'] as string, { filter: '', delayHours: 0, channel: 'email', enabled: true, figures: figures(), createdAt: now, updatedAt: now, version: 1, ...flow });
  add({ id: 'aut_1', name: 'Aniversário', trigger: { type: 'birthday' }, subject: 'Parabéns', text: 'Feliz aniversário, {{primeiroNome}}!', figures: figures(1234, 1200, 17) });
  add({ id: 'aut_2', name: 'Volte sempre', trigger: { type: 'no_purchase', days: 90 }, channel: 'whatsapp', text: 'Sentimos sua falta', enabled: false });
  const posted: any[] = [];
  const patched: { id: string; ifMatch: string | null; body: any }[] = [];
  const deleted: { id: string; ifMatch: string | null }[] = [];
  const { client, calls } = fakeClient(
    {
      'GET /automations': () => json({ items: [...store.values()] }),
      'POST /automations': async (req) => {
        const body = await req.json();
        posted.push(body);
        if (body.filter === 'nada-disso') return problem(422, { title: 'Dados inválidos', errors: [{ path: 'filter', code: 'invalid_filter', message: 'Filtro inválido perto de “nada-disso”.' }] });
        const id = `aut_${store.size + 1}`;
        add({ ...body, id });
        return json(store.get(id), 201);
      },
      'PATCH /automations/:id': async (req) => {
        const flow = store.get(req.path.split('/')[2]!);
        const body = await req.json();
        patched.push({ id: flow.id, ifMatch: req.request.headers.get('if-match'), body });
        if (req.request.headers.get('if-match') !== `"${flow.version}"`) return problem(412, { title: 'Versão desatualizada.' });
        Object.assign(flow, body, { version: flow.version + 1 });
        if (body.subject === null) delete flow.subject;
        return json(flow);
      },
      'DELETE /automations/:id': async (req) => {
        const flow = store.get(req.path.split('/')[2]!);
        deleted.push({ id: flow.id, ifMatch: req.request.headers.get('if-match') });
        if (req.request.headers.get('if-match') !== `"${flow.version}"`) return problem(412, { title: 'Versão desatualizada.' });
        store.delete(flow.id);
        return new Response(null, { status: 204 });
      },
      'POST /automations/preview': async (req) => {
        const body = await req.json();
        return json(body.automationId === 'aut_1' ? { count: 2, excluded: 1, sample: [{ customerId: 'c1', name: 'Ana Souza' }, { customerId: 'c2', name: 'Bruno Lima' }] } : { count: 0, excluded: 0, sample: [] });
      },
    },
    options,
  );
  return { client, calls, store, posted, patched, deleted };
}

async function loaded(el: AutomationManager) {
  await waitUntil(() => el.flows !== undefined, 'the list did not load');
  await el.updateComplete;
}

const $ = <T extends Element = HTMLElement>(el: AutomationManager, sel: string) => el.shadowRoot!.querySelector(sel) as T;
const button = (el: AutomationManager, text: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;
/** What a person's edit in the filter builder does: its value changes and it fires \`change\`. */
function setFilter(el: AutomationManager, value: string) {
  const builder = $<HTMLElement & { value: string }>(el, '#f-filter');
  builder.value = value;
  builder.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}
const rows = (el: AutomationManager) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));

describe('<cl-automation-manager>', () => {
  it('is accessible with flows, while editing and with errors', async () => {
    const { client } = api();
    const el = await fixture<AutomationManager>(html`<cl-automation-manager lang="pt-BR" .client=${client}></cl-automation-manager>`);
    await loaded(el);
    await expect(el).to.be.accessible();
    button(el, 'Criar automação').click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('lists each flow with its trigger, channel, switch and figures through Intl', async () => {
    const { client } = api();
    const el = await fixture<AutomationManager>(html`<cl-automation-manager lang="pt-BR" .client=${client}></cl-automation-manager>`);
    await loaded(el);
    expect(rows(el)).to.deep.equal([
      ['Aniversário', 'No aniversário', 'E-mail', 'Ligada', 'Enviadas1.234 Entregues1.200 Pedidos em 7 dias17', 'Editar Quem receberia agora Excluir'],
      ['Volte sempre', 'Sem compra há 90 dias', 'WhatsApp', 'Pausada', 'Enviadas0 Entregues0 Pedidos em 7 dias0', 'Editar Quem receberia agora Excluir'],
    ]);
    const switches = [...el.shadowRoot!.querySelectorAll('[role=switch]')];
    expect(switches.map((s) => [s.getAttribute('aria-checked'), s.getAttribute('aria-label')])).to.deep.equal([
      ['true', 'Ligar “Aniversário”'],
      ['false', 'Ligar “Volte sempre”'],
    ]);
  });

  it('pauses and turns on a flow with If-Match, and says so', async () => {
    const { client, patched } = api();
    const el = await fixture<AutomationManager>(html`<cl-automation-manager lang="pt-BR" .client=${client}></cl-automation-manager>`);
    await loaded(el);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    $<HTMLButtonElement>(el, '[data-switch=aut_1]').click();
    await waitUntil(() => $(el, '[data-switch=aut_1]').getAttribute('aria-checked') === 'false', 'not paused');
    expect(patched[0]).to.deep.equal({ id: 'aut_1', ifMatch: '"1"', body: { enabled: false } });
    expect($(el, '.status').textContent).to.equal('Automação “Aniversário” pausada.');
    expect(changes).to.equal(1);
  });

  it('creates a flow: the trigger asks for its parameter, e-mail for a subject; refusals land on their fields', async () => {
    const { client, posted } = api();
    const el = await fixture<AutomationManager>(html`<cl-automation-manager lang="pt-BR" .client=${client}></cl-automation-manager>`);
    await loaded(el);
    button(el, 'Criar automação').click();
    await el.updateComplete;
    expect($(el, '#f-name-error').textContent).to.equal('Campo obrigatório.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#f-name'));
    expect(posted).to.deep.equal([]);

    const select = $<HTMLSelectElement>(el, '#f-trigger');
    select.value = 'cart_abandoned';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, 'label[for=f-parameter]').textContent).to.equal('Horas');
    expect($<HTMLInputElement>(el, '#f-parameter').value).to.equal('3');
    $<HTMLInputElement>(el, '#f-name').value = 'Carrinho';
    $<HTMLInputElement>(el, '#f-subject').value = 'Esqueceu algo?';
    $<HTMLTextAreaElement>(el, '#f-text').value = 'Oi {{primeiroNome}}, seu carrinho espera.';
    setFilter(el, 'nada-disso');
    button(el, 'Criar automação').click();
    await waitUntil(() => $(el, '#f-filter-error').textContent !== '', 'the refusal did not show');
    expect($(el, '#f-filter-error').textContent).to.equal('Filtro inválido perto de “nada-disso”.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#f-filter'));

    setFilter(el, 'uf-SP');
    await el.updateComplete;
    expect($(el, '#f-filter-text').textContent).to.equal('Quem entra: UF: SP.');
    button(el, 'Criar automação').click();
    await waitUntil(() => rows(el).length === 3, 'not listed');
    expect(posted[1]).to.deep.equal({
      name: 'Carrinho', trigger: { type: 'cart_abandoned', hours: 3 }, filter: 'uf-SP', delayHours: 0, channel: 'email', subject: 'Esqueceu algo?', text: 'Oi {{primeiroNome}}, seu carrinho espera.', enabled: true,
    });
    expect(rows(el)[2]!.slice(0, 4)).to.deep.equal(['Carrinho', 'Carrinho abandonado há 3 horas', 'E-mail', 'Ligada']);
    expect($(el, '.status').textContent).to.equal('Automação “Carrinho” criada.');
  });

  it('edits a flow with the values it has, and changing to SMS drops the subject', async () => {
    const { client, patched } = api();
    const el = await fixture<AutomationManager>(html`<cl-automation-manager lang="pt-BR" .client=${client}></cl-automation-manager>`);
    await loaded(el);
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('tbody tr')[0]!.querySelector<HTMLButtonElement>('button:not([role=switch])')!.click();
    await el.updateComplete;
    await aTimeout(0);
    expect($(el, '#form-title').textContent).to.equal('Editar “Aniversário”');
    expect($<HTMLInputElement>(el, '#f-name').value).to.equal('Aniversário');
    expect($<HTMLTextAreaElement>(el, '#f-text').value).to.equal('Feliz aniversário, {{primeiroNome}}!');
    const channel = $<HTMLSelectElement>(el, '#f-channel');
    channel.value = 'sms';
    channel.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($(el, '#f-subject')).to.equal(null);
    button(el, 'Salvar').click();
    await waitUntil(() => patched.length === 1, 'not saved');
    expect(patched[0]!.ifMatch).to.equal('"1"');
    expect(patched[0]!.body).to.deep.include({ channel: 'sms', subject: null, name: 'Aniversário' });
  });

  it('deletes a flow only after confirming in a modal dialog (keyboard, axe), with If-Match; Cancelar and Escape keep it', async () => {
    const { client, deleted } = api();
    const el = await fixture<AutomationManager>(html`<cl-automation-manager lang="pt-BR" .client=${client}></cl-automation-manager>`);
    await loaded(el);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    const remove = $<HTMLButtonElement>(el, '[data-delete=aut_2]');
    expect(remove.getAttribute('aria-label')).to.equal('Excluir “Volte sempre”');
    remove.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = $<HTMLDialogElement>(el, 'dialog.confirm');
    await waitUntil(() => dialog.open, 'no confirmation');
    expect($(el, '#confirm-title').textContent).to.equal('Excluir a automação “Volte sempre”?');
    expect($(el, '#confirm-text').textContent).to.equal('Ela deixa de enviar. As mensagens que já enviou continuam em Mensagens.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-cancel]'));
    await expect(el).to.be.accessible();
    await userEvent.keyboard('{Escape}');
    await waitUntil(() => !dialog.open, 'Escape did not close');
    await waitUntil(() => el.shadowRoot!.activeElement === remove, 'focus did not return');
    expect(deleted).to.deep.equal([]);

    remove.click();
    await waitUntil(() => dialog.open, 'no confirmation');
    $<HTMLButtonElement>(el, '[data-cancel]').click();
    await waitUntil(() => !dialog.open, 'Cancelar did not close');
    expect(deleted).to.deep.equal([]);
    expect(rows(el)).to.have.length(2);

    remove.click();
    await waitUntil(() => dialog.open, 'no confirmation');
    $<HTMLButtonElement>(el, '[data-confirm]').focus();
    await userEvent.keyboard('{Enter}');
    await waitUntil(() => rows(el).length === 1, 'not deleted');
    expect(deleted).to.deep.equal([{ id: 'aut_2', ifMatch: '"1"' }]);
    expect(dialog.open).to.equal(false);
    expect($(el, '.status').textContent).to.equal('Automação “Volte sempre” excluída. As mensagens já enviadas continuam em Mensagens.');
    expect(changes).to.equal(1);
  });

  it('says when a flow changed elsewhere before the delete (412): nothing deleted, the list reloaded', async () => {
    const { client, store, deleted } = api();
    const el = await fixture<AutomationManager>(html`<cl-automation-manager lang="pt-BR" .client=${client}></cl-automation-manager>`);
    await loaded(el);
    store.get('aut_1').version = 2;
    $<HTMLButtonElement>(el, '[data-delete=aut_1]').click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog.confirm').open, 'no confirmation');
    $<HTMLButtonElement>(el, '[data-confirm]').click();
    await waitUntil(() => $(el, '.status').textContent !== '', 'no status');
    expect(deleted).to.deep.equal([{ id: 'aut_1', ifMatch: '"1"' }]);
    expect($(el, '.status').textContent).to.contain('alterada por outra pessoa');
    expect(rows(el)).to.have.length(2);
  });

  it('shows who would receive a flow now, by name', async () => {
    const { client } = api();
    const el = await fixture<AutomationManager>(html`<cl-automation-manager lang="pt-BR" .client=${client}></cl-automation-manager>`);
    await loaded(el);
    button(el, 'Quem receberia agora').click();
    await waitUntil(() => $(el, '.preview').textContent !== '', 'no preview');
    expect($(el, '.preview').textContent).to.equal('“Aniversário”: 2 clientes receberiam agora; 1 ficariam de fora (sem consentimento ou contato). Por exemplo: Ana Souza e Bruno Lima.');
  });

  it('speaks English and Spanish', async () => {
    for (const [lang, title, trigger] of [['en', 'Automations', 'No purchase in 90 days'], ['es', 'Automatizaciones', 'Sin compra hace 90 días']] as const) {
      const { client } = api({ locale: lang });
      const el = await fixture<AutomationManager>(html`<cl-automation-manager lang=${lang} .client=${client}></cl-automation-manager>`);
      await loaded(el);
      await waitUntil(() => $(el, 'h2').textContent === title, `${lang} did not arrive`);
      expect(rows(el)[1]![1]).to.equal(trigger);
    }
  });

  it('works with the keyboard: Tab to a switch, Space toggles it', async () => {
    const { client, patched } = api();
    const el = await fixture<AutomationManager>(html`<cl-automation-manager lang="pt-BR" .client=${client}></cl-automation-manager>`);
    await loaded(el);
    $<HTMLButtonElement>(el, '[data-switch=aut_2]').focus();
    await userEvent.keyboard(' ');
    await waitUntil(() => patched.length === 1, 'not toggled');
    expect(patched[0]!.body).to.deep.equal({ enabled: true });
    await waitUntil(() => $(el, '[data-switch=aut_2]').getAttribute('aria-checked') === 'true', 'not on');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-switch=aut_2]'));
  });
});

describe('<cl-automation-manager> against the mock server', () => {
  it('creates a flow and pauses it on the real server', async () => {
    const { serverClients, uniqueSeed } = await import('../internal/test-helpers.js');
    const { secret } = await serverClients();
    const name = `Boas-vindas ${uniqueSeed()}`;
    const el = await fixture<AutomationManager>(html`<cl-automation-manager lang="pt-BR" .client=${secret}></cl-automation-manager>`);
    await loaded(el);
    const select = $<HTMLSelectElement>(el, '#f-trigger');
    select.value = 'customer_registered';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    $<HTMLInputElement>(el, '#f-name').value = name;
    $<HTMLInputElement>(el, '#f-subject').value = 'Bem-vindo, {{primeiroNome}}';
    $<HTMLTextAreaElement>(el, '#f-text').value = 'Que bom ter você aqui.';
    button(el, 'Criar automação').click();
    await waitUntil(() => rows(el).some((r) => r[0] === name), 'not created');
    const flow = (await secret.automations.list()).find((f) => f.name === name)!;
    expect(flow).to.deep.include({ enabled: true, channel: 'email', subject: 'Bem-vindo, {{primeiroNome}}' });
    $<HTMLButtonElement>(el, `[data-switch=${flow.id}]`).click();
    await waitUntil(async () => !(await secret.automations.retrieve(flow.id)).enabled, 'not paused');
    await waitUntil(() => $(el, `[data-switch=${flow.id}]`)?.getAttribute('aria-checked') === 'false', 'the list did not follow');
    $<HTMLButtonElement>(el, `[data-delete=${flow.id}]`).click();
    await waitUntil(() => $<HTMLDialogElement>(el, 'dialog.confirm').open, 'no confirmation');
    $<HTMLButtonElement>(el, '[data-confirm]').click();
    await waitUntil(() => !rows(el).some((r) => r[0] === name), 'not deleted');
    expect((await secret.automations.list()).some((f) => f.id === flow.id)).to.equal(false);
  });
});
