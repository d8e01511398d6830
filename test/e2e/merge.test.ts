// End to end against the CLI server and the admin example, in Chromium (#18 §3): two records of
// one person, each with orders, are found as possible duplicates and merged; one customer is left
// with every order and the right totals, the other answers where it went, the table no longer
// lists it, and the admin's data log says what happened in a sentence.
import { createClient } from '@clientela/core/client';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const stack = useStack({ seed: 300 });
const run = Date.now() % 1e6;
const api = () => createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });

describe('merging two records of one person', () => {
  it('leaves one customer with all orders and the right totals, and the data log records it', async () => {
    const client = api();
    // A refused write fails the test naming the fields the server refused.
    const dbg = <T,>(p: Promise<T>) => p.catch((e: any) => { throw new Error(JSON.stringify(e.fieldErrors ?? e.problem ?? String(e))); });
    const address = { postalCode: '01310-100', street: 'Avenida Paulista', number: '900', city: 'São Paulo', state: 'SP' as const };
    const online = await dbg(client.customers.create({ kind: 'person', document: testCpf(run * 2 + 1), firstName: 'Renata', lastName: `Fusão ${run}`, email: `renata.${run}@example.com`, phone: '(11) 97654-3210', address }));
    const store = await dbg(client.customers.create({ kind: 'person', document: testCpf(run * 2 + 2), firstName: 'Renata', lastName: `Fusao ${run}`, email: `renata.loja.${run}@example.com`, phone: '(11) 97654-3210', address }));
    const placed = [
      [online.id, `E${run}-1`, 12_990],
      [online.id, `E${run}-2`, 4_500],
      [store.id, `L${run}-1`, 30_000],
      [store.id, `L${run}-2`, 1_010],
    ] as const;
    for (const [customerId, number, totalCents] of placed) {
      await dbg(client.orders.create({ customerId, number, placedAt: '2026-10-10T15:00:00.000Z', itemsCount: 1, totalCents, status: 'paid' }));
    }

    // Found on the writes themselves: same phone, the same name without accents in the same CEP.
    const [pair] = (await client.duplicates.list({ customerId: online.id })).items;
    expect(pair!.customers.map((c) => c.id).sort()).toEqual([online.id, store.id].sort());
    expect(pair!.reasons.map((r) => r.type)).toEqual(['phone', 'name_postal_code']);

    const preview = await client.duplicates.previewMerge({ survivorId: online.id, mergedId: store.id });
    expect(preview.after).toEqual({ ordersCount: 4, totalSpentCents: 48_500 });
    const { items } = await client.duplicates.merge({ merges: [{ survivorId: online.id, mergedId: store.id }] });
    expect(items[0]!.moved.orders).toBe(2);

    const survivor = await client.customers.retrieve(online.id, { document: 'masked' });
    expect(survivor.stats).toMatchObject({ ordersCount: 4, totalSpentCents: 48_500 });
    const orders = [];
    for await (const o of client.orders.iterate({ customerId: online.id })) orders.push(o.number);
    expect(orders.sort()).toEqual(placed.map(([, n]) => n).sort());
    const gone = await client.customers.retrieve(store.id, { document: 'masked' });
    expect(gone).toMatchObject({ status: 'merged', mergedInto: online.id });

    // The admin: the table lists one Renata with the four orders; the data log says it in words.
    const admin = await openAdmin(stack, { elements: ['cl-customer-table', 'cl-audit-log'] });
    const table = admin.locator('#main cl-customer-table');
    await table.locator('input[type=search]').fill(`${run}`);
    await table.locator('input[type=search]').press('Enter');
    await expect.poll(() => table.locator('[part~=row][data-id]').count(), { timeout: 30_000 }).toBe(1);
    await table.locator(`[part~=row][data-id="${online.id}"]`).waitFor({ timeout: 15_000 });
    await admin.click('#open-audit');
    const log = admin.locator('#audit-dialog cl-audit-log');
    await log.locator('[part=row]').first().waitFor({ timeout: 15_000 });
    await expect.poll(() => log.locator('[data-sentence]').allTextContents(), { timeout: 15_000 }).toContain(`Mesclou Renata Fusao ${run} em Renata Fusão ${run}`);
    await admin.close();
  }, 180_000);

  it('merges through the admin page: "Possíveis duplicados" → Comparar e unir → Unir leaves one customer with all orders', async () => {
    const client = api();
    const tag = run + 7;
    const address = { postalCode: '20040-002', street: 'Rua da Assembleia', number: '10', city: 'Rio de Janeiro', state: 'RJ' as const };
    const one = await client.customers.create({ kind: 'person', document: testCpf(tag * 2 + 1), firstName: 'Otávio', lastName: `Painel ${tag}`, email: `otavio.${tag}@example.com`, phone: '(21) 97654-3210', address });
    const two = await client.customers.create({ kind: 'person', document: testCpf(tag * 2 + 2), firstName: 'Otavio', lastName: `Painel ${tag}`, email: `otavio.pdv.${tag}@example.com`, phone: '(21) 97654-3210', address });
    await client.orders.create({ customerId: one.id, number: `P${tag}-1`, placedAt: '2026-10-10T15:00:00.000Z', itemsCount: 1, totalCents: 10_000, status: 'paid' });
    await client.orders.create({ customerId: two.id, number: `P${tag}-2`, placedAt: '2026-10-11T15:00:00.000Z', itemsCount: 1, totalCents: 2_500, status: 'paid' });
    await client.orders.create({ customerId: two.id, number: `P${tag}-3`, placedAt: '2026-10-12T15:00:00.000Z', itemsCount: 1, totalCents: 500, status: 'paid' });

    const admin = await openAdmin(stack, { elements: ['cl-duplicates'] });
    await admin.click('#open-duplicates');
    const list = admin.locator('#duplicates-dialog cl-duplicates');
    const key = [one.id, two.id].sort().join('|');
    const row = list.locator(`tr[data-pair="${key}"]`);
    await row.waitFor({ timeout: 30_000 });
    await row.locator('[data-compare]').click();
    const dialog = list.locator('dialog#compare');
    await dialog.locator('button[type=submit]').waitFor({ timeout: 15_000 });
    // The record with more orders stays; the totals after are shown before anything is written.
    await expect.poll(() => dialog.textContent(), { timeout: 15_000 }).toContain('3 pedidos');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => list.locator('[role=status]').textContent(), { timeout: 15_000 }).toContain('Registros unidos');
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);

    const survivor = await client.customers.retrieve(two.id, { document: 'masked' });
    expect(survivor.stats).toMatchObject({ ordersCount: 3, totalSpentCents: 13_000 });
    expect(await client.customers.retrieve(one.id, { document: 'masked' })).toMatchObject({ status: 'merged', mergedInto: two.id });
    const log = await client.audit.list({ action: 'customer.merge' } as never);
    expect(JSON.stringify(log.items)).toContain(two.id);
    await admin.close();
  }, 180_000);
});

