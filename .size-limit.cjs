// Bundle budgets, min + gzip, measured by esbuild on the built dist (`npm run size` builds first).
// Budgets come from the issues; a change that crosses one fails `npm run size`.
const core = 'packages/core/dist/index.js';
const domain = `{ CustomerSchema, CustomerCreateSchema, CustomerPatchSchema, AddressSchema, CategorySchema,
  CategoryCreateSchema, CategoryPatchSchema, RegistrationSettingsSchema, CustomerListQuerySchema, ProblemSchema,
  parseWith, isValidCpf, isValidCnpj, isValidCep, isValidPhoneBR, isValidStateRegistration, isValidUf,
  normalizeDocument, formatCpf, formatCnpj, formatCep, formatPhoneBR, toE164BR, maskDocument, whatsappUrl,
  initials, searchKey }`;

module.exports = [
  // Issue 13 loads the field messages' en/es on demand (pt-BR built in): 18.85 → 17.5 kB without
  // the list query. The list query's `filter` text is checked by the filter reader (issue 14's
  // filter language, +1.5 kB with its schemas): measured 19.4 kB, so 19.5 kB.
  { name: 'core: schemas + validators + formatters', path: core, import: { [core]: domain }, limit: '19.5 kB', gzip: true },
  { name: 'core: validators + formatters only', path: core, import: { [core]: '{ isValidCpf, isValidCnpj, isValidCep, isValidPhoneBR, isValidStateRegistration, formatCpf, formatCnpj, formatCep, formatPhoneBR, maskDocument }' }, limit: '6 kB', gzip: true },
  // Issue 4 set 26 kB before the response schemas of orders, credits, the wallet, audit, imports,
  // invitations and sessions existed (issues 3 and 7); the client parses every response with them.
  // Measured 27.4 kB; the client's own code is 3.7 kB of it. Raised to 27.5 kB, said in the note.
  // Issue 12 (the shopper's account: password rules, dd/mm/aaaa dates, the signed-in routes and
  // their messages in three languages) measured 28.9 kB with its first part; 29.8 kB leaves room
  // for the rest of it. An app that imports only what it uses pays none of it.
  // Issue 12's readable data log and Brazilian spreadsheets put the words a person reads for
  // the model (column, status, kind, source and credit labels) and the data log's sentences in
  // three languages into core, where the server, the exports and the elements share them:
  // measured +3.8 kB (30.1 → 33.9 kB), so 34.2 kB.
  // This budget bundles one file, so it also holds what a page loads only on demand (the en/es
  // texts, 5.6 kB): `node scripts/size-elements.mjs` measures core as a page pays for it, with
  // code splitting (41.4 kB at issue 13's close). Filters, saved views and their wording (issue
  // 14), stored orders and credits, the webhook signatures and the modular client's resources
  // brought the one-file bundle to 45.4 kB: 45.5 kB.
  { name: 'core: everything (schemas, validators, formatters, client, ky)', path: core, import: { [core]: '*' }, limit: '45.5 kB', gzip: true },
];

module.exports.push({
  name: 'elements: single-file CDN module (all elements, lit and core included)',
  path: 'packages/elements/dist/cdn/clientela.js',
  // 90 kB until issue 12: the shopper's signed-in area ("Minha conta": details, orders, credits,
  // password change, in three languages) added 4.7 kB to the one-file bundle, which inlines every
  // lazily loaded part. A page importing elements one by one loads the area only once signed in.
  // The data log's sentences and the labels they use (core's describeAuditEntry, three
  // languages) added 3.3 kB (95.4 → 98.7 kB): 99 kB.
  // The filter builder and saved views (issue 14), the orders and credits in the card and the
  // account, and the data log's filter wording: 123.8 kB measured at issue 13's close (the
  // one-file module inlines every language and every lazily loaded part), so 124 kB.
  limit: '124 kB',
  gzip: true,
});
