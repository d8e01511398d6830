// "LGPD": a header button (placed after "Automações") opens <cl-privacy-requests> in a <dialog> —
// the data-subject request queue with its legal deadlines: download a person's archive, complete
// or refuse a request, anonymize a customer after typing the confirmation word. The address
// follows it (`#lgpd`), so a reload reopens it.
import '@clientela/elements/privacy-requests';
import { adminClient } from '../admin-client.js';
import { lang } from '../shared.js';

const client = adminClient();
const host = document.querySelector<HTMLElement>('#dialogs')!;
const words: Record<string, Record<'title' | 'close', string>> = {
  'pt-BR': { title: 'LGPD (titulares)', close: 'Fechar' },
  en: { title: 'LGPD (data subjects)', close: 'Close' },
  es: { title: 'LGPD (titulares)', close: 'Cerrar' },
};
const t = (key: 'title' | 'close') => (words[lang] ?? words['pt-BR']!)[key];
const HASH = '#lgpd';

function openPrivacy(): HTMLDialogElement {
  const open = document.querySelector<HTMLDialogElement>('#privacy-dialog');
  if (open) return open;
  const dialog = document.createElement('dialog');
  dialog.id = 'privacy-dialog';
  // The queue has its own heading; the dialog is named for it.
  dialog.setAttribute('aria-label', t('title'));
  const bar = document.createElement('div');
  bar.className = 'tools-bar bare';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t('close');
  close.addEventListener('click', () => dialog.close());
  bar.append(close);
  const queue = document.createElement('cl-privacy-requests');
  queue.client = client;
  dialog.append(bar, queue);
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (location.hash === HASH) history.replaceState(null, '', `${location.pathname}${location.search}`);
  });
  host.append(dialog);
  dialog.showModal();
  if (location.hash !== HASH) history.replaceState(null, '', HASH);
  return dialog;
}

const button = document.createElement('button');
button.type = 'button';
button.id = 'open-privacy';
button.textContent = t('title');
button.addEventListener('click', () => openPrivacy());
(document.querySelector('#open-automations') ?? document.querySelector('#open-messages'))?.after(button);

const follow = () => {
  if (location.hash === HASH) openPrivacy();
};
window.addEventListener('hashchange', follow);
follow();
