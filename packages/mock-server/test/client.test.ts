import { createApp } from '../src/index.js';
import { isRegistrationPending } from '@clientela/core/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isAuthError,
  isConflictError,
  isNetworkError,
  isNotFoundError,
  isPreconditionFailedError,
  isPreconditionRequiredError,
  isRateLimitError,
  isTimeoutError,
  isValidationError,
  type ApiError,
  type ConflictError,
  type PreconditionFailedError,
  type RateLimitError,
  type ValidationError,
} from '@clientela/core/errors';
import type { Customer } from '@clientela/core/schemas';
import { createClient, type ClientOptions } from '@clientela/core/client';

// The client against the real mock server, in process: `createApp().fetch` stands in for the
// network, so every round trip goes through the server's routes, validation and store.

type Server = ReturnType<typeof createApp>;
const BASE = 'http://mock.test';

/** A valid CPF built from nine digits (the check digits computed), so creates never clash. */
function cpf(n: number): string {
  const digits = String(n).padStart(9, '0').slice(-9).split('').map(Number);
  for (const length of [9, 10]) {
    const sum = digits.slice(0, length).reduce((acc, d, i) => acc + d * (length + 1 - i), 0);
    digits.push(((sum * 10) % 11) % 10);
  }
  return digits.join('');
}
let next = 731_000_000 + Math.floor(Math.random() * 1_000_000);
const person = (extra: Record<string, unknown> = {}) => {
  const document = cpf(next++);
  return { kind: 'person' as const, document, firstName: 'Ana', lastName: `Teste ${document}`, email: `ana.${document}@example.com`, ...extra };
};

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );

let server: Server;
const clientFor = (options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: BASE, apiKey: server.keys.secret, fetch: server.fetch, retry: { limit: 2, backoffLimit: 1 }, ...options });

beforeAll(() => {
  server = createApp({ seed: 60 });
});
afterAll(() => server.close());

