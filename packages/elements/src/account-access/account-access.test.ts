import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { beforeEach, describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { DEFAULT_REGISTRATION_SETTINGS } from '@clientela/core';
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
    'GET /public/invitations/:token': ({ path }) => {
      if (path.endsWith('/tok_ok')) return json({ email: 'ana@example.com', expiresAt: '2030-01-01T00:00:00Z' });
      if (path.endsWith('/tok_used') || path.endsWith('/tok_expired')) return problem(410, { title: 'Gone', errors: [{ path: 'token', code: path.endsWith('/tok_used') ? 'token_used' : 'token_expired', message: 'x' }] });
      return problem(422, { title: 'Dados inválidos', errors: [{ path: 'token', code: 'token_invalid', message: 'x' }] });
    },
    'POST /public/password': async ({ json: body }) => {
      const { token, email, password } = await body();
      if (token === 'tok_ok' && email !== 'ana@example.com') return problem(422, { title: 'Dados inválidos', errors: [{ path: 'email', code: 'email_mismatch', message: 'Este não é o e-mail do convite.' }] });
      if (token === 'tok_ok' && password === 'iloveyou1') return problem(422, { title: 'Dados inválidos', errors: [{ path: 'password', code: 'password_common', message: 'Esta senha está entre as mais usadas.' }] });
      if (token === 'tok_ok') return json(session);
      if (token === 'tok_expired') return problem(410, { title: 'Token expired', errors: [{ path: 'token', code: 'token_expired', message: 'x' }] });
      if (token === 'tok_used') return problem(410, { title: 'Token used', errors: [{ path: 'token', code: 'token_used', message: 'x' }] });
      return problem(404, { title: 'Not found', errors: [{ path: 'token', code: 'token_invalid', message: 'x' }] });
    },
    'GET /public/me': () => json(profile, 200, { etag: '"3"' }),
    'GET /public/settings/registration': () => json(DEFAULT_REGISTRATION_SETTINGS),
    'GET /public/me/orders': () => json({ items: [{ id: 'ord_1', number: '10452', customerId: 'cus_1', placedAt: '2026-10-02T15:00:00Z', itemsCount: 3, totalCents: 138340, status: 'delivered', source: 'storefront', version: 1, createdAt: '2026-10-02T15:00:00Z', updatedAt: '2026-10-02T15:00:00Z' }], nextCursor: null }),
    'GET /public/me/credits': () => json({ items: [{ id: 'cr_1', kind: 'cashback', amountCents: 2500, balanceCents: 2500, redeemedCents: 0, expiredCents: 0, origin: 'Pedido 10452', grantedAt: '2026-10-30T00:00:00Z', expiresAt: '2026-12-30T00:00:00Z', status: 'active' }], balanceCents: 2500 }),
    'GET /public/me/benefits': () =>
      json({
        discountPercent: 12.5,
        appliedFrom: { source: 'category', categoryId: 'cat_vip', name: 'VIP', discountPercent: 12.5 },
        discounts: [{ source: 'category', categoryId: 'cat_vip', name: 'VIP', discountPercent: 12.5 }, { source: 'customer', discountPercent: 5 }],
      }),
    'PUT /public/me/password': async ({ json: body }) => {
      const { currentPassword } = await body();
      return currentPassword === 'segredo123' ? new Response(null, { status: 204 }) : problem(422, { title: 'Dados inválidos', errors: [{ path: 'currentPassword', code: 'wrong_current_password', message: 'A senha atual não confere.' }] });
    },
    'DELETE /public/me/session': () => new Response(null, { status: 204 }),
    ...overrides,
  });
}

const profile = {
  id: 'cus_1', kind: 'person', status: 'active', email: 'ana@example.com', phone: '+5511987654321', whatsapp: true, document: '52998224725',
  firstName: 'Ana', lastName: 'Souza', birthDate: '1990-03-15', categoryIds: [], source: 'storefront', account: { status: 'active' },
  marketingConsent: { email: true, sms: false, whatsapp: false },
  stats: { ordersCount: 1, totalSpentCents: 138340, firstPurchaseAt: null, lastPurchaseAt: null, visitsCount: 0, firstVisitAt: null, lastVisitAt: null, averageRating: null },
  createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 3,
};

