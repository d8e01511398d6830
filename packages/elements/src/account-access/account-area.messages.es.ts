import type { Key } from './account-area.messages.js';

/** Spanish words of `the signed-in area of <cl-account-access>`, loaded only when a page asks for `es`. */
export const table: Record<Key, string> = {
    hello: 'Hola, {name}', signOut: 'Salir', sections: 'Mi cuenta', profile: 'Mis datos', orders: 'Pedidos', credits: 'Créditos',
    privacy: 'Privacidad', password: 'Contraseña', loading: 'Cargando…', retry: 'Intentar de nuevo', loadFailed: 'No se pudo cargar.',
    noOrders: 'Aún no tienes pedidos.', orderNumber: 'Pedido', orderDate: 'Fecha', items: 'Artículos', total: 'Total', orderStatus: 'Estado',
    loadMore: 'Ver más pedidos',
    os_pending: 'Pendiente', os_paid: 'Pagado', os_shipped: 'Enviado', os_delivered: 'Entregado', os_cancelled: 'Cancelado', os_returned: 'Devuelto',
    noCredits: 'No tienes créditos.', creditKind: 'Crédito', amount: 'Importe', expires: 'Vence', creditStatus: 'Estado',
    cr_referral: 'Recomienda y gana', cr_cashback: 'Bono (cashback)', cs_active: 'Activo', cs_expiring: 'Por vencer', cs_used: 'Usado', cs_expired: 'Vencido',
    currentPassword: 'Contraseña actual', newPassword: 'Nueva contraseña', confirmPassword: 'Confirma la nueva contraseña',
    passwordHint: 'Al menos 8 caracteres; evita secuencias, repeticiones y contraseñas muy usadas.',
    changePassword: 'Cambiar contraseña', saving: 'Guardando…', passwordChanged: 'Contraseña cambiada. Las otras sesiones abiertas con la contraseña anterior se cerraron.',
    required: 'Completa este campo.', mismatch: 'Las contraseñas no coinciden.', failed: 'No se pudo guardar.', approved: 'La tienda aprobó tu registro. ¡Bienvenido!',
    discount: 'Tu descuento: {percent}', discountFrom: 'Tu descuento: {percent} (categoría {name})',
};