describe('customers', () => {
  it('list a page with the total, masked documents, and the query applied', async () => {
    const client = clientFor();
    const page = await client.customers.list({ limit: 10, sort: 'name' });
    expect(page.items).toHaveLength(10);
    const everyStatus = ['active', 'inactive', 'blocked', 'deleted'] as const;
    const all = await client.customers.list({ status: everyStatus, limit: 1 });
    const deleted = await client.customers.list({ status: 'deleted', limit: 1 });
    expect(all.total).toBeGreaterThanOrEqual(60);
    expect(page.total).toBe(all.total - deleted.total); // `status` defaults to all but deleted
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(page.items.every((c) => c.document.includes('*'))).toBe(true);
    const names = page.items.map((c) => (c.kind === 'person' ? `${c.firstName} ${c.lastName}` : c.legalName));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'pt-BR', { sensitivity: 'base' })));
    const companies = await client.customers.list({ kind: 'company', limit: 200 });
    expect(companies.items.every((c) => c.kind === 'company')).toBe(true);
  });

  it('create, retrieve (full document, version), update with the record, and reject a stale version with the current record', async () => {
    const client = clientFor();
    const body = person();
    const created = await client.customers.create(body);
    expect(created).toMatchObject({ kind: 'person', document: body.document, source: expect.any(String), version: 1 });

    const read = await client.customers.retrieve(created.id);
    expect(read.document).toBe(body.document);
    expect(read.version).toBe(created.version);
    // A page that only shows the customer reads it masked (not a reveal in the data log).
    const shown = await client.customers.retrieve(created.id, { document: 'masked' });
    expect(shown.document).toMatch(/^\*\*\*\.\d{3}\.\d{3}-\*\*$/);
    expect(shown.version).toBe(created.version);

    const saved = await client.customers.update(read, { notes: 'prefere WhatsApp' });
    expect(saved.notes).toBe('prefere WhatsApp');
    expect(saved.version).toBe(read.version + 1);

    // `read` is now stale: the write is refused and the error carries the record as it is now.
    const error = await rejection(client.customers.update(read, { notes: 'outra coisa' }));
    expect(isPreconditionFailedError(error)).toBe(true);
    const current = (error as PreconditionFailedError<Customer>).current;
    expect(current).toMatchObject({ id: created.id, version: saved.version, notes: 'prefere WhatsApp' });
    // "Overwrite": the same change against the current version goes through.
    const overwritten = await client.customers.update(current!, { notes: 'outra coisa' });
    expect(overwritten).toMatchObject({ notes: 'outra coisa', version: saved.version + 1 });
  });

  it('refuse an update without If-Match with a 428', async () => {
    const client = clientFor();
    const { id } = await client.customers.create(person());
    const error = await rejection(client.customers.update(id, { notes: 'x' }));
    expect(isPreconditionRequiredError(error)).toBe(true);
    expect((error as ApiError).status).toBe(428);
  });

  it('give a ConflictError with existingId for a document already in use', async () => {
    const client = clientFor();
    const body = person();
    const first = await client.customers.create(body);
    const error = await rejection(client.customers.create({ ...body, email: 'other@example.com' }));
    expect(isConflictError(error)).toBe(true);
    expect((error as ConflictError).existingId).toBe(first.id);
  });

  it('sync by document: created from the point of sale, then known to the online store too; the same body again changes nothing; a taken external id is a ConflictError', async () => {
    const client = clientFor();
    const { document, kind: _k, ...fields } = person();
    const changes: string[] = [];
    client.changes.subscribe((change) => changes.push(change.type));
    const formatted = `${document.slice(0, 3)}.${document.slice(3, 6)}.${document.slice(6, 9)}-${document.slice(9)}`;
    const created = await client.customers.sync(formatted, { kind: 'person', ...fields, source: 'pos', externalId: `pdv-${document}` });
    expect(created).toMatchObject({ document, source: 'pos', sources: ['pos'], externalIds: { pos: `pdv-${document}` }, version: 1 });
    const both = await client.customers.sync(document, { kind: 'person', firstName: 'Ana', lastName: fields.lastName, source: 'ecommerce' });
    expect(both).toMatchObject({ id: created.id, sources: ['pos', 'ecommerce'], version: 2, email: fields.email });
    expect((await client.customers.sync(document, { kind: 'person', firstName: 'Ana', lastName: fields.lastName, source: 'ecommerce' })).version).toBe(2);
    expect(changes).toEqual(['customer.created', 'customer.updated', 'customer.updated']);
    const other = person();
    const error = (await rejection(client.customers.sync(other.document, { kind: 'person', firstName: 'Bia', lastName: 'Lima', source: 'pos', externalId: `pdv-${document}` }))) as ConflictError;
    expect(isConflictError(error)).toBe(true);
    expect(error.existingId).toBe(created.id);
  });

  it('give a ValidationError with field errors in the client’s locale', async () => {
    const client = clientFor({ locale: 'en' });
    const error = await rejection(client.customers.create({ ...person(), document: '111.111.111-11' }));
    expect(isValidationError(error)).toBe(true);
    expect((error as ValidationError).status).toBe(422);
    expect((error as ValidationError).fieldErrors['document']).toEqual(['Invalid CPF.']);
  });

  it('soft-delete: the record stays, with status deleted', async () => {
    const client = clientFor();
    const created = await client.customers.create(person());
    await client.customers.delete(created.id);
    expect((await client.customers.retrieve(created.id)).status).toBe('deleted');
    const listed = await client.customers.list({ q: created.document });
    expect(listed.items.map((c) => c.id)).not.toContain(created.id);
  });

  it('bulk-add a category to chosen customers', async () => {
    const client = clientFor();
    const [a, b] = await Promise.all([client.customers.create(person()), client.customers.create(person())]);
    const category = await client.categories.create({ name: `Bulk ${next++}`, color: '#123456' });
    const result = await client.customers.bulk({ ids: [a!.id, b!.id], action: 'addCategories', categoryIds: [category.id] });
    expect(result).toEqual({ matched: 2, updated: 2 });
    expect((await client.customers.retrieve(a!.id)).categoryIds).toContain(category.id);
  });

  it('bulk and export every customer a filter matches except some, and refuse exceptions without a filter', async () => {
    const client = clientFor({ locale: 'es' });
    const tag = `Exceto${next++}`;
    const made = await Promise.all([1, 2, 3].map(() => client.customers.create(person({ lastName: `${tag} Silva` }))));
    const [kept, ...rest] = made as [Customer, ...Customer[]];
    const category = await client.categories.create({ name: `Except ${next++}`, color: '#654321' });
    expect(await client.customers.bulk({ filter: { q: tag }, exceptIds: [kept.id], action: 'addCategories', categoryIds: [category.id] })).toEqual({ matched: 2, updated: 2 });
    for (const c of rest) expect((await client.customers.retrieve(c.id)).categoryIds).toContain(category.id);
    expect((await client.customers.retrieve(kept.id)).categoryIds).not.toContain(category.id);
    const { blob } = await client.exports.download({ format: 'csv', dialect: 'machine', filter: { q: tag }, exceptIds: [rest[0]!.id], columns: ['id'] });
    const ids = (await blob.text()).replace(/^\uFEFF/, '').trim().split(/\r\n/).slice(1).sort();
    expect(ids).toEqual([kept.id, rest[1]!.id].sort());
    const error = await rejection(client.customers.bulk({ ids: [kept.id], exceptIds: [kept.id], action: 'delete' }));
    expect(isValidationError(error)).toBe(true);
    expect((error as ValidationError).fieldErrors['exceptIds']).toEqual(['exceptIds va solo con filter: todos los que cumplen el filtro, salvo estos.']);
  });

  it('read orders page by page and credits of a seeded customer with history', async () => {
    const client = clientFor();
    let withOrders: Customer | undefined;
    for await (const c of client.customers.iterate({ sort: '-ordersCount', limit: 5 })) {
      withOrders = c;
      break;
    }
    expect(withOrders?.stats.ordersCount).toBeGreaterThan(1);
    const first = await client.customers.orders(withOrders!.id, { limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await client.customers.orders(withOrders!.id, { limit: 1, cursor: first.nextCursor! });
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    const credits = await client.customers.credits(withOrders!.id);
    expect(Array.isArray(credits)).toBe(true);
  });

  it('a 404 for an unknown id is a NotFoundError', async () => {
    expect(isNotFoundError(await rejection(clientFor().customers.retrieve('cus_does_not_exist')))).toBe(true);
  });
});

