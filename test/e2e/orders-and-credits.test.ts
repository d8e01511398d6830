// End to end on the admin example, in Chromium: the card shows what is stored. An order and a
// credit recorded through the API appear on the customer's card with the figures the server
// computed; a return made through the API shows as "Devolvido" with the amount taken back out;
// a customer with no history shows none (nothing is generated on read).
import { createClient } from '@clientela/core/client';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const stack = useStack({ seed: 50 });
const run = Date.now() % 1e6;
const api = () => createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');

describe('the card shows the stored orders and credits', () => {
  it('an order and a credit recorded through the API, then a return, as the admin sees them', async () => {
    const client = api();
    const rita = await client.customers.create({ kind: 'person', document: testCpf(run * 7 + 3), firstName: 'Rita', lastName: `Pedidos ${run}`, email: `rita.${run}@example.com` });
    const empty = await client.customers.create({ kind: 'person', document: testCpf(run * 7 + 4), firstName: 'Nina', lastName: `Sem pedidos ${run}`, email: `nina.${run}@example.com` });
    const placedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const order = await client.orders.create({ customerId: rita.id, number: `E2E-${run}`, placedAt, itemsCount: 3, totalCents: 25_990, status: 'delivered', source: 'pos' });
    await client.orders.create({ customerId: rita.id, number: `E2E-${run}-2`, placedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(), itemsCount: 1, totalCents: 4_010, status: 'paid', source: 'storefront' });
    await client.credits.grant(rita.id, { kind: 'cashback', amountCents: 1_300, expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString(), orderId: order.id });

    const admin = await openAdmin(stack, { elements: ['cl-customer-card', 'cl-customer-table'] });
    const open = (id: string) => admin.evaluate((cid) => document.dispatchEvent(new CustomEvent('cl-customer-open', { detail: { id: cid } })), id);
    const card = admin.locator('#detail cl-customer-card');
    await open(rita.id);
    await card.locator('[part~=order-row]').first().waitFor({ timeout: 15_000 });
    expect(flat(await card.locator('[part~=order-row]').first().textContent())).toContain(`E2E-${run}`);
    expect(flat(await card.locator('[part~=order-row]').first().textContent())).toContain('Entregue');
    const stats = flat(await card.locator('section[aria-labelledby=h-stats]').textContent());
    expect(stats).toMatch(/Pedidos\s*2/);
    expect(stats).toMatch(/Total gasto\s*R\$\s300,00/);
    expect(stats).toMatch(/Ticket médio\s*R\$\s150,00/);
    const credit = card.locator('section[aria-labelledby=h-credits] tbody tr').first();
    // Amount and balance, and the origin the server wrote from the order.
    expect(flat(await credit.textContent())).toMatch(new RegExp(`Bônus \\(cashback\\) R\\$\\s13,00 R\\$\\s13,00 .*#E2E-${run}`));

    // The store's backend records the return; the admin opens the card again.
    await client.orders.update(order, { status: 'returned' });
    await open(empty.id);
    await expect.poll(() => card.locator('h2').textContent(), { timeout: 15_000 }).toBe(`Nina Sem pedidos ${run}`);
    // Nothing generated for a customer without history.
    expect(await card.locator('[part~=order-row]').count()).toBe(0);
    expect(flat(await card.locator('section[aria-labelledby=h-orders]').textContent())).toContain('Nenhum pedido');
    await open(rita.id);
    await expect.poll(async () => flat(await card.locator('[part~=order-row]').first().textContent()), { timeout: 15_000 }).toContain('Devolvido');
    const after = flat(await card.locator('section[aria-labelledby=h-stats]').textContent());
    expect(after).toMatch(/Pedidos\s*1/);
    expect(after).toMatch(/Total gasto\s*R\$\s40,10/);
    await admin.close();
  }, 120_000);
});
