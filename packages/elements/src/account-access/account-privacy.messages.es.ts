import type { Key } from './account-privacy.messages.js';

/** Spanish words of the account area's privacy panel. */
export const table: Record<Key, string> = {
  title: 'Privacidad', consentTitle: 'Comunicaciones', consentIntro: 'Elige por dónde aceptas recibir ofertas y novedades. Puedes cambiarlo cuando quieras.',
  save: 'Guardar preferencias', saved: 'Preferencias guardadas.',
  downloadTitle: 'Descargar mis datos', downloadText: 'Un archivo con todo lo que la tienda guarda sobre ti: datos, pedidos, créditos, consentimientos y mensajes.',
  download: 'Descargar mis datos', downloaded: 'Archivo descargado.',
  deleteTitle: 'Eliminar mi cuenta', deleteText: 'La tienda borra tus datos personales; los pedidos y valores se quedan, sin identificarte. La tienda tiene hasta 15 días para responder.',
  delete: 'Eliminar mi cuenta', deleteConfirm: '¿Seguro? Una vez atendido, no se puede deshacer.', deleteYes: 'Sí, pedir la eliminación', cancel: 'Cancelar',
  deleteOpened: 'Solicitud de eliminación registrada. Plazo de la tienda: {date}.', requests: 'Tus solicitudes', noRequests: 'Ninguna solicitud.', due: 'plazo {date}', loading: 'Cargando…',
};