describe('units', () => {
  it('list, create (id from the name), update with the record, refuse a duplicate name and deleting a unit with orders; the change feed hears each write', async () => {
    const client = clientFor({ locale: 'en' });
    const heard: string[] = [];
    client.changes.subscribe((c) => heard.push(c.type));
    expect((await client.units.list()).map((u) => u.id)).toEqual(['loja_online', 'loja_centro', 'loja_shopping']);
    const kiosk = await client.units.create({ name: 'Quiosque Shopping Eldorado' });
    expect(kiosk).toMatchObject({ id: 'quiosque_shopping_eldorado', status: 'active', version: 1 });
    const closed = await client.units.update(kiosk, { status: 'inactive' });
    expect(closed).toMatchObject({ status: 'inactive', version: 2 });
    expect(isPreconditionFailedError(await rejection(client.units.update(kiosk, { name: 'X' })))).toBe(true);
    const dup = await rejection(client.units.create({ name: 'QUIOSQUE shopping eldorado' }));
    expect(isConflictError(dup) && (dup as ConflictError).problem.errors?.[0]?.message).toBe('A unit with this name already exists.');
    expect(isConflictError(await rejection(client.units.delete('loja_centro')))).toBe(true);
    expect((await client.units.list({ status: 'inactive' })).map((u) => u.id)).toEqual([kiosk.id]);
    await client.units.delete(closed);
    expect(isNotFoundError(await rejection(client.units.retrieve(kiosk.id)))).toBe(true);
    expect(heard).toEqual(['unit.created', 'unit.updated', 'unit.deleted']);
  });
});

