import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { DEFAULT_REGISTRATION_SETTINGS } from '@clientela/core/rules';
import { fakeClient, json } from '../internal/test-helpers.js';
import '../customer-form/customer-form.js';
import type { CustomerForm } from './customer-form.component.js';

// LGPD (#18 §1): the storefront form shows the store's consent text and sends the version it showed.
describe('<cl-customer-form mode="storefront"> consent text', () => {
  it('shows the current text (as text) by the consent choices', async () => {
    const { client, calls } = fakeClient({
      'GET /public/settings/registration': () => json(DEFAULT_REGISTRATION_SETTINGS),
      'GET /public/settings/catalog': () => json({ selfRegistration: 'open' }),
      'GET /public/settings/consent-texts': () =>
        json({ marketing: { purpose: 'marketing', version: 3, text: 'Aceito <i>ofertas</i> por e-mail.', createdAt: '2026-11-22T12:00:00.000Z', createdBy: { keyId: 'sk' } } }),
    });
    const el = await fixture<CustomerForm>(html`<cl-customer-form mode="storefront" .client=${client}></cl-customer-form>`);
    await waitUntil(() => el.querySelector('[data-consent-text]'), 'no consent text', { timeout: 5000 });
    expect(el.querySelector('[data-consent-text]')!.textContent).to.equal('Aceito <i>ofertas</i> por e-mail.');
    expect(el.querySelector('[data-consent-text] i')).to.equal(null);
    expect(calls).to.include('GET /public/settings/consent-texts');
  });
});
