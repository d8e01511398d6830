import type { Messages } from '../internal/localize.js';

type Key =
  | 'loading' | 'loadFailed' | 'notFound' | 'retry' | 'person' | 'company' | 'customerSince' | 'source'
  | 'src_admin' | 'src_storefront' | 'src_pos' | 'src_import' | 'src_api'
  | 'st_active' | 'st_inactive' | 'st_blocked' | 'st_deleted' | 'status' | 'categories'
  | 'contact' | 'cpf' | 'cnpj' | 'reveal' | 'hide' | 'copy' | 'copied' | 'copyDocument' | 'copyLink' | 'email' | 'phone' | 'whatsapp' | 'none'
  | 'address' | 'noAddress' | 'postalCode' | 'stats' | 'ordersCount' | 'totalSpent' | 'lastPurchase' | 'visits'
  | 'averageRating' | 'discount' | 'orders' | 'noOrders' | 'orderNumber' | 'orderDate' | 'items' | 'total' | 'orderStatus'
  | 'rating' | 'ratingValue' | 'noRating' | 'loadMore' | 'os_pending' | 'os_paid' | 'os_shipped' | 'os_delivered' | 'os_cancelled' | 'os_returned'
  | 'credits' | 'noCredits' | 'cr_referral' | 'cr_cashback' | 'amount' | 'origin' | 'expires' | 'cs_active' | 'cs_used' | 'cs_expired'
  | 'consent' | 'consentEmail' | 'consentSms' | 'consentWhatsapp' | 'yes' | 'no' | 'consentUpdated'
  | 'loyaltyCard' | 'notes' | 'actions' | 'edit' | 'changeStatus' | 'apply' | 'block' | 'unblock'
  | 'access' | 'acc_none' | 'acc_invited' | 'acc_active' | 'acc_pending' | 'acc_refused' | 'createLink' | 'linkHint' | 'linkLabel' | 'linkExpires'
  | 'saved' | 'stale' | 'actionFailed' | 'stateRegistration' | 'legalName' | 'tradeName';