describe('iterate', () => {
  it('walks 1,000 customers while others are inserted between pages: none repeated, none skipped', async () => {
    const big = createApp({ seed: 1000 });
    try {
      const client = createClient({ baseUrl: BASE, apiKey: big.keys.secret, fetch: big.fetch });
      const before = new Set<string>();
      const status = ['active', 'inactive', 'blocked', 'deleted'] as const;
      for await (const c of client.customers.iterate({ status, sort: 'name', limit: 200 })) before.add(c.id);
      expect(before.size).toBe(1000);

      const seen: string[] = [];
      let inserted = 0;
      for await (const c of client.customers.iterate({ status, sort: 'name', limit: 97 })) {
        seen.push(c.id);
        if (seen.length % 97 === 0) {
          // Between pages: new customers whose names sort before and after the cursor.
          await client.customers.create(person({ firstName: 'Aaron' }));
          await client.customers.create(person({ firstName: 'Zuleica' }));
          inserted += 2;
        }
      }
      expect(inserted).toBeGreaterThan(10);
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of before) expect(seen).toContain(id);
    } finally {
      big.close();
    }
  });

  it('list by offset: the same rows as walking pages, then on by cursor; iterate from an offset', async () => {
    const client = clientFor();
    const walked: string[] = [];
    for await (const c of client.customers.iterate({ sort: 'name', limit: 7 })) walked.push(c.id);
    const page = await client.customers.list({ sort: 'name', offset: 13, limit: 5 });
    expect(page.total).toBe(walked.length);
    expect(page.items.map((c) => c.id)).toEqual(walked.slice(13, 18));
    const next = await client.customers.list({ sort: 'name', cursor: page.nextCursor!, limit: 5 });
    expect(next.items.map((c) => c.id)).toEqual(walked.slice(18, 23));
    const rest: string[] = [];
    for await (const c of client.customers.iterate({ sort: 'name', offset: 20, limit: 6 })) rest.push(c.id);
    expect(rest).toEqual(walked.slice(20));
    const both = await rejection(client.customers.list({ offset: 1, cursor: page.nextCursor! }));
    expect(isValidationError(both) && (both as ValidationError).fieldErrors).toEqual({ offset: [expect.any(String)] });
  });

  it('stops requesting when the loop breaks', async () => {
    let requests = 0;
    const client = clientFor({
      fetch: (request) => {
        requests++;
        return server.fetch(request);
      },
    });
    let count = 0;
    for await (const _ of client.customers.iterate({ limit: 5 })) if (++count === 7) break;
    expect(count).toBe(7);
    expect(requests).toBe(2);
  });
});

