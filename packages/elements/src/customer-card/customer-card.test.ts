import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json, problem } from '../internal/test-helpers.js';
import './customer-card.js';
import type { CustomerCard } from './customer-card.component.js';

document.documentElement.lang = 'pt-BR';

const customer = {
  id: 'cus_1',
  kind: 'person',
  status: 'active',
  firstName: 'Ana',
  lastName: 'Souza',
  email: 'ana@example.com',
  phone: '+5511987654321',
  whatsapp: true,
  document: '52998224725',
  address: { postalCode: '01310100', street: 'Avenida Paulista', number: '1000', district: 'Bela Vista', city: 'São Paulo', state: 'SP', country: 'BR' },
  categoryIds: ['cat_vip', 'cat_old'],
  marketingConsent: { email: true, sms: false, whatsapp: true, updatedAt: '2026-03-01T12:00:00Z' },
  source: 'storefront',
  sources: ['storefront', 'pos'],
  externalIds: { pos: 'PDV-77' },
  account: { status: 'none' },
  loyaltyCard: 'FID-0001',
  discountPercent: 5,
  stats: { ordersCount: 7, totalSpentCents: 123456, firstPurchaseAt: '2024-06-01T15:00:00Z', lastPurchaseAt: '2026-10-10T15:00:00Z', visitsCount: 12, firstVisitAt: null, lastVisitAt: null, averageRating: 4.5 },
  notes: 'Prefere entrega à tarde.',
  createdAt: '2024-05-02T12:00:00Z',
  updatedAt: '2026-10-10T15:00:00Z',
  version: 3,
};
const order = (n: number) => {
  const placedAt = '2026-09-0' + ((n % 9) + 1) + 'T12:00:00Z';
  return { id: `ord_${n}`, number: `#${1000 + n}`, customerId: 'cus_1', placedAt, itemsCount: 2, totalCents: 5000 + n, status: n === 3 ? 'returned' : 'delivered', source: 'storefront', version: 1, createdAt: placedAt, updatedAt: placedAt, ...(n % 2 ? { rating: 4 } : {}), ...(n === 1 ? { unitId: 'loja_centro' } : n === 2 ? { unitId: 'loja_fechada' } : {}) };
};

