import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { afterEach, describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem } from '../internal/test-helpers.js';
import './duplicates.js';
import type { Duplicates } from './duplicates.component.js';

const now = '2026-11-20T12:00:00.000Z';
function customer(id: string, firstName: string, lastName: string, orders: number, extra: object = {}) {
  return {
    id, kind: 'person', status: 'active', firstName, lastName, email: `${id}@example.com`, phone: '+5511987654321', whatsapp: false, document: '***.456.789-**',
    categoryIds: [], marketingConsent: { email: false, sms: false, whatsapp: false }, source: 'admin', account: { status: 'none' },
    stats: { ordersCount: orders, totalSpentCents: orders * 1000, lastPurchaseAt: null, visitsCount: 0, firstVisitAt: null, lastVisitAt: null, averageRating: null },
    createdAt: now, updatedAt: now, version: 1, ...extra,
  };
}

const vip = { id: 'cat_1', name: 'VIP', color: '#112233', automatic: false };
const wholesale = { id: 'cat_2', name: 'Atacado <b>', color: '#112233', automatic: false };
const buyers = { id: 'cat_3', name: 'Compradores', color: '#112233', automatic: true };
const old = { id: 'cat_4', name: 'Antiga', color: '#112233', automatic: false };

function api(options: { failMerge?: boolean; failList?: number } = {}) {
  let listFailures = options.failList ?? 0;
  const ana = customer('cus_a', 'Ana', 'Souza', 1);
  const ana2 = customer('cus_b', 'Ana', 'Sousa', 3, { email: undefined, notes: 'cliente <b>VIP</b>' });
  const bia = customer('cus_c', 'Bia', 'Lima', 0);
  const bia2 = customer('cus_d', 'Beatriz', 'Lima', 2);
  let pairs = [
    { customers: [ana, ana2], score: 91, reasons: [{ type: 'phone' }, { type: 'name_postal_code', similarity: 0.8 }], updatedAt: now },
    { customers: [bia, bia2], score: 60, reasons: [{ type: 'email' }], updatedAt: now },
  ];
  const merges: any[] = [];
  const keys: (string | null)[] = [];
  const dismissed: any[] = [];
  let run = { status: 'idle', processed: 0, total: 0 } as any;
  let reads = 0;
  const { client, calls } = fakeClient({
    'GET /duplicates': () => (listFailures-- > 0 ? problem(503, { title: 'Serviço indisponível' }) : json({ items: pairs, nextCursor: null })),
    'POST /duplicates/dismiss': async (req) => {
      const body = await req.json();
      dismissed.push(body);
      pairs = pairs.filter((p) => p.customers[0]!.id !== body.customerIds[0]);
      return json({ ...pairs[0], dismissedAt: now });
    },
    'GET /duplicates/rebuild': () => {
      reads++;
      if (run.status === 'running') run = reads > 2 ? { ...run, status: 'done', processed: 4, finishedAt: now } : { ...run, processed: 2 };
      return json(run);
    },
    'POST /duplicates/rebuild': () => json((run = { status: 'running', processed: 0, total: 4, startedAt: now })),
    'POST /customers/merge/preview': async (req) => {
      const { survivorId, mergedId } = await req.json();
      const s = [ana, ana2, bia, bia2].find((c) => c.id === survivorId)!;
      const m = [ana, ana2, bia, bia2].find((c) => c.id === mergedId)!;
      return json({
        survivor: s, merged: m,
        fields: [
          { field: 'lastName', survivor: s.lastName, merged: m.lastName, differs: true },
          { field: 'email', ...(s.email ? { survivor: s.email } : {}), ...(m.email ? { merged: m.email } : {}), differs: true },
          { field: 'notes', ...((s as any).notes ? { survivor: (s as any).notes } : {}), ...((m as any).notes ? { merged: (m as any).notes } : {}), differs: true },
          { field: 'phone', survivor: s.phone, merged: m.phone, differs: false },
        ],
        moves: { orders: m.stats.ordersCount, credits: 1, consentRecords: 2, messages: 0 },
        after: { ordersCount: 4, totalSpentCents: 4000 },
        categories: {
          survivor: [vip],
          merged: [vip, wholesale, buyers, old],
          after: [vip, wholesale],
          left: [buyers, old],
        },
      });
    },
    'POST /customers/merge': async (req) => {
      keys.push(req.request.headers.get('idempotency-key'));
      if (options.failMerge && merges.length === 0) {
        merges.push('failed');
        return problem(503, { title: 'Serviço indisponível' });
      }
      const body = await req.json();
      merges.push(body);
      const gone = new Set(body.merges.map((x: any) => x.mergedId));
      pairs = pairs.filter((p) => !p.customers.some((c) => gone.has(c.id)));
      return json({ items: body.merges.map((x: any) => ({ survivor: [ana, ana2, bia, bia2].find((c) => c.id === x.survivorId), mergedId: x.mergedId, moved: { orders: 1, credits: 0, consentRecords: 0, messages: 0 }, alreadyMerged: false })) });
    },
  });
  return { client, calls, merges, keys, dismissed };
}

