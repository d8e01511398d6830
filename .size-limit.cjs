// Bundle budgets, min + gzip, measured by esbuild on the built dist (`npm run size` builds first).
// Budgets come from the issues; a change that crosses one fails `npm run size`.
const core = 'packages/core/dist/index.js';
const domain = `{ CustomerSchema, CustomerCreateSchema, CustomerPatchSchema, AddressSchema, CategorySchema,
  CategoryCreateSchema, CategoryPatchSchema, RegistrationSettingsSchema, CustomerListQuerySchema, ProblemSchema,
  parseWith, isValidCpf, isValidCnpj, isValidCep, isValidPhoneBR, isValidStateRegistration, isValidUf,
  normalizeDocument, formatCpf, formatCnpj, formatCep, formatPhoneBR, toE164BR, maskDocument, whatsappUrl,
  initials, searchKey }`;

module.exports = [
  { name: 'core: schemas + validators + formatters', path: core, import: { [core]: domain }, limit: '18 kB', gzip: true },
  { name: 'core: validators + formatters only', path: core, import: { [core]: '{ isValidCpf, isValidCnpj, isValidCep, isValidPhoneBR, isValidStateRegistration, formatCpf, formatCnpj, formatCep, formatPhoneBR, maskDocument }' }, limit: '6 kB', gzip: true },
  { name: 'core: everything (schemas, validators, formatters, client, ky)', path: core, import: { [core]: '*' }, limit: '26 kB', gzip: true },
];
