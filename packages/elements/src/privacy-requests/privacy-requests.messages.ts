import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'title' | 'note' | 'filter' | 'all' | 'customer' | 'type' | 'status' | 'opened' | 'due' | 'openedBy' | 'handledBy' | 'actions'
  | 'shopper' | 'daysLeft' | 'dueToday' | 'overdue' | 'start' | 'complete' | 'reject' | 'download' | 'anonymize'
  | 'confirmTitle' | 'confirmText' | 'confirmLabel' | 'confirmButton' | 'cancel' | 'mismatch' | 'resolution'
  | 'empty' | 'loading' | 'stale' | 'started' | 'completed' | 'rejected' | 'downloaded' | 'anonymized' | 'more'
  | 'newTitle' | 'newTitleUnnamed' | 'newType' | 'newOpen' | 'opened_';

/** The pt-BR words of `<cl-privacy-requests>`, bundled with it; en and es load on first use. */
const ptBR: Record<Key, string> = {
  title: 'Solicitações de titulares (LGPD)',
  note: 'Pedidos de acesso, portabilidade, correção, anonimização e exclusão de dados. A LGPD (art. 19) dá 15 dias para responder.',
  filter: 'Situação', all: 'Todas', customer: 'Cliente', type: 'Pedido', status: 'Situação', opened: 'Aberta em', due: 'Prazo legal',
  openedBy: 'Aberta por', handledBy: 'Tratada por', actions: 'Ações', shopper: 'O próprio cliente',
  daysLeft: '{n} dias restantes', dueToday: 'Vence hoje', overdue: 'Atrasada {n} dias',
  start: 'Iniciar', complete: 'Concluir', reject: 'Recusar', download: 'Baixar dados', anonymize: 'Anonimizar…',
  confirmTitle: 'Anonimizar {name}', confirmText: 'Os dados pessoais serão apagados de forma irreversível. Pedidos e totais continuam. Digite {word} para confirmar.',
  confirmLabel: 'Confirmação', confirmButton: 'Anonimizar definitivamente', cancel: 'Cancelar', mismatch: 'Digite {word} para confirmar.',
  resolution: 'Motivo ou resposta (opcional)',
  empty: 'Nenhuma solicitação.', loading: 'Carregando…',
  stale: 'Esta solicitação foi alterada por outra pessoa. A lista foi recarregada; confira e tente de novo.',
  started: 'Solicitação de {name} em andamento.', completed: 'Solicitação de {name} concluída.', rejected: 'Solicitação de {name} recusada.',
  downloaded: 'Arquivo com os dados de {name} baixado.', anonymized: 'Cliente anonimizado; a solicitação foi concluída.', more: 'Carregar mais',
  newTitle: 'Nova solicitação de {name}', newTitleUnnamed: 'Nova solicitação deste cliente', newType: 'Pedido', newOpen: 'Abrir solicitação',
  opened_: 'Solicitação de {type} aberta. Prazo legal: {date}.',
};

export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./privacy-requests.messages.en.js') : import('./privacy-requests.messages.es.js')).then((m) => m.table),
);
