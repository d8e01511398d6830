import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem } from '../internal/test-helpers.js';
import './message-composer.js';
import type { MessageComposer } from './message-composer.component.js';

document.documentElement.lang = 'pt-BR';

const counts = { matched: 5, recipients: 3, noConsent: 1, noContact: 1, inactive: 0 };
const batch = (body: any) => ({
  id: 'msg_1',
  channel: body.channel,
  ...(body.subject ? { subject: body.subject } : {}),
  text: body.text,
  counts,
  progress: { queued: 3, sent: 0, delivered: 0, failed: 0, skipped: 2 },
  createdBy: { keyId: 'sk_test_fake' },
  createdAt: '2026-11-30T12:00:00Z',
});

/** A fake server: the preview renders `{{primeiroNome}}` for "<Ana>" (markup in data), the send answers per `send`. */
function api(send: (body: any, key: string | null) => Response = (body) => json(batch(body), 201)) {
  const previews: any[] = [];
  const sends: { body: any; key: string | null }[] = [];
  const fake = fakeClient({
    'POST /messages/preview': async ({ json: read }) => {
      const body = await read();
      previews.push(body);
      const render = (s: string) => s.replaceAll('{{primeiroNome}}', '<b>Ana</b>');
      return json({
        counts: body.channel === 'push' ? { ...counts, recipients: 0, noConsent: 0, noContact: 5 } : counts,
        sample: body.channel === 'push' ? null : { customerId: 'cus_1', name: 'Ana Souza', ...(body.subject ? { subject: render(body.subject) } : {}), text: render(body.text) },
      });
    },
    'POST /messages': async ({ json: read, request }) => {
      const body = await read();
      const key = request.headers.get('idempotency-key');
      sends.push({ body, key });
      return send(body, key);
    },
  });
  return { ...fake, previews, sends };
}

const $ = <T extends HTMLElement = HTMLElement>(el: MessageComposer, sel: string) => el.shadowRoot!.querySelector(sel) as T;
async function type(el: MessageComposer, sel: string, value: string) {
  const field = $<HTMLInputElement>(el, sel);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}
async function previewed(el: MessageComposer, n: number, previews: unknown[]) {
  await waitUntil(() => previews.length >= n && (el as any).previewState === 'ready', 'preview', { timeout: 3000 });
  await el.updateComplete;
}
const target = { ids: ['cus_1', 'cus_2', 'cus_3', 'cus_4', 'cus_5'] };

