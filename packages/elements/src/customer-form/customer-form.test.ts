import { DEFAULT_REGISTRATION_SETTINGS, isValidCnpj, type RegistrationSettings } from '@clientela/core';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem, validCnpj, validCpf, type FakeRequest } from '../internal/test-helpers.js';
import './customer-form.js';
import type { CustomerForm } from './customer-form.component.js';

const now = '2026-11-22T10:00:00.000Z';
const category = (id: string, name: string, status: 'active' | 'inactive' = 'active') => ({
  id, name, color: '#7c3aed', status, customerCount: 0, createdAt: now, updatedAt: now, version: 1,
});

/** A small in-memory registration API: enough of the contract for the form's round trips. */
function fakeApi(options: { settings?: RegistrationSettings; existing?: Record<string, unknown> } = {}) {
  const store = new Map<string, Record<string, unknown>>();
  const keys = new Map<string, Record<string, unknown>>();
  const bodies: Record<string, unknown>[] = [];
  const headers: Headers[] = [];
  const passwords = new Map<string, string>();
  let settings = options.settings ?? structuredClone(DEFAULT_REGISTRATION_SETTINGS);
  let n = 0;
  const record = (body: Record<string, unknown>) => ({
    id: `cus_${++n}`, status: 'active', whatsapp: false, categoryIds: [], source: 'admin', account: { status: 'none' },
    marketingConsent: { email: false, sms: false, whatsapp: false },
    stats: { ordersCount: 0, totalSpentCents: 0, firstPurchaseAt: null, lastPurchaseAt: null, visitsCount: 0, firstVisitAt: null, lastVisitAt: null, averageRating: null },
    createdAt: now, updatedAt: now, version: 1, ...body,
  });
  if (options.existing) store.set(String(options.existing['id']), record(options.existing));
  const create = async (req: FakeRequest) => {
    const body = await req.json();
    bodies.push(body);
    headers.push(req.request.headers);
    const key = req.request.headers.get('idempotency-key');
    if (key && keys.has(key)) return json(keys.get(key), 201);
    await new Promise((r) => setTimeout(r, 30));
    const dup = [...store.values()].find((c) => c['document'] === body.document);
    if (dup) return problem(409, { title: 'Documento já cadastrado.', detail: 'Já existe um cliente com este CPF/CNPJ.', existingId: dup['id'] });
    if (body.email === 'taken@example.com') {
      return problem(422, { title: 'Dados inválidos.', errors: [{ path: 'email', code: 'invalid_email', message: 'E-mail recusado pelo servidor.' }] });
    }
    const { password: _p, ...rest } = body;
    const c = record(_p ? { ...rest, account: { status: 'active' } } : rest);
    if (_p) passwords.set(String(body.email), String(_p));
    store.set(c.id, c);
    if (key) keys.set(key, c);
    return json(c, 201, { etag: '"1"' });
  };
  const { client, calls } = fakeClient({
    'GET /settings/registration': () => json(settings),
    'PUT /settings/registration': async (req) => json((settings = await req.json())),
    'GET /public/settings/registration': () => json(settings),
    'GET /categories': () => json({ items: [category('cat_vip', 'VIP'), category('cat_old', 'Atacado antigo', 'inactive')] }),
    'GET /cep/01310100': () => json({ postalCode: '01310100', street: 'Avenida Paulista', district: 'Bela Vista', city: 'São Paulo', state: 'SP' }),
    'GET /cep/13083971': () => json({ postalCode: '13083-971', street: '', district: '', city: '', state: 'SP', precision: 'state' }),
    'GET /cep/13083970': () => json({ postalCode: '13083-970', street: '', district: '', city: 'Campinas', state: 'SP', precision: 'city', ibgeCode: '3509502' }),
    'GET /cep/:cep': () => problem(404, { title: 'CEP não encontrado.' }),
    'POST /customers': create,
    'POST /public/password-checks': async (req) => {
      const { password } = await req.json();
      // The real server's list has 49,000 entries; this one knows one, enough to see the reason shown.
      return password === 'iloveyou1'
        ? json({ acceptable: false, errors: [{ path: 'password', code: 'password_common', message: 'Esta senha está entre as mais usadas.' }] })
        : json({ acceptable: true, errors: [] });
    },
    'POST /public/sessions': async (req) => {
      const { email, password } = await req.json();
      if (passwords.get(email) !== password) return problem(401, { title: 'E-mail ou senha incorretos.' });
      return json({ token: 'tok_1', customerId: 'cus_1', name: 'Ana Souza', expiresAt: '2099-01-01T00:00:00.000Z' }, 201);
    },
    'POST /public/registrations': create,
    'GET /customers/:id': (req) => {
      const c = store.get(req.path.split('/')[2]!);
      if (!c) return problem(404);
      // `?document=masked` is the unaudited read: the document comes masked, like the server's.
      const masked = req.url.searchParams.get('document') === 'masked';
      const doc = String(c['document']);
      return json(masked ? { ...c, document: `***.${doc.slice(3, 6)}.${doc.slice(6, 9)}-**` } : c, 200, { etag: `"${c['version']}"` });
    },
    'PATCH /customers/:id': async (req) => {
      const c = store.get(req.path.split('/')[2]!)!;
      headers.push(req.request.headers);
      if (req.request.headers.get('if-match') !== `"${c['version']}"`) return problem(412, { title: 'Versão desatualizada.', current: c });
      const patch = await req.json();
      bodies.push(patch);
      if (String(patch.document ?? '').includes('*')) {
        return problem(422, { title: 'Dados inválidos.', errors: [{ path: 'document', code: 'invalid_cpf', message: 'CPF inválido.' }] });
      }
      const next = { ...c, ...patch, version: Number(c['version']) + 1 };
      for (const k of Object.keys(next)) if (next[k] === null) delete next[k];
      store.set(String(c['id']), next);
      return json(next, 200, { etag: `"${next.version}"` });
    },
  });
  return { client, calls, store, bodies, headers, setSettings: (s: RegistrationSettings) => (settings = s) };
}

