// "LGPD": a header button (placed after "Automações") opens <cl-privacy-requests> in a dialog —
// the data-subject request queue with its legal deadlines: download a person's archive, complete
// or refuse a request, anonymize a customer after typing the confirmation word. The address
// follows it (`#lgpd`), so a reload reopens it. From a customer's card, "Solicitação LGPD" opens it
// for that customer (`#lgpd/<id>`): their requests, and a form to open one on their behalf.
import '@clientela/elements/privacy-requests';
import { adminClient } from '../admin-client.js';
import { lang } from '../shared.js';
import { headerDialog } from './element-dialog.js';

const TITLE: Record<string, string> = { 'pt-BR': 'LGPD (titulares)', en: 'LGPD (data subjects)', es: 'LGPD (titulares)' };

const HASH = '#lgpd';
/** The customer the card asked for, so the form can name them (a reload of `#lgpd/<id>` does without). */
let named: { id: string; name: string } | undefined;

headerDialog('open-privacy', ['#open-automations', '#open-messages'], {
  id: 'privacy-dialog',
  label: TITLE[lang] ?? TITLE['pt-BR']!,
  hash: HASH,
  element: () => {
    const queue = document.createElement('cl-privacy-requests');
    queue.client = adminClient();
    const customerId = location.hash.startsWith(`${HASH}/`) ? decodeURIComponent(location.hash.slice(HASH.length + 1)) : '';
    if (customerId) {
      queue.customerId = customerId;
      if (named?.id === customerId) queue.customerName = named.name;
    }
    return queue;
  },
});

/** Opens the LGPD dialog for one customer (the address follows, so a reload reopens it). */
export function openPrivacyFor(id: string, name: string): void {
  document.querySelector<HTMLDialogElement>('#privacy-dialog')?.close();
  named = { id, name };
  location.hash = `${HASH}/${encodeURIComponent(id)}`;
}