function api() {
  let current = { ...customer };
  let retrieves = 0;
  /** Order 1 as the server stores it now (a test moves its status). */
  let first: Record<string, unknown> = order(1);
  const fake = fakeClient({
    'GET /customers/:id': ({ path, url }) => {
      if (path !== '/customers/cus_1') return problem(404);
      retrieves++;
      const masked = url.searchParams.get('document') === 'masked';
      return json(masked ? { ...current, document: '***.982.247-**' } : current, 200, { etag: `"${current.version}"` });
    },
    'GET /customers/:id/orders': ({ url }) =>
      url.searchParams.get('cursor') === 'p2'
        ? json({ items: [order(6), order(7)], nextCursor: null })
        : json({ items: [first, ...[2, 3, 4, 5].map(order)], nextCursor: 'p2' }),
    'GET /customers/:id/credits': () =>
      json({
        items: [
          { id: 'cr_2', kind: 'cashback', amountCents: 1500, balanceCents: 1500, redeemedCents: 0, expiredCents: 0, origin: 'Pedido #1003', grantedAt: '2026-10-01T12:00:00Z', expiresAt: '2026-12-31T23:59:59Z', status: 'active' },
          { id: 'cr_1', kind: 'referral', amountCents: 2000, balanceCents: 500, redeemedCents: 1500, expiredCents: 0, origin: 'Indicação de Bia', grantedAt: '2026-09-01T12:00:00Z', expiresAt: '2026-12-01T23:59:59Z', status: 'expiring' },
        ],
        balanceCents: 2000,
      }),
    'GET /units': () => json({ items: [{ id: 'loja_centro', name: 'Loja Rua Augusta', status: 'active', createdAt: customer.createdAt, updatedAt: customer.createdAt, version: 1 }] }),
    'GET /categories': () =>
      json({
        items: [
          { id: 'cat_vip', name: 'VIP', color: '#7c3aed', status: 'active', discountPercent: 10, customerCount: 1, createdAt: customer.createdAt, updatedAt: customer.createdAt, version: 1 },
          { id: 'cat_old', name: 'Atacado', color: '#0b5cad', status: 'inactive', discountPercent: 20, customerCount: 1, createdAt: customer.createdAt, updatedAt: customer.createdAt, version: 1 },
        ],
      }),
    'PATCH /customers/:id': async ({ request, json: body }) => {
      if (request.headers.get('if-match') !== `"${current.version}"`) return problem(412, { current });
      current = { ...current, ...(await body()), version: current.version + 1 };
      return json(current, 200, { etag: `"${current.version}"` });
    },
    'GET /customers/:id/messages': ({ url }) => {
      const mr = (i: number, extra: Record<string, unknown>) => ({
        id: `mr_${i}`, messageId: `msg_${i}`, customerId: 'cus_1', customerName: 'Ana Souza', attempts: 1, createdAt: `2026-11-0${i}T15:00:00Z`, updatedAt: `2026-11-0${i}T15:01:00Z`, ...extra,
      });
      const all = [
        mr(1, { channel: 'email', address: 'ana@example.com', status: 'delivered', subject: 'Novidades', text: 'Oi Ana <b>!</b>' }),
        mr(2, { channel: 'sms', status: 'skipped', skipReason: 'no_consent', text: 'Oi Ana', attempts: 0 }),
        mr(3, { channel: 'push', status: 'skipped', skipReason: 'no_contact', text: 'Oi Ana', attempts: 0 }),
      ];
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      return json({ items: all.slice(start, start + limit), nextCursor: start + limit < all.length ? String(start + limit) : null });
    },
    'GET /customers/:id/devices': () =>
      json({
        items: [
          { id: 'dev_1', customerId: 'cus_1', platform: 'android', appName: 'Loja', label: 'Moto G <i>da Ana</i>', tokenEnd: 'abcdef', createdAt: '2026-10-01T12:00:00Z', lastSeenAt: '2026-11-20T12:00:00Z' },
          { id: 'dev_2', customerId: 'cus_1', platform: 'web', appName: 'Loja', tokenEnd: '123456', createdAt: '2026-10-02T12:00:00Z', lastSeenAt: '2026-11-19T12:00:00Z' },
          { id: 'dev_3', customerId: 'cus_1', platform: 'web', appName: 'Chrome no Linux', tokenEnd: '7890ab', webPush: true, createdAt: '2026-10-03T12:00:00Z', lastSeenAt: '2026-11-18T12:00:00Z' },
        ],
      }),
    'POST /customers/:id/invitations': () => json({ token: 'tok_abc', customerId: 'cus_1', expiresAt: '2026-12-01T12:00:00Z', url: 'http://server/x?token=tok_abc' }, 201),
  });
  return {
    ...fake,
    retrieves: () => retrieves,
    bump: () => (current = { ...current, version: current.version + 1 }),
    /** The server returned order 1: its status, and the figures it recomputed. */
    returnFirst: () => {
      first = { ...first, status: 'returned', version: 2 };
      current = { ...current, stats: { ...current.stats, ordersCount: 6, totalSpentCents: 123456 - 5001 }, version: current.version + 1 };
      return first;
    },
  };
}

/** Waits until the card is no longer busy with an action (reveal, invite, save, more orders). */
async function idle(el: CustomerCard) {
  await aTimeout(0);
  for (let i = 0; i < 300 && (el as any).busy; i++) await aTimeout(10);
  await el.updateComplete;
}

async function settledLoad(el: CustomerCard) {
  for (let i = 0; i < 300 && ['idle', 'loading'].includes((el as any).loadState); i++) await aTimeout(10);
  await el.updateComplete;
}

