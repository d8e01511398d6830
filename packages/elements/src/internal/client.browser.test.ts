import { isPreconditionFailedError, isValidationError, type Customer, type PreconditionFailedError } from '@clientela/core';
import { createClient } from '@clientela/core/client';
import { describe, expect, inject, it } from 'vitest';
import { validCpf } from './test-helpers.js';

// The core client in a real browser (Chromium) against the mock server running as a separate
// process (started by test/mock-server.global-setup.ts): real HTTP, real CORS preflights for
// Authorization, If-Match and Idempotency-Key, and headers (Content-Disposition) read across origins.

const baseUrl = inject('mockServerUrl');
const keys = inject('mockServerKeys');
const client = createClient({ baseUrl, apiKey: keys.secret, locale: 'en', actor: 'browser test' });
const person = () => {
  const document = validCpf(Date.now() % 1e9 + Math.floor(Math.random() * 1e6));
  return { kind: 'person' as const, document, firstName: 'Bia', lastName: `Navegador ${document}`, email: `bia.${document}@example.com` };
};

describe('the core client in a browser, against the mock server process', () => {
  it('lists the seeded customers across origins', async () => {
    const page = await client.customers.list({ limit: 25 });
    expect(page.items).toHaveLength(25);
    const all = await client.customers.list({ status: ['active', 'inactive', 'blocked', 'deleted'], limit: 1 });
    expect(all.total).toBeGreaterThanOrEqual(300); // --seed 300
    expect(page.total).toBeLessThan(all.total); // some seeded customers are deleted, and hidden by default
    expect(location.origin).not.toBe(new URL(baseUrl).origin);
  });

  it('creates, updates with If-Match, and gets the current record on a stale write', async () => {
    const created = await client.customers.create(person());
    const read = await client.customers.retrieve(created.id);
    const saved = await client.customers.update(read, { notes: 'from Chromium' });
    expect(saved).toMatchObject({ notes: 'from Chromium', version: read.version + 1 });
    const error = await client.customers.update(read, { notes: 'stale' }).catch((e: unknown) => e);
    expect(isPreconditionFailedError(error)).toBe(true);
    expect((error as PreconditionFailedError<Customer>).current?.version).toBe(saved.version);
  });

  it('reports field errors from the server in the client’s locale', async () => {
    const error = await client.customers.create({ ...person(), document: '123.456.789-00' }).catch((e: unknown) => e);
    expect(isValidationError(error) && error.fieldErrors['document']).toEqual(['Invalid CPF.']);
  });

  it('looks up a CEP with the publishable key', async () => {
    const storefront = createClient({ baseUrl, apiKey: keys.publishable || keys.secret });
    expect(await storefront.addresses.lookupCep('01310-100')).toMatchObject({ city: 'São Paulo', state: 'SP' });
  });

  it('downloads an export as a Blob with the filename from Content-Disposition', async () => {
    const { total } = await client.customers.list({ limit: 1 });
    const { blob, filename } = await client.exports.download({ format: 'csv', columns: ['name', 'email'] });
    // The client's fallback is `clientes.csv`: a dated name shows the header was exposed by CORS.
    expect(filename).toMatch(/^clientes-.+\.csv$/);
    const lines = (await blob.text()).split(/\r?\n/).filter(Boolean);
    expect(lines).toHaveLength(total + 1);
  });

  it('aborts a call', async () => {
    const controller = new AbortController();
    const pending = client.customers.list({ limit: 200 }, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(((await pending) as Error).name).toBe('AbortError');
  });
});
