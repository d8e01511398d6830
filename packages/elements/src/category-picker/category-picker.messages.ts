import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'label' | 'selected' | 'remove' | 'inactive' | 'inactiveHint' | 'none' | 'create' | 'newCategory' | 'name' | 'color'
  | 'confirmCreate' | 'cancel' | 'results' | 'added' | 'removed' | 'loadFailed' | 'required' | 'creating' | 'automatic' | 'automaticHint';

/** The pt-BR words of `<cl-category-picker>`, bundled with it; en and es load on first use (one file each). */
const ptBR: Record<Key, string> = {
    label: 'Categorias', selected: 'Selecionadas', remove: 'Remover {name}', inactive: 'inativa',
    inactiveHint: 'Categoria inativa: pode ser removida, mas não adicionada de novo.',
    none: 'Nenhuma categoria encontrada', create: 'Criar categoria “{name}”', newCategory: 'Nova categoria', name: 'Nome', color: 'Cor',
    confirmCreate: 'Criar', cancel: 'Cancelar', results: '{count} categorias disponíveis', added: '{name} adicionada', removed: '{name} removida',
    loadFailed: 'Não foi possível carregar as categorias.', required: 'Selecione pelo menos uma categoria.', creating: 'Criando…',
    automatic: 'automática', automaticHint: 'Categoria automática: os clientes entram e saem pela regra, não à mão.',
};

/** Every language of the element: pt-BR now, en and es fetched once when an element asks for them. */
export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./category-picker.messages.en.js') : import('./category-picker.messages.es.js')).then((m) => m.table),
);
