// End to end on the admin example, in Chromium: a point of sale and an online store sync the same
// customers by document through the real server (PUT /v1/customers/by-document/{document}), twice
// each, and the admin sees one row per person whose "Origem" names both systems; the "Origem"
// menu keeps those a system knows (and lives in the URL); the card lists the systems with the
// point of sale's code. And the measure, over HTTP against the CLI server: 1,000 records
// synced twice from two systems end as 1,000 customers, which the admin counts.
import { createClient } from '@clientela/core/client';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const stack = useStack({ seed: 40 });
const run = Date.now() % 1e6;
const flat = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('double-source sync, seen in the admin', () => {
  it('30 customers synced twice from a point of sale and an online store: 30 rows, each known to both; the Origem menu and the card show it', async () => {
    const api = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const tag = `Sinc${run}`;
    const people = Array.from({ length: 30 }, (_, i) => ({ document: testCpf(run * 100 + i), firstName: `Pessoa${String(i).padStart(2, '0')}`, lastName: tag, i }));
    // Each system sends its whole list twice (after being offline, say); the second pass changes nothing.
    for (const pass of [1, 2]) {
      for (const source of ['pos', 'ecommerce'] as const) {
        const written = await Promise.all(people.map((p) => api.customers.sync(p.document, { kind: 'person', firstName: p.firstName, lastName: p.lastName, source, externalId: `${source}-${p.i}` })));
        expect(written.every((c) => c.version === (pass === 1 && source === 'pos' ? 1 : 2)), `pass ${pass} from ${source}`).toBe(true);
      }
    }
    // Five more known only to the point of sale.
    const counterOnly = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => api.customers.sync(testCpf(run * 100 + 50 + i), { kind: 'person', firstName: `Balcao${i}`, lastName: tag, source: 'pos' })),
    );
    expect(counterOnly.every((c) => c.sources?.join() === 'pos')).toBe(true);

    const admin = await openAdmin(stack, { viewport: { width: 1600, height: 900 }, suffix: `?q=${tag}&sort=name`, elements: ['cl-customer-table', 'cl-customer-card'] });
    const table = admin.locator('#main cl-customer-table');
    const rows = table.locator('[part~=row][data-id]');
    const origins = () => table.locator('[part~=row][data-id] [data-key=source]').allTextContents().then((all) => all.map(flat));
    const tabs = () => table.locator('[role=tab]').first().textContent().then(flat);
    await expect.poll(tabs, { timeout: 30_000 }).toBe('Todos (35)');
    await rows.first().waitFor({ timeout: 15_000 });
    const shown = await origins();
    expect(shown.filter((o) => o === 'Ponto de venda, E-commerce').length + shown.filter((o) => o === 'Ponto de venda').length).toBe(shown.length);
    expect(shown.slice(0, 5)).toEqual(Array(5).fill('Ponto de venda'));
    expect(shown[5]).toBe('Ponto de venda, E-commerce');

    // "Origem: E-commerce" keeps the 30 the online store knows, and the URL remembers it.
    await table.getByLabel('Origem').selectOption({ label: 'E-commerce' });
    await expect.poll(tabs, { timeout: 30_000 }).toBe('Todos (30)');
    await expect.poll(() => new URL(admin.url()).searchParams.get('source')).toBe('ecommerce');
    expect(new Set(await origins())).toEqual(new Set(['Ponto de venda, E-commerce']));
    await admin.reload();
    await admin.waitForFunction(() => customElements.get('cl-customer-table'));
    await expect.poll(tabs, { timeout: 30_000 }).toBe('Todos (30)');
    expect(await table.getByLabel('Origem').inputValue()).toBe('ecommerce');

    // The card names both systems, with the point of sale's code.
    const first = people[0]!;
    await table.getByText(`${first.firstName} ${tag}`).click();
    const card = admin.locator('cl-customer-card');
    await expect.poll(() => card.locator('[data-sources]').textContent().then(flat), { timeout: 15_000 }).toBe('Ponto de venda (código pos-0), E-commerce (código ecommerce-0)');
    expect(flat(await card.locator('[data-source]').textContent())).toBe('Ponto de venda');
    await admin.close();
  }, 180_000);

  it('1,000 records synced twice from a point of sale and an online store, over HTTP, end as 1,000 customers; the admin counts 1.000', async () => {
    const api = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const tag = `Mil${run}`;
    const records = Array.from({ length: 1000 }, (_, i) => ({ document: testCpf(run * 10_000 + 5_000 + i), firstName: `Cliente${String(i).padStart(4, '0')}`, lastName: tag, i }));
    expect(new Set(records.map((r) => r.document)).size).toBe(1000);
    /** One system's whole list, twenty requests at a time as a sync job runs; the versions it got back. */
    const syncAll = async (source: 'pos' | 'ecommerce') => {
      const versions: number[] = [];
      for (let at = 0; at < records.length; at += 20) {
        const batch = records.slice(at, at + 20);
        const written = await Promise.all(batch.map((r) => api.customers.sync(r.document, { kind: 'person', firstName: r.firstName, lastName: r.lastName, source, externalId: `${source}-${tag}-${r.i}` })));
        versions.push(...written.map((c) => c.version));
      }
      return new Set(versions);
    };
    expect(await syncAll('pos')).toEqual(new Set([1]));
    expect(await syncAll('ecommerce')).toEqual(new Set([2]));
    // The second pass of each system changes nothing: same version, no new customer.
    expect(await syncAll('pos')).toEqual(new Set([2]));
    expect(await syncAll('ecommerce')).toEqual(new Set([2]));

    const all = [];
    for await (const c of api.customers.iterate({ q: tag, limit: 200 })) all.push(c);
    expect(all).toHaveLength(1000);
    expect(all.every((c) => c.source === 'pos' && c.sources?.join() === 'pos,ecommerce' && c.version === 2)).toBe(true);
    expect(all.every((c) => c.externalIds?.['ecommerce'] === c.externalIds?.['pos']?.replace('pos', 'ecommerce'))).toBe(true);

    const admin = await openAdmin(stack, { suffix: `?q=${tag}` });
    const tabs = () => admin.locator('#main cl-customer-table [role=tab]').first().textContent().then(flat);
    await expect.poll(tabs, { timeout: 30_000 }).toBe('Todos (1.000)');
    await admin.close();
  }, 300_000);
});
