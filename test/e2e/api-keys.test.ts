// End to end on the admin example, in Chromium, against the CLI server: in Configurações → "Chaves
// de API", a person creates a secret key (shown once, with its warning and copy button), the test
// uses it over HTTP, rotates it (the successor shown once, and until when the old one works; both
// work), revokes the successor from the keyboard after confirming, and sees 401; a read-only key
// made in the admin gets 403 read_only_key on a PATCH. The section has no axe violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { createClient } from '@clientela/core/client';
import { describe, expect, it } from 'vitest';
import { SECRET_KEY } from '../../scripts/examples-harness.mjs';
import { openAdmin, testCpf, useStack } from './stack.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const stack = useStack({ seed: 20 });
const run = Date.now() % 1e6;

async function api(path: string, key: string, init: RequestInit = {}): Promise<{ status: number; json: any }> {
  const res = await fetch(`${stack.server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) } });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

async function axeViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(c: Element): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    return (await axe.run(document.querySelector(sel)!)).violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, selector);
}

describe('API keys in the admin settings', () => {
  it('create a secret key, use it, rotate it (both work in the overlap), revoke the successor by keyboard → 401', async () => {
    const admin = await openAdmin(stack);
    await admin.click('#open-settings');
    const section = admin.locator('#settings-dialog #api-keys-settings');
    await section.getByRole('heading', { name: 'Chaves de API' }).waitFor({ timeout: 15_000 });
    const name = `ERP ${run}`;
    await section.getByLabel('Nome da chave').fill(name);
    await section.getByRole('radio', { name: 'Secreta', exact: true }).check();
    await section.getByRole('button', { name: 'Criar chave' }).click();

    const once = section.locator('.api-key-once');
    await once.waitFor({ timeout: 15_000 });
    expect(await once.textContent()).toContain('Esta é a única vez que a chave aparece');
    const key = (await once.locator('[data-key]').textContent())!.trim();
    expect(key).toMatch(/^sk_live_/);
    // Focus went to the copy button, so a keyboard user copies at once.
    expect(await admin.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim())).toBe('Copiar chave');
    const row = section.locator('tr[data-api-key]', { hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain(`sk_live_…${key.slice(-4)}`);
    expect(await row.textContent()).not.toContain(key);
    expect(await axeViolations(admin, '#api-keys-settings')).toEqual([]);

    // The key works from another system, and the list shows it was used.
    expect((await api('/v1/customers?limit=1', key)).status).toBe(200);

    // Rotate with the default overlap (24 hours): the successor is shown once, with the old key's end.
    await row.getByRole('button', { name: /^Trocar/ }).click();
    expect(await admin.evaluate(() => document.activeElement?.id)).toBe('api-key-overlap');
    await section.getByRole('button', { name: 'Trocar chave' }).click();
    await expect.poll(async () => (await once.locator('[data-key]').textContent())?.trim(), { timeout: 15_000 }).not.toBe(key);
    const successor = (await once.locator('[data-key]').textContent())!.trim();
    expect(successor).toMatch(/^sk_live_/);
    expect(await once.locator('[data-previous-until]').textContent()).toMatch(/A chave anterior continua funcionando até \d{2}\/\d{2}\/\d{4}/);
    expect((await api('/v1/customers?limit=1', key)).status).toBe(200);
    expect((await api('/v1/customers?limit=1', successor)).status).toBe(200);
    expect(await section.locator('tr[data-api-key][data-status=expiring]', { hasText: name }).count()).toBe(1);
    expect(await axeViolations(admin, '#api-keys-settings')).toEqual([]);

    // Revoke the successor from the keyboard: the button, then the confirmation that took focus.
    await once.getByRole('button', { name: 'Já guardei a chave' }).click();
    const active = section.locator('tr[data-api-key][data-status=active]', { hasText: name });
    await active.getByRole('button', { name: /^Revogar/ }).focus();
    await admin.keyboard.press('Enter');
    const confirm = section.getByRole('button', { name: 'Revogar agora' });
    await confirm.waitFor();
    expect(await admin.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim())).toBe('Revogar agora');
    expect(await axeViolations(admin, '#api-keys-settings')).toEqual([]);
    await admin.keyboard.press('Enter');
    await section.locator('tr[data-api-key][data-status=revoked]', { hasText: name }).waitFor({ timeout: 15_000 });
    expect(await section.locator('[role=status]').textContent()).toContain('revogada');

    const refused = await api('/v1/customers?limit=1', successor);
    expect(refused.status).toBe(401);
    expect((await api('/v1/customers?limit=1', key)).status).toBe(200); // the old one still has its overlap
    await admin.close();
  }, 180_000);

  it('a read-only key made in the admin reads, and a PATCH with it gets 403 read_only_key', async () => {
    const client = createClient({ baseUrl: stack.server.url, apiKey: SECRET_KEY });
    const ana = await client.customers.create({ kind: 'person', document: testCpf(run * 11 + 5), firstName: 'Ana', lastName: `Leitura ${run}`, email: `ana.leitura.${run}@example.com` });
    const admin = await openAdmin(stack, { suffix: '?lang=en' });
    await admin.click('#open-settings');
    const section = admin.locator('#settings-dialog #api-keys-settings');
    await section.getByLabel('Key name').fill(`BI ${run}`);
    await section.getByRole('radio', { name: 'Secret, read-only' }).check();
    await section.getByRole('button', { name: 'Create key' }).click();
    const code = section.locator('.api-key-once [data-key]');
    await code.waitFor({ timeout: 15_000 });
    const key = (await code.textContent())!.trim();
    expect(await section.locator('tr[data-api-key]', { hasText: `BI ${run}` }).textContent()).toContain('Secret, read-only');

    expect((await api(`/v1/customers/${ana.id}`, key)).status).toBe(200);
    const patch = await api(`/v1/customers/${ana.id}`, key, { method: 'PATCH', body: JSON.stringify({ notes: 'não pode' }), headers: { 'If-Match': `"${ana.version}"` } });
    expect(patch.status).toBe(403);
    expect(patch.json.type).toMatch(/read-only-key$/);
    expect(patch.json.title).toBe('Chave somente leitura');
    expect((await client.customers.retrieve(ana.id)).notes).toBeUndefined();
    await admin.close();
  }, 120_000);
});
