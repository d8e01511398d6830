// A simple customer panel in <aside id="detail">: contact, address, categories and stats, read
// masked with customers.retrieve(id, { document: 'masked' }), so opening a customer is not logged
// as a reveal (the card's eye is the one place to see the full document). When the card view
// (card-view.ts, with <cl-customer-card>) is loaded it answers cl-customer-open first and this
// panel stays out of the way. Text goes in through textContent only: no HTML from data.
import { customerDisplayName, formatCep, formatDocument, formatPhoneBR, whatsappUrl, type Category, type Customer } from '@clientela/core';
import { adminClient } from '../admin-client.js';
import { lang } from '../shared.js';

const client = adminClient();
const aside = document.querySelector<HTMLElement>('#detail')!;

const words: Record<string, Record<string, string>> = {
  'pt-BR': { title: 'Cliente', close: 'Fechar', contact: 'Contato', address: 'Endereço', categories: 'Categorias', stats: 'Resumo', orders: 'Pedidos', spent: 'Total gasto', last: 'Última compra', since: 'Cliente desde', document: 'CPF/CNPJ', email: 'E-mail', phone: 'Telefone', none: '—', loading: 'Carregando…', failed: 'Não foi possível abrir o cliente.' },
  en: { title: 'Customer', close: 'Close', contact: 'Contact', address: 'Address', categories: 'Categories', stats: 'Summary', orders: 'Orders', spent: 'Total spent', last: 'Last purchase', since: 'Customer since', document: 'CPF/CNPJ', email: 'E-mail', phone: 'Phone', none: '—', loading: 'Loading…', failed: 'The customer could not be opened.' },
  es: { title: 'Cliente', close: 'Cerrar', contact: 'Contacto', address: 'Dirección', categories: 'Categorías', stats: 'Resumen', orders: 'Pedidos', spent: 'Total gastado', last: 'Última compra', since: 'Cliente desde', document: 'CPF/CNPJ', email: 'E-mail', phone: 'Teléfono', none: '—', loading: 'Cargando…', failed: 'No se pudo abrir el cliente.' },
};
const w = words[lang] ?? words['pt-BR']!;
const money = new Intl.NumberFormat(lang, { style: 'currency', currency: 'BRL' });
const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'America/Sao_Paulo' });

const style = document.createElement('style');
style.textContent = `
  #detail.customer-view:not([hidden]) { position: fixed; inset: 0 0 0 auto; width: min(420px, 100vw); overflow: auto; box-sizing: border-box;
    padding: 1rem 1.25rem; background: var(--cl-color-surface, #fff); color: var(--cl-color-text, inherit);
    border-left: 1px solid var(--cl-color-border, #c9d1dc); box-shadow: -8px 0 24px rgb(0 0 0 / 0.12); z-index: 10; }
  #detail.customer-view dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
  #detail.customer-view dt { color: var(--cl-color-text-muted, #4f5b6b); }
  #detail.customer-view dd { margin: 0; }
  #detail.customer-view .close { float: right; min-height: 44px; padding: 0 1rem; font: inherit; border-radius: 6px;
    border: 1px solid var(--cl-color-border, #c9d1dc); background: transparent; color: inherit; cursor: pointer; }
  #detail.customer-view .chip { display: inline-block; margin: 0 0.25rem 0.25rem 0; padding: 0.1rem 0.6rem; border-radius: 999px; border: 2px solid var(--chip); }
`;
document.head.append(style);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function list(pairs: [string, string | Node][]): HTMLDListElement {
  const dl = el('dl');
  for (const [term, value] of pairs) {
    const dd = el('dd');
    dd.append(value || w.none!);
    dl.append(el('dt', term), dd);
  }
  return dl;
}


let opener: HTMLElement | null = null;
let current = 0;

function close(): void {
  aside.hidden = true;
  aside.replaceChildren();
  opener?.focus();
}

function render(c: Customer, categories: Category[]): void {
  const closeButton = el('button', w.close, 'close');
  closeButton.type = 'button';
  closeButton.addEventListener('click', close);
  const phone: Node = c.phone ? el('span', formatPhoneBR(c.phone)) : document.createTextNode('');
  if (c.phone && c.whatsapp) {
    const link = el('a', ' WhatsApp');
    link.href = whatsappUrl(c.phone);
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    (phone as HTMLElement).append(link);
  }
  const a = c.address;
  const chips = el('div');
  for (const id of c.categoryIds) {
    const cat = categories.find((x) => x.id === id);
    if (!cat) continue;
    const chip = el('span', cat.status === 'inactive' ? `${cat.name} (inativa)` : cat.name, 'chip');
    chip.style.setProperty('--chip', cat.color);
    chips.append(chip);
  }
  aside.replaceChildren(
    closeButton,
    el('h2', customerDisplayName(c)),
    el('h3', w.contact),
    list([
      [w.document!, formatDocument(c.document, { masked: true })],
      [w.email!, c.email ?? ''],
      [w.phone!, phone],
    ]),
    el('h3', w.address),
    el('p', a ? `${a.street}, ${a.number ?? 's/n'}${a.complement ? ` — ${a.complement}` : ''} · ${a.district ?? ''} · ${a.city}/${a.state} · ${formatCep(a.postalCode)}` : w.none),
    el('h3', w.categories),
    chips.childElementCount ? chips : el('p', w.none),
    el('h3', w.stats),
    list([
      [w.orders!, String(c.stats.ordersCount)],
      [w.spent!, money.format(c.stats.totalSpentCents / 100)],
      [w.last!, c.stats.lastPurchaseAt ? date.format(new Date(c.stats.lastPurchaseAt)) : ''],
      [w.since!, date.format(new Date(c.createdAt))],
    ]),
  );
  closeButton.focus();
}

/** Opens customer `id` in the aside. */
export async function openCustomer(id: string): Promise<void> {
  const ticket = ++current;
  opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  aside.className = 'customer-view';
  aside.setAttribute('aria-label', w.title!);
  aside.hidden = false;
  aside.replaceChildren(el('p', w.loading));
  try {
    const [customer, categories] = await Promise.all([client.customers.retrieve(id, { document: 'masked' }), client.categories.list()]);
    if (ticket === current) render(customer, categories);
  } catch {
    if (ticket === current) aside.replaceChildren(el('p', w.failed));
  }
}

document.addEventListener('cl-customer-open', (event) => void openCustomer(event.detail.id));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !aside.hidden && aside.classList.contains('customer-view')) close();
});
