import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The public names packages/core/README.md documents for validators, formatters and schemas.
const README_NAMES = [
  'isValidCpf', 'isValidCnpj', 'isValidCep', 'isValidPhoneBR', 'isValidStateRegistration', 'isValidUf',
  'normalizeDocument', 'formatCpf', 'formatCnpj', 'formatCep', 'formatPhoneBR', 'toE164BR', 'maskDocument',
  'whatsappUrl', 'initials', 'searchKey', 'formatDocument', 'isMasked', 'customerDisplayName',
  'CustomerSchema', 'PersonCustomerSchema', 'CompanyCustomerSchema', 'CustomerCreateSchema', 'CustomerPatchSchema',
  'AddressSchema', 'CategorySchema', 'CategoryCreateSchema', 'CategoryPatchSchema', 'RegistrationSettingsSchema',
  'CustomerListQuerySchema', 'ProblemSchema', 'CustomerListItemSchema', 'MaskedDocumentSchema',
  'CUSTOMER_KINDS', 'CUSTOMER_STATUSES', 'SETTABLE_STATUSES', 'fieldRules',
];

describe('the published @clientela/core', () => {
  it('exposes every name its README documents, when imported by package name in plain Node', () => {
    // A child Node process resolves the package through node_modules and its exports map, so
    // this checks what a user gets (the built dist), not the source the other tests import.
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', "const m = await import('@clientela/core'); console.log(JSON.stringify(Object.keys(m)))"],
      { cwd: root, encoding: 'utf8' },
    );
    const names: string[] = JSON.parse(out);
    for (const name of README_NAMES) expect(names, name).toContain(name);
  });
});