describe('<cl-message-composer>', () => {
  it('is accessible while writing and after the send', async () => {
    const { client, previews } = api();
    const el = await fixture<MessageComposer>(html`<cl-message-composer .client=${client} .target=${target} batch-href="#/mensagens/{id}"></cl-message-composer>`);
    await expect(el).to.be.accessible();
    await type(el, '#subject', 'Novidades');
    await type(el, '#text', 'Oi {{primeiroNome}}');
    await previewed(el, 1, previews);
    await expect(el).to.be.accessible();
    $<HTMLInputElement>(el, '#ack').click();
    $(el, '#send').click();
    await waitUntil(() => $(el, '[part=result]'), 'result');
    await expect(el).to.be.accessible();
  });

  it('starts on e-mail with a subject, no preview until there is a text, and sends nothing on its own', async () => {
    const { client, previews, sends } = api();
    const el = await fixture<MessageComposer>(html`<cl-message-composer .client=${client} .target=${target}></cl-message-composer>`);
    expect(el.channel).to.equal('email');
    expect($(el, '#subject')).to.exist;
    expect($<HTMLInputElement>(el, 'input[value=email]').checked).to.equal(true);
    await aTimeout(500);
    expect(previews).to.have.length(0);
    expect($(el, '[part=preview]').textContent).to.contain('Escreva o texto');
    expect($(el, '#send').textContent!.trim()).to.equal('Enviar');
    expect(sends).to.have.length(0);
  });

  it('previews for a real recipient after a pause in typing, as text (markup in data is not rendered), with the counts', async () => {
    const { client, previews } = api();
    const el = await fixture<MessageComposer>(html`<cl-message-composer .client=${client} .target=${target} channel="sms"></cl-message-composer>`);
    expect($(el, '#subject')).to.equal(null);
    for (const s of ['O', 'Oi', 'Oi {{primeiroNome}}']) await type(el, '#text', s);
    await previewed(el, 1, previews);
    await aTimeout(500);
    // Debounced: three keystrokes, one request, for exactly the target and channel.
    expect(previews).to.have.length(1);
    expect(previews[0]).to.deep.equal({ ids: target.ids, channel: 'sms', text: 'Oi {{primeiroNome}}' });
    const sample = $(el, '[part=sample]');
    expect(sample.textContent!.trim()).to.equal('Oi <b>Ana</b>');
    expect(sample.querySelector('b')).to.equal(null);
    expect($(el, '[part=preview]').textContent).to.contain('Como Ana Souza vai ler');
    const count = (k: string) => $(el, `[data-count=${k}] dd`).textContent;
    expect(count('matched')).to.equal('5');
    expect(count('willReceive')).to.equal('3');
    expect(count('noConsent')).to.equal('1');
    expect(count('noContact')).to.equal('1');
    expect($(el, '[data-count=inactive]')).to.equal(null);
    expect($(el, '#send').textContent!.trim()).to.equal('Enviar para 3 clientes');
  });

  it('counts push recipients without the app as "no app"', async () => {
    const { client, previews } = api();
    const el = await fixture<MessageComposer>(html`<cl-message-composer .client=${client} .target=${target} channel="push" text="Oi"></cl-message-composer>`);
    await previewed(el, 1, previews);
    expect($(el, '[data-count=noApp] dt').textContent).to.equal('Excluídos por não terem o aplicativo');
    expect($(el, '[data-count=noApp] dd').textContent).to.equal('5');
    expect($(el, '[data-nobody]')).to.exist;
  });

  it('inserts a variable from the menu at the caret, by keyboard, and the menu closes with Escape', async () => {
    const { client } = api();
    const el = await fixture<MessageComposer>(html`<cl-message-composer .client=${client} .target=${target} channel="sms"></cl-message-composer>`);
    await type(el, '#text', 'Oi , tudo bem?');
    const text = $<HTMLTextAreaElement>(el, '#text');
    text.focus();
    text.setSelectionRange(3, 3);
    const menu = $(el, 'cl-variable-menu');
    const toggle = menu.shadowRoot!.querySelector<HTMLButtonElement>('#toggle')!;
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    await (menu as any).updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const options = [...menu.shadowRoot!.querySelectorAll('li button')].map((b) => b.getAttribute('data-variable'));
    expect(options).to.deep.equal(['primeiroNome', 'nome', 'creditoDisponivel', 'validadeCredito']);
    await userEvent.keyboard('{Escape}');
    await (menu as any).updateComplete;
    expect(menu.shadowRoot!.querySelector('li')).to.equal(null);
    expect(menu.shadowRoot!.activeElement).to.equal(toggle);
    await userEvent.keyboard('{Enter}');
    await (menu as any).updateComplete;
    expect(menu.shadowRoot!.activeElement?.getAttribute('data-variable')).to.equal('primeiroNome');
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(el.text).to.equal('Oi {{primeiroNome}}, tudo bem?');
    expect(el.shadowRoot!.activeElement).to.equal(text);
    expect(text.selectionStart).to.equal('Oi {{primeiroNome}}'.length);
  });

  it('refuses to send without the statement, an unknown variable or an e-mail without subject, keeping what was typed', async () => {
    const { client, sends } = api();
    const el = await fixture<MessageComposer>(html`<cl-message-composer .client=${client} .target=${target}></cl-message-composer>`);
    await type(el, '#text', 'Oi {{apelido}}');
    $(el, '#send').click();
    await el.updateComplete;
    expect($(el, '#subject-error').textContent).to.equal('Informe o assunto do e-mail.');
    expect($(el, '#text-error').textContent).to.equal('Variável desconhecida: {{apelido}}.');
    expect($(el, '#ack-error').textContent).to.equal('Marque a declaração de responsabilidade para enviar.');
    expect(el.shadowRoot!.activeElement?.id).to.equal('subject');
    expect($(el, '#text').getAttribute('aria-invalid')).to.equal('true');
    expect(sends).to.have.length(0);
    expect($<HTMLTextAreaElement>(el, '#text').value).to.equal('Oi {{apelido}}');
  });

  it("shows the server's localized 422 beside the field it names", async () => {
    const { client, previews } = api(() =>
      problem(422, { errors: [{ path: 'acknowledgedResponsibility', code: 'responsibility_not_acknowledged', message: 'Confirme que leu a declaração de responsabilidade.' }] }),
    );
    const el = await fixture<MessageComposer>(html`<cl-message-composer .client=${client} .target=${target} channel="sms" text="Oi"></cl-message-composer>`);
    await previewed(el, 1, previews);
    $<HTMLInputElement>(el, '#ack').click();
    $(el, '#send').click();
    await waitUntil(() => $(el, '#ack-error').textContent, 'server error');
    expect($(el, '#ack-error').textContent).to.equal('Confirme que leu a declaração de responsabilidade.');
    expect($(el, '[role=alert]').textContent).to.equal('Corrija os campos indicados.');
    expect($<HTMLTextAreaElement>(el, '#text').value).to.equal('Oi');
  });

  it('retries a failed send with the same Idempotency-Key, a changed message with a new one, then shows the batch', async () => {
    let fail = 2;
    const { client, previews, sends } = api((body) => (fail-- > 0 ? problem(503) : json(batch(body), 201)));
    const el = await fixture<MessageComposer>(html`<cl-message-composer .client=${client} .target=${target} batch-href="#/mensagens/{id}"></cl-message-composer>`);
    await type(el, '#subject', 'Oi');
    await type(el, '#text', 'Oi {{primeiroNome}}');
    await previewed(el, 1, previews);
    $<HTMLInputElement>(el, '#ack').click();
    $(el, '#send').click();
    await waitUntil(() => (el as any).sendState === 'failed', 'failed');
    await el.updateComplete;
    expect($(el, '[role=alert]').textContent).to.contain('A mensagem não foi enviada.').and.contain('indisponível');
    expect($(el, '#send').textContent!.trim()).to.equal('Tentar novamente');
    $(el, '#send').click();
    await waitUntil(() => sends.length === 2 && (el as any).sendState === 'failed', 'failed twice');
    expect(sends[1]!.key).to.be.a('string');
    expect(sends[1]!.key).to.equal(sends[0]!.key);
    await type(el, '#text', 'Olá {{primeiroNome}}');
    const sent = oneEvent(el, 'cl-message-sent');
    $(el, '#send').click();
    const event = await sent;
    expect(sends[2]!.key).to.not.equal(sends[0]!.key);
    expect(sends[2]!.body).to.deep.equal({ ids: target.ids, channel: 'email', subject: 'Oi', text: 'Olá {{primeiroNome}}', acknowledgedResponsibility: true });
    expect(event.detail.batch.id).to.equal('msg_1');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('result-title');
    expect($(el, '[part=result]').textContent).to.contain('3 clientes vão receber').and.contain('2 clientes ficaram de fora');
    expect($(el, 'a[data-batch]').getAttribute('href')).to.equal('#/mensagens/msg_1');
  });

  it('speaks English and Spanish', async () => {
    for (const [lang, title, ack, receive] of [
      ['en', 'Send a message', 'I have read and understand the responsibility for violating the law in force', 'Will receive'],
      ['es', 'Enviar mensaje', 'Leí y comprendo la responsabilidad por la violación de la legislación vigente', 'Recibirán'],
    ] as const) {
      const { client, previews } = api();
      const el = await fixture<MessageComposer>(html`<cl-message-composer .client=${client} .target=${{ ids: ['cus_1'] }} lang=${lang} channel="sms" text="Oi"></cl-message-composer>`);
      await previewed(el, 1, previews);
      await waitUntil(() => $(el, 'h2').textContent === title, lang);
      expect($(el, '.tick span').textContent).to.equal(ack);
      expect($(el, '[data-count=willReceive] dt').textContent).to.equal(receive);
      await expect(el).to.be.accessible();
    }
  });
});
