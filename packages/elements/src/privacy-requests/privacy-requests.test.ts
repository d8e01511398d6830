import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem } from '../internal/test-helpers.js';
import './privacy-requests.js';
import type { PrivacyRequests } from './privacy-requests.component.js';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

function api(options: { locale?: string } = {}) {
  const now = Date.now();
  const store = new Map<string, any>();
  const add = (id: string, customerName: string, type: string, openedDaysAgo: number, status = 'open', extra: object = {}) =>
    store.set(id, {
      id, customerId: `cus_${id}`, customerName, type, status, openedAt: iso(now - openedDaysAgo * DAY), dueAt: iso(now - openedDaysAgo * DAY + 15 * DAY),
      openedBy: { customer: true }, updatedAt: iso(now), version: 1, ...extra,
    });
  add('prq_1', 'Ana Prudente', 'access', 2);
  add('prq_2', 'Bruno <b>Quaresma</b>', 'deletion', 20, 'in_progress', { openedBy: { keyId: 'sk_test…tela', name: 'Marina' } });
  add('prq_3', 'Carla Dias', 'correction', 1, 'completed', { handledBy: { keyId: 'sk', name: 'Marina' } });
  const patches: any[] = [];
  const anonymized: any[] = [];
  const created: any[] = [];
  const { client, calls } = fakeClient(
    {
      'GET /privacy-requests': (req) => {
        const status = req.url.searchParams.get('status');
        const customerId = req.url.searchParams.get('customerId');
        return json({ items: [...store.values()].filter((r) => (!status || r.status === status) && (!customerId || r.customerId === customerId)), nextCursor: null });
      },
      'POST /privacy-requests': async (req) => {
        const body = await req.json();
        created.push({ ...body, key: req.request.headers.get('idempotency-key') });
        const id = `prq_new${created.length}`;
        store.set(id, {
          id, customerId: body.customerId, customerName: 'Ana Prudente', type: body.type, status: 'open', openedAt: iso(now), dueAt: iso(now + 15 * DAY),
          openedBy: { keyId: 'sk', name: 'Marina' }, updatedAt: iso(now), version: 1,
        });
        return json(store.get(id), 201);
      },
      'PATCH /privacy-requests/:id': async (req) => {
        const r = store.get(req.path.split('/')[2]!);
        if (req.request.headers.get('if-match') !== `"${r.version}"`) return problem(412, { title: 'Versão desatualizada.' });
        const body = await req.json();
        patches.push(body);
        Object.assign(r, body, { version: r.version + 1, handledBy: { keyId: 'sk', name: 'Marina' } });
        return json(r);
      },
      'GET /customers/:id/archive': () => new Response(new Blob(['PK']), { headers: { 'Content-Type': 'application/zip', 'Content-Disposition': 'attachment; filename="dados-cus_prq_1.zip"' } }),
      'POST /customers/:id/anonymize': async (req) => {
        const body = await req.json();
        anonymized.push(body);
        const r = [...store.values()].find((x) => x.id === body.requestId);
        Object.assign(r, { status: 'completed', customerName: 'Cliente anonimizado', version: r.version + 1 });
        return json({
          id: req.path.split('/')[2], kind: 'person', status: 'deleted', firstName: 'Cliente', lastName: 'anonimizado', whatsapp: false, document: '', categoryIds: [],
          marketingConsent: { email: false, sms: false, whatsapp: false }, source: 'storefront', account: { status: 'none' },
          stats: { ordersCount: 2, totalSpentCents: 17990, lastPurchaseAt: null, visitsCount: 0, firstVisitAt: null, lastVisitAt: null, averageRating: null },
          anonymizedAt: iso(now), createdAt: iso(now), updatedAt: iso(now), version: 3,
        });
      },
    },
    options,
  );
  return { client, store, patches, anonymized, created, calls };
}

async function mount(locale = 'pt-BR') {
  const server = api({ locale });
  const el = await fixture<PrivacyRequests>(html`<cl-privacy-requests locale=${locale} .client=${server.client}></cl-privacy-requests>`);
  await settle(el);
  return { el, ...server };
}
const $ = (el: PrivacyRequests, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s)!;
const rows = (el: PrivacyRequests) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
async function settle(el: PrivacyRequests) {
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setTimeout(r, 5));
    await el.updateComplete;
  }
}

