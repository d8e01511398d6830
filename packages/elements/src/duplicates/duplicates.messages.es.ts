import type { Key } from './duplicates.messages.js';

/** Spanish words of `<cl-duplicates>`, loaded only when a page asks for `es`. */
export const table: Record<Key, string> = {
  title: 'Posibles duplicados', note: 'Clientes que pueden ser la misma persona, del más probable al menos probable. Compare y fusione los registros, o ignore el par.',
  rescan: 'Buscar de nuevo', scanning: 'Buscando duplicados: {done} de {total} clientes', scanDone: 'Búsqueda terminada.',
  pair: 'Clientes', reasons: 'Motivos', score: 'Puntuación', actions: 'Acciones', select: 'Seleccionar {a} y {b}',
  compare: 'Comparar y fusionar', dismiss: 'Ignorar', dismissed: 'Par ignorado: {a} y {b} no se mostrarán de nuevo.',
  mergeSelected: 'Fusionar seleccionados ({n})', maxPairs: 'Hasta {n} pares a la vez.', empty: 'Ningún posible duplicado.', loading: 'Cargando…',
  more: 'Cargar más', orders: '{n} pedidos', compareTitle: 'Comparar y fusionar', keep: 'Registro que queda', keepHint: 'El otro registro apuntará a este.',
  fieldsHint: 'Elija el valor de cada campo que difiere.', sameFields: 'Los demás campos son iguales en los dos registros.', none: '(vacío)',
  yes: 'Sí', no: 'No', moves: 'Pasa al registro que queda', movesOrders: 'Pedidos', movesCredits: 'Créditos', movesConsent: 'Registros de consentimiento',
  movesMessages: 'Mensajes', after: 'Después de la fusión: {orders} pedidos, {total} en total.', merge: 'Fusionar', cancel: 'Cancelar',
  merged: 'Registros fusionados: {name} quedó con todo.', mergedMany: '{n} registros fusionados.', bulkTitle: 'Fusionar los pares seleccionados',
  bulkInto: '{merged} se fusionará con {survivor}', bulkConfirm: 'Fusionar {n}', similar: '{label} ({pct})',
  retry: 'Intentar de nuevo', categories: 'Categorías', catSurvivor: 'Registro que queda ({n})', catMerged: 'Otro registro ({n})',
  catAfter: 'Después de la fusión ({n})', catLeft: 'No pasan ({n})', catNone: 'ninguna', catAutomatic: '{name} (automática: decide su regla)',
  catInactive: '{name} (inactiva)', catHint: 'El registro que queda conserva sus categorías y recibe las manuales del otro.',
};
