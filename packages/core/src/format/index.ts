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
