import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { fakeClient, json } from '../internal/test-helpers.js';
import './consent-history.js';
import type { ConsentHistoryView } from './consent-history.component.js';

const rec = (id: string, extra: object) => ({
  id, customerId: 'cus_1', channel: 'email', purpose: 'marketing', granted: true, at: '2026-11-20T15:00:00.000Z', recordedAt: '2026-11-22T12:00:00.000Z',
  source: 'storefront', textVersion: 1, text: 'Aceito <b>ofertas</b>.', recordedBy: { customer: true }, ...extra,
});

function mount(locale = 'pt-BR') {
  let reads = 0;
  const { client } = fakeClient({
    'GET /customers/:id/consents': () => {
      reads++;
      return json({
        current: { marketing: { email: null, sms: null, whatsapp: null, push: null }, transactional: { email: null, sms: null, whatsapp: null, push: null } },
        items: [rec('cns_2', { granted: false, source: 'pos', recordedBy: { keyId: 'sk', name: 'Marina' }, evidence: { note: 'Ficha assinada', attachment: 'ficha-0231.pdf' } }), rec('cns_1', {})],
      });
    },
  });
  return { client, reads: () => reads, locale };
}

describe('<cl-consent-history> (the card’s consent history)', () => {
  it('lists every record with state, source, the text shown (as text) and who recorded it; axe-clean; reads again on a new revision', async () => {
    const api = mount();
    // As in the card: under the consent section's h3.
    const section = await fixture<HTMLElement>(html`<section><h3>Consentimento</h3><cl-consent-history .client=${api.client} customer-id="cus_1" revision="1"></cl-consent-history></section>`);
    const el = section.querySelector('cl-consent-history')!;
    await waitUntil(() => el.shadowRoot!.querySelectorAll('tbody tr').length === 2, 'no rows', { timeout: 5000 });
    await expect(section).to.be.accessible();
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.contain('Revogado').and.contain('Ponto de venda').and.contain('Marina').and.contain('Ficha assinada · ficha-0231.pdf');
    expect(rows[1]).to.contain('Concedido').and.contain('Formulário da loja').and.contain('“Aceito <b>ofertas</b>.” (versão 1)').and.contain('O próprio cliente');
    expect(el.shadowRoot!.querySelector('tbody b')).to.equal(null);
    el.revision = 2;
    await waitUntil(() => api.reads() === 2);
  });
});