export const messages: Messages<Key> = {
  'pt-BR': {
    loading: 'Carregando cliente…', loadFailed: 'Não foi possível carregar o cliente.', notFound: 'Cliente não encontrado.', retry: 'Tentar de novo',
    person: 'Pessoa física', company: 'Pessoa jurídica', customerSince: 'Cliente desde', source: 'Origem',
    src_admin: 'Painel', src_storefront: 'Loja online', src_pos: 'Ponto de venda', src_import: 'Importação', src_api: 'API',
    st_active: 'Ativo', st_inactive: 'Inativo', st_blocked: 'Bloqueado', st_deleted: 'Excluído', status: 'Status',
    categories: 'Categorias',
    contact: 'Contato', cpf: 'CPF', cnpj: 'CNPJ', reveal: 'Mostrar documento', hide: 'Ocultar documento', copy: 'Copiar', copied: 'Copiado', copyDocument: 'Copiar documento', copyLink: 'Copiar link',
    email: 'E-mail', phone: 'Telefone', whatsapp: 'Abrir no WhatsApp', none: '—',
    address: 'Endereço', noAddress: 'Sem endereço cadastrado.', postalCode: 'CEP',
    stats: 'Resumo', ordersCount: 'Pedidos', totalSpent: 'Total gasto', lastPurchase: 'Última compra', visits: 'Visitas',
    averageRating: 'Avaliação média', discount: 'Desconto',
    orders: 'Pedidos', noOrders: 'Nenhum pedido.', orderNumber: 'Pedido', orderDate: 'Data', items: 'Itens', total: 'Total',
    orderStatus: 'Situação', rating: 'Avaliação', ratingValue: '{n} de 5', noRating: 'Sem avaliação', loadMore: 'Carregar mais pedidos',
    os_pending: 'Pendente', os_paid: 'Pago', os_shipped: 'Enviado', os_delivered: 'Entregue', os_cancelled: 'Cancelado', os_returned: 'Devolvido',
    credits: 'Créditos', noCredits: 'Nenhum crédito.', cr_referral: 'Indique e Ganhe', cr_cashback: 'Bônus (cashback)', amount: 'Valor',
    origin: 'Origem', expires: 'Vencimento', cs_active: 'Ativo', cs_used: 'Usado', cs_expired: 'Vencido',
    consent: 'Comunicação', consentEmail: 'E-mail', consentSms: 'SMS', consentWhatsapp: 'WhatsApp', yes: 'Aceita', no: 'Não aceita',
    consentUpdated: 'Atualizado em {date}',
    loyaltyCard: 'Cartão fidelidade', notes: 'Observações', actions: 'Ações', edit: 'Editar', changeStatus: 'Alterar status', apply: 'Aplicar',
    block: 'Bloquear', unblock: 'Desbloquear',
    access: 'Acesso à conta', acc_none: 'Sem senha cadastrada', acc_invited: 'Link de acesso criado, sem senha ainda', acc_active: 'Com senha cadastrada', acc_pending: 'Cadastro aguardando aprovação', acc_refused: 'Cadastro recusado',
    createLink: 'Criar link de acesso', linkHint: 'Copie o link e envie pelo seu e-mail: nenhuma mensagem é enviada automaticamente.',
    linkLabel: 'Link de acesso', linkExpires: 'Válido até {date}',
    saved: 'Alterações salvas.', stale: 'O cliente foi alterado por outra pessoa; os dados foram atualizados. Tente de novo.',
    actionFailed: 'Não foi possível concluir a ação.', stateRegistration: 'Inscrição estadual', legalName: 'Razão social', tradeName: 'Nome fantasia',
  },
  en: {
    loading: 'Loading customer…', loadFailed: 'Could not load the customer.', notFound: 'Customer not found.', retry: 'Try again',
    person: 'Person', company: 'Company', customerSince: 'Customer since', source: 'Source',
    src_admin: 'Admin', src_storefront: 'Online store', src_pos: 'Point of sale', src_import: 'Import', src_api: 'API',
    st_active: 'Active', st_inactive: 'Inactive', st_blocked: 'Blocked', st_deleted: 'Deleted', status: 'Status',
    categories: 'Categories',
    contact: 'Contact', cpf: 'CPF', cnpj: 'CNPJ', reveal: 'Show document', hide: 'Hide document', copy: 'Copy', copied: 'Copied', copyDocument: 'Copy document', copyLink: 'Copy link',
    email: 'E-mail', phone: 'Phone', whatsapp: 'Open in WhatsApp', none: '—',
    address: 'Address', noAddress: 'No address on file.', postalCode: 'CEP',
    stats: 'Summary', ordersCount: 'Orders', totalSpent: 'Total spent', lastPurchase: 'Last purchase', visits: 'Visits',
    averageRating: 'Average rating', discount: 'Discount',
    orders: 'Orders', noOrders: 'No orders.', orderNumber: 'Order', orderDate: 'Date', items: 'Items', total: 'Total',
    orderStatus: 'Status', rating: 'Rating', ratingValue: '{n} of 5', noRating: 'Not rated', loadMore: 'Load more orders',
    os_pending: 'Pending', os_paid: 'Paid', os_shipped: 'Shipped', os_delivered: 'Delivered', os_cancelled: 'Cancelled', os_returned: 'Returned',
    credits: 'Credits', noCredits: 'No credits.', cr_referral: 'Referral', cr_cashback: 'Cashback bonus', amount: 'Amount',
    origin: 'Origin', expires: 'Expires', cs_active: 'Active', cs_used: 'Used', cs_expired: 'Expired',
    consent: 'Marketing consent', consentEmail: 'E-mail', consentSms: 'SMS', consentWhatsapp: 'WhatsApp', yes: 'Accepts', no: 'Declines',
    consentUpdated: 'Updated {date}',
    loyaltyCard: 'Loyalty card', notes: 'Notes', actions: 'Actions', edit: 'Edit', changeStatus: 'Change status', apply: 'Apply',
    block: 'Block', unblock: 'Unblock',
    access: 'Account access', acc_none: 'No password set', acc_invited: 'Access link created, no password yet', acc_active: 'Password set', acc_pending: 'Registration awaiting approval', acc_refused: 'Registration refused',
    createLink: 'Create access link', linkHint: 'Copy the link and send it from your own e-mail: nothing is sent automatically.',
    linkLabel: 'Access link', linkExpires: 'Valid until {date}',
    saved: 'Changes saved.', stale: 'Someone else changed this customer; the data was refreshed. Try again.',
    actionFailed: 'Could not complete the action.', stateRegistration: 'State registration', legalName: 'Legal name', tradeName: 'Trade name',
  },
  es: {
    loading: 'Cargando cliente…', loadFailed: 'No se pudo cargar el cliente.', notFound: 'Cliente no encontrado.', retry: 'Reintentar',
    person: 'Persona física', company: 'Persona jurídica', customerSince: 'Cliente desde', source: 'Origen',
    src_admin: 'Panel', src_storefront: 'Tienda online', src_pos: 'Punto de venta', src_import: 'Importación', src_api: 'API',
    st_active: 'Activo', st_inactive: 'Inactivo', st_blocked: 'Bloqueado', st_deleted: 'Eliminado', status: 'Estado',
    categories: 'Categorías',
    contact: 'Contacto', cpf: 'CPF', cnpj: 'CNPJ', reveal: 'Mostrar documento', hide: 'Ocultar documento', copy: 'Copiar', copied: 'Copiado', copyDocument: 'Copiar documento', copyLink: 'Copiar enlace',
    email: 'E-mail', phone: 'Teléfono', whatsapp: 'Abrir en WhatsApp', none: '—',
    address: 'Dirección', noAddress: 'Sin dirección registrada.', postalCode: 'CEP',
    stats: 'Resumen', ordersCount: 'Pedidos', totalSpent: 'Total gastado', lastPurchase: 'Última compra', visits: 'Visitas',
    averageRating: 'Valoración media', discount: 'Descuento',
    orders: 'Pedidos', noOrders: 'Sin pedidos.', orderNumber: 'Pedido', orderDate: 'Fecha', items: 'Artículos', total: 'Total',
    orderStatus: 'Estado', rating: 'Valoración', ratingValue: '{n} de 5', noRating: 'Sin valoración', loadMore: 'Cargar más pedidos',
    os_pending: 'Pendiente', os_paid: 'Pagado', os_shipped: 'Enviado', os_delivered: 'Entregado', os_cancelled: 'Cancelado', os_returned: 'Devuelto',
    credits: 'Créditos', noCredits: 'Sin créditos.', cr_referral: 'Recomienda y gana', cr_cashback: 'Bono (cashback)', amount: 'Importe',
    origin: 'Origen', expires: 'Vencimiento', cs_active: 'Activo', cs_used: 'Usado', cs_expired: 'Vencido',
    consent: 'Comunicaciones', consentEmail: 'E-mail', consentSms: 'SMS', consentWhatsapp: 'WhatsApp', yes: 'Acepta', no: 'No acepta',
    consentUpdated: 'Actualizado el {date}',
    loyaltyCard: 'Tarjeta de fidelidad', notes: 'Observaciones', actions: 'Acciones', edit: 'Editar', changeStatus: 'Cambiar estado', apply: 'Aplicar',
    block: 'Bloquear', unblock: 'Desbloquear',
    access: 'Acceso a la cuenta', acc_none: 'Sin contraseña', acc_invited: 'Enlace de acceso creado, sin contraseña aún', acc_active: 'Con contraseña', acc_pending: 'Registro pendiente de aprobación', acc_refused: 'Registro rechazado',
    createLink: 'Crear enlace de acceso', linkHint: 'Copia el enlace y envíalo desde tu e-mail: no se envía nada automáticamente.',
    linkLabel: 'Enlace de acceso', linkExpires: 'Válido hasta {date}',
    saved: 'Cambios guardados.', stale: 'Otra persona modificó este cliente; los datos se actualizaron. Inténtalo de nuevo.',
    actionFailed: 'No se pudo completar la acción.', stateRegistration: 'Inscripción estatal', legalName: 'Razón social', tradeName: 'Nombre comercial',
  },
};
