import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem } from '../internal/test-helpers.js';
import './account-access.js';
import type { AccountAccess } from './account-access.component.js';

// "Esqueci minha senha" in <cl-account-access> (#17 §4): the recovery step, the same "check your
// e-mail" whatever the address, the set-password step a recovery link opens, and the whole path
// against the mock server (the link read out of the outbox).

const q = (el: Element, sel: string) => el.querySelector(sel) as HTMLInputElement;
const button = (el: Element, text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;

async function settle(el: AccountAccess) {
  await aTimeout(0);
  for (let i = 0; i < 300 && (el.querySelector('form[aria-busy=true]') || (el as unknown as { status: string }).status === 'busy'); i++) await aTimeout(10);
  await el.updateComplete;
}

function api(answer: () => Response = () => json({ accepted: true }, 202)) {
  const asked: string[] = [];
  const fake = fakeClient({
    'POST /public/password-resets': async ({ json: body }) => {
      asked.push((await body()).email);
      return answer();
    },
  });
  return { ...fake, asked };
}

describe('<cl-account-access> account recovery', () => {
  it('is accessible in the recovery and "check your e-mail" steps', async () => {
    const { client } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access lang="pt-BR" .client=${client} .persist=${false}></cl-account-access>`);
    button(el, 'Esqueci minha senha').click();
    await el.updateComplete;
    expect(el.view).to.equal('forgot');
    await expect(el).to.be.accessible();
    q(el, 'input[name=email]').value = 'ana@example.com';
    button(el, 'Enviar link').click();
    await settle(el);
    expect(el.querySelector('[data-state=sent]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('carries the typed e-mail over, checks it, and says the same whether or not an account holds it', async () => {
    const { client, asked } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access lang="pt-BR" .client=${client} .persist=${false}></cl-account-access>`);
    q(el, 'input[name=email]').value = 'ana@example.com';
    button(el, 'Esqueci minha senha').click();
    await el.updateComplete;
    expect(q(el, 'input[name=email]').value).to.equal('ana@example.com');
    expect(document.activeElement).to.equal(q(el, 'input[name=email]'));
    expect(el.querySelector('input[type=password]')).to.equal(null);

    q(el, 'input[name=email]').value = 'ana@';
    button(el, 'Enviar link').click();
    await el.updateComplete;
    expect(el.querySelector('[data-part=error]')!.textContent).to.equal('Informe um e-mail válido.');
    expect(asked).to.deep.equal([]);

    q(el, 'input[name=email]').value = ' ana@example.com ';
    button(el, 'Enviar link').click();
    await settle(el);
    expect(asked).to.deep.equal(['ana@example.com']);
    const sent = el.querySelector('[data-state=sent]')!;
    expect(sent.getAttribute('role')).to.equal('status');
    expect(sent.textContent).to.contain('Se houver uma conta com o e-mail ana@example.com, enviamos um link');
    expect(sent.textContent).to.contain('60 minutos');
    expect(document.activeElement).to.equal(sent.querySelector('h2'));

    button(el, 'Voltar para o login').click();
    await el.updateComplete;
    expect(el.view).to.equal('sign-in');
    expect(q(el, 'input[name=password]').autocomplete).to.equal('current-password');
  });

  it('too many requests say so; English and Spanish speak their words', async () => {
    const { client } = api(() => problem(429, { title: 'Too many' }));
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client} .persist=${false} mode="forgot" lang="en"></cl-account-access>`);
    await waitUntil(() => el.querySelector('h2')!.textContent === 'Forgot my password', 'English did not arrive');
    q(el, 'input[name=email]').value = 'ana@example.com';
    button(el, 'Send link').click();
    await settle(el);
    expect(el.querySelector('[data-part=alert]')!.textContent).to.equal('Too many attempts. Wait a moment and try again.');
    const es = await fixture<AccountAccess>(html`<cl-account-access .persist=${false} token="t" variant="reset" lang="es"></cl-account-access>`);
    await waitUntil(() => es.querySelector('h2')!.textContent === 'Crea una nueva contraseña', 'Spanish did not arrive');
  });

  it('an expired link offers a new one', async () => {
    const { client } = fakeClient({
      'GET /public/invitations/:token': () => problem(410, { title: 'Gone', errors: [{ path: 'token', code: 'token_expired', message: 'x' }] }),
    });
    const el = await fixture<AccountAccess>(html`<cl-account-access lang="pt-BR" .client=${client} .persist=${false} token="tok_old" variant="reset"></cl-account-access>`);
    await waitUntil(() => el.querySelector('[data-state=expired]'), 'the expired state did not show');
    button(el, 'Pedir um novo link').click();
    await el.updateComplete;
    expect(el.view).to.equal('forgot');
    expect(el.token).to.equal('');
  });

  it('works with the keyboard alone: Tab to "Esqueci minha senha", Enter, type, Enter', async () => {
    const { client, asked } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access lang="pt-BR" .client=${client} .persist=${false}></cl-account-access>`);
    q(el, 'input[name=email]').focus();
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement?.textContent?.trim()).to.equal('Esqueci minha senha');
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(document.activeElement).to.equal(q(el, 'input[name=email]'));
    await userEvent.keyboard('bia@example.com{Enter}');
    await settle(el);
    expect(asked).to.deep.equal(['bia@example.com']);
    expect(el.querySelector('[data-state=sent]')).to.exist;
  });
});

