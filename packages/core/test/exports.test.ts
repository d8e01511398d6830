import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The public names packages/core/README.md documents: validators, formatters and vocabularies at
// the root; schemas at `/schemas`; the client at `/client`.
const ROOT_NAMES = [
  'isValidCpf', 'isValidCnpj', 'isValidCep', 'isValidPhoneBR', 'isValidStateRegistration', 'isValidUf',
  'normalizeDocument', 'formatCpf', 'formatCnpj', 'formatCep', 'formatPhoneBR', 'toE164BR', 'maskDocument',
  'whatsappUrl', 'initials', 'searchKey', 'formatDocument', 'isMasked', 'customerDisplayName',
  'CUSTOMER_KINDS', 'CUSTOMER_STATUSES', 'SETTABLE_STATUSES', 'fieldRules', 'describeFilterText', 'isApiError',
];
const SCHEMA_NAMES = [
  'CustomerSchema', 'PersonCustomerSchema', 'CompanyCustomerSchema', 'CustomerCreateSchema', 'CustomerPatchSchema',
  'AddressSchema', 'CategorySchema', 'CategoryCreateSchema', 'CategoryPatchSchema', 'RegistrationSettingsSchema',
  'CustomerListQuerySchema', 'ProblemSchema', 'CustomerListItemSchema', 'MaskedDocumentSchema',
  'parseWith', 'parseFilter', 'CUSTOMER_KINDS', 'fieldRules',
];
const CLIENT_NAMES = ['createClient', 'composeClient', 'customersResource', 'encodeFilter'];

describe('the published @clientela/core', () => {
  it('exposes every name its README documents at its entry point, when imported by package name in plain Node', () => {
    // A child Node process resolves the package through node_modules and its exports map, so
    // this checks what a user gets (the built dist), not the source the other tests import.
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const keys = (entry: string): string[] =>
      JSON.parse(
        execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import('${entry}'); console.log(JSON.stringify(Object.keys(m)))`], {
          cwd: root,
          encoding: 'utf8',
        }),
      );
    const rootNames = keys('@clientela/core');
    for (const name of ROOT_NAMES) expect(rootNames, name).toContain(name);
    const schemaNames = keys('@clientela/core/schemas');
    for (const name of SCHEMA_NAMES) expect(schemaNames, name).toContain(name);
    const clientNames = keys('@clientela/core/client');
    for (const name of CLIENT_NAMES) expect(clientNames, name).toContain(name);
    // The root leaves out what needs zod or ky, so a page importing it pays for neither.
    for (const name of ['createClient', 'composeClient', 'CustomerSchema', 'parseWith']) expect(rootNames, name).not.toContain(name);
  });
});
