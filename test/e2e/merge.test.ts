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
});