/** The signed-in area, once its lazily loaded element has rendered. */
async function area(el: AccountAccess) {
  await customElements.whenDefined('cl-account-area');
  await el.updateComplete;
  const a = el.querySelector('cl-account-area')!;
  await a.updateComplete;
  return a;
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

beforeEach(() => localStorage.removeItem('clientela:session'));

describe('<cl-account-access>', () => {
  it('is accessible in the sign-in, set-password and error states', async () => {
    const { client } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client}></cl-account-access>`);
    await expect(el).to.be.accessible();
    el.token = 'tok_ok';
    await el.updateComplete;
    await expect(el).to.be.accessible();
    // An expired link says so as soon as it is opened.
    el.token = 'tok_expired';
    for (let i = 0; i < 100 && !el.querySelector('[data-state=expired]'); i++) await aTimeout(10);
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
    // English is loaded on first use; until it arrives the element speaks pt-BR.
    await waitUntil(() => el.querySelector('h2')!.textContent !== 'Cadastre uma nova senha', 'English did not arrive');
    expect(el.querySelector('h2')!.textContent).to.equal('Set a new password');
  });

  it('uses the claim wording for a link sent after a registration met a record the store held (#18 §3)', async () => {
    const el = await fixture<AccountAccess>(html`<cl-account-access lang="pt-BR" token="t" variant="claim"></cl-account-access>`);
    expect(el.querySelector('h2')!.textContent).to.equal('Conclua seu cadastro');
    expect(el.textContent).to.contain('seus pedidos e créditos continuam no mesmo cadastro');
    await expect(el).to.be.accessible();
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
    fill(el, { password: '12345678', 'password-confirm': '12345678' });
    await submit(el);
    expect(el.querySelector(`#${q(el, 'input[name=password]').id}-error`)!.textContent).to.contain('fácil de adivinhar');
    fill(el, { password: 'segredo123', 'password-confirm': 'segredo124' });
    await submit(el);
    expect(el.textContent).to.contain('As senhas não conferem.');
    expect(calls.filter((c) => c !== 'GET /public/invitations/tok_ok')).to.deep.equal([]);
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
    const a = await area(el);
    expect(a.querySelector('h2')!.textContent).to.equal('Olá, Ana Souza');
    expect(el.querySelectorAll('h2')).to.have.length(1);
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

  it('sets a password from an invitation, with its e-mail filled in, and is signed in by it', async () => {
    const { client, calls } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client} token="tok_ok"></cl-account-access>`);
    for (let i = 0; i < 100 && !q(el, 'input[name=email]').value; i++) await aTimeout(10);
    expect(q(el, 'input[name=email]').value).to.equal('ana@example.com');
    fill(el, { password: 'segredo123', 'password-confirm': 'segredo123' });
    const event = oneEvent(el, 'cl-signed-in');
    q(el, 'button[type=submit]').click();
    await event;
    expect(calls).to.deep.equal(['GET /public/invitations/tok_ok', 'POST /public/password']);
    expect(el.token).to.equal('');
    expect(JSON.parse(localStorage.getItem('clientela:session')!).token).to.equal('sess_1');
  });

  it('stays busy (no second submit) from setting the password until signed in', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { client, calls } = api({
      'POST /public/password': async () => {
        await gate;
        return json(session);
      },
    });
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client} token="tok_ok"></cl-account-access>`);
    fill(el, { email: 'ana@example.com', password: 'segredo123', 'password-confirm': 'segredo123' });
    q(el, 'button[type=submit]').click();
    for (let i = 0; i < 300 && !calls.includes('POST /public/password'); i++) await aTimeout(10);
    await el.updateComplete;
    expect(q(el, 'button[type=submit]').disabled).to.equal(true);
    q(el, 'button[type=submit]').click();
    const event = oneEvent(el, 'cl-signed-in');
    release();
    await event;
    expect(calls.filter((c) => c === 'POST /public/password')).to.have.length(1);
  });

  it('an e-mail other than the invited one cannot set the password; a common password is refused with its reason', async () => {
    const { client } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client} token="tok_ok"></cl-account-access>`);
    fill(el, { email: 'outra@example.com', password: 'segredo123', 'password-confirm': 'segredo123' });
    await submit(el);
    expect(el.view).to.equal('set-password');
    expect(el.querySelector(`#${q(el, 'input[name=email]').id}-error`)!.textContent).to.equal('Este não é o e-mail do convite.');
    expect(document.activeElement).to.equal(q(el, 'input[name=email]'));
    fill(el, { email: 'ana@example.com', password: 'iloveyou1', 'password-confirm': 'iloveyou1' });
    await submit(el);
    expect(el.querySelector(`#${q(el, 'input[name=password]').id}-error`)!.textContent).to.equal('Esta senha está entre as mais usadas.');
    await expect(el).to.be.accessible();
  });

  it('a link already used says so on opening, before anything is typed', async () => {
    const { client } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client} token="tok_used"></cl-account-access>`);
    for (let i = 0; i < 100 && !el.querySelector('[data-state=used]'); i++) await aTimeout(10);
    expect(el.querySelector('[data-state=used] h2')!.textContent).to.equal('Link já utilizado');
  });

  it('signed in, shows "Minha conta": details, orders, credits, password change and sign out', async () => {
    const { client, calls } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client}></cl-account-access>`);
    fill(el, { email: 'ana@example.com', password: 'segredo123' });
    await submit(el);
    const a = await area(el);
    expect(el.hasAttribute('data-signed-in')).to.equal(true);
    // My details: the registration form in account mode, filled from the shopper's own record.
    const form = a.querySelector('cl-customer-form')!;
    for (let i = 0; i < 100 && !form.querySelector('input[name=firstName]'); i++) await aTimeout(10);
    await form.updateComplete;
    expect(q(form, 'input[name=firstName]').value).to.equal('Ana');
    expect(q(form, 'input[name=birthDate]').value).to.equal('15/03/1990');
    expect(q(form, 'input[name=document]').disabled).to.equal(true);
    // The discount that applies to the shopper, and the category that gives it.
    for (let i = 0; i < 100 && !a.querySelector('[data-part=benefits]'); i++) await aTimeout(10);
    expect(a.querySelector('[data-part=benefits]')!.textContent).to.equal('Seu desconto: 12,5% (categoria VIP)');
    await expect(el).to.be.accessible();
    // Orders and credits, through the tabs (arrow keys move between them).
    (a.querySelector('[role=tab][aria-selected=true]') as HTMLElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    for (let i = 0; i < 100 && !a.querySelector('[data-order]'); i++) await aTimeout(10);
    expect(a.querySelector('[data-order=ord_1]')!.textContent!.replace(/\s+/g, ' ')).to.contain('10452').and.to.contain('R$ 1.383,40').and.to.contain('Entregue');
    expect(document.activeElement!.textContent).to.equal('Pedidos');
    await expect(el).to.be.accessible();
    await userEvent.keyboard('{ArrowRight}');
    for (let i = 0; i < 100 && !a.querySelector('[data-credit]'); i++) await aTimeout(10);
    expect(a.querySelector('[data-credit=cr_1]')!.textContent!.replace(/\s+/g, ' ')).to.contain('Bônus (cashback)').and.to.contain('R$ 25,00');
    // Password change: the current one is checked by the server.
    await userEvent.keyboard('{ArrowRight}');
    await a.updateComplete;
    fill(el, { 'current-password': 'errada-1', 'new-password': 'pé-de-moleque-9', 'password-confirm': 'pé-de-moleque-9' });
    await submit(el);
    expect(a.querySelector(`[id$=currentPassword-error]`)!.textContent).to.equal('A senha atual não confere.');
    fill(el, { 'current-password': 'segredo123', 'new-password': 'pé-de-moleque-9', 'password-confirm': 'pé-de-moleque-9' });
    await submit(el);
    expect(a.querySelector('[data-part=notice]')!.textContent).to.contain('Senha alterada');
    await expect(el).to.be.accessible();
    // Sign out: the server ends the session, the sign-in form comes back and nothing is stored.
    const out = oneEvent(el, 'cl-signed-out');
    (a.querySelector('[data-sign-out]') as HTMLButtonElement).click();
    expect((await out).detail.reason).to.equal('signed-out');
    await el.updateComplete;
    expect(calls).to.include('DELETE /public/me/session');
    expect(el.querySelector('form[data-state=sign-in]')).to.exist;
    expect(el.querySelector('[data-part=notice]')!.textContent).to.equal('Você saiu da sua conta.');
    expect(localStorage.getItem('clientela:session')).to.equal(null);
  });

  it('keeps the shopper signed in across a reload until the session expires, then asks to sign in again', async () => {
    localStorage.setItem('clientela:session', JSON.stringify(session));
    const { client } = api();
    const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client}></cl-account-access>`);
    expect((await area(el)).querySelector('h2')!.textContent).to.equal('Olá, Ana Souza');
    // A session past its time is not restored.
    localStorage.setItem('clientela:session', JSON.stringify({ ...session, expiresAt: '2020-01-01T00:00:00Z' }));
    const old = await fixture<AccountAccess>(html`<cl-account-access .client=${client}></cl-account-access>`);
    expect(old.querySelector('cl-account-area')).to.equal(null);
    expect(old.querySelector('[data-part=notice]')!.textContent).to.contain('Sua sessão terminou');
    // One the server no longer accepts (ended elsewhere) brings back the sign-in form.
    localStorage.setItem('clientela:session', JSON.stringify(session));
    const ended = api({ 'GET /public/me': () => problem(401, { title: 'Sessão encerrada', type: 'https://clientela.dev/problems/session-expired' }) });
    const gone = await fixture<AccountAccess>(html`<cl-account-access .client=${ended.client}></cl-account-access>`);
    for (let i = 0; i < 200 && gone.querySelector('cl-account-area'); i++) await aTimeout(10);
    await gone.updateComplete;
    expect(gone.querySelector('form[data-state=sign-in]')).to.exist;
    expect(gone.querySelector('[data-part=notice]')!.textContent).to.contain('Sua sessão terminou');
    expect(localStorage.getItem('clientela:session')).to.equal(null);
  });

  for (const [token, state, title] of [
    ['tok_expired', 'expired', 'Link expirado'],
    ['tok_used', 'used', 'Link já utilizado'],
    ['tok_unknown', 'invalid', 'Link inválido'],
  ] as const) {
    it(`shows a clear state for a ${state} token, with a way to sign in`, async () => {
      const { client } = api();
      // Told on opening the link (the look-up), or on sending the form when the look-up failed.
      const offline = api({ 'GET /public/invitations/:token': () => problem(503, { title: 'Indisponível' }) });
      for (const { client: c } of [api(), offline]) {
        const el = await fixture<AccountAccess>(html`<cl-account-access .client=${c} token=${token}></cl-account-access>`);
        for (let i = 0; i < 100 && !el.querySelector('[data-state]:not(form)'); i++) await aTimeout(10);
        if (c === offline.client) {
          fill(el, { email: 'ana@example.com', password: 'segredo123', 'password-confirm': 'segredo123' });
          await submit(el);
        }
        expect(el.querySelector(`[data-state=${state}] h2`)!.textContent).to.equal(title);
      }
      const el = await fixture<AccountAccess>(html`<cl-account-access .client=${client} token=${token}></cl-account-access>`);
      for (let i = 0; i < 100 && !el.querySelector('[data-state]:not(form)'); i++) await aTimeout(10);
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

    await el.signOut();
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
