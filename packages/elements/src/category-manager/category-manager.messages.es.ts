import type { Key } from './category-manager.messages.js';

/** Spanish words of `<cl-category-manager>`, loaded only when a page asks for `es`. */
export const table: Record<Key, string> = {
    title: 'Categorías de clientes',
    noDelete: 'Las categorías no se eliminan, solo se inactivan: una categoría inactiva deja de ofrecerse para nuevas asignaciones, pero permanece en los clientes que ya la tienen, para que el historial y los informes sigan siendo correctos.',
    newCategory: 'Nueva categoría', name: 'Nombre', color: 'Color', create: 'Crear categoría', creating: 'Creando…', status: 'Estado',
    customers: 'Clientes', actions: 'Acciones', active: 'Activa', inactive: 'Inactiva', edit: 'Editar', save: 'Guardar', cancel: 'Cancelar',
    inactivate: 'Inactivar', reactivate: 'Reactivar', empty: 'Todavía no hay categorías.', loading: 'Cargando…',
    stale: 'Otra persona modificó esta categoría. La lista se recargó; revísela e inténtelo de nuevo.',
    created: 'Categoría “{name}” creada.', saved: 'Categoría “{name}” guardada.', inactivated: 'Categoría “{name}” inactivada.',
    reactivated: 'Categoría “{name}” reactivada.', editing: 'Editar {name}', colorOf: 'Color de {name}',
};
