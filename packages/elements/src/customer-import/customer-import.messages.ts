import { lazyMessages } from '../internal/localize.js';

export type Key =
  | 'title' | 'intro' | 'template' | 'templateCsv' | 'templateXlsx' | 'drop' | 'choose' | 'wrongType' | 'checking' | 'importing'
  | 'summary' | 'preview' | 'previewCaption' | 'row' | 'name' | 'document' | 'outcome' | 'o_create' | 'o_update' | 'o_unchanged' | 'o_reject'
  | 'errors' | 'errorsCaption' | 'field' | 'message' | 'noErrors' | 'confirm' | 'confirmNone' | 'another' | 'cancel' | 'done'
  | 'created' | 'updated' | 'unchanged' | 'rejected' | 'downloadRejected' | 'failed' | 'retry' | 'uploadFailed' | 'allUnchanged' | 'file' | 'errorsCol' | 'progress'
  | 'consent' | 'consentNone';

/** The pt-BR words of `<cl-customer-import>`, bundled with it; en and es load on first use (one file each). */
const ptBR: Record<Key, string> = {
    title: 'Importar clientes',
    intro: 'Envie uma planilha CSV ou XLSX com uma linha por cliente. Os clientes são identificados pelo CPF/CNPJ: quem já existe é atualizado.',
    template: 'Baixe o modelo com as colunas esperadas:', templateCsv: 'Modelo CSV', templateXlsx: 'Modelo XLSX',
    drop: 'Arraste a planilha (CSV ou XLSX) para cá ou', choose: 'escolha um arquivo',
    wrongType: 'Envie um arquivo .csv ou .xlsx.', checking: 'Conferindo a planilha…', importing: 'Importando…',
    summary: '{total} linhas: {create} novos, {update} atualizados, {unchanged} sem alteração, {reject} com erro.',
    preview: 'Prévia', previewCaption: 'Primeiras {n} linhas da planilha', row: 'Linha', name: 'Nome', document: 'CPF/CNPJ', outcome: 'Resultado',
    o_create: 'Novo', o_update: 'Atualizar', o_unchanged: 'Sem alteração', o_reject: 'Com erro',
    errors: 'Erros', errorsCaption: 'Erros por linha e campo ({n})', field: 'Campo', message: 'Erro', noErrors: 'Nenhum erro encontrado.',
    confirm: 'Confirmar importação', confirmNone: 'Nada a importar', another: 'Escolher outro arquivo', cancel: 'Cancelar', done: 'Importação concluída',
    created: 'Criados', updated: 'Atualizados', unchanged: 'Sem alteração', rejected: 'Rejeitados',
    downloadRejected: 'Baixar linhas rejeitadas (CSV)', failed: 'Não foi possível ler a planilha.', retry: 'Tentar novamente', uploadFailed: 'Não foi possível enviar a planilha.',
    allUnchanged: 'Todos os clientes desta planilha já estão atualizados.', file: 'Arquivo', errorsCol: 'Erros', progress: 'Progresso',
    consent: 'Aceita receber por', consentNone: 'Nenhum canal',
};

/** Every language of the element: pt-BR now, en and es fetched once when an element asks for them. */
export const catalog = lazyMessages(ptBR, (locale) =>
  (locale === 'en' ? import('./customer-import.messages.en.js') : import('./customer-import.messages.es.js')).then((m) => m.table),
);
