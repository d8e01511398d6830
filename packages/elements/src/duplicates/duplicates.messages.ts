import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'title' | 'note' | 'rescan' | 'scanning' | 'scanDone' | 'pair' | 'reasons' | 'score' | 'actions' | 'select' | 'compare' | 'dismiss'
  | 'dismissed' | 'mergeSelected' | 'maxPairs' | 'empty' | 'loading' | 'more' | 'orders' | 'compareTitle' | 'keep' | 'keepHint'
  | 'fieldsHint' | 'sameFields' | 'none' | 'yes' | 'no' | 'moves' | 'movesOrders' | 'movesCredits' | 'movesConsent' | 'movesMessages'
  | 'after' | 'merge' | 'cancel' | 'merged' | 'mergedMany' | 'bulkTitle' | 'bulkInto' | 'bulkConfirm' | 'similar';

/** The pt-BR words of `<cl-duplicates>`, bundled with it; en and es load on first use. */
const ptBR: Record<Key, string> = {
  title: 'Possíveis duplicados', note: 'Clientes que podem ser a mesma pessoa, do mais provável ao menos provável. Compare e una os registros, ou ignore o par.',
  rescan: 'Procurar de novo', scanning: 'Procurando duplicados: {done} de {total} clientes', scanDone: 'Busca concluída.',
  pair: 'Clientes', reasons: 'Motivos', score: 'Pontuação', actions: 'Ações', select: 'Selecionar {a} e {b}',
  compare: 'Comparar e unir', dismiss: 'Ignorar', dismissed: 'Par ignorado: {a} e {b} não serão mostrados de novo.',
  mergeSelected: 'Unir selecionados ({n})', maxPairs: 'Até {n} pares por vez.', empty: 'Nenhum possível duplicado.', loading: 'Carregando…',
  more: 'Carregar mais', orders: '{n} pedidos', compareTitle: 'Comparar e unir', keep: 'Registro que fica', keepHint: 'O outro registro passa a apontar para este.',
  fieldsHint: 'Escolha o valor de cada campo que difere.', sameFields: 'Os demais campos são iguais nos dois registros.', none: '(vazio)',
  yes: 'Sim', no: 'Não', moves: 'Vai para o registro que fica', movesOrders: 'Pedidos', movesCredits: 'Créditos', movesConsent: 'Registros de consentimento',
  movesMessages: 'Mensagens', after: 'Depois da união: {orders} pedidos, {total} no total.', merge: 'Unir', cancel: 'Cancelar',
  merged: 'Registros unidos: {name} ficou com tudo.', mergedMany: '{n} registros unidos.', bulkTitle: 'Unir os pares selecionados',
  bulkInto: '{merged} será unido a {survivor}', bulkConfirm: 'Unir {n}', similar: '{label} ({pct})',
};

export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./duplicates.messages.en.js') : import('./duplicates.messages.es.js')).then((m) => m.table),
);
