import type { Messages } from '../internal/localize.js';

type Key =
  | 'hello' | 'signOut' | 'sections' | 'profile' | 'orders' | 'credits' | 'password' | 'loading' | 'retry' | 'loadFailed'
  | 'noOrders' | 'orderNumber' | 'orderDate' | 'items' | 'total' | 'orderStatus' | 'loadMore'
  | 'os_pending' | 'os_paid' | 'os_shipped' | 'os_delivered' | 'os_cancelled' | 'os_returned'
  | 'noCredits' | 'creditKind' | 'amount' | 'expires' | 'creditStatus' | 'cr_referral' | 'cr_cashback' | 'cs_active' | 'cs_used' | 'cs_expired'
  | 'currentPassword' | 'newPassword' | 'confirmPassword' | 'passwordHint' | 'changePassword' | 'saving' | 'passwordChanged'
  | 'required' | 'mismatch' | 'failed' | 'approved';

/** Words of the signed-in area ("Minha conta"), as the catalog help articles say them. */
export const messages: Messages<Key> = {
  'pt-BR': {
    hello: 'Olá, {name}', signOut: 'Sair', sections: 'Minha conta', profile: 'Meus dados', orders: 'Pedidos', credits: 'Créditos',
    password: 'Senha', loading: 'Carregando…', retry: 'Tentar novamente', loadFailed: 'Não foi possível carregar.',
    noOrders: 'Você ainda não tem pedidos.', orderNumber: 'Pedido', orderDate: 'Data', items: 'Itens', total: 'Total', orderStatus: 'Situação',
    loadMore: 'Ver mais pedidos',
    os_pending: 'Pendente', os_paid: 'Pago', os_shipped: 'Enviado', os_delivered: 'Entregue', os_cancelled: 'Cancelado', os_returned: 'Devolvido',
    noCredits: 'Você não tem créditos.', creditKind: 'Crédito', amount: 'Valor', expires: 'Validade', creditStatus: 'Situação',
    cr_referral: 'Indique e Ganhe', cr_cashback: 'Bônus (cashback)', cs_active: 'Ativo', cs_used: 'Usado', cs_expired: 'Expirado',
    currentPassword: 'Senha atual', newPassword: 'Nova senha', confirmPassword: 'Confirme a nova senha',
    passwordHint: 'Mínimo de 8 caracteres; evite sequências, repetições e senhas muito usadas.',
    changePassword: 'Alterar senha', saving: 'Salvando…', passwordChanged: 'Senha alterada. As outras sessões abertas com a senha antiga foram encerradas.',
    required: 'Preencha este campo.', mismatch: 'As senhas não conferem.', failed: 'Não foi possível salvar.', approved: 'Seu cadastro foi aprovado pela loja. Boas-vindas!',
  },
  en: {
    hello: 'Hello, {name}', signOut: 'Sign out', sections: 'My account', profile: 'My details', orders: 'Orders', credits: 'Credits',
    password: 'Password', loading: 'Loading…', retry: 'Try again', loadFailed: 'Could not load.',
    noOrders: 'You have no orders yet.', orderNumber: 'Order', orderDate: 'Date', items: 'Items', total: 'Total', orderStatus: 'Status',
    loadMore: 'More orders',
    os_pending: 'Pending', os_paid: 'Paid', os_shipped: 'Shipped', os_delivered: 'Delivered', os_cancelled: 'Cancelled', os_returned: 'Returned',
    noCredits: 'You have no credits.', creditKind: 'Credit', amount: 'Amount', expires: 'Expires', creditStatus: 'Status',
    cr_referral: 'Referral', cr_cashback: 'Cashback bonus', cs_active: 'Active', cs_used: 'Used', cs_expired: 'Expired',
    currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'Confirm the new password',
    passwordHint: 'At least 8 characters; avoid sequences, repeats and common passwords.',
    changePassword: 'Change password', saving: 'Saving…', passwordChanged: 'Password changed. Other sessions opened with the old password were ended.',
    required: 'Fill in this field.', mismatch: 'The passwords do not match.', failed: 'Could not save.', approved: 'The store approved your registration. Welcome!',
  },
  es: {
    hello: 'Hola, {name}', signOut: 'Salir', sections: 'Mi cuenta', profile: 'Mis datos', orders: 'Pedidos', credits: 'Créditos',
    password: 'Contraseña', loading: 'Cargando…', retry: 'Intentar de nuevo', loadFailed: 'No se pudo cargar.',
    noOrders: 'Aún no tienes pedidos.', orderNumber: 'Pedido', orderDate: 'Fecha', items: 'Artículos', total: 'Total', orderStatus: 'Estado',
    loadMore: 'Ver más pedidos',
    os_pending: 'Pendiente', os_paid: 'Pagado', os_shipped: 'Enviado', os_delivered: 'Entregado', os_cancelled: 'Cancelado', os_returned: 'Devuelto',
    noCredits: 'No tienes créditos.', creditKind: 'Crédito', amount: 'Importe', expires: 'Vence', creditStatus: 'Estado',
    cr_referral: 'Recomienda y gana', cr_cashback: 'Bono (cashback)', cs_active: 'Activo', cs_used: 'Usado', cs_expired: 'Vencido',
    currentPassword: 'Contraseña actual', newPassword: 'Nueva contraseña', confirmPassword: 'Confirma la nueva contraseña',
    passwordHint: 'Al menos 8 caracteres; evita secuencias, repeticiones y contraseñas muy usadas.',
    changePassword: 'Cambiar contraseña', saving: 'Guardando…', passwordChanged: 'Contraseña cambiada. Las otras sesiones abiertas con la contraseña anterior se cerraron.',
    required: 'Completa este campo.', mismatch: 'Las contraseñas no coinciden.', failed: 'No se pudo guardar.', approved: 'La tienda aprobó tu registro. ¡Bienvenido!',
  },
};