async function mount(locale = 'pt-BR', options: { failMerge?: boolean; failList?: number } = {}) {
  const server = api(options);
  const el = await fixture<Duplicates>(html`<cl-duplicates locale=${locale} .client=${server.client}></cl-duplicates>`);
  el.rebuild.interval = 10;
  await settle(el);
  return { el, ...server };
}
const $ = (el: Duplicates, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s)!;
const rows = (el: Duplicates) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
/** Clicks "Comparar e unir" of a pair and waits for the comparison (its chunk is fetched on first use). */
async function compare(el: Duplicates, key: string) {
  $(el, `[data-compare="${key}"]`).click();
  await waitUntil(() => el.shadowRoot!.querySelector('#compare')?.hasAttribute('open'), 'the comparison did not open', { timeout: 5000 });
  await settle(el);
}
async function settle(el: Duplicates) {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 5));
    await el.updateComplete;
  }
}

describe('<cl-duplicates>', () => {
  // A comparison left open by one test is a modal: it would make the next test's element inert.
  afterEach(() => fixtureCleanup());

  it('is accessible: the list and the comparison', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
    await compare(el, 'cus_a|cus_b');
    await expect(el).to.be.accessible();
  });

  it('lists each pair with both customers, the reasons in words (similarity through Intl) and the score', async () => {
    const { el } = await mount();
    const r = rows(el);
    expect(r[0]).to.contain('Ana Souza').and.contain('Ana Sousa').and.contain('Mesmo telefone').and.contain('Nome parecido no mesmo CEP (80%)').and.contain('91');
    expect(r[1]).to.contain('Mesmo e-mail');
  });

  it('compares by keyboard: the record with more orders stays, each differing field is a radio group, what moves and the totals after; then merges with the chosen fields', async () => {
    const { el, merges } = await mount();
    await compare(el, 'cus_a|cus_b');
    expect($(el, '#compare').hasAttribute('open')).to.equal(true);
    // cus_b has 3 orders: it stays; its empty e-mail takes the other's by default.
    expect(($(el, 'input[name=keep]:checked') as HTMLInputElement).value).to.equal('cus_b');
    expect(($(el, 'input[name=f-email]:checked') as HTMLInputElement).value).to.equal('merged');
    expect(($(el, 'input[name=f-lastName]:checked') as HTMLInputElement).value).to.equal('survivor');
    expect(el.shadowRoot!.querySelector('[data-field=phone]')).to.equal(null);
    // Markup in a value is text.
    expect($(el, '[data-field=notes]').textContent).to.contain('cliente <b>VIP</b>');
    expect(el.shadowRoot!.querySelector('[data-field=notes] b')).to.equal(null);
    const text = $(el, '#compare').textContent!.replace(/\s+/g, ' ');
    expect(text).to.match(/Pedidos ?1 Créditos ?1 Registros de consentimento ?2 Mensagens ?0/);
    expect(text).to.contain('4 pedidos').and.contain('R$ 40,00');
    // Keyboard: focus the last name group and pick the other value with an arrow key.
    ($(el, 'input[name=f-lastName]:checked') as HTMLInputElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    await settle(el);
    expect(($(el, 'input[name=f-lastName]:checked') as HTMLInputElement).value).to.equal('merged');
    const changed = oneEvent(el, 'change');
    ($(el, '#compare button[type=submit]') as HTMLButtonElement).click();
    await changed;
    await settle(el);
    expect(merges[0]).to.deep.equal({ merges: [{ survivorId: 'cus_b', mergedId: 'cus_a', take: ['lastName', 'email'] }] });
    expect($(el, '[role=status]').textContent).to.equal('Registros unidos: Ana Sousa ficou com tudo.');
    expect($(el, '#compare').hasAttribute('open')).to.equal(false);
    expect(rows(el)).to.have.length(1);
  });

  it('a failed merge keeps the dialog and every choice; the retry sends the same idempotency key', async () => {
    const { el, merges, keys } = await mount('pt-BR', { failMerge: true });
    await compare(el, 'cus_a|cus_b');
    ($(el, 'input[name=f-lastName][value=merged]') as HTMLInputElement).click();
    await settle(el);
    ($(el, '#compare button[type=submit]') as HTMLButtonElement).click();
    await settle(el);
    expect($(el, '#compare [role=alert]').textContent).to.not.equal('');
    expect($(el, '#compare').hasAttribute('open')).to.equal(true);
    expect(($(el, 'input[name=f-lastName]:checked') as HTMLInputElement).value).to.equal('merged');
    ($(el, '#compare button[type=submit]') as HTMLButtonElement).click();
    await settle(el);
    expect(merges[1].merges[0].take).to.deep.equal(['lastName', 'email']);
    expect(keys[0]).to.be.a('string').and.equal(keys[1]);
  });

  it('choosing the other record to stay reads the preview again for it', async () => {
    const { el, calls } = await mount();
    await compare(el, 'cus_a|cus_b');
    ($(el, 'input[name=keep][value=cus_a]') as HTMLInputElement).click();
    await settle(el);
    expect(calls.filter((c) => c.startsWith('POST /customers/merge/preview'))).to.have.length(2);
    expect(($(el, 'input[name=keep]:checked') as HTMLInputElement).value).to.equal('cus_a');
  });

  it("shows each side's categories, the union the record that stays gets, and the ones that do not move (names as text)", async () => {
    const { el } = await mount();
    await compare(el, 'cus_a|cus_b');
    const text = (key: string) => $(el, `[data-categories=${key}]`).textContent!.trim();
    expect($(el, '#compare').textContent).to.contain('Registro que fica (1)').and.contain('Outro registro (4)').and.contain('Depois da união (2)').and.contain('Não passam (2)');
    expect(text('catSurvivor')).to.equal('VIP');
    expect(text('catAfter')).to.equal('VIP, Atacado <b>');
    expect(el.shadowRoot!.querySelector('[data-categories] b')).to.equal(null);
    expect(text('catLeft')).to.equal('Compradores (automática: a regra decide), Antiga (inativa)');
    await expect(el).to.be.accessible();
  });

  it('a failed read says so and "Tentar novamente" reads again', async () => {
    const { el } = await mount('pt-BR', { failList: 1 });
    expect($(el, '[role=alert]').textContent).to.not.equal('');
    expect(rows(el)).to.have.length(0);
    await expect(el).to.be.accessible();
    $(el, '#retry').focus();
    await userEvent.keyboard('{Enter}');
    await settle(el);
    expect(el.shadowRoot!.querySelector('#retry')).to.equal(null);
    expect(rows(el)).to.have.length(2);
  });

  it('Esc closes the comparison and gives the focus back to the button that opened it', async () => {
    const { el } = await mount();
    $(el, '[data-compare="cus_a|cus_b"]').focus();
    await userEvent.keyboard('{Enter}');
    await waitUntil(() => el.shadowRoot!.querySelector('#compare')?.hasAttribute('open'), 'the comparison did not open', { timeout: 5000 });
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'input[name=keep]:checked'));
    await userEvent.keyboard('{Escape}');
    await settle(el);
    expect($(el, '#compare').hasAttribute('open')).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-compare="cus_a|cus_b"]'));
  });

  it('dismisses a pair', async () => {
    const { el, dismissed } = await mount();
    $(el, '[data-dismiss="cus_a|cus_b"]').click();
    await settle(el);
    expect(dismissed).to.deep.equal([{ customerIds: ['cus_a', 'cus_b'] }]);
    expect($(el, '[role=status]').textContent).to.contain('Par ignorado');
    expect(rows(el)).to.have.length(1);
  });

  it('merges the selected pairs in one call, each into the record with more orders', async () => {
    const { el, merges } = await mount();
    for (const box of el.shadowRoot!.querySelectorAll<HTMLInputElement>('tbody input[type=checkbox]')) box.click();
    await settle(el);
    expect($(el, '#merge-selected').textContent).to.contain('(2)');
    $(el, '#merge-selected').click();
    await waitUntil(() => el.shadowRoot!.querySelector('#bulk')?.hasAttribute('open'), 'the confirmation did not open', { timeout: 5000 });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#bulk button[type=submit]'));
    expect($(el, '#bulk').textContent).to.contain('Ana Souza será unido a Ana Sousa').and.contain('Bia Lima será unido a Beatriz Lima');
    ($(el, '#bulk button[type=submit]') as HTMLButtonElement).click();
    await settle(el);
    expect(merges).to.have.length(1);
    expect(merges[0].merges).to.deep.equal([{ survivorId: 'cus_b', mergedId: 'cus_a' }, { survivorId: 'cus_d', mergedId: 'cus_c' }]);
    expect($(el, '[role=status]').textContent).to.equal('2 registros unidos.');
  });

  it('"Procurar de novo" starts the full run, shows its progress and reloads the list when it is done', async () => {
    const { el, calls } = await mount();
    $(el, '#rescan').click();
    await settle(el);
    await waitUntil(() => $(el, '[role=status]').textContent === 'Busca concluída.', 'the run did not finish', { timeout: 5000 });
    expect(calls).to.include('POST /duplicates/rebuild');
    expect(calls.filter((c) => c.startsWith('GET /duplicates?')).length).to.be.greaterThan(1);
  });

  it('shows the progress of a running search', async () => {
    const { el } = await mount();
    el.rebuild.interval = 60_000;
    $(el, '#rescan').click();
    await settle(el);
    expect($(el, 'label[for=progress]').textContent).to.contain('de 4 clientes');
    expect(($(el, '#rescan') as HTMLButtonElement).disabled).to.equal(true);
  });

  it('speaks English and Spanish', async () => {
    const en = (await mount('en')).el;
    await waitUntil(() => $(en, 'h2').textContent === 'Possible duplicates', 'no English', { timeout: 5000 });
    expect(rows(en)[0]).to.contain('Same phone');
    const es = (await mount('es')).el;
    await waitUntil(() => $(es, 'h2').textContent === 'Posibles duplicados', 'no Spanish', { timeout: 5000 });
    expect(rows(es)[0]).to.contain('Mismo teléfono');
  });
});
