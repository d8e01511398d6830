// Catalog scenarios 2–4 of the Account page (account-page.ts draws the tabs; scenario 1, open
// registration, is the registration form's): each panel gets a <cl-account-access>.
//   2. seller-registered customers open the access link the store sent them (`?token=`), set a
//      password and are signed in to see their orders;
//   3. private catalog: only pre-registered customers sign in with e-mail and password;
//   4. customers migrated from another platform set a new password on first access
//      (`?token=…&catalog=migrated`).
// The storefront holds only the publishable key.
import '@clientela/elements/account-access';
import type { Session } from '@clientela/core';
import { lang, storefrontClient } from '../shared.js';

const client = storefrontClient();
const params = new URLSearchParams(location.search);
const token = params.get('token') ?? '';
const linkPanel = params.get('catalog') === 'migrated' ? 'migrated' : 'seller';

const words: Record<string, { linkHint: string; welcome: string }> = {
  'pt-BR': {
    linkHint: 'Recebeu um link de acesso da loja? Abra-o para cadastrar sua senha. Já tem senha? Entre abaixo.',
    welcome: 'Olá, {name}! O catálogo e seus pedidos estão liberados.',
  },
  en: {
    linkHint: 'Got an access link from the store? Open it to set your password. Already have one? Sign in below.',
    welcome: 'Hello, {name}! The catalog and your orders are open to you.',
  },
  es: {
    linkHint: '¿Recibiste un enlace de acceso de la tienda? Ábrelo para crear tu contraseña. ¿Ya tienes una? Ingresa abajo.',
    welcome: '¡Hola, {name}! El catálogo y tus pedidos están disponibles.',
  },
};
const t = words[lang] ?? words['pt-BR']!;

for (const id of ['seller', 'private', 'migrated'] as const) {
  const panel = document.getElementById(`scenario-${id}`);
  if (!panel) continue;
  panel.querySelector('[data-pending=cl-account-access]')?.remove();
  const access = document.createElement('cl-account-access');
  access.client = client;
  access.variant = id === 'migrated' ? 'migrated' : 'invited';
  if (id !== 'private' && token && id === linkPanel) access.token = token;
  else access.mode = 'sign-in';
  if (id !== 'private' && !(token && id === linkPanel)) {
    const hint = document.createElement('p');
    hint.textContent = t.linkHint;
    panel.append(hint);
  }
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.className = 'welcome';
  access.addEventListener('cl-signed-in', (event) => {
    const session: Session = event.detail.session;
    status.dataset['session'] = session.customerId;
    status.textContent = t.welcome.replace('{name}', session.name);
    // The link's token is spent: drop it from the address so a reload does not say "link used".
    if (token) {
      const url = new URL(location.href);
      url.searchParams.delete('token');
      history.replaceState(null, '', url);
    }
  });
  panel.append(access, status);
}

// Opened from an access link: show the panel that can use it.
if (token) document.getElementById(`tab-${linkPanel}`)?.click();
