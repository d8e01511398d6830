import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'hello' | 'signOut' | 'sections' | 'profile' | 'orders' | 'credits' | 'password' | 'privacy' | 'loading' | 'retry' | 'loadFailed'
  | 'noOrders' | 'orderNumber' | 'orderDate' | 'items' | 'total' | 'orderStatus' | 'loadMore'
  | 'os_pending' | 'os_paid' | 'os_shipped' | 'os_delivered' | 'os_cancelled' | 'os_returned'
  | 'noCredits' | 'creditKind' | 'amount' | 'expires' | 'creditStatus' | 'cr_referral' | 'cr_cashback' | 'cs_active' | 'cs_expiring' | 'cs_used' | 'cs_expired'
  | 'currentPassword' | 'newPassword' | 'confirmPassword' | 'passwordHint' | 'changePassword' | 'saving' | 'passwordChanged'
  | 'required' | 'mismatch' | 'failed' | 'approved' | 'discount' | 'discountFrom';

/** Words of the signed-in area ("Minha conta"), as the catalog help articles say them. */
const ptBR: Record<Key, string> = {
    hello: 'Olá, {name}', signOut: 'Sair', sections: 'Minha conta', profile: 'Meus dados', orders: 'Pedidos', credits: 'Créditos',
    privacy: 'Privacidade', password: 'Senha', loading: 'Carregando…', retry: 'Tentar novamente', loadFailed: 'Não foi possível carregar.',
    noOrders: 'Você ainda não tem pedidos.', orderNumber: 'Pedido', orderDate: 'Data', items: 'Itens', total: 'Total', orderStatus: 'Situação',
    loadMore: 'Ver mais pedidos',
    os_pending: 'Pendente', os_paid: 'Pago', os_shipped: 'Enviado', os_delivered: 'Entregue', os_cancelled: 'Cancelado', os_returned: 'Devolvido',
    noCredits: 'Você não tem créditos.', creditKind: 'Crédito', amount: 'Valor', expires: 'Validade', creditStatus: 'Situação',
    cr_referral: 'Indique e Ganhe', cr_cashback: 'Bônus (cashback)', cs_active: 'Ativo', cs_expiring: 'A vencer', cs_used: 'Usado', cs_expired: 'Expirado',
    currentPassword: 'Senha atual', newPassword: 'Nova senha', confirmPassword: 'Confirme a nova senha',
    passwordHint: 'Mínimo de 8 caracteres; evite sequências, repetições e senhas muito usadas.',
    changePassword: 'Alterar senha', saving: 'Salvando…', passwordChanged: 'Senha alterada. As outras sessões abertas com a senha antiga foram encerradas.',
    required: 'Preencha este campo.', mismatch: 'As senhas não conferem.', failed: 'Não foi possível salvar.', approved: 'Seu cadastro foi aprovado pela loja. Boas-vindas!',
    discount: 'Seu desconto: {percent}', discountFrom: 'Seu desconto: {percent} (categoria {name})',
};

/** Every language of the element: pt-BR now, en and es fetched once when an element asks for them. */
export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./account-area.messages.en.js') : import('./account-area.messages.es.js')).then((m) => m.table),
);