describe('retries against the server', () => {
  it('a create whose answers are lost twice creates exactly one customer', async () => {
    let attempts = 0;
    const flaky = async (request: Request) => {
      attempts++;
      const response = await server.fetch(request);
      if (attempts <= 2) throw new TypeError('connection reset after the server answered');
      return response;
    };
    const client = clientFor({ fetch: flaky });
    const body = person();
    const created = await client.customers.create(body);
    expect(attempts).toBe(3);
    const found = await clientFor().customers.list({ q: body.document });
    expect(found.items.map((c) => c.id)).toEqual([created.id]);
  });

  it('a PATCH whose answer is lost is retried and returns its own write, not a 412', async () => {
    let lose = 0;
    const client = clientFor({
      fetch: async (request) => {
        const response = await server.fetch(request);
        if (lose-- > 0) throw new TypeError('connection reset after the server answered');
        return response;
      },
    });
    const created = await client.customers.create(person());
    lose = 1;
    const updated = await client.customers.update(created, { notes: 'resposta perdida' });
    expect(updated).toMatchObject({ id: created.id, version: created.version + 1, notes: 'resposta perdida' });
    // A later, separate edit with the old version is still refused.
    expect(isPreconditionFailedError(await client.customers.update(created, { notes: 'outra' }).catch((e: unknown) => e))).toBe(true);
  });

  it('an import whose answer is lost reports what the first attempt did', async () => {
    let lose = 0;
    const client = clientFor({
      fetch: async (request) => {
        const response = await server.fetch(request);
        if (lose-- > 0) throw new TypeError('connection reset after the server answered');
        return response;
      },
    });
    const body = person();
    lose = 1;
    const report = await client.imports.upload(`kind,document,firstName,lastName,email\r\nperson,${body.document},${body.firstName},${body.lastName},${body.email}\r\n`, { dryRun: false });
    expect(report, JSON.stringify(report.errors)).toMatchObject({ created: 1, unchanged: 0 });
  });

  it('a category create and a bulk action whose answers are lost are applied once', async () => {
    let lose = 0;
    const client = clientFor({
      fetch: async (request) => {
        const response = await server.fetch(request);
        if (lose-- > 0) throw new TypeError('connection reset after the server answered');
        return response;
      },
    });
    const name = `Perdida ${next++}`;
    lose = 2;
    const category = await client.categories.create({ name });
    expect((await client.categories.list()).filter((c) => c.name === name).map((c) => c.id)).toEqual([category.id]);

    const { id } = await client.customers.create(person());
    lose = 1;
    expect(await client.customers.bulk({ ids: [id], action: 'setStatus', status: 'blocked' })).toEqual({ matched: 1, updated: 1 });
  });

  it('a rate-limited call gives a RateLimitError with retryAfter when the wait is long', async () => {
    const limited = createApp({ rateLimit: { max: 1, windowMs: 60_000 } });
    try {
      let requests = 0;
      const client = createClient({
        baseUrl: BASE,
        apiKey: limited.keys.publishable,
        fetch: (request) => (requests++, limited.fetch(request)),
      });
      await client.settings.retrievePublic();
      const error = await rejection(client.settings.retrievePublic());
      expect(isRateLimitError(error)).toBe(true);
      expect((error as RateLimitError).retryAfter).toBeGreaterThan(10);
      expect(requests).toBe(2);
    } finally {
      limited.close();
    }
  });

  it('without an idempotency key a POST is not retried', async () => {
    let attempts = 0;
    const client = clientFor({
      fetch: async (request) => {
        attempts++;
        await server.fetch(request);
        throw new TypeError('connection reset after the server answered');
      },
    });
    expect(isNetworkError(await rejection(client.exports.download({ format: 'csv', columns: ['id'] })))).toBe(true);
    expect(attempts).toBe(1);
  });
});

describe('abort and timeout', () => {
  it('abort rejects with an AbortError', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const client = clientFor({ fetch: async (request) => (await gate, server.fetch(request)) });
    const controller = new AbortController();
    const pending = rejection(client.customers.list({}, { signal: controller.signal }));
    controller.abort();
    release();
    expect((await pending as Error).name).toBe('AbortError');
  });

  it('a server that does not answer in time gives a TimeoutError', async () => {
    const client = clientFor({ fetch: () => new Promise<Response>(() => {}), timeout: 30 });
    expect(isTimeoutError(await rejection(client.customers.list()))).toBe(true);
  });
});

describe('keys', () => {
  it('a wrong key is an AuthError; a publishable key reaches public routes only', async () => {
    expect(isAuthError(await rejection(clientFor({ apiKey: 'sk_wrong' }).customers.list()))).toBe(true);
    const storefront = clientFor({ apiKey: server.keys.publishable });
    const denied = await rejection(storefront.customers.list());
    expect(isAuthError(denied) && (denied as ApiError).status).toBe(403);
    expect((await storefront.settings.retrievePublic()).person.email).toEqual(expect.any(String));
  });
});

