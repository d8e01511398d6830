import type { Key } from './unit-manager.messages.js';

/** Spanish words of `<cl-unit-manager>`, loaded only when a page asks for `es`. */
export const table: Record<Key, string> = {
  title: 'Unidades',
  note: 'Todas las unidades (tiendas físicas y la tienda online) comparten la misma base de clientes; cada pedido registra la unidad donde se hizo. Una unidad con pedidos no se elimina, solo se inactiva: deja de recibir pedidos y los que ya tiene se quedan.',
  newUnit: 'Nueva unidad', name: 'Nombre', code: 'Código (opcional)', codeHint: 'Letras sin tilde, números y _. Sin código, se crea a partir del nombre.',
  create: 'Crear unidad', status: 'Estado', actions: 'Acciones', active: 'Activa', inactive: 'Inactiva',
  edit: 'Renombrar', editing: 'Renombrar {name}', save: 'Guardar', cancel: 'Cancelar', inactivate: 'Inactivar', reactivate: 'Reactivar',
  empty: 'Ninguna unidad todavía.', loading: 'Cargando…',
  stale: 'Otra persona cambió esta unidad. La lista se recargó; revísala e inténtalo de nuevo.',
  created: 'Unidad «{name}» creada.', saved: 'Unidad «{name}» guardada.', inactivated: 'Unidad «{name}» inactivada.', reactivated: 'Unidad «{name}» reactivada.',
};
