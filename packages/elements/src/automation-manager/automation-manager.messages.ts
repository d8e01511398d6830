import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'title' | 'note' | 'newFlow' | 'editFlow' | 'name' | 'trigger' | 'days' | 'hours' | 'filter' | 'filterHint' | 'filterIs' | 'filterEveryone' | 'delete' | 'deleteLabel' | 'deleteTitle' | 'deleteText' | 'deleted' | 'delay' | 'delayHint'
  | 'channel' | 'subject' | 'text' | 'variables' | 'enabled' | 'create' | 'save' | 'cancel' | 'edit' | 'preview' | 'empty' | 'loading'
  | 'status' | 'on' | 'off' | 'switchLabel' | 'sent' | 'delivered' | 'orders' | 'figures' | 'actions'
  | 't_customer_registered' | 't_birthday' | 't_no_purchase' | 't_credit_expiring' | 't_cart_abandoned'
  | 'd_customer_registered' | 'd_birthday' | 'd_no_purchase' | 'd_credit_expiring' | 'd_cart_abandoned'
  | 'c_email' | 'c_sms' | 'c_whatsapp' | 'c_push'
  | 'created' | 'saved' | 'paused' | 'resumed' | 'stale' | 'previewResult' | 'previewNames' | 'previewNone' | 'required';

/** The pt-BR words of `<cl-automation-manager>`, bundled with it; en and es load on first use (one file each). */
const ptBR: Record<Key, string> = {
  title: 'Automações',
  note: 'Mensagens que a loja envia sozinha, uma vez por cliente e ocasião (o aniversário uma vez por ano, cada carrinho uma vez), só a quem consentiu com o canal.',
  newFlow: 'Nova automação', editFlow: 'Editar “{name}”', name: 'Nome', trigger: 'Quando', days: 'Dias', hours: 'Horas',
  filter: 'Filtro (opcional)', filterHint: 'As condições como na lista de clientes. Sem condições: todos os clientes.', filterIs: 'Quem entra: {filter}.', filterEveryone: 'todos os clientes', delete: 'Excluir', deleteLabel: 'Excluir “{name}”', deleteTitle: 'Excluir a automação “{name}”?', deleteText: 'Ela deixa de enviar. As mensagens que já enviou continuam em Mensagens.', deleted: 'Automação “{name}” excluída. As mensagens já enviadas continuam em Mensagens.',
  delay: 'Esperar (horas)', delayHint: 'Depois da ocasião, de 0 a 720 horas.',
  channel: 'Canal', subject: 'Assunto', text: 'Mensagem', variables: 'Variáveis: {list}', enabled: 'Ligada',
  create: 'Criar automação', save: 'Salvar', cancel: 'Cancelar', edit: 'Editar', preview: 'Quem receberia agora',
  empty: 'Nenhuma automação ainda.', loading: 'Carregando…', status: 'Situação', on: 'Ligada', off: 'Pausada',
  switchLabel: 'Ligar “{name}”', sent: 'Enviadas', delivered: 'Entregues', orders: 'Pedidos em 7 dias', figures: 'Resultados', actions: 'Ações',
  t_customer_registered: 'Cliente cadastrado (boas-vindas)', t_birthday: 'Aniversário', t_no_purchase: 'Sem compra há N dias',
  t_credit_expiring: 'Crédito vencendo em N dias', t_cart_abandoned: 'Carrinho abandonado há N horas',
  d_customer_registered: 'Boas-vindas ao cadastrar', d_birthday: 'No aniversário', d_no_purchase: 'Sem compra há {n} dias',
  d_credit_expiring: 'Crédito vence em {n} dias', d_cart_abandoned: 'Carrinho abandonado há {n} horas',
  c_email: 'E-mail', c_sms: 'SMS', c_whatsapp: 'WhatsApp', c_push: 'Push',
  created: 'Automação “{name}” criada.', saved: 'Automação “{name}” salva.', paused: 'Automação “{name}” pausada.', resumed: 'Automação “{name}” ligada.',
  stale: 'Esta automação foi alterada por outra pessoa. A lista foi recarregada; confira e tente de novo.',
  previewResult: '“{name}”: {count} clientes receberiam agora; {excluded} ficariam de fora (sem consentimento ou contato).',
  previewNames: 'Por exemplo: {names}.', previewNone: 'Ninguém receberia agora.', required: 'Preencha este campo.',
};

/** Every language of the element: pt-BR now, en and es fetched once when an element asks for them. */
export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./automation-manager.messages.en.js') : import('./automation-manager.messages.es.js')).then((m) => m.table),
);
