import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'loading' | 'loadFailed' | 'notFound' | 'retry' | 'person' | 'company' | 'customerSince' | 'source'
  | 'sources' | 'externalId'
  | 'st_active' | 'st_inactive' | 'st_blocked' | 'st_deleted' | 'st_merged' | 'status' | 'categories'
  | 'contact' | 'cpf' | 'cnpj' | 'reveal' | 'hide' | 'copy' | 'copied' | 'copyDocument' | 'copyLink' | 'email' | 'phone' | 'whatsapp' | 'none'
  | 'address' | 'noAddress' | 'postalCode' | 'stats' | 'ordersCount' | 'totalSpent' | 'averageTicket' | 'firstPurchase' | 'lastPurchase' | 'visits'
  | 'averageRating' | 'discount' | 'discountFrom' | 'orders' | 'noOrders' | 'orderNumber' | 'orderDate' | 'orderUnit' | 'noUnit' | 'items' | 'total' | 'orderStatus'
  | 'rating' | 'ratingValue' | 'noRating' | 'loadMore' | 'os_pending' | 'os_paid' | 'os_shipped' | 'os_delivered' | 'os_cancelled' | 'os_returned'
  | 'credits' | 'noCredits' | 'cr_referral' | 'cr_cashback' | 'amount' | 'origin' | 'expires' | 'cs_active' | 'cs_expiring' | 'cs_used' | 'cs_expired' | 'balance'
  | 'consent' | 'consentEmail' | 'consentSms' | 'consentWhatsapp' | 'yes' | 'no' | 'consentUpdated'
  | 'channelsLegend' | 'appDevicesOne' | 'appDevicesOther' | 'appNone' | 'pl_ios' | 'pl_android' | 'pl_web' | 'pl_webpush' | 'noEmail' | 'noPhone' | 'noWhatsapp' | 'push' | 'messages' | 'noMessages' | 'messagesFailed' | 'moreMessages' | 'msgChannel' | 'msgText'
  | 'ms_queued' | 'ms_sent' | 'ms_delivered' | 'ms_failed' | 'ms_skipped' | 'sk_no_consent' | 'sk_no_contact' | 'sk_no_app' | 'sk_inactive'
  | 'loyaltyCard' | 'notes' | 'actions' | 'edit' | 'changeStatus' | 'apply' | 'block' | 'unblock'
  | 'access' | 'acc_none' | 'acc_invited' | 'acc_active' | 'acc_pending' | 'acc_refused' | 'createLink' | 'linkHint' | 'linkLabel' | 'linkExpires'
  | 'saved' | 'stale' | 'actionFailed' | 'stateRegistration' | 'legalName' | 'tradeName';

