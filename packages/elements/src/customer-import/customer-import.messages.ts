import type { Messages } from '../internal/localize.js';

type Key =
  | 'title' | 'intro' | 'template' | 'templateCsv' | 'templateXlsx' | 'drop' | 'choose' | 'wrongType' | 'checking' | 'importing'
  | 'summary' | 'preview' | 'previewCaption' | 'row' | 'name' | 'document' | 'outcome' | 'o_create' | 'o_update' | 'o_unchanged' | 'o_reject'
  | 'errors' | 'errorsCaption' | 'field' | 'message' | 'noErrors' | 'confirm' | 'confirmNone' | 'another' | 'cancel' | 'done'
  | 'created' | 'updated' | 'unchanged' | 'rejected' | 'downloadRejected' | 'failed' | 'retry' | 'uploadFailed' | 'allUnchanged' | 'file' | 'errorsCol' | 'progress';

export const messages: Messages<Key> = {
  'pt-BR': {
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
  },
  en: {
    title: 'Import customers',
    intro: 'Upload a CSV or XLSX spreadsheet with one customer per row. Customers are matched by CPF/CNPJ: existing ones are updated.',
    template: 'Download the template with the expected columns:', templateCsv: 'CSV template', templateXlsx: 'XLSX template',
    drop: 'Drop the spreadsheet (CSV or XLSX) here or', choose: 'choose a file',
    wrongType: 'Upload a .csv or .xlsx file.', checking: 'Checking the spreadsheet…', importing: 'Importing…',
    summary: '{total} rows: {create} new, {update} updated, {unchanged} unchanged, {reject} with errors.',
    preview: 'Preview', previewCaption: 'First {n} rows of the spreadsheet', row: 'Row', name: 'Name', document: 'CPF/CNPJ', outcome: 'Outcome',
    o_create: 'New', o_update: 'Update', o_unchanged: 'Unchanged', o_reject: 'Error',
    errors: 'Errors', errorsCaption: 'Errors by row and field ({n})', field: 'Field', message: 'Error', noErrors: 'No errors found.',
    confirm: 'Confirm import', confirmNone: 'Nothing to import', another: 'Choose another file', cancel: 'Cancel', done: 'Import finished',
    created: 'Created', updated: 'Updated', unchanged: 'Unchanged', rejected: 'Rejected',
    downloadRejected: 'Download rejected rows (CSV)', failed: 'Could not read the spreadsheet.', retry: 'Try again', uploadFailed: 'Could not send the spreadsheet.',
    allUnchanged: 'Every customer in this spreadsheet is already up to date.', file: 'File', errorsCol: 'Errors', progress: 'Progress',
  },
  es: {
    title: 'Importar clientes',
    intro: 'Sube una planilla CSV o XLSX con un cliente por fila. Los clientes se identifican por CPF/CNPJ: los existentes se actualizan.',
    template: 'Descarga la plantilla con las columnas esperadas:', templateCsv: 'Plantilla CSV', templateXlsx: 'Plantilla XLSX',
    drop: 'Arrastra la planilla (CSV o XLSX) aquí o', choose: 'elige un archivo',
    wrongType: 'Sube un archivo .csv o .xlsx.', checking: 'Revisando la planilla…', importing: 'Importando…',
    summary: '{total} filas: {create} nuevos, {update} actualizados, {unchanged} sin cambios, {reject} con error.',
    preview: 'Vista previa', previewCaption: 'Primeras {n} filas de la planilla', row: 'Fila', name: 'Nombre', document: 'CPF/CNPJ', outcome: 'Resultado',
    o_create: 'Nuevo', o_update: 'Actualizar', o_unchanged: 'Sin cambios', o_reject: 'Con error',
    errors: 'Errores', errorsCaption: 'Errores por fila y campo ({n})', field: 'Campo', message: 'Error', noErrors: 'No se encontraron errores.',
    confirm: 'Confirmar importación', confirmNone: 'Nada que importar', another: 'Elegir otro archivo', cancel: 'Cancelar', done: 'Importación terminada',
    created: 'Creados', updated: 'Actualizados', unchanged: 'Sin cambios', rejected: 'Rechazados',
    downloadRejected: 'Descargar filas rechazadas (CSV)', failed: 'No se pudo leer la planilla.', retry: 'Intentar de nuevo', uploadFailed: 'No se pudo enviar la planilla.',
    allUnchanged: 'Todos los clientes de esta planilla ya están actualizados.', file: 'Archivo', errorsCol: 'Errores', progress: 'Progreso',
  },
};
