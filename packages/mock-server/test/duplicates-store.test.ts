import { describe, expect, it } from 'vitest';
import type { Customer } from '@clientela/core';
import { generateSeed } from '../src/seed/seed.js';
import { nameSimilarity, scoreOf } from '../src/store/duplicate-rows.js';
import { everyStore } from './stores.js';

// Duplicate candidates kept by the store itself on every customer write (#18 §3).
const STORES = everyStore('duplicates-store');

/** Customers with nothing in common: distinct e-mails, phones and names, no address. */
function sample(n: number): Customer[] {
  return generateSeed(n, 7).customers.map(
    (c, i) => ({ ...c, status: 'active', email: `p${i}@example.com`, phone: `+55119${String(10_000_000 + i).padStart(8, '0')}`, address: undefined, kind: 'person', firstName: `Pessoa${'abcdefghij'[i % 10]}${i}`, lastName: `Sobrenome${i}` }) as Customer,
  );
}

const PAULISTA = { postalCode: '01310-100', street: 'Avenida Paulista', number: '1', city: 'São Paulo', state: 'SP' as const, country: 'BR' as const };

function bump(c: Customer, patch: Partial<Customer>): Customer {
  return { ...c, ...patch, version: c.version + 1, updatedAt: '2026-11-23T00:00:00.000Z' } as Customer;
}

describe('duplicate scoring', () => {
  it('measures names by trigrams, folding nothing itself, and scores independent evidence', () => {
    expect(nameSimilarity('joao da silva', 'joao da silva')).toBe(1);
    expect(nameSimilarity('joao da silva', 'joao silva')).toBeGreaterThan(0.6);
    expect(nameSimilarity('maria souza', 'pedro lima')).toBeLessThan(0.1);
    expect(scoreOf([{ type: 'document' }])).toBe(95);
    expect(scoreOf([{ type: 'email' }, { type: 'phone' }])).toBe(88);
    expect(scoreOf([{ type: 'name_postal_code', similarity: 1 }])).toBe(55);
  });
});

describe.each(STORES)('duplicate candidates on %s', (_kind, open) => {
  it('pairs on every write by e-mail, phone and a similar name in one CEP; an edit that removes the reason removes the pair', async () => {
    const store = await open();
    const [a, b, c, d] = sample(4) as [Customer, Customer, Customer, Customer];
    await store.insertCustomers([a, b]);
    expect((await store.listDuplicatePairs({ limit: 10 })).items).toEqual([]);
    await store.insertCustomer({ ...c, email: a.email!.toUpperCase() } as Customer);
    await store.insertCustomer({ ...d, phone: b.phone } as Customer);
    let page = await store.listDuplicatePairs({ limit: 10 });
    expect(page.items.map((p) => [[p.a, p.b].sort().join(), p.reasons.map((r) => r.type)])).toEqual([
      [[a.id, c.id].sort().join(), ['email']],
      [[b.id, d.id].sort().join(), ['phone']],
    ]);
    // The same person typed twice at one CEP, with and without accents and particles.
    await store.updateCustomer(bump(a, { firstName: 'João', lastName: 'da Silva Souza', address: PAULISTA } as Partial<Customer>), a.version);
    await store.updateCustomer(bump(b, { firstName: 'Joao', lastName: 'Silva Souza', address: PAULISTA } as Partial<Customer>), b.version);
    page = await store.listDuplicatePairs({ limit: 10 });
    const ab = page.items.find((p) => [p.a, p.b].sort().join() === [a.id, b.id].sort().join());
    expect(ab?.reasons).toEqual([{ type: 'name_postal_code', similarity: 1 }]);
    // c changes e-mail: the a–c pair goes.
    await store.updateCustomer(bump(c, { email: 'outra@example.com' }), c.version);
    page = await store.listDuplicatePairs({ limit: 10 });
    expect(page.items.some((p) => [p.a, p.b].includes(c.id))).toBe(false);
    expect(page.items).toHaveLength(2);
    await store.close();
  });

  it('pairs a deleted holder of a document with the live customer who holds it now, and never two deleted ones', async () => {
    const store = await open();
    const [a, b] = sample(2) as [Customer, Customer];
    await store.insertCustomer(a);
    await store.updateCustomer(bump(a, { status: 'deleted' }), a.version);
    await store.insertCustomer({ ...b, document: a.document } as Customer);
    const [pair] = (await store.listDuplicatePairs({ limit: 10 })).items;
    expect(pair).toMatchObject({ a: [a.id, b.id].sort()[0], b: [a.id, b.id].sort()[1], score: 95, reasons: [{ type: 'document' }] });
    await store.updateCustomer(bump(b, { document: a.document, status: 'deleted' }), b.version);
    expect((await store.listDuplicatePairs({ limit: 10 })).items).toEqual([]);
    await store.close();
  });

  it('a dismissed pair stays dismissed through later writes, is not listed, and pages follow the score', async () => {
    const store = await open();
    const people = sample(6);
    // Three pairs of three strengths: e-mail + phone, e-mail, phone.
    const [a, b, c, d, e, f] = people as [Customer, Customer, Customer, Customer, Customer, Customer];
    await store.insertCustomers([a, c, e]);
    await store.insertCustomers([{ ...b, email: a.email, phone: a.phone } as Customer, { ...d, email: c.email } as Customer, { ...f, phone: e.phone } as Customer]);
    const all = (await store.listDuplicatePairs({ limit: 10 })).items;
    expect(all.map((p) => p.score)).toEqual([88, 70, 60]);
    const first = await store.listDuplicatePairs({ limit: 2 });
    expect(first.hasMore).toBe(true);
    const last = first.items[1]!;
    const rest = await store.listDuplicatePairs({ limit: 2, after: { score: last.score, a: last.a, b: last.b } });
    expect(rest).toEqual({ items: [all[2]], hasMore: false });
    const ab = all[0]!;
    const dismissed = await store.dismissDuplicatePair(ab.a, ab.b, '2026-11-24T00:00:00.000Z');
    expect(dismissed?.dismissedAt).toBe('2026-11-24T00:00:00.000Z');
    await store.updateCustomer(bump(a, { notes: 'editada' }), a.version);
    await store.refreshDuplicates([(await store.getCustomer(b.id))!]);
    expect((await store.listDuplicatePairs({ limit: 10 })).items.map((p) => p.score)).toEqual([70, 60]);
    expect((await store.getDuplicatePair(ab.a, ab.b))?.dismissedAt).toBe('2026-11-24T00:00:00.000Z');
    expect((await store.listDuplicatePairs({ limit: 10, customerId: e.id })).items).toHaveLength(1);
    expect(await store.dismissDuplicatePair(a.id < c.id ? a.id : c.id, a.id < c.id ? c.id : a.id, '2026-11-24T00:00:00.000Z')).toBeUndefined();
    await store.close();
  });
});
