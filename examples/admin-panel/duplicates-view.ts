// "Possíveis duplicados": a header button (placed after "LGPD") opens <cl-duplicates> in a dialog —
// pairs of customers that may be one person, compared field by field and merged, or dismissed.
// The address follows it (`#duplicados`), so a reload reopens it.
import '@clientela/elements/duplicates';
import { adminClient } from '../admin-client.js';
import { lang } from '../shared.js';
import { headerDialog } from './element-dialog.js';

const TITLE: Record<string, string> = { 'pt-BR': 'Possíveis duplicados', en: 'Possible duplicates', es: 'Posibles duplicados' };

headerDialog('open-duplicates', ['#open-privacy', '#open-automations', '#open-messages'], {
  id: 'duplicates-dialog',
  label: TITLE[lang] ?? TITLE['pt-BR']!,
  hash: '#duplicados',
  element: () => {
    const list = document.createElement('cl-duplicates');
    list.client = adminClient();
    return list;
  },
});
