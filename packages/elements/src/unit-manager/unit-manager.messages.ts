import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'title' | 'note' | 'newUnit' | 'name' | 'code' | 'codeHint' | 'create' | 'status' | 'actions' | 'active' | 'inactive'
  | 'edit' | 'editing' | 'save' | 'cancel' | 'inactivate' | 'reactivate' | 'empty' | 'loading' | 'stale'
  | 'created' | 'saved' | 'inactivated' | 'reactivated';

/** The pt-BR words of `<cl-unit-manager>`, bundled with it; en and es load on first use (one file each). */
const ptBR: Record<Key, string> = {
  title: 'Unidades',
  note: 'Todas as unidades (lojas físicas e a loja online) compartilham a mesma base de clientes; cada pedido registra a unidade em que foi feito. Uma unidade com pedidos não é excluída, apenas inativada: deixa de receber pedidos, e os que já tem continuam nela.',
  newUnit: 'Nova unidade', name: 'Nome', code: 'Código (opcional)', codeHint: 'Letras sem acento, números e _. Sem código, ele é criado a partir do nome.',
  create: 'Criar unidade', status: 'Situação', actions: 'Ações', active: 'Ativa', inactive: 'Inativa',
  edit: 'Renomear', editing: 'Renomear {name}', save: 'Salvar', cancel: 'Cancelar', inactivate: 'Inativar', reactivate: 'Reativar',
  empty: 'Nenhuma unidade ainda.', loading: 'Carregando…',
  stale: 'Esta unidade foi alterada por outra pessoa. A lista foi recarregada; confira e tente de novo.',
  created: 'Unidade “{name}” criada.', saved: 'Unidade “{name}” salva.', inactivated: 'Unidade “{name}” inativada.', reactivated: 'Unidade “{name}” reativada.',
};

/** Every language of the element: pt-BR now, en and es fetched once when an element asks for them. */
export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./unit-manager.messages.en.js') : import('./unit-manager.messages.es.js')).then((m) => m.table),
);
