// "Automações": a header button (placed after "Mensagens") opens <cl-automation-manager> in a
// <dialog> — the store's flows with their on/off switch and figures, create and edit, and who
// would receive a flow now. The address follows it (`#automacoes`), so a reload reopens it.
import '@clientela/elements/automation-manager';
import { adminClient } from '../admin-client.js';
import { lang } from '../shared.js';

const client = adminClient();
const host = document.querySelector<HTMLElement>('#dialogs')!;
const words: Record<string, Record<'title' | 'close', string>> = {
  'pt-BR': { title: 'Automações', close: 'Fechar' },
  en: { title: 'Automations', close: 'Close' },
  es: { title: 'Automatizaciones', close: 'Cerrar' },
};
const t = (key: 'title' | 'close') => (words[lang] ?? words['pt-BR']!)[key];
const HASH = '#automacoes';

function openAutomations(): HTMLDialogElement {
  const open = document.querySelector<HTMLDialogElement>('#automations-dialog');
  if (open) return open;
  const dialog = document.createElement('dialog');
  dialog.id = 'automations-dialog';
  // The manager has its own heading; the dialog is named for it.
  dialog.setAttribute('aria-label', t('title'));
  const bar = document.createElement('div');
  bar.className = 'tools-bar bare';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t('close');
  close.addEventListener('click', () => dialog.close());
  bar.append(close);
  const manager = document.createElement('cl-automation-manager');
  manager.client = client;
  dialog.append(bar, manager);
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
button.id = 'open-automations';
button.textContent = t('title');
button.addEventListener('click', () => openAutomations());
document.querySelector('#open-messages')?.after(button);

const follow = () => {
  if (location.hash === HASH) openAutomations();
};
window.addEventListener('hashchange', follow);
follow();
