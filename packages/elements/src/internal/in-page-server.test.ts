import { expect, fixture, html } from '@open-wc/testing';
import { isRegistrationPending } from '@clientela/core/rules';
import { createClient } from '@clientela/core/client';
import { isAuthError } from '@clientela/core/errors';
import { createApp } from '@clientela/mock-server/browser';
import { beforeAll, describe, it } from 'vitest';
import '../customer-table/customer-table.js';
import { validCpf } from './test-helpers.js';

// The mock server's own app running inside this Chromium page: no port, no Node module. This is
// what the docs' live demos use, so it must stay platform-neutral (Web Crypto, @noble/hashes,
// a JSON-imported CEP dataset, the memory store).
describe('the mock server in the page (@clientela/mock-server/browser)', () => {
  let server: ReturnType<typeof createApp>;
  const clientFor = (apiKey: string) => createClient({ baseUrl: 'https://mock.invalid', apiKey, fetch: (r) => server.fetch(r) });

  beforeAll(async () => {
    server = createApp({ seed: 200 });
    // Requests wait for the seed by themselves; reading the store directly waits for `ready`
    // (the start seals secrets with Web Crypto before it writes the seed).
    await server.ready;
  });

  it('seeds 200 customers and lists every one through the API client, page by page', async () => {
    const client = clientFor(server.keys.secret);
    expect(await server.store.customerCount()).to.equal(200);
    const all = { status: ['active', 'inactive', 'blocked', 'deleted'] } as const;
    const first = await client.customers.list({ ...all, limit: 50 });
    expect(first.total).to.equal(200);
    expect(first.items).to.have.length(50);
    expect(first.nextCursor).to.be.a('string');
    const ids = new Set<string>();
    for await (const customer of client.customers.iterate({ ...all, limit: 37 })) ids.add(customer.id);
    expect(ids.size).to.equal(200);
  });

  it('answers the CEP lookup from the bundled dataset, with the publishable key', async () => {
    const address = await clientFor(server.keys.publishable).addresses.lookupCep('01310-100');
    expect(address.street).to.equal('Avenida Paulista');
    expect(address.state).to.equal('SP');
  });

  it('hashes passwords with scrypt in the page: register, invite, set a password, sign in', async () => {
    const storefront = clientFor(server.keys.publishable);
    const document = validCpf(4242);
    const email = `ana.${document}@example.com`;
    const registered = await storefront.account.register({ kind: 'person', document, firstName: 'Ana', lastName: 'Página', email });
    if (isRegistrationPending(registered)) throw new Error('expected a new customer, the store held the document');
    const invitation = await clientFor(server.keys.secret).customers.invite(registered.id);
    await storefront.account.setPassword({ token: invitation.token, email, password: 'senha-forte-123' });
    const session = await storefront.account.signIn({ email, password: 'senha-forte-123' });
    expect(session.customerId).to.equal(registered.id);
    const wrong = await storefront.account.signIn({ email, password: 'errada-123' }).catch((e: unknown) => e);
    expect(isAuthError(wrong)).to.equal(true);
  });

  it('streams a CSV export and audits its SHA-256, computed in the page', async () => {
    const client = clientFor(server.keys.secret);
    const { blob } = await client.exports.download({ format: 'csv', columns: ['name', 'email'], filter: { kind: 'person' } });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const hex = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
    const { items } = await client.audit.list({ limit: 5 });
    expect(items.find((e) => e.action === 'export')?.sha256).to.equal(hex);
  });

  it('feeds <cl-customer-table> through the client property', async () => {
    const client = clientFor(server.keys.secret);
    const el = await fixture<HTMLElement>(html`<cl-customer-table .client=${client} style="height: 400px"></cl-customer-table>`);
    let rows: NodeListOf<Element> | undefined;
    for (let i = 0; i < 100 && !rows?.length; i++) {
      await new Promise((r) => setTimeout(r, 50));
      rows = el.shadowRoot?.querySelectorAll('[part~=row]');
    }
    expect(rows?.length ?? 0).to.be.greaterThan(0);
  });
});
