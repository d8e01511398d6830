import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json } from '../internal/test-helpers.js';
import './account-privacy.js';
import type { AccountPrivacy } from './account-privacy.component.js';

const at = '2026-11-22T12:00:00.000Z';

function api() {
  const chosen: any[] = [];
  const opened: any[] = [];
  const sessions: (string | null)[] = [];
  const history = (email: boolean) => ({
    current: {
      marketing: { email: { granted: email, at, source: 'storefront', textVersion: 2 }, sms: null, whatsapp: null, push: null },
      transactional: { email: null, sms: null, whatsapp: null, push: null },
    },
    items: [],
  });
  const { client, calls } = fakeClient({
    'GET /public/me/consents': (req) => (sessions.push(req.request.headers.get('clientela-session')), json(history(true))),
    'GET /public/settings/consent-texts': () => json({ marketing: { purpose: 'marketing', version: 2, text: 'Aceito receber ofertas por e-mail, SMS e WhatsApp.', createdAt: at, createdBy: { keyId: 'sk' } } }),
    'GET /public/me/privacy-requests': () => json({ items: [], nextCursor: null }),
    'POST /public/me/consents': async (req) => (chosen.push(await req.json()), json(history(false))),
    'POST /public/me/privacy-requests': async (req) => {
      opened.push(await req.json());
      return json({ id: 'prq_1', customerId: 'cus_1', customerName: 'Ana', type: 'deletion', status: 'open', openedAt: at, openedBy: { customer: true }, dueAt: '2026-12-07T12:00:00.000Z', updatedAt: at, version: 1 }, 201);
    },
    'GET /public/me/archive': () => new Response(new Blob(['PK']), { headers: { 'Content-Type': 'application/zip', 'Content-Disposition': 'attachment; filename="dados-cus_1.zip"' } }),
  });
  return { client, calls, chosen, opened, sessions };
}

async function mount() {
  const server = api();
  const el = await fixture<AccountPrivacy>(html`<cl-account-privacy .client=${server.client} .session=${'tok_1'}></cl-account-privacy>`);
  await waitUntil(() => el.querySelector('[data-request], [data-part=privacy] ul, [data-part=privacy] p:not([role])')?.isConnected && !el.querySelector<HTMLInputElement>('input[name=email]')!.disabled, 'did not load', { timeout: 5000 });
  return { el, ...server };
}

describe('<cl-account-privacy> ("Minha conta" → Privacidade)', () => {
  it('is accessible', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
  });

  it('shows the store’s consent text and revokes a channel with the version shown', async () => {
    const { el, chosen, sessions } = await mount();
    expect(el.textContent).to.contain('Aceito receber ofertas por e-mail, SMS e WhatsApp.');
    expect(sessions).to.deep.equal(['tok_1']);
    const email = el.querySelector<HTMLInputElement>('input[name=email]')!;
    expect(email.checked).to.equal(true);
    email.focus();
    await userEvent.keyboard(' ');
    el.querySelector<HTMLButtonElement>('[data-save-consent]')!.click();
    await waitUntil(() => chosen.length === 1);
    expect(chosen[0]).to.deep.equal({ purpose: 'marketing', channels: { email: false, sms: false, whatsapp: false, push: false }, textVersion: 2 });
    await waitUntil(() => el.querySelector('[role=status]')!.textContent === 'Preferências salvas.');
  });

  it('"Baixar meus dados" downloads the archive; "Excluir minha conta" asks first, then opens the request with its deadline', async () => {
    const { el, calls, opened } = await mount();
    el.querySelector<HTMLButtonElement>('[data-download]')!.click();
    await waitUntil(() => calls.includes('GET /public/me/archive'));
    el.querySelector<HTMLButtonElement>('[data-delete]')!.click();
    await waitUntil(() => el.querySelector('[data-delete-yes]'));
    expect(document.activeElement).to.equal(el.querySelector('[data-delete-yes]'));
    expect(opened).to.have.length(0);
    await userEvent.keyboard('{Enter}');
    await waitUntil(() => opened.length === 1);
    expect(opened[0]).to.deep.equal({ type: 'deletion' });
    await waitUntil(() => el.querySelector('[data-request=prq_1]'));
    expect(el.querySelector('[role=status]')!.textContent).to.equal('Pedido de exclusão registrado. Prazo da loja: 07/12/2026.');
    expect(el.querySelector('[data-request=prq_1]')!.textContent).to.contain('Exclusão').and.contain('Aberta');
  });
});