describe('<cl-account-access> account recovery against the mock server', () => {
  it('asks for a link, sets the new password from it (other sessions end) and is signed in', async () => {
    const { serverClients, validCpf, uniqueSeed } = await import('../internal/test-helpers.js');
    const { secret, publishable } = await serverClients();
    const seed = uniqueSeed();
    const email = `recupera.${seed}@example.com`;
    await secret.settings.updateAccountLinks({ accountUrl: 'https://loja.example/conta' });
    const customer = await secret.customers.create({ kind: 'person', document: validCpf(seed), firstName: 'Rita', lastName: `Teste ${seed}`, email });
    const { token: invitation } = await secret.customers.invite(customer.id);
    const old = await publishable.account.setPassword({ token: invitation, email, password: 'senha-antiga-1' });

    const el = await fixture<AccountAccess>(html`<cl-account-access lang="pt-BR" .client=${publishable} .persist=${false} mode="forgot"></cl-account-access>`);
    q(el, 'input[name=email]').value = email;
    button(el, 'Enviar link').click();
    await settle(el);
    expect(el.querySelector('[data-state=sent]')).to.exist;

    // The e-mail is written to the outbox after the answer: read the link out of it.
    let text = '';
    await waitUntil(async () => {
      const { items } = await secret.messages.ofCustomer(customer.id);
      text = items.find((m) => m.transactional)?.text ?? '';
      return text !== '';
    }, 'no recovery e-mail in the outbox');
    const link = new URL(/https:\/\/\S+/.exec(text)![0]);
    expect(link.searchParams.get('purpose')).to.equal('reset');

    el.variant = 'reset';
    el.mode = '';
    el.token = link.searchParams.get('token')!;
    await waitUntil(() => q(el, 'input[name=email]')?.value === email, 'the link did not fill in the e-mail');
    expect(el.querySelector('h2')!.textContent).to.equal('Cadastre uma nova senha');
    q(el, 'input[name=password]').value = 'senha-nova-22';
    q(el, 'input[name=password-confirm]').value = 'senha-nova-22';
    const signedIn = oneEvent(el, 'cl-signed-in');
    q(el, 'button[type=submit]').click();
    expect((await signedIn).detail.session.customerId).to.equal(customer.id);
    // The session from before the reset no longer works.
    let ended = false;
    await publishable.account.profile(old.token).catch(() => (ended = true));
    expect(ended).to.equal(true);
  });
});
