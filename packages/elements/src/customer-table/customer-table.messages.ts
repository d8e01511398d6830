import { lazyMessages } from '../internal/localize.js';

/**
 * Every string `<cl-customer-table>` shows. pt-BR (the source language) is bundled; en and es
 * live in `customer-table.messages.en.ts` / `.es.ts` and load on demand, so a Brazilian page
 * does not download the other two tables.
 */
const ptBR = {
    toolbar: 'Filtros de clientes',
    search: 'Buscar',
    searchPlaceholder: 'Nome, e-mail, telefone ou CPF/CNPJ',
    status: 'Situação',
    statusAll: 'Todas (exceto excluídos)',
    active: 'Ativo',
    inactive: 'Inativo',
    blocked: 'Bloqueado',
    deleted: 'Excluído',
    merged: 'Mesclado',
    categories: 'Categorias',
    categoriesCount: 'Categorias ({n})',
    inactiveCategory: '{name} (inativa)',
    unit: 'Unidade',
    unitAll: 'Todas as unidades',
    inactiveUnit: '{name} (inativa)',
    kindAll: 'Todos',
    person: 'Pessoa física',
    company: 'Pessoa jurídica',
    kinds: 'Tipo de cliente',
    clearFilters: 'Limpar filtros',
    columns: 'Colunas',
    grid: 'Clientes',
    selectRow: 'Selecionar {name}',
    selectPage: 'Selecionar todos carregados',
    colName: 'Nome',
    colDocument: 'CPF/CNPJ',
    colLegalName: 'Razão social',
    colCnpj: 'CNPJ',
    colCpf: 'CPF',
    colEmail: 'E-mail',
    colPhone: 'Telefone',
    colCategories: 'Categorias',
    colCreatedAt: 'Cliente desde',
    colLastPurchase: 'Última compra',
    colOrders: 'Pedidos',
    colTotalSpent: 'Total gasto',
    colStatus: 'Situação',
    colVisits: 'Visitas',
    colFirstVisit: 'Primeira visita',
    colLastVisit: 'Última visita',
    colDiscount: 'Desconto',
    colLoyalty: 'Cartão fidelidade',
    colSource: 'Origem',
    sourceAll: 'Todas as origens',
    copyId: 'Copiar ID de {name}',
    copyDocument: 'Copiar CPF/CNPJ de {name}',
    copyPhone: 'Copiar telefone de {name}',
    reveal: 'Mostrar CPF/CNPJ de {name}',
    hide: 'Ocultar CPF/CNPJ de {name}',
    whatsapp: 'Abrir WhatsApp de {name} (nova aba)',
    copied: 'Copiado',
    copyFailed: 'Não foi possível copiar',
    loading: 'Carregando clientes…',
    loadingRow: 'Carregando…',
    results: '{n} clientes encontrados',
    result1: '1 cliente encontrado',
    empty: 'Nenhum cliente encontrado',
    emptyHint: 'Tente outra busca ou limpe os filtros.',
    error: 'Não foi possível carregar os clientes.',
    retry: 'Tentar novamente',
    exportCsv: 'Exportar CSV',
    exportXlsx: 'Exportar XLSX',
    exportHint: 'Exporta as colunas visíveis da seleção ou, sem seleção, de todo o filtro.',
    working: 'Aplicando…',
    updated: '{n} atualizados',
    actionFailed: 'A ação falhou: {message}',
    bulkFailed: 'Não foi possível aplicar "{what}".',
    dismiss: 'Fechar aviso',
    actions: 'Filtros e ações',
  };

/** Keys used only by the lazily loaded action UI; their pt-BR strings live in customer-table.parts.ts. */
export type ActionKey =
  | 'addCategory' | 'allMatchingExcept' | 'allMatchingSelected' | 'bulk' | 'cancel' | 'category' | 'clearSelection' | 'close' | 'columnsMenu'
  | 'confirmWord' | 'delete' | 'deleteText' | 'deleteTitle' | 'deleteWord' | 'exported' | 'moveDown' | 'moveUp'
  | 'newStatus' | 'pin' | 'pinHint' | 'removeCategory' | 'selectAllMatching' | 'selected' | 'setStatus'
  | 'exporting' | 'exportProgress' | 'exportCancelled' | 'exportFailed' | 'sendMessage';

export type MessageKey = keyof typeof ptBR | ActionKey;

// The action module adds its pt-BR strings to this same object when it loads.
export const { messages, loadMessages } = lazyMessages(ptBR as Record<MessageKey, string>, (locale) =>
  locale === 'en' ? import('./customer-table.messages.en.js').then((m) => m.en) : import('./customer-table.messages.es.js').then((m) => m.es),
);
