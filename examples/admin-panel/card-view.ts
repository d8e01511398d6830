// The customer's page: <cl-customer-card> in the #detail aside, opened from the table
// (`cl-customer-open`) or from the credits wallet. "Edit" bubbles up as `cl-customer-edit`, which
// dialogs.ts answers with the customer form; its `cl-customer-saved` refreshes the card.
import '@clientela/elements/customer-card';
import { adminClient, lang } from '../shared.js';

const client = adminClient();
const aside = document.querySelector<HTMLElement>('#detail')!;
const closeLabel: Record<string, string> = { 'pt-BR': 'Fechar', en: 'Close', es: 'Cerrar' };

/** The storefront account page, where the access link lands (`?token=` is added by the card). */
function accountPageUrl(): string {
  const url = new URL('../storefront/', location.href);
  if (lang !== 'pt-BR') url.searchParams.set('lang', lang);
  return url.href;
}

let opener: HTMLElement | null = null;

/** Shows customer `id` in the aside (reusing the card when one is open). */
export function openCustomerCard(id: string): void {
  opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  let card = aside.querySelector('cl-customer-card');
  if (!card) {
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'detail-close';
    close.textContent = closeLabel[lang] ?? closeLabel['pt-BR']!;
    close.addEventListener('click', closeCustomerCard);
    card = document.createElement('cl-customer-card');
    card.client = client;
    card.inviteUrl = accountPageUrl();
    aside.replaceChildren(close, card);
  }
  card.customerId = id;
  aside.hidden = false;
  aside.setAttribute('aria-label', 'Cliente');
  // Move focus into the panel so keyboard users land on what they opened.
  void card.updateComplete.then(() => (aside.querySelector('.detail-close') as HTMLElement | null)?.focus());
}

export function closeCustomerCard(): void {
  aside.hidden = true;
  aside.replaceChildren();
  opener?.focus();
}

document.addEventListener('cl-customer-open', (event) => {
  const id = (event as CustomEvent<{ id?: string }>).detail?.id;
  if (!id) return;
  // This view owns #detail: the simpler panel (customer-view.ts) must not render there too.
  event.stopImmediatePropagation();
  openCustomerCard(id);
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !aside.hidden && aside.contains(document.activeElement) && !document.querySelector('dialog[open]')) closeCustomerCard();
});
