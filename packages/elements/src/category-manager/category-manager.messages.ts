import type { Messages } from '../internal/localize.js';

type Key =
  | 'title' | 'noDelete' | 'newCategory' | 'name' | 'color' | 'create' | 'creating' | 'status' | 'customers' | 'actions'
  | 'active' | 'inactive' | 'edit' | 'save' | 'cancel' | 'inactivate' | 'reactivate' | 'empty' | 'loading'
  | 'stale' | 'created' | 'saved' | 'inactivated' | 'reactivated' | 'editing' | 'colorOf';

export const messages: Messages<Key> = {
  'pt-BR': {
    title: 'Categorias de clientes',
    noDelete: 'Categorias não são excluídas, apenas inativadas: uma categoria inativa deixa de ser oferecida para novos cadastros, mas continua nos clientes que já a têm, para que o histórico e os relatórios continuem corretos.',
    newCategory: 'Nova categoria', name: 'Nome', color: 'Cor', create: 'Criar categoria', creating: 'Criando…', status: 'Status',
    customers: 'Clientes', actions: 'Ações', active: 'Ativa', inactive: 'Inativa', edit: 'Editar', save: 'Salvar', cancel: 'Cancelar',
    inactivate: 'Inativar', reactivate: 'Reativar', empty: 'Nenhuma categoria ainda.', loading: 'Carregando…',
    stale: 'Esta categoria foi alterada por outra pessoa. A lista foi recarregada; confira e tente de novo.',
    created: 'Categoria “{name}” criada.', saved: 'Categoria “{name}” salva.', inactivated: 'Categoria “{name}” inativada.',
    reactivated: 'Categoria “{name}” reativada.', editing: 'Editar {name}', colorOf: 'Cor de {name}',
  },
  en: {
    title: 'Customer categories',
    noDelete: 'Categories are never deleted, only inactivated: an inactive category is no longer offered for new assignments, but stays on the customers that have it, so history and reports stay true.',
    newCategory: 'New category', name: 'Name', color: 'Colour', create: 'Create category', creating: 'Creating…', status: 'Status',
    customers: 'Customers', actions: 'Actions', active: 'Active', inactive: 'Inactive', edit: 'Edit', save: 'Save', cancel: 'Cancel',
    inactivate: 'Inactivate', reactivate: 'Reactivate', empty: 'No categories yet.', loading: 'Loading…',
    stale: 'This category was changed by someone else. The list was reloaded; check it and try again.',
    created: 'Category “{name}” created.', saved: 'Category “{name}” saved.', inactivated: 'Category “{name}” inactivated.',
    reactivated: 'Category “{name}” reactivated.', editing: 'Edit {name}', colorOf: 'Colour of {name}',
  },
  es: {
    title: 'Categorías de clientes',
    noDelete: 'Las categorías no se eliminan, solo se inactivan: una categoría inactiva deja de ofrecerse para nuevas asignaciones, pero permanece en los clientes que ya la tienen, para que el historial y los informes sigan siendo correctos.',
    newCategory: 'Nueva categoría', name: 'Nombre', color: 'Color', create: 'Crear categoría', creating: 'Creando…', status: 'Estado',
    customers: 'Clientes', actions: 'Acciones', active: 'Activa', inactive: 'Inactiva', edit: 'Editar', save: 'Guardar', cancel: 'Cancelar',
    inactivate: 'Inactivar', reactivate: 'Reactivar', empty: 'Todavía no hay categorías.', loading: 'Cargando…',
    stale: 'Otra persona modificó esta categoría. La lista se recargó; revísela e inténtelo de nuevo.',
    created: 'Categoría “{name}” creada.', saved: 'Categoría “{name}” guardada.', inactivated: 'Categoría “{name}” inactivada.',
    reactivated: 'Categoría “{name}” reactivada.', editing: 'Editar {name}', colorOf: 'Color de {name}',
  },
};
