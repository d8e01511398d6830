import type { Key } from './category-picker.messages.js';

/** Spanish words of `<cl-category-picker>`, loaded only when a page asks for `es`. */
export const table: Record<Key, string> = {
    label: 'Categorías', selected: 'Seleccionadas', remove: 'Quitar {name}', inactive: 'inactiva',
    inactiveHint: 'Categoría inactiva: se puede quitar, pero no volver a añadir.',
    none: 'Ninguna categoría encontrada', create: 'Crear categoría “{name}”', newCategory: 'Nueva categoría', name: 'Nombre', color: 'Color',
    confirmCreate: 'Crear', cancel: 'Cancelar', results: '{count} categorías disponibles', added: '{name} añadida', removed: '{name} quitada',
    loadFailed: 'No fue posible cargar las categorías.', required: 'Seleccione al menos una categoría.', creating: 'Creando…',
    automatic: 'automática', automaticHint: 'Categoría automática: los clientes entran y salen por su regla, no a mano.',
};
