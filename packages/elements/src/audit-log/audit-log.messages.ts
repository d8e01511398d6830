import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'title' | 'action' | 'allActions' | 'from' | 'to' | 'filter' | 'clear' | 'when' | 'who' | 'what'
  | 'empty' | 'loading' | 'failed' | 'retry' | 'previous' | 'next' | 'page' | 'sha' | 'badRange'
  | 'a_customer.reveal' | 'a_customer.create' | 'a_customer.update' | 'a_customer.delete' | 'a_customer.invite'
  | 'a_bulk' | 'a_export' | 'a_import' | 'a_settings.update' | 'a_category.create' | 'a_category.update' | 'a_order.create' | 'a_order.update' | 'a_credit.grant' | 'a_credit.redeem' | 'a_message.send' | 'a_automation.create' | 'a_automation.update' | 'a_automation.delete'
  | 'a_consent.record' | 'a_privacy.request' | 'a_privacy.update' | 'a_privacy.archive' | 'a_customer.anonymize'
  | 'a_api_key.create' | 'a_api_key.rotate' | 'a_api_key.revoke' | 'a_api_key.bad_keys'
  | 'a_webhook_endpoint.create' | 'a_webhook_endpoint.update' | 'a_webhook_endpoint.delete' | 'a_webhook_endpoint.rotate_secret'
  | 'a_unit.create' | 'a_unit.update' | 'a_unit.delete' | 'key'
  | 'a_duplicate.dismiss' | 'a_customer.merge' | 'a_customer.claim';

/** The pt-BR words of `<cl-audit-log>`, bundled with it; en and es load on first use (one file each). */
const ptBR: Record<Key, string> = {
    title: 'Log de dados', action: 'Ação', allActions: 'Todas as ações', from: 'De', to: 'Até', filter: 'Filtrar', clear: 'Limpar',
    when: 'Quando', who: 'Quem', what: 'O que foi feito',
    empty: 'Nenhum registro no log para este filtro.', loading: 'Carregando o log…', failed: 'Não foi possível carregar o log.',
    retry: 'Tentar novamente', previous: 'Anterior', next: 'Próxima', page: 'Página {n}',
    sha: 'SHA-256', badRange: 'A data inicial deve ser anterior à final.', key: 'chave',
    'a_customer.reveal': 'Visualização de documento', 'a_customer.create': 'Cadastrou cliente', 'a_customer.update': 'Alterou cliente',
    'a_customer.delete': 'Excluiu cliente', 'a_customer.invite': 'Criou link de acesso', a_bulk: 'Ação em massa', a_export: 'Download de planilha',
    a_import: 'Importação de planilha', 'a_settings.update': 'Alterou configurações', 'a_category.create': 'Criou categoria',
    'a_category.update': 'Alterou categoria', 'a_order.create': 'Registrou pedido', 'a_order.update': 'Alterou pedido',
    'a_credit.grant': 'Concedeu crédito', 'a_credit.redeem': 'Resgatou crédito', 'a_message.send': 'Enviou mensagem',
    'a_automation.create': 'Criou automação', 'a_automation.update': 'Alterou automação', 'a_automation.delete': 'Excluiu automação',
    'a_consent.record': 'Registrou consentimento', 'a_privacy.request': 'Abriu solicitação LGPD', 'a_privacy.update': 'Tratou solicitação LGPD', 'a_privacy.archive': 'Gerou arquivo de dados (LGPD)', 'a_customer.anonymize': 'Anonimizou cliente',
    'a_api_key.create': 'Criou chave de API', 'a_api_key.rotate': 'Trocou chave de API', 'a_api_key.revoke': 'Revogou chave de API', 'a_api_key.bad_keys': 'Chaves de API inválidas recusadas',
    'a_webhook_endpoint.create': 'Cadastrou webhook', 'a_webhook_endpoint.update': 'Alterou webhook', 'a_webhook_endpoint.delete': 'Excluiu webhook', 'a_webhook_endpoint.rotate_secret': 'Trocou chave de webhook',
    'a_unit.create': 'Cadastrou unidade', 'a_unit.update': 'Alterou unidade', 'a_unit.delete': 'Excluiu unidade',
    'a_duplicate.dismiss': 'Marcou como não duplicados', 'a_customer.merge': 'Mesclou clientes', 'a_customer.claim': 'Assumiu cadastro',
};

/** Every language of the element: pt-BR now, en and es fetched once when an element asks for them. */
export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./audit-log.messages.en.js') : import('./audit-log.messages.es.js')).then((m) => m.table),
);
