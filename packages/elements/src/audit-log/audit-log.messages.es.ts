import type { Key } from './audit-log.messages.js';

/** Spanish words of `<cl-audit-log>`, loaded only when a page asks for `es`. */
export const table: Record<Key, string> = {
    title: 'Registro de datos', action: 'Acción', allActions: 'Todas las acciones', from: 'Desde', to: 'Hasta', filter: 'Filtrar', clear: 'Limpiar',
    when: 'Cuándo', who: 'Quién', what: 'Qué se hizo',
    empty: 'No hay entradas para este filtro.', loading: 'Cargando el registro…', failed: 'No se pudo cargar el registro.',
    retry: 'Reintentar', previous: 'Anterior', next: 'Siguiente', page: 'Página {n}',
    sha: 'SHA-256', badRange: 'La fecha inicial debe ser anterior a la final.', key: 'clave',
    'a_customer.reveal': 'Vio documento', 'a_customer.create': 'Creó cliente', 'a_customer.update': 'Modificó cliente',
    'a_customer.delete': 'Eliminó cliente', 'a_customer.invite': 'Creó enlace de acceso', a_bulk: 'Acción masiva', a_export: 'Descarga de planilla',
    a_import: 'Importación de planilla', 'a_settings.update': 'Modificó configuración', 'a_category.create': 'Creó categoría',
    'a_category.update': 'Modificó categoría', 'a_order.create': 'Registró pedido', 'a_order.update': 'Modificó pedido',
    'a_credit.grant': 'Concedió crédito', 'a_credit.redeem': 'Canjeó crédito', 'a_message.send': 'Envió un mensaje',
    'a_automation.create': 'Creó una automatización', 'a_automation.update': 'Modificó una automatización', 'a_automation.delete': 'Eliminó una automatización',
    'a_consent.record': 'Registró consentimiento', 'a_privacy.request': 'Abrió solicitud LGPD', 'a_privacy.update': 'Gestionó solicitud LGPD', 'a_privacy.archive': 'Generó archivo de datos (LGPD)', 'a_customer.anonymize': 'Anonimizó cliente',
    'a_api_key.create': 'Creó una clave de API', 'a_api_key.rotate': 'Rotó una clave de API', 'a_api_key.revoke': 'Revocó una clave de API', 'a_api_key.bad_keys': 'Rechazó claves de API inválidas',
    'a_webhook_endpoint.create': 'Registró un webhook', 'a_webhook_endpoint.update': 'Modificó un webhook', 'a_webhook_endpoint.delete': 'Eliminó un webhook', 'a_webhook_endpoint.rotate_secret': 'Rotó una clave de webhook',
    'a_unit.create': 'Registró una unidad', 'a_unit.update': 'Modificó una unidad', 'a_unit.delete': 'Eliminó una unidad',
    'a_duplicate.dismiss': 'Marcó como no duplicados', 'a_customer.merge': 'Fusionó clientes', 'a_customer.claim': 'Asumió registro',
};
