// "LGPD": a header button (placed after "Automações") opens <cl-privacy-requests> in a dialog —
// the data-subject request queue with its legal deadlines: download a person's archive, complete
// or refuse a request, anonymize a customer after typing the confirmation word. The address
// follows it (`#lgpd`), so a reload reopens it.
import '@clientela/elements/privacy-requests';
import { adminClient } from '../admin-client.js';
import { lang } from '../shared.js';
import { headerDialog } from './element-dialog.js';

const TITLE: Record<string, string> = { 'pt-BR': 'LGPD (titulares)', en: 'LGPD (data subjects)', es: 'LGPD (titulares)' };

headerDialog('open-privacy', ['#open-automations', '#open-messages'], {
  id: 'privacy-dialog',
  label: TITLE[lang] ?? TITLE['pt-BR']!,
  hash: '#lgpd',
  element: () => {
    const queue = document.createElement('cl-privacy-requests');
    queue.client = adminClient();
    return queue;
  },
});
