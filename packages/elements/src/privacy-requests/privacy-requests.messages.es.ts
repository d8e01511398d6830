import type { Key } from './privacy-requests.messages.js';

/** Spanish words of `<cl-privacy-requests>`, loaded only when a page asks for `es`. */
export const table: Record<Key, string> = {
  title: 'Solicitudes de titulares (LGPD)',
  note: 'Pedidos de acceso, portabilidad, corrección, anonimización y eliminación de datos. La LGPD (art. 19) da 15 días para responder.',
  filter: 'Estado', all: 'Todas', customer: 'Cliente', type: 'Pedido', status: 'Estado', opened: 'Abierta el', due: 'Plazo legal',
  openedBy: 'Abierta por', handledBy: 'Gestionada por', actions: 'Acciones', shopper: 'El propio cliente',
  daysLeft: 'Quedan {n} días', dueToday: 'Vence hoy', overdue: 'Atrasada {n} días',
  start: 'Iniciar', complete: 'Completar', reject: 'Rechazar', download: 'Descargar datos', anonymize: 'Anonimizar…',
  confirmTitle: 'Anonimizar a {name}', confirmText: 'Los datos personales se borrarán de forma irreversible. Los pedidos y totales siguen. Escribe {word} para confirmar.',
  confirmLabel: 'Confirmación', confirmButton: 'Anonimizar definitivamente', cancel: 'Cancelar', mismatch: 'Escribe {word} para confirmar.',
  resolution: 'Motivo o respuesta (opcional)',
  empty: 'Ninguna solicitud.', loading: 'Cargando…',
  stale: 'Esta solicitud fue modificada por otra persona. La lista se recargó; revísala e inténtalo de nuevo.',
  started: 'Solicitud de {name} en curso.', completed: 'Solicitud de {name} completada.', rejected: 'Solicitud de {name} rechazada.',
  downloaded: 'Archivo con los datos de {name} descargado.', anonymized: 'Cliente anonimizado; la solicitud se completó.', more: 'Cargar más',
  newTitle: 'Nueva solicitud de {name}', newTitleUnnamed: 'Nueva solicitud de este cliente', newType: 'Pedido', newOpen: 'Abrir solicitud',
  opened_: 'Solicitud de {type} abierta. Plazo legal: {date}.',
};
