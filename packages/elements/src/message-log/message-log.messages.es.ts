import type { Key } from './message-log.messages.js';

/** Spanish words of `<cl-message-log>`, loaded only when a page asks for `es`. */
export const table: Record<Key, string> = {
  title: 'Mensajes', when: 'Cuándo', who: 'Enviado por', channel: 'Canal', message: 'Mensaje', recipients: 'Destinatarios',
  progress: 'Estado del envío', open: 'Ver destinatarios', back: 'Volver a los mensajes', key: 'clave',
  ch_email: 'Correo', ch_sms: 'SMS', ch_whatsapp: 'WhatsApp', ch_push: 'Push',
  st_queued: 'En cola', st_sent: 'Enviado', st_delivered: 'Entregado', st_failed: 'Falló', st_skipped: 'No enviado',
  allStatuses: 'Todos los estados', status: 'Estado',
  sk_no_consent: 'Sin autorización para este canal', sk_no_contact: 'Sin contacto en este canal', sk_no_app: 'No tiene la aplicación', sk_inactive: 'Cliente inactivo o bloqueado',
  customer: 'Cliente', address: 'Enviado a', reason: 'Motivo', attempts: 'Intentos', updated: 'Actualizado', filter: 'Filtrar',
  empty: 'Todavía no se enviaron mensajes.', emptyRecipients: 'Ningún destinatario en este estado.', loading: 'Cargando…',
  failed: 'No se pudieron cargar los mensajes.', retry: 'Reintentar', previous: 'Anterior', next: 'Siguiente', page: 'Página {n}',
  sending: 'Enviando; la lista se actualiza sola.', batchTitle: 'Mensaje del {date}', counted: '{n} {status}', notFound: 'Mensaje no encontrado.',
};
