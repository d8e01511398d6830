// "Mensagens": the header's button opens <cl-message-log> in a <dialog>, and the address follows
// it (`#mensagens`, `#mensagens/msg_…` for one batch), so the table's composer — "Enviar mensagem"
// in its bulk bar — links to the batch it just sent, and a reload or a shared link reopens it.
import '@clientela/elements/message-log';
import type { CustomerTable } from '@clientela/elements/customer-table';
import { adminClient } from '../admin-client.js';
import { lang } from '../shared.js';

const client = adminClient();
const host = document.querySelector<HTMLElement>('#dialogs')!;
const words: Record<string, Record<'title' | 'close', string>> = {
  'pt-BR': { title: 'Mensagens', close: 'Fechar' },
  en: { title: 'Messages', close: 'Close' },
  es: { title: 'Mensajes', close: 'Cerrar' },
};
const t = (key: 'title' | 'close') => (words[lang] ?? words['pt-BR']!)[key];
const PREFIX = '#mensagens';

/** The batch an address names (`''` for the list), or `undefined` when it is not this view's. */
function batchOf(hash: string): string | undefined {
  if (hash !== PREFIX && !hash.startsWith(`${PREFIX}/`)) return undefined;
  return decodeURIComponent(hash.slice(PREFIX.length + 1));
}

function setHash(hash: string): void {
  if (location.hash !== hash) history.replaceState(null, '', hash || `${location.pathname}${location.search}`);
}

/** Opens the message log (on one batch when `batch` is given), or moves the open one to it. */
export function openMessages(batch = ''): HTMLDialogElement {
  const open = document.querySelector<HTMLDialogElement>('#messages-dialog');
  if (open) {
    open.querySelector('cl-message-log')!.batch = batch;
    return open;
  }
  const dialog = document.createElement('dialog');
  dialog.id = 'messages-dialog';
  // The log has its own heading; the dialog is named for it.
  dialog.setAttribute('aria-label', t('title'));
  const bar = document.createElement('div');
  bar.className = 'tools-bar bare';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t('close');
  close.addEventListener('click', () => dialog.close());
  bar.append(close);
  const log = document.createElement('cl-message-log');
  log.client = client;
  log.batch = batch;
  log.addEventListener('cl-message-batch-open', (e) => setHash(e.detail.id ? `${PREFIX}/${encodeURIComponent(e.detail.id)}` : PREFIX));
  dialog.append(bar, log);
  dialog.addEventListener('close', () => {
    dialog.remove();
    setHash('');
  });
  host.append(dialog);
  dialog.showModal();
  setHash(batch ? `${PREFIX}/${encodeURIComponent(batch)}` : PREFIX);
  return dialog;
}

document.querySelector('#open-messages')?.addEventListener('click', () => openMessages());
const follow = () => {
  const batch = batchOf(location.hash);
  if (batch !== undefined) openMessages(batch);
};
window.addEventListener('hashchange', follow);
follow();

// The table's "Enviar mensagem" ends on a link to the batch it sent: this view's address.
const table = document.querySelector<CustomerTable>('#main cl-customer-table');
if (table) table.messageHref = `${PREFIX}/{id}`;