describe('categories', () => {
  it('list, create, rename with If-Match; a duplicate name is a conflict; there is no delete', async () => {
    const client = clientFor();
    const all = await client.categories.list();
    expect(all.length).toBeGreaterThanOrEqual(8);
    const inactive = await client.categories.list({ status: 'inactive' });
    expect(inactive.length).toBeGreaterThan(0);
    expect(inactive.every((c) => c.status === 'inactive')).toBe(true);

    const created = await client.categories.create({ name: `Clientes ${next++}`, color: '#00aa55' });
    const renamed = await client.categories.update(created, { name: `${created.name} B`, status: 'inactive' });
    expect(renamed).toMatchObject({ status: 'inactive', version: created.version + 1 });
    const stale = await rejection(client.categories.update(created, { color: '#000000' }));
    expect(isPreconditionFailedError(stale)).toBe(true);
    expect((stale as PreconditionFailedError).current).toMatchObject({ id: created.id, version: renamed.version });

    expect(isConflictError(await rejection(client.categories.create({ name: renamed.name.toUpperCase() })))).toBe(true);
    expect('delete' in client.categories).toBe(false);
  });

  it('an automatic category with a discount: a bad rule is a ValidationError at rule; figures for every category in one call; a shopper reads the discount that applies', async () => {
    const client = clientFor({ locale: 'en' });
    const bad = await rejection(client.categories.create({ name: `Regra ${next++}`, rule: 'uf-XX' }));
    expect(isValidationError(bad)).toBe(true);
    expect((bad as ValidationError).fieldErrors).toEqual({ rule: ['Invalid filter condition: “uf-XX”.'] });
    const big = await client.categories.create({ name: `Grandes ${next++}`, rule: 'spent-min-1', discountPercent: 7 });
    expect(big).toMatchObject({ rule: 'spent-min-1', discountPercent: 7 });
    const { items } = await client.categories.figures();
    const figures = items.find((f) => f.categoryId === big.id)!;
    expect(figures.members).toBe(big.customerCount);
    expect(figures.members).toBeGreaterThan(0);
    expect(items.length).toBe((await client.categories.list()).length);
    const cleared = await client.categories.update(big, { discountPercent: null });
    expect(cleared.discountPercent).toBeUndefined();

    const email = `desconto.${next++}@example.com`;
    const registered = await client.account.register({ ...person({ email }), password: 'Compra-segura-2026' } as never);
    if (isRegistrationPending(registered)) throw new Error('expected a new customer, the store held the document');
    const session = await client.account.signIn({ email, password: 'Compra-segura-2026' });
    await client.categories.update(cleared, { discountPercent: 9 });
    const shopper = await clientFor({ apiKey: server.keys.publishable }).account.benefits(session.token);
    expect(shopper).toEqual({ discountPercent: 0, appliedFrom: null, discounts: [] });
    await client.orders.create({ customerId: registered.id, number: `D-${next++}`, placedAt: new Date(Date.now() - 60_000).toISOString(), itemsCount: 1, totalCents: 100, status: 'paid' });
    const after = await clientFor({ apiKey: server.keys.publishable }).account.benefits(session.token);
    expect(after).toMatchObject({ discountPercent: 9, appliedFrom: { source: 'category', categoryId: big.id } });
  });
});

describe('settings', () => {
  it('retrieve, update and read back through the public route', async () => {
    const client = clientFor();
    const settings = await client.settings.retrieve();
    const changed = { ...settings, person: { ...settings.person, phone: 'required' as const } };
    expect(await client.settings.update(changed)).toEqual(changed);
    expect(await clientFor({ apiKey: server.keys.publishable }).settings.retrievePublic()).toEqual(changed);
    await client.settings.update(settings);
  });
});

describe('addresses', () => {
  it('look up a CEP from the dataset, with or without the hyphen', async () => {
    const client = clientFor({ apiKey: server.keys.publishable });
    const address = await client.addresses.lookupCep('01310-100');
    expect(address).toMatchObject({ street: 'Avenida Paulista', district: 'Bela Vista', city: 'São Paulo', state: 'SP' });
    expect(isNotFoundError(await rejection(client.addresses.lookupCep('00500-000')))).toBe(true);
  });
});

