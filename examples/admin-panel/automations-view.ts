// "Automações": a header button (placed after "Mensagens") opens <cl-automation-manager> in a
// dialog — the store's flows with their on/off switch and figures, create and edit, and who would
// receive a flow now. The address follows it (`#automacoes`), so a reload reopens it.
import '@clientela/elements/automation-manager';
import { adminClient } from '../admin-client.js';
import { lang } from '../shared.js';
import { headerDialog } from './element-dialog.js';

const TITLE: Record<string, string> = { 'pt-BR': 'Automações', en: 'Automations', es: 'Automatizaciones' };

headerDialog('open-automations', ['#open-messages'], {
  id: 'automations-dialog',
  label: TITLE[lang] ?? TITLE['pt-BR']!,
  hash: '#automacoes',
  element: () => {
    const manager = document.createElement('cl-automation-manager');
    manager.client = adminClient();
    return manager;
  },
});