/** The pt-BR words of `<cl-customer-card>`, bundled with it; en and es load on first use (one file each). */
const ptBR: Record<Key, string> = {
    loading: 'Carregando cliente…', loadFailed: 'Não foi possível carregar o cliente.', notFound: 'Cliente não encontrado.', retry: 'Tentar novamente',
    person: 'Pessoa física', company: 'Pessoa jurídica', customerSince: 'Cliente desde', source: 'Origem',
    sources: 'Sincronizado com', externalId: 'código {id}',
    st_active: 'Ativo', st_inactive: 'Inativo', st_blocked: 'Bloqueado', st_deleted: 'Excluído', st_merged: 'Mesclado', status: 'Status',
    categories: 'Categorias',
    contact: 'Contato', cpf: 'CPF', cnpj: 'CNPJ', reveal: 'Mostrar documento', hide: 'Ocultar documento', copy: 'Copiar', copied: 'Copiado', copyDocument: 'Copiar documento', copyLink: 'Copiar link',
    email: 'E-mail', phone: 'Telefone', whatsapp: 'Abrir no WhatsApp', none: '—',
    address: 'Endereço', noAddress: 'Sem endereço cadastrado.', postalCode: 'CEP',
    stats: 'Resumo', ordersCount: 'Pedidos', totalSpent: 'Total gasto', averageTicket: 'Ticket médio', firstPurchase: 'Primeira compra', lastPurchase: 'Última compra', visits: 'Visitas',
    averageRating: 'Avaliação média', discount: 'Desconto', discountFrom: '{percent} (categoria {name})',
    orders: 'Pedidos', noOrders: 'Nenhum pedido.', orderNumber: 'Pedido', orderDate: 'Data', orderUnit: 'Unidade', noUnit: 'Sem unidade', items: 'Itens', total: 'Total',
    orderStatus: 'Situação', rating: 'Avaliação', ratingValue: '{n} de 5', noRating: 'Sem avaliação', loadMore: 'Carregar mais pedidos',
    os_pending: 'Pendente', os_paid: 'Pago', os_shipped: 'Enviado', os_delivered: 'Entregue', os_cancelled: 'Cancelado', os_returned: 'Devolvido',
    credits: 'Créditos', noCredits: 'Nenhum crédito.', cr_referral: 'Indique e Ganhe', cr_cashback: 'Bônus (cashback)', amount: 'Valor',
    origin: 'Origem', expires: 'Vencimento', cs_active: 'Ativo', cs_expiring: 'A vencer', balance: 'Saldo', cs_used: 'Usado', cs_expired: 'Vencido',
    consent: 'Comunicação', consentEmail: 'E-mail', consentSms: 'SMS', consentWhatsapp: 'WhatsApp', yes: 'Aceita', no: 'Não aceita',
    consentUpdated: 'Atualizado em {date}',
    channelsLegend: 'Canais que podem receber mensagens', noEmail: 'sem e-mail cadastrado', noPhone: 'sem telefone cadastrado', noWhatsapp: 'sem WhatsApp cadastrado',
    push: 'Push', appDevicesOne: 'App: 1 dispositivo', appDevicesOther: 'App: {count} dispositivos', appNone: 'App: sem o aplicativo', pl_ios: 'iOS', pl_android: 'Android', pl_web: 'navegador', pl_webpush: 'navegador, Web Push', messages: 'Mensagens recebidas', noMessages: 'Nenhuma mensagem enviada a este cliente.', messagesFailed: 'Não foi possível carregar as mensagens.',
    moreMessages: 'Carregar mais mensagens', msgChannel: 'Canal', msgText: 'Mensagem',
    ms_queued: 'Na fila', ms_sent: 'Enviada', ms_delivered: 'Entregue', ms_failed: 'Falhou', ms_skipped: 'Não enviada',
    sk_no_consent: 'Sem autorização para este canal', sk_no_contact: 'Sem contato neste canal', sk_no_app: 'Sem o aplicativo', sk_inactive: 'Cliente inativo ou bloqueado',
    loyaltyCard: 'Cartão fidelidade', notes: 'Observações', actions: 'Ações', edit: 'Editar', changeStatus: 'Alterar status', apply: 'Aplicar',
    block: 'Bloquear', unblock: 'Desbloquear',
    access: 'Acesso à conta', acc_none: 'Sem senha cadastrada', acc_invited: 'Link de acesso criado, sem senha ainda', acc_active: 'Com senha cadastrada', acc_pending: 'Cadastro aguardando aprovação', acc_refused: 'Cadastro recusado',
    createLink: 'Criar link de acesso', linkHint: 'Copie o link e envie pelo seu e-mail: nenhuma mensagem é enviada automaticamente.',
    linkLabel: 'Link de acesso', linkExpires: 'Válido até {date}',
    saved: 'Alterações salvas.', stale: 'O cliente foi alterado por outra pessoa; os dados foram atualizados. Tente de novo.',
    actionFailed: 'Não foi possível concluir a ação.', stateRegistration: 'Inscrição estadual', legalName: 'Razão social', tradeName: 'Nome fantasia',
};

/** Every language of the element: pt-BR now, en and es fetched once when an element asks for them. */
export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./customer-card.messages.en.js') : import('./customer-card.messages.es.js')).then((m) => m.table),
);
