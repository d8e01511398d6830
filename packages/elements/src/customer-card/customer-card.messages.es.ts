import type { Key } from './customer-card.messages.js';

/** Spanish words of `<cl-customer-card>`, loaded only when a page asks for `es`. */
export const table: Record<Key, string> = {
    loading: 'Cargando cliente…', loadFailed: 'No se pudo cargar el cliente.', notFound: 'Cliente no encontrado.', retry: 'Reintentar',
    person: 'Persona física', company: 'Persona jurídica', customerSince: 'Cliente desde', source: 'Origen',
    sources: 'Sincronizado con', externalId: 'código {id}',
    st_active: 'Activo', st_inactive: 'Inactivo', st_blocked: 'Bloqueado', st_deleted: 'Eliminado', status: 'Estado',
    categories: 'Categorías',
    contact: 'Contacto', cpf: 'CPF', cnpj: 'CNPJ', reveal: 'Mostrar documento', hide: 'Ocultar documento', copy: 'Copiar', copied: 'Copiado', copyDocument: 'Copiar documento', copyLink: 'Copiar enlace',
    email: 'E-mail', phone: 'Teléfono', whatsapp: 'Abrir en WhatsApp', none: '—',
    address: 'Dirección', noAddress: 'Sin dirección registrada.', postalCode: 'CEP',
    stats: 'Resumen', ordersCount: 'Pedidos', totalSpent: 'Total gastado', averageTicket: 'Ticket medio', firstPurchase: 'Primera compra', lastPurchase: 'Última compra', visits: 'Visitas',
    averageRating: 'Valoración media', discount: 'Descuento', discountFrom: '{percent} (categoría {name})',
    orders: 'Pedidos', noOrders: 'Sin pedidos.', orderNumber: 'Pedido', orderDate: 'Fecha', orderUnit: 'Unidad', noUnit: 'Sin unidad', items: 'Artículos', total: 'Total',
    orderStatus: 'Estado', rating: 'Valoración', ratingValue: '{n} de 5', noRating: 'Sin valoración', loadMore: 'Cargar más pedidos',
    os_pending: 'Pendiente', os_paid: 'Pagado', os_shipped: 'Enviado', os_delivered: 'Entregado', os_cancelled: 'Cancelado', os_returned: 'Devuelto',
    credits: 'Créditos', noCredits: 'Sin créditos.', cr_referral: 'Recomienda y gana', cr_cashback: 'Bono (cashback)', amount: 'Importe',
    origin: 'Origen', expires: 'Vencimiento', cs_active: 'Activo', cs_expiring: 'Por vencer', balance: 'Saldo', cs_used: 'Usado', cs_expired: 'Vencido',
    consent: 'Comunicaciones', consentEmail: 'E-mail', consentSms: 'SMS', consentWhatsapp: 'WhatsApp', yes: 'Acepta', no: 'No acepta',
    consentUpdated: 'Actualizado el {date}',
    loyaltyCard: 'Tarjeta de fidelidad', notes: 'Observaciones', actions: 'Acciones', edit: 'Editar', changeStatus: 'Cambiar estado', apply: 'Aplicar',
    block: 'Bloquear', unblock: 'Desbloquear',
    access: 'Acceso a la cuenta', acc_none: 'Sin contraseña', acc_invited: 'Enlace de acceso creado, sin contraseña aún', acc_active: 'Con contraseña', acc_pending: 'Registro pendiente de aprobación', acc_refused: 'Registro rechazado',
    createLink: 'Crear enlace de acceso', linkHint: 'Copia el enlace y envíalo desde tu e-mail: no se envía nada automáticamente.',
    linkLabel: 'Enlace de acceso', linkExpires: 'Válido hasta {date}',
    saved: 'Cambios guardados.', stale: 'Otra persona modificó este cliente; los datos se actualizaron. Inténtalo de nuevo.',
    actionFailed: 'No se pudo completar la acción.', stateRegistration: 'Inscripción estatal', legalName: 'Razón social', tradeName: 'Nombre comercial',
};
