// Bundle budgets, min + gzip, measured by esbuild on the built dist (`npm run size` builds first).
// Each limit sits just above what it measured when last changed, so any growth fails `npm run size`:
// raise a limit in the commit that grows it, saying why. These are one-file bundles (everything
// inlined, lazily loaded parts included); what a page pays with code splitting, element by element
// and for core's root, is `node scripts/size-elements.mjs`, which `npm run size` runs next.
const core = 'packages/core/dist/index.js';
const schemas = 'packages/core/dist/schemas/index.js';
const schemaNames = `{ CustomerSchema, CustomerCreateSchema, CustomerPatchSchema, AddressSchema, CategorySchema,
  CategoryCreateSchema, CategoryPatchSchema, RegistrationSettingsSchema, CustomerListQuerySchema, ProblemSchema, parseWith }`;
const helpers = `{ isValidCpf, isValidCnpj, isValidCep, isValidPhoneBR, isValidStateRegistration, isValidUf,
  normalizeDocument, formatCpf, formatCnpj, formatCep, formatPhoneBR, toE164BR, maskDocument, whatsappUrl,
  initials, searchKey }`;

module.exports = [
  // The list query checks its `filter` text with the filter reader, so the filter language's
  // schemas come with it. Measured 20.90 kB (the schemas from /schemas, the helpers from the root).
  { name: 'core: schemas + validators + formatters', path: [core, schemas], import: { [schemas]: schemaNames, [core]: helpers }, limit: '21.2 kB', gzip: true },
  // Measured 3.71 kB.
  { name: 'core: validators + formatters only', path: core, import: { [core]: '{ isValidCpf, isValidCnpj, isValidCep, isValidPhoneBR, isValidStateRegistration, formatCpf, formatCnpj, formatCep, formatPhoneBR, maskDocument }' }, limit: '4 kB', gzip: true },
  // Every export of the root in one file (no zod, no client since 0.2), the en/es texts that a page
  // loads only on demand included. Measured 23.0 kB; 24.37 kB once the LGPD labels and sentences landed
  // (51.2 kB when it re-exported the schemas and the client). 25.68 kB measured on top of main at 01:37 UTC with
  // the duplicates' reason labels, addressLine and holdsIdentity (#18 §3) and what landed since the last measurement.
  { name: 'core: root (validators, formatters, rules, i18n, errors)', path: core, import: { [core]: '*' }, limit: '26.1 kB', gzip: true },
  // Root, schemas and client together, as a page that uses all of core pays. Measured 50.98 kB; 54.26 kB with privacy, consents and API keys; 55.12 kB with the merge rules and the duplicates' labels; 55.74 kB (55.57 before) with the Web Push subscription and key schemas and `client.devices.webPushKey`.
  { name: 'core: everything (root, /schemas, /client with ky)', path: 'scripts/core-everything.js', limit: '55.8 kB', gzip: true },
  // Every element, every language and every lazily loaded part in one module. Measured 142.0 kB:
  // <cl-message-composer> (its form, preview, variable menu and three languages) added 5.5 kB to
  // the 132.73 measured before it, <cl-message-log> and the table's message dialog 3.5 kB more. 140.82 kB once the category manager and the
  // data log showed filters without zod; 154.19 kB with the LGPD, API-key, duplicate and recovery elements; 161.39 kB with <cl-duplicates> (list, comparison, bulk merge, rebuild progress, three languages) and what landed since;
  // 164.64 kB (162.74 before) once <cl-duplicates> was split into its list model and two internal dialog elements
  // (their base, events and styles) and its comparison showed the categories (three languages) and the list a retry.
  // 163.11 kB (164.64 before) once the build minified the CSS of the elements' styles (scripts/minify-css.mjs).
  { name: 'elements: single-file CDN module (all elements, lit and core included)', path: 'packages/elements/dist/cdn/clientela.js', limit: '163.3 kB', gzip: true },
];
