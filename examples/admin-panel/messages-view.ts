// "Mensagens": the header's button opens <cl-message-log> in a <dialog>, and the address follows
// it (`#mensagens`, `#mensagens/msg_…` for one batch), so the table's composer — "Enviar mensagem"
// in its bulk bar — links to the batch it just sent, and a reload or a shared link reopens it.
import '@clientela/elements/message-log';
import type { CustomerTable } from '@clientela/elements/customer-table';
import { adminClient } from '../admin-client.js';
import { lang } from '../shared.js';
import { isHashOf, openElementDialog, setHash } from './element-dialog.js';

const TITLE: Record<string, string> = { 'pt-BR': 'Mensagens', en: 'Messages', es: 'Mensajes' };
const PREFIX = '#mensagens';
const hashOf = (batch: string) => (batch ? `${PREFIX}/${encodeURIComponent(batch)}` : PREFIX);

/** Opens the message log (on one batch when `batch` is given), or moves the open one to it. */
export function openMessages(batch = ''): HTMLDialogElement {
  const dialog = openElementDialog({
    id: 'messages-dialog',
    label: TITLE[lang] ?? TITLE['pt-BR']!,
    hash: PREFIX,
    element: () => {
      const log = document.createElement('cl-message-log');
      log.client = adminClient();
      log.batch = batch;
      log.addEventListener('cl-message-batch-open', (e) => setHash(hashOf(e.detail.id)));
      return log;
    },
  });
  dialog.querySelector('cl-message-log')!.batch = batch;
  setHash(hashOf(batch));
  return dialog;
}

document.querySelector('#open-messages')?.addEventListener('click', () => openMessages());
const follow = () => {
  if (isHashOf(PREFIX)) openMessages(location.hash === PREFIX ? '' : decodeURIComponent(location.hash.slice(PREFIX.length + 1)));
};
window.addEventListener('hashchange', follow);
follow();

// The table's "Enviar mensagem" ends on a link to the batch it sent: this view's address.
const table = document.querySelector<CustomerTable>('#main cl-customer-table');
if (table) table.messageHref = `${PREFIX}/{id}`;
