import { lazyMessages } from '../internal/localize.js';

/** Words of the list itself. */
export type ListKey =
  | 'title' | 'note' | 'rescan' | 'scanning' | 'scanDone' | 'pair' | 'reasons' | 'score' | 'actions' | 'select' | 'compare' | 'dismiss'
  | 'dismissed' | 'mergeSelected' | 'maxPairs' | 'empty' | 'loading' | 'more' | 'orders' | 'merged' | 'mergedMany' | 'similar' | 'retry';

/** Words of the comparison and the multiple-merge dialogs (pt-BR arrives with them: duplicates.parts.ts). */
export type DialogKey =
  | 'compareTitle' | 'keep' | 'keepHint' | 'fieldsHint' | 'sameFields' | 'none' | 'yes' | 'no' | 'moves' | 'movesOrders' | 'movesCredits'
  | 'movesConsent' | 'movesMessages' | 'after' | 'merge' | 'cancel' | 'bulkTitle' | 'bulkInto' | 'bulkConfirm'
  | 'categories' | 'catSurvivor' | 'catMerged' | 'catAfter' | 'catLeft' | 'catNone' | 'catAutomatic' | 'catInactive' | 'catHint';

export type Key = ListKey | DialogKey;

/** The pt-BR words of the list, bundled with `<cl-duplicates>`; en and es (every key) load on first use. */
const ptBR: Record<ListKey, string> = {
  title: 'Possíveis duplicados', note: 'Clientes que podem ser a mesma pessoa, do mais provável ao menos provável. Compare e una os registros, ou ignore o par.',
  rescan: 'Procurar de novo', scanning: 'Procurando duplicados: {done} de {total} clientes', scanDone: 'Busca concluída.',
  pair: 'Clientes', reasons: 'Motivos', score: 'Pontuação', actions: 'Ações', select: 'Selecionar {a} e {b}',
  compare: 'Comparar e unir', dismiss: 'Ignorar', dismissed: 'Par ignorado: {a} e {b} não serão mostrados de novo.',
  mergeSelected: 'Unir selecionados ({n})', maxPairs: 'Até {n} pares por vez.', empty: 'Nenhum possível duplicado.', loading: 'Carregando…',
  more: 'Carregar mais', orders: '{n} pedidos', merged: 'Registros unidos: {name} ficou com tudo.', mergedMany: '{n} registros unidos.',
  similar: '{label} ({pct})', retry: 'Tentar novamente',
};

// The dialog keys are added to this same table when the parts arrive, before they render.
export const catalog = lazyMessages(ptBR as Record<Key, string>, (locale) =>
  (locale === 'en' ? import('./duplicates.messages.en.js') : import('./duplicates.messages.es.js')).then((m) => m.table),
);
