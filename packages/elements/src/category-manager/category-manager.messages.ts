import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'title' | 'noDelete' | 'newCategory' | 'name' | 'color' | 'create' | 'creating' | 'status' | 'customers' | 'actions'
  | 'active' | 'inactive' | 'edit' | 'save' | 'cancel' | 'inactivate' | 'reactivate' | 'empty' | 'loading'
  | 'stale' | 'created' | 'saved' | 'inactivated' | 'reactivated' | 'editing' | 'colorOf'
  | 'totalSpent' | 'averageTicket' | 'orders30' | 'trend' | 'trendOf' | 'noFigure' | 'discount' | 'discountOf' | 'noDiscount'
  | 'automatic' | 'automaticNew' | 'rule' | 'ruleOf' | 'ruleIs' | 'ruleHelp' | 'ruleEmpty' | 'editRule' | 'editRuleOf' | 'saveRule';

/** The pt-BR words of `<cl-category-manager>`, bundled with it; en and es load on first use (one file each). */
const ptBR: Record<Key, string> = {
    title: 'Categorias de clientes',
    noDelete: 'Categorias não são excluídas, apenas inativadas: uma categoria inativa deixa de ser oferecida para novos cadastros, mas continua nos clientes que já a têm, para que o histórico e os relatórios continuem corretos.',
    newCategory: 'Nova categoria', name: 'Nome', color: 'Cor', create: 'Criar categoria', creating: 'Criando…', status: 'Status',
    customers: 'Clientes', actions: 'Ações', active: 'Ativa', inactive: 'Inativa', edit: 'Editar', save: 'Salvar', cancel: 'Cancelar',
    inactivate: 'Inativar', reactivate: 'Reativar', empty: 'Nenhuma categoria ainda.', loading: 'Carregando…',
    stale: 'Esta categoria foi alterada por outra pessoa. A lista foi recarregada; confira e tente de novo.',
    created: 'Categoria “{name}” criada.', saved: 'Categoria “{name}” salva.', inactivated: 'Categoria “{name}” inativada.',
    reactivated: 'Categoria “{name}” reativada.', editing: 'Editar {name}', colorOf: 'Cor de {name}',
    totalSpent: 'Total gasto', averageTicket: 'Ticket médio', orders30: 'Pedidos (30 dias)', trend: 'Tendência (vs. 30 dias anteriores)',
    trendOf: '{last} pedidos nos últimos 30 dias, {previous} nos 30 dias anteriores', noFigure: 'Sem dados',
    discount: 'Desconto (%)', discountOf: 'Desconto de {name} (%)', noDiscount: 'Sem desconto',
    automatic: 'automática', automaticNew: 'Automática: os clientes entram e saem pela regra', rule: 'Regra', ruleOf: 'Regra de {name}',
    ruleIs: 'Regra:', ruleHelp: 'Os clientes que atendem a todas as condições entram na categoria, e saem quando deixam de atender. Ninguém é incluído ou removido à mão.',
    ruleEmpty: 'Adicione pelo menos uma condição à regra.', editRule: 'Editar regra', editRuleOf: 'Editar regra de {name}', saveRule: 'Salvar regra',
};

/** Every language of the element: pt-BR now, en and es fetched once when an element asks for them. */
export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./category-manager.messages.en.js') : import('./category-manager.messages.es.js')).then((m) => m.table),
);
