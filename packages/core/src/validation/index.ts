// Validators, importable alone as `@clientela/core/validation`.
export { isValidCnpj, isValidCpf, isValidPhoneBR, isValidStateRegistration } from './documents.js';
export { isValidCep, isValidUf, stateOfCep, UFS } from './places.js';
export type { Uf } from './places.js';
export { isPlainText } from './text.js';