describe('exports, imports and the audit log', () => {
  it('download a CSV with a filename; the export is audited with the actor', async () => {
    const client = clientFor({ actor: 'Maria Operadora' });
    const { blob, filename } = await client.exports.download({ format: 'csv', columns: ['name', 'email'], filter: { kind: 'person' } });
    expect(filename).toMatch(/\.csv$/);
    const text = await blob.text();
    expect(text.split(/\r?\n/).filter(Boolean).length).toBeGreaterThan(10);

    const { items } = await client.audit.list({ action: 'export', limit: 5 });
    expect(items[0]).toMatchObject({ action: 'export', columns: ['name', 'email'] });
    expect(items[0]!.count).toBe(text.split(/\r?\n/).filter(Boolean).length - 1);
  });

  it('stream an XLSX export', async () => {
    const { stream, filename } = await clientFor().exports.stream({ format: 'xlsx', columns: ['name'] });
    expect(filename).toMatch(/\.xlsx$/);
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // "PK": a zip container
  });

  it('fetch the template; dry-run, import, and re-import a CSV (the second time changes nothing)', async () => {
    const client = clientFor({ locale: 'en' });
    const template = await client.imports.template('csv');
    expect(template.filename).toMatch(/\.csv$/);
    const header = (await template.blob.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    expect(header.split(';')).toHaveLength(26);

    const body = person();
    const csv = `kind,document,firstName,lastName,email\r\nperson,${body.document},Ana,${body.lastName},${body.email}\r\n`;
    const dry = await client.imports.upload(csv, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, totalRows: 1, created: 1, rejected: 0 });
    expect((await client.customers.list({ q: body.document })).total).toBe(0);

    const done = await client.imports.upload(new Blob([csv], { type: 'text/csv' }), { filename: 'clientes.csv' });
    expect(done).toMatchObject({ dryRun: false, created: 1 });
    expect((await client.customers.list({ q: body.document })).items[0]).toMatchObject({ source: 'import' });
    expect(await client.imports.upload(csv)).toMatchObject({ created: 0, unchanged: 1 });
  });

  it('iterate the audit log, newest first', async () => {
    const entries = [];
    for await (const entry of clientFor().audit.iterate({ limit: 3 })) entries.push(entry);
    expect(entries.length).toBeGreaterThan(3);
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('list the credit wallet', async () => {
    const page = await clientFor().credits.list({ status: 'active', limit: 5 });
    expect(page.items.length).toBeGreaterThan(0);
    // `active` is what can still be spent: credits about to lapse are among them.
    expect(page.items.every((e) => ['active', 'expiring'].includes(e.credit.status) && e.credit.balanceCents > 0)).toBe(true);
  });
});

describe('orders and credits', () => {
  it('create an order (idempotent), move its status with the record read, refuse a stale one and a move back, and tell the change feed', async () => {
    const client = clientFor({ locale: 'en' });
    const changes: string[] = [];
    client.changes.subscribe((c) => changes.push(c.type));
    const ana = await client.customers.create(person());
    const body = { customerId: ana.id, number: `CLI-${ana.id}`, placedAt: '2026-11-20T10:00:00.000Z', itemsCount: 2, totalCents: 8_000, status: 'paid' as const, source: 'pos' as const };
    const order = await client.orders.create(body, { idempotencyKey: `cli-${ana.id}` });
    expect((await client.orders.create(body, { idempotencyKey: `cli-${ana.id}` })).id).toBe(order.id);
    expect((await client.customers.retrieve(ana.id, { document: 'masked' })).stats).toMatchObject({ ordersCount: 1, totalSpentCents: 8_000 });
    const dup = await rejection(client.orders.create(body));
    expect(isConflictError(dup) && (dup as ConflictError).problem).toMatchObject({ existingId: order.id });

    const shipped = await client.orders.update(order, { status: 'shipped' });
    expect(shipped).toMatchObject({ status: 'shipped', version: 2 });
    const stale = await rejection(client.orders.update(order, { status: 'delivered' }));
    expect(isPreconditionFailedError(stale)).toBe(true);
    expect((stale as PreconditionFailedError).current).toMatchObject({ id: order.id, version: 2 });
    await client.orders.update(shipped, { status: 'returned' });
    const back = await rejection(client.orders.update(order.id, { status: 'paid' }, { ifMatch: 3 }));
    expect(isValidationError(back) && (back as ValidationError).fieldErrors['status']).toEqual(['An order that is returned cannot become paid.']);
    expect((await client.customers.retrieve(ana.id, { document: 'masked' })).stats).toMatchObject({ ordersCount: 0, totalSpentCents: 0 });
    const mine = [];
    for await (const o of client.orders.iterate({ customerId: ana.id, limit: 1 })) mine.push(o.id);
    expect(mine).toEqual([order.id]);
    expect(changes.filter((t) => t.startsWith('order.'))).toEqual(['order.created', 'order.created', 'order.updated', 'order.updated']);
  });

  it('grant, redeem and read credits; more than the balance is a ValidationError naming it', async () => {
    const client = clientFor();
    const bia = await client.customers.create(person());
    const expiresAt = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const grant = await client.credits.grant(bia.id, { kind: 'referral', amountCents: 3_000, expiresAt });
    expect(grant).toMatchObject({ type: 'grant', amountCents: 3_000, customerId: bia.id });
    const spent = await client.credits.redeem(bia.id, { amountCents: 1_000 });
    expect(spent.entries).toHaveLength(1);
    expect(spent.credits.balanceCents).toBe(2_000);
    expect((await client.credits.of(bia.id)).items[0]).toMatchObject({ id: grant.id, balanceCents: 2_000, redeemedCents: 1_000 });
    expect((await client.customers.credits(bia.id))[0]!.balanceCents).toBe(2_000);
    const over = await rejection(client.credits.redeem(bia.id, { amountCents: 2_001 }));
    expect(isValidationError(over) && (over as ValidationError).fieldErrors['amountCents']).toEqual(['Saldo de créditos insuficiente: disponível R$\u00a020,00.']);
  });
});

describe('account', () => {
  it('register with a publishable key, invite, set a password, sign in', async () => {
    const storefront = clientFor({ apiKey: server.keys.publishable });
    const body = person();
    const registered = await storefront.account.register(body);
    if (isRegistrationPending(registered)) throw new Error('expected a new customer, the store held the document');
    expect(registered).toMatchObject({ document: expect.any(String), source: 'storefront' });

    const invitation = await clientFor().customers.invite(registered.id);
    expect(invitation.customerId).toBe(registered.id);
    const fromInvitation = await storefront.account.setPassword({ token: invitation.token, email: body.email!, password: 'senha-forte-123' });
    expect(fromInvitation.customerId).toBe(invitation.customerId);
    expect(fromInvitation.token.length).toBeGreaterThan(20);
    const session = await storefront.account.signIn({ email: body.email, password: 'senha-forte-123' });
    expect(session.customerId).toBe(registered.id);
    expect(isAuthError(await rejection(storefront.account.signIn({ email: body.email, password: 'errada-123' })))).toBe(true);
  });
});

describe('changes', () => {
  it('tells subscribers about each successful write made through the client, and nothing after unsubscribe', async () => {
    const client = clientFor();
    const seen: string[] = [];
    const stop = client.changes.subscribe((change) => {
      if (change.type === 'category.created' || change.type === 'category.updated') seen.push(`${change.type} ${change.category.name} ${change.category.status}`);
      else if (change.type === 'customer.created' || change.type === 'customer.updated') seen.push(`${change.type} ${change.customer.id} v${change.customer.version}`);
      else if (change.type === 'customer.deleted') seen.push(`${change.type} ${change.id}`);
      else if (change.type === 'customer.bulk') seen.push(`${change.type} ${change.request.action} ${change.result.updated}`);
      else seen.push(change.type);
    });
    const name = `Feed ${next}`;
    const category = await client.categories.create({ name, color: '#123456' });
    await client.categories.update(category, { status: 'inactive' });
    const customer = await client.customers.create(person());
    await client.customers.update(customer, { notes: 'x' });
    await client.customers.bulk({ ids: [customer.id], action: 'setStatus', status: 'blocked' });
    await client.customers.delete(customer.id);
    // A refused write tells nobody.
    await rejection(client.categories.create({ name, color: '#123456' }));
    expect(seen).toEqual([
      `category.created ${name} active`,
      `category.updated ${name} inactive`,
      `customer.created ${customer.id} v1`,
      `customer.updated ${customer.id} v2`,
      'customer.bulk setStatus 1',
      `customer.deleted ${customer.id}`,
    ]);
    stop();
    await client.categories.create({ name: `${name} 2`, color: '#123456' });
    expect(seen).toHaveLength(6);
  });

  it('keeps telling the other listeners when one throws', async () => {
    const client = clientFor();
    const got: string[] = [];
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on('uncaughtException', onError);
    try {
      client.changes.subscribe(() => {
        throw new Error('broken listener');
      });
      client.changes.subscribe((c) => got.push(c.type));
      await client.categories.create({ name: `Feed b ${next++}`, color: '#123456' });
      await new Promise((r) => setTimeout(r, 0));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(got).toEqual(['category.created']);
  });
});
