import type { Customer, MessageContent, MessageCreate } from '@clientela/core';
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { beforeEach, describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, makeCustomer, type FakeClient } from '../../bench/fake-client.js';
import './customer-table.js';
import type { CustomerTable } from './customer-table.component.js';

const $ = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector)!;

async function until(check: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (check()) return;
    await aTimeout(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const rows = (el: CustomerTable) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role=row][data-id]')];

/** The table's fake client with the two message calls the composer makes, recorded. */
function withMessages(fake: FakeClient) {
  const previews: MessageContent[] = [];
  const sends: MessageCreate[] = [];
  (fake.client as any).messages = {
    preview: async (body: MessageContent) => {
      previews.push(body);
      return { counts: { matched: 2, recipients: 2, noConsent: 0, noContact: 0, inactive: 0 }, sample: { customerId: 'x', name: 'Ana', text: body.text } };
    },
    create: async (body: MessageCreate) => {
      sends.push(body);
      const counts = { matched: 2, recipients: 2, noConsent: 0, noContact: 0, inactive: 0 };
      return { id: 'msg_9', channel: body.channel, text: body.text, counts, progress: { queued: 2, sent: 0, delivered: 0, failed: 0, skipped: 0 }, createdBy: { keyId: 'k' }, createdAt: new Date().toISOString() };
    },
  };
  return { previews, sends };
}

describe('<cl-customer-table> "Enviar mensagem"', () => {
  let fake: FakeClient;
  let el: CustomerTable;
  beforeEach(async () => {
    document.documentElement.lang = 'pt-BR';
    const customers: Customer[] = Array.from({ length: 30 }, (_, i) => makeCustomer(i));
    fake = fakeClient({ customers });
    const box = await fixture<HTMLElement>(html`<div style="height:600px;width:1100px"></div>`);
    box.innerHTML = `<cl-customer-table message-href="#/mensagens/{id}" style="--cl-customer-table-height:600px"></cl-customer-table>`;
    el = box.firstElementChild as CustomerTable;
    el.client = fake.client;
    await until(() => rows(el).length > 0, 'first rows');
  });

  const select = async (n: number) => {
    for (const row of rows(el).slice(0, n)) (row.querySelector('.select input') as HTMLInputElement).click();
    await until(() => !!el.shadowRoot!.querySelector('#bulk-message'), 'bulk bar');
  };

  it('loads the composer only when the action is used, opens it for the selected rows, and sends to them', async () => {
    const { previews, sends } = withMessages(fake);
    await select(2);
    const ids = el.selectedIds;
    expect(customElements.get('cl-message-composer'), 'not loaded with the table or its bulk bar').to.equal(undefined);
    const button = $<HTMLButtonElement>(el.shadowRoot!, '#bulk-message');
    expect(button.textContent!.trim()).to.equal('Enviar mensagem');
    button.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => !!el.shadowRoot!.querySelector('cl-table-message-dialog dialog[open]'), 'dialog');
    const composer = $<HTMLElement & { updateComplete: Promise<boolean> }>(el.shadowRoot!, 'cl-message-composer');
    expect(customElements.get('cl-message-composer')).to.not.equal(undefined);
    await composer.updateComplete;
    await expect(el).to.be.accessible();
    const root = composer.shadowRoot!;
    ($<HTMLInputElement>(root, 'input[value=sms]')).click();
    const text = $<HTMLTextAreaElement>(root, '#text');
    text.value = 'Oi {{primeiroNome}}';
    text.dispatchEvent(new Event('input'));
    await until(() => previews.length > 0 && !!root.querySelector('[part=sample]'), 'preview');
    expect(previews.at(-1)).to.deep.equal({ ids, channel: 'sms', text: 'Oi {{primeiroNome}}' });
    $<HTMLInputElement>(root, '#ack').click();
    const sent = oneEvent(el, 'cl-message-sent');
    $<HTMLButtonElement>(root, '#send').click();
    expect((await sent).detail.batch.id).to.equal('msg_9');
    expect(sends).to.deep.equal([{ ids, channel: 'sms', text: 'Oi {{primeiroNome}}', acknowledgedResponsibility: true }]);
    await until(() => !!root.querySelector('a[data-batch]'), 'result');
    expect($(root, 'a[data-batch]').getAttribute('href')).to.equal('#/mensagens/msg_9');
  });

  it('sends to all matching less the unticked rows, and Cancelar closes the dialog keeping the selection', async () => {
    const { previews } = withMessages(fake);
    el.status = 'active';
    await until(() => rows(el).length > 0 && rows(el).every((r) => r.querySelector('.badge.active')));
    await select(2);
    $<HTMLButtonElement>(el.shadowRoot!, '#select-all-matching').click();
    await el.updateComplete;
    (rows(el)[0]!.querySelector('.select input') as HTMLInputElement).click();
    await el.updateComplete;
    const except = el.exceptedIds;
    expect(except).to.have.length(1);
    $<HTMLButtonElement>(el.shadowRoot!, '#bulk-message').click();
    await until(() => !!el.shadowRoot!.querySelector('cl-table-message-dialog dialog[open]'), 'dialog');
    const root = $(el.shadowRoot!, 'cl-message-composer').shadowRoot!;
    await until(() => !!root.querySelector('#text'), 'composer');
    const text = $<HTMLTextAreaElement>(root, '#text');
    const subject = $<HTMLInputElement>(root, '#subject');
    subject.value = 'Novidades';
    subject.dispatchEvent(new Event('input'));
    text.value = 'Oi';
    text.dispatchEvent(new Event('input'));
    await until(() => previews.length > 0, 'preview');
    expect(previews.at(-1)).to.deep.equal({ filter: { status: 'active' }, exceptIds: except, channel: 'email', subject: 'Novidades', text: 'Oi' });
    const cancel = [...root.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent!.trim() === 'Cancelar')!;
    cancel.click();
    await until(() => !el.shadowRoot!.querySelector('cl-table-message-dialog dialog[open]'), 'closed');
    expect(el.allMatchingSelected).to.equal(true);
    expect(el.exceptedIds).to.deep.equal(except);
  });

  it('names the action in English and Spanish', async () => {
    for (const [lang, label] of [['en', 'Send a message'], ['es', 'Enviar mensaje']] as const) {
      const box = await fixture<HTMLElement>(html`<div style="height:600px;width:1100px"></div>`);
      box.innerHTML = `<cl-customer-table lang="${lang}" style="--cl-customer-table-height:600px"></cl-customer-table>`;
      el = box.firstElementChild as CustomerTable;
      el.client = fakeClient({ customers: Array.from({ length: 5 }, (_, i) => makeCustomer(i)) }).client;
      await until(() => rows(el).length > 0, 'first rows');
      await select(1);
      await until(() => $(el.shadowRoot!, '#bulk-message')?.textContent!.trim() === label, lang);
    }
  });
});
