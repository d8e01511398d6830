// Validators, importable alone as `@clientela/core/validation`.
export {
  UFS,
  isValidCep,
  isValidCnpj,
  isValidCpf,
  isValidPhoneBR,
  isValidStateRegistration,
  isValidUf,
} from './documents.js';
export type { Uf } from './documents.js';
export { isPlainText } from './text.js';
