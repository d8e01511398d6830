import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'title' | 'channel' | 'ch_email' | 'ch_sms' | 'ch_whatsapp' | 'ch_push' | 'subject' | 'text' | 'textHint'
  | 'preview' | 'previewFor' | 'previewNeedsText' | 'previewLoading' | 'previewFailed' | 'previewNobody' | 'retry'
  | 'willReceive' | 'noConsent' | 'noContact' | 'noApp' | 'inactive' | 'matched'
  | 'acknowledge' | 'send' | 'sendPlain' | 'sending' | 'cancel'
  | 'required' | 'subjectRequired' | 'unknownVariable' | 'ackRequired' | 'sendFailed' | 'fixErrors'
  | 'sentTitle' | 'sentText' | 'sentSkipped' | 'viewBatch' | 'newMessage';

/** The pt-BR words of `<cl-message-composer>`, bundled with it; en and es load on first use (one file each). */
const ptBR: Record<Key, string> = {
  title: 'Enviar mensagem', channel: 'Canal', ch_email: 'E-mail', ch_sms: 'SMS', ch_whatsapp: 'WhatsApp', ch_push: 'Push (aplicativo)',
  subject: 'Assunto', text: 'Texto', textHint: 'Texto simples. As variáveis, como {{primeiroNome}}, são preenchidas para cada cliente.',
  preview: 'Prévia', previewFor: 'Como {name} vai ler', previewNeedsText: 'Escreva o texto (e o assunto, no e-mail) para ver a prévia e quantos clientes receberão.',
  previewLoading: 'Atualizando a prévia…', previewFailed: 'Não foi possível carregar a prévia.', previewNobody: 'Nenhum cliente selecionado receberá esta mensagem neste canal.',
  retry: 'Tentar novamente',
  willReceive: 'Receberão', noConsent: 'Excluídos por não terem autorizado este canal', noContact: 'Excluídos por falta de contato',
  noApp: 'Excluídos por não terem o aplicativo', inactive: 'Excluídos por estarem inativos ou bloqueados', matched: 'Clientes selecionados',
  acknowledge: 'Li e compreendo a responsabilidade por violação da legislação vigente', send: 'Enviar para {n} clientes', sending: 'Enviando…',
  sendPlain: 'Enviar', cancel: 'Cancelar',
  required: 'Preencha este campo.', subjectRequired: 'Informe o assunto do e-mail.', unknownVariable: 'Variável desconhecida: {name}.',
  ackRequired: 'Marque a declaração de responsabilidade para enviar.', sendFailed: 'A mensagem não foi enviada.',
  fixErrors: 'Corrija os campos indicados.',
  sentTitle: 'Mensagem enviada', sentText: '{n} clientes vão receber a mensagem; o envio acontece em segundo plano.',
  sentSkipped: '{n} clientes ficaram de fora (sem autorização, sem contato ou inativos).', viewBatch: 'Acompanhar o envio', newMessage: 'Nova mensagem',
};

/** Every language of the element: pt-BR now, en and es fetched once when an element asks for them. */
export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./message-composer.messages.en.js') : import('./message-composer.messages.es.js')).then((m) => m.table),
);
