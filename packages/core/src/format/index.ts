// Formatters, importable alone as `@clientela/core/format`.
export {
  digitsOnly,
  formatCep,
  formatCnpj,
  formatCpf,
  formatPhoneBR,
  initials,
  maskDocument,
  normalizeDocument,
  searchKey,
  toE164BR,
  whatsappUrl,
} from './format.js';
export { birthDateProblem, formatDateBR, MAX_AGE_YEARS, parseDateBR } from './date.js';
