import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem } from '../internal/test-helpers.js';
import './account-access.js';
import type { AccountAccess } from './account-access.component.js';

const session = { token: 'sess_1', customerId: 'cus_1', name: 'Ana Souza', expiresAt: '2030-01-01T00:00:00Z' };

function api(overrides: Record<string, Parameters<typeof fakeClient>[0][string]> = {}) {
  return fakeClient({
    'POST /public/sessions': async ({ json: body }) => {
      const { email, password } = await body();
      return email === 'ana@example.com' && password === 'segredo123' ? json(session, 201) : problem(401, { title: 'Unauthorized' });
    },
    'POST /public/password': async ({ json: body }) => {
      const { token } = await body();
      if (token === 'tok_ok') return json(session);
      if (token === 'tok_expired') return problem(410, { title: 'Token expired', errors: [{ path: 'token', code: 'token_expired', message: 'x' }] });
      if (token === 'tok_used') return problem(410, { title: 'Token used', errors: [{ path: 'token', code: 'token_used', message: 'x' }] });
      return problem(404, { title: 'Not found', errors: [{ path: 'token', code: 'token_invalid', message: 'x' }] });
    },
    ...overrides,
  });
}

const q = (el: Element, sel: string) => el.querySelector(sel) as HTMLInputElement;
const fill = (el: AccountAccess, values: Record<string, string>) => {
  for (const [name, value] of Object.entries(values)) {
    const input = q(el, `input[name=${name}]`);
    input.value = value;
  }
};
const submit = async (el: AccountAccess) => {
  q(el, 'button[type=submit]').click();
  await aTimeout(0);
  for (let i = 0; i < 300 && (el.querySelector('form[aria-busy=true]') || (el as any).status === 'busy'); i++) await aTimeout(10);
  await el.updateComplete;
};

// The test page's <html lang> is English; the elements default to the nearest lang.
document.documentElement.lang = 'pt-BR';