describe('<cl-privacy-requests>', () => {
  it('is accessible: the queue and the confirmation dialog', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
    $(el, '[data-anonymize=prq_2]').click();
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('lists each request with its type, status, deadline (days left or overdue) and who opened and handled it; names are text, never HTML', async () => {
    const { el } = await mount();
    const r = rows(el);
    expect(r[0]).to.contain('Ana Prudente').and.contain('Acesso aos dados').and.contain('Aberta').and.contain('13 dias restantes').and.contain('O próprio cliente');
    expect(r[1]).to.contain('Bruno <b>Quaresma</b>').and.contain('Exclusão').and.contain('Em andamento').and.contain('Atrasada 5 dias').and.contain('Marina');
    expect(el.shadowRoot!.querySelector('tbody b')).to.equal(null);
    expect(r[2]).to.contain('Concluída');
    expect(el.shadowRoot!.querySelector('[data-reject=prq_3]')).to.equal(null);
    expect($(el, '.overdue').textContent).to.contain('Atrasada');
  });

  it('filters by status', async () => {
    const { el, calls } = await mount();
    const select = $(el, '#status-filter') as HTMLSelectElement;
    select.value = 'completed';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    expect(calls.at(-1)).to.equal('GET /privacy-requests?status=completed');
    expect(rows(el)).to.have.length(1);
  });

  it('starts and completes a request with If-Match, downloads an archive, and says so', async () => {
    const { el, patches, calls } = await mount();
    const changed = oneEvent(el, 'change');
    $(el, '[data-start=prq_1]').click();
    await changed;
    await settle(el);
    expect(patches[0]).to.deep.equal({ status: 'in_progress' });
    expect($(el, '[role=status]').textContent).to.equal('Solicitação de Ana Prudente em andamento.');
    $(el, '[data-download=prq_1]').click();
    await settle(el);
    expect(calls).to.include('GET /customers/cus_prq_1/archive');
    expect($(el, '[role=status]').textContent).to.equal('Arquivo com os dados de Ana Prudente baixado.');
    $(el, '[data-complete=prq_1]').click();
    await settle(el);
    expect(patches[1]).to.deep.equal({ status: 'completed' });
  });

  it('anonymizes only after the typed word, by keyboard; Escape closes the dialog', async () => {
    const { el, anonymized } = await mount();
    $(el, '[data-anonymize=prq_2]').click();
    await settle(el);
    expect((el.shadowRoot!.activeElement as HTMLElement).id).to.equal('confirm-word');
    const closed = oneEvent(el.shadowRoot!.querySelector('dialog')!, 'close');
    await userEvent.keyboard('{Escape}');
    await closed;
    await settle(el);
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    $(el, '[data-anonymize=prq_2]').click();
    await settle(el);
    await userEvent.keyboard('apagar{Enter}');
    await settle(el);
    expect($(el, '#confirm-error').textContent).to.equal('Digite ANONIMIZAR para confirmar.');
    expect(anonymized).to.have.length(0);
    const input = $(el, '#confirm-word') as HTMLInputElement;
    input.value = '';
    await userEvent.keyboard('anonimizar{Enter}');
    await settle(el);
    expect(anonymized).to.deep.equal([{ confirmation: 'anonimizar', requestId: 'prq_2' }]);
    await waitUntil(() => $(el, '[role=status]').textContent === 'Cliente anonimizado; a solicitação foi concluída.', `no word of the anonymization: ${$(el, '[role=status]').textContent} / ${$(el, '#confirm-error').textContent}`);
    await waitUntil(() => rows(el)[1]?.includes('Cliente anonimizado'));
    expect(rows(el)[1]).to.contain('Cliente anonimizado').and.contain('Concluída');
  });

  it('reloads and says so when someone else handled the request (412)', async () => {
    const { el, store } = await mount();
    store.get('prq_1').version = 7;
    $(el, '[data-start=prq_1]').click();
    await settle(el);
    expect($(el, '[role=status]').textContent).to.contain('alterada por outra pessoa');
  });

  it('speaks English and Spanish', async () => {
    const en = (await mount('en')).el;
    await waitUntil(() => $(en, 'h2').textContent === 'Data subject requests (LGPD)', 'the English words did not load', { timeout: 5000 });
    expect(rows(en)[0]).to.contain('Access to data').and.contain('13 days left');
    expect(rows(en)[1]).to.contain('Overdue by 5 days');
    const es = (await mount('es')).el;
    await waitUntil(() => $(es, 'h2').textContent === 'Solicitudes de titulares (LGPD)', 'the Spanish words did not load', { timeout: 5000 });
    expect(rows(es)[0]).to.contain('Acceso a los datos').and.contain('Quedan 13 días');
  });

  it('one customer\'s queue: the store opens a request on their behalf (type chosen by keyboard), with its legal deadline', async () => {
    const server = api();
    const el = await fixture<PrivacyRequests>(html`<cl-privacy-requests locale="pt-BR" customer-id="cus_prq_1" customer-name="Ana Prudente" .client=${server.client}></cl-privacy-requests>`);
    await settle(el);
    await expect(el).to.be.accessible();
    const root = el.shadowRoot!;
    expect(root.querySelector('#new-title')!.textContent).to.equal('Nova solicitação de Ana Prudente');
    // Only Ana's request is listed.
    expect([...root.querySelectorAll('tbody th')].map((th) => th.textContent)).to.deep.equal(['Ana Prudente']);
    const select = root.querySelector<HTMLSelectElement>('#new-type')!;
    select.focus();
    select.value = 'portability';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const button = root.querySelector<HTMLButtonElement>('[data-open-request]')!;
    button.focus();
    await userEvent.keyboard('{Enter}');
    await waitUntil(() => server.created.length === 1);
    await settle(el);
    expect(server.created[0]).to.include({ customerId: 'cus_prq_1', type: 'portability' });
    expect(server.created[0].key, 'an Idempotency-Key, so a retry opens one request').to.be.a('string');
    const due = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short' }).format(new Date(Date.now() + 15 * DAY));
    expect(root.querySelector('[role=status]')!.textContent).to.equal(`Solicitação de Portabilidade aberta. Prazo legal: ${due}.`);
    expect([...root.querySelectorAll('tbody tr td:first-of-type')].map((td) => td.textContent)).to.include('Portabilidade');
  });
});
