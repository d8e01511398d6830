import type { Messages } from '../internal/localize.js';

type Key =
  | 'label' | 'selected' | 'remove' | 'inactive' | 'inactiveHint' | 'none' | 'create' | 'newCategory' | 'name' | 'color'
  | 'confirmCreate' | 'cancel' | 'results' | 'added' | 'removed' | 'loadFailed' | 'required' | 'creating';

export const messages: Messages<Key> = {
  'pt-BR': {
    label: 'Categorias', selected: 'Selecionadas', remove: 'Remover {name}', inactive: 'inativa',
    inactiveHint: 'Categoria inativa: pode ser removida, mas não adicionada de novo.',
    none: 'Nenhuma categoria encontrada', create: 'Criar categoria “{name}”', newCategory: 'Nova categoria', name: 'Nome', color: 'Cor',
    confirmCreate: 'Criar', cancel: 'Cancelar', results: '{count} categorias disponíveis', added: '{name} adicionada', removed: '{name} removida',
    loadFailed: 'Não foi possível carregar as categorias.', required: 'Selecione pelo menos uma categoria.', creating: 'Criando…',
  },
  en: {
    label: 'Categories', selected: 'Selected', remove: 'Remove {name}', inactive: 'inactive',
    inactiveHint: 'Inactive category: it can be removed, but not added again.',
    none: 'No category found', create: 'Create category “{name}”', newCategory: 'New category', name: 'Name', color: 'Colour',
    confirmCreate: 'Create', cancel: 'Cancel', results: '{count} categories available', added: '{name} added', removed: '{name} removed',
    loadFailed: 'Could not load the categories.', required: 'Choose at least one category.', creating: 'Creating…',
  },
  es: {
    label: 'Categorías', selected: 'Seleccionadas', remove: 'Quitar {name}', inactive: 'inactiva',
    inactiveHint: 'Categoría inactiva: se puede quitar, pero no volver a añadir.',
    none: 'Ninguna categoría encontrada', create: 'Crear categoría “{name}”', newCategory: 'Nueva categoría', name: 'Nombre', color: 'Color',
    confirmCreate: 'Crear', cancel: 'Cancelar', results: '{count} categorías disponibles', added: '{name} añadida', removed: '{name} quitada',
    loadFailed: 'No fue posible cargar las categorías.', required: 'Seleccione al menos una categoría.', creating: 'Creando…',
  },
};
