// Bundle budgets, min + gzip, measured by esbuild on the built dist (`npm run size` builds first).
// Each limit sits just above what it measured when last changed, so any growth fails `npm run size`:
// raise a limit in the commit that grows it, saying why. These are one-file bundles (everything
// inlined, lazily loaded parts included); what a page pays with code splitting, element by element
// and for core's root, is `node scripts/size-elements.mjs`, which `npm run size` runs next.
const core = 'packages/core/dist/index.js';
const domain = `{ CustomerSchema, CustomerCreateSchema, CustomerPatchSchema, AddressSchema, CategorySchema,
  CategoryCreateSchema, CategoryPatchSchema, RegistrationSettingsSchema, CustomerListQuerySchema, ProblemSchema,
  parseWith, isValidCpf, isValidCnpj, isValidCep, isValidPhoneBR, isValidStateRegistration, isValidUf,
  normalizeDocument, formatCpf, formatCnpj, formatCep, formatPhoneBR, toE164BR, maskDocument, whatsappUrl,
  initials, searchKey }`;

module.exports = [
  // The list query checks its `filter` text with the filter reader, so the filter language's
  // schemas come with it. Measured 20.52 kB.
  { name: 'core: schemas + validators + formatters', path: core, import: { [core]: domain }, limit: '20.8 kB', gzip: true },
  // Measured 3.71 kB.
  { name: 'core: validators + formatters only', path: core, import: { [core]: '{ isValidCpf, isValidCnpj, isValidCep, isValidPhoneBR, isValidStateRegistration, formatCpf, formatCnpj, formatCep, formatPhoneBR, maskDocument }' }, limit: '4 kB', gzip: true },
  // Every export of the root in one file, the en/es texts that a page loads only on demand
  // included (6.3 kB of it). Measured 51.2 kB: messages (#17) added their schemas, the template
  // renderer, the audit sentence in three languages and client.messages (about 2.4 kB).
  { name: 'core: everything (schemas, validators, formatters, client, ky)', path: core, import: { [core]: '*' }, limit: '51.3 kB', gzip: true },
  // Every element, every language and every lazily loaded part in one module. Measured 142.0 kB:
  // <cl-message-composer> (its form, preview, variable menu and three languages) added 5.5 kB to
  // the 132.73 measured before it, <cl-message-log> and the table's message dialog 3.5 kB more.
  { name: 'elements: single-file CDN module (all elements, lit and core included)', path: 'packages/elements/dist/cdn/clientela.js', limit: '142.3 kB', gzip: true },
];
