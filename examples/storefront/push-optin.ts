// "Ativar notificações" under "Minha conta": the signed-in shopper turns push messages on in this
// browser. A real storefront would hand the token of its push service (a Web Push subscription,
// FCM) to `client.devices.register`; this offline example has no push service, so it makes a
// random token once and keeps it in this browser, labelled with the browser's name — enough to
// see the store's composer count this shopper as "has the app" and the card list the device.
import type { Device, Session } from '@clientela/core';
import { lang, storefrontClient } from '../shared.js';

const client = storefrontClient();
const TOKEN_KEY = 'clientela-demo-push-token';

const words = {
  'pt-BR': {
    title: 'Notificações', intro: 'Receba avisos da loja (promoções, créditos a vencer) neste navegador.',
    on: 'Ativar notificações', off: 'Desativar notificações', active: 'Notificações ativadas neste navegador ({label}).',
    inactive: 'Notificações desativadas neste navegador.', failed: 'Não foi possível mudar as notificações. Tente novamente.', browser: 'Navegador',
  },
  en: {
    title: 'Notifications', intro: 'Get the store’s notices (offers, credits about to expire) in this browser.',
    on: 'Turn on notifications', off: 'Turn off notifications', active: 'Notifications are on in this browser ({label}).',
    inactive: 'Notifications are off in this browser.', failed: 'Could not change notifications. Try again.', browser: 'Browser',
  },
  es: {
    title: 'Notificaciones', intro: 'Recibe avisos de la tienda (ofertas, créditos por vencer) en este navegador.',
    on: 'Activar notificaciones', off: 'Desactivar notificaciones', active: 'Notificaciones activadas en este navegador ({label}).',
    inactive: 'Notificaciones desactivadas en este navegador.', failed: 'No se pudieron cambiar las notificaciones. Inténtalo de nuevo.', browser: 'Navegador',
  },
} as const;
const t = words[lang as keyof typeof words] ?? words['pt-BR'];

/** This browser's made-up push token, created once. */
function browserToken(): string {
  let token = localStorage.getItem(TOKEN_KEY);
  if (!token) {
    const bytes = crypto.getRandomValues(new Uint8Array(20));
    token = `webpush:demo-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    localStorage.setItem(TOKEN_KEY, token);
  }
  return token;
}

/** "Chrome no Linux": the browser and system as a person names them. */
function browserLabel(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua) ? 'Edge' : /Firefox\//.test(ua) ? 'Firefox' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : t.browser;
  const system = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '';
  const on = lang === 'en' ? 'on' : lang === 'es' ? 'en' : 'no';
  return system ? `${browser} ${on} ${system}` : browser;
}

const section = document.createElement('section');
section.className = 'push-optin';
section.setAttribute('aria-labelledby', 'push-optin-title');
section.hidden = true;
const title = document.createElement('h2');
title.id = 'push-optin-title';
title.textContent = t.title;
const intro = document.createElement('p');
intro.textContent = t.intro;
const status = document.createElement('p');
status.setAttribute('role', 'status');
const button = document.createElement('button');
button.type = 'button';
section.append(title, intro, button, status);

let session: Session | undefined;
let device: Device | undefined;

function render(message?: string): void {
  button.textContent = device ? t.off : t.on;
  button.setAttribute('aria-pressed', String(!!device));
  status.textContent = message ?? (device ? t.active.replace('{label}', device.label ?? browserLabel()) : t.inactive);
}

/** Finds this browser among the shopper's devices (by the token's end: the server never answers tokens). */
async function refresh(): Promise<void> {
  if (!session) return;
  const token = localStorage.getItem(TOKEN_KEY);
  try {
    const mine = await client.devices.mine(session.token);
    device = token ? mine.find((d) => d.platform === 'web' && token.endsWith(d.tokenEnd)) : undefined;
    render();
  } catch {
    render(t.failed);
  }
}

button.addEventListener('click', async () => {
  if (!session) return;
  button.disabled = true;
  try {
    if (device) {
      await client.devices.remove(session.token, device.id);
      device = undefined;
    } else {
      device = await client.devices.register(session.token, { token: browserToken(), platform: 'web', appName: document.title.split(' — ')[0] || 'Loja', label: browserLabel() });
    }
    render();
  } catch {
    render(t.failed);
  } finally {
    button.disabled = false;
  }
});

/** Follows the account element: shown while a shopper is signed in. */
export function attachPushOptIn(account: HTMLElement & { session?: Session | undefined }): void {
  account.after(section);
  const sync = () => {
    const next = account.hasAttribute('data-signed-in') ? account.session : undefined;
    section.hidden = !next;
    if (next?.token === session?.token) return;
    session = next;
    device = undefined;
    if (session) void refresh();
  };
  new MutationObserver(sync).observe(account, { attributes: true, attributeFilter: ['data-signed-in'] });
  sync();
}
