// In a file of its own: each browser test file runs in a fresh page, so no earlier test has
// loaded the form's schema checks yet.
import { DEFAULT_REGISTRATION_SETTINGS } from '@clientela/core/rules';
import { expect, fixture, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import './customer-form.js';
import type { CustomerForm } from './customer-form.component.js';

/** Whether the page has requested the module with core's schema checks (and zod). */
const schemaChecksRequested = () => performance.getEntriesByType('resource').some((entry) => /form-validation/.test(entry.name));

describe('<cl-customer-form> loading its schema checks', () => {
  it('loads them with the first focus, not on open, and validates as before once they are in', async () => {
    const el = await fixture<CustomerForm>(html`<cl-customer-form mode="storefront" .settings=${DEFAULT_REGISTRATION_SETTINGS}></cl-customer-form>`);
    await el.updateComplete;
    const doc = el.querySelector<HTMLInputElement>('[name="document"]')!;
    expect(doc).to.exist;
    expect(schemaChecksRequested()).to.equal(false);
    // Untouched, the required fields are the whole answer (no schema needed to say so).
    expect(el.checkValidity()).to.equal(false);
    expect(schemaChecksRequested()).to.equal(false);

    doc.focus();
    await userEvent.keyboard('11111111111');
    await el.updateComplete;
    expect(schemaChecksRequested()).to.equal(true);
    await userEvent.tab();
    await el.updateComplete;
    expect(doc.getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector(`#${doc.id}-error`)!.textContent).to.contain('CPF');
  });
});
