// "Ativar notificações" under "Minha conta": the signed-in shopper turns push messages on in this
// browser with a real Web Push subscription — the store's VAPID public key from the server, a
// service worker (push-sw.js) and `PushManager.subscribe` — sent to the server as the device, which
// then sends to it over Web Push (the push channel on `webpush`). Where the browser cannot (no
// service worker or Push API, notifications blocked, its push service out of reach when offline),
// it says so and registers nothing.
import type { Device, Session } from '@clientela/core';
import { lang, storefrontClient } from '../shared.js';

const client = storefrontClient();

const words = {
  'pt-BR': {
    title: 'Notificações', intro: 'Receba avisos da loja (promoções, créditos a vencer) neste navegador.',
    on: 'Ativar notificações', off: 'Desativar notificações', active: 'Notificações ativadas neste navegador ({label}).',
    inactive: 'Notificações desativadas neste navegador.', failed: 'Não foi possível mudar as notificações. Tente novamente.', browser: 'Navegador',
    unsupported: 'Este navegador não recebe notificações da loja (não tem suporte a Web Push ou a página não está em HTTPS).',
    denied: 'As notificações deste site estão bloqueadas no navegador: libere-as nas configurações do site e tente de novo.',
    unreachable: 'Não foi possível falar com o serviço de notificações do navegador (sem conexão com a internet?). Tente novamente mais tarde.',
    unavailable: 'A loja ainda não envia notificações para navegadores.',
  },
  en: {
    title: 'Notifications', intro: 'Get the store’s notices (offers, credits about to expire) in this browser.',
    on: 'Turn on notifications', off: 'Turn off notifications', active: 'Notifications are on in this browser ({label}).',
    inactive: 'Notifications are off in this browser.', failed: 'Could not change notifications. Try again.', browser: 'Browser',
    unsupported: 'This browser cannot receive the store’s notifications (no Web Push support, or the page is not on HTTPS).',
    denied: 'Notifications from this site are blocked in the browser: allow them in the site settings and try again.',
    unreachable: 'Could not reach the browser’s notification service (no internet connection?). Try again later.',
    unavailable: 'The store does not send browser notifications yet.',
  },
  es: {
    title: 'Notificaciones', intro: 'Recibe avisos de la tienda (ofertas, créditos por vencer) en este navegador.',
    on: 'Activar notificaciones', off: 'Desactivar notificaciones', active: 'Notificaciones activadas en este navegador ({label}).',
    inactive: 'Notificaciones desactivadas en este navegador.', failed: 'No se pudieron cambiar las notificaciones. Inténtalo de nuevo.', browser: 'Navegador',
    unsupported: 'Este navegador no recibe notificaciones de la tienda (no admite Web Push o la página no está en HTTPS).',
    denied: 'Las notificaciones de este sitio están bloqueadas en el navegador: permítelas en la configuración del sitio e inténtalo de nuevo.',
    unreachable: 'No se pudo contactar con el servicio de notificaciones del navegador (¿sin conexión a internet?). Inténtalo más tarde.',
    unavailable: 'La tienda aún no envía notificaciones al navegador.',
  },
} as const;
const t = words[lang as keyof typeof words] ?? words['pt-BR'];

/** Why Web Push cannot be turned on here, as the message to show. */
class PushBlocked extends Error {}

/** Web Push needs a secure context (HTTPS or localhost), a service worker and the Push API. */
function pushSupported(): boolean {
  return window.isSecureContext && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

/** This page's service worker registration (registered once; the browser keeps it). */
async function serviceWorker(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register(new URL('./push-sw.js', import.meta.url));
  return navigator.serviceWorker.ready;
}

/** This browser's current subscription, if it has one. */
async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  // The registration controlling this page (the storefront's scope).
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** Asks the browser for a subscription to the store's VAPID key; a {@link PushBlocked} says why it cannot. */
async function subscribe(): Promise<PushSubscription> {
  if (!pushSupported()) throw new PushBlocked(t.unsupported);
  if (Notification.permission === 'denied') throw new PushBlocked(t.denied);
  let publicKey: string;
  try {
    ({ publicKey } = await client.devices.webPushKey());
  } catch (e) {
    if ((e as { status?: number }).status === 503) throw new PushBlocked(t.unavailable);
    throw e;
  }
  const registration = await serviceWorker();
  if ((await Notification.requestPermission()) !== 'granted') throw new PushBlocked(t.denied);
  try {
    const existing = await registration.pushManager.getSubscription();
    return existing ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey }));
  } catch (e) {
    // NotAllowedError: permission; anything else (AbortError "push service error"): the push service is out of reach.
    throw new PushBlocked((e as DOMException).name === 'NotAllowedError' ? t.denied : t.unreachable);
  }
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

/** Finds this browser among the shopper's devices (its subscription's endpoint is the token; the server answers only its end). */
async function refresh(): Promise<void> {
  if (!session) return;
  try {
    const endpoint = (await currentSubscription())?.endpoint;
    const mine = await client.devices.mine(session.token);
    device = endpoint ? mine.find((d) => d.webPush && endpoint.endsWith(d.tokenEnd)) : undefined;
    render(!device && !pushSupported() ? t.unsupported : undefined);
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
      await (await currentSubscription())?.unsubscribe();
      device = undefined;
    } else {
      const subscription = (await subscribe()).toJSON();
      device = await client.devices.register(session.token, {
        subscription: { endpoint: subscription.endpoint ?? '', keys: { p256dh: subscription.keys?.p256dh ?? '', auth: subscription.keys?.auth ?? '' } },
        platform: 'web',
        appName: document.title.split(' — ')[0] || 'Loja',
        label: browserLabel(),
      });
    }
    render();
  } catch (e) {
    render(e instanceof PushBlocked ? e.message : t.failed);
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
