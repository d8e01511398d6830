// Catalog scenarios 2–4 of the Account page (account-page.ts draws the tabs; scenario 1, open
// registration, is the registration form's): each panel gets a <cl-account-access>.
//   2. seller-registered customers open the access link the store sent them (`?token=`), set a
//      password and are signed in to see their orders;
//   3. private catalog: only pre-registered customers sign in with e-mail and password;
//   4. customers migrated from another platform set a new password on first access
//      (`?token=…&catalog=migrated`, or the e-mailed `?token=…&purpose=first-access`).
// "Esqueci minha senha" on any sign-in form e-mails a link back here (`?token=…&purpose=reset`),
// which opens the seller panel's set-password step with the recovery wording.
// Whoever signs in (there, or by registering with a password) lands on "Minha conta", one
// <cl-account-access> that keeps the session across reloads until it expires. The storefront
// holds only the publishable key.
import '@clientela/elements/account-access';
import type { Session } from '@clientela/core';
import { lang, storefrontClient } from '../shared.js';
import { attachPushOptIn } from './push-optin.js';

const client = storefrontClient();
const params = new URLSearchParams(location.search);
const token = params.get('token') ?? '';
const purpose = params.get('purpose');
const linkPanel = params.get('catalog') === 'migrated' || purpose === 'first-access' ? 'migrated' : 'seller';

const words: Record<string, { linkHint: string }> = {
  'pt-BR': { linkHint: 'Recebeu um link de acesso da loja? Abra-o para cadastrar sua senha. Já tem senha? Entre abaixo.' },
  en: { linkHint: 'Got an access link from the store? Open it to set your password. Already have one? Sign in below.' },
  es: { linkHint: '¿Recibiste un enlace de acceso de la tienda? Ábrelo para crear tu contraseña. ¿Ya tienes una? Ingresa abajo.' },
};
const t = words[lang] ?? words['pt-BR']!;

// "Minha conta": the one place a signed-in shopper sees their area.
const account = document.createElement('cl-account-access');
account.client = client;
account.mode = 'sign-in';
document.getElementById('scenario-account')?.append(account);
// The tab's intro asks to sign in: once signed in, the area's own greeting takes its place.
const accountIntro = document.querySelector<HTMLElement>('#scenario-account > p');
const syncIntro = () => {
  if (accountIntro) accountIntro.hidden = account.hasAttribute('data-signed-in');
};
new MutationObserver(syncIntro).observe(account, { attributes: true, attributeFilter: ['data-signed-in'] });
syncIntro();
// Push: "Ativar notificações" in this browser, below the area (push-optin.ts).
attachPushOptIn(account);

function openAccount(session: Session): void {
  account.session = session;
  document.getElementById('tab-account')?.click();
}

const scenarioForms: HTMLElement[] = [];
for (const id of ['seller', 'private', 'migrated'] as const) {
  const panel = document.getElementById(`scenario-${id}`);
  if (!panel) continue;
  panel.querySelector('[data-pending=cl-account-access]')?.remove();
  const access = document.createElement('cl-account-access');
  access.client = client;
  // Only "Minha conta" restores a stored session; these forms stay forms.
  access.persist = false;
  access.variant = id === 'migrated' ? 'migrated' : 'invited';
  if (id !== 'private' && token && id === linkPanel) {
    access.token = token;
    if (purpose === 'reset') access.variant = 'reset';
    // A registration that met a record the store held (#18 §3): finishing claims that record.
    if (purpose === 'claim') access.variant = 'claim';
  } else access.mode = 'sign-in';
  if (id !== 'private' && !(token && id === linkPanel)) {
    const hint = document.createElement('p');
    hint.textContent = t.linkHint;
    panel.append(hint);
  }
  access.addEventListener('cl-signed-in', (event) => {
    access.reset();
    // The link's token is spent: drop it from the address so a reload does not say "link used".
    if (token) {
      const url = new URL(location.href);
      url.searchParams.delete('token');
      url.searchParams.delete('catalog');
      url.searchParams.delete('purpose');
      url.hash = '#conta';
      history.replaceState(null, '', url);
    }
    openAccount(event.detail.session);
  });
  panel.append(access);
  scenarioForms.push(access);
}

// Registering with a password signs the shopper in: "Minha conta" is ready when they follow the link.
document.querySelector('#scenario-open')?.addEventListener('cl-signed-in', (event) => {
  account.session = (event as CustomEvent<{ session: Session }>).detail.session;
});

// Opened from an access link: show the panel that can use it; else a signed-in shopper starts in their area.
if (token) document.getElementById(`tab-${linkPanel}`)?.click();
else if (account.hasAttribute('data-signed-in') && !location.hash) document.getElementById('tab-account')?.click();
