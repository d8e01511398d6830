import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem } from '../internal/test-helpers.js';
import './message-log.js';
import type { MessageLog } from './message-log.component.js';

document.documentElement.lang = 'pt-BR';

const counts = { matched: 3, recipients: 2, noConsent: 1, noContact: 0, inactive: 0 };
const batches = Array.from({ length: 25 }, (_, i) => ({
  id: `msg_${25 - i}`,
  channel: (['email', 'sms', 'whatsapp', 'push'] as const)[i % 4],
  ...(i % 4 === 0 ? { subject: `Assunto ${i}` } : {}),
  text: i === 0 ? 'Oi {{primeiroNome}} <b>promo</b>' : `Texto ${i}`,
  counts,
  progress: { queued: 0, sent: 0, delivered: 2, failed: 0, skipped: 1 },
  createdBy: { keyId: 'sk_test_…ela', ...(i % 2 ? {} : { name: 'admin@loja.example' }) },
  createdAt: new Date(Date.UTC(2026, 10, 20, 12) - i * 3600_000).toISOString(),
}));
const recipient = (i: number, status: string, extra: Record<string, unknown> = {}) => ({
  id: `mr_${i}`,
  messageId: 'msg_25',
  customerId: `cus_${i}`,
  customerName: `Cliente <i>${i}</i>`,
  channel: 'email',
  address: `c${i}@example.com`,
  status,
  attempts: status === 'skipped' ? 0 : 1,
  text: 'Oi',
  createdAt: '2026-11-20T12:00:00Z',
  updatedAt: '2026-11-20T12:01:00Z',
  ...extra,
});

/** A server whose first batch is still sending for `sendingPolls` reads of it, then delivered. */
function api(sendingPolls = 0) {
  let polls = 0;
  const recipients = [
    recipient(1, 'delivered'),
    recipient(2, 'failed', { error: '451 caixa cheia', attempts: 5 }),
    recipient(3, 'skipped', { skipReason: 'no_consent', address: undefined }),
    ...Array.from({ length: 30 }, (_, i) => recipient(10 + i, 'delivered')),
  ];
  const batch0 = () => {
    const sending = polls < sendingPolls;
    return { ...batches[0], progress: sending ? { queued: 2, sent: 0, delivered: 0, failed: 0, skipped: 1 } : { queued: 0, sent: 0, delivered: 31, failed: 1, skipped: 1 } };
  };
  const fake = fakeClient({
    'GET /messages': ({ url }) => {
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const items = [batch0(), ...batches.slice(1)].slice(start, start + limit);
      return json({ items, nextCursor: start + limit < batches.length ? String(start + limit) : null });
    },
    'GET /messages/:id': ({ path }) => {
      if (path !== '/messages/msg_25') return problem(404);
      const b = batch0();
      polls++;
      return json(b);
    },
    'GET /messages/:id/recipients': ({ url }) => {
      const status = url.searchParams.get('status');
      const items = recipients.filter((r) => !status || r.status === status);
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      return json({ items: items.slice(start, start + limit), nextCursor: start + limit < items.length ? String(start + limit) : null });
    },
  });
  return fake;
}

