import type { Key } from './customer-import.messages.js';

/** English words of `<cl-customer-import>`, loaded only when a page asks for `en`. */
export const table: Record<Key, string> = {
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
    consent: 'Accepts messages by', consentNone: 'No channel',
};
