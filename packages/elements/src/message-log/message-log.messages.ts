import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'title' | 'when' | 'who' | 'channel' | 'message' | 'recipients' | 'progress' | 'open' | 'back' | 'key'
  | 'ch_email' | 'ch_sms' | 'ch_whatsapp' | 'ch_push'
  | 'st_queued' | 'st_sent' | 'st_delivered' | 'st_failed' | 'st_skipped' | 'allStatuses' | 'status'
  | 'sk_no_consent' | 'sk_no_contact' | 'sk_no_app' | 'sk_inactive'
  | 'customer' | 'address' | 'reason' | 'attempts' | 'updated' | 'filter'
  | 'empty' | 'emptyRecipients' | 'loading' | 'failed' | 'retry' | 'previous' | 'next' | 'page'
  | 'sending' | 'batchTitle' | 'counted' | 'notFound';

/** The pt-BR words of `<cl-message-log>`, bundled with it; en and es load on first use (one file each). */
const ptBR: Record<Key, string> = {
  title: 'Mensagens', when: 'Quando', who: 'Quem enviou', channel: 'Canal', message: 'Mensagem', recipients: 'Destinatários',
  progress: 'Situação do envio', open: 'Ver destinatários', back: 'Voltar às mensagens', key: 'chave',
  ch_email: 'E-mail', ch_sms: 'SMS', ch_whatsapp: 'WhatsApp', ch_push: 'Push',
  st_queued: 'Na fila', st_sent: 'Enviada', st_delivered: 'Entregue', st_failed: 'Falhou', st_skipped: 'Não enviada',
  allStatuses: 'Todas as situações', status: 'Situação',
  sk_no_consent: 'Sem autorização para este canal', sk_no_contact: 'Sem contato neste canal', sk_no_app: 'Sem o aplicativo', sk_inactive: 'Cliente inativo ou bloqueado',
  customer: 'Cliente', address: 'Enviada para', reason: 'Motivo', attempts: 'Tentativas', updated: 'Atualizada em', filter: 'Filtrar',
  empty: 'Nenhuma mensagem enviada ainda.', emptyRecipients: 'Nenhum destinatário nesta situação.', loading: 'Carregando…',
  failed: 'Não foi possível carregar as mensagens.', retry: 'Tentar novamente', previous: 'Anterior', next: 'Próxima', page: 'Página {n}',
  sending: 'Enviando; a lista se atualiza sozinha.', batchTitle: 'Mensagem de {date}', counted: '{n} {status}', notFound: 'Mensagem não encontrada.',
};

/** Every language of the element: pt-BR now, en and es fetched once when an element asks for them. */
export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./message-log.messages.en.js') : import('./message-log.messages.es.js')).then((m) => m.table),
);