async function ready(el: CustomerCard) {
  for (let i = 0; i < 300 && (el as any).loadState !== 'ready'; i++) await aTimeout(10);
  await el.updateComplete;
}
const $ = (el: CustomerCard, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement;
const text = (el: CustomerCard) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<cl-customer-card>', () => {
  it('is accessible, loaded and with the access link open', async () => {
    const { client } = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    await expect(el).to.be.accessible();
    $(el, '[data-action=invite]').click();
    await idle(el);
    await expect(el).to.be.accessible();
  });

  it('shows header, contact, address, stats, orders, credits, consent, loyalty card and notes', async () => {
    const { client } = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    const t = text(el);
    expect($(el, 'h2').textContent).to.equal('Ana Souza');
    expect($(el, '[part=avatar]').textContent).to.equal('AS');
    expect($(el, '[part=status]').textContent).to.equal('Ativo');
    const picker = $(el, 'cl-category-picker') as any;
    expect(picker.value).to.deep.equal(['cat_vip', 'cat_old']);
    await picker.updateComplete;
    expect(picker.shadowRoot.textContent).to.contain('VIP').and.contain('Atacado');
    expect(t).to.match(/Cliente desde\s*02\/05\/2024/).and.match(/Origem\s*Loja online/);
    // Every system that knows her, with its id there (synced by document from the point of sale).
    expect($(el, '[data-sources]').textContent!.replace(/\s+/g, ' ').trim()).to.equal('Loja online, Ponto de venda (código PDV-77)');
    expect($(el, '[data-document]').textContent).to.equal('***.982.247-**');
    expect(($(el, 'a.whatsapp') as HTMLAnchorElement).href).to.equal('https://wa.me/5511987654321');
    expect(t).to.contain('(11) 98765-4321').and.contain('Avenida Paulista, 1000').and.contain('CEP 01310-100');
    expect(t).to.match(/Total gasto\s*R\$\s1\.234,56/);
    expect(t).to.match(/Última compra\s*10\/10\/2026/).and.contain('4,5 de 5').and.match(/Desconto\s*10% \(categoria VIP\)/);
    // The discount that applies is the largest: VIP's 10 % over the customer's own 5 %; the inactive Atacado's 20 % gives none.
    expect(el.shadowRoot!.querySelectorAll('[part~=order-row]')).to.have.length(5);
    expect(el.shadowRoot!.querySelector('[part~=order-row] [role=img]')!.getAttribute('aria-label')).to.equal('4 de 5');
    const creditRows = [...el.shadowRoot!.querySelectorAll('section[aria-labelledby=h-credits] tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(creditRows[0]).to.contain('Indique e Ganhe').and.contain('01/12/2026').and.match(/R\$\s20,00 R\$\s5,00/).and.contain('A vencer');
    expect(creditRows[1]).to.contain('Bônus (cashback)').and.match(/R\$\s15,00 R\$\s15,00/).and.contain('Ativo');
    // What is stored, figures and statuses alike: first purchase, average ticket, a returned order.
    expect(t).to.match(/Primeira compra\s*01\/06\/2024/).and.match(/Ticket médio\s*R\$\s176,37/);
    expect(el.shadowRoot!.querySelectorAll('[part~=order-row]')[2]!.textContent).to.contain('Devolvido');
    // Each order with its unit by name (a unit the list does not name shows its code; none, "Sem unidade").
    const units = [...el.shadowRoot!.querySelectorAll('[part~=order-row]')].map((r) => r.querySelectorAll('td')[1]!.textContent!.trim());
    expect(units.slice(0, 3)).to.deep.equal(['Loja Rua Augusta', 'loja_fechada', 'Sem unidade']);
    expect(t).to.contain('FID-0001').and.contain('Prefere entrega à tarde.');
    const consent = (ch: string) => $(el, `[data-consent=${ch}]`) as HTMLInputElement;
    expect([consent('email').checked, consent('sms').checked, consent('whatsapp').checked]).to.deep.equal([true, false, true]);
    expect(consent('sms').getAttribute('role')).to.equal('switch');
  });

  it('turns a channel on and off with a PATCH guarded by If-Match, and says when another person changed the customer first', async () => {
    const fake = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${fake.client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    const sms = () => $(el, '[data-consent=sms]') as HTMLInputElement;
    sms().focus();
    await userEvent.keyboard(' ');
    await idle(el);
    expect(fake.calls.filter((c) => c.startsWith('PATCH'))).to.have.length(1);
    expect(sms().checked).to.equal(true);
    expect($(el, '[role=status].message').textContent).to.equal('Alterações salvas.');
    expect((await fake.client.customers.retrieve('cus_1')).marketingConsent).to.include({ email: true, sms: true, whatsapp: true });
    fake.bump();
    const email = $(el, '[data-consent=email]') as HTMLInputElement;
    email.click();
    await idle(el);
    expect($(el, '[role=status].message').textContent).to.contain('alterado por outra pessoa');
    // The refused change is undone on screen: the current record (e-mail still allowed) shows.
    expect(email.checked).to.equal(true);
  });

  it('says which channel cannot reach the customer: a switch without a contact is described', async () => {
    const { client } = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    el.requestUpdate();
    (el as any).customer = { ...(el as any).customer, phone: '', whatsapp: false };
    await el.updateComplete;
    const sms = $(el, '[data-consent=sms]');
    expect(sms.getAttribute('aria-describedby')).to.equal('consent-sms-hint');
    expect($(el, '#consent-sms-hint').textContent).to.equal('(sem telefone cadastrado)');
    expect($(el, '[data-consent=email]').hasAttribute('aria-describedby')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('says how many devices have the app (push), names them as text, and says so when there is none', async () => {
    const fake = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${fake.client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    const line = $(el, '[data-devices]');
    expect(line.dataset.devices).to.equal('3');
    expect(line.textContent!.replace(/\s+/g, ' '))
      .to.contain('App: 3 dispositivos')
      .and.contain('Moto G <i>da Ana</i> (Android)')
      .and.contain('Loja (navegador)')
      .and.contain('Chrome no Linux (navegador, Web Push)');
    expect(line.querySelector('i')).to.equal(null);
    await expect(el).to.be.accessible();
    el.lang = 'en';
    await waitUntil(() => $(el, '[data-devices]')?.textContent?.includes('App: 3 devices'), 'English');
    expect($(el, '[data-devices]').textContent).to.contain('Chrome no Linux (browser, Web Push)');
    const one = Object.create(fake.client);
    one.devices = { ofCustomer: async () => [] };
    const none = await fixture<CustomerCard>(html`<cl-customer-card .client=${one} customer-id="cus_1"></cl-customer-card>`);
    await ready(none);
    expect($(none, '[data-devices]').textContent).to.contain('App: sem o aplicativo');
  });

  it('says when the messages could not be read, keeps the rest of the card, and reads them again on "Tentar novamente"', async () => {
    let fail = true;
    const fake = api();
    const wrapped = Object.create(fake.client);
    wrapped.messages = { ...fake.client.messages, ofCustomer: (...args: Parameters<typeof fake.client.messages.ofCustomer>) => (fail ? Promise.reject(new Error('offline')) : fake.client.messages.ofCustomer(...args)) };
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${wrapped} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    expect($(el, '[data-messages-failed]').textContent).to.contain('Não foi possível carregar as mensagens.');
    expect(text(el)).to.contain('Avenida Paulista');
    fail = false;
    ($(el, '[data-messages-failed] button') as HTMLButtonElement).click();
    await idle(el);
    expect(el.shadowRoot!.querySelectorAll('[data-message]')).to.have.length(3);
  });

  it('lists the messages the customer received: date through Intl, channel, text as text, status and reason', async () => {
    const { client } = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    const rows = () => [...el.shadowRoot!.querySelectorAll('[data-message]')] as HTMLElement[];
    expect(rows()).to.have.length(3);
    const [first, second, third] = rows();
    expect(first!.querySelector('time')!.textContent).to.equal('01/11/2026, 12:00');
    expect(first!.textContent).to.contain('E-mail').and.contain('Novidades').and.contain('Oi Ana <b>!</b>').and.contain('Entregue');
    expect(first!.querySelector('b')).to.equal(null);
    expect(second!.textContent).to.contain('SMS').and.contain('Não enviada').and.contain('Sem autorização para este canal');
    expect(third!.textContent).to.contain('Push').and.contain('Sem o aplicativo');
    el.lang = 'en';
    await waitUntil(() => rows()[0]?.textContent?.includes('Delivered'), 'English');
    expect(rows()[0]!.querySelector('time')!.textContent).to.equal('11/1/26, 12:00 PM');
  });

  it('reveals the document by reading the record again (an audited read), and hides it', async () => {
    const { client, calls } = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    const before = calls.filter((c) => c === 'GET /customers/cus_1').length;
    const button = $(el, '[aria-pressed]');
    button.click();
    await idle(el);
    expect(calls.filter((c) => c === 'GET /customers/cus_1').length).to.equal(before + 1);
    expect($(el, '[data-document]').textContent).to.equal('529.982.247-25');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    button.click();
    await el.updateComplete;
    expect($(el, '[data-document]').textContent).to.equal('***.982.247-**');
  });

  it('reads the record masked; copying the document reads the full one (an audited read) without showing it', async () => {
    const { client, calls } = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    expect(calls.filter((c) => c === 'GET /customers/cus_1?document=masked')).to.have.length(1);
    expect(calls.filter((c) => c === 'GET /customers/cus_1')).to.have.length(0);
    let copied = '';
    const clipboard = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (value: string) => {
      copied = value;
    };
    try {
      $(el, '[data-action=copy-document]').click();
      await idle(el);
    } finally {
      navigator.clipboard.writeText = clipboard;
    }
    expect(copied).to.equal('52998224725');
    expect(calls.filter((c) => c === 'GET /customers/cus_1')).to.have.length(1);
    expect($(el, '[data-document]').textContent).to.equal('***.982.247-**');
  });

  it('pages the orders with the cursor', async () => {
    const { client, calls } = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    $(el, '[data-more]').click();
    await idle(el);
    expect(el.shadowRoot!.querySelectorAll('[part~=order-row]')).to.have.length(7);
    expect(calls).to.include('GET /customers/cus_1/orders?cursor=p2&limit=5');
    expect($(el, '[data-more]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelectorAll('[part~=order-row]')[5]);
  });

  it('shows an order status change made through the same client, with the figures the server recomputed', async () => {
    const { client, returnFirst } = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    expect(el.shadowRoot!.querySelectorAll('[part~=order-row]')[0]!.textContent).to.contain('Entregue');
    const returned = returnFirst();
    client.changes.emit({ type: 'order.updated', order: returned as any });
    for (let i = 0; i < 300 && !el.shadowRoot!.querySelectorAll('[part~=order-row]')[0]!.textContent!.includes('Devolvido'); i++) await aTimeout(10);
    expect(el.shadowRoot!.querySelectorAll('[part~=order-row]')[0]!.textContent).to.contain('Devolvido');
    expect(text(el)).to.match(/Pedidos\s*6/).and.match(/Total gasto\s*R\$\s1\.184,55/);
    // Another customer's order changes nothing here.
    client.changes.emit({ type: 'order.updated', order: { ...(returned as any), customerId: 'cus_2' } });
  });

  it('changes categories with the category picker (PATCH with If-Match)', async () => {
    const { client, calls } = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    const picker = $(el, 'cl-category-picker') as any;
    picker.value = ['cat_vip'];
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await idle(el);
    expect(calls).to.include('PATCH /customers/cus_1');
    expect(el.customer!.categoryIds).to.deep.equal(['cat_vip']);
    expect(el.customer!.version).to.equal(4);
  });

  it('puts the categories back and shows the server message when the change is refused', async () => {
    const refusing = fakeClient({
      'GET /customers/:id': () => json(customer),
      'GET /customers/:id/orders': () => json({ items: [], nextCursor: null }),
      'GET /customers/:id/credits': () => json({ items: [], balanceCents: 0 }),
      'GET /categories': () => json({ items: [], balanceCents: 0 }),
      'PATCH /customers/:id': () => problem(422, { title: 'Dados inválidos', detail: 'Categoria inativa.', errors: [{ path: 'categoryIds', code: 'inactive_category', message: 'Categoria inativa.' }] }),
    }).client;
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${refusing} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    const picker = $(el, 'cl-category-picker') as any;
    picker.value = ['cat_vip', 'cat_old', 'cat_new'];
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await idle(el);
    expect($(el, '.message').textContent).to.equal('Categoria inativa.');
    expect(picker.value).to.deep.equal(['cat_vip', 'cat_old']);
  });

  it('emits cl-customer-edit for the edit action', async () => {
    const { client } = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    const event = oneEvent(document, 'cl-customer-edit');
    $(el, '[data-action=edit]').click();
    expect((await event).detail).to.deep.equal({ id: 'cus_1' });
  });

  it('blocks with If-Match, emits cl-customer-saved, and recovers from a stale version', async () => {
    const { client, bump } = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    const saved = oneEvent(el, 'cl-customer-saved');
    $(el, '[data-action=block]').click();
    expect((await saved).detail.customer.status).to.equal('blocked');
    await el.updateComplete;
    expect($(el, '[part=status]').textContent).to.equal('Bloqueado');
    expect($(el, '[data-action=block]').textContent!.trim()).to.equal('Desbloquear');
    bump();
    ($(el, '[data-action=status]') as HTMLSelectElement).value = 'inactive';
    $(el, '[data-action=apply-status]').click();
    await idle(el);
    expect($(el, '.message').textContent).to.contain('alterado por outra pessoa');
    expect(el.customer!.version).to.equal(5);
    $(el, '[data-action=apply-status]').click();
    await idle(el);
    expect($(el, '[part=status]').textContent).to.equal('Inativo');
  });

  it('creates an access link on the page given by invite-url, with a copy button; nothing is sent', async () => {
    const { client, calls } = api();
    const el = await fixture<CustomerCard>(
      html`<cl-customer-card .client=${client} customer-id="cus_1" invite-url="https://loja.example/conta"></cl-customer-card>`,
    );
    await ready(el);
    $(el, '[data-action=invite]').click();
    await idle(el);
    const input = $(el, '[data-copy=link]') as HTMLInputElement;
    expect(input.value).to.equal('https://loja.example/conta?token=tok_abc');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect($(el, '[data-account]').textContent).to.equal('Link de acesso criado, sem senha ainda');
    expect(calls.filter((c) => c.startsWith('POST'))).to.deep.equal(['POST /customers/cus_1/invitations']);
    $(el, '[data-action=copy-link]').click();
    // The clipboard answers when it answers (slower on a busy machine): wait for the word, no clock.
    await waitUntil(() => $(el, '[data-action=copy-link]').textContent!.trim() === 'Copiado', 'Copiado', { timeout: 3000 });
  });

  it('works from the keyboard: Tab reaches the reveal button and Enter reveals', async () => {
    const { client } = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${client} customer-id="cus_1"></cl-customer-card>`);
    await ready(el);
    ($(el, 'a[href^=mailto]') as HTMLElement).focus();
    await userEvent.tab({ shift: true });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[data-action=copy-document]'));
    await userEvent.tab({ shift: true });
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[aria-pressed]'));
    await userEvent.keyboard('{Enter}');
    await idle(el);
    expect($(el, '[data-document]').textContent).to.equal('529.982.247-25');
  });

  it('shows not-found and load-error states', async () => {
    const { client } = api();
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${client} customer-id="cus_404"></cl-customer-card>`);
    await settledLoad(el);
    expect($(el, '[role=alert]').textContent).to.equal('Cliente não encontrado.');
    const broken = fakeClient({ 'GET /customers/:id': () => problem(500) }).client;
    el.client = broken;
    await el.updateComplete;
    await settledLoad(el);
    expect($(el, '[role=alert]').textContent).to.contain('Não foi possível carregar');
    await expect(el).to.be.accessible();
  });
});

describe('<cl-customer-card> against the mock server', () => {
  it('loads a real customer, reveals the document (written to the data log) and creates an access link', async () => {
    const { serverClients, validCpf, uniqueSeed } = await import('../internal/test-helpers.js');
    const { secret } = await serverClients();
    const seed = uniqueSeed();
    const document_ = validCpf(seed);
    const created = await secret.customers.create({ kind: 'person', document: document_, firstName: 'Caio', lastName: `Cartão ${seed}`, email: `caio.${seed}@example.com`, phone: '11987654321', whatsapp: true });
    const el = await fixture<CustomerCard>(html`<cl-customer-card .client=${secret} customer-id=${created.id}></cl-customer-card>`);
    await ready(el);
    expect($(el, 'h2').textContent).to.equal(`Caio Cartão ${seed}`);
    expect($(el, '[data-document]').textContent).to.match(/^\*\*\*\.\d{3}\.\d{3}-\*\*$/);
    // Opening the card is not a reveal: the log has none for this customer until the eye.
    const reveals = async () => (await secret.audit.list({ action: 'customer.reveal', limit: 200 })).items.filter((e) => e.target === created.id);
    expect(await reveals()).to.have.length(0);
    $(el, '[aria-pressed]').click();
    await idle(el);
    expect($(el, '[data-document]').textContent!.replace(/\D/g, '')).to.equal(document_);
    const after = await reveals();
    expect(after).to.have.length(1);
    expect(after[0]!.targetName).to.equal(`Caio Cartão ${seed}`);

    $(el, '[data-action=invite]').click();
    await idle(el);
    expect(($(el, '[data-copy=link]') as HTMLInputElement).value).to.match(/[?&]token=[\w-]+/);
    expect((await secret.customers.retrieve(created.id)).account.status).to.equal('invited');
  });
});
