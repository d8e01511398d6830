import type { Messages } from '../internal/localize.js';

type Key =
  | 'title' | 'action' | 'allActions' | 'from' | 'to' | 'filter' | 'clear' | 'when' | 'who' | 'what'
  | 'empty' | 'loading' | 'failed' | 'retry' | 'previous' | 'next' | 'page' | 'sha' | 'badRange'
  | 'a_customer.reveal' | 'a_customer.create' | 'a_customer.update' | 'a_customer.delete' | 'a_customer.invite'
  | 'a_bulk' | 'a_export' | 'a_import' | 'a_settings.update' | 'a_category.create' | 'a_category.update' | 'key';

export const messages: Messages<Key> = {
  'pt-BR': {
    title: 'Log de dados', action: 'Ação', allActions: 'Todas as ações', from: 'De', to: 'Até', filter: 'Filtrar', clear: 'Limpar',
    when: 'Quando', who: 'Quem', what: 'O que foi feito',
    empty: 'Nenhum registro no log para este filtro.', loading: 'Carregando o log…', failed: 'Não foi possível carregar o log.',
    retry: 'Tentar de novo', previous: 'Anterior', next: 'Próxima', page: 'Página {n}',
    sha: 'SHA-256', badRange: 'A data inicial deve ser anterior à final.', key: 'chave',
    'a_customer.reveal': 'Visualização de documento', 'a_customer.create': 'Cadastrou cliente', 'a_customer.update': 'Alterou cliente',
    'a_customer.delete': 'Excluiu cliente', 'a_customer.invite': 'Criou link de acesso', a_bulk: 'Ação em massa', a_export: 'Download de planilha',
    a_import: 'Importação de planilha', 'a_settings.update': 'Alterou configurações', 'a_category.create': 'Criou categoria',
    'a_category.update': 'Alterou categoria',
  },
  en: {
    title: 'Data log', action: 'Action', allActions: 'All actions', from: 'From', to: 'To', filter: 'Filter', clear: 'Clear',
    when: 'When', who: 'Who', what: 'What was done',
    empty: 'No log entries for this filter.', loading: 'Loading the log…', failed: 'Could not load the log.',
    retry: 'Try again', previous: 'Previous', next: 'Next', page: 'Page {n}',
    sha: 'SHA-256', badRange: 'The start date must come before the end date.', key: 'key',
    'a_customer.reveal': 'Revealed document', 'a_customer.create': 'Created customer', 'a_customer.update': 'Changed customer',
    'a_customer.delete': 'Deleted customer', 'a_customer.invite': 'Created access link', a_bulk: 'Bulk action', a_export: 'Spreadsheet download',
    a_import: 'Spreadsheet import', 'a_settings.update': 'Changed settings', 'a_category.create': 'Created category',
    'a_category.update': 'Changed category',
  },
  es: {
    title: 'Registro de datos', action: 'Acción', allActions: 'Todas las acciones', from: 'Desde', to: 'Hasta', filter: 'Filtrar', clear: 'Limpiar',
    when: 'Cuándo', who: 'Quién', what: 'Qué se hizo',
    empty: 'No hay entradas para este filtro.', loading: 'Cargando el registro…', failed: 'No se pudo cargar el registro.',
    retry: 'Reintentar', previous: 'Anterior', next: 'Siguiente', page: 'Página {n}',
    sha: 'SHA-256', badRange: 'La fecha inicial debe ser anterior a la final.', key: 'clave',
    'a_customer.reveal': 'Vio documento', 'a_customer.create': 'Creó cliente', 'a_customer.update': 'Modificó cliente',
    'a_customer.delete': 'Eliminó cliente', 'a_customer.invite': 'Creó enlace de acceso', a_bulk: 'Acción masiva', a_export: 'Descarga de planilla',
    a_import: 'Importación de planilla', 'a_settings.update': 'Modificó configuración', 'a_category.create': 'Creó categoría',
    'a_category.update': 'Modificó categoría',
  },
};