async function settled(el: MessageLog) {
  await aTimeout(0);
  for (let i = 0; i < 300 && (el as any).state !== 'ready' && (el as any).state !== 'not-found'; i++) await aTimeout(10);
  await el.updateComplete;
}
const rows = (el: MessageLog) => [...el.shadowRoot!.querySelectorAll('[part=row]')] as HTMLElement[];
const $ = (el: MessageLog, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement;

describe('<cl-message-log>', () => {
  it('is accessible with batches, in a batch, and empty', async () => {
    const { client } = api();
    const el = await fixture<MessageLog>(html`<cl-message-log .client=${client}></cl-message-log>`);
    await settled(el);
    await expect(el).to.be.accessible();
    el.batch = 'msg_25';
    await settled(el);
    await expect(el).to.be.accessible();
    el.status = 'sent';
    await settled(el);
    expect($(el, '[data-empty]').textContent).to.equal('Nenhum destinatário nesta situação.');
    await expect(el).to.be.accessible();
  });

  it('lists batches newest first: when, who, channel, the text as text, counts by status; pages', async () => {
    const { client } = api();
    const el = await fixture<MessageLog>(html`<cl-message-log .client=${client}></cl-message-log>`);
    await settled(el);
    expect($(el, 'h2').textContent).to.equal('Mensagens');
    expect(rows(el)).to.have.length(20);
    const first = rows(el)[0]!;
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal(batches[0]!.createdAt);
    expect(first.querySelector('time')!.textContent).to.equal('20/11/2026, 09:00');
    expect(first.textContent).to.contain('admin@loja.example').and.contain('E-mail').and.contain('Assunto 0');
    expect(first.querySelector('th')!.textContent).to.contain('Oi {{primeiroNome}} <b>promo</b>');
    expect(first.querySelector('b')).to.equal(null);
    expect([...first.querySelectorAll('[data-status]')].map((li) => li.textContent!.trim())).to.deep.equal(['Entregue: 31', 'Falhou: 1', 'Não enviada: 1']);
    expect(rows(el)[1]!.textContent).to.contain('chave sk_test_…ela').and.contain('SMS');
    $(el, '[data-page=next]').click();
    await settled(el);
    expect(rows(el)).to.have.length(5);
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('TABLE');
  });

  it("opens a batch by keyboard: each recipient's status and reason, filtered by status, and back", async () => {
    const { client } = api();
    const el = await fixture<MessageLog>(html`<cl-message-log .client=${client} page-size="20"></cl-message-log>`);
    await settled(el);
    const open = $(el, '[data-open=msg_25]');
    open.focus();
    const opened = oneEvent(el, 'cl-message-batch-open');
    await userEvent.keyboard('{Enter}');
    expect((await opened).detail.id).to.equal('msg_25');
    await settled(el);
    expect(el.batch).to.equal('msg_25');
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
    expect($(el, '.full-text').textContent).to.equal('Oi {{primeiroNome}} <b>promo</b>');
    const row = (id: string) => $(el, `[data-recipient=${id}]`);
    expect(row('cus_1').textContent).to.contain('Entregue').and.contain('c1@example.com');
    expect(row('cus_2').textContent).to.contain('Falhou').and.contain('451 caixa cheia');
    expect(row('cus_3').textContent).to.contain('Não enviada').and.contain('Sem autorização para este canal');
    expect(row('cus_1').querySelector('th')!.textContent).to.equal('Cliente <i>1</i>');
    expect(rows(el)).to.have.length(20);
    $(el, '[data-page=next]').click();
    await settled(el);
    expect(rows(el)).to.have.length(13);
    const select = $(el, 'select[name=status]') as HTMLSelectElement;
    select.value = 'failed';
    $(el, 'form[part=toolbar] button[type=submit]').click();
    await settled(el);
    expect(rows(el).map((r) => r.dataset['recipient'])).to.deep.equal(['cus_2']);
    const back = oneEvent(el, 'cl-message-batch-open');
    $(el, '[data-back]').click();
    expect((await back).detail.id).to.equal('');
    await settled(el);
    expect(rows(el)).to.have.length(20);
  });

  it('refreshes itself while a batch is sending, and stops when it is done', async () => {
    const { client, calls } = api(2);
    const el = await fixture<MessageLog>(html`<cl-message-log .client=${client} batch="msg_25" refresh-interval="50"></cl-message-log>`);
    await settled(el);
    expect($(el, '[role=status]').textContent).to.contain('Enviando');
    await waitUntil(() => $(el, '[data-status=delivered]')?.textContent?.includes('31'), 'delivered', { timeout: 3000 });
    const reads = calls.filter((c) => c.startsWith('GET /messages/msg_25?') || c === 'GET /messages/msg_25').length;
    expect(reads).to.equal(3);
    await aTimeout(300);
    expect(calls.filter((c) => c.startsWith('GET /messages/msg_25?') || c === 'GET /messages/msg_25').length).to.equal(3);
    expect($(el, '[role=status]').textContent!.trim()).to.equal('');
  });

  it('says when a batch does not exist, and when the server fails offers to try again', async () => {
    const { client } = api();
    const el = await fixture<MessageLog>(html`<cl-message-log .client=${client} batch="msg_nope"></cl-message-log>`);
    await settled(el);
    expect($(el, '[role=alert]').textContent).to.equal('Mensagem não encontrada.');
    let fail = true;
    const flaky = fakeClient({ 'GET /messages': () => (fail ? problem(503) : json({ items: [], nextCursor: null })) });
    const el2 = await fixture<MessageLog>(html`<cl-message-log .client=${flaky.client}></cl-message-log>`);
    await waitUntil(() => (el2 as any).state === 'error', 'error');
    await el2.updateComplete;
    fail = false;
    ($(el2, '[role=alert] button') as HTMLButtonElement).click();
    await settled(el2);
    expect($(el2, '[data-empty]').textContent).to.equal('Nenhuma mensagem enviada ainda.');
  });

  it('speaks English and Spanish', async () => {
    for (const [lang, title, delivered] of [['en', 'Messages', 'Delivered: 31'], ['es', 'Mensajes', 'Entregado: 31']] as const) {
      const { client } = api();
      const el = await fixture<MessageLog>(html`<cl-message-log .client=${client} lang=${lang}></cl-message-log>`);
      await settled(el);
      await waitUntil(() => $(el, 'h2').textContent === title, lang);
      expect($(el, '[data-status=delivered]').textContent!.trim()).to.equal(delivered);
      await expect(el).to.be.accessible();
    }
  });
});