async function settle(el: CustomerForm) {
  for (let i = 0; i < 4; i++) {
    await aTimeout(0);
    await el.updateComplete;
  }
}

async function mount(api: ReturnType<typeof fakeApi>, attrs: { mode?: string; kind?: string; customerId?: string } = {}) {
  const el = await fixture<CustomerForm>(
    html`<cl-customer-form locale="pt-BR" mode=${attrs.mode ?? 'admin'} kind=${attrs.kind ?? ''} customer-id=${attrs.customerId ?? ''} .client=${api.client}></cl-customer-form>`,
  );
  await settle(el);
  return el;
}

const input = (el: CustomerForm, name: string) => el.querySelector<HTMLInputElement>(`[name="${name}"]`)!;

/** Types into a field like a person: focus, then real key presses. */
async function typeInto(el: CustomerForm, name: string, text: string) {
  const field = input(el, name);
  field.focus();
  await userEvent.keyboard(text);
  await el.updateComplete;
}

/** A paste: the browser inserts the whole clipboard text and fires one `input`. */
async function paste(el: CustomerForm, name: string, text: string) {
  const field = input(el, name);
  field.focus();
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
  await el.updateComplete;
}

async function fillPerson(el: CustomerForm, cpf: string, email = 'ana@example.com') {
  await paste(el, 'firstName', 'Ana');
  await paste(el, 'lastName', 'Souza');
  await paste(el, 'document', cpf);
  await paste(el, 'email', email);
}

