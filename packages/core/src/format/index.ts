// Formatters, importable alone as `@clientela/core/format`.
export {
  addressLine,
  cityKey,
  customerDisplayName,
  digitsOnly,
  formatCep,
  formatCnpj,
  formatCpf,
  formatDocument,
  formatMoney,
  formatPercent,
  formatPhoneBR,
  initials,
  isMasked,
  maskDocument,
  normalizeDocument,
  searchKey,
  toE164BR,
  whatsappUrl,
} from './format.js';
export { birthDateProblem, formatDateBR, MAX_AGE_YEARS, parseDateBR } from './date.js';
export type { NamedCustomer } from './format.js';
export { csvCell, csvCellText, csvRow } from './csv.js';
export type { CsvSeparator, CsvValue } from './csv.js';
export { messageHtml, renderMessageText, unknownMessageVariables } from './message-template.js';
