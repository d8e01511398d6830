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
    totalSpent: 'Total gastado', averageTicket: 'Ticket medio', orders30: 'Pedidos (30 días)', trend: 'Tendencia (vs. 30 días anteriores)',
    trendOf: '{last} pedidos en los últimos 30 días, {previous} en los 30 días anteriores', noFigure: 'Sin datos',
    discount: 'Descuento (%)', discountOf: 'Descuento de {name} (%)', noDiscount: 'Sin descuento',
    automatic: 'automática', automaticNew: 'Automática: los clientes entran y salen por su regla', rule: 'Regla', ruleOf: 'Regla de {name}',
    ruleIs: 'Regla:', ruleHelp: 'Los clientes que cumplen todas las condiciones entran en la categoría, y salen cuando dejan de cumplirlas. Nadie se incluye o quita a mano.',
    ruleEmpty: 'Agregue al menos una condición a la regla.', editRule: 'Editar regla', editRuleOf: 'Editar regla de {name}', saveRule: 'Guardar regla',
};