describe('<cl-customer-form>', () => {
  it('is accessible empty, filled and with errors, for persons and companies', async () => {
    const api = fakeApi();
    const el = await mount(api);
    await expect(el).to.be.accessible();
    await fillPerson(el, validCpf(1001));
    await paste(el, 'phone', '11987654321');
    await expect(el).to.be.accessible();
    el.reset();
    await el.updateComplete;
    expect(await el.submit()).to.equal(undefined);
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const company = await mount(api, { kind: 'company' });
    await expect(company).to.be.accessible();
    await company.submit();
    await company.updateComplete;
    await expect(company).to.be.accessible();
    const store = await mount(api, { mode: 'storefront', kind: 'company' });
    await paste(store, 'password', 'abc');
    await store.submit();
    await store.updateComplete;
    await expect(store).to.be.accessible();
  });

  it('renders native inputs in light DOM inside a real form, with autocomplete tokens and input modes', async () => {
    const el = await mount(fakeApi(), { mode: 'storefront' });
    expect(el.shadowRoot).to.equal(null);
    const form = el.querySelector('form')!;
    expect(form).to.exist;
    expect(input(el, 'firstName').autocomplete).to.equal('given-name');
    expect(input(el, 'lastName').autocomplete).to.equal('family-name');
    expect(input(el, 'email').autocomplete).to.equal('email');
    expect(input(el, 'password').autocomplete).to.equal('new-password');
    expect(input(el, 'birthDate').autocomplete).to.equal('bday');
    expect(input(el, 'address.postalCode').autocomplete).to.equal('postal-code');
    expect(input(el, 'address.postalCode').inputMode).to.equal('numeric');
    expect(input(el, 'document').inputMode).to.equal('numeric');
    expect(input(el, 'phone').inputMode).to.equal('tel');
    expect(input(el, 'email').inputMode).to.equal('email');
    expect(el.querySelector<HTMLSelectElement>('[name="address.state"]')!.autocomplete).to.equal('address-level1');
    // Company: CNPJ may hold letters, so the keyboard is a text one.
    (el.querySelector('input[name=kind][value=company]') as HTMLInputElement).click();
    await el.updateComplete;
    expect(input(el, 'document').inputMode).to.equal('text');
    expect(input(el, 'legalName').autocomplete).to.equal('organization');
    // 44 px targets
    expect(input(el, 'legalName').getBoundingClientRect().height).to.be.at.least(44);
  });

  it('speaks English and Spanish (tables loaded on demand)', async () => {
    const api = fakeApi();
    const en = await fixture<CustomerForm>(html`<cl-customer-form locale="en" .client=${api.client}></cl-customer-form>`);
    await settle(en);
    const label = () => en.querySelector(`label[for="${input(en, 'firstName').id}"]`)!.textContent!;
    await waitUntil(() => label().includes('First name'), 'the English table did not load', { timeout: 5000 });
    const es = await fixture<CustomerForm>(html`<div lang="es"><cl-customer-form .client=${api.client}></cl-customer-form></div>`);
    const form = es.querySelector('cl-customer-form')!;
    await settle(form);
    await waitUntil(() => form.querySelector('button[type=submit]')?.textContent?.includes('Registrar cliente'), 'the Spanish table did not load', { timeout: 5000 });
  });

  it('masks CPF, CNPJ (uppercasing letters), CEP and phone as you type and on paste', async () => {
    const el = await mount(fakeApi());
    await typeInto(el, 'document', '52998224725');
    expect(input(el, 'document').value).to.equal('529.982.247-25');
    await paste(el, 'document', ' 529.982.247-25 ');
    expect(input(el, 'document').value).to.equal('529.982.247-25');
    await typeInto(el, 'phone', '11987654321');
    expect(input(el, 'phone').value).to.equal('(11) 98765-4321');
    await paste(el, 'phone', '+55 (11) 3333-4444');
    expect(input(el, 'phone').value).to.equal('(11) 3333-4444');
    await paste(el, 'address.postalCode', '01310100');
    expect(input(el, 'address.postalCode').value).to.equal('01310-100');
    (el.querySelector('input[name=kind][value=company]') as HTMLInputElement).click();
    await el.updateComplete;
    await paste(el, 'document', '');
    await typeInto(el, 'document', '12abc34501de35');
    expect(input(el, 'document').value).to.equal('12.ABC.345/01DE-35');
  });

  it('keeps the caret after the same character when editing in the middle', async () => {
    const el = await mount(fakeApi());
    await typeInto(el, 'document', '52998224725');
    const field = input(el, 'document');
    field.setSelectionRange(3, 3); // after "529"
    await userEvent.keyboard('{Backspace}');
    expect(field.value).to.equal('529.822.472-5');
    expect(field.selectionStart).to.equal(2);
    await userEvent.keyboard('9');
    expect(field.value).to.equal('529.982.247-25');
    expect(field.selectionStart).to.equal(3);
  });

  it('fills the address from the CEP, and says so when the CEP is not found', async () => {
    const api = fakeApi();
    const el = await mount(api);
    await typeInto(el, 'address.postalCode', '01310100');
    await settle(el);
    expect(input(el, 'address.street').value).to.equal('Avenida Paulista');
    expect(input(el, 'address.district').value).to.equal('Bela Vista');
    expect(input(el, 'address.city').value).to.equal('São Paulo');
    expect(el.querySelector<HTMLSelectElement>('[name="address.state"]')!.value).to.equal('SP');
    expect(input(el, 'address.street').disabled).to.equal(false);
    input(el, 'address.postalCode').value = '';
    await typeInto(el, 'address.postalCode', '99999999');
    await settle(el);
    const status = el.querySelector(`#${input(el, 'address.postalCode').id}-status`)!;
    expect(status.textContent).to.contain('CEP não encontrado');
    expect(input(el, 'address.postalCode').getAttribute('aria-describedby')).to.contain(status.id);
    await expect(el).to.be.accessible();
  });

  it('a CEP answer that knows only the UF sets the state and keeps the city typed', async () => {
    const api = fakeApi();
    const el = await mount(api);
    await typeInto(el, 'address.city', 'Campinas');
    await typeInto(el, 'address.postalCode', '13083971');
    await settle(el);
    expect(el.querySelector<HTMLSelectElement>('[name="address.state"]')!.value).to.equal('SP');
    expect(input(el, 'address.city').value).to.equal('Campinas');
    expect(el.querySelector(`#${input(el, 'address.postalCode').id}-status`)!.textContent).to.contain('Estado preenchido pelo CEP. Informe a cidade');
  });

  it('a CEP answer that knows the city (a range of the municipality) fills city and state and asks for the street', async () => {
    const el = await mount(fakeApi());
    await typeInto(el, 'address.postalCode', '13083970');
    await settle(el);
    expect(el.querySelector<HTMLSelectElement>('[name="address.state"]')!.value).to.equal('SP');
    expect(input(el, 'address.city').value).to.equal('Campinas');
    expect(input(el, 'address.street').value).to.equal('');
    const status = el.querySelector(`#${input(el, 'address.postalCode').id}-status`)!;
    expect(status.textContent).to.contain('Cidade e estado preenchidos pelo CEP. Informe a rua');
    await expect(el).to.be.accessible();
  });

  it('a corrected CEP in another city replaces what the first CEP filled, but keeps what the person typed', async () => {
    const el = await mount(fakeApi());
    await typeInto(el, 'address.postalCode', '01310100');
    await settle(el);
    expect(input(el, 'address.street').value).to.equal('Avenida Paulista');
    // The CEP was wrong: the person types the right one, a CEP that covers a whole city.
    input(el, 'address.postalCode').value = '';
    await typeInto(el, 'address.postalCode', '13083970');
    await settle(el);
    expect(input(el, 'address.city').value).to.equal('Campinas');
    expect(input(el, 'address.street').value, 'the first CEP\'s street is not left beside Campinas').to.equal('');
    expect(input(el, 'address.district').value).to.equal('');
    // A street the person typed survives a CEP that does not know it.
    await typeInto(el, 'address.street', 'Rua Barão de Jaguara');
    input(el, 'address.postalCode').value = '';
    await typeInto(el, 'address.postalCode', '13083971');
    await settle(el);
    expect(input(el, 'address.street').value).to.equal('Rua Barão de Jaguara');
    // The state-only answer knows no city: Campinas came from the previous CEP, so it goes too.
    expect(input(el, 'address.city').value).to.equal('');
    expect(el.querySelector<HTMLSelectElement>('[name="address.state"]')!.value).to.equal('SP');
  });

  it('validates on blur with core rules, with the message tied to the field', async () => {
    const el = await mount(fakeApi());
    await typeInto(el, 'document', '11111111111');
    await userEvent.tab();
    await el.updateComplete;
    const doc = input(el, 'document');
    expect(doc.getAttribute('aria-invalid')).to.equal('true');
    const error = el.querySelector(`#${doc.id}-error`)!;
    expect(error.textContent).to.contain('CPF');
    expect(doc.getAttribute('aria-describedby')).to.contain(`${doc.id}-error`);
    // fixing the value clears the message as the person types
    doc.focus();
    doc.select();
    await userEvent.keyboard('52998224725');
    await el.updateComplete;
    expect(doc.getAttribute('aria-invalid')).to.equal('false');
  });

  it('shows an error summary on submit that links to each field and takes focus', async () => {
    const el = await mount(fakeApi());
    setTimeout(() => void el.submit());
    const invalid = await oneEvent(el, 'cl-invalid');
    expect(Object.keys(invalid.detail.errors)).to.include.members(['firstName', 'lastName', 'document', 'email']);
    await el.updateComplete;
    const summary = el.querySelector<HTMLElement>('.cl-cf-summary')!;
    expect(document.activeElement).to.equal(summary);
    const links = summary.querySelectorAll('a');
    expect(links.length).to.equal(4);
    expect(links[0]!.textContent).to.equal('Nome: Campo obrigatório.');
    links[0]!.click();
    expect(document.activeElement).to.equal(input(el, 'firstName'));
    expect(el.checkValidity()).to.equal(false);
  });

  it('follows the registration settings: hidden fields vanish, required ones are enforced', async () => {
    const api = fakeApi();
    const settings = structuredClone(DEFAULT_REGISTRATION_SETTINGS);
    settings.person.phone = 'required';
    settings.person.birthDate = 'hidden';
    settings.person.address = 'hidden';
    api.setSettings(settings);
    const el = await mount(api);
    expect(input(el, 'birthDate')).to.equal(null);
    expect(input(el, 'address.postalCode')).to.equal(null);
    expect(input(el, 'phone').required).to.equal(true);
    await fillPerson(el, validCpf(2002));
    expect(el.checkValidity()).to.equal(false);
    await paste(el, 'phone', '11987654321');
    expect(el.checkValidity()).to.equal(true);
  });

  it('completes and submits with the keyboard only, and fires cl-customer-saved', async () => {
    const api = fakeApi();
    const el = await mount(api, { kind: 'person' });
    input(el, 'firstName').focus();
    await userEvent.keyboard('Bia');
    await userEvent.tab();
    await userEvent.keyboard('Lima');
    await userEvent.tab();
    await userEvent.keyboard(validCpf(3003));
    // The date input has one tab stop per segment; the birth date is optional, so skip it.
    for (let i = 0; i < 6 && document.activeElement !== input(el, 'email'); i++) await userEvent.tab();
    expect(document.activeElement).to.equal(input(el, 'email'));
    await userEvent.keyboard('bia@example.com');
    const saved = oneEvent(el, 'cl-customer-saved');
    await userEvent.keyboard('{Enter}');
    const event = await saved;
    expect(event.detail.customer.firstName).to.equal('Bia');
    expect(event.detail.created).to.equal(true);
    expect(api.bodies[0]).to.include({ kind: 'person', document: validCpf(3003), email: 'bia@example.com', source: 'admin' });
  });

  it('double submit creates one customer (disabled while pending, same idempotency key)', async () => {
    const api = fakeApi();
    const el = await mount(api);
    await fillPerson(el, validCpf(4004));
    const button = el.querySelector<HTMLButtonElement>('button[type=submit]')!;
    button.click();
    await el.updateComplete;
    expect(button.disabled).to.equal(true);
    button.click();
    const again = el.submit();
    expect(await again).to.equal(undefined);
    await oneEvent(el, 'cl-customer-saved');
    expect(api.store.size).to.equal(1);
    expect(api.bodies.length).to.equal(1);
  });

  it('reuses the idempotency key for the same content after a lost answer', async () => {
    const api = fakeApi();
    let fail = true;
    const original = api.client;
    const el = await mount(api, { mode: 'storefront' });
    // First attempt: the server creates the record but the answer is lost.
    const register = original.account.register;
    original.account.register = async (body, options) => {
      const result = await register(body, options);
      if (fail) {
        fail = false;
        throw Object.assign(new Error('lost'), { name: 'NetworkError' });
      }
      return result;
    };
    await fillPerson(el, validCpf(5005));
    expect(await el.submit()).to.equal(undefined);
    const customer = await el.submit();
    expect(customer).to.exist;
    expect(api.store.size).to.equal(1);
    expect(api.headers[0]!.get('idempotency-key')).to.equal(api.headers[1]!.get('idempotency-key'));
    original.account.register = register;
  });

  it('puts server field errors (422) on the right field', async () => {
    const el = await mount(fakeApi());
    await fillPerson(el, validCpf(6006), 'taken@example.com');
    expect(el.checkValidity()).to.equal(true);
    const result = await el.submit();
    expect(result).to.equal(undefined);
    await el.updateComplete;
    const email = input(el, 'email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector(`#${email.id}-error`)!.textContent).to.equal('E-mail recusado pelo servidor.');
    // a blur does not clear it; changing the value does
    email.focus();
    email.blur();
    await el.updateComplete;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    await typeInto(el, 'email', 'x');
    expect(email.getAttribute('aria-invalid')).to.equal('false');
  });

  it('409: a duplicate document lands on the document with a link to the existing customer (admin)', async () => {
    const cpf = validCpf(7007);
    const api = fakeApi({ existing: { id: 'cus_old', kind: 'person', document: cpf, firstName: 'Old', lastName: 'One' } });
    const el = await mount(api);
    await fillPerson(el, cpf);
    await el.submit();
    await el.updateComplete;
    const doc = input(el, 'document');
    expect(doc.getAttribute('aria-invalid')).to.equal('true');
    expect(el.querySelector(`#${doc.id}-error`)!.textContent).to.contain('Já existe');
    const link = [...el.querySelectorAll('a')].find((a) => a.getAttribute('href') === '#cus_old')!;
    expect(link).to.exist;
    setTimeout(() => link.click());
    const open = await oneEvent(el, 'cl-customer-open');
    expect(open.detail.id).to.equal('cus_old');
    await expect(el).to.be.accessible();
  });

  it('edits with If-Match; a 412 offers reload or overwrite', async () => {
    const cpf = validCpf(8008);
    const api = fakeApi({ existing: { id: 'cus_e', kind: 'person', document: cpf, firstName: 'Eva', lastName: 'Reis', email: 'eva@example.com' } });
    const el = await mount(api, { customerId: 'cus_e' });
    expect(input(el, 'firstName').value).to.equal('Eva');
    expect(input(el, 'document').value).to.equal(`***.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-**`);
    // Someone else saves first.
    api.store.set('cus_e', { ...api.store.get('cus_e')!, firstName: 'Eva Maria', version: 2 });
    await paste(el, 'lastName', 'Reis Souza');
    await el.submit();
    await el.updateComplete;
    const banner = el.querySelector('[role=alert]')!;
    expect(banner.textContent).to.contain('este cliente foi alterado por outra pessoa'.replace(/^e/, 'E'));
    await expect(el).to.be.accessible();
    const [reload, overwrite] = banner.querySelectorAll('button');
    expect(reload).to.exist;
    overwrite!.click();
    const saved = await oneEvent(el, 'cl-customer-saved');
    expect(saved.detail.customer.lastName).to.equal('Reis Souza');
    expect(saved.detail.customer.version).to.equal(3);
    expect(api.headers.at(-1)!.get('if-match')).to.equal('"2"');
  });

  it('edit loads the record masked (no audited reveal); a phone change saves without the document', async () => {
    const cpf = validCpf(8228);
    const api = fakeApi({ existing: { id: 'cus_m', kind: 'person', document: cpf, firstName: 'Lia', lastName: 'Melo', email: 'lia@example.com', phone: '48975858686' } });
    const el = await mount(api, { customerId: 'cus_m' });
    expect(api.calls.filter((c) => c.startsWith('GET /customers/'))).to.deep.equal(['GET /customers/cus_m?document=masked']);
    const doc = input(el, 'document');
    expect(doc.value).to.equal(`***.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-**`);
    expect(doc.disabled).to.equal(true);
    expect(el.querySelector('.cl-cf-reveal')!.textContent!.trim()).to.equal('Mostrar documento para alterar');
    await expect(el).to.be.accessible();
    input(el, 'phone').value = '';
    await paste(el, 'phone', '48991234567');
    const saved = oneEvent(el, 'cl-customer-saved');
    expect(await el.submit()).to.exist;
    await saved;
    const patch = api.bodies.at(-1)!;
    expect(el.querySelector('.cl-cf-summary')).to.equal(null);
    expect(patch).to.not.have.property('document');
    expect(patch['phone']).to.equal('(48) 99123-4567');
    expect(api.store.get('cus_m')!['document']).to.equal(cpf);
    // Saving is not a reveal either: the document stays masked, and nothing read it in full.
    await el.updateComplete;
    expect(input(el, 'document').value).to.equal(`***.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-**`);
    expect(api.calls).to.not.include('GET /customers/cus_m');
  });

  it('the reveal button reads the full document (the audited read) and makes it editable', async () => {
    const cpf = validCpf(8338);
    const other = validCpf(8448);
    const api = fakeApi({ existing: { id: 'cus_v', kind: 'person', document: cpf, firstName: 'Vera', lastName: 'Lima', email: 'vera@example.com' } });
    const el = await mount(api, { customerId: 'cus_v' });
    await paste(el, 'lastName', 'Lima Souza');
    el.querySelector<HTMLButtonElement>('.cl-cf-reveal')!.click();
    await waitUntil(() => !input(el, 'document').disabled, 'the document was not revealed');
    expect(api.calls).to.include('GET /customers/cus_v');
    const doc = input(el, 'document');
    expect(doc.value).to.equal(`${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`);
    expect(document.activeElement).to.equal(doc);
    // The edit made before the reveal is kept.
    expect(input(el, 'lastName').value).to.equal('Lima Souza');
    expect(el.querySelector('.cl-cf-reveal')).to.equal(null);
    await expect(el).to.be.accessible();
    doc.value = '';
    await paste(el, 'document', other);
    expect(await el.submit()).to.exist;
    expect(api.bodies.at(-1)!['document']).to.equal(other);
    expect(api.store.get('cus_v')!['lastName']).to.equal('Lima Souza');
  });

  it('the reload path of a 412 shows the current record', async () => {
    const cpf = validCpf(8118);
    const api = fakeApi({ existing: { id: 'cus_r', kind: 'person', document: cpf, firstName: 'Rui', lastName: 'Dias', email: 'rui@example.com' } });
    const el = await mount(api, { customerId: 'cus_r' });
    api.store.set('cus_r', { ...api.store.get('cus_r')!, firstName: 'Rui Carlos', version: 2 });
    await paste(el, 'lastName', 'Dias Neto');
    await el.submit();
    await el.updateComplete;
    el.querySelector<HTMLButtonElement>('[role=alert] button')!.click();
    await el.updateComplete;
    expect(input(el, 'firstName').value).to.equal('Rui Carlos');
    expect(input(el, 'lastName').value).to.equal('Dias');
  });

  it('registers a company with an alphanumeric CNPJ in storefront mode, with the password', async () => {
    const api = fakeApi();
    const el = await mount(api, { mode: 'storefront', kind: 'company' });
    const cnpj = validCnpj(123456, true);
    expect(isValidCnpj(cnpj)).to.equal(true);
    await paste(el, 'legalName', 'Loja Exemplo Ltda');
    await paste(el, 'document', cnpj.toLowerCase());
    await paste(el, 'email', 'compras@exemplo.com');
    el.querySelector<HTMLInputElement>('input[name=ieExempt]')!.click();
    await paste(el, 'password', 'Segura!2026x');
    expect(el.querySelector('.cl-cf-strength')!.textContent).to.contain('forte');
    await paste(el, 'passwordConfirm', 'Segura!2026');
    expect(el.checkValidity()).to.equal(false);
    await paste(el, 'passwordConfirm', 'Segura!2026x');
    const customer = await el.submit();
    expect(customer).to.exist;
    expect(api.calls).to.include('POST /public/registrations');
    expect(api.bodies[0]).to.include({ kind: 'company', document: cnpj, stateRegistration: 'ISENTO', password: 'Segura!2026x' });
    expect(api.bodies[0]).to.not.have.property('source');
    expect(api.calls).to.include('GET /public/settings/registration');
  });

  it('checks the inscrição estadual against the chosen state', async () => {
    const el = await mount(fakeApi(), { kind: 'company' });
    await paste(el, 'legalName', 'ACME');
    await paste(el, 'document', validCnpj(42));
    await paste(el, 'email', 'a@acme.example');
    await paste(el, 'stateRegistration', '110.042.490.114');
    await paste(el, 'address.postalCode', '01310-100');
    await settle(el);
    await paste(el, 'address.street', 'Avenida Paulista');
    expect(el.checkValidity()).to.equal(true); // valid IE for SP
    const state = el.querySelector<HTMLSelectElement>('[name="address.state"]')!;
    state.value = 'RJ';
    state.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
  });

  it('sends the category picker value, which FormData of its form also carries', async () => {
    const api = fakeApi();
    const el = await mount(api);
    await settle(el);
    const picker = el.querySelector('cl-category-picker')!;
    await picker.updateComplete;
    picker.focus();
    await userEvent.keyboard('vip');
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect(new FormData(el.querySelector('form')!).getAll('categoryIds')).to.deep.equal(['cat_vip']);
    await fillPerson(el, validCpf(9009));
    await el.submit();
    expect(api.bodies[0]!['categoryIds']).to.deep.equal(['cat_vip']);
  });

  it('takes the birth date as dd/mm/aaaa whatever the browser language, and sends it as ISO', async () => {
    const api = fakeApi();
    const el = await mount(api, { mode: 'storefront' });
    const field = input(el, 'birthDate');
    expect(field.type).to.equal('text');
    expect(field.inputMode).to.equal('numeric');
    expect(el.querySelector(`#${field.getAttribute('aria-describedby')!.split(' ')[0]}`)!.textContent).to.equal('dd/mm/aaaa');
    await typeInto(el, 'birthDate', '15031990');
    expect(field.value).to.equal('15/03/1990');
    await fillPerson(el, validCpf(7007));
    await el.submit();
    expect(api.bodies[0]).to.include({ birthDate: '1990-03-15' });
  });

  it('refuses a birth date that is not a real date, is in the future or means an implausible age', async () => {
    const el = await mount(fakeApi(), { mode: 'storefront' });
    await fillPerson(el, validCpf(7008));
    const errorOf = async (typed: string) => {
      await paste(el, 'birthDate', typed);
      input(el, 'birthDate').dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      await el.updateComplete;
      return el.querySelector(`#${input(el, 'birthDate').id}-error`)!.textContent;
    };
    expect(await errorOf('31/02/1990')).to.equal('Informe uma data válida.');
    expect(await errorOf('15/03/2990')).to.equal('A data de nascimento não pode estar no futuro.');
    expect(await errorOf('15/03/1890')).to.contain('mais de 120 anos');
    expect(await errorOf('1990-03-15')).to.equal('');
    expect(input(el, 'birthDate').value).to.equal('15/03/1990');
    expect(el.checkValidity()).to.equal(true);
  });

  it('says why a password would be refused before submitting: trivial patterns here, common ones from the server', async () => {
    const api = fakeApi();
    const el = await mount(api, { mode: 'storefront' });
    const blur = async () => {
      input(el, 'password').dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      await settle(el);
      return el.querySelector(`#${input(el, 'password').id}-error`)!.textContent;
    };
    await paste(el, 'password', 'aaaaaaaa');
    expect(await blur()).to.contain('fácil de adivinhar');
    await paste(el, 'password', '12345678');
    expect(await blur()).to.contain('fácil de adivinhar');
    expect(api.calls.filter((c) => c === 'POST /public/password-checks')).to.have.length(0);
    await paste(el, 'password', 'iloveyou1');
    await waitUntil(async () => (await blur()) !== '', 'server reason shown');
    expect(await blur()).to.equal('Esta senha está entre as mais usadas.');
    expect(el.querySelector('.cl-cf-strength')!.textContent).to.equal('Senha fraca');
    await expect(el).to.be.accessible();
    await fillPerson(el, validCpf(7010));
    await paste(el, 'passwordConfirm', 'iloveyou1');
    expect(await el.submit()).to.equal(undefined);
    expect(api.calls).not.to.include('POST /public/registrations');
    await paste(el, 'password', 'pé-de-moleque-9');
    expect(await blur()).to.equal('');
  });

  it('replaces the finished registration with what comes next: signed in, and a link to Minha conta', async () => {
    localStorage.removeItem('clientela:session');
    const api = fakeApi();
    const el = await mount(api, { mode: 'storefront' });
    el.accountUrl = '#minha-conta';
    await fillPerson(el, validCpf(7011));
    await paste(el, 'password', 'pé-de-moleque-9');
    await paste(el, 'passwordConfirm', 'pé-de-moleque-9');
    const signedIn = oneEvent(el, 'cl-signed-in');
    await el.submit();
    expect((await signedIn).detail.session.token).to.equal('tok_1');
    await el.updateComplete;
    expect(el.querySelector('form')).to.equal(null);
    const done = el.querySelector('[data-state=registered]')!;
    expect(done.querySelector('h2')!.textContent).to.equal('Cadastro concluído. Boas-vindas, Ana!');
    expect(document.activeElement).to.equal(done.querySelector('h2'));
    expect(done.textContent).to.contain('Você já está conectado');
    expect(done.querySelector('a')!.getAttribute('href')).to.equal('#minha-conta');
    expect(JSON.parse(localStorage.getItem('clientela:session')!).token).to.equal('tok_1');
    await expect(el).to.be.accessible();
    localStorage.removeItem('clientela:session');
    // Without a password there is no sign-in: the shopper is told how to get one.
    const other = await mount(api, { mode: 'storefront' });
    await fillPerson(other, validCpf(7012), 'bia@example.com');
    await other.submit();
    await other.updateComplete;
    expect(other.querySelector('form')).to.equal(null);
    expect(other.querySelector('[data-state=registered]')!.textContent).to.contain('link de acesso');
    expect(localStorage.getItem('clientela:session')).to.equal(null);
  });
});
