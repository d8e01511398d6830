// The customer's page: <cl-customer-card> in the #detail aside, opened from the table
// (`cl-customer-open`) or from the credits wallet. "Edit" bubbles up as `cl-customer-edit`, which
// dialogs.ts answers with the customer form; its `cl-customer-saved` refreshes the card.
import '@clientela/elements/customer-card';
import { customerDisplayName } from '@clientela/core';
import { adminClient } from '../admin-client.js';
import { openPrivacyFor } from './privacy-view.js';
import { lang } from '../shared.js';

const client = adminClient();
const aside = document.querySelector<HTMLElement>('#detail')!;
const closeLabel: Record<string, string> = { 'pt-BR': 'Fechar', en: 'Close', es: 'Cerrar' };
const privacyLabel: Record<string, string> = { 'pt-BR': 'Solicitação LGPD', en: 'LGPD request', es: 'Solicitud LGPD' };

/**
 * The storefront account page, where the access link lands (`?token=` is added by the card).
 * Customers who came in a spreadsheet import were migrated from another platform: their link
 * opens the "set a new password" wording (catalog scenario 4).
 */
function accountPageUrl(migrated: boolean): string {
  const url = new URL('../storefront/', location.href);
  if (lang !== 'pt-BR') url.searchParams.set('lang', lang);
  if (migrated) url.searchParams.set('catalog', 'migrated');
  return url.href;
}

// #detail is this view's: a drawer on the right over the list, scrolling on its own.
const style = document.createElement('style');
style.textContent = `
  #detail:not([hidden]) { position: fixed; inset: var(--detail-top, 0) 0 0 auto; width: min(760px, 100vw); overflow: auto; box-sizing: border-box;
    padding: 1rem 1.25rem 2rem; background: var(--cl-color-surface, #fff); border-left: 1px solid var(--cl-color-border, #c9d1dc);
    box-shadow: -8px 0 24px rgb(0 0 0 / 0.12); z-index: 10; }
  #detail .detail-close, #detail .detail-action { float: right; min-height: 44px; min-width: 44px; padding: 0 1rem; font: inherit; border-radius: 6px;
    border: 1px solid var(--cl-color-border, #c9d1dc); background: transparent; color: inherit; cursor: pointer; }
  #detail .detail-action { margin-right: 0.5rem; }
  /* Phones: a full-screen sheet; "Fechar" sits on its own row and stays there while the card scrolls. */
  @media (max-width: 640px) {
    #detail:not([hidden]) { inset: 0; width: 100vw; padding: 0 0.75rem 1.5rem; border-left: 0; box-shadow: none; }
    #detail .detail-close { position: sticky; top: 0; z-index: 2; float: none; display: block; margin: 0 0 0.5rem auto;
      background: var(--cl-color-surface, Canvas); }
    #detail .detail-action { float: none; display: block; margin: 0 0 0.5rem auto; }
  }
`;
document.head.append(style);

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
    // The customer's data-subject requests (LGPD): opened on their behalf from their card.
    const privacy = document.createElement('button');
    privacy.type = 'button';
    privacy.className = 'detail-action';
    privacy.dataset['action'] = 'privacy';
    privacy.textContent = privacyLabel[lang] ?? privacyLabel['pt-BR']!;
    privacy.addEventListener('click', () => {
      const c = aside.querySelector('cl-customer-card')?.customer;
      if (c) openPrivacyFor(c.id, customerDisplayName(c));
    });
    card = document.createElement('cl-customer-card');
    card.client = client;
    card.inviteUrl = accountPageUrl(false);
    // Capture runs on the host before the card's own button handler, with the record loaded.
    card.addEventListener(
      'click',
      (event) => {
        const target = event.composedPath()[0] as HTMLElement;
        if (target.closest?.('[data-action=invite]') && card!.customer) card!.inviteUrl = accountPageUrl(card!.customer.source === 'import');
      },
      { capture: true },
    );
    aside.replaceChildren(close, privacy, card);
  }
  card.customerId = id;
  aside.hidden = false;
  // Below the page header, so its buttons (data log, import…) stay reachable.
  aside.style.setProperty('--detail-top', `${Math.max(0, document.querySelector('.page-header')?.getBoundingClientRect().bottom ?? 0)}px`);
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