describe('<cl-account-access>', () => {
  it('is accessible in the sign-in, set-password and error states', async () => {
    const { client } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client}></cl-account-access>`);
    await expect(el).to.be.accessible();
    el.token = 'tok_expired';
    await el.updateComplete;
    await expect(el).to.be.accessible();
    fill(el, { email: 'ana@example.com', password: 'segredo123', 'password-confirm': 'segredo123' });
    await submit(el);
    expect(el.querySelector('[data-state=expired]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('renders light DOM inputs with the autocomplete tokens password managers need', async () => {
    const el = await fixture<AccountAccess>(html`<cl-account-access></cl-account-access>`);
    expect(el.shadowRoot).to.equal(null);
    expect(q(el, 'input[name=email]').autocomplete).to.equal('email');
    expect(q(el, 'input[name=password]').autocomplete).to.equal('current-password');
    el.token = 'tok_ok';
    await el.updateComplete;
    expect(el.view).to.equal('set-password');
    expect([...el.querySelectorAll('input[type=password]')].map((i) => (i as HTMLInputElement).autocomplete)).to.deep.equal(['new-password', 'new-password']);
    // Labels are tied to their inputs.
    expect(el.querySelector(`label[for="${q(el, 'input[name=email]').id}"]`)).to.exist;
  });

  it('speaks English and uses the migrated wording when asked', async () => {
    const el = await fixture<AccountAccess>(html`<cl-account-access lang="en" token="t" variant="migrated"></cl-account-access>`);
    expect(el.querySelector('h2')!.textContent).to.equal('Set a new password');
  });

  it('validates before sending: required, e-mail, length and matching passwords', async () => {
    const { client, calls } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client} token="tok_ok"></cl-account-access>`);
    await submit(el);
    expect(q(el, 'input[name=email]').getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement).to.equal(q(el, 'input[name=email]'));
    fill(el, { email: 'ana@example.com', password: 'curta', 'password-confirm': 'curta' });
    await submit(el);
    expect(el.querySelector(`#${q(el, 'input[name=password]').id}-error`)!.textContent).to.contain('8 caracteres');
    fill(el, { password: 'segredo123', 'password-confirm': 'segredo124' });
    await submit(el);
    expect(el.textContent).to.contain('As senhas não conferem.');
    expect(calls).to.deep.equal([]);
  });

  it('signs in and emits cl-signed-in with the session', async () => {
    const { client, calls } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client}></cl-account-access>`);
    fill(el, { email: 'ana@example.com', password: 'segredo123' });
    const event = oneEvent(el, 'cl-signed-in');
    q(el, 'button[type=submit]').click();
    const { detail } = await event;
    expect(detail.session).to.deep.equal(session);
    expect(calls).to.deep.equal(['POST /public/sessions']);
    await el.updateComplete;
    expect(el.querySelector('[data-state=signed-in]')!.textContent).to.contain('Ana Souza');
  });

  it('gives the same message for a wrong password and an unknown e-mail', async () => {
    const { client } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client}></cl-account-access>`);
    fill(el, { email: 'ana@example.com', password: 'errada999' });
    await submit(el);
    const wrongPassword = el.querySelector('[data-part=alert]')!.textContent;
    fill(el, { email: 'ninguem@example.com', password: 'segredo123' });
    await submit(el);
    expect(el.querySelector('[data-part=alert]')!.textContent).to.equal(wrongPassword);
    expect(wrongPassword).to.equal('E-mail ou senha incorretos.');
  });

  it('sets a password from an invitation, then signs in', async () => {
    const { client, calls } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client} token="tok_ok"></cl-account-access>`);
    fill(el, { email: 'ana@example.com', password: 'segredo123', 'password-confirm': 'segredo123' });
    const event = oneEvent(el, 'cl-signed-in');
    q(el, 'button[type=submit]').click();
    await event;
    expect(calls).to.deep.equal(['POST /public/password', 'POST /public/sessions']);
    expect(el.token).to.equal('');
  });

  it('stays busy (no second submit) from setting the password until signed in', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { client, calls } = api({
      'POST /public/sessions': async () => {
        await gate;
        return json(session, 201);
      },
    });
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client} token="tok_ok"></cl-account-access>`);
    fill(el, { email: 'ana@example.com', password: 'segredo123', 'password-confirm': 'segredo123' });
    q(el, 'button[type=submit]').click();
    for (let i = 0; i < 300 && !calls.includes('POST /public/sessions'); i++) await aTimeout(10);
    await el.updateComplete;
    expect(q(el, 'button[type=submit]').disabled).to.equal(true);
    q(el, 'button[type=submit]').click();
    const event = oneEvent(el, 'cl-signed-in');
    release();
    await event;
    expect(calls).to.deep.equal(['POST /public/password', 'POST /public/sessions']);
  });

  it('after setting a password with another e-mail, asks to sign in without saying why', async () => {
    const { client } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client} token="tok_ok"></cl-account-access>`);
    fill(el, { email: 'outra@example.com', password: 'segredo123', 'password-confirm': 'segredo123' });
    await submit(el);
    expect(el.view).to.equal('sign-in');
    expect(el.querySelector('[data-part=notice]')!.textContent).to.contain('Senha cadastrada');
  });

  for (const [token, state, title] of [
    ['tok_expired', 'expired', 'Link expirado'],
    ['tok_used', 'used', 'Link já utilizado'],
    ['tok_unknown', 'invalid', 'Link inválido'],
  ] as const) {
    it(`shows a clear state for a ${state} token, with a way to sign in`, async () => {
      const { client } = api();
      const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client} token=${token}></cl-account-access>`);
      fill(el, { email: 'ana@example.com', password: 'segredo123', 'password-confirm': 'segredo123' });
      await submit(el);
      expect(el.querySelector(`[data-state=${state}] h2`)!.textContent).to.equal(title);
      (el.querySelector('[data-state] button') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(el.view).to.equal('sign-in');
      expect(el.querySelector('form[data-state=sign-in]')).to.exist;
    });
  }

  it('is usable with the keyboard alone: Tab through the fields and Enter submits', async () => {
    const { client } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client}></cl-account-access>`);
    q(el, 'input[name=email]').focus();
    await userEvent.keyboard('ana@example.com');
    await userEvent.tab();
    expect(document.activeElement).to.equal(q(el, 'input[name=password]'));
    await userEvent.keyboard('segredo123');
    const event = oneEvent(el, 'cl-signed-in');
    await userEvent.keyboard('{Enter}');
    expect((await event).detail.session.name).to.equal('Ana Souza');
  });
});

describe('<cl-account-access> against the mock server', () => {
  it('sets a password from a real invitation, signs in, and then shows the link as used', async () => {
    const { serverClients, validCpf, uniqueSeed } = await import('../internal/test-helpers.js');
    const { secret, publishable } = await serverClients();
    const seed = uniqueSeed();
    const email = `acesso.${seed}@example.com`;
    const customer = await secret.customers.create({ kind: 'person', document: validCpf(seed), firstName: 'Bia', lastName: `Teste ${seed}`, email });
    const { token } = await secret.customers.invite(customer.id);

    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${publishable} .token=${token}></cl-account-access>`);
    fill(el, { email, password: 'senha-segura-1', 'password-confirm': 'senha-segura-1' });
    const event = oneEvent(el, 'cl-signed-in');
    q(el, 'button[type=submit]').click();
    expect((await event).detail.session.customerId).to.equal(customer.id);
    expect((await secret.customers.retrieve(customer.id)).account.status).to.equal('active');

    el.signOut();
    el.mode = '';
    el.token = token;
    await el.updateComplete;
    fill(el, { email, password: 'outra-senha-2', 'password-confirm': 'outra-senha-2' });
    await submit(el);
    expect(el.querySelector('[data-state=used]')).to.exist;

    el.mode = '';
    el.token = 'nao-existe';
    await el.updateComplete;
    fill(el, { email, password: 'outra-senha-2', 'password-confirm': 'outra-senha-2' });
    await submit(el);
    expect(el.querySelector('[data-state=invalid]')).to.exist;

    // A wrong password and an unknown e-mail read the same.
    el.mode = 'sign-in';
    await el.updateComplete;
    fill(el, { email, password: 'errada-000' });
    await submit(el);
    const wrong = el.querySelector('[data-part=alert]')!.textContent;
    fill(el, { email: `ninguem.${seed}@example.com`, password: 'senha-segura-1' });
    await submit(el);
    expect(el.querySelector('[data-part=alert]')!.textContent).to.equal(wrong);
  });
});
