import { createClient } from '@clientela/core/client';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { describe, inject, it } from 'vitest';
import './registration-settings.js';
import type { RegistrationSettings } from './registration-settings.component.js';

// Against the mock server process. Other test files share the server and its settings, so this
// saves the settings it read, unchanged: it proves the PUT round trip without moving anyone's ground.

const baseUrl = inject('mockServerUrl');
const keys = inject('mockServerKeys');
const client = createClient({ baseUrl, apiKey: keys.secret || 'sk_test_clientela', locale: 'pt-BR' });

describe('<cl-registration-settings> against the mock server', () => {
  it('loads and saves the registration settings', async () => {
    const before = await client.settings.retrieve();
    const el = await fixture<RegistrationSettings>(html`<cl-registration-settings locale="pt-BR" .client=${client}></cl-registration-settings>`);
    await waitUntil(() => el.shadowRoot!.querySelector('select'), 'not loaded', { timeout: 10_000 });
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#company-stateRegistration')!.value).to.equal(before.company.stateRegistration);
    const saved = await el.save();
    expect(saved).to.deep.equal(before);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Configurações salvas');
  });
});
