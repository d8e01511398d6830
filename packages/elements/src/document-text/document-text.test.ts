import { expect, fixture, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import './document-text.js';
import type { DocumentText } from './document-text.component.js';

describe('<cl-document-text>', () => {
  it('is accessible', async () => {
    const el = await fixture<DocumentText>(html`<cl-document-text value="52998224725"></cl-document-text>`);
    await expect(el).to.be.accessible();
  });

  it('formats a bare CPF with core', async () => {
    const el = await fixture<DocumentText>(html`<cl-document-text value="52998224725"></cl-document-text>`);
    expect(el.shadowRoot!.textContent!.trim()).to.equal('529.982.247-25');
  });

  it('formats an alphanumeric CNPJ typed in lowercase', async () => {
    const el = await fixture<DocumentText>(html`<cl-document-text value="12abc34501de35"></cl-document-text>`);
    expect(el.formatted).to.equal('12.ABC.345/01DE-35');
  });

  it('masks when asked, and reflects the attribute', async () => {
    const el = await fixture<DocumentText>(html`<cl-document-text value="529.982.247-25" masked></cl-document-text>`);
    expect(el.shadowRoot!.querySelector('[part=text]')!.textContent).to.equal('***.982.247-**');
    el.masked = false;
    await el.updateComplete;
    expect(el.hasAttribute('masked')).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part=text]')!.textContent).to.equal('529.982.247-25');
  });
});
