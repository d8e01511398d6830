import { expect, fixture, html } from '@open-wc/testing';
import { describe, it } from 'vitest';
import '../account-access/account-access.js';
import '../category-picker/category-picker.js';
import '../customer-form/customer-form.js';
import '../audit-log/audit-log.js';
import { DEFAULT_REGISTRATION_SETTINGS } from '@clientela/core/schemas';

// One token source: the shadow-DOM elements and the two light-DOM ones (form, account access)
// resolve every token to the same value, by default and under a page's theme.

const TOKENS = ['--_accent', '--_text', '--_muted', '--_surface', '--_border', '--_control-border', '--_danger', '--_focus', '--_radius', '--_target'];

function values(el: Element): Record<string, string> {
  const style = getComputedStyle(el);
  return Object.fromEntries(TOKENS.map((t) => [t, style.getPropertyValue(t).trim()]));
}

async function page(theme = '') {
  const root = await fixture<HTMLDivElement>(html`<div style=${theme}>
    <cl-category-picker></cl-category-picker>
    <cl-customer-form .settings=${DEFAULT_REGISTRATION_SETTINGS}></cl-customer-form>
    <cl-account-access></cl-account-access>
  </div>`);
  const picker = root.querySelector('cl-category-picker')!;
  // The shadow element's tokens sit on its :host; read them from inside the shadow root.
  const inner = picker.shadowRoot!.firstElementChild ?? picker;
  return { picker: values(inner), form: values(root.querySelector('cl-customer-form')!), access: values(root.querySelector('cl-account-access')!) };
}

describe('design tokens', () => {
  it('resolve the same in shadow and light DOM by default, with darker control edges than lines', async () => {
    const { picker, form, access } = await page();
    expect(picker['--_border']).to.not.equal('');
    expect(form).to.deep.equal(picker);
    expect(access).to.deep.equal(picker);
    expect(form['--_control-border']).to.not.equal(form['--_border']);
  });

  it('follow a page theme everywhere; --cl-color-border alone also sets the control edges', async () => {
    const { picker, form, access } = await page('--cl-color-border: rgb(1, 2, 3); --cl-color-accent: rgb(4, 5, 6)');
    for (const [name, v] of Object.entries({ picker, form, access })) {
      expect(v['--_border'], name).to.equal('rgb(1, 2, 3)');
      expect(v['--_control-border']).to.equal('rgb(1, 2, 3)');
      expect(v['--_accent']).to.equal('rgb(4, 5, 6)');
    }
  });
});

describe('form controls', () => {
  it('look the same in the form (light DOM), the picker and the audit log (shadow DOM): control edges, invalid state', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <cl-customer-form .settings=${DEFAULT_REGISTRATION_SETTINGS}></cl-customer-form>
      <cl-audit-log></cl-audit-log>
    </div>`);
    const form = root.querySelector('cl-customer-form')!;
    await (form as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const formInput = form.querySelector<HTMLInputElement>('input[name=email]')!;
    const audit = root.querySelector('cl-audit-log')!;
    const auditControl = audit.shadowRoot!.querySelector<HTMLElement>('select, input')!;
    const edge = getComputedStyle(formInput).borderTopColor;
    // The control edge token (#6b7788, 3:1 on white), not the lighter line colour the log used to draw its filters with.
    expect(edge).to.equal('rgb(107, 119, 136)');
    expect(getComputedStyle(auditControl).borderTopColor).to.equal(edge);
    expect(parseFloat(getComputedStyle(auditControl).minHeight)).to.be.at.least(24);
    formInput.setAttribute('aria-invalid', 'true');
    auditControl.setAttribute('aria-invalid', 'true');
    expect(getComputedStyle(formInput).borderTopColor).to.equal(getComputedStyle(auditControl).borderTopColor);
    expect(getComputedStyle(formInput).borderTopColor).to.not.equal(edge);
  });
});
